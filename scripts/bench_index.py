#!/usr/bin/env python3
"""Knowledge bases at size: indexing throughput and memory, re-indexing one edit, search
latency and the approximate index's recall, at 1K to 1M chunks.

    python scripts/bench_index.py --sizes 1000 10000 100000 [--out docs/data/index.json]

For each size it writes generated Markdown files (4 paragraphs of about 25 words, one chunk
each) to a temporary folder, then measures, with the `mgpt` commands a user runs:
- `mgpt index` into a Milvus Lite server process (`milvus-lite server`, --uri), so that the
  indexing process's own peak memory (mgpt's) is apart from Milvus' (reported beside it),
  sampled from /proc every 50 ms; its wall time and chunks/s;
- the same files again (nothing changes: seconds), then one file edited (its chunks only);
- query latency, median and p95, in process (the library call `retrieve` makes, 100 queries)
  and as whole `mgpt retrieve` commands (20), dense and hybrid;
- recall@10 of HNSW against exact (FLAT) search over 200 queries, where the collection is at
  least 10,000 chunks.
The Milvus server runs at its default settings; its memory is Milvus', not mgpt's.

    python scripts/bench_index.py --pipeline-only 1000000

measures mgpt's side alone at sizes Milvus Lite cannot hold on this machine (its server kept
2.9 GB at 100K chunks, growing with them): the files are read, chunked, embedded and handed in
batches to a store that counts the rows and drops them. Wall time and peak RSS (wait4).
"""

import argparse
import contextlib
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WORDS = ("battery charger kettle blender delivery return warranty price colour weight motor filter cable "
         "speaker bluetooth range order account refund invoice store hours phone email address model series "
         "steel glass plastic cotton size small large black white green red blue grey silver days weeks "
         "months years minutes hours litres grams metres inches watts volts percent express standard free "
         "premium basic annual monthly student family business repair service spare part manual setup reset "
         "update firmware display screen button light sensor pump valve lid handle base stand wheel frame").split()


def write_corpus(folder, chunks, seed=0):
    """chunks / 4 files of 4 paragraphs, each paragraph one chunk (about 150 characters)."""
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    for i in range(chunks // 4):
        paragraphs = []
        for p in range(4):
            words = [rng.choice(WORDS) for _ in range(17)]
            paragraphs.append(f"Item {i}-{p} " + " ".join(words) + f" costs {rng.randint(5, 999)} EUR.")
        sub = os.path.join(folder, f"d{i // 1000:04d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc{i:07d}.md"), "w") as f:
            f.write(f"# Document {i}\n\n" + "\n\n".join(paragraphs) + "\n")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def enough_memory(floor_mb=3000):
    """Whether the machine still has room: the benchmark stops itself before the kernel has to."""
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable"):
                return int(line.split()[1]) / 1024 > floor_mb
    return True


def run_measured(command, server_pid):
    """(wall s, peak RSS of the command's process MB, peak RSS of the Milvus server MB, stdout)."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    own = server = 0.0
    while proc.poll() is None:
        own, server = max(own, rss_mb(proc.pid)), max(server, rss_mb(server_pid))
        if not enough_memory():
            proc.kill()
            os.kill(server_pid, 9)
            sys.exit(f"stopped: the machine ran low on memory (Milvus at {server:,.0f} MB, mgpt at {own:,.0f} MB)")
        time.sleep(0.05)
    out, err = proc.communicate()
    if proc.returncode:
        sys.exit(f"{' '.join(command)} failed: {err[-2000:]}")
    return time.perf_counter() - t0, own, server, out


def start_server(folder):
    port = free_port()
    exe = shutil.which("milvus-lite", path=os.path.dirname(sys.executable))
    proc = subprocess.Popen([exe, "server", "--data-dir", os.path.join(folder, "served.db"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    sys.exit("milvus-lite server did not start")


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


@contextlib.contextmanager
def opened_when_ready(uri, patience=300):
    """The store, once the server answers (at 100K chunks it can be busy sealing and indexing for
    longer than mgpt's 5 s connection timeout)."""
    from mgpt.errors import MgptError
    from mgpt.retrieval.store import Location, open_store

    deadline = time.monotonic() + patience
    while True:
        try:
            store = open_store(Location(uri=uri), False)
            break
        except MgptError:
            if time.monotonic() > deadline:
                raise
            time.sleep(5)
    try:
        yield store
    finally:
        store.close()


def latencies(uri, queries, k=10):
    """In-process latency of the library search, dense and hybrid; and recall of HNSW vs FLAT."""
    from mgpt.retrieval.query import collection_embedder, retrieve

    out = {}
    with opened_when_ready(uri) as store:
        embedder = collection_embedder(store)
        store.load()
        for mode in ("dense", "hybrid"):
            times = []
            for q in queries[:100]:
                t0 = time.perf_counter()
                retrieve(store, embedder, q, k, mode)
                times.append(time.perf_counter() - t0)
            out[mode] = {"median_ms": statistics.median(times) * 1e3, "p95_ms": percentile(times, 0.95) * 1e3}
    return out


def recall_hnsw(uri, queries, k=10):
    from mgpt.retrieval.query import collection_embedder, retrieve

    with opened_when_ready(uri) as store:
        embedder = collection_embedder(store)
        store.use_vector_index("FLAT")
        store.load()
        exact = [[h["id"] for h in retrieve(store, embedder, q, k, "dense")] for q in queries]
        t0 = time.perf_counter()
        store.use_vector_index("HNSW")
        build = time.perf_counter() - t0
        store.load()
        times, approx = [], []
        for q in queries:
            t0 = time.perf_counter()
            approx.append([h["id"] for h in retrieve(store, embedder, q, k, "dense")])
            times.append(time.perf_counter() - t0)
        recall = statistics.mean(len(set(a) & set(e)) / k for a, e in zip(approx, exact))
        return {"recall@10": recall, "build_s": build, "median_ms": statistics.median(times) * 1e3,
                "p95_ms": percentile(times, 0.95) * 1e3}


def cli_latency(uri, queries, n=20):
    times = []
    for q in queries[:n]:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mgpt", "retrieve", q, "--uri", uri, "-k", "10"], check=True,
                       capture_output=True, cwd=ROOT, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
        times.append(time.perf_counter() - t0)
    return {"median_s": statistics.median(times), "p95_s": percentile(times, 0.95)}


def bench(size, work):
    folder = os.path.join(work, f"docs{size}")
    write_corpus(folder, size)
    server, uri = start_server(work)
    try:
        mgpt = [sys.executable, "-m", "mgpt"]
        wall, own, milvus, out = run_measured(mgpt + ["index", folder, "--uri", uri, "--json", "-q",
                                                      "--index-type", "FLAT"], server.pid)
        counts = json.loads(out)
        result = {"chunks": counts["total"], "files": counts["files"], "index_s": wall,
                  "chunks_per_s": counts["total"] / wall, "peak_rss_mgpt_mb": own, "peak_rss_milvus_mb": milvus}
        again = mgpt + ["index", folder, "--uri", uri, "--json", "-q", "--index-type", "FLAT"]  # HNSW: below
        wall, own, _, out = run_measured(again, server.pid)
        result["reindex_unchanged_s"], result["reindex_unchanged_written"] = wall, json.loads(out)["written"]
        rng = random.Random(1)
        queries = [" ".join(rng.choice(WORDS) for _ in range(5)) for _ in range(200)]
        result["in_process_before_edit"] = latencies(uri, queries)
        edited = os.path.join(folder, "d0000", "doc0000003.md")
        with open(edited, "a") as f:
            f.write("\nA new paragraph about the warranty of item three.\n")
        wall, _, _, out = run_measured(again, server.pid)
        result["reindex_one_edit_s"], result["reindex_one_edit_written"] = wall, json.loads(out)["written"]
        result["in_process"] = latencies(uri, queries)
        result["cli"] = cli_latency(uri, queries)
        if size >= 10_000:
            result["hnsw"] = recall_hnsw(uri, queries)
            result["in_process_hnsw"] = latencies(uri, queries)
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(os.path.join(work, "served.db"), ignore_errors=True)
    return result


PIPELINE_ONLY = """
import json, sys, time
from mgpt.retrieval.embedding import HashedNgramEmbedder
from mgpt.retrieval.indexing import index_files
from mgpt.retrieval.sources import find_files

class CountingStore:
    rows = 0
    def file_digests(self): return {}
    def source_ids(self, source): return set()
    def upsert(self, rows): CountingStore.rows += len(rows)
    def delete(self, ids): pass
    def flush(self): pass

t0 = time.perf_counter()
files, folders = find_files([sys.argv[1]])
counts = index_files(CountingStore(), HashedNgramEmbedder(1024), files, folders, 180, 32)
print(json.dumps({"chunks": counts.chunks, "rows": CountingStore.rows, "files": len(files),
                  "wall_s": time.perf_counter() - t0}))
"""


def pipeline_only(size, work):
    folder = os.path.join(work, f"docs{size}")
    t0 = time.perf_counter()
    write_corpus(folder, size)
    written = time.perf_counter() - t0
    proc = subprocess.Popen([sys.executable, "-c", PIPELINE_ONLY, folder], stdout=subprocess.PIPE,
                            env={**os.environ, "OPENBLAS_NUM_THREADS": "1"}, cwd=ROOT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        sys.exit("the pipeline-only run failed")
    result = json.loads(out)
    result.update(chunks_per_s=result["chunks"] / result["wall_s"], peak_rss_mb=usage.ru_maxrss / 1024,
                  corpus_written_s=written)
    shutil.rmtree(folder, ignore_errors=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--out", help="write the figures here (JSON)")
    parser.add_argument("--pipeline-only", type=int, metavar="SIZE", help="mgpt's side alone at SIZE chunks")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="bench-index-")
    if args.pipeline_only:
        try:
            result = pipeline_only(args.pipeline_only, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(json.dumps({args.pipeline_only: result}), flush=True)
        if args.out:
            data = json.load(open(args.out)) if os.path.exists(args.out) else {}
            data.setdefault("pipeline_only", {})[str(args.pipeline_only)] = result
            with open(args.out, "w") as f:
                json.dump(data, f, indent=1)
        return
    results = {}
    try:
        for size in args.sizes:
            results[size] = bench(size, work)
            print(json.dumps({size: results[size]}), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"machine": f"{os.cpu_count()} cores", "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
