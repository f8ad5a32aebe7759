"""Man pages from their troff sources (the man(7) macros the Linux man-pages project writes) to
the plain text a person would index, keeping the structure the question builders need.

`parse(source)` reads one page into a `Page`: its name and section, and per section (`.SH`) a
list of blocks: paragraphs, tagged items (`.TP`/`.TQ`/`.IP tag`: an option, a flag, an error, a
file, with its description), bullet lists, preformatted lines (`.nf`/`.EX`) and tables (`.TS`,
tbl). `render(page)` writes it as the Markdown mgpt's chunker understands: one `##` heading per
section that names the page ("open(2): ERRORS", so a chunk cut from it still says which page it
comes from), a paragraph to a line, an item as its tag line over its description (the chunker
joins them: "EACCES The requested access to the file is not allowed, ..."), bullets as `- `
items, tables as pipe tables (rows come out as "Interface: strtok(); Value: MT-Unsafe.").

Only what these pages use is understood; an unknown request is dropped, and its arguments kept
as text when it has some.
"""

import re

from .inline import args, inline, strip_comment
from .page import Parser
from .requests import request
from .tbl import read_table, table_block


def parse(source):
    """One man page (troff source text) into a Page."""
    p = Parser()
    lines = source.replace("\r\n", "\n").split("\n")
    joined, buf = [], ""
    for line in lines:  # an escaped newline joins two lines
        if line.endswith("\\") and not line.endswith("\\\\"):
            buf += line[:-1]
            continue
        joined.append(buf + line)
        buf = ""
    if buf:
        joined.append(buf)
    body = [line for line in joined if not line.startswith(('.\\"', "'\\\"", '.\\\\"'))]
    first = next((line for line in body if line.strip() and line.strip() != "."), "")
    if first.startswith(".so "):
        p.page.alias = first[4:].strip()
        return p.page
    i = 0
    skipping_macro = False
    while i < len(body):
        line = body[i]
        i += 1
        if skipping_macro:
            if line.startswith(".."):
                skipping_macro = False
            continue
        line = strip_comment(line)
        if line.startswith((".", "'")):
            m = re.match(r"^[.']\s*([A-Za-z&]+\S*)\s*(.*)$", line)
            if not m:
                continue
            name, rest = m.group(1), m.group(2)
            if name in ("de", "de1", "am"):
                skipping_macro = True
                continue
            if name == "TS":
                tbl = []
                while i < len(body) and not body[i].startswith(".TE"):
                    tbl.append(body[i])
                    i += 1
                i += 1
                p.end_item()
                block = table_block(*read_table(tbl))
                if block is not None:
                    block.depth = p.depth
                    p._sec().blocks.append(block)
                continue
            if p.pending and p.pending.startswith("heading:"):
                p.pending = None
            if p.pending == "tag" and name in ("B", "I", "BR", "BI", "IB", "IR", "RB", "RI", "SM", "SB"):
                a = [inline(x) for x in args(rest)]
                if not a:
                    continue  # .B alone: the tag is on the next line
                p.add_text(("".join(a) if len(name) == 2 else " ".join(a)))
                continue
            request(p, name, rest)
            continue
        if p.pending and p.pending.startswith("heading:"):
            kind = p.pending.split(":")[1]
            p.pending = None
            p.heading(kind, inline(line).strip())
            continue
        text = inline(line.replace("\\c", "\x00")) if line.rstrip().endswith("\\c") else inline(line)
        if p.fill:
            if text.endswith("\x00"):
                p.add_text(text[:-1])
                p.join_next = True
                continue
            if not text.strip():
                p.flush()  # a blank line in fill mode is a paragraph break
                if p.item is None and p.bullets is None:
                    p.cont = False
                continue
        p.add_text(text)
    p.end_item()
    if p.pre is not None:
        p.flush()
    for s in p.page.sections:
        s.blocks = [b for b in s.blocks if not (b.kind == "item" and not b.tag.strip())]
        for b in s.blocks:
            if b.kind == "bullets":
                b.lines = [x for x in b.lines if x.strip()]
        s.blocks = [b for b in s.blocks if not (b.kind == "bullets" and not b.lines)]
    return p.page


def heading(page, section):
    return f"{page.ref}: {section}"


def render(page):
    """The page as Markdown text (see the module's docstring)."""
    out = []
    for s in page.sections:
        if not s.name:
            continue
        out.append("## " + heading(page, s.name))
        just_heading = True
        for b in s.blocks:
            if b.kind == "sub":
                out.append(("### " + b.text) if just_heading else ("### " + heading(page, b.text)))
                just_heading = True
                continue
            text = block_text(b)
            if text:
                out.append(text)
                just_heading = False
    return "\n\n".join(out) + "\n"


def block_text(b):
    if b.kind == "para":
        return b.text
    if b.kind == "item":
        return f"{b.tag}\n{b.text}" if b.text else b.tag
    if b.kind == "bullets":
        return "\n".join(f"- {x}" for x in b.lines)
    if b.kind == "pre":
        lines = [" ".join(x.split()) for x in b.lines]
        # a blank line inside a preformatted block stays a break between its paragraphs
        return "\n".join(x for x in lines).strip("\n").replace("\n\n\n", "\n\n")
    if b.kind == "table":
        width = max(len(r) for r in b.rows)
        rows = [[c.replace("|", "/") for c in r] + [""] * (width - len(r)) for r in b.rows]
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        if b.header:
            lines.insert(1, "|" + "---|" * width)
        return "\n".join(lines)
    return ""
