"""AdamW over one flat parameter buffer, the learning-rate schedule, gradient clipping."""

import math

import numpy as np


def learning_rate(step, lr, min_lr, warmup, total_steps):
    """Linear warmup over `warmup` steps, then cosine decay from lr to min_lr at total_steps."""
    if step < warmup:
        return lr * (step + 1) / warmup
    if total_steps <= warmup:
        return lr
    progress = min(1.0, (step - warmup) / max(1, total_steps - warmup))
    return min_lr + 0.5 * (lr - min_lr) * (1.0 + math.cos(math.pi * progress))


def clip_grad_norm(grads, max_norm):
    """Scales grads in place so their global L2 norm is at most max_norm; returns the norm before."""
    norm = float(np.sqrt(np.dot(grads, grads)))
    if max_norm > 0 and norm > max_norm:
        grads *= max_norm / (norm + 1e-6)
    return norm


def true_runs(mask):
    """[(start, stop)] of each run of True in a 1-D boolean mask."""
    edges = np.flatnonzero(np.diff(np.concatenate([[False], mask, [False]]).astype(np.int8)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2])]


class AdamW:
    """Adam with decoupled weight decay (Loshchilov & Hutter), decay where decay_mask is true.

    The update runs chunk by chunk over the flat buffers: each chunk's parameters, gradients and
    moments stay in cache through the dozen operations on them, and the scratch space is one
    chunk, not another copy of the model.
    """

    CHUNK = 1 << 16  # elements (256 KiB of float32 per array)

    def __init__(self, size, beta1=0.9, beta2=0.99, eps=1e-8, weight_decay=0.1, decay_mask=None,
                 dtype=np.float32):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.weight_decay = weight_decay
        self.decay_runs = [] if decay_mask is None else true_runs(np.asarray(decay_mask, dtype=bool))
        self.m = np.zeros(size, dtype)
        self.v = np.zeros(size, dtype)
        self.t = 0
        self._scratch = np.zeros(min(size, self.CHUNK), dtype)

    def step(self, params, grads, lr):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        # params -= lr_t * m / (sqrt(v) + eps_t), the bias corrections folded into lr_t and eps_t
        lr_t = lr * math.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        eps_t = self.eps * math.sqrt(1 - b2 ** self.t)
        if self.weight_decay:
            keep = params.dtype.type(1.0 - lr * self.weight_decay)
            for start, stop in self.decay_runs:  # a multiply `where=` the mask is 3x slower
                params[start:stop] *= keep
        for start in range(0, params.size, self.CHUNK):
            chunk = slice(start, start + self.CHUNK)
            p, g, m, v = params[chunk], grads[chunk], self.m[chunk], self.v[chunk]
            s = self._scratch[:p.size]
            m *= b1
            np.multiply(g, 1 - b1, out=s)
            m += s
            v *= b2
            np.multiply(g, g, out=s)
            s *= 1 - b2
            v += s
            np.sqrt(v, out=s)
            s += eps_t
            np.divide(m, s, out=s)
            s *= lr_t
            p -= s
