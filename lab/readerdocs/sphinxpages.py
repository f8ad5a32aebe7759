"""The entries of a Sphinx HTML page (a function, class, option ... with its signature and
description) and the patterns that find an entry's signature in the text `mgpt index` makes of the
page, where a signature ends with its "¶"."""

import re

from .facts import flat, to_vocab


E = re.escape
NO_PILCROW = r"[^¶]*?"
PY_KINDS = ("function", "method", "class", "exception", "classmethod", "staticmethod", "decorator", "coroutinefunction",
            "coroutinemethod", "abstractmethod")


def text_of(node):
    return flat(to_vocab(node.get_text("")))


def page_info(soup, relpath):
    """(module or None, title) of a page: library pages name their module in the first heading."""
    h1 = next((h for h in soup.find_all("h1") if h.find(class_="headerlink") is not None), None) or soup.find("h1")
    title = text_of(h1).rstrip("¶").strip() if h1 else relpath
    module = None
    sec = soup.find(["section", "span", "div"], id=re.compile(r"^module-"))
    if sec is not None:
        module = sec["id"][len("module-"):]
    return module, title


class Entry:
    """One Sphinx object description (a <dl class="py function"> ...)."""

    def __init__(self, dl, dt, domain, objtype):
        self.dl, self.dt, self.domain, self.objtype = dl, dt, domain, objtype
        self.id = dt.get("id", "")
        name = dt.find(class_="sig-name")
        pre = dt.find(class_="sig-prename")
        self.name = text_of(name) if name else ""
        self.prename = text_of(pre) if pre else ""
        self.display = self.prename + self.name
        self.sig = text_of(dt)                 # "socket.create_connection(address, timeout=...)¶"
        self.params = []                       # [(name, default or None)]
        for em in dt.find_all("em"):
            n = em.find(class_="n")
            d = em.find(class_="default_value")
            if n is not None:
                self.params.append((text_of(n), text_of(d) if d is not None else None))
        self.dd = dt.find_next_sibling("dd")
        self.nested = dl.find_parent("dl") is not None

    @property
    def callable(self):
        return "(" in self.sig

    def own_children(self, name, **kw):
        """Elements of its description that are not inside a nested object description."""
        if self.dd is None:
            return []
        return [e for e in self.dd.find_all(name, **kw) if e.find_parent("dl") is self.dl]


def entries(soup):
    out = []
    for dl in soup.find_all("dl"):
        classes = dl.get("class") or []
        if len(classes) < 2 or classes[0] not in ("py", "c", "std"):
            continue
        dt = dl.find("dt", recursive=False)
        if dt is None:
            continue
        out.append(Entry(dl, dt, classes[0], classes[1]))
    return out


def call_name(e):
    if e.domain == "c":
        return e.name
    return f"{e.display}()" if e.callable and e.objtype not in ("class", "exception") else e.display


SIG_ARGS = r"(?:[^¶()]|\([^¶()]*\))*?"   # a signature's arguments (one level of parentheses inside)
_CLOSE = r"\)(?: ?(?:→|->) [^¶]*?)?¶"


def sig_anchor(e, open_end=False):
    """The pattern of its whole signature as the chunk shows it, up to its "¶" (the start of
    its description); a mention in prose or an example ("datetime.now(timezone.utc)") has no
    "¶" after its closing parenthesis. open_end: the chunk may end inside the signature."""
    name = r"(?<![\w.])" + E(e.display if e.domain != "c" else e.name)
    if not e.callable:
        return name + "¶"
    return name + r"\(" + SIG_ARGS + (r"(?:" + _CLOSE + r"|$)" if open_end else _CLOSE)


# --- builders -----------------------------------------------------------------------------

def name_rx(e):
    """A chunk that names the entry by its own name (any chunk about it: its signature, its
    __init__, a mention): a distractor may not hold the answer and name it."""
    return r"(?<![\w-])" + E(e.name) + r"(?![\w-])"


def sig_text(e):
    """Its signature from its name on, as the chunk shows it (without "class " before it)."""
    i = e.sig.find(e.display + "(") if e.callable else e.sig.find(e.display)
    return e.sig[i:] if i >= 0 else ""
