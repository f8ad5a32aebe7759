#!/usr/bin/env python3
"""Does a LoRA adapter trained on at most 50 of a company's own question/answer pairs teach the
reader that company's way of writing? Measured on corpora/readerkb/lora (an internal wiki in
terse key = value notation) with the pairs of lora-train.jsonl, and judged on lora-test.jsonl,
which asks about other products and codes of the same documents.

    python scripts/reader_lora.py [--ckpt READER] [--steps 300] [--out out/reader-lora]

It runs the commands a user would: mgpt index, mgpt rag-examples, mgpt finetune-lora, then
measures exact match and abstention before and after with the same code as reader_eval.py.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

KB = os.path.join(ROOT, "corpora", "readerkb")


def mgpt(*args):
    command = [sys.executable, "-m", "mgpt", *map(str, args)]
    print("$ mgpt " + " ".join(map(str, args)), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)


def main():
    from reader_eval import evaluate_kb, options, resolve_defaults, show

    from mgpt.checkpoint import load_model
    from mgpt.retrieval.reader import reader_path

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ckpt", help="the reader [default: the shipped one]")
    parser.add_argument("--out", default=os.path.join(ROOT, "out", "reader-lora"))
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--lr", type=float, default=2e-3)
    args = parser.parse_args()
    reader = args.ckpt or reader_path()
    os.makedirs(args.out, exist_ok=True)
    db = os.path.join(args.out, "lora.db")
    lines = os.path.join(args.out, "lines.jsonl" if load_model(reader).is_span_reader else "lines.txt")
    adapter = os.path.join(args.out, "adapter.npz")
    mgpt("index", os.path.join(KB, "lora"), "--db", db, "--rebuild", "-q")
    mgpt("rag-examples", os.path.join(KB, "lora-train.jsonl"), "--db", db, "--ckpt", reader, "-o", lines)
    t0 = time.time()
    mgpt("finetune-lora", "--base", reader, lines, "-o", adapter, "--rank", args.rank, "--targets", "q,k,v,o,fc,proj",
         "--steps", args.steps, "--lr", args.lr, "--batch-size", 8, "--val-fraction", 0, "--eval-every", args.steps,
         "--eval-iters", 1, "-q")
    train_s = time.time() - t0
    results = {}
    for label, adapters in (("before", []), ("after", [adapter])):
        ck = load_model(reader)
        if adapters:
            from mgpt.checkpoint import load_with_adapters

            ck = load_with_adapters(reader, adapters)
        eval_args = options(["--ckpt", reader])  # reader_eval's defaults: ask's k, threshold and chunk size
        resolve_defaults(eval_args, ck)
        eval_args.questions = "lora-test.jsonl"
        work = tempfile.mkdtemp(prefix="reader-lora-")
        try:
            s = evaluate_kb("lora", ck, eval_args, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(label)
        show(s)
        results[label] = {k: v for k, v in s.items() if k != "rows"}
        results[label]["rows"] = s["rows"]
    results["training"] = {"pairs": sum(1 for _ in open(os.path.join(KB, "lora-train.jsonl"))),
                           "lines": sum(1 for _ in open(lines)), "steps": args.steps, "rank": args.rank,
                           "lr": args.lr, "wall_s": round(train_s, 1)}
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
