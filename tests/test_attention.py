"""The attention weights a picture shows are the ones the forward pass computes and uses."""

import numpy as np
import pytest

from mgpt import kernels as K
from mgpt.lora import Adapter, LoraConfig, validate
from mgpt.model import GPT, GPTConfig

T = 12


def model_and_batch(seed=0):
    """Two layers, two heads, weights large enough that attention is far from uniform."""
    rng = np.random.default_rng(seed)
    model = GPT(GPTConfig(vocab_size=11, n_layer=2, n_head=2, n_embd=8, block_size=T), np.float64)
    model.params[...] = rng.normal(0.0, 0.5, model.params.size)
    idx = rng.integers(0, 11, (3, T))
    return model, idx, rng


def attention_caches(model, idx):
    """(q, k, v, query blocks) of each layer's attention, from a training forward pass's cache."""
    _, _, cache = model.forward(idx, np.zeros_like(idx))
    return [caches[0][1] for _, caches in cache["layers"]], [caches[0][2] for _, caches in cache["layers"]]


def plain_softmax(q_scaled, k):
    """softmax(q k^T + causal mask) written out the textbook way, in float64."""
    scores = q_scaled @ k.transpose(0, 1, 3, 2)
    scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def with_adapter(model, rng):
    adapter = Adapter(validate(LoraConfig(2, 4.0, ("q", "k", "v")), model.config), model.config, np.float64)
    adapter.params[...] = rng.normal(0.0, 0.5, adapter.params.size)  # B nonzero: the deltas count
    model.attach_adapter(adapter)
    return model


@pytest.mark.parametrize("adapted", [False, True], ids=["base", "with-adapter"])
@pytest.mark.parametrize("block", [K.ATTENTION_BLOCK, 5], ids=["one-query-block", "three-query-blocks"])
def test_weights_are_the_softmax_the_forward_pass_computes(monkeypatch, adapted, block):
    monkeypatch.setattr(K, "ATTENTION_BLOCK", block)
    model, idx, rng = model_and_batch()
    if adapted:
        with_adapter(model, rng)
    weights = model.attention_weights(idx)
    assert weights.shape == (2, 3, 2, T, T)
    caches, outputs = attention_caches(model, idx)
    for layer, ((q, k, v, atts), mixed) in enumerate(zip(caches, outputs)):
        assert len(atts) == -(-T // block)
        np.testing.assert_allclose(weights[layer], plain_softmax(q, k), rtol=1e-12, atol=1e-15)
        # and they are what the forward pass multiplied the values by
        np.testing.assert_allclose(K.merge_heads(weights[layer] @ v), mixed, rtol=1e-12, atol=1e-15)
        for att in atts:  # the kernel's own blocks, bit for bit
            start, end = att.shape[3] - att.shape[2], att.shape[3]
            assert np.array_equal(weights[layer][:, :, start:end, :end], att)


def test_weights_are_causal_rows_that_sum_to_one():
    model, idx, _ = model_and_batch(1)
    weights = model.attention_weights(idx)
    np.testing.assert_allclose(weights.sum(axis=-1), 1.0, rtol=1e-12)
    assert not np.triu(weights, k=1).any()
    assert weights.std() > 0.05  # not uniform: the test above compares something


def test_an_adapter_changes_the_weights():
    model, idx, rng = model_and_batch(2)
    before = model.attention_weights(idx)
    assert not np.allclose(with_adapter(model, rng).attention_weights(idx), before)


def test_weights_leave_the_logits_unchanged():
    model, idx, _ = model_and_batch(3)
    weights = []
    assert np.array_equal(model.forward(idx, attention_out=weights), model.forward(idx))
    assert len(weights) == model.config.n_layer
