"""LoRA (Hu et al., 2021): each adapted weight acts as W + s * A @ B, with y = x @ W orientation.

A (d_in, r) starts random and B (r, d_out) at zero, so an adapter starts exactly at its base
model. Only A and B train; they live in a flat buffer of their own (and their gradients in a
second), like the model's, so the same optimizer and checkpoint code serve both. A model
(an `Adaptable`) takes an adapter with `attach_adapter`; its `_linear` then calls `add_deltas`
after each matmul and `_linear_backward` calls `backward_deltas`; `merge_into` folds an adapter
into its base for good.
"""

import copy
import math
from dataclasses import asdict, dataclass

import numpy as np

from . import kernels as K
from .errors import MgptError
from .parameters import FlatParameters, parameter_shapes
from .options import flag

TARGETS = {"q": "wq", "k": "wk", "v": "wv", "o": "wo", "fc": "fc", "proj": "proj"}
DEFAULT_TARGETS = ("q", "v")


@dataclass
class LoraConfig:
    rank: int = 8
    alpha: float = 16.0
    targets: tuple = DEFAULT_TARGETS
    layers: tuple = ()
    dropout: float = 0.0
    rslora: bool = False

    @property
    def scaling(self):
        """alpha / r as in the paper, or alpha / sqrt(r) with rsLoRA (Kalajdzievski, 2023)."""
        return self.alpha / (math.sqrt(self.rank) if self.rslora else self.rank)

    @property
    def scaling_rule(self):
        return "alpha/sqrt(rank)" if self.rslora else "alpha/rank"

    def to_dict(self):
        d = asdict(self)
        d["targets"], d["layers"] = list(self.targets), list(self.layers)
        return d

    @classmethod
    def from_dict(cls, d):
        return cls(rank=int(d["rank"]), alpha=float(d["alpha"]), targets=tuple(d["targets"]),
                   layers=tuple(int(i) for i in d["layers"]), dropout=float(d.get("dropout", 0.0)),
                   rslora=bool(d.get("rslora", False)))


def validate(lora_config, model_config):
    """Checks targets, layers and rank against the base model; fills in 'all layers'."""
    unknown = [t for t in lora_config.targets if t not in TARGETS]
    if unknown or not lora_config.targets:
        raise MgptError(f"unknown LoRA target(s) {', '.join(unknown) or '(none)'}; choose from "
                        f"{','.join(TARGETS)}")
    layers = lora_config.layers or tuple(range(model_config.n_layer))
    bad = [i for i in layers if not 0 <= i < model_config.n_layer]
    if bad:
        raise MgptError(f"layer index {bad[0]} out of range: the base model has {model_config.n_layer} "
                        f"layer(s), 0..{model_config.n_layer - 1}")
    max_rank = min(min(weight_shape(model_config, TARGETS[t])) for t in lora_config.targets)
    if lora_config.rank <= 0 or lora_config.rank > max_rank:
        raise MgptError(f"{flag('rank')} must be between 1 and {max_rank} (the smallest side of the adapted "
                        f"matrices), got {lora_config.rank}")
    if lora_config.alpha <= 0:
        raise MgptError(f"{flag('alpha')} must be positive, got {lora_config.alpha}")
    if not 0 <= lora_config.dropout < 1:
        raise MgptError(f"{flag('lora_dropout')} must be in [0, 1), got {lora_config.dropout}")
    return LoraConfig(lora_config.rank, lora_config.alpha, tuple(dict.fromkeys(lora_config.targets)),
                      tuple(sorted(set(layers))), lora_config.dropout, lora_config.rslora)


def weight_shape(model_config, weight):
    """(d_in, d_out) of a block weight such as 'wq' or 'fc' (the same in every layer)."""
    return dict(parameter_shapes(model_config, layers=1))[f"h0.{weight}"]


def adapter_shapes(lora_config, model_config):
    """(name, shape) in buffer order: h{layer}.{weight}.A (d_in, r) then .B (r, d_out)."""
    r = lora_config.rank
    shapes = []
    for layer in lora_config.layers:
        for target in lora_config.targets:
            weight = TARGETS[target]
            d_in, d_out = weight_shape(model_config, weight)
            shapes += [(f"h{layer}.{weight}.A", (d_in, r)), (f"h{layer}.{weight}.B", (r, d_out))]
    return shapes


class Adapter(FlatParameters):
    """A and B for each adapted weight; a model takes it with `model.attach_adapter`."""

    def __init__(self, lora_config, model_config, dtype=np.float32):
        super().__init__(adapter_shapes(lora_config, model_config), dtype)
        self.config, self.model_config = lora_config, model_config
        self.adapted = {name[:-2] for name, _ in self.shapes}  # "h0.wq", ...
        self.widths = {w: weight_shape(model_config, w)[1] for w in TARGETS.values()}
        self._cache = {}

    def replica(self):
        twin = super().replica()
        twin._cache = {}  # what a forward pass keeps for its backward is the replica's own
        return twin

    @property
    def scale(self):
        """s, the factor on A @ B: alpha / rank (or / sqrt(rank) with rsLoRA)."""
        return self.config.scaling

    @property
    def lowest_layer(self):
        """Where a backward pass over a frozen base can end: nothing below it trains."""
        return min(self.config.layers)

    def init_weights(self, rng):
        """A ~ N(0, 1/d_in) so x @ A keeps x's scale; B = 0 so the delta starts at zero."""
        for name, shape in self.shapes:
            if name.endswith(".A"):
                self.p[name][...] = rng.normal(0.0, 1.0 / math.sqrt(shape[0]), size=shape)
            else:
                self.p[name][...] = 0.0

    def delta(self, name, weight=1.0):
        """weight * s * A @ B in float64, the change to the base weight `name`."""
        A = self.p[name + ".A"].astype(np.float64)
        B = self.p[name + ".B"].astype(np.float64)
        return (self.scale * weight) * (A @ B)

    def add_deltas(self, names, x, y, rng=None, weight=1.0):
        """y[..., columns of name] += weight * s * dropout(x) @ A @ B for each adapted name, in place.

        rng draws the LoRA dropout masks (training); None means inference.
        """
        scale, col = self.scale * weight, 0
        for name in names:
            width = self.widths[name.split(".")[1]]
            if name in self.adapted:
                xd, mask = K.dropout_forward(x, self.config.dropout, rng)
                xa = K.matmul_forward(xd, self.p[name + ".A"])
                xa *= scale  # on the (N, r) product, not on the (N, d_out) delta
                y[..., col:col + width] += K.matmul_forward(xa, self.p[name + ".B"])
                self._cache[name] = (xd, xa, mask)
            col += width

    def backward_deltas(self, names, x, dout, need_input_grad=True):
        """Accumulates dA, dB; returns the extra gradient the deltas send back to x (or None)."""
        dx, col = None, 0
        for name in names:
            width = self.widths[name.split(".")[1]]
            if name in self.adapted:
                xd, xa, mask = self._cache.pop(name)  # xa is scaled: s * dropout(x) @ A
                d = dout[..., col:col + width]  # a view; the scale goes on the small (N, r) side
                A, B = self.p[name + ".A"], self.p[name + ".B"]
                dxa, dB = K.matmul_backward(d, xa, B)
                self.g[name + ".B"] += dB
                dxa *= self.scale
                dxd, dA = K.matmul_backward(dxa, xd, A, need_input_grad=need_input_grad)
                self.g[name + ".A"] += dA
                if dxd is not None:  # None at the lowest adapted layer: nothing below needs it
                    dxd = K.dropout_backward(dxd, mask)
                    if dx is None:
                        dx = dxd
                    else:
                        dx += dxd
            col += width
        return dx

    def merge_into(self, model, weight=1.0):
        """Folds weight x every delta into the base weights (float64 sum, stored float32)."""
        for name in sorted(self.adapted):
            merged = model.p[name].astype(np.float64) + self.delta(name, weight)
            model.p[name][...] = merged.astype(np.float32)


class AdapterStack:
    """Several adapters applied at run time (`--adapter a.npz --adapter b.npz:0.5`): deltas add.

    Inference only; each adapter's delta is scaled by its weight.
    """

    def __init__(self, adapters, weights):
        self.adapters, self.weights = adapters, weights

    @property
    def lowest_layer(self):
        return min(adapter.lowest_layer for adapter in self.adapters)

    def add_deltas(self, names, x, y, rng=None):
        for adapter, weight in zip(self.adapters, self.weights):
            adapter.add_deltas(names, x, y, weight=weight)


class RowAdapters:
    """Adapters picked per row of a batch (a server's requests, each with its own `model`):
    row i of the next pass gets adapter rows[i]'s weighted delta, none where rows[i] is -1.

    Inference only. The rows of one adapter are gathered, take its delta as a batch of their
    own and go back, so each row gets exactly its own adapter's arithmetic, whatever its
    neighbours use, and rows of different adapters share the base's matmuls.
    """

    def __init__(self, adapters, weights):
        self.adapters, self.weights = adapters, weights
        self.rows = None  # (B,) the adapter index of each row of the next pass; set by the caller

    @property
    def lowest_layer(self):
        return min(adapter.lowest_layer for adapter in self.adapters)

    def add_deltas(self, names, x, y, rng=None):
        """y[i] += the delta of row i's adapter, for x and y (B, t, ·)."""
        for index, (adapter, weight) in enumerate(zip(self.adapters, self.weights)):
            if adapter.adapted.isdisjoint(names):
                continue
            picked = np.flatnonzero(self.rows == index)
            if picked.size == len(self.rows):
                adapter.add_deltas(names, x, y, weight=weight)
            elif picked.size:
                part = y[picked]
                adapter.add_deltas(names, x[picked], part, weight=weight)
                y[picked] = part


class Adaptable(FlatParameters):
    """Weights an adapter can be attached to (the GPT and the span reader): `_linear` is x @ W plus the
    attached adapter's deltas on the weights named, `_linear_backward` its gradient, written by name."""

    def __init__(self, shapes, dtype):
        super().__init__(shapes, dtype)
        self._adapter = None
        self._train_base = True
        self._lowest_trained_layer = 0  # where backward ends: the base's weights below do not train
        self._dropout_rng = None  # the rng of the forward pass under way (training only)

    def replica(self):
        """Shared weights, gradients of its own (a frozen base writes none: it shares its buffer),
        and a replica of the attached adapter where one trains (an adapter stack only reads)."""
        twin = super().replica() if self._train_base else copy.copy(self)
        if isinstance(self._adapter, Adapter):
            twin._adapter = self._adapter.replica()
        return twin

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

