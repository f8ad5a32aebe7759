"""The GPT: token and position embeddings, n_layer blocks (block.py), a norm and the language-model head.

    idx -> wte[idx] + wpe[pos] -> dropout
        -> n_layer x [ x + dropout(wo(attention(rmsnorm(x) @ wq, @ wk, @ wv)))
                       x + dropout(proj(act(rmsnorm(x) @ fc))) ]
        -> rmsnorm -> @ lm_head -> logits

Sizes live in config.py, the parameter buffer's layout in parameters.py, the KV cache in
decoding.py. Every weight is a view into `model.params` and every gradient into `model.grads`.
A LoRA adapter (lora.py), once attached, adds its deltas wherever a block multiplies by a weight.
"""

from functools import partial

import numpy as np

from . import kernels as K
from . import span_kernels as S
from .block import BlockWeights, block_backward, block_forward
from .decoding import KVCache
from .lora import Adaptable
from .parameters import parameter_shapes, qkv_names


def causal_attention(n_head, weights_out=None):
    """The GPT's attention kernel for a block. Given a list `weights_out`, each call also appends the
    softmax weights it computed, (B, H, T, T), to it."""
    if weights_out is None:
        return partial(K.attention_forward, n_head=n_head)

    def attend(qkv):
        out, cache = K.attention_forward(qkv, n_head)
        weights_out.append(K.attention_weights(cache))
        return out, cache
    return attend


class GPT(Adaptable):
    def __init__(self, config, dtype=np.float32):
        super().__init__(self.parameter_shapes(config), dtype)
        self.config = config

    parameter_shapes = staticmethod(parameter_shapes)  # a model of another kind lists its own

    def init_weights(self, rng):
        """GPT-2 style: N(0, 0.02), residual projections scaled by 1/sqrt(2 n_layer), gains 1."""
        for name, shape in self.shapes:
            if len(shape) == 1:
                self.p[name][...] = 1.0
            else:
                std = 0.02
                if name.endswith((".wo", ".proj")):
                    std /= np.sqrt(2 * self.config.n_layer)
                self.p[name][...] = rng.normal(0.0, std, size=shape)

    # --- what a block calls: its weights (x @ W with an adapter's deltas is Adaptable's) ----

    def block_weights(self, layer, wqkv=None):
        """Layer `layer`'s weights for block.py; wqkv, the fused [wq | wk | wv], where one is kept."""
        h, p = f"h{layer}.", self.p
        g = self.g if self.train_base else {}
        wqkv = self.fused_weight(qkv_names(layer)) if wqkv is None else wqkv
        return BlockWeights(layer, p[h + "ln1"], wqkv, p[h + "wo"], p[h + "ln2"], p[h + "fc"], p[h + "proj"],
                            g.get(h + "ln1"), g.get(h + "ln2"))

    def _blocks_backward(self, dx, layers, attention_backward):
        """The gradient of the first block's input from the last block's output's, or None where nothing
        below the lowest adapted layer trains; `layers` (each layer's weights and cache, as forward kept
        them) is emptied as it goes, so each layer's activations go once used."""
        activation_backward = K.ACTIVATIONS[self.config.activation][1]
        bottom = self._lowest_trained_layer
        for layer in reversed(range(bottom, self.config.n_layer)):
            w, cache = layers.pop()
            dx = block_backward(dx, w, cache, attention_backward, activation_backward, self._linear_backward,
                                need_input_grad=self.train_base or layer > bottom)
            if dx is None:
                return None
        return dx

    # --- training forward/backward --------------------------------------------------------

    def forward(self, idx, targets=None, rng=None, for_backward=True, attention_out=None):
        """idx (B, T) -> logits (B, T, V); with targets also the mean loss and the backward cache.

        idx may also be a packing.PackedDocs, documents side by side in rows: each position then
        takes its position within its document and attends only to its own document's earlier
        positions, so each document reads as it would in a row of its own.

        `rng` enables dropout (training); None means inference. With for_backward=False (or no
        targets) each layer's activations are dropped as soon as the next layer has them, so
        evaluation holds one layer's worth of memory, not the whole model's. A list
        `attention_out` receives each layer's attention weights (B, H, T, T), in layer order
        (ids only).
        """
        cfg, p = self.config, self.p
        drop = cfg.dropout if rng is not None else 0.0
        self._dropout_rng = rng
        activation = K.ACTIVATIONS[cfg.activation][0]
        if isinstance(idx, np.ndarray):
            x = K.embedding_forward(p["wte"], idx) + p["wpe"][:idx.shape[1]]
            attention = causal_attention(cfg.n_head, attention_out)
        else:
            x = K.embedding_forward(p["wte"], idx.ids) + K.embedding_forward(p["wpe"], idx.positions)
            bias = S.key_bias(idx.segments, "causal", dtype=x.dtype)
            attention = partial(S.attention_masked_forward, n_head=cfg.n_head, bias=bias)
        x, emb_mask = K.dropout_forward(x, drop, rng)
        layers, keep = [], for_backward and targets is not None
        for layer in range(cfg.n_layer):
            w = self.block_weights(layer)
            x, block_cache = block_forward(x, w, attention, activation, self._linear, drop, rng)
            if keep:
                layers.append((w, block_cache))
        xf, lnf_cache = K.rmsnorm_forward(x, p["lnf"])
        logits = K.matmul_forward(xf, p["lm_head"])
        if targets is None:
            return logits
        loss, ce_cache = K.softmax_cross_entropy_forward(logits, targets)
        cache = dict(idx=idx, emb_mask=emb_mask, layers=layers, xf=xf, lnf=lnf_cache, ce=ce_cache)
        return logits, loss, cache

    def backward(self, cache):
        """Writes d(loss)/d(params) into self.grads. Zero them first: each weight's gradient is
        written, not added, and rows no token reaches (positions beyond T) are not touched."""
        cfg, p, g = self.config, self.p, self.g
        dlogits = K.softmax_cross_entropy_backward(cache["ce"])
        dxf, _ = K.matmul_backward(dlogits, cache["xf"], p["lm_head"], self.train_base,
                                   dweight_out=g["lm_head"])
        dx, dlnf = K.rmsnorm_backward(dxf, p["lnf"], cache["lnf"])
        if self.train_base:
            g["lnf"][...] = dlnf
        idx = cache["idx"]
        packed = not isinstance(idx, np.ndarray)
        dx = self._blocks_backward(dx, cache["layers"], S.attention_masked_backward if packed else K.attention_backward)
        if dx is None:  # the lowest adapted layer over a frozen base: nothing below trains
            return
        dx = K.dropout_backward(dx, cache["emb_mask"])
        if self.train_base and packed:
            g["wte"][...] = K.embedding_backward(dx, idx.ids, cfg.vocab_size)
            g["wpe"][...] = K.embedding_backward(dx, idx.positions, cfg.block_size)
        elif self.train_base:
            g["wte"][...] = K.embedding_backward(dx, idx, cfg.vocab_size)
            dx.sum(axis=0, out=g["wpe"][: idx.shape[1]])

    def attention_weights(self, idx):
        """(n_layer, B, H, T, T): the softmax weights of every layer and head for idx (B, T), as
        the training kernel computes them in an inference pass (no dropout)."""
        weights = []
        self.forward(idx, attention_out=weights)
        return np.stack(weights)

    # --- incremental decoding -------------------------------------------------------------

    def new_kv_cache(self, batch_size):
        return KVCache(self, batch_size)

    def forward_cached(self, idx, kv):
        """Feeds idx (B, t) after the tokens each row of kv already holds; returns logits (B, t, V).

        Serves both the prompt (t = prompt length) and each new token (t = 1). The rows may hold
        different lengths (see KVCache); the caller keeps each row's length + t <= block_size.
        """
        cfg, p = self.config, self.p
        t = idx.shape[1]
        self._dropout_rng = None
        at = kv.positions(t)
        x = K.embedding_forward(p["wte"], idx) + p["wpe"][at]
        activation = K.ACTIVATIONS[cfg.activation][0]
        for layer in range(cfg.n_layer):
            w = self.block_weights(layer, kv.wqkv[layer])
            x, _ = block_forward(x, w, kv.attention(layer, at, cfg.n_head), activation, self._linear, 0.0, None)
        kv.advance(t)
        xf, _ = K.rmsnorm_forward(x, p["lnf"])
        return K.matmul_forward(xf, p["lm_head"])
