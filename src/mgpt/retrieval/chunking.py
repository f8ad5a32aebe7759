"""Cutting a document into chunks: by section and unit first, then by size, in characters.

A chunk is the unit that is embedded, stored and put into a prompt, so it must be small enough
for a small model's context: the defaults leave room for two chunks, a question and an answer
in the reader's block. A chunk is one line (whitespace collapsed), because the prompt is one line.

The document's structure decides where it may be cut:
- a Markdown heading names its section, and every chunk of the section starts with it, so a
  chunk keeps the title that says what it is about ("Kestrel 2 tent. It weighs 1.9 kg."); a
  block that opens with a short line ending in "?" or ":" (an FAQ question, a lead-in) names
  its block the same way, so an answer cut in two keeps its question;
- prose is packed by sentences, lists by items, so no fact is cut in two unless one sentence
  alone is longer than a chunk (then it is cut at spaces, the pieces overlapping);
- a block of record lines (`key: value` or `key = value`, one to a line, as in INI files and
  internal wikis) keeps each line a unit, and a short first line that is not one of them
  ("[KA-400 frame pack]", brackets dropped) names the block, so a chunk cut from the middle of
  a record still names its product;
- a Markdown table becomes one line per row that names each cell by its column header
  ("Model: Aster 500; Price: €89; Weight: 2.1 kg."), so a row read alone still says what
  each value is, which a row of bare cells would not; a row too long for a chunk is cut
  between cells, each piece opening with the row's first cell ("Model: Aster 500; Weight: ...");
- a block of three or more short lines that do not end sentences (a table drawn as text, an
  address) keeps each line a unit, as a record block does.
Emphasis markers (`**`, `__`, backticks) are dropped; they carry no words.
"""

import re

from ..options import flag

# The shipped reader reads three chunks packed in its prompt: on the development bases
# (corpora/readerkb/dev, dev2) chunks of 130-160 characters gave it 11-14 of 65 answers, 180 gave 9
DEFAULT_CHUNK_SIZE = 140
DEFAULT_OVERLAP = 32

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|^\s{0,3}#{1,6}$")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z0-9À-Þ])")
_EMPHASIS = re.compile(r"\*\*|__|`")
SHORT_LINE = 80
# `key: value` or `key = value`: a short key of words, then the value on the same line
_RECORD = re.compile(r"^\s*[^\s:=][^:=]{0,39}?\s*[:=]\s+\S")


def check_sizes(chunk_size, overlap):
    """Returns an error message, or None when the sizes make sense."""
    if chunk_size < 16:
        return f"{flag('chunk_size')} {chunk_size} is too small; use at least 16 characters"
    if not 0 <= overlap < chunk_size // 2:
        return f"{flag('overlap')} {overlap} must be at least 0 and less than half of {flag('chunk_size')} {chunk_size}"
    return None


def _flat(text):
    return " ".join(_EMPHASIS.sub("", text).split())


def _cells(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [_flat(cell) for cell in line.split("|")]


class TableRow(str):
    """A table's row as one unit ("Model: D20; Price: €299."): too long for a chunk, it is cut
    between cells and every piece opens with the row's first cell (split_row)."""


def table_rows(lines):
    """Rows of a Markdown table as 'Header: cell; Header: cell.' lines (bare cells without a header row)."""
    if len(lines) >= 2 and _TABLE_RULE.match(lines[1]):
        header, body = _cells(lines[0]), lines[2:]
    else:
        header, body = [], lines
    rows = []
    for line in body:
        if _TABLE_RULE.match(line):
            continue
        cells = _cells(line)
        parts = [f"{header[i]}: {cell}" if i < len(header) and header[i] else cell
                 for i, cell in enumerate(cells) if cell]
        if parts:
            rows.append(TableRow("; ".join(parts) + ("" if parts[-1][-1] in ".!?" else ".")))
    return rows


def _is_table(lines):
    return sum(line.strip().startswith("|") for line in lines) >= max(2, len(lines) - 1)


def sections(text, rows_and_lines=True):
    """(title, units) per block: units are sentences of prose, items of a list, rows of a
    table or lines of a record block; the title is the block's own lead line, else the nearest
    heading above (None before the first). rows_and_lines False reads as mgpt did before it cut
    long rows between cells and kept short lines (for data recorded then: lab/readergen)."""
    out, title, fresh = [], None, False
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in block.split("\n") if line.strip()]
        heads = [line for line in lines if _HEADING.match(line)]
        if heads and lines[:len(heads)] == heads:  # a block that opens with headings
            heading = " ".join(_flat(_HEADING.sub("", line)) for line in heads).strip()
            title = f"{title}{_stop(title)} {heading}" if (title and fresh) else heading
            fresh = True
            lines = lines[len(heads):]
            if not lines:
                continue
        fresh = False
        block_title = title
        if len(lines) >= 2 and _is_lead(lines[0]) and not _ITEM.match(lines[0]):
            block_title = _flat(lines[0])
            lines = lines[1:]
            if block_title.endswith(":"):
                block_title = block_title[:-1]
        if _is_table(lines):
            units = table_rows(lines) if rows_and_lines else [str(row) for row in table_rows(lines)]
        elif _is_records(lines):
            if _names_block(lines[0]):
                block_title, lines = _flat(lines[0]).removeprefix("[").removesuffix("]"), lines[1:]
            units = [_flat(line) for line in lines]
        elif any(_ITEM.match(line) for line in lines):
            units = _items(lines)
        elif rows_and_lines and _is_short_lines(lines):
            units = [_flat(line) for line in lines]
        else:
            units = _SENTENCE_END.split(_flat(" ".join(lines)))
        units = [u for u in units if u]
        if units:
            out.append((block_title, units))
    if fresh and title:  # a heading at the very end still says something
        out.append((None, [title]))
    return out


def _is_lead(line):
    line = _flat(line)
    return len(line) <= 120 and line.endswith(("?", ":"))


def _is_records(lines):
    """Two or more `key: value` lines, after at most one short line that names them."""
    body = lines[1:] if lines and _names_block(lines[0]) else lines
    return len(body) >= 2 and all(_RECORD.match(line) for line in body)


def _is_short_lines(lines):
    """Three or more short lines that do not end sentences: a table drawn as text, an address."""
    ended = sum(line.rstrip().endswith((".", "!", "?")) for line in lines)
    return len(lines) >= 3 and all(len(_flat(line)) <= SHORT_LINE for line in lines) and ended * 4 <= len(lines)


def _names_block(line):
    """A short line that is neither a record (no `:` or `=`) nor a list item: a record block's name."""
    return len(_flat(line)) <= 60 and not _ITEM.match(line) and not re.search("[:=]", line)


def _stop(text):
    return "" if text[-1] in ".:;!?" else "."


def _items(lines):
    """List items (with the lines that continue them); text before the first item is its own unit."""
    units = []
    for line in lines:
        if _ITEM.match(line) or not units:
            units.append(_flat(line))
        else:
            units[-1] = f"{units[-1]} {_flat(line)}"
    return units


def split_long(text, chunk_size, overlap):
    """Windows of at most chunk_size characters, cut at spaces where possible; each window
    repeats about `overlap` characters of the one before, so a fact cut in two survives whole."""
    if len(text) <= chunk_size:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + chunk_size, len(text))
        if end < len(text):
            cut = text.rfind(" ", start + chunk_size // 2, end + 1)
            if cut > start:
                end = cut
        pieces.append(text[start:end].strip())
        if end >= len(text):
            break
        next_start = max(end - overlap, start + 1)
        if overlap:
            space = text.find(" ", next_start, end)  # begin the overlap at a word
            if space != -1:
                next_start = space + 1
        start = next_start
    return [p for p in pieces if p]


def split_row(row, room, overlap):
    """A table row's pieces of at most `room` characters, cut between cells, each after the first
    opening with the row's first cell, so a piece read alone still names its row's item."""
    cells = row.split("; ")
    key, pieces, current = cells[0], [], cells[0]
    for cell in cells[1:]:
        if len(current) + 2 + len(cell) <= room or current == key:
            current = f"{current}; {cell}"
        else:
            pieces.append(current + ".")
            current = f"{key}; {cell}"
    pieces.append(current)
    return [part for piece in pieces for part in split_long(piece, room, overlap)]


def pack(title, units, chunk_size, overlap):
    """Units packed in order into chunks of at most chunk_size characters, each opening with the
    title; a unit too long for a chunk of its own is cut by split_long."""
    head = f"{title}{_stop(title)} " if title else ""
    room = max(chunk_size - len(head), chunk_size // 2)
    chunks, current = [], ""
    for unit in units:
        for piece in (split_row if isinstance(unit, TableRow) else split_long)(unit, room, overlap):
            if current and len(current) + 1 + len(piece) <= room:
                current = f"{current} {piece}"
                continue
            if current:
                chunks.append(head + current)
            current = piece
    if current:
        chunks.append(head + current)
    return chunks


def chunk_text(text, chunk_size=DEFAULT_CHUNK_SIZE, overlap=DEFAULT_OVERLAP, rows_and_lines=True):
    """The chunks of one document, in order, without repeats (a repeated chunk adds nothing);
    rows_and_lines as in sections."""
    seen, chunks = set(), []
    for title, units in sections(text, rows_and_lines):
        for chunk in pack(title, units, chunk_size, overlap):
            if chunk not in seen:
                seen.add(chunk)
                chunks.append(chunk)
    return chunks
