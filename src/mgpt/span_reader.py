"""The span reader: a second kind of model, made of the GPT's kernels and blocks, that points.

    (question, chunk) -> wte[ids] + wpe[pos] + wtype[types]          pairs packed in rows
        -> n_layer x block, attention over the whole pair (span_kernels.key_bias: both, split, causal)
        -> rmsnorm -> @ span (C, 2) -> start and end scores per character

A pair is [BOS] question [BOS] chunk; training packs several side by side in a row of the
block's width (pairs.make_batch), each seeing only itself, with its own positions from 0, so a
batch pays for characters, not padding. A pair's first position is its null: its start and end
scores are the pair's "the answer is not here". `types` say what each character is (question, chunk,
separator) and, for a chunk's characters, whether their word occurs in the question (DrQA's
exact-match feature, Chen et al. 2017): see pairs.py. The pairs read for one question share one
softmax (span_kernels.span_loss_forward), so spans compare
across chunks and against the nulls.

The blocks, the flat parameter buffer, LoRA and the optimizer are the GPT's (model.py); only the
embedding of types, the attention's mask and the head are the reader's own.
"""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from . import kernels as K
from . import span_kernels as S
from .errors import MgptError
from .model import GPT, GPTConfig, parameter_shapes as gpt_shapes

READER_PRESET = dict(n_layer=4, n_head=4, n_embd=128, block_size=320)  # `train --kind span-reader`'s sizes
N_TYPES = 6  # see pairs.py: separator, question, question word in the chunk, chunk, chunk word in the question (exact, prefix)


@dataclass
class SpanReaderConfig(GPTConfig):
    attention: str = "both"  # span_kernels.ATTENTIONS: both ways, heads split by direction, or left to right
    match_features: bool = True  # types mark chunk words that occur in the question

    def __post_init__(self):
        super().__post_init__()
        if self.attention not in S.ATTENTIONS:
            raise MgptError(f"attention must be one of {', '.join(S.ATTENTIONS)}, got {self.attention!r}")
        if self.attention == "split" and self.n_head < 2:
            raise MgptError("split attention needs at least two heads: half look left, half right")
        self.match_features = bool(self.match_features)


def parameter_shapes(config, layers=None):
    """The GPT's embeddings and blocks, a table for the character types, and the span head in
    place of the language-model head."""
    C = config.n_embd
    shapes = [s for s in gpt_shapes(config, layers) if s[0] != "lm_head"]
    return shapes[:2] + [("wtype", (N_TYPES, C))] + shapes[2:] + [("span", (C, 2))]


class PairBatch(NamedTuple):
    """Pairs packed in rows, per position (R, T): ids, types, the position within its pair, and
    segments (which pair of the row it belongs to, -1 for padding); places: (row, offset) of each
    pair, in the order given."""
    ids: np.ndarray
    types: np.ndarray
    positions: np.ndarray
    segments: np.ndarray
    places: list


class SpanTargets(NamedTuple):
    """Per position (R, T) bool: where a start and an end may be (a chunk's word edges and the
    pairs' nulls), and where the answer starts and ends (the nulls when no chunk holds it); per
    position int: the question it reads for (-1 for padding)."""
    may_start: np.ndarray
    may_end: np.ndarray
    start: np.ndarray
    end: np.ndarray
    question: np.ndarray
    questions: int  # what the loss is a mean over


def masked_attention_pair(n_head, bias):
    """Attention over the pair as a branch's mix: (forward, backward)."""
    return (lambda qkv: S.attention_masked_forward(qkv, n_head, bias)), S.attention_masked_backward


class SpanReader(GPT):
    parameter_shapes = staticmethod(parameter_shapes)

    def forward(self, batch, targets=None, rng=None, for_backward=True):
        """batch (a PairBatch) -> scores (R, T, 2), start and end; with targets (SpanTargets) also
        the loss, the mean of the start and end span losses, and the backward cache."""
        cfg, p = self.config, self.p
        drop = cfg.dropout if rng is not None else 0.0
        self._dropout_rng = rng
        x = (K.embedding_forward(p["wte"], batch.ids) + K.embedding_forward(p["wpe"], batch.positions)
             + K.embedding_forward(p["wtype"], batch.types))
        x, emb_mask = K.dropout_forward(x, drop, rng)
        bias = S.key_bias(batch.segments, cfg.attention, cfg.n_head, x.dtype)
        x, layers = self._blocks_forward(x, masked_attention_pair(cfg.n_head, bias), drop, rng,
                                         keep=for_backward and targets is not None)
        xf, lnf_cache = K.rmsnorm_forward(x, p["lnf"])
        scores = K.matmul_forward(xf, p["span"])
        if targets is None:
            return scores
        question = targets.question.reshape(-1)
        losses = [S.span_loss_forward(scores[..., side].reshape(-1), allowed.reshape(-1), target.reshape(-1),
                                      question, targets.questions)
                  for side, (allowed, target) in enumerate(((targets.may_start, targets.start),
                                                            (targets.may_end, targets.end)))]
        loss = 0.5 * (losses[0][0] + losses[1][0])
        cache = dict(batch=batch, emb_mask=emb_mask, layers=layers, bias=bias, xf=xf, lnf=lnf_cache,
                     losses=[c for _, c in losses])
        return scores, loss, cache

    def backward(self, cache):
        """Writes d(loss)/d(params) into self.grads (zero them first, as for the GPT)."""
        cfg, p, g = self.config, self.p, self.g
        batch = cache["batch"]
        R, T = batch.ids.shape
        dscores = np.stack([0.5 * S.span_loss_backward(c).reshape(R, T) for c in cache["losses"]], axis=-1)
        dxf, _ = K.matmul_backward(dscores.astype(cache["xf"].dtype), cache["xf"], p["span"], self.train_base,
                                   dweight_out=g["span"])
        dx, dlnf = K.rmsnorm_backward(dxf, p["lnf"], cache["lnf"])
        if self.train_base:
            g["lnf"][...] = dlnf
        dx = self._blocks_backward(dx, cache["layers"], masked_attention_pair(cfg.n_head, cache["bias"]))
        if dx is None:
            return
        dx = K.dropout_backward(dx, cache["emb_mask"])
        if self.train_base:
            g["wte"][...] = K.embedding_backward(dx, batch.ids, cfg.vocab_size)
            g["wtype"][...] = K.embedding_backward(dx, batch.types, N_TYPES)
            g["wpe"][...] = K.embedding_backward(dx, batch.positions, cfg.block_size)
