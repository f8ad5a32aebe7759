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
from dataclasses import dataclass, field

# \(xx and \[name] special characters; anything not listed becomes nothing
CHARS = {
    "em": "—", "en": "–", "bu": "•", "aq": "'", "dq": '"', "lq": "“", "rq": "”", "oq": "‘", "cq": "’",
    "ha": "^", "ti": "~", "+-": "±", "mu": "×", "di": "÷", "co": "©", "rg": "®", "de": "°", "dg": "†",
    "sc": "§", "ga": "`", "aa": "´", "'a": "á", ":a": "ä", ":A": "Ä", ":o": "ö", ":O": "Ö", ":u": "ü",
    ":U": "Ü", "12": "½", "14": "¼", "34": "¾", "sd": "″", "fm": "′", "ra": ">", "la": "<", "mi": "-",
    "hy": "-", "rs": "\\", "lB": "[", "rB": "]", "lC": "{", "rC": "}", "bv": "|", "or": "|", "ba": "|",
    "ul": "_", "ru": "_", "sl": "/", "eq": "=", "pl": "+", "Fo": "«", "Fc": "»", "mc": "µ", "ss": "ß",
    "tm": "™", "->": "→", "<-": "<-", "<=": "≤", ">=": "≥", "!=": "!=", "ap": "~", "pc": "·", "ct": "¢",
    "Po": "£", "Ye": "¥", "Eu": "€", "eu": "€", "^o": "ô", "`a": "à", "`e": "è", "'e": "é", "^e": "ê",
    "co ": "©", "at": "@", "sh": "#", "dd": "‡", "cq ": "’", "oA": "Å", "oa": "å", "AE": "Æ", "ae": "æ",
    "~n": "ñ", "~N": "Ñ", ",c": "ç", ",C": "Ç", "/o": "ø", "/O": "Ø", "'E": "É", "'o": "ó", "'i": "í",
    "'u": "ú", "`o": "ò", "u": "u",
}
STRINGS = {"lq": "“", "rq": "”", "R": "®", "Tm": "™", "(Tm": "™"}

_ESCAPE = re.compile(
    r"\\(?:f(?:\[[^\]]*\]|\(..|.)"          # font
    r"|s(?:[-+]?\d|\(\d\d|\[[^\]]*\])"        # size
    r"|\((?P<c2>..)|\[(?P<cn>[^\]]*)\]"       # special characters
    r"|\*(?:\((?P<s2>..)|\[(?P<sn>[^\]]*)\]|(?P<s1>.))"  # strings
    r"|[hvwlLNoDbxXRSZ]'[^']*'"                # escapes with a quoted argument
    r"|n(?:\(..|\[[^\]]*\]|.)"                # number registers
    r"|k.|z|(?P<other>.))", re.S)


def _char(name):
    if name.startswith("u") and len(name) >= 5:
        try:
            return chr(int(name[1:].split("_")[0], 16))
        except ValueError:
            return ""
    return CHARS.get(name, "")


def _escape(m):
    if m.group("c2") is not None:
        return _char(m.group("c2"))
    if m.group("cn") is not None:
        return _char(m.group("cn"))
    for g in ("s2", "sn", "s1"):
        if m.group(g) is not None:
            return STRINGS.get(m.group(g), "")
    other = m.group("other")
    if other is None:
        return ""
    return {"-": "-", "e": "\\", "\\": "\\", "&": "", "|": "", "^": "", ")": "", "~": " ", "0": " ", " ": " ",
            "%": "", ":": "", "c": "", "'": "'", "`": "`", ".": ".", "t": " ", "!": "", "{": "", "}": "",
            "/": "", ",": "", "p": "", "a": "", "d": "", "u": "", "r": "", "E": "\\"}.get(other, other)


def inline(text):
    """Text of one line with its escapes resolved (fonts and sizes dropped)."""
    return _ESCAPE.sub(_escape, text)


def _strip_comment(line):
    """A line without its \\" comment (a \\\\" is an escaped backslash, not a comment)."""
    i = 0
    while True:
        i = line.find('\\"', i)
        if i < 0:
            return line
        backslashes = len(line[:i]) - len(line[:i].rstrip("\\"))
        if backslashes % 2 == 0:
            return line[:i]
        i += 2


def args(rest):
    """A request's arguments: words, or "quoted strings" ("" inside is one quote)."""
    out, i, n = [], 0, len(rest)
    while i < n:
        while i < n and rest[i] in " \t":
            i += 1
        if i >= n:
            break
        if rest[i] == '"':
            i += 1
            buf = []
            while i < n:
                if rest[i] == '"':
                    if i + 1 < n and rest[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(rest[i])
                i += 1
            out.append("".join(buf))
        else:
            j = i
            while j < n and rest[j] not in " \t":
                j += 1
            out.append(rest[i:j])
            i = j
    return out


@dataclass
class Block:
    kind: str            # para | item | bullets | pre | table | sub
    text: str = ""       # para, item (description), sub (subsection title)
    tag: str = ""        # item
    lines: list = field(default_factory=list)   # bullets, pre
    rows: list = field(default_factory=list)    # table: list of cell lists
    header: bool = False  # table: first row names the columns
    depth: int = 0       # .RS nesting
    cont: bool = False   # a paragraph that continues the item before it (.IP without tag, indented .PP)


@dataclass
class Section:
    name: str
    blocks: list = field(default_factory=list)


@dataclass
class Page:
    name: str = ""
    section: str = ""
    sections: list = field(default_factory=list)
    alias: str = ""      # `.so` target: the page only points at another

    @property
    def ref(self):
        return f"{self.name}({self.section})"

    def get(self, name):
        for s in self.sections:
            if s.name == name:
                return s
        return None


_BULLETS = {"•", "*", "-", "o", "·"}
_IGNORED = {"in", "ti", "ta", "ad", "na", "nh", "hy", "PD", "ft", "ne", "bp", "nr", "ds", "if", "ie", "el", "UC",
            "INDENT", "UNINDENT", "ll", "ps", "vs", "ns", "rs", "so", "cs", "ss", "mk", "rt", "lf", "ig", "tr",
            "ev", "fam", "hw", "ce", "ul", "cu", "lt", "pl", "po", "pc", "pn", "nx", "rm", "rn", "am", "als",
            "chop", "do", "T", "fl", "ID", "DT", "AT", "OP", "HP"}


class _Parser:
    def __init__(self):
        self.page = Page()
        self.section = None
        self.fill = True
        self.depth = 0
        self.words = []         # the paragraph being filled
        self.pending = None     # "tag" after .TP: the next line is the tag
        self.item = None        # the open item (tag, words go to its text)
        self.cont = False
        self.pre = None         # lines of the open preformatted block
        self.bullets = None
        self.join_next = False  # \c at the end of the last text
        self.link = None
        self._rule_after_first = False

    # -- output ---------------------------------------------------------------------------
    def _sec(self):
        if self.section is None:
            self.section = Section("")
            self.page.sections.append(self.section)
        return self.section

    def flush(self):
        """Closes the paragraph being filled (into the open item or bullet when there is one)."""
        text = " ".join(" ".join(self.words).split())
        self.words = []
        if self.pre is not None:
            lines = [line.rstrip() for line in self.pre]
            while lines and not lines[-1].strip():
                lines.pop()
            if any(line.strip() for line in lines):
                self._sec().blocks.append(Block("pre", lines=lines, depth=self.depth))
            self.pre = None
        if not text:
            return
        if self.bullets is not None:
            self.bullets.lines[-1] = (self.bullets.lines[-1] + " " + text).strip()
            return
        if self.item is not None and not self.item.text:
            self.item.text = text
            return
        self._sec().blocks.append(Block("para", text=text, depth=self.depth, cont=self.cont))

    def end_item(self):
        self.flush()
        self.item = None
        self.bullets = None
        self.cont = False

    def add_text(self, text):
        if self.pending == "tag":
            self.flush()
            self.item.tag = (self.item.tag + ", " + text.strip()) if self.item.tag else text.strip()
            self.pending = None
            return
        if not self.fill:
            if self.pre is None:
                self.words_to_pre()
            if self.join_next and self.pre:
                self.pre[-1] += text
            else:
                self.pre.append(text)
            self.join_next = text.endswith("\x00")
            if self.join_next:
                self.pre[-1] = self.pre[-1][:-1]
            return
        if self.join_next and self.words:
            self.words[-1] += text
        else:
            self.words.append(text)
        self.join_next = False

    def words_to_pre(self):
        self.flush()
        self.pre = []

    # -- requests -------------------------------------------------------------------------
    def request(self, name, rest):
        a = args(rest)
        text_a = [inline(x) for x in a]
        if name == "TH":
            if a:
                self.page.name = inline(a[0])
            if len(a) > 1:
                self.page.section = inline(a[1])
        elif name in ("SH", "SS"):
            self.end_item()
            self.fill, self.depth = True, 0
            title = " ".join(text_a).strip()
            if not title:
                self.pending = "heading:" + name
                return
            self.heading(name, title)
        elif name in ("PP", "P", "LP"):
            if self.depth > 0 and (self.item is not None or self.cont):
                self.flush()
                self.cont = True
                if self.item is not None:
                    self.item = None
            else:
                self.end_item()
        elif name == "TP" or name == "TQ":
            if name == "TQ" and self.item is not None:
                self.flush()
                self.pending = "tag"
                return
            self.end_item()
            self.item = Block("item", depth=self.depth)
            self._sec().blocks.append(self.item)
            self.pending = "tag"
        elif name == "IP":
            tag = text_a[0].strip() if text_a else ""
            if tag in _BULLETS:
                self.flush()
                if self.bullets is None:
                    self.end_item()
                    self.bullets = Block("bullets", depth=self.depth)
                    self._sec().blocks.append(self.bullets)
                self.bullets.lines.append("")
            elif re.fullmatch(r"\(?\d{1,3}[.)]|\(?[a-z][.)]", tag):
                self.flush()
                if self.bullets is None:
                    self.end_item()
                    self.bullets = Block("bullets", depth=self.depth)
                    self._sec().blocks.append(self.bullets)
                self.bullets.lines.append("")
            elif tag:
                self.end_item()
                self.item = Block("item", tag=tag, depth=self.depth)
                self._sec().blocks.append(self.item)
            else:  # an indented paragraph: it continues what came before
                self.flush()
                if self.bullets is not None:
                    self.bullets = None
                self.item = None
                self.cont = True
        elif name == "RS":
            self.flush()
            self.depth += 1
        elif name == "RE":
            self.flush()
            self.depth = max(0, self.depth - 1)
            if self.depth == 0:
                self.item, self.bullets, self.cont = None, None, False
        elif name in ("nf", "EX"):
            self.flush()
            self.fill = False
            self.pre = []
        elif name in ("fi", "EE"):
            self.flush()
            self.fill = True
        elif name == "sp":
            if self.fill:
                self.flush()
            elif self.pre is not None:
                self.pre.append("")
        elif name == "br":
            pass  # a line break: in a filled paragraph the chunker joins lines anyway
        elif name in ("B", "I", "SM", "SB"):
            if a:  # without arguments the next line is in that font: it comes as text
                self.add_text(" ".join(text_a))
        elif name in ("BR", "BI", "IB", "IR", "RB", "RI"):
            self.add_text("".join(text_a))
        elif name == "UR":
            self.link = (a[0] if a else "", len(self.words))
        elif name == "UE":
            if self.link is not None:
                url, at = self.link
                if len(self.words) == at and url:
                    self.add_text(url)
                if text_a:
                    self.words[-1:] = [(self.words[-1] if self.words else "") + "".join(text_a)]
                self.link = None
        elif name == "SY":
            self.flush()
            self.pre = [" ".join(text_a)]
            self.fill = False
        elif name == "YS":
            self.flush()
            self.fill = True
        elif name == "MR" and a:
            self.add_text(f"{inline(a[0])}({inline(a[1]) if len(a) > 1 else ''}){''.join(text_a[2:])}")
        elif name in _IGNORED:
            pass
        elif text_a:  # an unknown request (a page's own macro): its words stay
            self.add_text(" ".join(text_a))

    def heading(self, name, title):
        if name == "SH":
            self.section = Section(title.upper() if title.isupper() else title)
            self.page.sections.append(self.section)
        else:
            self._sec().blocks.append(Block("sub", text=title))

    # -- tables ---------------------------------------------------------------------------
    def table(self, lines):
        self.end_item()
        tab = "\t"
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
                    self._rule_after_first = True
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
                        buf.append(self._line_text(nxt))
                    out.append(" ".join(" ".join(buf).split()))
                    if rest_after:
                        more = rest_after.split(tab)[1:]
                        cells.extend(more)
                else:
                    out.append(" ".join(inline(cell).split()))
            rows.append(out)
        return formats, rows

    def _line_text(self, line):
        line = _strip_comment(line)
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


def _table_block(formats, rows, rule_after_first):
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


def parse(source):
    """One man page (troff source text) into a Page."""
    p = _Parser()
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
        line = _strip_comment(line)
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
                p._rule_after_first = False
                formats, rows = p.table(tbl)
                block = _table_block(formats, rows, p._rule_after_first)
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
            p.request(name, rest)
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
