"""Corpora: reading (files, stdin, UTF-8 checks), the character vocabulary, modes, splits, batches.

Two ways to cut text into training examples:
- docs: each non-empty line is a document wrapped in BOS, like microgpt and makemore;
- stream: one contiguous text sampled in random windows, like nanoGPT.
"""

import hashlib
import os
import sys
from dataclasses import dataclass

import numpy as np

from .errors import MgptError
from .kernels import IGNORE_INDEX

MODES = ("auto", "docs", "stream")
BOS = "<BOS>"  # how the BOS token is shown to people; it is never a character of the text


def read_corpus(paths):
    """Concatenates the files (or stdin for '-'), each ending with a newline, as one string."""
    if not paths:
        raise MgptError("no corpus given: pass one or more files, or - to read stdin")
    parts = []
    for path in paths:
        if path == "-":
            data, name = sys.stdin.buffer.read(), "<stdin>"
        else:
            name = path
            if not os.path.exists(path):
                raise MgptError(f"{path}: no such file")
            if os.path.isdir(path):
                raise MgptError(f"{path}: is a directory; pass the text files inside it (e.g. {path}/*.txt)")
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError as e:
                raise MgptError(f"{path}: cannot read ({e.strerror})") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise MgptError(
                f"{name}: not valid UTF-8 at byte offset {e.start}; convert it first "
                f"(e.g. iconv -f latin1 -t utf-8)"
            ) from None
        text = text.replace("\r\n", "\n")
        if text and not text.endswith("\n"):
            text += "\n"
        parts.append(text)
    text = "".join(parts)
    if not text.strip():
        what = "empty" if not text else "whitespace only"
        raise MgptError(f"corpus {', '.join(paths)} is {what}: there is nothing to learn from")
    return text


def text_fingerprint(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def show_chars(chars, limit=20):
    """'a', 'é', ... for messages that name characters."""
    chars = sorted(chars)
    return ", ".join(repr(c) for c in chars[:limit]) + (" ..." if len(chars) > limit else "")


def fed_text(text, mode):
    """The characters a model of this mode is fed: docs mode never feeds the newlines between lines."""
    return text.replace("\n", "") if mode == "docs" else text


class Vocab:
    """Characters get ids 0..n-1 in sorted order; BOS is the last id."""

    def __init__(self, chars):
        self.chars = "".join(chars)
        self.index = {ch: i for i, ch in enumerate(self.chars)}
        self.bos = len(self.chars)

    @classmethod
    def from_text(cls, text, mode):
        """docs mode never feeds newlines (they end documents), so they get no id."""
        chars = set(text) - ({"\n"} if mode == "docs" else set())
        return cls(sorted(chars))

    def __len__(self):
        return len(self.chars) + 1

    def unknown(self, text):
        return sorted(set(text) - set(self.chars))

    def check_known(self, text, what):
        missing = self.unknown(text)
        if missing:
            raise MgptError(f"{what} has {len(missing)} character(s) the model has never seen: {show_chars(missing)}")

    def encode(self, text):
        return np.fromiter((self.index[c] for c in text), dtype=np.int32, count=len(text))

    def decode(self, ids):
        return "".join(self.chars[i] for i in ids if i != self.bos)

    def describe(self):
        return "".join(self.chars).replace("\n", "\\n").replace("\t", "\\t") + " + " + BOS


def choose_mode(text, mode):
    """Returns (mode, reason). auto picks docs for a list of short items, stream for running text."""
    lines = text.strip("\n").split("\n")
    nonempty = [line for line in lines if line.strip()]
    if mode != "auto":
        return mode, "as asked (--mode)"
    # blank lines between items mean paragraphs: running text
    inner_blank = any(not line.strip() for line in lines)
    lengths = np.array([len(line) for line in nonempty])
    short = np.mean(lengths <= 64) >= 0.99
    if not inner_blank and short and len(nonempty) >= 2:
        return "docs", (f"{len(nonempty)} lines with no blank lines between them, "
                        f"{np.mean(lengths):.1f} characters on average: a list of documents")
    why = "blank lines separate paragraphs" if inner_blank else "lines are long"
    return "stream", f"{why}: running text"


@dataclass
class Split:
    """One split of the corpus: a token stream (stream mode) or a list of documents (docs mode)."""
    stream: np.ndarray = None
    docs: list = None

    def __len__(self):
        return len(self.stream) if self.stream is not None else len(self.docs)

    @property
    def num_tokens(self):
        """Characters to predict: every one but the first in stream mode, each document's own
        characters plus its closing BOS in docs mode."""
        if self.stream is not None:
            return max(len(self.stream) - 1, 0)
        return sum(len(d) - 1 for d in self.docs)


def encode_docs(text, vocab):
    """Each non-empty line becomes [BOS] + line + [BOS]."""
    return [np.concatenate(([vocab.bos], vocab.encode(line), [vocab.bos])).astype(np.int32)
            for line in text.split("\n") if line.strip()]


def split_corpus(text, vocab, mode, val_fraction, seed, block_size):
    """Returns (train, val). docs: random documents to val (seeded); stream: the tail to val."""
    if mode == "docs":
        docs = encode_docs(text, vocab)
        order = np.random.default_rng([seed, 7]).permutation(len(docs))
        n_val = int(round(len(docs) * val_fraction))
        if val_fraction > 0 and n_val == 0:
            n_val = 1
        if len(docs) - n_val < 1:
            raise MgptError(f"corpus has {len(docs)} document(s): too few to hold out "
                            f"{val_fraction:.0%} for validation; add text or lower --val-fraction")
        val = [docs[i] for i in sorted(order[:n_val])]
        train = [docs[i] for i in sorted(order[n_val:])]
        return Split(docs=train), Split(docs=val)
    tokens = vocab.encode(text)
    n_val = int(len(tokens) * val_fraction)
    train, val = tokens[:len(tokens) - n_val], tokens[len(tokens) - n_val:]
    window = block_size + 1
    if len(train) < window:
        raise MgptError(f"corpus is {len(tokens)} characters: stream mode needs at least block_size + 1 = "
                        f"{window} for training (plus --val-fraction for validation); add text, "
                        f"lower --block-size, or use --mode docs")
    if val_fraction > 0 and len(val) < window:
        raise MgptError(f"the validation tail is {len(val)} characters, shorter than one window of "
                        f"{window}; add text or raise --val-fraction")
    return Split(stream=train), Split(stream=val)


def sample_batch(split, batch_size, block_size, rng):
    """Random training examples: x (B, T) inputs and y (B, T) targets, IGNORE_INDEX where padded.

    docs mode pads each row to the longest document in the batch (at most block_size), so a
    batch of short names costs only what it holds; a longer document gives a random window.
    """
    if split.stream is not None:
        starts = rng.integers(0, len(split.stream) - block_size, size=batch_size)
        windows = split.stream[starts[:, None] + np.arange(block_size + 1)]
        return windows[:, :-1], windows[:, 1:]
    picks = rng.integers(0, len(split.docs), size=batch_size)
    rows = []
    for i in picks:
        doc = split.docs[i]
        if len(doc) > block_size + 1:
            start = int(rng.integers(0, len(doc) - block_size))
            doc = doc[start:start + block_size + 1]
        rows.append(doc)
    return pad_rows(rows)


def pad_rows(rows):
    T = max(len(r) for r in rows) - 1
    x = np.zeros((len(rows), T), dtype=np.int32)
    y = np.full((len(rows), T), IGNORE_INDEX, dtype=np.int32)
    for b, row in enumerate(rows):
        x[b, :len(row) - 1] = row[:-1]
        y[b, :len(row) - 1] = row[1:]
    return x, y


def eval_windows(split, block_size):
    """Every character of the split predicted once: consecutive block_size windows.

    stream: window i predicts text[iT+1 : (i+1)T+1] from text[iT : (i+1)T] (as nanoGPT's val
    loss); docs: each document with its BOS, cut into consecutive windows when longer.
    """
    rows = []
    if split.stream is not None:
        tokens = split.stream
        for start in range(0, len(tokens) - 1, block_size):
            rows.append(tokens[start:start + block_size + 1])
    else:
        for doc in split.docs:
            for start in range(0, len(doc) - 1, block_size):
                rows.append(doc[start:start + block_size + 1])
    return [r for r in rows if len(r) > 1]
