"""Corpora: reading (files, stdin, UTF-8 checks), the character vocabulary, modes, splits, batches.

Two ways to cut text into training examples:
- docs: each non-empty line is a document wrapped in BOS, like microgpt and makemore;
- stream: one contiguous text sampled in random windows, like nanoGPT.
"""

import hashlib
import os
import re
import sys
from dataclasses import dataclass

import numpy as np

from .errors import MgptError
from .kernels import IGNORE_INDEX

MODES = ("auto", "docs", "stream")
BOS = "<BOS>"  # how the BOS token is shown to people; it is never a character of the text
PLACEHOLDER = "\ufffd"  # U+FFFD REPLACEMENT CHARACTER: stands for any character a vocabulary lacks

# Named character sets for `train --vocab`: a model that must read any ordinary document (the
# reader) gets a fixed vocabulary instead of its corpus's characters, with the placeholder for
# the rest. latin: printable ASCII, Latin-1's printable characters, the typographic signs
# documents use, and the Latin letters of central/eastern Europe and Turkey.
_TYPOGRAPHIC = "€–—‘’‚“”„…•′″‰™−≤≥≈→×÷"
_LATIN_EXTENDED = "ŒœŠšŽžŸŁłČčŘřĘęĄąĆćŃńŚśŹźŻżĞğŞşİıŐőŰűĎďŤťŇňĽľ"
CHARSETS = {
    "latin": "".join(sorted(set(
        "".join(chr(c) for c in range(0x20, 0x7F)) + "".join(chr(c) for c in range(0xA1, 0x100) if c != 0xAD)
        + _TYPOGRAPHIC + _LATIN_EXTENDED + PLACEHOLDER))),
}


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
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # every line end becomes a newline
        control = _CONTROL.search(text)
        if control:
            offset = len(text[:control.start()].encode("utf-8"))
            raise MgptError(f"{name}: control character {control.group()!r} at character {control.start()} "
                            f"(about byte {offset}); this looks like binary data, not text")
        if text and not text.endswith("\n"):
            text += "\n"
        parts.append(text)
    text = "".join(parts)
    if not text.strip():
        what = "empty" if not text else "whitespace only"
        raise MgptError(f"corpus {', '.join(paths)} is {what}: there is nothing to learn from")
    return text


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


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

    @classmethod
    def checked(cls, chars):
        """A vocabulary read from a file: no repeated character, no control character but tab
        and newline (they would make ids ambiguous or text unprintable)."""
        if not chars:
            raise ValueError("the vocabulary is empty")
        if len(set(chars)) != len(chars):
            raise ValueError("the vocabulary repeats a character")
        bad = [c for c in chars if (ord(c) < 32 and c not in "\t\n") or ord(c) == 127 or 0xD800 <= ord(c) < 0xE000]
        if bad:
            raise ValueError(f"the vocabulary holds control characters {show_chars(bad)}")
        return cls(chars)

    @classmethod
    def from_charset(cls, name_or_path):
        """A named set (CHARSETS) or the characters of a UTF-8 file (newlines ignored)."""
        if name_or_path in CHARSETS:
            return cls(CHARSETS[name_or_path])
        try:
            with open(name_or_path, encoding="utf-8") as f:
                chars = set(f.read()) - {"\n", "\r"}
        except (OSError, UnicodeDecodeError) as e:
            raise MgptError(f"--vocab {name_or_path}: not a named set ({', '.join(CHARSETS)}) and not a readable "
                            f"UTF-8 file ({getattr(e, 'strerror', None) or e})") from None
        if not chars:
            raise MgptError(f"--vocab {name_or_path}: the file holds no characters")
        return cls(sorted(chars))

    @property
    def has_placeholder(self):
        return PLACEHOLDER in self.index

    def unknown(self, text):
        return sorted(set(text) - set(self.chars))

    def check_known(self, text, what):
        missing = self.unknown(text)
        if missing:
            raise MgptError(f"{what} has {len(missing)} character(s) the model has never seen: {show_chars(missing)}")

    def with_placeholders(self, text):
        """(text, unknown characters): with a placeholder in the vocabulary, every character it
        lacks becomes the placeholder, one for one (so offsets into the text still hold)."""
        missing = self.unknown(text)
        if not missing or not self.has_placeholder:
            return text, missing
        gone = set(missing)
        return "".join(PLACEHOLDER if c in gone else c for c in text), missing

    def fit(self, text, what):
        """(text the model can read, note or None): unknown characters become the placeholder
        (with a note) when the vocabulary has one, else they are an error naming them."""
        text, missing = self.with_placeholders(text)
        if missing and not self.has_placeholder:
            self.check_known(text, what)
        if not missing:
            return text, None
        return text, f"{what}: {len(missing)} character(s) the model has no id for read as {PLACEHOLDER}: " \
                     f"{show_chars(missing)}"

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
    """One split of the corpus: a token stream (stream mode) or a list of documents (docs mode).

    `scored_from[i]`, when given, is the first target position of document i that counts in the
    loss (see answer_starts); targets before it are context the model reads but is not scored on.
    """
    stream: np.ndarray = None
    docs: list = None
    scored_from: list = None

    def __len__(self):
        return len(self.stream) if self.stream is not None else len(self.docs)

    def start(self, i):
        return 0 if self.scored_from is None else self.scored_from[i]

    def sample(self, batch_size, block_size, rng):
        return sample_batch(self, batch_size, block_size, rng)

    @staticmethod
    def scored(targets):
        """What a batch's loss is a mean over: the targets that are not padding."""
        return int(np.count_nonzero(targets != IGNORE_INDEX))

    @property
    def num_tokens(self):
        """Characters to predict: every one but the first in stream mode, each document's own
        characters plus its closing BOS in docs mode (only those after the marker with
        --answer-after)."""
        if self.stream is not None:
            return max(len(self.stream) - 1, 0)
        return sum(len(d) - 1 - self.start(i) for i, d in enumerate(self.docs))


def encode_docs(text, vocab):
    """Each non-empty line becomes [BOS] + line + [BOS]."""
    return [np.concatenate(([vocab.bos], vocab.encode(line), [vocab.bos])).astype(np.int32)
            for line in doc_lines(text)]


def doc_lines(text):
    return [line for line in text.split("\n") if line.strip()]


def answer_starts(text, marker):
    """Per document, the first scored target: the character after the last `marker` in its line
    (the answer of a prompt/answer line, as instruction tuning scores only the response); a
    line without the marker is scored whole."""
    starts = []
    for line in doc_lines(text):
        at = line.rfind(marker)
        starts.append(0 if at < 0 else at + len(marker))
    return starts


def held_out(n, val_fraction, seed, what, remedy):
    """(training indices, validation indices) of n items, each sorted: a seeded val_fraction of them
    (at least one when the fraction is not 0) held out."""
    order = np.random.default_rng([seed, 7]).permutation(n)
    n_val = int(round(n * val_fraction))
    if val_fraction > 0 and n_val == 0:
        n_val = 1
    if n - n_val < 1:
        raise MgptError(f"corpus has {n} {what}: too few to hold out {val_fraction:.0%} for validation; "
                        f"{remedy} or lower --val-fraction")
    return sorted(order[n_val:]), sorted(order[:n_val])


def split_corpus(text, vocab, mode, val_fraction, seed, block_size, answer_after=None):
    """Returns (train, val). docs: random documents to val (seeded); stream: the tail to val."""
    if mode == "docs":
        docs = encode_docs(text, vocab)
        starts = answer_starts(text, answer_after) if answer_after else None
        parts = []
        for chosen in held_out(len(docs), val_fraction, seed, "document(s)", "add text"):
            parts.append(Split(docs=[docs[i] for i in chosen],
                               scored_from=None if starts is None else [starts[i] for i in chosen]))
        return tuple(parts)
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


def rank_rng(entropy, rank):
    """Rank 0 draws a single process's stream; rank r a child of it (NumPy's spawn key r).

    So one seed gives every rank its own batches and dropout masks, and a 1-rank run is exactly
    the single-process run.
    """
    if rank == 0:
        return np.random.default_rng(entropy)
    return np.random.default_rng(np.random.SeedSequence(entropy, spawn_key=(rank,)))


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
    rows, starts = [], []
    for i in picks:
        doc, scored = split.docs[i], split.start(i)
        if len(doc) > block_size + 1:
            start = int(rng.integers(0, len(doc) - block_size))
            doc = doc[start:start + block_size + 1]
            scored = max(scored - start, 0)
        rows.append(doc)
        starts.append(scored)
    return pad_rows(rows, starts)


def pad_rows(rows, starts=None):
    """x (B, T) and y (B, T) of rows of unequal length; y is IGNORE_INDEX where padded and before
    each row's first scored target (`starts`)."""
    T = max(len(r) for r in rows) - 1
    x = np.zeros((len(rows), T), dtype=np.int32)
    y = np.full((len(rows), T), IGNORE_INDEX, dtype=np.int32)
    for b, row in enumerate(rows):
        first = 0 if starts is None else min(starts[b], len(row) - 1)
        x[b, :len(row) - 1] = row[:-1]
        y[b, first:len(row) - 1] = row[1 + first:]
    return x, y


def eval_windows(split, block_size):
    """(rows, starts): every scored character of the split predicted once, in consecutive
    block_size windows; starts[i] is row i's first scored target (see pad_rows).

    stream: window i predicts text[iT+1 : (i+1)T+1] from text[iT : (i+1)T] (as nanoGPT's val
    loss); docs: each document with its BOS, cut into consecutive windows when longer.
    """
    rows, starts = [], []
    if split.stream is not None:
        tokens = split.stream
        for start in range(0, len(tokens) - 1, block_size):
            rows.append(tokens[start:start + block_size + 1])
            starts.append(0)
    else:
        for i, doc in enumerate(split.docs):
            scored = split.start(i)
            for start in range(0, len(doc) - 1, block_size):
                window = doc[start:start + block_size + 1]
                if start + len(window) - 1 > scored:  # a window with nothing scored is skipped
                    rows.append(window)
                    starts.append(max(scored - start, 0))
    keep = [i for i, r in enumerate(rows) if len(r) > 1]
    return [rows[i] for i in keep], [starts[i] for i in keep]
