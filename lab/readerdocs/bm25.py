"""BM25 over a collection of chunks, as Milvus scores its sparse field (k1 1.2, b 0.75, words
lowercased, English stop words dropped), with an inverted index so that a hundred thousand
questions over a few hundred thousand chunks take minutes, not hours.

Each posting's term weight (tf (k1 + 1) / (tf + k1 (1 - b + b len / avg))) is computed once;
a query adds idf x weight over the postings of its words. Ties go to the lower chunk number,
so a search returns the same list on every run.
"""

import re
from collections import Counter

import numpy as np

_WORD = re.compile(r"\w+")
# Lucene's English stop words, as Milvus' "english" analyzer drops them
STOP = frozenset("a an and are as at be but by for if in into is it no not of on or such that the their then there "
                 "these they this to was will with".split())
K1, B = 1.2, 0.75


def terms(text):
    return [w for w in _WORD.findall(text.lower()) if w not in STOP]


class BM25:
    def __init__(self, chunks):
        self.n = len(chunks)
        vocab, rows, cols, tfs = {}, [], [], []
        lengths = np.zeros(self.n, dtype=np.float64)
        for i, chunk in enumerate(chunks):
            counts = Counter(terms(chunk))
            lengths[i] = sum(counts.values())
            for w, tf in counts.items():
                t = vocab.setdefault(w, len(vocab))
                rows.append(t)
                cols.append(i)
                tfs.append(tf)
        self.vocab = vocab
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        tfs = np.asarray(tfs, dtype=np.float64)
        order = np.argsort(rows, kind="stable")
        rows, cols, tfs = rows[order], cols[order], tfs[order]
        avg = max(lengths.mean() if self.n else 1.0, 1.0)
        self.weights = tfs * (K1 + 1) / (tfs + K1 * (1 - B + B * lengths[cols] / avg))
        self.docs = cols
        self.starts = np.searchsorted(rows, np.arange(len(vocab) + 1))
        df = np.diff(self.starts).astype(np.float64)
        self.idf = np.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def scores(self, query):
        ids = [self.vocab[w] for w in set(terms(query)) if w in self.vocab]
        if not ids:
            return None
        parts_d, parts_w = [], []
        for t in sorted(ids):
            a, b = self.starts[t], self.starts[t + 1]
            parts_d.append(self.docs[a:b])
            parts_w.append(self.weights[a:b] * self.idf[t])
        return np.bincount(np.concatenate(parts_d), weights=np.concatenate(parts_w), minlength=self.n)

    def search(self, query, k, allowed=None):
        """The k best chunk numbers for the query (only those with a score; `allowed`, a boolean
        mask, keeps some chunks out)."""
        s = self.scores(query)
        if s is None:
            return []
        if allowed is not None:
            s = np.where(allowed, s, 0.0)
        hit = np.flatnonzero(s > 0)
        if len(hit) > k:
            cut = np.partition(s[hit], len(hit) - k)[len(hit) - k]
            hit = hit[s[hit] >= cut]
        order = np.lexsort((hit, -s[hit]))
        return [int(i) for i in hit[order][:k]]

