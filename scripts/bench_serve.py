"""Load test of `mgpt serve` on loopback: a fixed set of seeded completion requests, sent by 1, 4
and 16 concurrent clients, then by 16 clients to a server that decodes one request at a time
(--max-batch 1). Reports throughput (completion tokens/s) and p50/p99 latency per level, and
checks that every level returned the same texts (the requests are seeded). Starts its own
servers and stops them; ends by itself.

    python scripts/bench_serve.py --ckpt model.npz [--requests 48] [--max-tokens 64] [--json]

The bar (docs/BENCHMARKS.md): at 16 clients, >= 3x the throughput of the same requests
served one at a time (1 client).
"""

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from benchlib import clean_blas_environment, machine_record

PHRASES = ["The king", "Good morrow, ", "What say you", "First Citizen:\n", "O, ", "And then the ",
           "Where is the", "I pray you", "My lord, ", "Come hither", "Why, ", "Tell me"]


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


class Server:
    """`mgpt serve` on a free loopback port, until stop()."""

    def __init__(self, ckpt, max_batch, max_tokens, *extra):
        """ckpt None: serve's own default (the shipped reader, with --db)."""
        self._local = threading.local()
        self.log = tempfile.NamedTemporaryFile("w+b", suffix=".log", delete=False)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mgpt", "serve", *(["--ckpt", ckpt] if ckpt else []), "--port", "0",
             "--max-batch", str(max_batch), "--queue", "100000", "--max-tokens-cap", str(max_tokens), *extra],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while True:
            found = re.search(r"on (http://127\.0\.0\.1:\d+)", open(self.log.name, errors="replace").read())
            if found:
                self.url = found.group(1)
                return
            if self.proc.poll() is not None or time.monotonic() > deadline:
                said = open(self.log.name, errors="replace").read()[-2000:]  # before stop() removes the log
                self.stop()
                sys.exit(f"mgpt serve did not start:\n{said}")
            time.sleep(0.05)

    def complete(self, body):
        """POST /v1/completions on this thread's own keep-alive connection, as an SDK client would."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            host, port = self.url.rsplit("/", 1)[1].split(":")
            conn = self._local.conn = http.client.HTTPConnection(host, int(port), timeout=600)
        conn.request("POST", "/v1/completions", json.dumps(body).encode(), {"Content-Type": "application/json"})
        response = conn.getresponse()
        result = json.loads(response.read())
        if response.status != 200:
            sys.exit(f"the server answered {response.status}: {result}")
        return result

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=120)
        os.unlink(self.log.name)


def requests_for(ckpt, count, max_tokens, phrases=PHRASES):
    """Seeded requests whose prompts use only characters the model knows."""
    from mgpt.checkpoint import load_model

    known = set(load_model(ckpt).vocab.chars)
    prompts = ["".join(c for c in p if c in known) for p in phrases]
    return [{"prompt": prompts[i % len(prompts)], "max_tokens": max_tokens, "temperature": 0.8, "seed": i}
            for i in range(count)]


def run_level(server, requests, clients):
    """All requests, `clients` at a time (each client sends its next request when the last is
    answered). Returns the texts, and the level's figures."""
    results, latencies, next_index, lock = [None] * len(requests), [None] * len(requests), [0], threading.Lock()

    def client():
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= len(requests):
                return
            started = time.perf_counter()
            results[i] = server.complete(requests[i])
            latencies[i] = time.perf_counter() - started

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    tokens = sum(r["usage"]["completion_tokens"] for r in results)
    return [r["choices"][0]["text"] for r in results], {
        "clients": clients, "requests": len(requests), "tokens": tokens, "wall_s": round(wall, 3),
        "tokens_per_s": round(tokens / wall, 1), "p50_s": round(statistics.median(latencies), 3),
        "p99_s": round(percentile(latencies, 99), 3)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ckpt", required=True, help="Model to serve.")
    parser.add_argument("--requests", type=int, default=48, help="Requests per level.")
    parser.add_argument("--max-tokens", type=int, default=64, help="Tokens per request.")
    parser.add_argument("--clients", default="1,4,16", help="Concurrency levels.")
    parser.add_argument("--max-batch", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1, help="The server's BLAS threads (mgpt serve --threads).")
    parser.add_argument("--prompts", help="A file of prompts, one a line [default: a dozen Shakespearean openings].")
    parser.add_argument("--json", action="store_true", help="Print one JSON record.")
    args = parser.parse_args()
    clean_blas_environment()
    phrases = PHRASES
    if args.prompts:
        with open(args.prompts, encoding="utf-8") as f:
            phrases = [line.rstrip("\n") for line in f if line.strip()]
    requests = requests_for(args.ckpt, args.requests, args.max_tokens, phrases)
    levels, texts = [], {}
    for max_batch, clients in [(args.max_batch, int(c)) for c in args.clients.split(",")] + [(1, 16)]:
        server = Server(args.ckpt, max_batch, args.max_tokens, "--threads", str(args.threads))
        try:
            server.complete(requests[0])  # warm-up
            texts[(max_batch, clients)], figures = run_level(server, requests, clients)
        finally:
            server.stop()
        levels.append({"max_batch": max_batch, **figures})
        print(f"max-batch {max_batch:3d}, {clients:2d} clients: {figures['tokens_per_s']:8.1f} tokens/s, "
              f"p50 {figures['p50_s']:.3f} s, p99 {figures['p99_s']:.3f} s", file=sys.stderr)
    one_at_a_time = levels[0]["tokens_per_s"]
    record = {"ckpt": os.path.basename(args.ckpt), "max_tokens": args.max_tokens, "server_threads": args.threads,
              "prompts": len(phrases), "requests": args.requests,
              "levels": levels,
              "speedup_vs_one_client": {f"{lv['clients']} clients, max-batch {lv['max_batch']}":
                                        round(lv["tokens_per_s"] / one_at_a_time, 2) for lv in levels},
              "same_texts_at_every_level": len({tuple(t) for t in texts.values()}) == 1,
              "machine": machine_record()}  # its BLAS entry is this (client) process's; the server's: --threads
    if args.json:
        print(json.dumps(record, indent=2))
        return
    print("| server | clients | tokens/s | p50 latency | p99 latency | vs 1 client |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for lv in levels:
        print(f"| --max-batch {lv['max_batch']} | {lv['clients']} | {lv['tokens_per_s']:,.0f} | {lv['p50_s']:.3f} s | "
              f"{lv['p99_s']:.3f} s | {lv['tokens_per_s'] / one_at_a_time:.2f}x |")
    print(f"\nsame texts at every level: {record['same_texts_at_every_level']}; server BLAS threads: "
          f"{args.threads}; machine: {json.dumps(record['machine'])}")


if __name__ == "__main__":
    main()
