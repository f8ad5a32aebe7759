"""Corpora of any size: how long `mgpt train` takes to reach its first step, and at what peak
memory, on a 1 GB corpus prepared now, on the same corpus prepared earlier, and on 2 MPI ranks.

    python scripts/bench_corpus.py [--size-mb 1000] [--work /tmp/mgpt-bench-corpus] [--baseline-src OLD/src]

The corpora are tinyshakespeare repeated to --size-mb megabytes and cut to its first megabyte,
written into --work (never into the project) with a cache of their own, all removed at the end.
Each run is the real `mgpt train` (baby preset, batch 12, one step, one evaluation batch per
split, --log), started in a child that records its own peak RSS (ru_maxrss) and CPU seconds when
it exits; the time to the first step is from the start of the process until the log holds that
step. Under mpiexec each rank records its own. With --baseline-src (the src/ folder of an older
mgpt, e.g. from `git archive`), the same first run is made with that code, and a small corpus
is trained with both to compare the checkpoints' bytes.
The results also go to docs/data/corpus.json.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

import benchlib

RUN = ["--steps", "1", "--eval-iters", "1", "-q"]
SAME_BYTES_RUN = ["--n-layer", "1", "--n-embd", "16", "--n-head", "2", "--block-size", "8", "--batch-size", "4",
                  "--eval-iters", "2", "--warmup", "5", "--steps", "30", "--eval-every", "10", "--dropout", "0.1",
                  "--seed", "7", "-q"]


def child(record, argv):
    """Runs `mgpt ARGV` in this process and writes its peak RSS and CPU seconds to RECORD.rankN."""
    import atexit
    import resource

    def report():
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with open(f"{record}.rank{os.environ.get('PMI_RANK', '0')}", "w") as f:
            json.dump({"peak_rss_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime + usage.ru_stime}, f)

    atexit.register(report)
    sys.argv = ["mgpt", *argv]
    from mgpt.cli import main

    main()


def write_corpora(work, size_mb):
    """big.txt: tinyshakespeare repeated to size_mb MB; small.txt: its first MB, cut at a line end."""
    text = open(benchlib.corpus("tinyshakespeare.txt"), "rb").read()
    big, small = os.path.join(work, "big.txt"), os.path.join(work, "small.txt")
    with open(big, "wb") as f:
        for _ in range(-(-size_mb * 10**6 // len(text))):
            f.write(text)
    with open(small, "wb") as f:
        f.write(text[:text.rindex(b"\n", 0, 10**6) + 1])
    return big, small


def run(work, name, corpus, launcher=(), env=None, ranks=1):
    """One `mgpt train` on corpus: seconds to its first step, and each rank's peak RSS and CPU seconds."""
    log, record = os.path.join(work, f"{name}.jsonl"), os.path.join(work, f"{name}.usage")
    cmd = [*launcher, sys.executable, os.path.abspath(__file__), "--child", record, "--",
           "train", corpus, "-o", os.path.join(work, f"{name}.npz"), "--log", log, *RUN]
    started = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=work, env=env, stderr=subprocess.PIPE, text=True)
    first = None
    while p.poll() is None:
        if first is None and os.path.exists(log) and '"event": "step"' in open(log).read():
            first = time.perf_counter() - started
        time.sleep(0.01)
    err = p.stderr.read()
    if p.returncode != 0:
        sys.exit(f"{name} failed ({p.returncode}):\n{err}")
    first = first if first is not None else time.perf_counter() - started  # the step and the exit came together
    ranks_usage = [json.load(open(f"{record}.rank{r}")) for r in range(ranks)]
    row = {"run": name, "first_step_s": round(first, 2),
           "peak_rss_mb": [round(u["peak_rss_mb"], 1) for u in ranks_usage],
           "cpu_s": [round(u["cpu_s"], 2) for u in ranks_usage]}
    print(json.dumps(row), flush=True)
    return row


def same_bytes(work, small, env, baseline_src):
    """Trains the small corpus with this mgpt and with the baseline: are the checkpoints the same bytes?"""
    outs = {}
    for who, env in (("this", env), ("baseline", {**env, "PYTHONPATH": baseline_src})):
        out = os.path.join(work, f"same-{who}.npz")
        benchlib.mgpt("train", small, "-o", out, *SAME_BYTES_RUN, env=env, cwd=work)
        outs[who] = [open(path, "rb").read() for path in (out, out.replace(".npz", "-last.npz"))]
    return outs["this"] == outs["baseline"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=1000)
    parser.add_argument("--work", default="/tmp/mgpt-bench-corpus", help="scratch folder, removed at the end")
    parser.add_argument("--baseline-src", help="src/ of an older mgpt to compare with (today's path)")
    parser.add_argument("--no-mpi", action="store_true", help="skip the 2-rank run")
    benchlib.json_option(parser, "corpus.json")
    args = parser.parse_args()
    benchlib.clean_blas_environment()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    env = {**os.environ, "MGPT_CACHE": os.path.join(args.work, "cache")}
    try:
        big, small = write_corpora(args.work, args.size_mb)
        rows = [run(args.work, "1 MB, preparing", small, env=env),
                run(args.work, "1 MB, prepared", small, env=env),
                run(args.work, f"{args.size_mb} MB, preparing", big, env=env),
                run(args.work, f"{args.size_mb} MB, prepared", big, env=env)]
        if not args.no_mpi:
            rows.append(run(args.work, f"{args.size_mb} MB, prepared, 2 MPI ranks", big,
                            launcher=[benchlib.mpiexec(), "-n", "2"], env=env, ranks=2))
        result = {"corpus_bytes": os.path.getsize(big), "small_corpus_bytes": os.path.getsize(small), "runs": rows,
                  "loadavg_at_end": os.getloadavg()}
        if args.baseline_src:
            baseline_env = {**env, "PYTHONPATH": os.path.abspath(args.baseline_src)}
            rows.append(run(args.work, f"{args.size_mb} MB, baseline (read whole at every start)", big,
                            env=baseline_env))
            result["same_bytes_as_baseline"] = same_bytes(args.work, small, env, os.path.abspath(args.baseline_src))
        result["machine"] = benchlib.machine_record()
    finally:
        shutil.rmtree(args.work, ignore_errors=True)
    benchlib.print_json(result)
    benchlib.write_json(benchlib.json_path(args, "corpus.json"), result)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[4:])
    else:
        main()
