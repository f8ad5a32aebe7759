"""The character vocabulary, modes, splits and batches of a prepared corpus (prepared.py).

Two ways to cut text into training examples:
- docs: each non-blank line is a document wrapped in BOS, like microgpt and makemore;
- stream: one contiguous text sampled in random windows, like nanoGPT.
A split draws its batches from the corpus's ids in their file (prepared.FileArray; an array in
tests): only the rows of a batch are ever read, so a corpus of any size costs the same memory.
"""

import hashlib
from functools import cached_property
from itertools import chain, islice

import numpy as np

from .errors import MgptError
from .kernels import IGNORE_INDEX
from .packing import pack_docs
from .shards import cut_rows

MODES = ("auto", "docs", "stream")
BOS = "<BOS>"  # how the BOS token is shown to people; it is never a character of the text
PLACEHOLDER = "\ufffd"  # U+FFFD REPLACEMENT CHARACTER: stands for any character a vocabulary lacks
TEXT_CONTROLS = "\t\n\x0b\x0c"  # the control characters a text may hold: tab, newline, vertical tab, form feed
SHORT_LINE = 64  # auto mode: a corpus of lines this short (99% of them) is a list of documents

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


def text_fingerprint(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def show_chars(chars, limit=20):
    """'a', 'é', ... for messages that name characters."""
    chars = sorted(chars)
    return ", ".join(repr(c) for c in chars[:limit]) + (" ..." if len(chars) > limit else "")


def fed_chars(chars, mode):
    """The characters a model of this mode is fed: docs mode never feeds the newlines between lines."""
    return chars.replace("\n", "") if mode == "docs" else chars


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
        """A vocabulary read from a file: no repeated character, no control character but tab,
        newline, vertical tab and form feed (they would make ids ambiguous or text unprintable)."""
        if not chars:
            raise ValueError("the vocabulary is empty")
        if len(set(chars)) != len(chars):
            raise ValueError("the vocabulary repeats a character")
        bad = [c for c in chars
               if (ord(c) < 32 and c not in TEXT_CONTROLS) or ord(c) == 127 or 0xD800 <= ord(c) < 0xE000]
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
        shown = "".join(self.chars)
        for c, escaped in (("\n", "\\n"), ("\t", "\\t"), ("\x0b", "\\x0b"), ("\x0c", "\\x0c")):
            shown = shown.replace(c, escaped)
        return shown + " + " + BOS


def choose_mode(lines, mode):
    """Returns (mode, reason). auto picks docs for a list of short items, stream for running text;
    `lines` are a prepared corpus's line statistics (corpus.Lines)."""
    if mode != "auto":
        return mode, "as asked (--mode)"
    n, blank_inside = lines["lines"], lines["blank_inside"]  # blank lines between items mean paragraphs
    if not blank_inside and n >= 2 and lines["short"] / n >= 0.99:
        return "docs", (f"{n} lines with no blank lines between them, {lines['chars'] / n:.1f} characters on "
                        f"average: a list of documents")
    why = "blank lines separate paragraphs" if blank_inside else "lines are long"
    return "stream", f"{why}: running text"


def id_map(chars, vocab):
    """Corpus id -> model id: the placeholder's for a character the vocabulary lacks (when it has
    one), -1 for the newline in docs mode (never fed); None where the two are the same."""
    fallback = vocab.index.get(PLACEHOLDER, -1)
    lut = np.array([vocab.index.get(c, fallback) for c in chars], dtype=np.int32)
    return None if np.array_equal(lut, np.arange(len(vocab.chars))) else lut


def model_ids(ids, lut):
    """int32 model ids of corpus ids."""
    return lut[ids] if lut is not None else np.asarray(ids, dtype=np.int32)


def scored(targets):
    """What a batch's loss is a mean over: the targets that are not padding."""
    return int(np.count_nonzero(targets != IGNORE_INDEX))


class RowSplit:
    """A split whose batches are rows of text: a step's shards are its rows cut in parts."""

    def sample_shards(self, batch_size, block_size, rng, shards):
        """sample's (x, y) in `shards` parts of consecutive rows (shards.py)."""
        return cut_rows(*self.sample(batch_size, block_size, rng), shards)

    def whole_batches(self, block_size, batch_size):
        """(x, y) batches of eval_windows, every scored character of the split once, made as used."""
        windows = self.eval_windows(block_size)
        return (pad_rows([row for row, _ in chunk], [first for _, first in chunk])
                for chunk in iter(lambda: list(islice(windows, batch_size)), []))


class StreamSplit(RowSplit):
    """Running text: windows of one array of ids."""

    scored = staticmethod(scored)

    def __init__(self, ids, lut=None):
        self.ids, self.lut = ids, lut

    def __len__(self):
        return len(self.ids)

    @property
    def num_tokens(self):
        """Characters to predict: every one but the first."""
        return max(len(self.ids) - 1, 0)

    def window(self, _, start, stop):
        return model_ids(self.ids[start:stop], self.lut)

    def sample(self, batch_size, block_size, rng):
        """x (B, T) and y (B, T): random windows of the text, y shifted by one."""
        starts = rng.integers(0, len(self.ids) - block_size, size=batch_size)
        windows = model_ids(np.stack([self.ids[s:s + block_size + 1] for s in starts]), self.lut)
        return windows[:, :-1], windows[:, 1:]

    def eval_windows(self, block_size):
        """(row, first scored target) of consecutive windows, shortest first as they are batched
        (only the last can be short), made as they are used: window i predicts
        text[iT+1 : (i+1)T+1] from text[iT : (i+1)T], as nanoGPT's val loss."""
        n, starts = len(self.ids), range(0, len(self.ids) - 1, block_size)
        if len(starts) and n - starts[-1] < block_size + 1:
            starts = chain(starts[-1:], starts[:-1])
        return ((self.window(0, s, min(s + block_size + 1, n)), 0) for s in starts)


class DocsSplit(RowSplit):
    """Documents as spans of one array of ids: document i is [BOS] + ids[start:start + length] +
    [BOS], (start, length) = rows[i].

    `scored_from[i]`, when given, is the first target position of document i that counts in the
    loss (see answer_starts); targets before it are context the model reads but is not scored on.
    """

    scored = staticmethod(scored)

    def __init__(self, ids, rows, bos, lut=None, scored_from=None):
        self.ids, self.rows, self.bos, self.lut, self.scored_from = ids, rows, bos, lut, scored_from

    def __len__(self):
        return len(self.rows)

    def first(self, i):
        return 0 if self.scored_from is None else int(self.scored_from[i])

    def lengths(self):
        """Every document's length, read a slice of the rows at a time."""
        return np.concatenate([np.zeros(0, np.int64), *(part[:, 1].copy() for part in self._parts())])

    def _parts(self, step=1 << 20):
        return (self.rows[a:a + step] for a in range(0, len(self), step))

    @cached_property
    def num_tokens(self):
        """Each document's characters plus its closing BOS (only those after the marker with
        --answer-after)."""
        skipped = 0 if self.scored_from is None else int(np.sum(self.scored_from))
        return sum(int(part[:, 1].sum()) for part in self._parts()) + len(self) - skipped

    def window(self, i, start, stop, row=None):
        """Positions start..stop-1 of document i with its BOS (row: its (start, length), if read)."""
        begin, length = (int(v) for v in (self.rows[i] if row is None else row))
        out = np.full(stop - start, self.bos, dtype=np.int32)
        lo, hi = max(start, 1), min(stop, length + 1)  # the positions that hold characters
        if hi > lo:
            out[lo - start:hi - start] = model_ids(self.ids[begin + lo - 1:begin + hi - 1], self.lut)
        return out

    def draw(self, batch_size, block_size, rng):
        """(rows, firsts): batch_size random documents, each whole with its BOS or, when longer than
        the block, a random window of block_size + 1, and each one's first scored target."""
        picks = rng.integers(0, len(self), size=batch_size)
        rows, firsts = [], []
        for i in picks:
            row = self.rows[i]
            size, first, start = int(row[1]) + 2, self.first(i), 0
            if size > block_size + 1:
                start = int(rng.integers(0, size - block_size))
                first = max(first - start, 0)
            rows.append(self.window(i, start, min(start + block_size + 1, size), row))
            firsts.append(first)
        return rows, firsts

    def sample(self, batch_size, block_size, rng):
        """x (B, T) and y (B, T), IGNORE_INDEX where padded: each row to the longest document in the
        batch (at most block_size), so a batch of short names costs only what it holds; a longer
        document gives a random window."""
        return pad_rows(*self.draw(batch_size, block_size, rng))

    def sample_shards(self, batch_size, block_size, rng, shards):
        """sample's documents in `shards` parts of consecutive rows, each packed side by side in
        rows of the block (packing.pack_docs) where that takes fewer positions than padding: a batch
        of names then costs its characters, not rows as long as its longest name."""
        rows, firsts = self.draw(batch_size, block_size, rng)
        parts = [([rows[i] for i in part], [firsts[i] for i in part])
                 for part in np.array_split(np.arange(len(rows)), shards)]
        return [pack_docs(*part, block_size) or pad_rows(*part) for part in parts]

    def eval_windows(self, block_size):
        """(row, first scored target) of each document cut into consecutive windows, shortest first
        as they are batched (a stable sort: in document order within a length); a window with
        nothing scored is left out."""
        sizes = self.lengths() + 2
        counts = (sizes - 2) // block_size + 1
        items = np.repeat(np.arange(len(self)), counts)
        starts = (np.arange(len(items)) - np.repeat(np.cumsum(counts) - counts, counts)) * block_size
        stops = np.minimum(starts + block_size + 1, sizes[items])
        firsts = np.zeros_like(starts) if self.scored_from is None else np.asarray(self.scored_from)[items]
        keep = np.flatnonzero(stops - 1 > firsts)
        order = keep[np.argsort(stops[keep] - starts[keep], kind="stable")]
        return ((self.window(items[k], starts[k], stops[k]), max(int(firsts[k] - starts[k]), 0)) for k in order)


def held_out_count(n, val_fraction, what, remedy):
    """How many of n items a val_fraction holds out: at least one when the fraction is not 0."""
    n_val = int(round(n * val_fraction))
    if val_fraction > 0 and n_val == 0:
        n_val = 1
    if n - n_val < 1:
        raise MgptError(f"corpus has {n} {what}: too few to hold out {val_fraction:.0%} for validation; "
                        f"{remedy} or lower --val-fraction")
    return n_val


def held_out(n, val_fraction, seed, what, remedy):
    """(training indices, validation indices) of n items, each sorted: a seeded val_fraction of them
    held out."""
    val = held_out_mask(n, held_out_count(n, val_fraction, what, remedy), seed)
    return np.flatnonzero(~val), np.flatnonzero(val)


def held_out_mask(n, n_val, seed):
    """True for the n_val of n items that the seed holds out."""
    val = np.zeros(n, dtype=bool)
    val[np.random.default_rng([seed, 7]).permutation(n)[:n_val]] = True
    return val


def answer_starts(found, rows, marker):
    """Per document (rows: their (start, length)), the first scored target: the character after the
    last `marker` in its line (the answer of a prompt/answer line, as instruction tuning scores only
    the response); a line without the marker is scored whole. found: where the marker starts in
    the corpus, in order."""
    rows = rows[:]
    if not len(found):
        return np.zeros(len(rows), dtype=np.int64)
    begins = rows[:, 0]
    last = np.searchsorted(found, begins + rows[:, 1] - len(marker), side="right") - 1  # the last that fits
    at = found[np.maximum(last, 0)]
    return np.where((last >= 0) & (at >= begins), at - begins + len(marker), 0)


def split_corpus(corpus, vocab, mode, val_fraction, seed, block_size, answer_after=None):
    """Returns (train, val) of a prepared corpus. docs: random documents to val (seeded; the rows
    of each part are kept beside the corpus); stream: the tail to val."""
    lut = id_map(corpus.chars, vocab)
    if mode == "docs":
        docs = corpus.docs()
        n = len(docs)
        n_val = held_out_count(n, val_fraction, "document(s)", "add text")
        rows = corpus.derived(f"split-{seed}-{val_fraction!r}.bin", np.int64, (n, 2),
                              lambda f: write_split(f, docs, n_val, seed))
        found = marker_at(corpus, vocab, answer_after)
        return tuple(DocsSplit(corpus.tokens, part, vocab.bos, lut,
                               None if found is None else answer_starts(found, part, answer_after))
                     for part in (rows.part(0, n - n_val), rows.part(n - n_val, n)))
    tokens = corpus.tokens
    n_val = int(len(tokens) * val_fraction)
    window = block_size + 1
    if len(tokens) - n_val < window:
        raise MgptError(f"corpus is {len(tokens)} characters: stream mode needs at least block_size + 1 = "
                        f"{window} for training (plus --val-fraction for validation); add text, "
                        f"lower --block-size, or use --mode docs")
    if val_fraction > 0 and n_val < window:
        raise MgptError(f"the validation tail is {n_val} characters, shorter than one window of "
                        f"{window}; add text or raise --val-fraction")
    return (StreamSplit(tokens.part(0, len(tokens) - n_val), lut),
            StreamSplit(tokens.part(len(tokens) - n_val, len(tokens)), lut))


def write_split(f, docs, n_val, seed):
    """The rows of the training documents, then those of the validation documents, each part in
    corpus order, read a slice of the index at a time."""
    val, step = held_out_mask(len(docs), n_val, seed), 1 << 20
    for held in (False, True):
        for a in range(0, len(docs), step):
            f.write(docs[a:a + step][val[a:a + step] == held].tobytes())


def marker_at(corpus, vocab, marker):
    """Where --answer-after's marker starts in the corpus (None without one): nowhere if the
    vocabulary lacks one of its characters, as the text it reads could not hold it."""
    if not marker:
        return None
    return corpus.occurrences(marker) if all(c in vocab.index for c in marker) else np.zeros(0, np.int64)


def whole_corpus(corpus, vocab, mode, answer_after=None):
    """All of a prepared corpus as one split, as `mgpt eval` scores it."""
    lut = id_map(corpus.chars, vocab)
    if mode == "docs":
        docs, found = corpus.docs(), marker_at(corpus, vocab, answer_after)
        starts = None if found is None else answer_starts(found, docs, answer_after)
        return DocsSplit(corpus.tokens, docs, vocab.bos, lut, starts)
    return StreamSplit(corpus.tokens, lut)


def rank_rng(entropy, rank):
    """Rank 0 draws a single process's stream; rank r a child of it (NumPy's spawn key r).

    So one seed gives every rank its own batches and dropout masks, and a 1-rank run is exactly
    the single-process run.
    """
    if rank == 0:
        return np.random.default_rng(entropy)
    return np.random.default_rng(np.random.SeedSequence(entropy, spawn_key=(rank,)))


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
