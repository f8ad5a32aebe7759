"""Extractive decoding: every answer is a verbatim span of the given texts, the empty answer is
the abstention, and the reported probabilities are the model's own.

A scripted stand-in for the model (fixed logits, or logits drawn at random per step) makes the
expected choices exact; a real tiny GPT checks the same property through the KV cache.
"""

import numpy as np
import pytest

from mgpt.config import GPTConfig
from mgpt.data import Vocab
from mgpt.extractive import extract
from mgpt.model import GPT

VOCAB = Vocab("abcqxyz ")


class Scripted:
    """Answers forward_cached with logits from `pick(step)`: (1, t, V), whatever the input."""

    class Config:
        block_size = 64

    config = Config()

    def __init__(self, pick):
        self.pick, self.calls = pick, 0

    def new_kv_cache(self, batch_size):
        return type("KV", (), {"length": 0})()

    def forward_cached(self, idx, kv):
        kv.length += idx.shape[1]
        logits = self.pick(self.calls)
        self.calls += 1
        return np.tile(np.asarray(logits, dtype=np.float32), (1, idx.shape[1], 1))


def ranked(order):
    """Logits that rank the characters of `order` first to last, BOS last unless named ('^')."""
    logits = np.full(len(VOCAB), -10.0)
    for rank, ch in enumerate(order):
        logits[VOCAB.bos if ch == "^" else VOCAB.index[ch]] = 10.0 - rank
    return logits


def prompt():
    return [VOCAB.bos] + list(VOCAB.encode("abc"))


def test_greedy_follows_the_model_within_the_texts():
    model = Scripted(lambda step: ranked("qzyx^abc"))  # q first, but no text has a q
    found = extract(model, VOCAB, prompt(), ["abc", "zyx"], max_new_tokens=10)
    assert found.text == "zyx" and (found.source, found.start, found.end) == (1, 0, 3)
    free = extract(Scripted(lambda step: ranked("qzyx^abc")), VOCAB, prompt(), ["abc", "zyx"], 3, constrained=False)
    assert free.text == "qqq"  # unconstrained, it writes what it likes, and it is in no text
    assert free.source is None


def test_the_empty_answer_is_the_abstention():
    logits = ranked("^abc")
    found = extract(Scripted(lambda step: logits), VOCAB, prompt(), ["abc"], max_new_tokens=10)
    p = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
    assert found.text == "" and found.source is None
    assert found.abstain_probability == pytest.approx(p[VOCAB.bos]) and found.probability == pytest.approx(p[VOCAB.bos])
    nothing = extract(Scripted(lambda step: ranked("abc^")), VOCAB, prompt(), [], max_new_tokens=10)
    assert nothing.text == ""  # no context: BOS is the only character allowed


def test_probability_is_the_models_own_for_the_whole_answer():
    steps = [ranked("xa^"), ranked("yb^"), ranked("^yz")]
    found = extract(Scripted(lambda step: steps[step]), VOCAB, prompt(), ["xyz"], max_new_tokens=10)
    assert found.text == "xy"

    def p(logits, ch):
        e = np.exp(logits - logits.max())
        return (e / e.sum())[VOCAB.bos if ch == "^" else VOCAB.index[ch]]

    assert found.probability == pytest.approx(p(steps[0], "x") * p(steps[1], "y") * p(steps[2], "^"))


def test_max_new_tokens_ends_the_answer_inside_a_span():
    found = extract(Scripted(lambda step: ranked("abcxyz")), VOCAB, prompt(), ["abcabcabc"], max_new_tokens=4)
    assert found.text == "abca" and found.start == 0


@pytest.mark.parametrize("seed", range(20))
def test_every_answer_is_a_span_whatever_the_model_prefers(seed):
    rng = np.random.default_rng(seed)
    texts = ["".join(rng.choice(list("abcxyz "), size=rng.integers(1, 30))) for _ in range(rng.integers(1, 4))]
    found = extract(Scripted(lambda step: rng.normal(0, 3, len(VOCAB))), VOCAB, prompt(), texts, max_new_tokens=12)
    assert len(found.text) <= 12
    if found.text:
        assert texts[found.source][found.start:found.end] == found.text
        assert all(found.text not in t for t in texts[:found.source])  # the first text that holds it


def test_a_real_model_through_the_kv_cache():
    model = GPT(GPTConfig(vocab_size=len(VOCAB), n_layer=2, n_head=2, n_embd=16, block_size=48))
    model.init_weights(np.random.default_rng(0))
    model.p["lm_head"] *= 200  # sharp preferences, so the constraint has work to do
    for seed in range(5):
        rng = np.random.default_rng(seed)
        texts = ["".join(rng.choice(list("abcxyz "), size=12)) for _ in range(2)]
        ids = [VOCAB.bos] + list(VOCAB.encode(" | ".join(texts).replace("|", " ")[:30]))
        found = extract(model, VOCAB, ids, texts, max_new_tokens=8, temperature=1.0, seed=seed)
        assert found.text == "" or texts[found.source][found.start:found.end] == found.text
        again = extract(model, VOCAB, ids, texts, max_new_tokens=8, temperature=1.0, seed=seed)
        assert again == found  # seeded sampling repeats


@pytest.mark.parametrize("constrained", [True, False])
def test_bos_likeliest_first_but_under_half_still_answers(constrained):
    """P(BOS) 0.3 is the largest single first character, yet the answer's mass (0.7) is larger:
    the reader answers, and the answer's first character is not BOS."""
    first = np.full(len(VOCAB), -30.0)
    for ch, p in (("^", 0.3), ("x", 0.26), ("z", 0.24), ("a", 0.2)):
        first[VOCAB.bos if ch == "^" else VOCAB.index[ch]] = np.log(p)
    steps = [first, ranked("y^"), ranked("^z")]
    found = extract(Scripted(lambda step: steps[min(step, 2)]), VOCAB, prompt(), ["abc", "xyz"], max_new_tokens=10,
                    constrained=constrained)
    assert found.abstain_probability == pytest.approx(0.3, rel=1e-4)
    assert found.text == "xy" and (found.source, found.start) == (1, 0)
