"""A man page as the question builders read it (`Page`: sections of blocks) and the state of its
reading (`Parser`): what text goes to which block as the lines come."""

from dataclasses import dataclass, field


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


class Parser:
    """The page being read and the state of the reading: the open section, paragraph, item, bullet list or
    preformatted block, and how the next line joins them (requests.py moves it on, tables aside)."""

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


    def heading(self, name, title):
        if name == "SH":
            self.section = Section(title.upper() if title.isupper() else title)
            self.page.sections.append(self.section)
        else:
            self._sec().blocks.append(Block("sub", text=title))
