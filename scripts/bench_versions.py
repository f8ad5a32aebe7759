"""Two versions of the engine side by side: what a change bought, on the same machine in the same seconds.

    git worktree add ../old <commit>
    python scripts/bench_versions.py ../old/src [--new src] [--cases micro:20,baby:12,decode:16]

Both versions are loaded into one process (as packages `old_mgpt` and `new_mgpt`), each with its
own model of the same weights, and take turns (old new, new old, ...) as many rounds as the case
says: a turn is a block of training steps on a fixed batch (micro 40, baby 4, small 1: zero the
gradients, forward, backward, clip, AdamW) or a whole generated block (`decode`: the small preset
at batch 1 with the KV cache, 255 tokens from a one-character prompt). `reader` is the shape the
shipped reader trained at in f1f2414 (6 layers of 192, 6 heads, block 512, the latin vocabulary,
16 rows a process), one step a turn. A version with shards (mgpt.shards) cuts each batch in the
shards `mgpt train` would choose and runs them on every core, as its training does. Turns this short keep
both versions in the same state of a shared machine, whose speed can change within minutes.
The first round is a warm-up, left out. Prints the medians (ms a step, or tokens/s) and every turn's figure.
"""

import argparse
import importlib
import importlib.util
import os
import sys
import time
from statistics import median

import benchlib

STEPS_PER_TURN = {"micro": 40, "baby": 4, "small": 1, "reader": 1}
BATCH = {"micro": 32, "baby": 12, "small": 8, "reader": 16}
READER = {"n_layer": 6, "n_head": 6, "n_embd": 192, "block_size": 512}  # scripts/make_reader.py at f1f2414
# Before each turn: OpenBLAS's idle threads spin for a while after a call before they sleep, and a
# version whose shards run BLAS at one thread each would otherwise share the cores with the other's.
SETTLE_S = 0.5


def load_version(name, src):
    """The mgpt package under src, imported as `name` (its modules import each other relatively)."""
    path = os.path.join(os.path.abspath(src), "mgpt")
    spec = importlib.util.spec_from_file_location(name, os.path.join(path, "__init__.py"),
                                                  submodule_search_locations=[path])
    package = importlib.util.module_from_spec(spec)
    sys.modules[name] = package
    spec.loader.exec_module(package)
    modules = {module: importlib.import_module(f"{name}.{module}") for module in ("model", "optim", "sampling", "data", "runtime")}
    # GPTConfig and PRESETS: config.py since the model was split by concern, model.py before
    split = os.path.exists(os.path.join(path, "config.py"))
    modules["config"] = importlib.import_module(f"{name}.config") if split else modules["model"]
    if os.path.exists(os.path.join(path, "shards.py")):
        modules["shards"] = importlib.import_module(f"{name}.shards")
    return modules


def turn(mgpt, case):
    """A function running one turn of `case` with this version; returns ms a step or tokens/s."""
    import numpy as np

    config = mgpt["config"]
    mgpt["runtime"].tune_allocator()
    preset = "small" if case == "decode" else case
    shape, vocab_size = (READER, 256) if case == "reader" else (config.PRESETS[preset], 66)
    model = mgpt["model"].GPT(config.GPTConfig(vocab_size=vocab_size, **shape))
    model.init_weights(np.random.default_rng(0))
    if case == "decode":
        vocab = mgpt["data"].Vocab([chr(32 + i) for i in range(65)])

        def decode():
            t0 = time.perf_counter()
            mgpt["sampling"].generate(model, vocab, "stream", prompt=" ", num=1, max_new_tokens=255, seed=0)
            return 255 / (time.perf_counter() - t0)
        return decode
    optim = mgpt["optim"]
    adam = optim.AdamW(model.params.size, beta2=0.99, decay_mask=model.decay_mask())
    rng = np.random.default_rng(0)
    x, y = benchlib.random_batch(model.config, BATCH[case])
    shards = mgpt["shards"].default_shards(model.config, BATCH[case]) if "shards" in mgpt else 1
    # entered for each turn only: its BLAS limit holds for the whole process, the other version's turns included
    pool = mgpt["shards"].ShardPool(model, model, shards) if shards > 1 else None

    def train():
        if pool is not None:
            with pool:
                return steps()
        return steps()

    def steps():
        t0 = time.perf_counter()
        for _ in range(STEPS_PER_TURN[case]):
            if pool is None:
                model.grads[...] = 0
                _, _, cache = model.forward(x, y, rng=rng)
                model.backward(cache)
            else:
                pool.train(mgpt["shards"].cut_rows(x, y, shards), [None] * shards, lambda t: t.size)
            optim.clip_grad_norm(model.grads, 1.0)
            adam.step(model.params, model.grads, 1e-4)
        return (time.perf_counter() - t0) / STEPS_PER_TURN[case] * 1e3
    return train


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", help="the old version's src/ folder (a git worktree of its commit)")
    parser.add_argument("--new", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))
    parser.add_argument("--cases", default="micro:20,baby:12,decode:16",
                        help="case:rounds,... (micro, baby, small, reader: training steps; decode: sampling)")
    args = parser.parse_args()
    benchlib.clean_blas_environment()
    versions = {"old": load_version("old_mgpt", args.old), "new": load_version("new_mgpt", args.new)}
    record = {"machine": benchlib.machine_record(), "cases": {}}
    for spec in args.cases.split(","):
        case, rounds = spec.split(":")
        turns = {name: turn(mgpt, case) for name, mgpt in versions.items()}
        results = {name: [] for name in versions}
        for r in range(int(rounds) + 1):
            for name in (["old", "new"] if r % 2 == 0 else ["new", "old"]):
                time.sleep(SETTLE_S)
                value = turns[name]()
                if r:
                    results[name].append(round(value, 3))
        unit = "tokens/s" if case == "decode" else "ms a step"
        record["cases"][case] = {"unit": unit, **{n: {"median": median(v), "turns": v} for n, v in results.items()}}
        print(f"{case}: old {median(results['old'])}, new {median(results['new'])} {unit}", file=sys.stderr, flush=True)
    benchlib.print_json(record)


if __name__ == "__main__":
    main()
