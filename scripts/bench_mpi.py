"""Data-parallel training speed: tokens/s on 1 and 2 MPI ranks, the Allreduce's share of a step,
and what that predicts for N machines.

    python scripts/bench_mpi.py [--presets micro,baby,small] [--repeats 3] [--work DIR]

Every run is the real `mgpt train` on tinyshakespeare (stream mode) with one BLAS thread per
rank, for a fixed number of steps; a run's step time is the median of its logged steps after a
warm-up (the log's tokens_per_s, which counts every rank's tokens). Configurations: 1 rank
x 1 thread, 2 ranks x 1 thread (mpiexec), and for reference 1 rank x 2 threads (what one
process gets from this 2-core machine without MPI). The configurations alternate, --repeats
times, and the figure is the median over the repeats (their range is printed too), so a
neighbour job that slows one run does not decide a comparison.

The Allreduce is timed twice: inside training (the log's allreduce_ms, which includes waiting
for the slower rank) and alone (`mpiexec -n 2 ... --allreduce-only`: a float32 buffer of the
model's size after a barrier, median of many), the pure cost of moving the gradients.
The projection assumes a ring Allreduce, 2(N-1)/N x bytes / bandwidth + 2(N-1) x latency, plus
two small latency-bound reductions per step, against the measured 1-rank compute time.
The results also go to docs/data/mpi.json, replacing the rows of the presets measured
(scripts/figures.py draws docs/img/mpi-scaling.png from it).
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

import benchlib

PLAN = {  # preset: (batch per rank, steps, warm-up steps left out of the median)
    "micro": (32, 400, 50),
    "baby": (12, 80, 10),
    "small": (8, 12, 2),
}
NETWORKS = {"10 Gb/s Ethernet (TCP)": (10e9 / 8, 25e-6), "100 Gb/s (RDMA)": (100e9 / 8, 3e-6)}
MACHINES = (2, 4, 8, 16, 64)


def train_run(work, preset, ranks, threads):
    """Median step of one `mgpt train` on `ranks` ranks with `threads` BLAS threads each."""
    import numpy as np

    batch, steps, warmup = PLAN[preset]
    name = f"{preset}-{ranks}x{threads}"
    log = os.path.join(work, name + ".jsonl")
    cmd = [sys.executable, "-m", "mgpt", "train", benchlib.corpus("tinyshakespeare.txt"), "-o",
           os.path.join(work, name + ".npz"), "--preset", preset, "--batch-size", str(batch),
           "--steps", str(steps), "--eval-every", str(steps), "--eval-iters", "1", "--log", log, "-q"]
    if ranks > 1:
        cmd = [benchlib.mpiexec(), "-n", str(ranks)] + cmd
    env = {**os.environ, **{v: str(threads) for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}}
    subprocess.run(cmd, check=True, env=env)
    with open(log) as f:
        records = [json.loads(line) for line in f]
    timed = [r for r in records if r["event"] == "step"][warmup:]
    tokens = batch * ranks * block_size(preset)  # stream mode: every position is a target
    step_s = [tokens / r["tokens_per_s"] for r in timed]
    result = {"ms_per_step": float(np.median(step_s)) * 1e3, "tokens": tokens}
    if ranks > 1:
        result["allreduce_ms"] = float(np.median([r["allreduce_ms"] for r in timed]))
    return result


def combine(preset, ranks, threads, repeats):
    """The median over repeated runs of one configuration, and their range."""
    import numpy as np

    ms = [r["ms_per_step"] for r in repeats]
    median = float(np.median(ms))
    result = {"preset": preset, "ranks": ranks, "blas_threads": threads, "batch_per_rank": PLAN[preset][0],
              "runs": len(ms), "ms_per_step": round(median, 2), "ms_per_step_range": [round(min(ms), 2), round(max(ms), 2)],
              "tokens_per_s": round(repeats[0]["tokens"] / median * 1e3)}
    if ranks > 1:
        allreduce = float(np.median([r["allreduce_ms"] for r in repeats]))
        result["allreduce_ms_in_training"] = round(allreduce, 3)
        result["allreduce_share_in_training"] = round(allreduce / median, 4)
    return result


def block_size(preset):
    from mgpt.config import PRESETS

    return PRESETS[preset]["block_size"]


def parameters(preset, vocab_size=66):
    from mgpt.config import GPTConfig, PRESETS
    from mgpt.model import GPT

    return GPT(GPTConfig(vocab_size=vocab_size, **PRESETS[preset])).num_params


def allreduce_only(sizes, repeats=50):
    """Run under mpiexec: median seconds of an in-place float32 Allreduce of each size."""
    import numpy as np
    from mpi4py import MPI

    comm, out = MPI.COMM_WORLD, {}
    for size in sizes:
        buffer = np.ones(size, dtype=np.float32)
        times = []
        for _ in range(repeats + 3):
            comm.Barrier()
            t0 = MPI.Wtime()
            comm.Allreduce(MPI.IN_PLACE, buffer, op=MPI.SUM)
            times.append(MPI.Wtime() - t0)
            buffer[...] = 1.0
        out[size] = float(np.median(times[3:]))
    if comm.Get_rank() == 0:
        print(json.dumps(out))


def projection(params, compute_s, bandwidth, latency, machines):
    """Ring Allreduce of the float32 gradients + two small reductions, against a rank's compute."""
    nbytes = 4 * params
    comm_s = 2 * (machines - 1) / machines * nbytes / bandwidth + 2 * (machines - 1) * latency
    comm_s += 2 * math.ceil(math.log2(machines)) * latency  # token counts/losses and the stop flag
    return {"machines": machines, "allreduce_ms": round(comm_s * 1e3, 3),
            "efficiency": round(compute_s / (compute_s + comm_s), 4),
            "speedup": round(machines * compute_s / (compute_s + comm_s), 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presets", default="micro,baby,small")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each configuration")
    parser.add_argument("--work", help="folder for checkpoints and logs (default: a temporary one)")
    parser.add_argument("--allreduce-only", help=argparse.SUPPRESS)
    benchlib.json_option(parser, "mpi.json")
    args = parser.parse_args()
    if args.allreduce_only:
        allreduce_only([int(s) for s in args.allreduce_only.split(",")])
        return
    benchlib.clean_blas_environment()
    work = args.work or tempfile.mkdtemp(prefix="bench-mpi-")
    os.makedirs(work, exist_ok=True)
    presets = args.presets.split(",")
    load_before = os.getloadavg()  # other jobs on the machine show up here and in the timings
    configurations, runs = ((1, 1), (2, 1), (1, 2)), []
    for preset in presets:
        repeats = {c: [] for c in configurations}
        for _ in range(args.repeats):
            for ranks, threads in configurations:
                repeats[ranks, threads].append(train_run(work, preset, ranks, threads))
        for (ranks, threads), results in repeats.items():
            runs.append(combine(preset, ranks, threads, results))
            print(json.dumps(runs[-1]), file=sys.stderr)
    sizes = {preset: parameters(preset) for preset in presets}
    out = subprocess.run([benchlib.mpiexec(), "-n", "2", sys.executable, __file__, "--allreduce-only",
                          ",".join(map(str, sizes.values()))], check=True, capture_output=True, text=True)
    alone = {int(k): v for k, v in json.loads(out.stdout).items()}
    summary = []
    for preset in presets:
        one, two = (next(r for r in runs if r["preset"] == preset and r["ranks"] == n and r["blas_threads"] == 1)
                    for n in (1, 2))
        compute_s = one["ms_per_step"] / 1e3
        summary.append({
            "preset": preset, "parameters": sizes[preset], "gradient_bytes": 4 * sizes[preset],
            "tokens_per_s_1_rank": one["tokens_per_s"], "tokens_per_s_2_ranks": two["tokens_per_s"],
            "speedup_2_ranks": round(two["tokens_per_s"] / one["tokens_per_s"], 3),
            "allreduce_alone_ms": round(alone[sizes[preset]] * 1e3, 3),
            "allreduce_alone_share": round(alone[sizes[preset]] * 1e3 / two["ms_per_step"], 4),
            "allreduce_in_training_share": two["allreduce_share_in_training"],
            "projection": {net: [projection(sizes[preset], compute_s, bw, lat, n) for n in MACHINES]
                           for net, (bw, lat) in NETWORKS.items()},
        })
    record = {"runs": runs, "summary": summary,
              "networks": {k: {"bytes_per_s": bw, "latency_s": lat} for k, (bw, lat) in NETWORKS.items()},
              "load_average_before_after": [load_before, os.getloadavg()], "machine": benchlib.machine_record()}
    benchlib.print_json(record)
    benchlib.write_json(benchlib.json_path(args, "mpi.json"), record, rows_by_preset=("runs", "summary"))


if __name__ == "__main__":
    main()
