"""Shared set-up for the benchmark scripts: a clean BLAS environment and a record of the machine."""

import json
import os
import platform
import shutil
import subprocess
import sys

BLAS_OVERRIDES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
SHARED_CORPORA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "data")


def clean_blas_environment():
    """Re-executes the script without the OPENBLAS_* overrides these machines set.

    They pin OpenBLAS to its Haswell kernel; a user's machine would not have them. Tests and CI
    keep them; only benchmarks drop them, for their own processes.
    """
    dropped = [name for name in BLAS_OVERRIDES if name in os.environ]
    if dropped:
        env = {k: v for k, v in os.environ.items() if k not in BLAS_OVERRIDES}
        env["MGPT_BENCH_DROPPED"] = ",".join(dropped)
        os.execve(sys.executable, [sys.executable] + sys.argv, env)


def machine_record():
    """Which CPU, cores and BLAS kernel this run used (threadpoolctl), for the results table."""
    import numpy as np

    record = {"python": platform.python_version(), "numpy": np.__version__,
              "cores": os.cpu_count(), "cpu": _cpu_name(),
              "dropped_env": os.environ.get("MGPT_BENCH_DROPPED", "")}
    try:
        from threadpoolctl import threadpool_info

        blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
        record["blas"] = [{k: i.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
                          for i in blas]
    except ImportError:
        record["blas"] = "threadpoolctl not installed (pip install threadpoolctl)"
    return record


def _cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def corpus(name):
    path = os.path.abspath(os.path.join(SHARED_CORPORA, name))
    if not os.path.exists(path):
        sys.exit(f"{path} not found: benchmarks read ../shared/corpora from the project root")
    return path


def print_json(record):
    print(json.dumps(record, indent=2))


def json_option(parser, default_name):
    """--json: where the results go for scripts/figures.py, which draws docs/img/ from them."""
    parser.add_argument("--json", help=f"write the results here too [default: docs/data/{default_name}]; "
                                       "'' for nowhere")


def json_path(args, name):
    return os.path.normpath(os.path.join(DATA, name)) if args.json is None else args.json


def write_json(path, record, rows_by_preset=()):
    """Writes the results for scripts/figures.py. For each key of rows_by_preset (a list of rows
    with a "preset"), the rows of presets this run did not measure are kept from the file already
    there, so runs over some presets each (`--presets small`) add up to one file."""
    if not path:
        return
    try:
        with open(path) as f:
            old = json.load(f)
    except (OSError, ValueError):
        old = {}
    for key in rows_by_preset:
        new = {row["preset"]: row for row in record[key]}
        kept = [row for row in old.get(key, []) if row["preset"] not in new]
        if kept:
            record["source"] = (f"{key}: presets {', '.join(sorted(new))} from this run, the others from an "
                                f"earlier one" + (f" ({old['source']})" if "source" in old else ""))
        # the file's order of presets stays (figures read the last row as the largest)
        record[key] = [new.pop(row["preset"], row) for row in old.get(key, [])] + list(new.values())
    with open(path, "w") as f:
        json.dump(record, f, indent=1)
        f.write("\n")


def mgpt(*args, launcher=(), **kwargs):
    """Runs the mgpt CLI of this interpreter's environment (after `launcher`: mpiexec -n N)."""
    return subprocess.run([*launcher, sys.executable, "-m", "mgpt", *args], check=True, **kwargs)


def mpiexec():
    """The mpiexec beside this interpreter (MPICH's wheel puts one there), else on PATH."""
    path = shutil.which("mpiexec", path=os.path.dirname(sys.executable)) or shutil.which("mpiexec")
    if path is None:
        sys.exit("no mpiexec: pip install -e '.[mpi]'")
    return path


def full_and_lora_runs(ckpt, rank, targets):
    """The same base twice, as full fine-tuning and as LoRA (alpha = 2 x rank) trains it: name ->
    (model, params, grads, optimizer), for timing one kind of step against the other."""
    import numpy as np

    from mgpt.checkpoint import load_model
    from mgpt.lora import Adapter, LoraConfig, validate
    from mgpt.optim import AdamW
    from mgpt.runtime import tune_allocator

    tune_allocator()  # as mgpt's training loop does
    full = load_model(ckpt).model
    lora_model = load_model(ckpt).model
    adapter = Adapter(validate(LoraConfig(rank, 2.0 * rank, targets), lora_model.config), lora_model.config)
    adapter.init_weights(np.random.default_rng(0))
    lora_model.attach_adapter(adapter)
    return {"full": (full, full.params, full.grads, AdamW(full.params.size, decay_mask=full.decay_mask())),
            "lora": (lora_model, adapter.params, adapter.grads, AdamW(adapter.params.size, weight_decay=0.0))}


def random_batch(config, batch_size):
    """A fixed batch of random ids, inputs and targets (B, block_size), the same on every call."""
    import numpy as np

    rng = np.random.default_rng(0)
    shape = (batch_size, config.block_size)
    return (rng.integers(0, config.vocab_size, shape).astype(np.int32),
            rng.integers(0, config.vocab_size, shape).astype(np.int32))


def timed_step(run, x, y, lr, pool=None):
    """Seconds of one optimizer step (forward, backward, clip, AdamW) of a full_and_lora_runs entry;
    with a shards.ShardPool (entered), the batch is cut in its shards as `mgpt train --shards` cuts it."""
    import time

    from mgpt.optim import clip_grad_norm
    from mgpt.shards import cut_rows

    model, params, grads, optimizer = run
    t0 = time.perf_counter()
    if pool is None:
        grads[...] = 0
        _, _, cache = model.forward(x, y)
        model.backward(cache)
    else:
        pool.train(cut_rows(x, y, len(pool.workers)), [None] * len(pool.workers), lambda t: t.size)
    clip_grad_norm(grads, 1.0)
    optimizer.step(params, grads, lr)
    return time.perf_counter() - t0
