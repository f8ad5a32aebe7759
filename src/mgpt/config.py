"""A GPT's sizes (GPTConfig) and the named presets `train --preset` offers."""

from dataclasses import asdict, dataclass, fields

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
