"""Forward/backward kernel pairs of the span reader (span_reader.py), beside the GPT's (kernels.py).

The reader reads (question, chunk) pairs, one or several packed side by side in each row, and
scores every character as the answer's start or end. Two kernels are its own:

- attention over the whole pair: every position sees every position of its own pair (its
  segment of the row), directly or (split) through heads that look left and heads that look
  right (an additive bias keeps other pairs and padding out and sets each head's direction);
  its causal form also reads the GPT's short documents packed side by side (model.py);
- the span loss: a softmax over the allowed positions of one question's pairs (the chunks read
  for it, and their null positions), scored on the marginal probability of the target positions
  (every place the answer stands, or the nulls when no chunk holds it).

Same conventions as kernels.py: plain arrays, the dtype of the inputs, (B, T, C) activations.
"""

import math
from typing import NamedTuple

import numpy as np

from .kernels import exp_shifted_in_place, merge_heads, split_heads, split_qkv


# --- attention over a padded pair, both directions ------------------------------------------

ATTENTIONS = ("both", "causal", "split")


def key_bias(segments, attention="both", n_head=1, dtype=np.float32):
    """Additive bias, broadcast to (B, H, T, T): 0 where a query may look, -inf elsewhere.

    segments (B, T) int numbers the pairs packed in a row (padding is a segment of its own, -1):
    a query sees the keys of its own segment. attention "both": all of them; "causal": those not
    after it (left to right, the one-direction ablation); "split": the first half of the heads
    look left, the others right, so every position still sees its whole pair (through both
    halves) and each head knows which way it looks, as a causal head does without position
    embeddings. A query always sees itself, so no softmax row is empty.
    """
    seen = segments[:, None, :, None] == segments[:, None, None, :]  # (B, 1, query, key)
    if attention != "both":
        T = segments.shape[1]
        left = np.arange(T)[None, :] <= np.arange(T)[:, None]  # (query, key): the key is not after the query
        heads = left[None] if attention == "causal" else np.concatenate(
            [np.broadcast_to(left, (n_head // 2, T, T)), np.broadcast_to(left.T, (n_head - n_head // 2, T, T))])
        seen = seen & heads
    return np.where(seen, 0.0, -np.inf).astype(dtype)


def attention_masked_forward(qkv, n_head, bias):
    """qkv (B, T, 3C) -> (B, T, C); bias (additive, broadcast to (B, H, T, T)) from key_bias.

    Every query sees itself (key_bias), so its score against its own key shifts its row's softmax
    (kernels.exp_shifted_in_place). As in kernels.attention_forward the softmax stays unnormalised:
    1/sums divides the (T, hd) output, and the cache keeps the exponentials with 1/sums.
    """
    q, k, v = split_qkv(qkv, n_head)
    q *= 1.0 / math.sqrt(q.shape[-1])
    scores = q @ k.transpose(0, 1, 3, 2)  # (B, H, T, T)
    scores += bias
    own = np.diagonal(scores, axis1=-2, axis2=-1)[..., None].copy()
    e, sums = exp_shifted_in_place(scores, own)
    inv_sums = 1.0 / sums  # (B, H, T)
    out = e @ v
    out *= inv_sums[..., None]
    return merge_heads(out), (q, k, v, out, e, inv_sums)


def attention_masked_backward(dout, cache):
    """Returns dqkv (B, T, 3C); the softmax's backward as in kernels.attention_backward."""
    q, k, v, out, e, inv_sums = cache  # q is scaled by 1/sqrt(hd)
    B, H, T, hd = q.shape
    d_out = split_heads(dout, H) * inv_sums[..., None]  # dout / s
    row_dot = np.einsum("...ij,...ij->...i", d_out, out)  # (dout . out) / s
    dqkv = np.empty((3,) + q.shape, dtype=q.dtype)
    dq, dk, dv = dqkv
    np.matmul(e.transpose(0, 1, 3, 2), d_out, out=dv)
    dscores = d_out @ v.transpose(0, 1, 3, 2)  # softmax backward, in place: (e / s) * (dout . v_j - dout . out)
    dscores -= row_dot[..., None]
    dscores *= e
    np.matmul(dscores, k, out=dq)
    dq *= 1.0 / math.sqrt(hd)
    np.matmul(dscores.transpose(0, 1, 3, 2), q, out=dk)
    return dqkv.transpose(1, 3, 0, 2, 4).reshape(B, T, 3 * H * hd)


# --- attention pair by pair: a packed batch's pairs regrouped by length ---------------------

PAIR_BUCKET = 32  # a pair is read among the pairs of its length rounded up to a multiple of this


class PairGroup(NamedTuple):
    """Pairs of about one length, side by side: `index` (P, L) their positions in the batch's
    R x T positions (a short pair's tail repeats its first position), `real` (P, L) which of them are
    the pair's own, `bias` key_bias of the group (the tail sees only itself)."""
    index: np.ndarray
    real: np.ndarray
    bias: np.ndarray


def pair_groups(segments, attention="both", n_head=1, dtype=np.float32):
    """The pairs of a batch (segments (R, T) as make_batch numbers them, -1 for padding) grouped by
    length rounded up to PAIR_BUCKET. A row of the block's width holds about two pairs, and
    attention over the whole row computes its width squared: pair by pair, each pays its own length
    squared (1.8x less at the reader's shape, docs/BENCHMARKS.md)."""
    R, T = segments.shape
    flat = segments.reshape(-1)
    at = np.arange(flat.size)
    real = flat >= 0
    first = real & ((at % T == 0) | np.concatenate(([True], flat[1:] != flat[:-1])))
    starts = at[first]
    lengths = np.bincount((np.cumsum(first) - 1)[real], minlength=len(starts))
    widths = -(-lengths // PAIR_BUCKET) * PAIR_BUCKET
    groups = []
    for width in np.unique(widths):
        pick = np.flatnonzero(widths == width)
        offsets = np.arange(width)
        own = offsets[None, :] < lengths[pick, None]
        index = np.where(own, starts[pick, None] + offsets[None, :], starts[pick, None])
        groups.append(PairGroup(index, own, key_bias(np.where(own, 0, -1), attention, n_head, dtype)))
    return groups


def attention_pairs_forward(qkv, n_head, groups):
    """qkv (R, T, 3C) -> (R, T, C): attention_masked_forward on each group of pairs (pair_groups),
    the pairs' outputs put back where they stand (padding gets zeros: nothing reads it)."""
    R, T, C3 = qkv.shape
    flat = qkv.reshape(R * T, C3)
    out = np.zeros((R * T, C3 // 3), qkv.dtype)
    caches = []
    for group in groups:
        y, cache = attention_masked_forward(flat[group.index], n_head, group.bias)
        out[group.index[group.real]] = y[group.real]
        caches.append(cache)
    return out.reshape(R, T, C3 // 3), (groups, caches)


def attention_pairs_backward(dout, cache):
    """Returns dqkv (R, T, 3C); padding's is zero."""
    groups, caches = cache
    R, T, C = dout.shape
    flat = dout.reshape(R * T, C)
    dqkv = np.zeros((R * T, 3 * C), dout.dtype)
    for group, group_cache in zip(groups, caches):  # a tail's gradient stays in the tail (it sees only itself)
        dqkv[group.index[group.real]] = attention_masked_backward(flat[group.index], group_cache)[group.real]
    return dqkv.reshape(R, T, 3 * C)


# --- the span loss: -log P(target positions) under a softmax over the allowed ones ----------

def _segment_logsumexp(logits, mask, segment, n_segments):
    """Per segment, (log sum over its masked positions of exp(logits), and per position exp(logits
    - that), zero off the mask): a softmax within each segment, all segments in one pass."""
    at = np.flatnonzero(mask)
    x, seg = logits[at], segment[at]
    shift = np.full(n_segments, -np.inf, logits.dtype)
    np.maximum.at(shift, seg, x)
    e = np.exp(x - shift[seg])
    sums = np.bincount(seg, weights=e, minlength=n_segments)
    p = np.zeros_like(logits)
    p[at] = e / sums[seg]
    return np.log(sums) + shift, p


def span_loss_forward(logits, allowed, target, question, n_questions):
    """logits (N,), allowed and target (N,) bool, question (N,) int: the question each position
    reads for (any number where nothing is allowed). Every question has a target, within allowed.

    Returns (mean over questions of logsumexp(allowed) - logsumexp(target), cache): the negative
    log of the probability the softmax over a question's allowed positions gives its target set
    (Clark and Gardner 2017's shared normalisation over a question's chunks; several targets where
    the answer stands twice).
    """
    log_z, p = _segment_logsumexp(logits, allowed, question, n_questions)
    log_zt, pt = _segment_logsumexp(logits, target, question, n_questions)
    loss = float(np.mean((log_z - log_zt).astype(np.float64)))
    return loss, (p, pt, n_questions)


def span_loss_backward(cache):
    """d(loss)/d(logits): the allowed softmax less the target softmax, over the questions' mean."""
    p, pt, n_questions = cache
    return (p - pt) / n_questions
