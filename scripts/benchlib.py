"""Shared set-up for the benchmark scripts: a clean BLAS environment and a record of the machine."""

import json
import os
import platform
import subprocess
import sys

BLAS_OVERRIDES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
SHARED_CORPORA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora")


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


def mgpt(*args, **kwargs):
    """Runs the mgpt CLI of this interpreter's environment."""
    return subprocess.run([sys.executable, "-m", "mgpt", *args], check=True, **kwargs)
