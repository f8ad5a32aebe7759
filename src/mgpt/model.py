"""The GPT: config, presets, named views into one flat parameter buffer, forward and backward.

    idx -> wte[idx] + wpe[pos] -> dropout
        -> n_layer x [ x + dropout(wo(attention(rmsnorm(x) @ wq, @ wk, @ wv)))
                       x + dropout(proj(act(rmsnorm(x) @ fc))) ]
        -> rmsnorm -> @ lm_head -> logits

Every weight is a view into `model.params` (one contiguous array) and every gradient a view
into `model.grads`, so the optimizer, checkpoints and gradient all-reduce see one array each.
"""

from dataclasses import asdict, dataclass, fields
from typing import NamedTuple

import numpy as np

from . import kernels as K
from .errors import MgptError

PRESETS = {
    # microgpt's size
    "micro": dict(n_layer=1, n_head=4, n_embd=16, block_size=16),
    # nanoGPT's CPU "baby GPT" for shakespeare_char
    "baby": dict(n_layer=4, n_head=4, n_embd=128, block_size=64),
    # nanoGPT's shakespeare_char GPU model
    "small": dict(n_layer=6, n_head=6, n_embd=384, block_size=256),
}
DEFAULT_PRESET = "baby"
BLOCK_WEIGHTS = ("ln1", "wq", "wk", "wv", "wo", "ln2", "fc", "proj")


@dataclass
class GPTConfig:
    vocab_size: int
    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 128
    block_size: int = 64
    activation: str = "relu"
    dropout: float = 0.0

    def __post_init__(self):
        for name in ("vocab_size", "n_layer", "n_head", "n_embd", "block_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or value <= 0:
                raise MgptError(f"{name} must be a positive integer, got {value!r}")
        if self.n_embd % self.n_head:
            raise MgptError(
                f"n_embd ({self.n_embd}) must be divisible by n_head ({self.n_head}); "
                "pick sizes such as --n-embd 128 --n-head 4"
            )
        if self.activation not in K.ACTIVATIONS:
            raise MgptError(f"activation must be one of {sorted(K.ACTIVATIONS)}, got {self.activation!r}")
        if not 0.0 <= self.dropout < 1.0:
            raise MgptError(f"dropout must be in [0, 1), got {self.dropout}")

    @classmethod
    def from_preset(cls, preset, vocab_size, **sizes):
        """The sizes of PRESETS[preset], with each of `sizes` that is not None over them."""
        chosen = dict(PRESETS[preset])
        chosen.update({k: v for k, v in sizes.items() if v is not None})
        return cls(vocab_size=vocab_size, **chosen)

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, d):
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


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

    @property
    def num_params(self):
        return self.params.size

    def decay_mask(self):
        """True over matrices (weight decay applies), False over vectors (the norms' gains)."""
        mask = np.zeros(self.params.shape, dtype=bool)
        for name, view in flat_views(mask, self.shapes).items():
            view[...] = view.ndim == 2
        return mask


# --- a block: two residual branches, x + dropout(W_out(mix(W_in(rmsnorm(x))))) ------------

class Branch(NamedTuple):
    """One residual branch of a block, with the weights of one layer."""
    gain: np.ndarray  # the rmsnorm's gain
    dgain: np.ndarray  # its gradient, or None where the base is frozen
    w_in: np.ndarray  # the input weight: the fused [wq | wk | wv] for attention
    names_in: tuple  # the weights w_in is made of (an adapter adds its deltas by name)
    mix: tuple  # (forward, backward) kernel pair: attention, or the MLP's activation
    w_out: np.ndarray
    name_out: str


def qkv_names(layer):
    """The weights the fused attention input is made of, in column order."""
    return (f"h{layer}.wq", f"h{layer}.wk", f"h{layer}.wv")


def attention_pair(n_head, weights_out=None):
    """Causal self-attention as a branch's mix: (forward, backward). Given a list `weights_out`,
    each forward call also appends the softmax weights it computed, (B, H, T, T), to it."""
    def forward(qkv):
        out, cache = K.attention_forward(qkv, n_head)
        if weights_out is not None:
            weights_out.append(K.attention_weights(cache))
        return out, cache
    return forward, K.attention_backward


def block_forward(x, branches, linear, drop, rng):
    """x (B, T, C) through each branch in turn; returns the block's output and the branches'
    caches. linear(x, weight, *names) is the model's x @ W (plus an adapter's deltas)."""
    caches = []
    for b in branches:
        normed, norm_cache = K.rmsnorm_forward(x, b.gain)
        mixed, mix_cache = b.mix[0](linear(normed, b.w_in, *b.names_in))
        out, mask = K.dropout_forward(linear(mixed, b.w_out, b.name_out), drop, rng)
        x = K.residual_forward(x, out)
        caches.append((norm_cache, mix_cache, mixed, mask))  # the norm's output is recomputed in backward
    return x, caches


def block_backward(dx, branches, caches, linear_backward, need_input_grad=True):
    """The gradient of the block's input from its output's, or None when need_input_grad is
    false (nothing below this block trains); the gains' gradients go to each branch's dgain."""
    for i in reversed(range(len(branches))):
        b, (norm_cache, mix_cache, mixed, mask) = branches[i], caches[i]
        dx, dout = K.residual_backward(dx)
        dout = K.dropout_backward(dout, mask)
        dmixed = linear_backward(dout, mixed, b.w_out, b.name_out)
        normed = K.rmsnorm_output(b.gain, norm_cache)
        dnormed = linear_backward(b.mix[1](dmixed, mix_cache), normed, b.w_in, *b.names_in,
                                  need_input_grad=need_input_grad or i > 0)
        if dnormed is None:
            return None
        dx_norm, dgain = K.rmsnorm_backward(dnormed, b.gain, norm_cache)
        dx = dx + dx_norm
        if b.dgain is not None:
            b.dgain[...] = dgain
    return dx


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
        """A branch's mix for decoding: the next positions of each row, `at` (from positions()),
        join the cache and attend over it (inference only, so no backward)."""
        if isinstance(at, slice):
            start, end = at.start, at.stop

            def attend(qkv):
                q, k, v = K.split_qkv(qkv, n_head)
                self.k[layer, :, :, start:end] = k
                self.v[layer, :, :, start:end] = v
                return K.attention_cached_forward(q, self.k[layer, :, :, :end], self.v[layer, :, :, :end]), None
            return attend, None
        starts, t = self.lengths.copy(), at.shape[1]
        end, at = int(starts.max()) + t, (np.arange(len(starts))[:, None], at)  # at: (B, t) each

        def attend_rows(qkv):
            q, k, v = K.split_qkv(qkv, n_head)  # (B, H, t, hd) each
            self.k[layer][at[0], :, at[1]] = k.transpose(0, 2, 1, 3)  # indexed as (B, t, H, hd)
            self.v[layer][at[0], :, at[1]] = v.transpose(0, 2, 1, 3)
            mask = K.row_causal_mask(starts, t, end, np.dtype(q.dtype))
            return K.attention_cached_forward(q, self.k[layer, :, :, :end], self.v[layer, :, :, :end], mask), None
        return attend_rows, None


class GPT(FlatParameters):
    def __init__(self, config, dtype=np.float32):
        super().__init__(self.parameter_shapes(config), dtype)
        self.config = config
        self._adapter = None
        self._train_base = True
        self._lowest_trained_layer = 0  # where backward ends: the base's weights below do not train
        self._dropout_rng = None  # the rng of the forward pass under way (training only)

    parameter_shapes = staticmethod(parameter_shapes)  # a model of another kind lists its own

    @property
    def adapter(self):
        return self._adapter

    @property
    def train_base(self):
        return self._train_base

    def attach_adapter(self, adapter, train_base=False):
        """Adds `adapter`'s deltas (lora.Adapter or AdapterStack) to every pass from now on; None
        takes it off. With train_base False the base is frozen: backward fills only the adapter's
        gradients, and ends at its lowest adapted layer."""
        self._adapter = adapter
        self._train_base = train_base or adapter is None
        self._lowest_trained_layer = 0 if self._train_base else adapter.lowest_layer

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

    # --- training forward/backward --------------------------------------------------------

    def fused_weight(self, names):
        """[W1 | W2 | ...] for weights that read the same input (wq, wk, wv): one matmul for all.

        A copy: callers keep it for as long as the weights stay unchanged (a step, a generation).
        """
        if len(names) == 1:
            return self.p[names[0]]
        return np.concatenate([self.p[name] for name in names], axis=1)

    def _linear(self, x, weight, *names):
        y = K.matmul_forward(x, weight)
        if self.adapter is not None:
            self.adapter.add_deltas(names, x, y, self._dropout_rng)
        return y

    def _linear_backward(self, dout, x, weight, *names, need_input_grad=True):
        """Writes the weights' gradients into self.g (each is written once a backward pass)."""
        single = self.g[names[0]] if len(names) == 1 else None
        dx, dweight = K.matmul_backward(dout, x, weight, self.train_base, need_input_grad, dweight_out=single)
        if dweight is not None and single is None:
            col = 0
            for name in names:
                width = self.p[name].shape[1]
                self.g[name][...] = dweight[:, col:col + width]
                col += width
        if self.adapter is not None:
            extra = self.adapter.backward_deltas(names, x, dout, need_input_grad)
            if extra is not None:
                dx += extra
        return dx

    def _block(self, layer, wqkv, attention):
        """Layer `layer`'s branches, in order: attention (with `attention` as its mix), then the MLP."""
        h, p = f"h{layer}.", self.p
        g = self.g if self.train_base else {}
        return (Branch(p[h + "ln1"], g.get(h + "ln1"), wqkv, qkv_names(layer), attention, p[h + "wo"], h + "wo"),
                Branch(p[h + "ln2"], g.get(h + "ln2"), p[h + "fc"], (h + "fc",), K.ACTIVATIONS[self.config.activation],
                       p[h + "proj"], h + "proj"))

    def _blocks_forward(self, x, attention, drop, rng, keep):
        """x through every block; returns x and, with keep, each layer's (wqkv, caches) for backward."""
        layers = []
        for layer in range(self.config.n_layer):
            wqkv = self.fused_weight(qkv_names(layer))
            x, caches = block_forward(x, self._block(layer, wqkv, attention), self._linear, drop, rng)
            if keep:
                layers.append((wqkv, caches))
        return x, layers

    def _blocks_backward(self, dx, layers, attention):
        """The gradient of the first block's input, or None where nothing below the lowest adapted
        layer trains; `layers` is emptied as it goes, so each layer's activations go once used."""
        bottom = self._lowest_trained_layer
        for layer in reversed(range(bottom, self.config.n_layer)):
            wqkv, caches = layers.pop()
            dx = block_backward(dx, self._block(layer, wqkv, attention), caches, self._linear_backward,
                                need_input_grad=self.train_base or layer > bottom)
            if dx is None:
                return None
        return dx

    def forward(self, idx, targets=None, rng=None, for_backward=True, attention_out=None):
        """idx (B, T) -> logits (B, T, V); with targets also the mean loss and the backward cache.

        `rng` enables dropout (training); None means inference. With for_backward=False (or no
        targets) each layer's activations are dropped as soon as the next layer has them, so
        evaluation holds one layer's worth of memory, not the whole model's. A list
        `attention_out` receives each layer's attention weights (B, H, T, T), in layer order.
        """
        cfg, p = self.config, self.p
        B, T = idx.shape
        drop = cfg.dropout if rng is not None else 0.0
        self._dropout_rng = rng
        x = K.embedding_forward(p["wte"], idx) + p["wpe"][:T]
        x, emb_mask = K.dropout_forward(x, drop, rng)
        x, layers = self._blocks_forward(x, attention_pair(cfg.n_head, attention_out), drop, rng,
                                         keep=for_backward and targets is not None)
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
        dx = self._blocks_backward(dx, cache["layers"], attention_pair(cfg.n_head))
        if dx is None:  # the lowest adapted layer over a frozen base: nothing below trains
            return
        dx = K.dropout_backward(dx, cache["emb_mask"])
        if self.train_base:
            idx = cache["idx"]
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
        for layer in range(cfg.n_layer):
            branches = self._block(layer, kv.wqkv[layer], kv.attention(layer, at, cfg.n_head))
            x, _ = block_forward(x, branches, self._linear, 0.0, None)
        kv.advance(t)
        xf, _ = K.rmsnorm_forward(x, p["lnf"])
        return K.matmul_forward(xf, p["lm_head"])
