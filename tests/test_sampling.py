"""Choosing the next character: temperature, top-k and top-p (nucleus) on known logits."""

import numpy as np
import pytest

from mgpt.sampling import choose_tokens, next_token_probs

LOGITS = np.array([[2.0, 1.0, 0.0, -1.0, 0.5]])


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def frequencies(logits, temperature, top_k=None, top_p=None, draws=40000):
    tokens = choose_tokens(np.repeat(logits, draws, axis=0), temperature, top_k, top_p, np.random.default_rng(0))
    return np.bincount(tokens, minlength=logits.shape[-1]) / draws


@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0])
def test_temperature_divides_the_logits(temperature):
    expected = softmax(LOGITS / temperature)[0]
    np.testing.assert_allclose(next_token_probs(LOGITS, temperature)[0], expected, rtol=1e-12)
    np.testing.assert_allclose(frequencies(LOGITS, temperature), expected, atol=0.01)


def test_temperature_zero_takes_the_most_likely():
    assert choose_tokens(np.array([[0.1, 3.0, 2.9], [5.0, 1.0, 0.0]]), 0, None, None, None).tolist() == [1, 0]


@pytest.mark.parametrize("k", [2, 3, 5])
def test_top_k_keeps_the_k_most_likely(k):
    probs = next_token_probs(LOGITS, 1.0, top_k=k)[0]
    kept = np.argsort(-LOGITS[0])[:k]
    assert set(np.flatnonzero(probs)) == set(kept)
    np.testing.assert_allclose(probs[kept], softmax(LOGITS[0, kept]), rtol=1e-12)  # renormalized, in proportion
    assert set(np.flatnonzero(frequencies(LOGITS, 1.0, top_k=k))) == set(kept)


# probabilities 0.5, 0.3, 0.15, 0.05 (in that order): top-p keeps the fewest most likely
# characters whose mass reaches p
NUCLEUS = np.log(np.array([[0.15, 0.5, 0.05, 0.3]]))


@pytest.mark.parametrize("top_p,kept", [(1e-9, [1]), (0.49, [1]), (0.51, [1, 3]), (0.79, [1, 3]), (0.81, [0, 1, 3]),
                                        (0.96, [0, 1, 2, 3]), (1.0, [0, 1, 2, 3])])
def test_top_p_keeps_the_smallest_set_reaching_p(top_p, kept):
    probs = next_token_probs(NUCLEUS, 1.0, top_p=top_p)[0]
    assert np.flatnonzero(probs).tolist() == kept
    np.testing.assert_allclose(probs[kept], np.exp(NUCLEUS[0, kept]) / np.exp(NUCLEUS[0, kept]).sum(), rtol=1e-12)
