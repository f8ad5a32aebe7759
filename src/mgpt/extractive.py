"""Extractive decoding: the model writes its answer one character at a time, and each character
must keep the answer a verbatim substring of one of the given texts (the chunks in the prompt).

So the answer can never hold a value that is not in the documents: the model chooses where the
span starts and where it ends, nothing else. BOS ends the answer; BOS as the first character is
the empty answer, which a reader is trained to give when its context does not hold the answer.
The model abstains when it gives the empty answer at least half its probability: the empty
answer is one token, while the mass of answering is spread over every first character, so
comparing BOS with the likeliest single character would abstain far too often.

Decoding is greedy by default (temperature 0) over the allowed characters, with the KV cache.
Alongside the answer it reports the model's own probabilities, unconstrained: of the empty
answer at the first step, and of the whole answer (every character and the closing BOS), which
is what a confidence threshold reads.
"""

from dataclasses import dataclass

import numpy as np

from .runtime import tune_allocator
from .sampling import choose_tokens


@dataclass
class Extraction:
    text: str  # the answer as the model wrote it ('' when it chose to abstain)
    probability: float  # P(answer + BOS) under the model, unconstrained
    abstain_probability: float  # P(BOS first): the model's own "the context does not say"
    source: int = None  # index of the text the span was found in (the first that holds it)
    start: int = None  # character offsets of the span in that text
    end: int = None


def log_softmax(logits):
    shifted = logits.astype(np.float64) - logits.max()
    return shifted - np.log(np.exp(shifted).sum())


ABSTAIN_AT = 0.5


def extract(model, vocab, prompt_ids, texts, max_new_tokens, constrained=True, temperature=0.0,
            top_k=None, top_p=None, seed=None):
    """Decodes one answer after prompt_ids (BOS first); texts are the spans' sources, as they
    appear in the prompt. With constrained=False the model writes freely (the span is then
    looked up in the texts afterwards, and may be in none)."""
    tune_allocator()
    rng = np.random.default_rng(seed)
    block = model.config.block_size
    encoded = [vocab.encode(t) for t in texts]
    # candidates: (text index, next position) for every place the answer so far occurs
    cand_src = np.concatenate([np.full(len(e), i) for i, e in enumerate(encoded)] + [np.zeros(0, int)]).astype(int)
    cand_pos = np.concatenate([np.arange(len(e)) for e in encoded] + [np.zeros(0, int)]).astype(int)
    flat = np.concatenate(encoded + [np.zeros(0, np.int32)])
    offsets = np.cumsum([0] + [len(e) for e in encoded])
    kv = model.new_kv_cache(1)
    ids = np.asarray(prompt_ids, dtype=np.int32)[None, -block:]
    logits = model.forward_cached(ids, kv)[0, -1]
    answer, logp_sum, abstain_p = [], 0.0, None
    for step in range(max_new_tokens + 1):
        logp = log_softmax(logits)
        allowed = np.zeros(len(logits), dtype=bool)
        if step == max_new_tokens:
            allowed[vocab.bos] = True  # out of room: the answer ends here
        elif constrained:
            live = cand_pos < offsets[cand_src + 1] - offsets[cand_src]
            allowed[flat[offsets[cand_src[live]] + cand_pos[live]]] = True
            allowed[vocab.bos] = step > 0
        else:
            allowed[:] = True
            allowed[vocab.bos] = step > 0
        if step == 0:
            abstain_p = float(np.exp(logp[vocab.bos]))
            if abstain_p >= ABSTAIN_AT or not allowed.any():
                logp_sum = float(logp[vocab.bos])
                break
        masked = np.where(allowed, logits, -np.inf)[None]
        token = int(choose_tokens(masked, temperature, top_k, top_p, rng)[0])
        logp_sum += float(logp[token])
        if token == vocab.bos:
            break
        answer.append(token)
        if constrained:
            live = cand_pos < offsets[cand_src + 1] - offsets[cand_src]
            cand_src, cand_pos = cand_src[live], cand_pos[live]
            match = flat[offsets[cand_src] + cand_pos] == token
            cand_src, cand_pos = cand_src[match], cand_pos[match] + 1
        if kv.length >= block:
            break  # the block is full: no room for another character
        logits = model.forward_cached(np.array([[token]], dtype=np.int32), kv)[0, -1]
    text = vocab.decode(answer)
    result = Extraction(text, float(np.exp(logp_sum)), abstain_p)
    if text:
        locate(result, texts)
    return result


def locate(result, texts):
    """The first text (in order) that holds the span, and where."""
    for i, t in enumerate(texts):
        at = t.find(result.text)
        if at >= 0:
            result.source, result.start, result.end = i, at, at + len(result.text)
            return
