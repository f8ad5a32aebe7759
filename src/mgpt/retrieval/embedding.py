"""Hashed character n-gram embeddings in NumPy: no model to download, the same vector on every
machine, and good at what a support knowledge base needs (product names, model numbers, field
names that the question repeats).

Text is lowercased and cut into words of letters and digits; every character n-gram of the
padded words (n = 3, 4, 5) is hashed (a polynomial rolling hash, then a 64-bit mixer) to a
bucket and a sign; each distinct n-gram adds 1 + log(count) there, and the vector is scaled to
unit length, so inner product = cosine. The name records everything that changes the vectors:
a collection built with one embedder must not be searched with another.
"""

import re

import numpy as np

NAME = "hashed-char-ngrams-3-5-v1"
# a new collection's width. Milvus Lite keeps two float32 copies of every vector in memory (its
# table and its index): 8.3 KB a chunk at 1024, 317 MB at 40,000 chunks; 512 halves it. On the 102
# development questions the shipped span reader, reading 12 chunks, answers as many exactly at 512 as
# at 1024 (56 never abstaining against 55; 50 at its threshold against 50) with the answer's chunk
# read as often (93 of 102): docs/RAG.md, "The shipped reader"
DEFAULT_DIM = 512
NGRAMS = (3, 4, 5)

_WORDS = re.compile(r"[^\W_]+")
_PRIME = np.uint64(1_000_003)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_SHIFT = np.uint64(33)


def normalize(text):
    """Lowercase words of letters and digits, single-spaced, with a space at each end."""
    return " " + " ".join(_WORDS.findall(text.lower())) + " "


def _mix(h):
    """MurmurHash3's 64-bit finalizer: spreads the rolling hash over all bits."""
    h = h ^ (h >> _SHIFT)
    h = h * _MIX1
    h = h ^ (h >> _SHIFT)
    h = h * _MIX2
    return h ^ (h >> _SHIFT)


def ngram_hashes(text):
    """64-bit hashes of every n-gram of the normalized text (n in NGRAMS)."""
    hashes, _ = batch_ngram_hashes([text])
    return hashes


def batch_ngram_hashes(texts):
    """(hashes, rows): every n-gram hash of every text, with the index of the text it came from.

    The texts are normalized and laid end to end; each n-gram position is hashed at once for all
    of them, and the n-grams that would straddle two texts are dropped.
    """
    normalized = [normalize(t) for t in texts]
    lengths = np.array([len(t) for t in normalized], dtype=np.int64)
    codes = np.frombuffer("".join(normalized).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    row_of = np.repeat(np.arange(len(texts)), lengths)
    end_of = np.repeat(np.cumsum(lengths), lengths)  # where each position's text ends
    hashes, rows = [], []
    with np.errstate(over="ignore"):
        for n in NGRAMS:
            count = len(codes) - n + 1
            if count <= 0:
                continue
            h = np.full(count, np.uint64(n), dtype=np.uint64)
            for j in range(n):
                h = h * _PRIME + codes[j:j + count]
            inside = np.arange(count) + n <= end_of[:count]
            hashes.append(_mix(h[inside]))
            rows.append(row_of[:count][inside])
    if not hashes:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return np.concatenate(hashes), np.concatenate(rows)


class HashedNgramEmbedder:
    """embed(list of str) -> (N, dim) float32 rows of unit length (zero rows for empty text).

    dim has no default: a query must be embedded at its collection's width (query.collection_embedder),
    a new collection at DEFAULT_DIM, the reader's generated data at the width it was frozen with."""

    name = NAME

    def __init__(self, dim):
        if dim < 16:
            raise ValueError("dimension must be at least 16")
        self.dim = int(dim)

    def embed(self, texts):
        """All texts at once: n-grams sorted by (text, hash), counted per text, added to their buckets."""
        out = np.zeros((len(texts), self.dim), dtype=np.float64)
        hashes, rows = batch_ngram_hashes(texts)
        if len(hashes):
            order = np.lexsort((hashes, rows))
            hashes, rows = hashes[order], rows[order]
            first = np.ones(len(hashes), dtype=bool)
            first[1:] = (hashes[1:] != hashes[:-1]) | (rows[1:] != rows[:-1])
            starts = np.flatnonzero(first)
            counts = np.diff(np.append(starts, len(hashes)))
            grams, owners = hashes[starts], rows[starts]
            buckets = (grams % np.uint64(self.dim)).astype(np.int64)
            signs = np.where((grams >> np.uint64(63)) == 1, -1.0, 1.0)
            np.add.at(out.reshape(-1), owners * self.dim + buckets, signs * (1.0 + np.log(counts)))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.where(norms == 0, 1.0, norms)).astype(np.float32)
