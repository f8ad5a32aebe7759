"""A small GPT with random weights (an adapter on it if asked) and the server's jobs on it: for the
tests of decoding rows in one batch (test_batching, and test_serve_models with several adapters)."""

import numpy as np

from mgpt.config import GPTConfig
from mgpt.lora import Adapter, AdapterStack, LoraConfig, validate
from mgpt.model import GPT

CFG = GPTConfig(vocab_size=13, n_layer=2, n_head=2, n_embd=16, block_size=24, activation="gelu")


def model(dtype=np.float32, adapter=False):
    m = GPT(CFG, dtype=dtype)
    m.init_weights(np.random.default_rng(0))
    m.params[...] += np.random.default_rng(1).normal(0, 0.3, m.params.shape).astype(dtype)
    if adapter:
        lcfg = validate(LoraConfig(rank=2, alpha=4.0, targets=("q", "v", "fc"), layers=(), dropout=0.0), CFG)
        a = Adapter(lcfg, CFG, dtype=dtype)
        a.params[...] = np.random.default_rng(4).normal(0, 0.3, a.params.shape)
        m.attach_adapter(AdapterStack([a], [0.7]))
    return m


def job(prompt_ids, seed, max_tokens, n=1, temperature=1.0, top_k=None, top_p=None, stop=(), events=None):
    from mgpt.serve.jobs import Job

    return Job(prompt_ids, n, max_tokens, temperature, top_k, top_p, seed, list(stop), events.append)
