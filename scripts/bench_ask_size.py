#!/usr/bin/env python3
"""`mgpt ask` on a knowledge base at size (issue 27): whole commands, the library call, what Milvus
Lite holds on disk and in memory, at each vector width.

    python scripts/bench_ask_size.py [--chunks 40000] [--dims 1024 512 256] [--ks 4 8 16] [--out FILE]
    python scripts/bench_ask_size.py --recall [--dims 1024 512 256] [--distractors 40000]   # retrieval alone

It writes generated Markdown (bench_index.write_corpus: paragraphs the default chunker cuts in two)
and a span reader of the shipped shape (6 layers, 4 heads, 128 wide, block 320, split attention,
8,192 word buckets) trained one step on generated examples and saved as `make_span_reader.py ship`
saves one (weights only): its arithmetic per question is the trained reader's. Then, for each
width, into an embedded Milvus Lite .db as a user builds one (`mgpt index DOCS --db`):
- `mgpt index`: wall time and peak RSS; what the .db holds on disk, by kind of file;
- whole `mgpt ask` commands at each -k (--questions, default 10): median and p95 wall, peak RSS
  (the process's own high-water mark from wait4, and the sum over it and any child sampled from
  /proc every 20 ms: Milvus Lite 3 runs in process, as threads, and the count of processes seen
  shows it);
- in process, one interpreter per -k: the first question in stages (connect and open the
  collection, load it, first search, reader, reading) with the RSS after each, then the library
  call `mgpt ask` makes (KnowledgeBase.ask, which opens and closes the store) and the same
  question on a store held open (as `mgpt serve` answers), --in-process questions each; and what
  Milvus Lite holds in memory: every field's bytes per row in its Arrow table, the vector matrix
  beside it, the FLAT index's own copy;
- at the default width and -k 8, whole commands under pyarrow's other memory pools
  (ARROW_DEFAULT_MEMORY_POOL=mimalloc, pyarrow's default, and jemalloc) beside the system pool
  that mgpt sets for Milvus Lite.
--recall: the answer's chunk among the top 3, 8 and 16 (hybrid, as ask retrieves, and dense) on
the development bases indexed at each width (reader_eval.py's test of a chunk that holds the
answer; never the held-out bases); --distractors N puts the development bases in one collection
beside about N generated chunks, as a knowledge base at size would surround them.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bench_index import percentile, rss_mb, write_corpus
from benchlib import machine_record

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
READER_SHAPE = ["--attention", "split", "--n-layer", "6", "--n-head", "4", "--n-embd", "128", "--block-size", "320",
                "--word-buckets", "8192"]
OTHER_POOLS = ("mimalloc", "jemalloc")  # pyarrow's default, and its other; mgpt sets system (store_connection)
RECALL_AT = (3, 8, 16)
MB = 1 << 20


def env(**more):
    return {**os.environ, "OPENBLAS_NUM_THREADS": "1", **more}


def mgpt(*args):
    return [sys.executable, "-m", "mgpt", *map(str, args)]


def tree(pid):
    """pid and every process below it."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def run_measured(command, extra_env=None, check=True):
    """({wall_s, peak_rss_mb: the process's own high-water mark (wait4), tree_peak_mb: the sum over
    it and its children sampled every 20 ms, processes: the most seen at once}, stdout). A failure
    ends the benchmark, or with check=False is returned as {"failed": its last line}."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, text=True, cwd=ROOT, env=env(**(extra_env or {})))
        peak, most = 0.0, 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            pids = tree(proc.pid)
            peak, most = max(peak, sum(rss_mb(p) for p in pids)), max(most, len(pids))
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            message = err.read().strip()
            if check:
                sys.exit(f"{' '.join(command)} failed: {message[-2000:]}")
            return {"failed": message.splitlines()[-1] if message else f"exit {proc.returncode}"}, out.read()
        return {"wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024, "tree_peak_mb": peak,
                "processes": most}, out.read()


def make_reader(work):
    """A span reader of the shipped shape, one step on generated examples, saved weights only."""
    from readergen.spans import generate_examples

    from mgpt.checkpoint import load_model, save_model

    examples = os.path.join(work, "examples.jsonl")
    with open(examples, "w") as f:
        for example in generate_examples(64, "bench-ask", 5):
            f.write(json.dumps(example) + "\n")
    trained = os.path.join(work, "trained.npz")
    subprocess.run(mgpt("train", examples, "--kind", "span-reader", *READER_SHAPE, "--steps", 1, "--batch-size", 4,
                        "-o", trained, "-q"), check=True, cwd=ROOT, env=env())
    ck = load_model(trained)
    path = os.path.join(work, "reader.npz")
    save_model(path, ck.model, ck.vocab, ck.mode, {"step": ck.state.get("step", 1)})
    return path


def questions(chunks, n, seed):
    """Questions about the generated items' prices (write_corpus: Item I-P ... costs N EUR.)."""
    rng = random.Random(seed)
    return [f"How much does item {rng.randrange(chunks // 8)}-{rng.randrange(4)} cost?" for _ in range(n)]


def disk(db):
    """Bytes of the .db folder by kind: data (Parquet), the vector index, the write-ahead log, the rest."""
    kinds = {}
    for folder, _, files in os.walk(db):
        for name in files:
            path = os.path.join(folder, name)
            kind = ("data" if name.endswith(".parquet") else "vector index" if ".idx" in name
                    else "wal" if "wal" in path.split(os.sep) or name.startswith("wal") else "other")
            kinds[kind] = kinds.get(kind, 0) + os.path.getsize(path)
    return kinds


def summary(runs):
    """Median and p95 wall, the largest peak RSS, of the runs that did not fail (and those that did)."""
    done = [r for r in runs if "failed" not in r]
    walls = [r["wall_s"] for r in done]
    out = {"n": len(done), "failed": [r["failed"] for r in runs if "failed" in r]}
    if done:
        out.update(median_s=statistics.median(walls), p95_s=percentile(walls, 0.95),
                   peak_rss_mb=max(r["peak_rss_mb"] for r in done), tree_peak_mb=max(r["tree_peak_mb"] for r in done),
                   processes=max(r["processes"] for r in done))
    return out


def whole_commands(db, ckpt, k, asked, extra_env=None):
    """`mgpt ask` commands (failures counted: a search that times out on a loaded machine is one)."""
    return summary([run_measured(mgpt("ask", q, "--db", db, "--ckpt", ckpt, "-k", k, "-q"), extra_env, False)[0]
                    for q in asked])


def bench_width(dim, docs, ckpt, args, work):
    from mgpt.retrieval.embedding import DEFAULT_DIM

    db = os.path.join(work, f"kb{dim}.db")
    command = mgpt("index", docs, "--db", db, "--json", "-q") + (["--dim", str(dim)] if dim != DEFAULT_DIM else [])
    measured, out = run_measured(command)
    counts = json.loads(out)
    result = {"dim": dim, "chunks": counts["total"], "files": counts["files"], "index": measured}
    on_disk = disk(db)
    result["disk_mb"] = {kind: size / MB for kind, size in on_disk.items()}
    result["disk_bytes_per_chunk"] = {kind: size / counts["total"] for kind, size in on_disk.items()}
    asked = questions(args.chunks, max(args.questions, args.in_process), seed=dim)
    result["ask"], result["in_process"] = {}, {}
    for k in args.ks:
        result["ask"][k] = whole_commands(db, ckpt, k, asked[:args.questions])
        print(f"dim {dim} k {k}: ask {json.dumps(result['ask'][k])}", flush=True)
        measured, out = run_measured([sys.executable, os.path.abspath(__file__), "--probe", db, ckpt, str(k),
                                      str(args.in_process)] + asked[:args.in_process], check=False)
        result["in_process"][k] = measured if "failed" in measured else json.loads(out)
        print(f"dim {dim} k {k}: in process {json.dumps(result['in_process'][k].get('latency', measured))}",
              flush=True)
    if dim == DEFAULT_DIM and 8 in args.ks:  # the pool mgpt sets (system) against pyarrow's others
        result["pools"] = {"system (mgpt's)": result["ask"][8]}
        result["pools"].update({pool: whole_commands(db, ckpt, 8, asked[:args.questions],
                                                     {"ARROW_DEFAULT_MEMORY_POOL": pool}) for pool in OTHER_POOLS})
        print(f"dim {dim}: pools {json.dumps(result['pools'])}", flush=True)
    shutil.rmtree(db, ignore_errors=True)
    return result


def probe(db, ckpt, k, n, asked):
    """In this interpreter: the first question in stages, with the RSS after each; n questions
    through KnowledgeBase.ask (the call `mgpt ask` makes) and n on a store held open; what Milvus
    Lite holds in memory."""
    stages, t = [], [time.perf_counter()]

    def stage(name):
        now = time.perf_counter()
        stages.append({"stage": name, "s": now - t[0], "rss_mb": rss_mb(os.getpid())})
        t[0] = now

    from mgpt.api import load
    from mgpt.knowledge import KnowledgeBase
    from mgpt.retrieval.answer import answer_question
    from mgpt.retrieval.query import collection_embedder, retrieve
    from mgpt.retrieval.store import Location, opened

    stage("imports (mgpt)")
    held = []
    with opened(Location(db=db)) as store:
        stage("connect (pymilvus imported, Milvus Lite started)")
        embedder = collection_embedder(store)
        stage("open the collection (its segments read)")
        store.load()
        stage("load (the vector index)")
        hits = retrieve(store, embedder, asked[0], k)
        stage("first search (BM25 index built)")
        ck = load(ckpt).checkpoint
        stage("reader loaded")
        answer_question(ck, asked[0], hits)
        stage("reading")
        memory = milvus_memory(db, store.name)
        for q in asked[:n]:
            t0 = time.perf_counter()
            answer_question(ck, q, retrieve(store, embedder, q, k))
            held.append(time.perf_counter() - t0)
    kb, calls = KnowledgeBase(db), []
    for q in asked[:n]:
        t0 = time.perf_counter()
        kb.ask(q, k, ckpt=ckpt)
        calls.append(time.perf_counter() - t0)
    spread = lambda xs: {"median_ms": statistics.median(xs) * 1e3, "p95_ms": percentile(xs, 0.95) * 1e3}
    return {"stages": stages, "memory": memory,
            "latency": {"knowledge_base_ask": spread(calls), "store_held_open": spread(held)}}


def milvus_memory(db, collection):
    """Bytes per row of what Milvus Lite keeps loaded for the collection, per segment summed: each
    field's column in the Arrow table, the vector matrix taken from it (shared or a copy), the
    vector index's own matrix. (Reads milvus_lite's internals: a benchmark, not mgpt.)"""
    import numpy as np
    from milvus_lite.server_manager import server_manager_instance

    _, lite, _ = server_manager_instance._servers[os.path.abspath(db)]
    segments = list(lite.get_collection(collection)._segment_cache.values())
    rows = sum(len(s.pks) for s in segments)
    fields, vectors, index, shared = {}, 0, 0, True
    for s in segments:
        for name in s.table.schema.names:
            fields[name] = fields.get(name, 0) + s.table.column(name).nbytes
        column = s.table.column("vector").chunk(0).values.to_numpy(zero_copy_only=False)
        shared = shared and np.shares_memory(s.vectors, column)
        vectors += s.vectors.nbytes
        for idx in s.indexes.values():
            index += getattr(idx, "_vectors", np.zeros(0)).nbytes
    per_row = {f"table: {name}": b / rows for name, b in fields.items()}
    per_row["vector matrix" + (" (shares the table's buffer)" if shared else " (a copy)")] = vectors / rows
    per_row["vector index (FLAT: its own copy)"] = index / rows
    return {"rows": rows, "segments": len(segments), "bytes_per_row": per_row,
            "total_mb": (sum(fields.values()) + (0 if shared else vectors) + index) / MB}


def recall(dims, work, distractors=0):
    """Per width: how many answerable development questions have the answer's chunk in the top k
    (hybrid as ask retrieves, and dense), k in RECALL_AT; each base in a collection of its own, or
    with `distractors`, all of them in one collection beside that many generated chunks."""
    from reader_eval import DEVELOPMENT, KB_ROOT, answer_rank, index_folders, load_questions

    from mgpt.retrieval.embedding import HashedNgramEmbedder
    from mgpt.retrieval.store import Location, opened

    bases = [os.path.join(KB_ROOT, name) for name in DEVELOPMENT]
    if distractors:
        generated = os.path.join(work, "distractors")
        write_corpus(generated, distractors // 2)
        groups = [(DEVELOPMENT, bases + [generated])]
    else:
        groups = [((name,), [path]) for name, path in zip(DEVELOPMENT, bases)]
    out = {}
    for dim in dims:
        embedder = HashedNgramEmbedder(dim)
        found = {mode: {k: 0 for k in RECALL_AT} for mode in ("hybrid", "dense")}
        answerable = 0
        for i, (names, paths) in enumerate(groups):
            with opened(Location(db=os.path.join(work, f"recall-{dim}-{i}.db")), create=True) as store:
                index_folders(store, paths, embedder)
                chunks = store.count()
                for q in (q for name in names for q in load_questions(name) if q["answers"]):
                    answerable += 1
                    for mode, per_k in found.items():
                        for k in RECALL_AT:
                            per_k[k] += answer_rank(store, embedder, q, k, mode) is not None
        out[dim] = {"answerable": answerable, "chunks": chunks if distractors else None, **found}
        print(f"dim {dim}: {json.dumps(out[dim])}", flush=True)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chunks", type=int, default=40_000, help="about this many chunks")
    parser.add_argument("--dims", type=int, nargs="+", default=[1024, 512, 256])
    parser.add_argument("--ks", type=int, nargs="+", default=[4, 8, 16])
    parser.add_argument("--questions", type=int, default=10, help="whole `mgpt ask` commands per -k")
    parser.add_argument("--in-process", type=int, default=20, help="questions per -k in process")
    parser.add_argument("--ckpt", help="a span reader [default: one of the shipped shape, made here]")
    parser.add_argument("--recall", action="store_true", help="chunk recall on the development bases instead")
    parser.add_argument("--distractors", type=int, default=0,
                        help="--recall: the bases in one collection beside about this many generated chunks")
    parser.add_argument("--out", help="write the figures here (JSON)")
    parser.add_argument("--probe", nargs="+", help=argparse.SUPPRESS)  # DB CKPT K N QUESTION...: one interpreter
    args = parser.parse_args()
    if args.probe:
        db, ckpt, k, n, *asked = args.probe
        print(json.dumps(probe(db, ckpt, int(k), int(n), asked)))
        return
    work = tempfile.mkdtemp(prefix="bench-ask-")
    try:
        if args.recall:
            results = {"recall": recall(args.dims, work, args.distractors)}
        else:
            ckpt = args.ckpt or make_reader(work)
            docs = os.path.join(work, "docs")
            write_corpus(docs, args.chunks // 2)  # each generated paragraph is cut into two chunks at 140
            results = {"machine": machine_record(), "load_before": os.getloadavg(), "widths": []}
            for dim in args.dims:
                results["widths"].append(bench_width(dim, docs, ckpt, args, work))
                write(args.out, results)  # each width as it is done
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write(args.out, results)


def write(path, results):
    if path:
        with open(path, "w") as f:
            json.dump(results, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
