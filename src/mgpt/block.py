"""A transformer block as a list of kernel calls, forward then backward:

    x = x + dropout(attention(rmsnorm(x, ln1) @ [wq | wk | wv]) @ wo)
    x = x + dropout(activation(rmsnorm(x, ln2) @ fc) @ proj)

What differs between the model's passes and kinds comes in as arguments: `attention` (causal for
the GPT, masked over a pair for the span reader, over the KV cache when decoding), the MLP's
`activation`, and `linear(x, weight, *names)`, the model's x @ W plus an adapter's deltas on the
weights of those names (lora.py).
"""

from typing import NamedTuple

import numpy as np

from . import kernels as K
from .parameters import qkv_names


class BlockWeights(NamedTuple):
    """One layer's weights and the views its norms' gradients go to (None where the base is frozen)."""
    layer: int
    ln1: np.ndarray
    wqkv: np.ndarray  # [wq | wk | wv], fused: one matmul reads the normed input for all three
    wo: np.ndarray
    ln2: np.ndarray
    fc: np.ndarray
    proj: np.ndarray
    dln1: np.ndarray = None
    dln2: np.ndarray = None


class BlockCache(NamedTuple):
    """What backward needs of a forward pass (the norms' outputs are recomputed instead)."""
    norm1: tuple
    attention: tuple
    attended: np.ndarray
    mask1: np.ndarray
    norm2: tuple
    activation: tuple
    activated: np.ndarray
    mask2: np.ndarray


def block_forward(x, w, attention, activation, linear, drop, rng):
    """x (B, T, C) -> (the block's output, its BlockCache). attention(qkv) and activation(h) are
    forward kernels returning (out, cache); drop and rng the dropout's rate and generator."""
    h = f"h{w.layer}."
    normed1, norm1 = K.rmsnorm_forward(x, w.ln1)
    attended, attention_cache = attention(linear(normed1, w.wqkv, *qkv_names(w.layer)))
    out, mask1 = K.dropout_forward(linear(attended, w.wo, h + "wo"), drop, rng)
    x = K.residual_forward(x, out)
    normed2, norm2 = K.rmsnorm_forward(x, w.ln2)
    activated, activation_cache = activation(linear(normed2, w.fc, h + "fc"))
    out, mask2 = K.dropout_forward(linear(activated, w.proj, h + "proj"), drop, rng)
    x = K.residual_forward(x, out)
    return x, BlockCache(norm1, attention_cache, attended, mask1, norm2, activation_cache, activated, mask2)


def block_backward(dx, w, cache, attention_backward, activation_backward, linear_backward, need_input_grad=True):
    """The gradient of the block's input from its output's, or None when need_input_grad is false
    (nothing below this block trains). linear_backward writes the weights' gradients; the norms'
    go to w.dln1 and w.dln2."""
    h, c = f"h{w.layer}.", cache
    dx, dout = K.residual_backward(dx)
    dout = K.dropout_backward(dout, c.mask2)
    dactivated = linear_backward(dout, c.activated, w.proj, h + "proj")
    normed2 = K.rmsnorm_output(w.ln2, c.norm2)
    dnormed2 = linear_backward(activation_backward(dactivated, c.activation), normed2, w.fc, h + "fc")
    dx_norm, dln2 = K.rmsnorm_backward(dnormed2, w.ln2, c.norm2)
    if w.dln2 is not None:
        w.dln2[...] = dln2
    dx = dx + dx_norm
    dx, dout = K.residual_backward(dx)
    dout = K.dropout_backward(dout, c.mask1)
    dattended = linear_backward(dout, c.attended, w.wo, h + "wo")
    normed1 = K.rmsnorm_output(w.ln1, c.norm1)
    dnormed1 = linear_backward(attention_backward(dattended, c.attention), normed1, w.wqkv, *qkv_names(w.layer),
                               need_input_grad=need_input_grad)
    if dnormed1 is None:
        return None
    dx_norm, dln1 = K.rmsnorm_backward(dnormed1, w.ln1, c.norm1)
    if w.dln1 is not None:
        w.dln1[...] = dln1
    return dx + dx_norm
