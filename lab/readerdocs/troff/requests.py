"""The man(7) macros and troff requests a page uses, each as what it does to the page being read:
sections, paragraphs, tagged items, bullets, indents, fill and no-fill, fonts, links."""

import re

from .inline import args, inline
from .page import Block

_BULLETS = {"•", "*", "-", "o", "·"}
_IGNORED = {"in", "ti", "ta", "ad", "na", "nh", "hy", "PD", "ft", "ne", "bp", "nr", "ds", "if", "ie", "el", "UC",
            "INDENT", "UNINDENT", "ll", "ps", "vs", "ns", "rs", "so", "cs", "ss", "mk", "rt", "lf", "ig", "tr",
            "ev", "fam", "hw", "ce", "ul", "cu", "lt", "pl", "po", "pc", "pn", "nx", "rm", "rn", "am", "als",
            "chop", "do", "T", "fl", "ID", "DT", "AT", "OP", "HP"}


def request(p, name, rest):
    """Applies one request (a man(7) macro or a troff request) to the parser p."""
    a = args(rest)
    text_a = [inline(x) for x in a]
    if name == "TH":
        if a:
            p.page.name = inline(a[0])
        if len(a) > 1:
            p.page.section = inline(a[1])
    elif name in ("SH", "SS"):
        p.end_item()
        p.fill, p.depth = True, 0
        title = " ".join(text_a).strip()
        if not title:
            p.pending = "heading:" + name
            return
        p.heading(name, title)
    elif name in ("PP", "P", "LP"):
        if p.depth > 0 and (p.item is not None or p.cont):
            p.flush()
            p.cont = True
            if p.item is not None:
                p.item = None
        else:
            p.end_item()
    elif name == "TP" or name == "TQ":
        if name == "TQ" and p.item is not None:
            p.flush()
            p.pending = "tag"
            return
        p.end_item()
        p.item = Block("item", depth=p.depth)
        p._sec().blocks.append(p.item)
        p.pending = "tag"
    elif name == "IP":
        tag = text_a[0].strip() if text_a else ""
        if tag in _BULLETS or re.fullmatch(r"\(?\d{1,3}[.)]|\(?[a-z][.)]", tag):  # a bullet or an item number
            p.flush()
            if p.bullets is None:
                p.end_item()
                p.bullets = Block("bullets", depth=p.depth)
                p._sec().blocks.append(p.bullets)
            p.bullets.lines.append("")
        elif tag:
            p.end_item()
            p.item = Block("item", tag=tag, depth=p.depth)
            p._sec().blocks.append(p.item)
        else:  # an indented paragraph: it continues what came before
            p.flush()
            if p.bullets is not None:
                p.bullets = None
            p.item = None
            p.cont = True
    elif name == "RS":
        p.flush()
        p.depth += 1
    elif name == "RE":
        p.flush()
        p.depth = max(0, p.depth - 1)
        if p.depth == 0:
            p.item, p.bullets, p.cont = None, None, False
    elif name in ("nf", "EX"):
        p.flush()
        p.fill = False
        p.pre = []
    elif name in ("fi", "EE"):
        p.flush()
        p.fill = True
    elif name == "sp":
        if p.fill:
            p.flush()
        elif p.pre is not None:
            p.pre.append("")
    elif name == "br":
        pass  # a line break: in a filled paragraph the chunker joins lines anyway
    elif name in ("B", "I", "SM", "SB"):
        if a:  # without arguments the next line is in that font: it comes as text
            p.add_text(" ".join(text_a))
    elif name in ("BR", "BI", "IB", "IR", "RB", "RI"):
        p.add_text("".join(text_a))
    elif name == "UR":
        p.link = (a[0] if a else "", len(p.words))
    elif name == "UE":
        if p.link is not None:
            url, at = p.link
            if len(p.words) == at and url:
                p.add_text(url)
            if text_a:
                p.words[-1:] = [(p.words[-1] if p.words else "") + "".join(text_a)]
            p.link = None
    elif name == "SY":
        p.flush()
        p.pre = [" ".join(text_a)]
        p.fill = False
    elif name == "YS":
        p.flush()
        p.fill = True
    elif name == "MR" and a:
        p.add_text(f"{inline(a[0])}({inline(a[1]) if len(a) > 1 else ''}){''.join(text_a[2:])}")
    elif name in _IGNORED:
        pass
    elif text_a:  # an unknown request (a page's own macro): its words stay
        p.add_text(" ".join(text_a))
