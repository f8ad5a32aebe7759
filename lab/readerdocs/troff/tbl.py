"""Tables (tbl: `.TS` ... `.TE`): the format lines, the rows and their T{ ... T} cells, and the
table block they make."""

import re

from .inline import args, inline, strip_comment
from .page import Block


def read_table(lines):
    """The format lines and the rows of cells of a table's lines (between .TS and .TE), and whether a rule
    follows its first row (which makes that row a header)."""
    tab = "\t"
    rule_after_first = False
    i = 0
    if lines and lines[0].rstrip().endswith(";"):
        m = re.search(r"tab\s*\((.)\)", lines[0])
        if m:
            tab = m.group(1)
        i = 1
    formats = []
    while i < len(lines):
        f = lines[i].strip()
        i += 1
        formats.append(f.rstrip("."))
        if f.endswith("."):
            break
    data = lines[i:]
    rows, j = [], 0
    while j < len(data):
        line = data[j]
        j += 1
        if line.startswith((".", "'")):
            m = re.match(r"^[.']\s*([A-Za-z]+)\s*(.*)$", line)
            if m and m.group(1) in ("T&",):
                while j < len(data) and not data[j].rstrip().endswith("."):
                    j += 1
                j += 1
            continue
        if line.strip() in ("_", "=", ""):
            if line.strip() and len(rows) == 1:
                rule_after_first = True
            continue
        cells = line.split(tab)
        out = []
        for k, cell in enumerate(cells):
            if cell.rstrip().endswith("T{"):
                before = cell.rstrip()[:-2]
                buf = [before] if before.strip() else []
                rest_after = None
                while j < len(data):
                    nxt = data[j]
                    j += 1
                    if nxt.startswith("T}"):
                        rest_after = nxt[2:]
                        break
                    buf.append(_line_text(nxt))
                out.append(" ".join(" ".join(buf).split()))
                if rest_after:
                    more = rest_after.split(tab)[1:]
                    cells.extend(more)
            else:
                out.append(" ".join(inline(cell).split()))
        rows.append(out)
    return formats, rows, rule_after_first

def _line_text(line):
    line = strip_comment(line)
    if line.startswith((".", "'")):
        m = re.match(r"^[.']\s*([A-Za-z]+)\s*(.*)$", line)
        if not m:
            return ""
        name, rest = m.group(1), m.group(2)
        a = [inline(x) for x in args(rest)]
        if name in ("BR", "BI", "IB", "IR", "RB", "RI"):
            return "".join(a)
        if name in ("B", "I", "SM", "SB"):
            return " ".join(a)
        return ""
    return inline(line)


def table_block(formats, rows, rule_after_first):
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return None
    merged = []
    for r in rows:  # a row with an empty first cell continues the row above (a wrapped cell)
        if merged and r and not r[0].strip() and len(r) <= len(merged[-1]) + 1:
            prev = merged[-1]
            for k, cell in enumerate(r):
                if cell.strip() and cell.strip() != "\\^":
                    if k < len(prev):
                        prev[k] = (prev[k] + " " + cell).strip()
            continue
        merged.append([c for c in r])
    first = formats[0].split() if formats else []
    bold = bool(first) and all(re.search(r"[bB]", f) for f in first)
    ruled = len(formats) >= 2 and re.fullmatch(r"[_=\s]+", formats[1]) is not None
    header = bold or ruled or rule_after_first
    return Block("table", rows=merged, header=header)
