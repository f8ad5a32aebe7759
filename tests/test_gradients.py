"""Every kernel's backward, and the whole model's, against central finite differences in float64."""

import numpy as np
import pytest

from mgpt import kernels as K
from mgpt.config import GPTConfig
from mgpt.model import GPT

from support.gradcheck import assert_close, numerical_grad


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def test_embedding(rng):
    table = rng.normal(size=(7, 5))
    idx = rng.integers(0, 7, size=(3, 4))
    w = rng.normal(size=(3, 4, 5))
    f = lambda: float(np.sum(K.embedding_forward(table, idx) * w))
    assert_close(K.embedding_backward(w, idx, 7), numerical_grad(f, table))


def test_rmsnorm(rng):
    x = rng.normal(size=(2, 3, 6))
    gain = rng.normal(size=6)
    w = rng.normal(size=(2, 3, 6))
    f = lambda: float(np.sum(K.rmsnorm_forward(x, gain)[0] * w))
    _, cache = K.rmsnorm_forward(x, gain)
    dx, dgain = K.rmsnorm_backward(w, gain, cache)
    assert_close(dx, numerical_grad(f, x))
    assert_close(dgain, numerical_grad(f, gain))


def test_matmul(rng):
    x = rng.normal(size=(2, 3, 4))
    weight = rng.normal(size=(4, 5))
    w = rng.normal(size=(2, 3, 5))
    f = lambda: float(np.sum(K.matmul_forward(x, weight) * w))
    dx, dweight = K.matmul_backward(w, x, weight)
    assert_close(dx, numerical_grad(f, x))
    assert_close(dweight, numerical_grad(f, weight))
    assert K.matmul_backward(w, x, weight, need_weight_grad=False)[1] is None


def test_attention(rng):
    B, T, C, H = 2, 5, 8, 2
    qkv = rng.normal(size=(B, T, 3 * C))
    w = rng.normal(size=(B, T, C))
    f = lambda: float(np.sum(K.attention_forward(qkv, H)[0] * w))
    _, cache = K.attention_forward(qkv, H)
    assert_close(K.attention_backward(w, cache), numerical_grad(f, qkv))


@pytest.mark.parametrize("block", [1, 2, 3])
def test_attention_in_query_blocks(rng, monkeypatch, block):
    """Blocks of queries see only the keys up to their end: same result and gradient as one block."""
    B, T, C, H = 2, 7, 8, 2
    qkv = rng.normal(size=(B, T, 3 * C))
    w = rng.normal(size=(B, T, C))
    whole, whole_cache = K.attention_forward(qkv, H)
    monkeypatch.setattr(K, "ATTENTION_BLOCK", block)
    out, cache = K.attention_forward(qkv, H)
    assert len(cache[4]) == -(-T // block)
    np.testing.assert_allclose(out, whole, rtol=1e-12, atol=1e-15)
    f = lambda: float(np.sum(K.attention_forward(qkv, H)[0] * w))
    dqkv = K.attention_backward(w, cache)
    assert_close(dqkv, numerical_grad(f, qkv))
    np.testing.assert_allclose(dqkv, K.attention_backward(w, whole_cache), rtol=1e-10, atol=1e-13)


def test_attention_matches_per_head_reference(rng):
    B, T, C, H = 2, 5, 8, 2
    qkv = rng.normal(size=(B, T, 3 * C))
    out, _ = K.attention_forward(qkv, H)
    hd = C // H
    for b in range(B):
        for h in range(H):
            q, k, v = (qkv[b, :, i * C + h * hd:i * C + (h + 1) * hd] for i in range(3))
            for t in range(T):
                s = q[t] @ k[:t + 1].T / np.sqrt(hd)
                p = np.exp(s - s.max())
                p /= p.sum()
                np.testing.assert_allclose(out[b, t, h * hd:(h + 1) * hd], p @ v[:t + 1], rtol=1e-12)


def test_attention_with_scores_far_above_the_own_key(rng):
    """A query whose score against an earlier key exceeds its own by far (exp of the gap overflows
    float32) gets its row's max as shift instead: the softmax of a float64 reference, finite."""
    B, T, C, H = 1, 6, 8, 2
    qkv = rng.normal(size=(B, T, 3 * C))
    qkv[:, :, :C] *= 30.0  # queries
    qkv[:, 0, C:2 * C] = 30.0 * np.sign(qkv[:, 3, :C])  # key 0 matches query 3 very well...
    qkv[:, 3, C:2 * C] = -qkv[:, 0, C:2 * C]  # ...its own key not at all
    out32, _ = K.attention_forward(qkv.astype(np.float32), H)
    assert np.isfinite(out32).all()
    out64, cache = K.attention_forward(qkv, H)
    np.testing.assert_allclose(out32, out64, rtol=1e-3, atol=1e-4)
    q, k = cache[0][0, :, 3], cache[1][0]  # (H, hd) scaled, (H, T, hd)
    assert (np.einsum("hd,hd->h", q, k[:, 0]) - np.einsum("hd,hd->h", q, k[:, 3])).max() > 100  # the gap is there
    np.testing.assert_allclose(K.attention_weights(cache).sum(axis=-1), 1.0, rtol=1e-12)


def test_attention_is_causal(rng):
    qkv = rng.normal(size=(1, 6, 12))
    out, _ = K.attention_forward(qkv, 2)
    changed = qkv.copy()
    changed[:, 4:, 4:] = 9.0  # change the future keys and values
    out2, _ = K.attention_forward(changed, 2)
    np.testing.assert_array_equal(out[:, :4], out2[:, :4])
    assert not np.allclose(out[:, 4:], out2[:, 4:])


@pytest.mark.parametrize("name", ["relu", "gelu"])
def test_activations(rng, name):
    forward, backward = K.ACTIVATIONS[name]
    x = rng.normal(size=(3, 7))
    x[np.abs(x) < 1e-3] = 0.5  # keep away from relu's kink
    w = rng.normal(size=(3, 7))
    f = lambda: float(np.sum(forward(x)[0] * w))
    # a copy: relu's backward works in place on its input, which the reference must not see
    assert_close(backward(w.copy(), forward(x)[1]), numerical_grad(f, x))


def test_dropout(rng):
    x = rng.normal(size=(4, 8))
    w = rng.normal(size=(4, 8))
    out, mask = K.dropout_forward(x, 0.5, np.random.default_rng(1))
    f = lambda: float(np.sum(K.dropout_forward(x, 0.5, np.random.default_rng(1))[0] * w))
    assert_close(K.dropout_backward(w, mask), numerical_grad(f, x))
    assert 0 < np.count_nonzero(out == 0) < out.size
    assert K.dropout_forward(x, 0.5, None)[0] is x  # inference: identity


def test_residual(rng):
    x, b, w = (rng.normal(size=(2, 3)) for _ in range(3))
    f = lambda: float(np.sum(K.residual_forward(x, b) * w))
    dx, db = K.residual_backward(w)
    assert_close(dx, numerical_grad(f, x))
    assert_close(db, numerical_grad(f, b))


def test_softmax_cross_entropy(rng):
    logits = rng.normal(size=(2, 4, 6))
    targets = rng.integers(0, 6, size=(2, 4))
    targets[1, 2:] = K.IGNORE_INDEX
    f = lambda: K.softmax_cross_entropy_forward(logits, targets)[0]
    loss, cache = K.softmax_cross_entropy_forward(logits, targets)
    valid = targets != K.IGNORE_INDEX
    logp = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    expected = -np.mean(np.take_along_axis(logp, np.where(valid, targets, 0)[..., None], -1)[..., 0][valid])
    assert loss == pytest.approx(expected, rel=1e-12)
    assert_close(K.softmax_cross_entropy_backward(cache), numerical_grad(f, logits))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_softmax_falls_back_to_each_rows_max(rng, dtype):
    """An offered shift that would underflow a row (200 below the array's max) or overflow it
    (a shift 200 below the row's max) is replaced by the rows' own max: every row still sums to 1
    and matches the textbook softmax."""
    x = rng.normal(size=(4, 9)).astype(dtype)
    x[1] -= 200.0
    reference = np.exp(x - x.max(-1, keepdims=True))
    reference /= reference.sum(-1, keepdims=True)
    for shift in (x.max(), x[:, :1] - 200.0, x[:, :1]):
        np.testing.assert_allclose(K.softmax_lastaxis(x, shift), reference, rtol=1e-5 if dtype == np.float32 else 1e-12)
    logits = np.stack([x, x + 300.0])  # one row of batch 0 lies 500 below batch 1's largest logit
    targets = rng.integers(0, 9, size=(2, 4))
    loss, _ = K.softmax_cross_entropy_forward(logits, targets)
    logp = x - x.max(-1, keepdims=True) - np.log(np.exp(x - x.max(-1, keepdims=True)).sum(-1, keepdims=True))
    expected = -np.mean(np.take_along_axis(np.stack([logp, logp]), targets[..., None], -1))
    assert np.isfinite(loss) and loss == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize("activation", ["relu", "gelu"])
def test_whole_model_gradient(activation):
    cfg = GPTConfig(vocab_size=7, n_layer=2, n_head=2, n_embd=8, block_size=6, activation=activation)
    model = GPT(cfg, dtype=np.float64)
    model.init_weights(np.random.default_rng(0))
    model.params[...] += np.random.default_rng(1).normal(0, 0.3, model.params.shape)  # break symmetry of gains
    rng = np.random.default_rng(2)
    idx = rng.integers(0, 7, size=(2, 5))
    targets = rng.integers(0, 7, size=(2, 5))
    targets[0, 3:] = K.IGNORE_INDEX
    _, _, cache = model.forward(idx, targets)
    model.grads[...] = 0
    model.backward(cache)
    f = lambda: model.forward(idx, targets)[1]
    numeric = numerical_grad(f, model.params)
    assert_close(model.grads, numeric, rtol=1e-4, atol=1e-8)
    assert np.abs(model.grads).max() > 1e-3


def test_whole_model_gradient_with_dropout():
    cfg = GPTConfig(vocab_size=5, n_layer=1, n_head=2, n_embd=4, block_size=4, dropout=0.3)
    model = GPT(cfg, dtype=np.float64)
    model.init_weights(np.random.default_rng(0))
    model.params[...] += np.random.default_rng(1).normal(0, 0.3, model.params.shape)
    idx = np.array([[0, 1, 2, 3]])
    targets = np.array([[1, 2, 3, 4]])
    _, _, cache = model.forward(idx, targets, rng=np.random.default_rng(5))
    model.grads[...] = 0
    model.backward(cache)
    f = lambda: model.forward(idx, targets, rng=np.random.default_rng(5))[1]
    assert_close(model.grads, numerical_grad(f, model.params), rtol=1e-4, atol=1e-8)


def test_kv_cache_matches_full_forward():
    cfg = GPTConfig(vocab_size=9, n_layer=2, n_head=2, n_embd=8, block_size=8)
    model = GPT(cfg, dtype=np.float64)
    model.init_weights(np.random.default_rng(0))
    idx = np.random.default_rng(1).integers(0, 9, size=(3, 8))
    full = model.forward(idx)
    kv = model.new_kv_cache(3)
    pieces = [model.forward_cached(idx[:, :3], kv)]
    pieces += [model.forward_cached(idx[:, t:t + 1], kv) for t in range(3, 8)]
    np.testing.assert_allclose(np.concatenate(pieces, axis=1), full, rtol=1e-10, atol=1e-12)


def test_whole_model_gradient_over_packed_documents():
    """Documents side by side in a row (packing.py): each read on its own, with its own positions."""
    from mgpt.packing import pack_docs

    cfg = GPTConfig(vocab_size=7, n_layer=2, n_head=2, n_embd=8, block_size=6)
    model = GPT(cfg, dtype=np.float64)
    model.init_weights(np.random.default_rng(0))
    model.params[...] += np.random.default_rng(1).normal(0, 0.3, model.params.shape)
    rows = [np.array([6, 1, 2, 6]), np.array([6, 3, 6]), np.array([6, 4, 5, 0, 1, 6]), np.array([6, 6])]
    x, targets = pack_docs(rows, [0, 0, 2, 0], 6)
    assert x.ids.shape[0] == 2
    _, _, cache = model.forward(x, targets)
    model.grads[...] = 0
    model.backward(cache)
    numeric = numerical_grad(lambda: model.forward(x, targets)[1], model.params)
    assert_close(model.grads, numeric, rtol=1e-4, atol=1e-8)
