"""The whole nanoGPT CPU baby run, mgpt against nanoGPT's own train.py, alternated on one machine.

    python scripts/bench_nanogpt.py NANOGPT_DIR [--rounds 2] [--json docs/data/nanogpt.json]

NANOGPT_DIR is a checkout of karpathy/nanoGPT (it is not part of mgpt and never copied into
it); without it the script says so and stops. Its tinyshakespeare data is prepared from
../shared/corpora/tinyshakespeare.txt with its own data/shakespeare_char/prepare.py when
train.bin is missing (its input.txt is written there first, so nothing is downloaded).

Each round runs both commands once, order swapped every round (A B, B A, ...), each timed as one
wall-clock command from start to exit, evaluations and checkpoint writes included:
- nanoGPT: its README's CPU baby settings, `python train.py config/train_shakespeare_char.py
  --device=cpu --compile=False --eval_iters=20 --log_interval=1 --block_size=64 --batch_size=12
  --n_layer=4 --n_head=4 --n_embd=128 --max_iters=2000 --lr_decay_iters=2000 --dropout=0.0`;
- mgpt: `mgpt train` with the same model size, batch, steps, schedule, evaluation interval and
  iterations (scripts/bench_quality.py's shakespeare run).
Reported: each run's wall time, the median of each and their ratio (mgpt / nanoGPT; the bar is
<= 0.7), and the val loss each printed at its last evaluation (bar <= 1.88).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from statistics import median

import benchlib
from bench_quality import RUNS

NANOGPT_FLAGS = ["config/train_shakespeare_char.py", "--device=cpu", "--compile=False", "--eval_iters=20",
                 "--log_interval=1", "--block_size=64", "--batch_size=12", "--n_layer=4", "--n_head=4",
                 "--n_embd=128", "--max_iters=2000", "--lr_decay_iters=2000", "--dropout=0.0"]
EVAL_LINE = re.compile(r"step (\d+): train loss ([\d.]+), val loss ([\d.]+)")
SETTLE_S = 2.0  # between runs: the last one's threads and page cache settle


def prepare_nanogpt(root):
    data = os.path.join(root, "data", "shakespeare_char")
    if not os.path.exists(os.path.join(root, "train.py")) or not os.path.isdir(data):
        sys.exit(f"{root}: not a nanoGPT checkout (no train.py or data/shakespeare_char); "
                 "fetch karpathy/nanoGPT into a folder outside mgpt and pass that folder")
    if not os.path.exists(os.path.join(data, "train.bin")):
        shutil.copyfile(benchlib.corpus("tinyshakespeare.txt"), os.path.join(data, "input.txt"))
        subprocess.run([sys.executable, "prepare.py"], cwd=data, check=True, stdout=subprocess.DEVNULL)


def run_nanogpt(root, out_dir):
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "train.py", *NANOGPT_FLAGS, f"--out_dir={out_dir}"], cwd=root,
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode:
        sys.exit(f"nanoGPT's train.py failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    evals = [(int(s), float(t), float(v)) for s, t, v in EVAL_LINE.findall(proc.stdout)]
    return {"wall_s": round(wall, 1), "last_step": evals[-1][0], "val_loss": evals[-1][2],
            "curve": [{"step": s, "train_loss": t, "val_loss": v} for s, t, v in evals]}


def run_mgpt(out_dir):
    spec = RUNS["shakespeare"]
    log = os.path.join(out_dir, "log.jsonl")
    t0 = time.perf_counter()
    benchlib.mgpt("train", benchlib.corpus(spec["corpus"]), "-o", os.path.join(out_dir, "model.npz"),
                  "--mode", spec["mode"], "--seed", "1337", "--log", log, "--quiet", *spec["flags"])
    wall = time.perf_counter() - t0
    evals = [r for r in map(json.loads, open(log)) if r["event"] == "eval"]
    return {"wall_s": round(wall, 1), "last_step": evals[-1]["step"], "val_loss": round(evals[-1]["val_loss"], 4),
            "curve": [{k: r[k] for k in ("step", "train_loss", "val_loss")} for r in evals]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("nanogpt_dir", nargs="?", help="a checkout of karpathy/nanoGPT, outside mgpt")
    parser.add_argument("--rounds", type=int, default=2)
    benchlib.json_option(parser, "nanogpt.json")
    args = parser.parse_args()
    if not args.nanogpt_dir:
        print("no nanoGPT folder given: nothing measured. Fetch karpathy/nanoGPT into a folder outside mgpt "
              "and pass it: python scripts/bench_nanogpt.py ../scratch/nanoGPT", file=sys.stderr)
        return
    benchlib.clean_blas_environment()
    root = os.path.abspath(args.nanogpt_dir)
    prepare_nanogpt(root)
    runs = {"mgpt": [], "nanogpt": []}
    for r in range(args.rounds):
        for name in (["mgpt", "nanogpt"] if r % 2 == 0 else ["nanogpt", "mgpt"]):
            time.sleep(SETTLE_S)
            with tempfile.TemporaryDirectory() as out_dir:
                result = run_mgpt(out_dir) if name == "mgpt" else run_nanogpt(root, out_dir)
            runs[name].append(result)
            print(f"round {r + 1}: {name} {result['wall_s']} s, val loss {result['val_loss']} at step "
                  f"{result['last_step']}", file=sys.stderr, flush=True)
    walls = {name: median(r["wall_s"] for r in results) for name, results in runs.items()}
    record = {
        "rounds": args.rounds,
        "nanogpt_command": "python train.py " + " ".join(NANOGPT_FLAGS),
        "nanogpt_commit": _commit(root),
        "mgpt_flags": " ".join(RUNS["shakespeare"]["flags"]),
        "median_wall_s": walls,
        "mgpt_over_nanogpt": round(walls["mgpt"] / walls["nanogpt"], 3),
        "wall_bar": 0.7,
        "val_loss_bar": 1.88,
        "runs": runs,
        "machine": benchlib.machine_record(),
    }
    benchlib.print_json({k: v for k, v in record.items() if k != "runs"} | {
        "walls": {n: [r["wall_s"] for r in rs] for n, rs in runs.items()},
        "val_losses": {n: [r["val_loss"] for r in rs] for n, rs in runs.items()}})
    benchlib.write_json(benchlib.json_path(args, "nanogpt.json"), record)


def _commit(root):
    proc = subprocess.run(["git", "-C", root, "rev-parse", "HEAD"], capture_output=True, text=True)
    return proc.stdout.strip() or "unknown (not a git checkout)"


if __name__ == "__main__":
    main()
