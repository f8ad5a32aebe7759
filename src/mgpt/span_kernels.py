"""Forward/backward kernel pairs of the span reader (span_reader.py), beside the GPT's (kernels.py).

The reader reads one (question, chunk) pair per row, padded to the batch's longest, and scores
every character as the answer's start or end. Two kernels are its own:

- attention over the whole pair: every position sees every real position of its row, directly
  or (split) through heads that look left and heads that look right (an additive bias keeps
  padding out and sets each head's direction);
- the span loss: a softmax over a group of rows' allowed positions (the chunks read for one
  question, and their null positions), scored on the marginal probability of the target positions
  (every place the answer stands, or the nulls when no chunk holds it).

Same conventions as kernels.py: plain arrays, the dtype of the inputs, (B, T, C) activations.
"""

import math

import numpy as np

from .kernels import merge_heads, softmax_lastaxis, split_heads, split_qkv


# --- attention over a padded pair, both directions ------------------------------------------

ATTENTIONS = ("both", "causal", "split")


def key_bias(key_mask, attention="both", n_head=1, dtype=np.float32):
    """Additive bias, broadcast to (B, H, T, T): 0 where a query may look, -inf elsewhere.

    key_mask (B, T) is True at real positions. attention "both": every real position; "causal":
    keys 0..i for query i (left to right, the one-direction ablation); "split": the first half of
    the heads look left (keys 0..i), the others right (keys i..T-1), so every position still sees
    the whole row (through both halves) and each head knows which way it looks, as a causal head
    does without position embeddings.
    """
    seen = key_mask[:, None, None, :]
    if attention != "both":
        T = key_mask.shape[1]
        left = np.arange(T)[None, :] <= np.arange(T)[:, None]  # (query, key): the key is not after the query
        heads = left[None] if attention == "causal" else np.concatenate(
            [np.broadcast_to(left, (n_head // 2, T, T)), np.broadcast_to(left.T, (n_head - n_head // 2, T, T))])
        # a padding position looking right sees only padding: let it see itself, so no softmax row is empty
        seen = (seen & heads) | np.eye(T, dtype=bool)
    return np.where(seen, 0.0, -np.inf).astype(dtype)


def attention_masked_forward(qkv, n_head, bias):
    """qkv (B, T, 3C) -> (B, T, C); bias (additive, broadcast to (B, H, T, T)) from key_bias.

    Every row keeps at least one key (position 0, the null), so no softmax row is empty.
    """
    q, k, v = split_qkv(qkv, n_head)
    q *= 1.0 / math.sqrt(q.shape[-1])
    scores = q @ k.transpose(0, 1, 3, 2)  # (B, H, T, T)
    scores += bias
    att = softmax_lastaxis(scores)
    return merge_heads(att @ v), (q, k, v, att)


def attention_masked_backward(dout, cache):
    """Returns dqkv (B, T, 3C)."""
    q, k, v, att = cache  # q is scaled by 1/sqrt(hd)
    B, H, T, hd = q.shape
    dout_h = split_heads(dout, H)
    dqkv = np.empty((3,) + q.shape, dtype=q.dtype)
    dq, dk, dv = dqkv
    np.matmul(att.transpose(0, 1, 3, 2), dout_h, out=dv)
    dscores = dout_h @ v.transpose(0, 1, 3, 2)  # softmax backward, in place
    dscores -= np.einsum("...ij,...ij->...i", dscores, att)[..., None]
    dscores *= att
    np.matmul(dscores, k, out=dq)
    dq *= 1.0 / math.sqrt(hd)
    np.matmul(dscores.transpose(0, 1, 3, 2), q, out=dk)
    return dqkv.transpose(1, 3, 0, 2, 4).reshape(B, T, 3 * H * hd)


# --- the span loss: -log P(target positions) under a softmax over the allowed ones ----------

def _masked_logsumexp(logits, mask):
    """(log sum over mask of exp(logits), exp(logits - that) zero off the mask), row by row."""
    shift = np.where(mask, logits, -np.inf).max(axis=-1, keepdims=True)
    e = np.where(mask, np.exp(logits - shift), 0.0).astype(logits.dtype)
    sums = e.sum(axis=-1, keepdims=True)
    return (np.log(sums) + shift)[:, 0], e / sums


def span_loss_forward(logits, allowed, target):
    """logits (G, N), allowed and target (G, N) bool, target within allowed and never empty.

    Returns (mean over rows of logsumexp(allowed) - logsumexp(target), cache): the negative log of
    the probability the softmax over `allowed` gives the target set (Clark and Gardner 2017's
    shared normalisation over a question's chunks; several targets where the answer stands twice).
    """
    log_z, p = _masked_logsumexp(logits, allowed)
    log_zt, pt = _masked_logsumexp(logits, target)
    loss = float(np.mean((log_z - log_zt).astype(np.float64)))
    return loss, (p, pt)


def span_loss_backward(cache):
    """d(loss)/d(logits): the allowed softmax less the target softmax, over the rows' mean."""
    p, pt = cache
    return (p - pt) / p.shape[0]
