"""LoRA against full fine-tuning on a domain shift, through the real CLI.

    python scripts/bench_lora.py [--work DIR] [--targets q,v] [--steps 1000]

Base: nanoGPT's CPU baby GPT trained on tinyshakespeare (stream mode, 2000 steps).
Domain: names.txt as running text, one lowercase name per line, shuffled with a fixed seed;
90% to fine-tune on (itself split 90/10 for checkpoint selection), 10% held out for the report.
Reports held-out loss of the base, of LoRA at several ranks and of full fine-tuning
(`mgpt train --init`), trainable parameters, adapter size, and seconds per step of a LoRA
step against a full fine-tuning step, timed interleaved on the same batches in one process.
The results also go to docs/data/lora.json (scripts/figures.py draws docs/img/lora-gap.png).
"""

import argparse
import json
import os
import random
import time

import benchlib

BASE_FLAGS = ["--n-layer", "4", "--n-head", "4", "--n-embd", "128", "--block-size", "64",
              "--batch-size", "12", "--steps", "2000", "--lr", "1e-3", "--min-lr", "1e-4",
              "--warmup", "100", "--beta2", "0.99", "--eval-every", "500", "--mode", "stream"]


def write_domain(work, seed=0):
    names = [n for n in open(benchlib.corpus("names.txt")).read().split("\n") if n]
    random.Random(seed).shuffle(names)
    n_test = len(names) // 10
    paths = {"train": os.path.join(work, "domain_train.txt"), "test": os.path.join(work, "domain_test.txt")}
    for split, chunk in (("test", names[:n_test]), ("train", names[n_test:])):
        with open(paths[split], "w") as f:
            f.write("\n".join(chunk) + "\n")
    return paths


def evaluate(work, ckpt, test_path, adapter=None):
    args = ["eval", "--ckpt", ckpt, test_path, "--json"] + (["--adapter", adapter] if adapter else [])
    out = benchlib.mgpt(*args, capture_output=True, text=True, cwd=work).stdout
    return json.loads(out)["loss"]


def interleaved_step_times(base_path, rank, targets, repeats=30, batch_size=12):
    """Median seconds of a LoRA step and of a full step (forward, backward, AdamW), alternated."""
    import numpy as np

    runs = benchlib.full_and_lora_runs(base_path, rank, targets)
    rng = np.random.default_rng(0)
    config = runs["full"][0].config
    T, V = config.block_size, config.vocab_size
    times = {"full": [], "lora": []}
    for i in range(repeats + 2):
        x = rng.integers(0, V - 1, (batch_size, T)).astype(np.int32)
        y = rng.integers(0, V - 1, (batch_size, T)).astype(np.int32)
        for name, run in runs.items():
            seconds = benchlib.timed_step(run, x, y, 1e-3)
            if i >= 2:
                times[name].append(seconds)
    return {name: float(np.median(t)) for name, t in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default="bench-lora-work", help="Folder for models and data (reused).")
    parser.add_argument("--targets", default="q,v")
    parser.add_argument("--ranks", default="1,4,16")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--lora-lr", type=float, default=6e-3)
    parser.add_argument("--full-lr", type=float, default=1e-3)
    benchlib.json_option(parser, "lora.json")
    args = parser.parse_args()
    benchlib.clean_blas_environment()
    os.makedirs(args.work, exist_ok=True)
    work = os.path.abspath(args.work)
    base = os.path.join(work, "base.npz")
    if not os.path.exists(base):
        benchlib.mgpt("train", benchlib.corpus("tinyshakespeare.txt"), "-o", base, "-q", *BASE_FLAGS)
    domain = write_domain(work)
    from mgpt.checkpoint import load_adapter, load_model

    common = ["--steps", str(args.steps), "--batch-size", "12", "--eval-every", "100",
              "--eval-iters", "20", "--warmup", "50", "-q"]
    result = {"base_loss": evaluate(work, base, domain["test"]), "lora": [], "targets": args.targets,
              "steps": args.steps}
    full = os.path.join(work, "full.npz")
    if not os.path.exists(full):  # like the base, reused when the work folder has it
        benchlib.mgpt("train", domain["train"], "--init", base, "-o", full, "--lr", str(args.full_lr),
                      "--min-lr", str(args.full_lr / 10), *common)
    result["full"] = {"loss": evaluate(work, full, domain["test"]),
                      "trainable": load_model(full).model.num_params}
    base_params = load_model(base).model.num_params
    for rank in map(int, args.ranks.split(",")):
        out = os.path.join(work, f"lora-r{rank}.npz")
        t0 = time.perf_counter()
        benchlib.mgpt("finetune-lora", "--base", base, domain["train"], "-o", out, "--rank", str(rank),
                      "--targets", args.targets, "--lr", str(args.lora_lr), "--min-lr", str(args.lora_lr / 10),
                      *common)
        loss = evaluate(work, base, domain["test"], adapter=out)
        trainable = load_adapter(out).adapter.num_params
        gap = result["base_loss"] - result["full"]["loss"]
        result["lora"].append({
            "rank": rank, "loss": round(loss, 4), "gap_closed": round((result["base_loss"] - loss) / gap, 3),
            "trainable": trainable, "trainable_share": round(trainable / base_params, 4),
            "adapter_bytes": os.path.getsize(out), "adapter_share_of_base_file": round(os.path.getsize(out) / os.path.getsize(base), 4),
            "wall_s": round(time.perf_counter() - t0, 1)})
    times = interleaved_step_times(base, 4, tuple(args.targets.split(",")))
    result["seconds_per_step"] = {k: round(v, 5) for k, v in times.items()}
    result["lora_step_over_full_step"] = round(times["lora"] / times["full"], 3)
    result["base_parameters"] = base_params
    result["base_file_bytes"] = os.path.getsize(base)
    result["machine"] = benchlib.machine_record()
    benchlib.print_json(result)
    benchlib.write_json(benchlib.json_path(args, "lora.json"), result)


if __name__ == "__main__":
    main()
