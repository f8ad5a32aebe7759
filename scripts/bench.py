"""mgpt against PyTorch eager on the same CPU, side by side in one run.

    python scripts/bench.py [--presets micro,baby,small] [--rounds 7] [--json docs/data/speed.json]

For each preset, two long-lived worker processes (mgpt, and scripts/bench_torch.py's TorchGPT
loaded from the same mgpt checkpoint) take turns: A B A B ..., each turn a few training steps
on the same batch, the first round a warm-up left out, medians reported. One process per engine
keeps each engine's threads from spinning while the other runs. Both use every core: mgpt cuts the
batch in shards where `mgpt train` would (shards.default_shards; the row records how many).

Reported per preset: training tokens/s of each engine and their ratio, achieved GFLOP/s (model
FLOPs below) and its share of the float32 matmul peak measured in this run; at small, also
sampling tokens/s with the KV cache (both engines) and without it (full recomputation of the
whole context for each token), the peak RSS of a real `mgpt train` against the analytic
minimum, and a LoRA step against a full fine-tuning step. The OPENBLAS_* overrides of these
machines are dropped for the benchmark's own processes (see benchlib). The results also go to
docs/data/speed.json, replacing the rows of the presets measured (scripts/figures.py draws
docs/img/speed-vs-pytorch.png from it).

Model FLOPs per training step (forward + backward = 3x forward, every matmul 2mnk):
6 * B*T * (12*L*C^2 + C*V) for the linear layers, plus 12 * L * B * T^2 * C for the attention
products q.k and att.v over the full T x T square, which is what both engines compute.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from statistics import median

import benchlib

VOCAB = 65  # tinyshakespeare's characters
BATCH = {"micro": 32, "baby": 12, "small": 8}
STEPS_PER_TURN = {"micro": 40, "baby": 8, "small": 2}
SAMPLE_BATCHES = (1, 8, 32)
FULL_RECOMPUTE_BATCHES = (1, 8)
# Before each turn: OpenBLAS's and OpenMP's idle threads spin for a while after a call before
# they sleep; the pause keeps one engine's spinning threads out of the other's turn.
SETTLE_S = 0.5


def model_flops(config, batch_size):
    L, C, T, V = config.n_layer, config.n_embd, config.block_size, config.vocab_size
    return 6 * batch_size * T * (12 * L * C * C + C * V) + 12 * L * batch_size * T * T * C


def analytic_bytes(config, batch_size, num_params):
    """Weights, gradients and two Adam moments, plus the activations any backward must keep:

    per layer the inputs of both norms, q, k, v, the attention probabilities, the attention
    output and the MLP's hidden layer before and after the activation (10*BTC + B*H*T^2), then
    the final norm's input and the logits with their gradient. float32 throughout.
    """
    L, C, T, V, H = config.n_layer, config.n_embd, config.block_size, config.vocab_size, config.n_head
    B = batch_size
    activations = L * (10 * B * T * C + B * H * T * T) + B * T * C + 2 * B * T * V
    return 4 * (4 * num_params + activations)


# --- workers ------------------------------------------------------------------------------

def mgpt_engine(ckpt, batch_size):
    import numpy as np

    from mgpt.checkpoint import load_model
    from mgpt.optim import AdamW
    from mgpt.runtime import tune_allocator
    from mgpt.sampling import generate
    from mgpt.shards import ShardPool, default_shards

    tune_allocator()  # as mgpt's training loop does
    ck = load_model(ckpt)
    model = ck.model
    run = (model, model.params, model.grads, AdamW(model.params.size, beta2=0.99, decay_mask=model.decay_mask()))
    x, y = benchlib.random_batch(model.config, batch_size)
    shards = default_shards(model.config, batch_size)  # as `mgpt train` chooses them
    pool = ShardPool(model, model, shards).__enter__() if shards > 1 else None  # lives as long as the worker

    def train(steps):
        return [benchlib.timed_step(run, x, y, 1e-4, pool) for _ in range(steps)]

    def sample(num, kv):
        t0 = time.perf_counter()
        generate(model, ck.vocab, "stream", prompt=" ", num=num, max_new_tokens=model.config.block_size - 1,
                 seed=0, use_kv_cache=kv)
        return time.perf_counter() - t0

    def peak():
        a = np.random.default_rng(0).random((2048, 2048), dtype=np.float32)
        best = min(_timed(lambda: a @ a) for _ in range(6))
        return 2 * 2048 ** 3 / best / 1e9

    return {"train": train, "sample": sample, "peak": peak, "shards": lambda: shards}


def torch_engine(ckpt, batch_size):
    import torch
    from bench_torch import TorchGPT, generate, make_optimizer, train_step

    from mgpt.checkpoint import load_model

    torch.set_num_threads(os.cpu_count())
    ck = load_model(ckpt)
    model = TorchGPT.from_mgpt(ck.model)
    optimizer = make_optimizer(model, lr=1e-4)
    x, y = (torch.from_numpy(a.astype("int64")) for a in benchlib.random_batch(ck.model.config, batch_size))

    def train(steps):
        times = []
        for _ in range(steps):
            t0 = time.perf_counter()
            train_step(model, optimizer, x, y)
            times.append(time.perf_counter() - t0)
        return times

    def sample(num, kv):
        first = [int(i) for i in ck.vocab.encode(" ")]
        return _timed(lambda: generate(model, first, num, ck.model.config.block_size - 1, seed=0, use_kv_cache=kv))

    return {"train": train, "sample": sample}


def lora_engine(ckpt, batch_size):
    """A full fine-tuning step and a LoRA step (q,v, rank 4) on the same model, as mgpt runs them."""
    from mgpt.checkpoint import load_model

    runs = benchlib.full_and_lora_runs(ckpt, 4, ("q", "v"))
    x, y = benchlib.random_batch(load_model(ckpt).model.config, batch_size)
    return {name: (lambda steps, run=run: [benchlib.timed_step(run, x, y, 1e-4) for _ in range(steps)])
            for name, run in runs.items()}


def _timed(f):
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


ENGINES = {"mgpt": mgpt_engine, "torch": torch_engine, "lora": lora_engine}


def worker_main(engine, ckpt, batch_size):
    """Answers one JSON command per stdin line: {"call": name, "args": [...]} -> {"result": ...}."""
    commands = ENGINES[engine](ckpt, batch_size)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        print(json.dumps({"result": commands[request["call"]](*request["args"])}), flush=True)


class Worker:
    def __init__(self, engine, ckpt, batch_size):
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", engine, ckpt, str(batch_size)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._read()

    def _read(self):
        line = self.proc.stdout.readline()
        if not line:
            sys.exit("a benchmark worker died; see its error above")
        return json.loads(line)

    def __call__(self, name, *args):
        self.proc.stdin.write(json.dumps({"call": name, "args": args}) + "\n")
        self.proc.stdin.flush()
        return self._read()["result"]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def interleaved(workers, args, rounds, flatten=True, warmup=True):
    """Each round, every worker in turn (order swapped every round); with warmup, an extra first
    round that is left out."""
    results = {name: [] for name in workers}
    for r in range(rounds + warmup):
        order = list(workers) if r % 2 == 0 else list(reversed(workers))
        for name, (worker, method) in ((n, workers[n]) for n in order):
            time.sleep(SETTLE_S)
            value = worker(method, *args)
            if r >= warmup:
                results[name] += value if flatten else [value]
    return results


# --- the run ------------------------------------------------------------------------------

def make_checkpoint(preset, directory):
    import numpy as np

    from mgpt.checkpoint import save_model
    from mgpt.data import Vocab
    from mgpt.config import GPTConfig, PRESETS
    from mgpt.model import GPT

    config = GPTConfig(vocab_size=VOCAB + 1, **PRESETS[preset])  # + BOS, as mgpt's vocabularies
    model = GPT(config)
    model.init_weights(np.random.default_rng(0))
    path = os.path.join(directory, f"{preset}.npz")
    save_model(path, model, Vocab([chr(32 + i) for i in range(VOCAB)]), "stream", {"step": 0})
    return path, config, model.num_params


def peak_rss(ckpt_dir, preset, batch_size, steps=4):
    """Peak RSS of a real `mgpt train` on tinyshakespeare (a child process of its own)."""
    out = os.path.join(ckpt_dir, f"rss-{preset}.npz")
    proc = subprocess.Popen([sys.executable, "-m", "mgpt", "train", benchlib.corpus("tinyshakespeare.txt"),
                             "-o", out, "--preset", preset, "--batch-size", str(batch_size), "--steps", str(steps),
                             "--eval-every", str(steps), "--eval-iters", "2", "-q", "--mode", "stream"])
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not the other workers'
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"mgpt train failed with exit code {proc.returncode}")
    return usage.ru_maxrss * 1024


def bench_preset(preset, rounds, directory):
    ckpt, config, num_params = make_checkpoint(preset, directory)
    B = BATCH[preset]
    tokens = B * config.block_size
    workers = {"mgpt": Worker("mgpt", ckpt, B), "torch": Worker("torch", ckpt, B)}
    try:
        peak = workers["mgpt"]("peak")
        shards = workers["mgpt"]("shards")
        steps = interleaved({n: (w, "train") for n, w in workers.items()}, [STEPS_PER_TURN[preset]], rounds)
        flops = model_flops(config, B)
        row = {"preset": preset, "batch_size": B, "block_size": config.block_size, "parameters": num_params,
               "mgpt_shards": shards, "matmul_peak_gflops": round(peak, 1), "model_gflop_per_step": round(flops / 1e9, 3)}
        for name, times in steps.items():
            t = median(times)
            row[name] = {"ms_per_step": round(t * 1e3, 3), "tokens_per_s": round(tokens / t),
                         "gflops": round(flops / t / 1e9, 1), "share_of_peak": round(flops / t / 1e9 / peak, 3),
                         "steps_timed": len(times)}
        row["speedup_mgpt_over_torch"] = round(row["torch"]["ms_per_step"] / row["mgpt"]["ms_per_step"], 2)
        if preset == "small":
            row["sampling"] = bench_sampling(workers, config, rounds)
        return row
    finally:
        for w in workers.values():
            w.close()


def bench_sampling(workers, config, rounds):
    """Tokens/s generating a whole block (255 new tokens after one), with the KV cache and with
    full recomputation of the context for each token; the latter takes half a minute or more a
    run, so it runs fewer rounds and no warm-up round."""
    new_tokens = config.block_size - 1
    rows = []
    cases = [(b, True, max(2, rounds // 2)) for b in SAMPLE_BATCHES] + [(b, False, 2) for b in FULL_RECOMPUTE_BATCHES]
    for num, kv, case_rounds in cases:
        secs = interleaved({n: (w, "sample") for n, w in workers.items()}, [num, kv], case_rounds,
                           flatten=False, warmup=kv)
        row = {"batch_size": num, "kv_cache": kv}
        for name, times in secs.items():
            row[f"{name}_tokens_per_s"] = round(num * new_tokens / median(times), 1)
        row["ratio_mgpt_over_torch"] = round(row["mgpt_tokens_per_s"] / row["torch_tokens_per_s"], 2)
        rows.append(row)
    for full in (r for r in rows if not r["kv_cache"]):
        cached = next(r for r in rows if r["kv_cache"] and r["batch_size"] == full["batch_size"])
        for name in ("mgpt", "torch"):
            cached[f"{name}_kv_over_full_recompute"] = round(
                cached[f"{name}_tokens_per_s"] / full[f"{name}_tokens_per_s"], 1)
    return rows


def bench_lora(directory, rounds):
    ckpt, config, _ = make_checkpoint("small", directory)
    worker = Worker("lora", ckpt, BATCH["small"])
    try:
        times = interleaved({"full": (worker, "full"), "lora": (worker, "lora")}, [2], rounds)
    finally:
        worker.close()
    full, lora = median(times["full"]), median(times["lora"])
    return {"preset": "small", "batch_size": BATCH["small"], "targets": "q,v", "rank": 4,
            "full_ms_per_step": round(full * 1e3, 1), "lora_ms_per_step": round(lora * 1e3, 1),
            "lora_over_full": round(lora / full, 3)}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        return worker_main(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presets", default="micro,baby,small")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--skip", default="", help="comma list of: rss, lora")
    benchlib.json_option(parser, "speed.json")
    args = parser.parse_args()
    benchlib.clean_blas_environment()
    skip = set(filter(None, args.skip.split(",")))
    record = {"machine": benchlib.machine_record(), "training": []}
    with tempfile.TemporaryDirectory() as directory:
        for preset in args.presets.split(","):
            row = bench_preset(preset, args.rounds, directory)
            record["training"].append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
        if "lora" not in skip:
            record["lora"] = bench_lora(directory, args.rounds)
        if "rss" not in skip:
            from mgpt.config import GPTConfig, PRESETS
            from mgpt.parameters import parameter_shapes

            config = GPTConfig(vocab_size=VOCAB + 1, **PRESETS["small"])  # tinyshakespeare's 65 + BOS
            num_params = sum(math.prod(shape) for _, shape in parameter_shapes(config))
            rss = peak_rss(directory, "small", BATCH["small"])
            minimum = analytic_bytes(config, BATCH["small"], num_params)
            record["peak_rss_small"] = {"peak_rss_mib": round(rss / 2 ** 20, 1),
                                        "analytic_minimum_mib": round(minimum / 2 ** 20, 1),
                                        "ratio": round(rss / minimum, 2)}
    benchlib.print_json(record)
    benchlib.write_json(benchlib.json_path(args, "speed.json"), record, rows_by_preset=("training",))


if __name__ == "__main__":
    main()
