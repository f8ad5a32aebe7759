"""How mgpt cut a document into chunks before it knew record blocks (`key: value` lines, one to a
line): it read them as prose or as list items. Editions 1-5 of the generator were chunked that way,
so make_reader.py's lines keep their bytes only if they still are; mgpt's own chunker
(mgpt.retrieval.chunking) has since moved on, and this reading stays here, frozen.

Only `sections` is the old reading; packing units into chunks and reading tables are mgpt's.
"""

import re

from mgpt.retrieval.chunking import DEFAULT_OVERLAP, pack, table_rows

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|^\s{0,3}#{1,6}$")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z0-9À-Þ])")
_EMPHASIS = re.compile(r"\*\*|__|`")


def chunk_as_prose(text, chunk_size, overlap=DEFAULT_OVERLAP):
    """The chunks of one document, in order, without repeats, record blocks read as prose."""
    seen, chunks = set(), []
    for title, units in sections(text):
        for chunk in pack(title, units, chunk_size, overlap):
            if chunk not in seen:
                seen.add(chunk)
                chunks.append(chunk)
    return chunks


def sections(text):
    """(title, units) per block: units are sentences of prose, items of a list or rows of a
    table; the title is the block's own lead line, else the nearest heading above (None
    before the first)."""
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
            units = [str(row) for row in table_rows(lines)]  # plain units: mgpt now cuts a long row between cells
        elif any(_ITEM.match(line) for line in lines):
            units = _items(lines)
        else:
            units = _SENTENCE_END.split(_flat(" ".join(lines)))
        units = [u for u in units if u]
        if units:
            out.append((block_title, units))
    if fresh and title:  # a heading at the very end still says something
        out.append((None, [title]))
    return out


def _flat(text):
    return " ".join(_EMPHASIS.sub("", text).split())


def _is_table(lines):
    return sum(line.strip().startswith("|") for line in lines) >= max(2, len(lines) - 1)


def _is_lead(line):
    line = _flat(line)
    return len(line) <= 120 and line.endswith(("?", ":"))


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
