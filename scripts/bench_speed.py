"""Training tokens/s for each preset, and sampling tokens/s with the KV cache vs full recomputation.

    python scripts/bench_speed.py [--repeats 5]

Random weights and random tokens (speed does not depend on what was learned); a 65-character
vocabulary as tinyshakespeare's. Medians over repeats after one warm-up step.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import benchlib  # noqa: E402

TRAIN_BATCH = {"micro": 32, "baby": 12, "small": 8}


def train_tokens_per_s(preset, batch_size, repeats):
    import numpy as np

    from mgpt.model import GPT, GPTConfig, PRESETS
    from mgpt.optim import AdamW, clip_grad_norm
    from mgpt.runtime import tune_allocator

    tune_allocator()  # as mgpt's training loop does
    config = GPTConfig(vocab_size=66, **PRESETS[preset])
    model = GPT(config)
    model.init_weights(np.random.default_rng(0))
    optimizer = AdamW(model.params.size, decay_mask=model.decay_mask())
    rng = np.random.default_rng(0)
    T = config.block_size
    x = rng.integers(0, 65, (batch_size, T)).astype(np.int32)
    y = rng.integers(0, 65, (batch_size, T)).astype(np.int32)

    def step():
        model.grads[...] = 0
        _, _, cache = model.forward(x, y)
        model.backward(cache)
        clip_grad_norm(model.grads, 1.0)
        optimizer.step(model.params, model.grads, 1e-3)

    step()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    median = float(np.median(times))
    return {"preset": preset, "batch_size": batch_size, "block_size": T, "parameters": model.num_params,
            "ms_per_step": round(median * 1e3, 2), "tokens_per_s": round(batch_size * T / median)}


def sampling_tokens_per_s(batch_size, repeats, use_kv_cache):
    import numpy as np

    from mgpt.data import Vocab
    from mgpt.model import GPT, GPTConfig, PRESETS
    from mgpt.sampling import generate

    config = GPTConfig(vocab_size=66, **PRESETS["small"])
    model = GPT(config)
    model.init_weights(np.random.default_rng(0))
    vocab = Vocab([chr(32 + i) for i in range(65)])
    new_tokens = config.block_size - 1  # fill the whole block of 256
    times = []
    for r in range(repeats + 1):
        t0 = time.perf_counter()
        generate(model, vocab, "stream", prompt=" ", num=batch_size, max_new_tokens=new_tokens,
                 seed=r, use_kv_cache=use_kv_cache)
        times.append(time.perf_counter() - t0)
    median = float(np.median(times[1:]))
    return round(batch_size * new_tokens / median, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    benchlib.clean_blas_environment()
    training = [train_tokens_per_s(p, b, args.repeats) for p, b in TRAIN_BATCH.items()]
    sampling = []
    for batch in (1, 8):
        cached = sampling_tokens_per_s(batch, args.repeats, True)
        full = sampling_tokens_per_s(batch, max(1, args.repeats // 2), False)
        sampling.append({"preset": "small", "block_size": 256, "batch_size": batch,
                         "kv_cache_tokens_per_s": cached, "full_recompute_tokens_per_s": full,
                         "speedup": round(cached / full, 1)})
    benchlib.print_json({"training": training, "sampling": sampling, "machine": benchlib.machine_record()})


if __name__ == "__main__":
    main()
