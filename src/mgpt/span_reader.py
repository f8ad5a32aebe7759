"""The span reader: a second kind of model, made of the GPT's kernels and blocks, that points.

    (question, chunk) -> wte[ids] + wpe[pos] + wtype[types]          pairs packed in rows
                         [+ word_emb[word] + stem_emb[stem]]          with word_buckets (word_hash.py)
        -> n_layer x block, attention over the whole pair, pair by pair (span_kernels: both, split, causal)
        -> rmsnorm -> @ span (C, 2) -> start and end scores per character

A pair is [BOS] question [BOS] chunk; training packs several side by side in a row of the
block's width (pairs.make_batch), each seeing only itself, with its own positions from 0, so a
batch pays for characters, not padding. A pair's first position is its null: its start and end
scores are the pair's "the answer is not here". `types` say what each character is (question, chunk,
separator) and, for a chunk's characters, whether their word occurs in the question (DrQA's
exact-match feature, Chen et al. 2017): see pairs.py. With `word_buckets` N, each character also
reads the rows of two tables (N, C) for the hash buckets of its word and its word's stem
(word_hash.py). The pairs read for one question share one softmax (span_kernels.span_loss_forward),
so spans compare across chunks and against the nulls.

The blocks (block.py), the flat parameter buffer, LoRA and the optimizer are the GPT's; only the
embedding of types and words, the attention's mask and the head are the reader's own.
"""

from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

import numpy as np

from . import kernels as K
from . import span_kernels as S
from .errors import MgptError
from .block import block_forward
from .config import GPTConfig
from .model import GPT
from .options import flag
from .parameters import parameter_shapes as gpt_shapes
from .word_hash import MAX_BUCKETS

READER_PRESET = dict(n_layer=4, n_head=4, n_embd=128, block_size=320)  # `train --kind span-reader`'s sizes
WORD_TABLES = ("word_emb", "stem_emb")  # the rows of each position's word and stem (word_hash.word_ids)
N_TYPES = 6  # see pairs.py: separator, question, question word in the chunk, chunk, chunk word in the question (exact, prefix)


@dataclass
class SpanReaderConfig(GPTConfig):
    attention: str = "both"  # span_kernels.ATTENTIONS: both ways, heads split by direction, or left to right
    match_features: bool = True  # types mark chunk words that occur in the question
    word_buckets: int = 0  # hashed word and stem features, this many buckets each (word_hash.py); 0: none

    def __post_init__(self):
        super().__post_init__()
        if self.attention not in S.ATTENTIONS:
            raise MgptError(f"attention must be one of {', '.join(S.ATTENTIONS)}, got {self.attention!r}")
        if self.attention == "split" and self.n_head < 2:
            raise MgptError("split attention needs at least two heads: half look left, half right")
        self.match_features = bool(self.match_features)
        n = self.word_buckets
        if isinstance(n, bool) or not isinstance(n, int) or not (n == 0 or 2 <= n <= MAX_BUCKETS):
            raise MgptError(f"{flag('word_buckets')} must be 0 (no word features) or from 2 to {MAX_BUCKETS}, "
                            f"not {n!r}")

    def to_dict(self):
        """word_buckets only where word features are on: a reader without them keeps the config, and
        the file bytes, it had before they existed."""
        d = super().to_dict()
        if not self.word_buckets:
            del d["word_buckets"]
        return d


def parameter_shapes(config, layers=None):
    """The GPT's embeddings and blocks, a table for the character types, and the span head in
    place of the language-model head; with word_buckets, the word and stem tables last (a seed
    initialises everything else as it would without them: the ablation differs only in them)."""
    C, N = config.n_embd, config.word_buckets
    shapes = [s for s in gpt_shapes(config, layers) if s[0] != "lm_head"]
    words = [(name, (N, C)) for name in WORD_TABLES] if N else []
    return shapes[:2] + [("wtype", (N_TYPES, C))] + shapes[2:] + [("span", (C, 2))] + words


class PairBatch(NamedTuple):
    """Pairs packed in rows, per position (R, T): ids, types, the position within its pair, and
    segments (which pair of the row it belongs to, -1 for padding); places: (row, offset) of each
    pair, in the order given; words (R, T, 2): the buckets of each position's word and stem
    (word_hash.word_ids, 0 outside words and in padding), None for a reader without word features."""
    ids: np.ndarray
    types: np.ndarray
    positions: np.ndarray
    segments: np.ndarray
    places: list
    words: np.ndarray = None


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
        if cfg.word_buckets:
            for side, name in enumerate(WORD_TABLES):
                x += K.embedding_forward(p[name], batch.words[..., side])
        x, emb_mask = K.dropout_forward(x, drop, rng)
        groups = S.pair_groups(batch.segments, cfg.attention, cfg.n_head, x.dtype)
        attention = partial(S.attention_pairs_forward, n_head=cfg.n_head, groups=groups)
        activation = K.ACTIVATIONS[cfg.activation][0]
        layers, keep = [], for_backward and targets is not None
        for layer in range(cfg.n_layer):
            w = self.block_weights(layer)
            x, block_cache = block_forward(x, w, attention, activation, self._linear, drop, rng)
            if keep:
                layers.append((w, block_cache))
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
        cache = dict(batch=batch, emb_mask=emb_mask, layers=layers, xf=xf, lnf=lnf_cache,
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
        dx = self._blocks_backward(dx, cache["layers"], S.attention_pairs_backward)
        if dx is None:
            return
        dx = K.dropout_backward(dx, cache["emb_mask"])
        if self.train_base:
            g["wte"][...] = K.embedding_backward(dx, batch.ids, cfg.vocab_size)
            g["wtype"][...] = K.embedding_backward(dx, batch.types, N_TYPES)
            g["wpe"][...] = K.embedding_backward(dx, batch.positions, cfg.block_size)
            if cfg.word_buckets:  # the rows no position read keep the zero gradient they were given
                for side, name in enumerate(WORD_TABLES):
                    ids, rows = K.embedding_backward_rows(dx, batch.words[..., side])
                    g[name][ids] = rows
