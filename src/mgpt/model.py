"""The GPT: config, presets, named views into one flat parameter buffer, forward and backward.

    idx -> wte[idx] + wpe[pos] -> dropout
        -> n_layer x [ x + dropout(wo(attention(rmsnorm(x) @ wq, @ wk, @ wv)))
                       x + dropout(proj(act(rmsnorm(x) @ fc))) ]
        -> rmsnorm -> @ lm_head -> logits

Every weight is a view into `model.params` (one contiguous array) and every gradient a view
into `model.grads`, so the optimizer, checkpoints and gradient all-reduce see one array each.
"""

from dataclasses import asdict, dataclass, fields

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

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, d):
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


def parameter_shapes(config):
    """(name, shape) in buffer order; weights are (in, out) so that y = x @ W."""
    C, V = config.n_embd, config.vocab_size
    shapes = [("wte", (V, C)), ("wpe", (config.block_size, C))]
    for layer in range(config.n_layer):
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


class KVCache:
    """Keys and values of every layer for incremental decoding: (B, H, block_size, hd) each.

    Also holds each layer's fused [wq | wk | wv], built once: weights do not change while decoding.
    """

    def __init__(self, model, batch_size):
        config, dtype = model.config, model.params.dtype
        hd = config.n_embd // config.n_head
        shape = (config.n_layer, batch_size, config.n_head, config.block_size, hd)
        self.k = np.zeros(shape, dtype)
        self.v = np.zeros(shape, dtype)
        self.length = 0
        self.wqkv = [model.fused_weight((f"h{i}.wq", f"h{i}.wk", f"h{i}.wv")) for i in range(config.n_layer)]


class GPT:
    def __init__(self, config, dtype=np.float32):
        self.config = config
        self.shapes = parameter_shapes(config)
        size = sum(int(np.prod(s)) for _, s in self.shapes)
        self.params = np.zeros(size, dtype)
        self.grads = np.zeros(size, dtype)
        self.p = flat_views(self.params, self.shapes)
        self.g = flat_views(self.grads, self.shapes)
        self.train_base = True  # False when only an adapter trains (LoRA)
        self.adapter = None
        self._dropout_rng = None  # the rng of the forward pass under way (training only)

    @property
    def num_params(self):
        return self.params.size

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

    def decay_mask(self):
        """True over matrices (weight decay applies), False over the norms' gains."""
        mask = np.zeros(self.params.shape, dtype=bool)
        for name, view in flat_views(mask, self.shapes).items():
            view[...] = view.ndim == 2
        return mask

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
        dx, dweight = K.matmul_backward(dout, x, weight, self.train_base, need_input_grad)
        if dweight is not None:
            col = 0
            for name in names:
                width = self.p[name].shape[1]
                self.g[name] += dweight[:, col:col + width]
                col += width
        if self.adapter is not None:
            extra = self.adapter.backward_deltas(names, x, dout, need_input_grad)
            if extra is not None:
                dx += extra
        return dx

    def forward(self, idx, targets=None, rng=None, for_backward=True):
        """idx (B, T) -> logits (B, T, V); with targets also the mean loss and the backward cache.

        `rng` enables dropout (training); None means inference. With for_backward=False (or no
        targets) each layer's activations are dropped as soon as the next layer has them, so
        evaluation holds one layer's worth of memory, not the whole model's.
        """
        cfg, p = self.config, self.p
        B, T = idx.shape
        act_forward = K.ACTIVATIONS[cfg.activation][0]
        drop = cfg.dropout if rng is not None else 0.0
        self._dropout_rng = rng
        x = K.embedding_forward(p["wte"], idx) + p["wpe"][:T]
        x, emb_mask = K.dropout_forward(x, drop, rng)
        layers = []
        for layer in range(cfg.n_layer):
            h = f"h{layer}."
            c = {}
            qkv_names = (h + "wq", h + "wk", h + "wv")
            c["wqkv"] = self.fused_weight(qkv_names)
            a_in, c["ln1"] = K.rmsnorm_forward(x, p[h + "ln1"])
            qkv = self._linear(a_in, c["wqkv"], *qkv_names)
            att, c["att"] = K.attention_forward(qkv, cfg.n_head)
            del qkv
            a_out, c["drop1"] = K.dropout_forward(self._linear(att, p[h + "wo"], h + "wo"), drop, rng)
            x = K.residual_forward(x, a_out)
            m_in, c["ln2"] = K.rmsnorm_forward(x, p[h + "ln2"])
            hidden, c["act"] = act_forward(self._linear(m_in, p[h + "fc"], h + "fc"))
            m_out, c["drop2"] = K.dropout_forward(self._linear(hidden, p[h + "proj"], h + "proj"), drop, rng)
            x = K.residual_forward(x, m_out)
            c.update(att_out=att, hidden=hidden)  # the norms' outputs are recomputed in backward
            if for_backward and targets is not None:
                layers.append(c)
        xf, lnf_cache = K.rmsnorm_forward(x, p["lnf"])
        logits = K.matmul_forward(xf, p["lm_head"])
        if targets is None:
            return logits
        loss, ce_cache = K.softmax_cross_entropy_forward(logits, targets)
        cache = dict(idx=idx, emb_mask=emb_mask, layers=layers, xf=xf, lnf=lnf_cache, ce=ce_cache)
        return logits, loss, cache

    def backward(self, cache):
        """Accumulates d(loss)/d(params) into self.grads (zero them first)."""
        cfg, p, g = self.config, self.p, self.g
        act_backward = K.ACTIVATIONS[cfg.activation][1]
        dlogits = K.softmax_cross_entropy_backward(cache["ce"])
        dxf, dlm_head = K.matmul_backward(dlogits, cache["xf"], p["lm_head"], self.train_base)
        dx, dlnf = K.rmsnorm_backward(dxf, p["lnf"], cache["lnf"])
        if self.train_base:
            g["lm_head"] += dlm_head
            g["lnf"] += dlnf
        layers = cache["layers"]
        # under LoRA nothing below the lowest adapted layer trains: the backward pass ends there
        bottom = 0 if self.train_base else min(self.adapter.config.layers)
        for layer in reversed(range(bottom, cfg.n_layer)):
            h, c = f"h{layer}.", layers.pop()  # each layer's activations go as soon as they are used
            dx, dm_out = K.residual_backward(dx)
            dm_out = K.dropout_backward(dm_out, c["drop2"])
            dhidden = self._linear_backward(dm_out, c["hidden"], p[h + "proj"], h + "proj")
            dfc = act_backward(dhidden, c["act"])
            m_in = K.rmsnorm_output(p[h + "ln2"], c["ln2"])
            dm_in = self._linear_backward(dfc, m_in, p[h + "fc"], h + "fc")
            dx_ln2, dln2 = K.rmsnorm_backward(dm_in, p[h + "ln2"], c["ln2"])
            dx = dx + dx_ln2
            dx, da_out = K.residual_backward(dx)
            da_out = K.dropout_backward(da_out, c["drop1"])
            datt = self._linear_backward(da_out, c["att_out"], p[h + "wo"], h + "wo")
            dqkv = K.attention_backward(datt, c["att"])
            a_in = K.rmsnorm_output(p[h + "ln1"], c["ln1"])
            da_in = self._linear_backward(dqkv, a_in, c["wqkv"], h + "wq", h + "wk", h + "wv",
                                          need_input_grad=self.train_base or layer > bottom)
            if da_in is None:
                return
            dx_ln1, dln1 = K.rmsnorm_backward(da_in, p[h + "ln1"], c["ln1"])
            dx = dx + dx_ln1
            if self.train_base:
                g[h + "ln2"] += dln2
                g[h + "ln1"] += dln1
        dx = K.dropout_backward(dx, cache["emb_mask"])
        if self.train_base:
            idx = cache["idx"]
            g["wte"] += K.embedding_backward(dx, idx, cfg.vocab_size)
            g["wpe"][: idx.shape[1]] += dx.sum(axis=0)

    # --- incremental decoding -------------------------------------------------------------

    def new_kv_cache(self, batch_size):
        return KVCache(self, batch_size)

    def forward_cached(self, idx, kv):
        """Feeds idx (B, t) after the kv.length tokens already cached; returns logits (B, t, V).

        Serves both the prompt (t = prompt length) and each new token (t = 1); the caller keeps
        kv.length + t <= block_size.
        """
        cfg, p = self.config, self.p
        B, t = idx.shape
        start, end = kv.length, kv.length + t
        self._dropout_rng = None
        x = K.embedding_forward(p["wte"], idx) + p["wpe"][start:end]
        act_forward = K.ACTIVATIONS[cfg.activation][0]
        for layer in range(cfg.n_layer):
            h = f"h{layer}."
            a_in, _ = K.rmsnorm_forward(x, p[h + "ln1"])
            qkv = self._linear(a_in, kv.wqkv[layer], h + "wq", h + "wk", h + "wv")
            q, k, v = K.split_qkv(qkv, cfg.n_head)
            kv.k[layer, :, :, start:end] = k
            kv.v[layer, :, :, start:end] = v
            att = K.attention_cached_forward(q, kv.k[layer, :, :, :end], kv.v[layer, :, :, :end])
            x = x + self._linear(att, p[h + "wo"], h + "wo")
            m_in, _ = K.rmsnorm_forward(x, p[h + "ln2"])
            hidden, _ = act_forward(self._linear(m_in, p[h + "fc"], h + "fc"))
            x = x + self._linear(hidden, p[h + "proj"], h + "proj")
        kv.length = end
        xf, _ = K.rmsnorm_forward(x, p["lnf"])
        return K.matmul_forward(xf, p["lm_head"])
