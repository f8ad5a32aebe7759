"""LoRA maths: gradients of A and B, the exact start at the base model, merging."""

import numpy as np
import pytest

from mgpt import kernels as K
from mgpt.config import GPTConfig
from mgpt.errors import MgptError
from mgpt.lora import Adapter, AdapterStack, LoraConfig, validate
from mgpt.model import GPT

from support.gradcheck import assert_close, numerical_grad

CFG = GPTConfig(vocab_size=7, n_layer=2, n_head=2, n_embd=8, block_size=6)


def base_model(dtype=np.float64):
    model = GPT(CFG, dtype=dtype)
    model.init_weights(np.random.default_rng(0))
    model.params[...] += np.random.default_rng(1).normal(0, 0.2, model.params.shape)
    return model


def make_adapter(targets, rank=2, layers=(), dropout=0.0, dtype=np.float64, random_b=True):
    lcfg = validate(LoraConfig(rank=rank, alpha=2.0 * rank, targets=targets, layers=layers, dropout=dropout), CFG)
    adapter = Adapter(lcfg, CFG, dtype=dtype)
    adapter.init_weights(np.random.default_rng(3))
    if random_b:  # B = 0 at init would hide half of the gradient check
        adapter.params[...] = np.random.default_rng(4).normal(0, 0.3, adapter.params.shape)
    return adapter


def batch():
    rng = np.random.default_rng(2)
    idx = rng.integers(0, 7, size=(2, 5))
    targets = rng.integers(0, 7, size=(2, 5))
    targets[1, 3:] = K.IGNORE_INDEX
    return idx, targets


@pytest.mark.parametrize("targets, layers", [
    (("q", "v"), ()), (("q", "k", "v", "o", "fc", "proj"), ()), (("o", "fc"), ()),
    (("q", "v"), (1,)),  # the backward pass ends at the lowest adapted layer
    (("k", "fc"), (1,)),
])
def test_adapter_gradients(targets, layers):
    model, adapter = base_model(), make_adapter(targets, layers=layers)
    model.attach_adapter(adapter)
    idx, y = batch()
    _, _, cache = model.forward(idx, y)
    adapter.grads[...] = 0
    model.grads[...] = 0
    model.backward(cache)
    f = lambda: model.forward(idx, y)[1]
    assert_close(adapter.grads, numerical_grad(f, adapter.params), rtol=1e-4, atol=1e-8)
    assert np.abs(adapter.grads).max() > 1e-3
    assert not model.grads.any(), "frozen base weights must get no gradient"


def test_adapter_gradients_with_lora_dropout():
    model, adapter = base_model(), make_adapter(("q", "v", "fc"), dropout=0.3)
    model.attach_adapter(adapter)
    idx, y = batch()

    loss = lambda: model.forward(idx, y, rng=np.random.default_rng(9))[1]
    _, _, cache = model.forward(idx, y, rng=np.random.default_rng(9))
    adapter.grads[...] = 0
    model.backward(cache)
    assert_close(adapter.grads, numerical_grad(loss, adapter.params), rtol=1e-4, atol=1e-8)


def test_only_chosen_layers_are_adapted():
    adapter = make_adapter(("q",), layers=(1,))
    assert adapter.adapted == {"h1.wq"}


def test_step_zero_logits_equal_base_exactly():
    model = base_model(np.float32)
    idx, _ = batch()
    base_logits = model.forward(idx)
    model.attach_adapter(make_adapter(("q", "k", "v", "o", "fc", "proj"), dtype=np.float32, random_b=False))
    np.testing.assert_array_equal(model.forward(idx), base_logits)


def test_merge_matches_runtime_adapter():
    model = base_model(np.float32)
    adapter = make_adapter(("q", "v", "o", "proj"), dtype=np.float32)
    idx, _ = batch()
    model.attach_adapter(adapter)
    runtime = model.forward(idx)
    model.attach_adapter(None)
    assert not np.allclose(model.forward(idx), runtime, atol=1e-4), "the adapter must change something"
    adapter.merge_into(model)
    np.testing.assert_allclose(model.forward(idx), runtime, atol=1e-5)


def test_stacked_adapters_add_their_weighted_deltas():
    model = base_model()
    a, b = make_adapter(("q", "v")), make_adapter(("o", "v"))
    b.params[...] = np.random.default_rng(8).normal(0, 0.3, b.params.shape)
    idx, _ = batch()
    model.attach_adapter(AdapterStack([a, b], [1.0, 0.5]))
    stacked = model.forward(idx)
    model.attach_adapter(None)
    for adapter, weight in ((a, 1.0), (b, 0.5)):
        for name in adapter.adapted:
            model.p[name] += weight * adapter.config.scaling * (adapter.p[name + ".A"] @ adapter.p[name + ".B"])
    np.testing.assert_allclose(model.forward(idx), stacked, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("kwargs, message", [
    (dict(rank=0), "^rank must be"), (dict(rank=9), "^rank must be"), (dict(targets=("x",)), "unknown LoRA target"),
    (dict(layers=(2,)), "layer index 2 out of range"), (dict(alpha=0), "^alpha must be positive"),
])
def test_validation(kwargs, message):
    with pytest.raises(MgptError, match=message):
        validate(LoraConfig(**{"rank": 2, "alpha": 4.0, **kwargs}), CFG)
