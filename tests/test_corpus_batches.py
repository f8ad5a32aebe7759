"""Splits, batches and evaluation of prepared corpora, bit for bit those of the in-memory path mgpt
had before (written out here as the reference), so training on a prepared corpus writes the same
checkpoint bytes (test_corpus.py: preparing, the cache, errors)."""

import numpy as np
import pytest

from mgpt.config import GPTConfig
from mgpt.data import CHARSETS, PLACEHOLDER, Vocab, fed_chars, id_map, pad_rows, split_corpus, whole_corpus
from mgpt.evaluate import evaluate_corpus, mean_loss
from mgpt.model import GPT

from support.cli import NAMES, PROSE
from support.corpus import prep


# --- the reference: the in-memory path, as mgpt cut corpora before ----------------------------

def reference_splits(text, vocab, mode, fraction, seed, marker=None):
    """(train, val): lists of BOS-wrapped documents (with their first scored targets), or arrays."""
    if mode == "stream":
        tokens = vocab.encode(text)
        n_val = int(len(tokens) * fraction)
        return tokens[:len(tokens) - n_val], tokens[len(tokens) - n_val:]
    lines = [line for line in text.split("\n") if line.strip()]
    docs = [np.concatenate(([vocab.bos], vocab.encode(line), [vocab.bos])).astype(np.int32) for line in lines]
    starts = [0 if marker is None or line.rfind(marker) < 0 else line.rfind(marker) + len(marker) for line in lines]
    order = np.random.default_rng([seed, 7]).permutation(len(docs))
    n_val = max(int(round(len(docs) * fraction)), 1 if fraction > 0 else 0)
    return tuple(([docs[i] for i in sorted(part)], [starts[i] for i in sorted(part)])
                 for part in (order[n_val:], order[:n_val]))


def reference_batch(split, B, T, rng):
    """sample_batch of the in-memory path."""
    if isinstance(split, np.ndarray):
        starts = rng.integers(0, len(split) - T, size=B)
        windows = split[starts[:, None] + np.arange(T + 1)]
        return windows[:, :-1], windows[:, 1:]
    docs, scored_from = split
    rows, starts = [], []
    for i in rng.integers(0, len(docs), size=B):
        doc, scored = docs[i], scored_from[i]
        if len(doc) > T + 1:
            start = int(rng.integers(0, len(doc) - T))
            doc, scored = doc[start:start + T + 1], max(scored - start, 0)
        rows.append(doc)
        starts.append(scored)
    return pad_rows(rows, starts)


def reference_eval_windows(split, T):
    rows, starts = [], []
    if isinstance(split, np.ndarray):
        for start in range(0, len(split) - 1, T):
            rows.append(split[start:start + T + 1])
            starts.append(0)
        return rows, starts
    for doc, scored in zip(*split):
        for start in range(0, len(doc) - 1, T):
            window = doc[start:start + T + 1]
            if start + len(window) - 1 > scored:
                rows.append(window)
                starts.append(max(scored - start, 0))
    return rows, starts


# --- splits, batches and evaluation: the in-memory path's, bit for bit ------------------------

def documents_of(split):
    return [split.window(i, 0, int(split.rows[i][1]) + 2) for i in range(len(split))]


@pytest.mark.parametrize("mode,fraction,seed,vocab_set,marker", [
    ("docs", 0.1, 1, None, None), ("docs", 0.25, 9, None, " a: "), ("docs", 0.0, 1, None, None),
    ("stream", 0.1, 1, None, None), ("stream", 0.3, 5, "latin", None), ("docs", 0.2, 3, "latin", None)])
def test_batches_are_those_of_the_in_memory_path(tmp_path, mode, fraction, seed, vocab_set, marker):
    text = (NAMES.replace("a\n", "a a: x\n") + "r\u00e9n\u00e9e \u2603\n" if mode == "docs" else PROSE + "\u2603\n")
    corpus = prep(tmp_path, [text])
    vocab = Vocab(CHARSETS[vocab_set]) if vocab_set else Vocab.from_text(text, mode)
    known = set(vocab.chars) | ({"\n"} if mode == "docs" else set())  # docs mode never feeds the newline
    fitted = "".join(c if c in known else PLACEHOLDER for c in text)  # the placeholder for what it lacks
    train, val = split_corpus(corpus, vocab, mode, fraction, seed, 8, marker)
    ref_train, ref_val = reference_splits(fitted, vocab, mode, fraction, seed, marker)
    if mode == "docs":
        for split, ref in ((train, ref_train), (val, ref_val)):
            assert [d.tolist() for d in documents_of(split)] == [d.tolist() for d in ref[0]]
            assert [split.first(i) for i in range(len(split))] == ref[1]
            assert split.num_tokens == sum(len(d) - 1 - s for d, s in zip(*ref))
    else:
        assert train.window(0, 0, len(train)).tolist() == ref_train.tolist()
        assert val.window(0, 0, len(val)).tolist() == ref_val.tolist()
    rng, ref_rng = np.random.default_rng(4), np.random.default_rng(4)
    for _ in range(30):
        for got, want in zip(train.sample(5, 8, rng), reference_batch(ref_train, 5, 8, ref_rng)):
            assert got.dtype == np.int32 and np.array_equal(got, want)
    rows, ref_starts = reference_eval_windows(ref_train, 8)
    ref_order = sorted(range(len(rows)), key=lambda i: len(rows[i]))  # as the in-memory path batched them
    got = list(train.eval_windows(8))
    assert [first for _, first in got] == [ref_starts[i] for i in ref_order]
    assert all(np.array_equal(row, rows[i]) for (row, _), i in zip(got, ref_order)) and len(got) == len(rows)


@pytest.mark.parametrize("mode", ["docs", "stream"])
def test_eval_scores_what_the_in_memory_path_scored(tmp_path, mode):
    text = NAMES if mode == "docs" else PROSE
    corpus = prep(tmp_path, [text])
    vocab = Vocab.from_text(text, mode)
    model = GPT(GPTConfig(vocab_size=len(vocab), n_layer=1, n_head=2, n_embd=16, block_size=8))
    model.init_weights(np.random.default_rng(0))
    result = evaluate_corpus(model, vocab, mode, corpus)
    split = reference_splits(text, vocab, mode, 0.0, 1)[0]
    rows, starts = reference_eval_windows(split, 8)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
    batches = (pad_rows([rows[i] for i in order[j:j + 32]], [starts[i] for i in order[j:j + 32]])
               for j in range(0, len(order), 32))
    assert result["loss"] == mean_loss(model, batches)
    assert result["characters"] == whole_corpus(corpus, vocab, mode).num_tokens


def test_docs_mode_maps_the_newline_nowhere(tmp_path):
    corpus = prep(tmp_path, [NAMES])
    vocab = Vocab.from_text(NAMES, "docs")
    lut = id_map(corpus.chars, vocab)
    assert lut[corpus.chars.index("\n")] == -1 and "\n" not in fed_chars(corpus.chars, "docs")
    assert id_map(corpus.chars, Vocab.from_text(NAMES, "stream")) is None  # the same ids: no map at all
