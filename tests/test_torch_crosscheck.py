"""mgpt against the PyTorch reference of scripts/bench_torch.py: same weights, same batch.

Skips where torch is not installed; CI installs it (.ci/run), and `pip install torch==2.13.0`
runs it anywhere. The float64 finite-difference checks in test_gradients.py are the primary
proof; this one checks that the architecture mgpt benchmarks against PyTorch is really the
same model.
"""

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed (optional cross-check, run in CI: "
                                             "pip install torch==2.13.0)")
from bench_torch import TorchGPT, compare_with_mgpt  # noqa: E402

from mgpt.config import GPTConfig  # noqa: E402
from mgpt.model import GPT  # noqa: E402


def make_model(activation, seed=0):
    config = GPTConfig(vocab_size=13, n_layer=2, n_head=2, n_embd=16, block_size=8, activation=activation)
    model = GPT(config)
    model.init_weights(np.random.default_rng(seed))
    model.params += np.random.default_rng(seed + 1).normal(0, 0.05, model.params.size).astype(np.float32)
    return model


@pytest.mark.parametrize("activation", ["relu", "gelu"])
def test_loss_and_every_gradient_agree(activation):
    model = make_model(activation)
    rng = np.random.default_rng(2)
    x = rng.integers(0, 13, (4, 8)).astype(np.int32)
    y = rng.integers(0, 13, (4, 8)).astype(np.int32)
    y[1, 5:] = -1  # docs-mode padding is ignored by both
    loss, torch_loss, worst = compare_with_mgpt(model, x, y)
    assert loss == pytest.approx(torch_loss, rel=1e-5)
    assert worst < 1e-4, f"a gradient differs by {worst:.2e} of its largest entry"
    assert np.abs(model.grads).max() > 0


def test_kv_cache_decoding_agrees():
    model = make_model("gelu")
    tm = TorchGPT.from_mgpt(model)
    x = np.random.default_rng(3).integers(0, 13, (3, 7))
    kv = model.new_kv_cache(3)
    ours = [model.forward_cached(x[:, :4].astype(np.int32), kv), model.forward_cached(x[:, 4:5].astype(np.int32), kv)]
    cache = [(torch.zeros(3, 2, 8, 8), torch.zeros(3, 2, 8, 8)) for _ in range(2)]
    with torch.no_grad():
        theirs = [tm.decode(torch.from_numpy(x[:, :4]), cache, 0), tm.decode(torch.from_numpy(x[:, 4:5]), cache, 4)]
    for a, b in zip(ours, theirs):
        np.testing.assert_allclose(a, b.numpy(), atol=1e-5)
