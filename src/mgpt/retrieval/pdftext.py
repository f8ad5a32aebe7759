"""A PDF's text put back into the blocks the chunker reads (chunking.sections).

A PDF keeps positioned lines, not paragraphs or tables. Read line by line, a page is one block:
its headings run into the prose (no chunk is titled by its section), a table's rows become runs
of bare cells ("Power 550 W 650 W": which value is whose?), and the running header and footer sit
in the chunks beside them. pypdf's layout extraction keeps where things stand (blank lines where
the page has space, cells at their columns), and this module reads that:

- lines that repeat at the top or bottom of most pages (digits aside: "Page 3 of 5") are dropped;
- dot leaders are shortened ("4 Baking a loaf ......... 2" -> "4 Baking a loaf ... 2");
- two or more lines of cells apart by wide gaps are a table: a Markdown table whose header row
  names every cell (chunking.table_rows), its columns found from where the cells start; a table
  that opens a page under none of its own continues the last page's and takes its header;
- a paragraph's wrapped lines are joined (a line that reaches about the text width goes on in
  the next, as does a line indented under a list item); runs of short lines stay lines;
- a short line standing alone before prose, a list or a table (a heading: "3 Before the first
  use") becomes a Markdown heading, so it names its section.
"""

import re

_DIGITS = re.compile(r"\d+")
_LEADER = re.compile(r"\s*(?:\.\s?){4,}\s*")
_BULLET = re.compile(r"^(\s*)([-*+•]|\d{1,3}[.)])\s+")
_ITEM = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s")
_CELL = re.compile(r"\S+(?: {1,2}\S+)*")  # words apart by at most two spaces: one cell
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s+[A-Z]")  # a numbered section's heading: "3 Programmes", "4.2 Timer"
_ENDS_SENTENCE = (".", ",", ";", ":", "!", "?")
FULL_LINE = 0.75  # a line at least this share of the text width is wrapped: its paragraph goes on
HEADING_MAX = 70
COLUMN_SLACK = 2  # cells starting this close are in one column


def _shape(line):
    return _DIGITS.sub("#", " ".join(line.split()))


def running_lines(pages):
    """The shapes (digits as #) of lines that open or close at least half the pages, three or more."""
    if len(pages) < 3:
        return set()
    counts = {}
    for text in pages:
        lines = [line for line in text.split("\n") if line.strip()]
        for shape in {_shape(line) for line in lines[:2] + lines[-2:]}:
            counts[shape] = counts.get(shape, 0) + 1
    return {shape for shape, n in counts.items() if n >= max(3, len(pages) / 2)}


def cells(line):
    """[(column where it starts, text)] of a layout line: words apart by three spaces or more are cells."""
    return [(m.start(), m.group()) for m in _CELL.finditer(line)]


def _columns(rows):
    starts = sorted({start for row in rows for start, _ in row})
    columns = []
    for start in starts:
        if not columns or start - columns[-1] > COLUMN_SLACK:
            columns.append(start)
    return columns


def _grid(rows, columns):
    grid = []
    for row in rows:
        line = [""] * len(columns)
        for start, text in row:
            at = max(i for i, c in enumerate(columns) if c <= start + COLUMN_SLACK)
            line[at] = f"{line[at]} {text}".strip()
        grid.append(line)
    return grid


class Table:
    """A table found on a page: its columns and rows of cells, the first the header unless it
    continues the last page's table (`header` given)."""

    def __init__(self, rows, header=None):
        self.columns = _columns(rows + ([header] if header else []))
        self.header_cells = header or rows[0]
        self.body = rows if header else rows[1:]

    def continues(self, other):
        return other is not None and len(self.columns) == len(other.columns) and all(
            abs(a - b) <= COLUMN_SLACK for a, b in zip(self.columns, other.columns))

    def markdown(self):
        header, *body = _grid([self.header_cells] + self.body, self.columns)
        line = lambda cells: "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"
        return "\n".join([line(header), "|" + "---|" * len(header)] + [line(row) for row in body])


def _is_heading(line):
    """Short, no closing punctuation, at most two numbers ("10 Guarantee and customer care"; a
    table's row has more: "Weight 5.4 kg 6.1 kg")."""
    return (len(line) <= HEADING_MAX and not line.endswith(_ENDS_SENTENCE) and line[:1].isalnum()
            and len(_DIGITS.findall(line)) <= 2)


def _goes_on(previous, line, width):
    """Whether a line continues the paragraph or item whose last line is `previous` (both
    (indent, text)): indented under an item, or after a line that reached the text width unless
    it is a heading after a finished sentence."""
    (indent_before, before), (indent, text) = previous, line
    if _ITEM.match(text):
        return False
    if _ITEM.match(before) and indent > indent_before:
        return True
    if len(before) < FULL_LINE * width:
        return False
    return not (before.endswith((".", "!", "?", ":")) and len(text) < FULL_LINE * width and _is_heading(text))


def blocks(items, width):
    """Items (an (indent, text) line, None for a blank line, or a Table) -> [(kind, lines)]:
    prose (a paragraph's wrapped lines), list (items and the lines that continue them), short (a
    run of short lines: a contents list, an address) or table ([Table])."""
    out, apart = [], True
    for item in items:
        if item is None or isinstance(item, Table):
            if isinstance(item, Table):
                out.append(("table", [item]))
            apart = True
            continue
        last = None if apart else out[-1]
        apart = False
        text = item[1]
        if last and last[0] in ("prose", "list") and _goes_on(last[1][-1], item, width):
            last[1].append(item)
        elif _ITEM.match(text):
            if last and last[0] == "list":
                last[1].append(item)
            else:
                out.append(("list", [item]))
        elif len(text) < FULL_LINE * width:
            if last and last[0] == "short":
                last[1].append(item)
            else:
                out.append(("short", [item]))
        else:
            out.append(("prose", [item]))
    return out


def page_markdown(items, width):
    """One page's items as Markdown blocks separated by blank lines: a short block of one or two
    heading-like lines before prose, a list, a table or another such block is a heading; else the
    last line of a short block before text may be, and a numbered heading-like line opening a
    short block is one."""
    found = blocks(items, width)
    heading = [False] * (len(found) + 1)  # whether block i is a heading alone: before text, or before another heading
    for i in range(len(found) - 1, -1, -1):
        kind, block = found[i]
        after = found[i + 1][0] if i + 1 < len(found) else None
        heading[i] = (kind == "short" and len(block) <= 2 and all(_is_heading(text) for _, text in block)
                      and (after in ("prose", "list", "table") or heading[i + 1]))
    parts = []
    for i, (kind, block) in enumerate(found):
        if kind == "table":
            parts.append(block[0].markdown())
            continue
        lines = [text for _, text in block]
        if kind == "prose":
            parts.append(" ".join(lines))
            continue
        if kind == "list":
            parts.append("\n".join(lines))
            continue
        if len(lines) >= 2 and _NUMBERED.match(lines[0]) and _is_heading(lines[0]):
            parts.append(f"## {lines[0]}")  # "9 Technical specifications" over what follows
            lines = lines[1:]
        heads = []
        if heading[i]:
            heads, lines = lines, []
        elif lines and i + 1 < len(found) and found[i + 1][0] in ("prose", "list", "table") and _is_heading(lines[-1]):
            heads, lines = lines[-1:], lines[:-1]  # the last line of a contents list: the next section's
        if lines:
            parts.append("\n".join(lines))
        if heads:
            parts.append("\n".join(f"## {line}" for line in heads))
    return "\n\n".join(parts)


def page_items(lines, last_table):
    """A page's layout lines (running lines gone) -> items for blocks(): runs of two or more
    lines of cells become Tables; a blank line is None."""
    items, run = [], []

    def flush():
        if len(run) >= 2:
            rows = [cells(line) for line in run]
            table = Table(rows)
            if all(item is None for item in items) and table.continues(last_table):  # it opens the page
                table = Table(rows, last_table.header_cells)
            items.append(table)
        else:
            items.extend((len(line) - len(line.lstrip()), line.strip()) for line in run)
        run.clear()

    for line in lines:
        if not line.strip():
            flush()
            items.append(None)
        elif len(cells(line)) >= 2 and not _BULLET.match(line):
            run.append(line)
        else:
            flush()
            items.append((len(line) - len(line.lstrip()), _BULLET.sub(r"\2 ", line.strip(), count=1)))
    flush()
    return items


def pdf_pages_markdown(pages):
    """[(number, layout text)] -> [(number, Markdown text)], pages left without text left out."""
    running = running_lines([text for _, text in pages])
    kept = []
    for number, text in pages:
        lines = [_LEADER.sub(" ... ", line.rstrip()) for line in text.split("\n")]
        kept.append((number, [line for line in lines if not line.strip() or _shape(line) not in running]))
    lengths = sorted(len(line.strip()) for _, lines in kept for line in lines if line.strip() and len(cells(line)) < 2)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    out, last_table = [], None
    for number, lines in kept:
        items = page_items(lines, last_table)
        tables = [item for item in items if isinstance(item, Table)]
        last_table = tables[-1] if tables else last_table
        text = page_markdown(items, width)
        if text.strip():
            out.append((number, text))
    return out
