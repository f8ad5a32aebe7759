"""Batched generation: every sample of a call decoded together, one token per step, with a KV cache.

Docs-mode models start each sample at BOS (then the prompt) and stop at the next BOS; the
sample is the whole document, prompt included. Stream-mode models continue the prompt and
return only the continuation. When the context fills the block, the cache is rebuilt from
the newest half block of tokens, so long texts cost one prompt pass per half block rather
than a full recomputation per token. A `stop` string ends a sample where it first appears in
the generated text (not in the prompt), itself left out; decoding ends once every sample has
ended, so a sample reads the same whether or not its batch stopped early.
"""

import numpy as np

from .errors import MgptError
from .options import flag
from .runtime import tune_allocator


def next_token_probs(logits, temperature, top_k=None, top_p=None):
    """logits (B, V) -> probabilities (B, V) after temperature, top-k and nucleus (top-p) filtering."""
    logits = logits.astype(np.float64) / temperature
    if top_k is not None and top_k < logits.shape[-1]:
        kth = np.partition(logits, -top_k, axis=-1)[:, -top_k][:, None]
        logits = np.where(logits < kth, -np.inf, logits)
    probs = np.exp(logits - logits.max(axis=-1, keepdims=True))
    probs /= probs.sum(axis=-1, keepdims=True)
    if top_p is not None and top_p < 1.0:
        order = np.argsort(-probs, axis=-1, kind="stable")
        sorted_probs = np.take_along_axis(probs, order, axis=-1)
        before = np.cumsum(sorted_probs, axis=-1) - sorted_probs  # mass ranked above each token
        keep_sorted = before < top_p  # the smallest set reaching top_p, always the top token
        keep = np.zeros_like(keep_sorted)
        np.put_along_axis(keep, order, keep_sorted, axis=-1)
        probs = np.where(keep, probs, 0.0)
        probs /= probs.sum(axis=-1, keepdims=True)
    return probs


def choose_tokens(logits, temperature, top_k, top_p, rng):
    if temperature == 0:
        return np.argmax(logits, axis=-1)
    return draw_tokens(next_token_probs(logits, temperature, top_k, top_p), rng)


def draw_tokens(probs, rng):
    """One token per row of probs (B, V): the inverse CDF at one uniform draw per row from rng."""
    cdf = np.cumsum(probs, axis=-1)
    u = rng.random((probs.shape[0], 1)) * cdf[:, -1:]
    return np.minimum((cdf <= u).sum(axis=-1), probs.shape[-1] - 1)


def prompt_ids(vocab, mode, prompt):
    vocab.check_known(prompt, "prompt")
    ids = list(vocab.encode(prompt))
    if mode == "docs":
        return [vocab.bos] + ids
    if not ids:  # stream models never saw BOS; start them on a fresh line as nanoGPT does
        ids = [vocab.index.get("\n", 0)]
    return ids


def generate(model, vocab, mode, prompt="", num=1, max_new_tokens=None, temperature=1.0,
             top_k=None, top_p=None, seed=None, use_kv_cache=True, stop=None):
    """Returns `num` sampled strings (see the module docstring for what each one holds)."""
    if temperature < 0:
        raise MgptError(f"{flag('temperature')} must be >= 0 (0 means greedy)")
    if stop == "":
        raise MgptError(f"{flag('stop')} must not be empty")
    tune_allocator()
    block = model.config.block_size
    if max_new_tokens is None:
        max_new_tokens = block if mode == "docs" else 500
    rng = np.random.default_rng(seed)
    context = np.tile(np.array(prompt_ids(vocab, mode, prompt)[-block:], dtype=np.int32), (num, 1))
    generated = np.zeros((num, 0), dtype=np.int32)
    finished = np.zeros(num, dtype=bool)
    tails = [""] * num  # the generated text's last characters, where stop is looked for
    kv = model.new_kv_cache(num) if use_kv_cache else None
    logits = _feed(model, context, kv, block)
    for _ in range(max_new_tokens):
        tokens = choose_tokens(logits, temperature, top_k, top_p, rng).astype(np.int32)
        if mode == "docs":
            tokens = np.where(finished, vocab.bos, tokens)
            finished |= tokens == vocab.bos
        generated = np.concatenate([generated, tokens[:, None]], axis=1)
        context = np.concatenate([context, tokens[:, None]], axis=1)
        if stop is not None:
            for i in np.flatnonzero(~finished):
                tails[i] = (tails[i] + vocab.decode([tokens[i]]))[-len(stop):]
                finished[i] = tails[i] == stop
        if finished.all():
            break
        if kv is not None and kv.length < block:
            logits = model.forward_cached(tokens[:, None], kv)[:, -1]
        else:
            logits = _feed(model, context, kv, block)
    samples = []
    for row in generated:
        ids = list(row)
        if mode == "docs":
            ids = ids[:ids.index(vocab.bos)] if vocab.bos in ids else ids
        text = vocab.decode(ids)
        if stop is not None and stop in text:
            text = text[:text.index(stop)]
        samples.append(prompt + text if mode == "docs" else text)
    return samples


def _feed(model, context, kv, block):
    """Logits for the next token after `context`: a fresh (or rebuilt) cache, or a full pass."""
    if kv is None:
        return model.forward(context[:, -block:])[:, -1]
    keep = context.shape[1] if context.shape[1] <= block else max(1, block // 2)
    kv.length = 0
    return model.forward_cached(context[:, -keep:], kv)[:, -1]
