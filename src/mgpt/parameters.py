"""The flat parameter layout: every weight a named view into one contiguous buffer, every
gradient a view into another, so the optimizer, checkpoints and the gradient all-reduce each
see one array. A GPT and a LoRA adapter are both laid out this way."""

import copy

import numpy as np

BLOCK_WEIGHTS = ("ln1", "wq", "wk", "wv", "wo", "ln2", "fc", "proj")


def parameter_shapes(config, layers=None):
    """(name, shape) in buffer order; weights are (in, out) so that y = x @ W. `layers` limits
    the blocks listed (a shape lookup needs only the first)."""
    C, V = config.n_embd, config.vocab_size
    shapes = [("wte", (V, C)), ("wpe", (config.block_size, C))]
    for layer in range(config.n_layer if layers is None else min(layers, config.n_layer)):
        block = {"ln1": (C,), "wq": (C, C), "wk": (C, C), "wv": (C, C), "wo": (C, C),
                 "ln2": (C,), "fc": (C, 4 * C), "proj": (4 * C, C)}
        shapes += [(f"h{layer}.{name}", block[name]) for name in BLOCK_WEIGHTS]
    shapes += [("lnf", (C,)), ("lm_head", (C, V))]
    return shapes


def qkv_names(layer):
    """The weights the fused attention input is made of, in column order."""
    return (f"h{layer}.wq", f"h{layer}.wk", f"h{layer}.wv")


def flat_views(buffer, shapes):
    views, offset = {}, 0
    for name, shape in shapes:
        size = int(np.prod(shape))
        views[name] = buffer[offset:offset + size].reshape(shape)
        offset += size
    return views


class FlatParameters:
    """Named weights as views (`p`) into one flat buffer (`params`), their gradients likewise
    (`g`, `grads`): what the model and a LoRA adapter share with the optimizer and checkpoints."""

    def __init__(self, shapes, dtype):
        self.shapes = shapes
        size = sum(int(np.prod(s)) for _, s in shapes)
        self.params = np.zeros(size, dtype)
        self.grads = np.zeros(size, dtype)
        self.p = flat_views(self.params, shapes)
        self.g = flat_views(self.grads, shapes)

    def replica(self):
        """The same weights (shared, not copied) with gradients of its own: one shard's worker in a
        training step cut across threads (shards.py)."""
        twin = copy.copy(self)
        twin.grads = np.zeros_like(self.grads)
        twin.g = flat_views(twin.grads, self.shapes)
        return twin

    @property
    def num_params(self):
        return self.params.size

    def decay_mask(self):
        """True over matrices (weight decay applies), False over vectors (the norms' gains)."""
        mask = np.zeros(self.params.shape, dtype=bool)
        for name, view in flat_views(mask, self.shapes).items():
            view[...] = view.ndim == 2
        return mask

    def fused_weight(self, names):
        """[W1 | W2 | ...] for weights that read the same input (wq, wk, wv): one matmul for all.

        A copy: callers keep it for as long as the weights stay unchanged (a step, a generation).
        """
        if len(names) == 1:
            return self.p[names[0]]
        return np.concatenate([self.p[name] for name in names], axis=1)
