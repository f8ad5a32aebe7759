#!/usr/bin/env python3
"""Run the fuzz targets of scripts/fuzz_targets.py far longer than the suite does, and count.

    python scripts/fuzz.py                      # 10,000 inputs per target
    python scripts/fuzz.py -n 500 --target corpora

For each target it reports the number of inputs tried and the number that ended in anything but
an accepted input or a clean refusal (a traceback); the goal is zero. The first failure of a
target is printed with its input's size and the exception. Results go to --out as JSON too.
"""

import argparse
import json
import tempfile
import time
import traceback


def targets():
    import fuzz_targets as F

    return {
        "checkpoints": (F.hostile_checkpoints("model"), lambda d, w: F.load_checkpoint_bytes(d, "model", w)),
        "adapters": (F.hostile_checkpoints("adapter"), lambda d, w: F.load_checkpoint_bytes(d, "adapter", w)),
        "corpora": (F.hostile_corpora(), F.read_corpus_bytes),
        "documents": (F.hostile_documents(), lambda d, w: F.read_document_bytes(*d, w)),
        "plot logs": (F.hostile_logs(), F.plot_log_bytes),
        "serve bodies": (F.hostile_requests(), lambda r, w: F.post_request(_client(), *r)),
    }


_CLIENT = []


def _client():
    """One in-process server for every request of the run."""
    import fuzz_targets as F

    if not _CLIENT:
        _CLIENT.append(F.serve_client())
    return _CLIENT[0]


def run(name, strategy, check, n):
    from hypothesis import HealthCheck, given, settings

    counts = {"tried": 0, "failures": 0, "first_failure": None}
    work = tempfile.mkdtemp(prefix=f"fuzz-{name}-")

    @settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(strategy)
    def one(data):
        counts["tried"] += 1
        try:
            check(data, work)
        except Exception:  # the count is the point: keep going
            counts["failures"] += 1
            if counts["first_failure"] is None:
                counts["first_failure"] = traceback.format_exc(limit=3)[-600:]

    one()
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000, help="inputs per target")
    parser.add_argument("--target", action="append", help="only these targets")
    parser.add_argument("--out", help="write the counts here (JSON)")
    args = parser.parse_args()
    import warnings

    warnings.simplefilter("ignore")
    results = {}
    for name, (strategy, check) in targets().items():
        if args.target and name not in args.target:
            continue
        t0 = time.time()
        results[name] = run(name, strategy, check, args.n)
        results[name]["seconds"] = round(time.time() - t0, 1)
        r = results[name]
        print(f"{name:12} {r['tried']:>7,} inputs, {r['failures']} failures ({r['seconds']:.0f} s)", flush=True)
        if r["first_failure"]:
            print(r["first_failure"])
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
