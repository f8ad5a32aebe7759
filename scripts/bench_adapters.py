"""Adapters per request under load: one `mgpt serve --ckpt BASE --adapter a=A --adapter b=B`, 16
concurrent clients, the same seeded requests sent three ways: all for adapter a alone, half for
a and half for b (mixed in every decoding step), and all for the base. Reports completion
tokens/s of each, and the mixed / a-alone ratio. The three ways alternate for --rounds rounds
on the one server, so a machine whose load drifts weighs on all of them alike; the median
round is reported. Starts its own server and stops it. Then, in this process with no HTTP,
the time of one 16-row decoding step (serve.batch.Batch) with the rows all for a, half a and
half b, and all for the base, alternating the same way: the arithmetic alone.

    python scripts/bench_adapters.py --ckpt base.npz --adapter a.npz --adapter b.npz [--json]
"""

import argparse
import json
import os
import statistics
import sys
import time

from bench_serve import Server, requests_for, run_level
from benchlib import clean_blas_environment, machine_record

WAYS = {"a alone": lambda i: "a", "a and b mixed": lambda i: "ab"[i % 2], "base alone": lambda i: None}


def step_times(ckpt, adapter_paths, rows, rounds, steps=100):
    """{way: median seconds per decoding step of `rows` busy rows}, in this process."""
    import numpy as np

    from mgpt.checkpoint import load_adapter, load_model
    from mgpt.lora import RowAdapters
    from mgpt.serve.batch import Batch
    from mgpt.serve.jobs import Job

    ck = load_model(ckpt)
    adapters = RowAdapters([load_adapter(p, base=ck).adapter for p in adapter_paths], [1.0, 1.0])
    batch = Batch(ck.model, ck.vocab, ck.mode, rows, adapters)
    prompt = ck.vocab.encode("The")
    times = {way: [] for way in WAYS}
    for _ in range(rounds):
        for way, pick in WAYS.items():
            batch.release(range(len(batch.seqs)))
            for i in range(rows):
                adapter = "ab".index(pick(i)) if pick(i) else -1
                batch.admit(Job(prompt, 1, 10 ** 9, 0.8, None, None, i, [], None, adapter))
            for _ in range(10):  # warm-up
                batch.step()
            started = time.perf_counter()
            for _ in range(steps):
                batch.step()
            times[way].append((time.perf_counter() - started) / steps)
    return {way: float(np.median(t)) for way, t in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ckpt", required=True, help="The base model.")
    parser.add_argument("--adapter", action="append", required=True, help="Two adapters of the base (a, then b).")
    parser.add_argument("--requests", type=int, default=64, help="Requests per way and round.")
    parser.add_argument("--max-tokens", type=int, default=64, help="Tokens per request.")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="Print one JSON record.")
    args = parser.parse_args()
    if len(args.adapter) != 2:
        parser.error("give two adapters: --adapter A --adapter B")
    clean_blas_environment()
    base = requests_for(args.ckpt, args.requests, args.max_tokens)
    server = Server(args.ckpt, args.clients, args.max_tokens, "--adapter", f"a={args.adapter[0]}",
                    "--adapter", f"b={args.adapter[1]}")
    rates = {way: [] for way in WAYS}
    try:
        server.complete(base[0])  # warm-up
        for _ in range(args.rounds):
            for way, pick in WAYS.items():
                requests = [{**r, "model": pick(i)} if pick(i) else r for i, r in enumerate(base)]
                _, figures = run_level(server, requests, args.clients)
                rates[way].append(figures["tokens_per_s"])
                print(f"{way:14s} {figures['tokens_per_s']:8.1f} tokens/s", file=sys.stderr)
    finally:
        server.stop()
    median = {way: statistics.median(r) for way, r in rates.items()}
    step = step_times(args.ckpt, args.adapter, args.clients, args.rounds)
    record = {"ckpt": os.path.basename(args.ckpt), "clients": args.clients, "requests": args.requests,
              "max_tokens": args.max_tokens, "rounds": rates, "median_tokens_per_s": median,
              "mixed_vs_one_adapter": round(median["a and b mixed"] / median["a alone"], 3),
              "one_adapter_vs_base": round(median["a alone"] / median["base alone"], 3),
              "step_ms": {way: round(1000 * t, 3) for way, t in step.items()},
              "machine": machine_record()}
    if args.json:
        print(json.dumps(record, indent=2))
        return
    print(f"| requests ({args.clients} clients) | tokens/s (median of {args.rounds}) | rounds | "
          f"a {args.clients}-row step, in-process |")
    print("| --- | ---: | --- | ---: |")
    for way in WAYS:
        print(f"| {way} | {median[way]:,.0f} | {', '.join(f'{r:,.0f}' for r in rates[way])} | "
              f"{1000 * step[way]:.3f} ms |")
    print(f"\nmixed / one adapter: {record['mixed_vs_one_adapter']:.3f}; one adapter / base: "
          f"{record['one_adapter_vs_base']:.3f}; machine: {json.dumps(record['machine'])}")


if __name__ == "__main__":
    main()
