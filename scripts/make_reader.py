#!/usr/bin/env python3
"""Build the reader that `mgpt ask` ships with, reproducibly.

    python scripts/make_reader.py data     # the generated training lines (same bytes on rerun)
    python scripts/make_reader.py train    # mgpt train on them; resumes its -last file when there is one
    python scripts/make_reader.py ship     # the best checkpoint, without optimizer state, with its recipe
                                           # (and held-out figures, if scripts/reader_eval.py wrote them)
                                           # -> src/mgpt/models/reader.npz

Everything lands in --out (default out/reader): train.txt, reader.npz, reader-last.npz,
train.jsonl (the training log) and build.json (seeds, options, sha256 of the lines, wall times).
Training takes hours on 2 cores: `train` saves -last every 200 steps, and running it again
continues from there (the run ends with the same bytes as an uninterrupted one).
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "src"))

SEED = 0
LINES = 320_000
BLOCK = 512
RESERVE = 48  # the answer's room in the block: ask's --max-new-tokens default
MODEL = ["--n-layer", "6", "--n-head", "6", "--n-embd", "192", "--block-size", str(BLOCK)]
TRAINING = ["--mode", "docs", "--vocab", "latin", "--answer-after", " A: ", "--steps", "12000",
            "--batch-size", "16", "--lr", "1.5e-3", "--min-lr", "1e-4", "--warmup", "300", "--weight-decay", "0.1",
            "--eval-every", "500", "--eval-iters", "10", "--val-fraction", "0.01", "--save-every", "100",
            "--seed", "1337"]
SHIPPED = os.path.join(ROOT, "src", "mgpt", "models", "reader.npz")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def record(out, **entries):
    path = os.path.join(out, "build.json")
    data = json.load(open(path)) if os.path.exists(path) else {}
    data.update(entries)
    with open(path + ".tmp", "w") as f:
        json.dump(data, f, indent=2)
    os.replace(path + ".tmp", path)
    return data


def make_data(args):
    from readergen.generate import generate

    path = os.path.join(args.out, "train.txt")
    t0 = time.time()
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        for line in generate(args.lines, args.seed, BLOCK, RESERVE, processes=args.processes):
            f.write(line + "\n")
    os.replace(path + ".tmp", path)
    digest = sha256(path)
    record(args.out, data={"lines": args.lines, "seed": args.seed, "block_size": BLOCK, "reserve": RESERVE,
                           "sha256": digest, "bytes": os.path.getsize(path), "wall_s": round(time.time() - t0, 1)})
    print(f"wrote {args.lines:,} lines to {path} ({os.path.getsize(path) / 1e6:.1f} MB, sha256 {digest[:16]}...) "
          f"in {time.time() - t0:.0f} s")


def train(args):
    data = os.path.join(args.out, "train.txt")
    out = os.path.join(args.out, "reader.npz")
    last = os.path.join(args.out, "reader-last.npz")
    command = [sys.executable, "-m", "mgpt", "train", data, "-o", out, *MODEL, *TRAINING,
               "--log", os.path.join(args.out, "train.jsonl")]
    if os.path.exists(last):
        command = _without_model_flags(command) + ["--resume", last]
    if args.steps:
        command += ["--steps", str(args.steps)]
    t0 = time.time()
    print(" ".join(command), flush=True)
    # one BLAS thread: on a shared 2-core machine two threads wait on each other whenever the other
    # core is busy (measured: 2.1 s against 6.6-13.7 s a step); it also keeps the run's bytes independent
    # of the machine's core count
    code = subprocess.call(command, env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"})
    spent = time.time() - t0
    state = record(args.out)
    record(args.out, train={"command": " ".join(command[1:]), "wall_s_total": round(state.get("train", {}).get(
        "wall_s_total", 0) + spent, 1), "exit": code})
    sys.exit(code)


def _without_model_flags(command):
    """A resumed run takes its model config from the checkpoint; the vocabulary too."""
    out, skip = [], 0
    for item in command:
        if skip:
            skip -= 1
            continue
        if item in ("--n-layer", "--n-head", "--n-embd", "--block-size", "--vocab"):
            skip = 1
            continue
        out.append(item)
    return out


def ship(args):
    """The best checkpoint as package data: weights and vocabulary, no optimizer state."""
    from mgpt.checkpoint import load_model, save_model

    ck = load_model(os.path.join(args.out, "reader.npz"))
    build = record(args.out)
    figures = os.path.join(args.out, "heldout.json")
    recipe = {"generator": "scripts/readergen (scripts/make_reader.py)", "data": build.get("data"),
              "train": build.get("train", {}).get("command"), "train_wall_s": build.get("train", {}).get("wall_s_total")}
    state = {k: v for k, v in ck.state.items() if k in ("step", "best_val_loss", "val_loss", "mode", "answer_after",
                                                         "settings", "corpus_sha256", "train_tokens")}
    state["reader"] = {"recipe": recipe}
    if os.path.exists(figures):
        state["reader"]["heldout"] = json.load(open(figures))
    os.makedirs(os.path.dirname(SHIPPED), exist_ok=True)
    save_model(SHIPPED, ck.model, ck.vocab, ck.mode, state)
    print(f"shipped {SHIPPED} ({os.path.getsize(SHIPPED) / 1e6:.1f} MB, fingerprint {ck.fingerprint[:12]})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stage", choices=("data", "train", "ship"))
    parser.add_argument("--out", default=os.path.join(ROOT, "out", "reader"))
    parser.add_argument("--lines", type=int, default=LINES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--steps", type=int, help="override the run's total steps")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    {"data": make_data, "train": train, "ship": ship}[args.stage](args)


if __name__ == "__main__":
    main()
