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


class AdamW:
    """Adam with decoupled weight decay (Loshchilov & Hutter), decay where decay_mask is 1."""

    def __init__(self, size, beta1=0.9, beta2=0.99, eps=1e-8, weight_decay=0.1, decay_mask=None,
                 dtype=np.float32):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.weight_decay = weight_decay
        self.decay_mask = decay_mask
        self.m = np.zeros(size, dtype)
        self.v = np.zeros(size, dtype)
        self.t = 0
        self._scratch = np.zeros(size, dtype)

    def step(self, params, grads, lr):
        self.t += 1
        b1, b2, s = self.beta1, self.beta2, self._scratch
        if self.weight_decay and self.decay_mask is not None:
            np.multiply(self.decay_mask, lr * self.weight_decay, out=s)
            np.subtract(1.0, s, out=s)
            params *= s
        self.m *= b1
        np.multiply(grads, 1 - b1, out=s)
        self.m += s
        self.v *= b2
        np.multiply(grads, grads, out=s)
        s *= 1 - b2
        self.v += s
        # params -= lr_t * m / (sqrt(v) + eps_t), the bias corrections folded into lr_t and eps_t
        lr_t = lr * math.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        eps_t = self.eps * math.sqrt(1 - b2 ** self.t)
        np.sqrt(self.v, out=s)
        s += eps_t
        np.divide(self.m, s, out=s)
        s *= lr_t
        params -= s
