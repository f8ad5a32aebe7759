"""Forward/backward kernel pairs for a character-level GPT, on plain NumPy arrays.

Each `*_forward` returns its output and the small cache its `*_backward` needs; each
`*_backward` takes the gradient of the output (and that cache) and returns the gradients of
the inputs. Kernels know nothing of models, files or the CLI, and they follow the dtype of
their inputs, so the same code runs in float32 for training and in float64 for gradient
checks. Shapes: activations (B, T, C), weights (in, out) so that y = x @ W.
"""

import functools
import math

import numpy as np

IGNORE_INDEX = -1  # target value that contributes no loss (padding in docs mode)


# --- embedding: out[b, t] = table[idx[b, t]] ---------------------------------------------

def embedding_forward(table, idx):
    return table[idx]


def embedding_backward(dout, idx, num_embeddings):
    """Scatter-add rows of dout into the table's gradient.

    A one-hot matrix product instead of np.add.at: the same sum, done by BLAS, several times
    faster for character vocabularies.
    """
    flat_idx = idx.reshape(-1)
    rows = dout.reshape(flat_idx.size, -1)
    onehot = np.zeros((num_embeddings, flat_idx.size), dtype=dout.dtype)
    onehot[flat_idx, np.arange(flat_idx.size)] = 1
    return onehot @ rows


def embedding_backward_rows(dout, idx):
    """(ids, rows): the ids idx holds, sorted, and their rows of the table's gradient; every other
    row's gradient is zero. For tables too large for embedding_backward's one-hot (hashed word
    features, span_reader): the work grows with the positions, not with the table."""
    flat_idx = idx.reshape(-1)
    order = np.argsort(flat_idx, kind="stable")
    ids = flat_idx[order]
    starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
    return ids[starts], np.add.reduceat(dout.reshape(flat_idx.size, -1)[order], starts, axis=0)


# --- rmsnorm: y = x / sqrt(mean(x^2) + eps) * gain -----------------------------------------

def rmsnorm_forward(x, gain, eps=1e-5):
    # einsum sums the squares in one pass, without the x * x temporary np.mean would need
    mean_square = np.einsum("...c,...c->...", x, x)[..., None] / x.shape[-1]
    rstd = 1.0 / np.sqrt(mean_square + eps)
    xhat = x * rstd
    return xhat * gain, (xhat, rstd)


def rmsnorm_output(gain, cache):
    """The forward's output again, from its cache: one multiply, cheaper than keeping it."""
    return cache[0] * gain


def rmsnorm_backward(dout, gain, cache):
    xhat, rstd = cache
    C = dout.shape[-1]
    dgain = np.einsum("nc,nc->c", dout.reshape(-1, C), xhat.reshape(-1, C))
    dxhat = dout * gain
    dx = xhat * (np.einsum("...c,...c->...", dxhat, xhat)[..., None] / -C)
    dx += dxhat
    dx *= rstd
    return dx, dgain


# --- matmul: y = x @ W, x (..., in), W (in, out) -------------------------------------------

def matmul_forward(x, weight):
    """One 2-D GEMM over all rows: NumPy would run a (B, T, C) @ W as B separate products."""
    return (x.reshape(-1, x.shape[-1]) @ weight).reshape(*x.shape[:-1], weight.shape[1])


def matmul_backward(dout, x, weight, need_weight_grad=True, need_input_grad=True, dweight_out=None):
    """Returns (dx, dW); either is None when nothing needs it (a frozen weight under LoRA, the
    input of the lowest layer that trains), so no work is spent on it. Given `dweight_out`, dW
    is written there (a gradient buffer: no temporary, no second pass to add it in)."""
    dout2d = dout.reshape(-1, dout.shape[-1])
    dx = None
    if need_input_grad:
        dx = (dout2d @ weight.T).reshape(*dout.shape[:-1], weight.shape[0])
    dweight = None
    if need_weight_grad:
        dweight = np.matmul(x.reshape(-1, x.shape[-1]).T, dout2d, out=dweight_out)
    return dx, dweight


# --- causal multi-head self-attention on whole sequences -----------------------------------

def split_heads(x, n_head):
    B, T, C = x.shape
    return x.reshape(B, T, n_head, C // n_head).transpose(0, 2, 1, 3)  # (B, H, T, hd)


def merge_heads(x):
    B, H, T, hd = x.shape
    return x.transpose(0, 2, 1, 3).reshape(B, T, H * hd)


def split_qkv(qkv, n_head):
    """(B, T, 3C) -> contiguous (3, B, H, T, hd): q, k, v with heads split, in one copy."""
    B, T, C3 = qkv.shape
    return np.ascontiguousarray(qkv.reshape(B, T, 3, n_head, C3 // (3 * n_head)).transpose(2, 0, 3, 1, 4))


@functools.lru_cache(maxsize=32)
def causal_mask(t_query, t_key, dtype):
    """Additive mask: query i (the last t_query of t_key positions) sees keys 0..its own position.

    Cached (read-only): every layer of every step uses the same one.
    """
    offset = t_key - t_query
    allowed = np.arange(t_key)[None, :] <= (np.arange(t_query)[:, None] + offset)
    mask = np.where(allowed, 0.0, -np.inf).astype(dtype)
    mask.flags.writeable = False
    return mask


@functools.lru_cache(maxsize=8)
def future_keys(t):
    """(t, t) bool: True where key j comes after query i, which a causal query may not see
    (cached, read-only; writing -inf there costs less than adding causal_mask)."""
    future = np.triu(np.ones((t, t), dtype=bool), k=1)
    future.flags.writeable = False
    return future


# A softmax subtracts a shift from each row before exponentiating. Its own max is the textbook
# shift, but NumPy reduces a short contiguous axis row by row: 100 us for 2,048 rows of 16
# against 2 us for the whole array's max. So callers may offer a cheaper shift (the whole
# array's max, a known entry of each row), used when the row sums it gives stay in this range
# (no row underflows, none overflows), else the rows' own max is taken after all.
SHIFT_SUMS_RANGE = (1e-20, 1e20)


def shifted_exp(x, shift=None):
    """(exp(x - shift), its sums over the last axis, shift), shift broadcast against x.

    With shift None, or one that puts a row's sum outside SHIFT_SUMS_RANGE, the shift is each
    row's max. Rows stay independent when the offered shift is per row.
    """
    if shift is not None:
        with np.errstate(over="ignore"):  # an offered shift may overflow a row: it is redone below
            e, sums = _exp_and_sums(x, shift)
        low, high = SHIFT_SUMS_RANGE
        if sums.min() >= low and sums.max() <= high:
            return e, sums, shift
    shift = x.max(axis=-1, keepdims=True)
    return (*_exp_and_sums(x, shift), shift)


def _exp_and_sums(x, shift):
    e = x - shift
    np.exp(e, out=e)
    return e, np.einsum("...j->...", e)  # several times faster than .sum(axis=-1) on short rows


def softmax_lastaxis(scores, shift=None):
    """A new array; `shift` as in shifted_exp."""
    e, sums, _ = shifted_exp(scores, shift)
    e *= (1.0 / sums)[..., None]
    return e


# exp(x - shift) stays finite and its row sums far from overflow while no score exceeds its shift by more
SHIFT_GAP = 40.0


def exp_shifted_in_place(x, shift):
    """exp(x - shift) written over x, and its sums over the last axis. `shift` (..., 1) is a score
    each row holds (a query's score against its own key), so no sum is below 1; where some score of
    the array exceeds its row's shift by more than SHIFT_GAP, each row is shifted by its own max
    instead. In place: the scores are the largest array of a step, and a new one costs a pass."""
    x -= shift
    if x.max() > SHIFT_GAP:
        x -= x.max(axis=-1, keepdims=True)
    np.exp(x, out=x)
    return x, np.einsum("...j->...", x)


ATTENTION_BLOCK = 128  # queries per block; see attention_forward (measured best at T = 256 here)


def query_blocks(T):
    return [(start, min(start + ATTENTION_BLOCK, T)) for start in range(0, T, ATTENTION_BLOCK)]


def attention_forward(qkv, n_head):
    """qkv (B, T, 3C), the q, k and v projections side by side -> (B, T, C).

    Causal: a block of queries ending at position e sees keys 0..e-1 only, so each block of
    ATTENTION_BLOCK queries multiplies just those keys: with n blocks, (n + 1) / 2n of the
    T x T scores are computed (75% at T = 256, two blocks), not all of them, and only the block's
    own square needs the mask. q is scaled by 1/sqrt(hd) before the products, on (B, H, T, hd)
    rather than on the scores, and kept scaled in the cache. The softmax is left unnormalised:
    its row sums divide the (block, hd) output rather than the (block, keys) weights, and the
    cache keeps the exponentials with 1/sums (attention_weights normalises them).
    """
    q, k, v = split_qkv(qkv, n_head)
    q *= 1.0 / math.sqrt(q.shape[-1])
    out = np.empty_like(q)  # (B, H, T, hd)
    blocks = []
    for start, end in query_blocks(q.shape[2]):
        scores = q[:, :, start:end] @ k[:, :, :end].transpose(0, 1, 3, 2)  # (B, H, block, end)
        np.copyto(scores[..., start:end], -np.inf, where=future_keys(end - start))
        own = np.diagonal(scores[..., start:end], axis1=-2, axis2=-1)[..., None].copy()  # each query against its own key
        e, sums = exp_shifted_in_place(scores, own)
        inv_sums = 1.0 / sums  # (B, H, block)
        block_out = out[:, :, start:end]
        np.matmul(e, v[:, :, :end], out=block_out)
        block_out *= inv_sums[..., None]
        blocks.append((e, inv_sums))
    merged = merge_heads(out)
    return merged, (q, k, v, merged, blocks)


def attention_weights(cache):
    """The softmax weights an attention_forward computed, from its cache, as one (B, H, T, T)
    array: its query blocks put back side by side, zero where a query may not look (the future).
    For looking at what attention does; training never needs the whole square."""
    q, _, _, _, blocks = cache
    B, H, T, _ = q.shape
    weights = np.zeros((B, H, T, T), dtype=q.dtype)
    for e, inv_sums in blocks:  # (B, H, block, end): the block's queries and the keys they see
        start, end = e.shape[3] - e.shape[2], e.shape[3]
        weights[:, :, start:end, :end] = e * inv_sums[..., None]
    return weights


def row_causal_mask(starts, t_query, t_key, dtype):
    """Additive mask (B, 1, t_query, t_key) for rows of different lengths: query i of row b is at
    position starts[b] + i and sees keys 0..starts[b] + i of its own row, none beyond."""
    allowed = np.arange(t_key) <= (starts[:, None, None, None] + np.arange(t_query)[:, None])
    return np.where(allowed, 0.0, -np.inf).astype(dtype)


def attention_cached_forward(q, keys, values, mask=None):
    """Inference only: q (B, H, t, hd) holds the last t of the L positions in keys/values (B, H, L, hd).

    `mask` (additive, broadcast to (B, H, t, L)) replaces the causal mask where rows sit at
    different positions (see row_causal_mask).
    """
    t, L, hd = q.shape[2], keys.shape[2], q.shape[3]
    scores = (q * (1.0 / math.sqrt(hd))) @ keys.transpose(0, 1, 3, 2)
    if mask is not None:
        scores += mask
    elif t > 1:
        scores += causal_mask(t, L, np.dtype(scores.dtype))
    return merge_heads(softmax_lastaxis(scores) @ values)


def attention_backward(dout, cache):
    """Returns dqkv (B, T, 3C).

    With att = e / s and out = att @ v, the softmax's backward sum over keys, sum_j datt_ij att_ij,
    is dout_i . out_i (a sum over hd, not over the keys), and 1/s scales dout's rows, not the weights.
    """
    q, k, v, merged, blocks = cache  # q is scaled by 1/sqrt(hd)
    B, H, T, hd = q.shape
    dout_h, out_h = split_heads(dout, H), split_heads(merged, H)
    dqkv = np.empty((3,) + q.shape, dtype=q.dtype)
    dq, dk, dv = dqkv
    # the last block sees every key, so it writes dk and dv whole; the earlier blocks add to them
    for e, inv_sums in reversed(blocks):  # (B, H, block, end): the block's queries and the keys they see
        start, end = e.shape[3] - e.shape[2], e.shape[3]
        d_out = dout_h[:, :, start:end] * inv_sums[..., None]  # dout / s
        row_dot = np.einsum("...ij,...ij->...i", d_out, out_h[:, :, start:end])  # (dout . out) / s
        last = end == T
        d_v = np.matmul(e.transpose(0, 1, 3, 2), d_out, out=dv if last else None)
        # softmax backward: dscores = (e / s) * (dout . v_j - dout . out)
        dscores = d_out @ v[:, :, :end].transpose(0, 1, 3, 2)
        dscores -= row_dot[..., None]
        dscores *= e
        np.matmul(dscores, k[:, :, :end], out=dq[:, :, start:end])
        # d(q_scaled . k)/dk = q_scaled
        d_k = np.matmul(dscores.transpose(0, 1, 3, 2), q[:, :, start:end], out=dk if last else None)
        if not last:
            dv[:, :, :end] += d_v
            dk[:, :, :end] += d_k
    dq *= 1.0 / math.sqrt(hd)
    return dqkv.transpose(1, 3, 0, 2, 4).reshape(B, T, 3 * H * hd)


# --- activations ---------------------------------------------------------------------------

def relu_forward(x):
    out = np.maximum(x, 0)
    return out, out


def relu_backward(dout, cache):
    """In place on dout."""
    return np.multiply(dout, cache > 0, out=dout)


_GELU_C = math.sqrt(2.0 / math.pi)


def gelu_forward(x):
    """GELU, tanh approximation (as GPT-2)."""
    tanh = np.tanh(_GELU_C * (x + 0.044715 * (x * x * x)))  # x * x * x: x**3 is a slow pow() on float32
    return 0.5 * x * (1.0 + tanh), (x, tanh)


def gelu_backward(dout, cache):
    x, tanh = cache
    dtanh = (1.0 - tanh * tanh) * _GELU_C * (1.0 + 3 * 0.044715 * x * x)
    return dout * (0.5 * (1.0 + tanh) + 0.5 * x * dtanh)


ACTIVATIONS = {"relu": (relu_forward, relu_backward), "gelu": (gelu_forward, gelu_backward)}


# --- dropout (inverted: scaled at train time, identity at inference) ----------------------

def dropout_forward(x, p, rng):
    if p == 0.0 or rng is None:
        return x, None
    mask = (rng.random(x.shape, dtype=np.float32) >= p).astype(x.dtype) / (1.0 - p)
    return x * mask, mask


def dropout_backward(dout, mask):
    return dout if mask is None else dout * mask


# --- residual: y = x + branch(x) -----------------------------------------------------------

def residual_forward(x, branch):
    return x + branch


def residual_backward(dout):
    """The gradient flows unchanged into both the skip path and the branch."""
    return dout, dout


# --- softmax cross-entropy, mean over targets that are not IGNORE_INDEX --------------------

def softmax_cross_entropy_forward(logits, targets):
    """logits (..., V), targets (...) int; returns (mean loss, cache)."""
    V = logits.shape[-1]
    flat_targets = targets.reshape(-1)
    valid = flat_targets != IGNORE_INDEX
    n_valid = int(np.count_nonzero(valid))
    rows = np.arange(flat_targets.size)
    safe_targets = np.where(valid, flat_targets, 0)
    flat = logits.reshape(-1, V)
    probs, sumexp, shift = shifted_exp(flat, flat.max())  # exp(logits - shift), normalized below
    logprob = flat[rows, safe_targets] - (np.log(sumexp) + np.reshape(shift, -1))
    loss = -float(np.dot(logprob.astype(np.float64), valid)) / max(n_valid, 1)
    probs *= (1.0 / sumexp)[:, None]
    return loss, (probs, safe_targets, valid, n_valid, logits.shape)


def softmax_cross_entropy_backward(cache):
    probs, safe_targets, valid, n_valid, shape = cache
    dlogits = probs
    dlogits[np.arange(probs.shape[0]), safe_targets] -= 1
    dlogits *= (valid * (1.0 / max(n_valid, 1))).astype(probs.dtype)[:, None]
    return dlogits.reshape(shape)
