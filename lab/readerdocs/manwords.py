"""How man pages and the calls they document are named in chunks and questions ("open(2): ",
"open()"), and the word classes a description is read by (the verbs that open one, a finite verb)."""

import re

from . import troff
from .facts import flat, to_vocab


E = re.escape
ERRNO = re.compile(r"E[A-Z0-9]{2,}")
CONST = re.compile(r"[A-Z][A-Z0-9_]{2,}")
IDENT = re.compile(r"[a-z_][a-z0-9_]*")
SINCE = re.compile(r"\(since (?P<what>Linux|glibc) (?P<v>\d+\.\d+(?:\.\d+)*)\)")

# base forms of verbs that open descriptions ("Enable ...", "Returns ..."): a description that opens
# with one can follow "Which flag do I use to"
VERBS = set("""
    abort accept access add allocate allow apply assign associate attach avoid block bypass cache cause change check
    clear close compare compute convert copy create decrement define delete deliver deny detach determine disable
    discard display do drop dump enable ensure establish examine exclude execute exit expand fail fetch fill flush
    follow force free generate get give handle hold identify ignore include increment indicate inherit initialize
    inspect install interpret invoke keep kill limit list load lock log look make map mark match modify monitor move
    notify obtain omit open operate output pass perform permit place point preserve prevent print produce prohibit
    protect provide query raise read receive record reduce register release reload remove rename repeat replace
    report request require reserve reset resize restart restore restrict resume retrieve return reuse run save
    search select send set share show shut skip sleep sort specify start stop store suppress suspend switch sync
    take terminate test trace transfer translate treat trigger truncate turn unblock unlock unmap update use
    validate verify wait wake write yield""".split())
# a finite verb: the description is a sentence ("The file is opened ..."), not a noun phrase
FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|can|cannot|does|do|did|may|might|must|should|shall|would|"
                    r"could|" + "|".join(sorted({v + "s" for v in VERBS} | {v + "es" for v in VERBS} |
                                                {v[:-1] + "ies" for v in VERBS if v.endswith("y")})) + r")\b")
DETERMINERS = {"the", "a", "an", "this", "these", "its", "all", "no", "each", "any", "some", "only", "both"}


def base_verb(word):
    w = word.lower()
    if w in VERBS:
        return w
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(suffix) and w[:-len(suffix)] + repl in VERBS:
            return w[:-len(suffix)] + repl
    return None


def ref(page):
    """The page as its chunks name it ("open(2)"; the chunker drops a "__")."""
    return flat(to_vocab(page.ref))


def pname(page):
    return flat(to_vocab(page.name))


def page_lead(page):
    return "^" + E(ref(page) + ": ")


def functions(page):
    """The names a page documents (NAME: "open, openat, creat - open and possibly create a file")."""
    s = page.get("NAME")
    if not s or not s.blocks:
        return [pname(page)]
    text = " ".join(troff.block_text(b) for b in s.blocks)
    names = re.split(r"\s+[-—–]\s+|\\-", text, 1)[0]
    out = [n.strip() for n in names.split(",") if re.fullmatch(r"[\w.]+", n.strip())]
    return out or [pname(page)]


def call(name, page=None):
    """A call as a question names it ("open()"); a page about a device, a file format or an
    overview (sections 4, 5, 7, 8) is named as it is ("tcp", "proc")."""
    if page is not None and page.section[:1] not in ("2", "3"):
        return name
    return f"{name}()"
