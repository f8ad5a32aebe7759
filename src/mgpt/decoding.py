"""Incremental decoding: the keys and values a GPT has computed, kept so each new token costs one
position's work (GPT.forward_cached)."""

import numpy as np

from . import kernels as K
from .parameters import qkv_names


class KVCache:
    """Keys and values of every layer for incremental decoding: (n_layer, B, H, block_size, hd) each.

    Each row has its own length (`lengths`, (B,)). Rows that move together (sampling, extraction)
    share one, `length`, and take the plain path: a slice of positions, a causal mask. Rows of
    different lengths (a server's requests, which join and leave between steps) each read their
    own positions and attend over their own prefix only. `rows(start, stop)` is a cache of some
    rows that shares this one's arrays: a request's rows are filled alone, the busy rows decoded
    together.

    Also holds each layer's fused [wq | wk | wv], built once: weights do not change while decoding.
    """

    def __init__(self, model, batch_size):
        config, dtype = model.config, model.params.dtype
        hd = config.n_embd // config.n_head
        shape = (config.n_layer, batch_size, config.n_head, config.block_size, hd)
        self.k = np.zeros(shape, dtype)
        self.v = np.zeros(shape, dtype)
        self.lengths = np.zeros(batch_size, dtype=np.int64)
        self.wqkv = [model.fused_weight(qkv_names(i)) for i in range(config.n_layer)]

    def rows(self, start, stop):
        """Rows start..stop-1 as a cache of their own: views, so what it writes lands here."""
        view = object.__new__(KVCache)
        view.k, view.v = self.k[:, start:stop], self.v[:, start:stop]
        view.lengths, view.wqkv = self.lengths[start:stop], self.wqkv
        return view

    @property
    def aligned(self):
        """Whether every row holds the same number of positions."""
        return bool((self.lengths == self.lengths[0]).all())

    @property
    def length(self):
        """The length every row shares; an error where the rows differ."""
        if not self.aligned:
            raise ValueError("the rows of this cache hold different lengths; read `lengths`")
        return int(self.lengths[0])

    @length.setter
    def length(self, value):
        self.lengths[...] = value

    def positions(self, t):
        """Where the next t tokens go: a slice where the rows share one length, else (B, t) per row."""
        if self.aligned:
            return slice(self.length, self.length + t)
        return self.lengths[:, None] + np.arange(t)

    def advance(self, t):
        self.lengths += t

    def attention(self, layer, at, n_head):
        """A block's attention for decoding: the next positions of each row, `at` (from positions()),
        join the cache and attend over it (inference only, so no backward and no cache)."""
        if isinstance(at, slice):
            start, end = at.start, at.stop

            def attend(qkv):
                q, k, v = K.split_qkv(qkv, n_head)
                self.k[layer, :, :, start:end] = k
                self.v[layer, :, :, start:end] = v
                return K.attention_cached_forward(q, self.k[layer, :, :, :end], self.v[layer, :, :, :end]), None
            return attend
        starts, t = self.lengths.copy(), at.shape[1]
        end, at = int(starts.max()) + t, (np.arange(len(starts))[:, None], at)  # at: (B, t) each

        def attend_rows(qkv):
            q, k, v = K.split_qkv(qkv, n_head)  # (B, H, t, hd) each
            self.k[layer][at[0], :, at[1]] = k.transpose(0, 2, 1, 3)  # indexed as (B, t, H, hd)
            self.v[layer][at[0], :, at[1]] = v.transpose(0, 2, 1, 3)
            mask = K.row_causal_mask(starts, t, end, np.dtype(q.dtype))
            return K.attention_cached_forward(q, self.k[layer, :, :, :end], self.v[layer, :, :, :end], mask), None
        return attend_rows
