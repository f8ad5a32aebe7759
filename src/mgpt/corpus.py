"""The text of a corpus, read in chunks in bounded memory, and the two passes that prepare it
(prepared.py keeps the result):
- scan: checks the text (UTF-8; no control character but tab, newline, vertical tab and form
  feed), collects its characters and hashes it;
- encode: writes each character's id (its rank among the corpus's characters, in the smallest
  unsigned type that holds them) and measures the lines auto mode reads.

The text is what mgpt always read: UTF-8, CRLF and CR turned into LF, each file ending with a
newline, the files concatenated. A chunk is bytes where it is ASCII (the common and fast case),
str otherwise; a character split across two reads is joined by an incremental decoder.
"""

import codecs
import hashlib
import os
import re
from typing import NamedTuple

import numpy as np

from .data import SHORT_LINE
from .errors import MgptError

CHUNK = 1 << 22  # bytes per read: memory stays a few chunks, whatever the corpus's size
_FORBIDDEN = bytes(range(9)) + bytes(range(14, 32)) + b"\x7f"  # control characters; CR becomes LF first
_ALLOWED_ASCII = bytes(c for c in range(128) if c not in _FORBIDDEN)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


class Source(NamedTuple):
    path: str  # the file read
    name: str  # how messages call it: the path given, or <stdin>


# --- the text, chunk by chunk ------------------------------------------------------------

def read_chunks(source, advance=None):
    """The text of one file as read, chunk by chunk: bytes where a chunk is ASCII (the common and
    fast case), str otherwise. advance(n) hears of every n bytes read."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    read, after_cr, last = 0, False, None
    with open_source(source) as f:
        while True:
            raw = f.read(CHUNK)
            pending = len(decoder.getstate()[0])  # bytes of a character split across two reads
            offset, read = read - pending, read + len(raw)  # offset: the byte where this text starts
            text = raw if raw and not pending and raw.isascii() else _decode(decoder, raw, source, offset)
            _refuse_controls(text, source, offset)
            if advance:
                advance(len(raw))
            if text:
                text, after_cr = _line_ends(text, after_cr)
            if text:
                last = text[-1:]
                yield text
            if not raw:
                break
    if last is not None and last not in (b"\n", "\n"):
        yield b"\n"


def read_text(sources):
    """The whole corpus as one string (a span reader's examples are parsed whole)."""
    text = "".join(c if isinstance(c, str) else c.decode("ascii") for s in sources for c in read_chunks(s))
    refuse_nothing(set(text), sources)
    return text


def open_source(source):
    if not os.path.exists(source.path):
        raise MgptError(f"{source.name}: no such file")
    if os.path.isdir(source.path):
        raise MgptError(f"{source.name}: is a directory; pass the text files inside it (e.g. {source.name}/*.txt)")
    try:
        return open(source.path, "rb")
    except OSError as e:
        raise MgptError(f"{source.name}: cannot read ({e.strerror})") from None


def _decode(decoder, raw, source, offset):
    try:
        return decoder.decode(raw, final=not raw)
    except UnicodeDecodeError as e:  # e.start counts from the pending bytes, where offset points
        raise MgptError(f"{source.name}: not valid UTF-8 at byte offset {offset + e.start}; convert it first "
                        f"(e.g. iconv -f latin1 -t utf-8)") from None


def _refuse_controls(text, source, offset):
    """NUL and the like mean binary data; tab, newline, vertical tab and form feed are text."""
    if isinstance(text, bytes):
        found = text.translate(None, _ALLOWED_ASCII)
        if not found:
            return
        at = min(text.find(c) for c in set(found))
        char, where = chr(text[at]), offset + at
    else:
        match = _CONTROL.search(text)
        if not match:
            return
        char, where = match.group(), offset + len(text[:match.start()].encode("utf-8"))
    raise MgptError(f"{source.name}: control character {char!r} at byte offset {where}: this looks like binary "
                    f"data, not text (tab, form feed and vertical tab are fine; remove the others, e.g. with "
                    f"tr -d '\\000-\\010\\016-\\037\\177')")


def _line_ends(text, after_cr):
    """(text with CRLF and CR as LF, whether it ended with CR): a CR that ends one chunk and the LF
    that starts the next are one line end."""
    cr, lf = (b"\r", b"\n") if isinstance(text, bytes) else ("\r", "\n")
    if after_cr and text.startswith(lf):
        text = text[1:]
    if cr not in text:
        return text, False
    return text.replace(cr + lf, lf).replace(cr, lf), text.endswith(cr)


def refuse_nothing(chars, sources):
    if not chars or all(c.isspace() for c in chars):
        what = "empty" if not chars else "whitespace only"
        raise MgptError(f"corpus {', '.join(s.name for s in sources)} is {what}: there is nothing to learn from")


# --- the two passes ----------------------------------------------------------------------

def scan(sources, advance):
    """(the corpus's characters, sorted; sha256 of its text)."""
    digest, seen = hashlib.sha256(), b""
    present = np.zeros(0x110000, dtype=bool)
    for source in sources:
        for text in read_chunks(source, advance):
            if isinstance(text, bytes):
                digest.update(text)
                new = text.translate(None, seen)  # usually nothing: every character was seen before
                seen += bytes(set(new))
            else:
                digest.update(text.encode("utf-8"))
                present[np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)] = True
    present[np.frombuffer(seen, dtype=np.uint8)] = True
    return "".join(map(chr, np.flatnonzero(present))), digest.hexdigest()


def id_dtype(n):
    """The smallest unsigned type that holds n ids."""
    return np.dtype(np.uint8 if n <= 1 << 8 else np.uint16 if n <= 1 << 16 else np.uint32)


def encode(sources, kept, drop, out, advance):
    """Writes the ids of the text's characters to the file out, those in `drop` left out; returns
    (ids written, line statistics)."""
    dtype = id_dtype(len(kept))
    ids_of = np.zeros(0x110000, dtype=dtype)  # code point -> id
    keep = np.zeros(0x110000, dtype=bool)
    codes = np.array([ord(c) for c in kept], dtype=np.int64)
    ids_of[codes], keep[codes] = np.arange(len(kept)), True
    table = ids_of[:256].tobytes() if dtype == np.uint8 else None  # ASCII straight to ids, in C
    dropped = bytes(ord(c) for c in drop if ord(c) < 128)
    lines, count = Lines(kept), 0
    for source in sources:
        for text in read_chunks(source, advance):
            if table is not None and isinstance(text, bytes):
                ids = np.frombuffer(text.translate(table, dropped), dtype=np.uint8)
            else:
                wide = isinstance(text, str)
                codes = np.frombuffer(text.encode("utf-32-le") if wide else text, np.uint32 if wide else np.uint8)
                ids = ids_of[codes[keep[codes]] if drop else codes]
            out.write(ids.tobytes())
            lines.count(*lines.feed(ids)[1:])
            count += len(ids)
    return count, lines.stats


class Lines:
    """Cuts ids into lines as they pass: the (start, length, has a non-space character) of each line
    a chunk ends, and the statistics auto mode reads (data.choose_mode)."""

    def __init__(self, chars):
        self.newline = chars.find("\n")
        self.ink = np.array([not c.isspace() for c in chars] + [False] * (256 - len(chars)), dtype=np.uint8)
        self.table = self.ink.tobytes() if len(chars) <= 256 else None
        self.at, self.start, self.inked = 0, 0, False  # ids seen; the line under way
        self.stats = {"lines": 0, "short": 0, "chars": 0, "blank_inside": False}
        self.filled, self.empty_run = False, 0  # a line with characters seen; empty lines since

    def feed(self, ids):
        ink = np.frombuffer(ids.tobytes().translate(self.table), np.uint8) if self.table else self.ink[ids]
        ends = np.flatnonzero(ids == self.newline) if self.newline >= 0 else np.zeros(0, np.int64)
        base, self.at = self.at, self.at + len(ids)
        if not len(ends):
            self.inked = self.inked or bool(ink.any())
            return ends, ends, np.zeros(0, dtype=bool)
        firsts = np.concatenate(([0], ends[:-1] + 1))
        inked = np.maximum.reduceat(ink[:ends[-1] + 1], firsts).astype(bool)  # each line with its newline
        inked[0] |= self.inked
        starts = firsts + base
        starts[0] = self.start
        self.start, self.inked = base + ends[-1] + 1, bool(ink[ends[-1] + 1:].any())
        return starts, ends + base - starts, inked

    def count(self, lengths, inked):
        docs = lengths[inked]
        s = self.stats
        s["lines"] += len(docs)
        s["short"] += int(np.count_nonzero(docs <= SHORT_LINE))
        s["chars"] += int(docs.sum())
        filled = np.flatnonzero(lengths > 0)
        # as text.strip("\n") sees it: a blank line inside, or an empty one between two with characters
        blank = bool(np.any(~inked & (lengths > 0)))
        if len(filled):
            blank |= (self.filled and self.empty_run + filled[0] > 0) or bool(np.any(np.diff(filled) > 1))
            self.filled, self.empty_run = True, len(lengths) - 1 - int(filled[-1])
        else:
            self.empty_run += len(lengths)
        s["blank_inside"] = s["blank_inside"] or bool(blank)
