"""Questions from the Python documentation's structure (the Sphinx HTML python3.11-doc installs):
signatures and their defaults, the module a function lives in, exception classes (their base
class, when they are raised), "New in version" / "Deprecated since" / "Changed in version: the
p parameter was added" notes, what a function returns, the C API's reference kind, Stable ABI
version, return and parameter types, command-line options, glossary terms and tables.

The text that is chunked is what `mgpt index` makes of the page (mgpt.retrieval.formats.read_html):
Sphinx's definition lists are inline there, so a function's signature, its "¶" and the first
sentences of its description share a line ("socket.create_connection(address, timeout=..., ...)¶
Connect to a TCP service ..."). A fact's pattern starts at the signature and may not cross
another "¶" (the next signature or heading) before its answer, so the chunk that matches names
the function whose value it holds.
"""

import re

from .facts import Fact, _balanced, flat, head, lower_first, pick, to_vocab, words
from .manpages import _PARAM, _TYPE, base_verb, repeated_keys, table_facts

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


_BAL = r"(?:[^¶()]|\([^¶()]*\))*?"   # a signature's arguments (one level of parentheses inside)
_CLOSE = r"\)(?: ?(?:→|->) [^¶]*?)?¶"


def sig_anchor(e, open_end=False):
    """The pattern of its whole signature as the chunk shows it, up to its "¶" (the start of
    its description); a mention in prose or an example ("datetime.now(timezone.utc)") has no
    "¶" after its closing parenthesis. open_end: the chunk may end inside the signature."""
    name = r"(?<![\w.])" + E(e.display if e.domain != "c" else e.name)
    if not e.callable:
        return name + "¶"
    return name + r"\(" + _BAL + (r"(?:" + _CLOSE + r"|$)" if open_end else _CLOSE)


# --- builders -----------------------------------------------------------------------------

def name_rx(e):
    """A chunk that names the entry by its own name (any chunk about it: its signature, its
    __init__, a mention): a distractor may not hold the answer and name it."""
    return r"(?<![\w-])" + E(e.name) + r"(?![\w-])"


def sig_text(e):
    """Its signature from its name on, as the chunk shows it (without "class " before it)."""
    i = e.sig.find(e.display + "(") if e.callable else e.sig.find(e.display)
    return e.sig[i:] if i >= 0 else ""


def build_defaults(e, doc):
    if e.domain != "py" or e.objtype not in PY_KINDS or not e.params:
        return []
    f = call_name(e)
    sig = sig_text(e)
    out = []
    for p, d in e.params:
        if d is None or not d or words(d) > 4 or len(d) > 40 or p.startswith("*"):
            continue
        m = re.search(r"(?<=[(\s*\[])" + E(p + "=" + d) + r"(?=[,)\]])", sig)
        if not m:
            continue
        # the signature's own text up to "p=": a call in an example ("cpu_percent(interval=1)") differs
        prefix = sig[:m.start() + len(p) + 1]
        out.append(Fact(
            "py_default", "py_param", doc, e.display, f"default:{p}",
            questions=[f"What is the default value of the {p} parameter of {f}?", f"What does {p} default to in {f}?",
                       f"If I don't pass {p} to {f}, what value does it get?", f"{f}: default {p}?",
                       f"What's the default {p} for {f}?", f"Default for {p} in {e.display}?"],
            answer=d, locate=r"(?<![\w.])" + E(prefix) + r"(?P<a>" + E(d) + r")(?=[,)\]])",
            mention=name_rx(e),
            extra={"params": [q for q, _ in e.params], "display": e.display, "call": f, "sig": sig}))
    return out


def build_module(e, doc, context):
    if e.domain != "py" or e.objtype not in ("function", "class", "exception", "decorator") or e.nested:
        return []
    mod = e.prename.rstrip(".")
    if not mod or e.name not in context["unique"] or mod not in context["modules"]:
        return []
    what = {"class": "class", "exception": "exception"}.get(e.objtype, "function")
    n = e.name + ("()" if what == "function" else "")
    sig = sig_text(e)
    return [Fact(
        "py_module", "py_module", doc, e.display, "module",
        questions=[f"Which module provides {n}?", f"What module is the {n} {what} in?",
                   f"Which module do I import to get {n}?", f"{n} lives in which module?",
                   f"Where does the {e.name} {what} come from? Which module?", f"What do I import for {n}?"],
        answer=mod, locate=r"(?<![\w.])(?P<a>" + E(mod) + r")" + E(sig[len(mod):len(e.display) + 24]),
        mention=r"\b" + E(e.name) + r"\b")]


def build_exception(e, doc):
    if e.domain != "py" or e.objtype != "exception" or e.dd is None:
        return []
    p = e.dd.find("p")
    if p is None:
        return []
    text = text_of(p)
    out = []
    m = re.match(r"(?:A |An )?[Ss]ubclass of (?P<a>[A-Z][\w.]*)\b", text)
    if m:
        out.append(Fact(
            "py_exception_base", "py_exception", doc, e.display, "base",
            questions=[f"What is {e.display} a subclass of?", f"Which exception class does {e.display} derive from?",
                       f"What is the base class of {e.display}?", f"{e.display} inherits from which exception?"],
            answer=m.group("a"), locate=sig_anchor(e) + r"\s?(?:A |An )?[Ss]ubclass of (?P<a>" + E(m.group("a")) + r")\b",
            mention=name_rx(e)))
    m = re.match(r"Raised (?P<w>when|if) (?P<c>(?:[^.;]|\.(?=\w))+)", text)  # "e.g." stays in
    if m:
        clause = m.group("c").rstrip(",")
        if not _balanced(clause):
            clause = clause.split(" (", 1)[0]
        h = head(clause, max_words=10, min_words=3)
        if h:
            out.append(Fact(
                "py_exception_when", "py_exception", doc, e.display, "raised",
                questions=[f"When is {e.display} raised?", f"What makes Python raise {e.display}?",
                           f"In what situation do I get {e.display}?", f"{e.display}: raised when?"],
                answer=h, locate=sig_anchor(e) + r"\s?Raised " + m.group("w") + r" (?P<a>" + E(h) + ")",
                mention=name_rx(e)))
        if 3 <= words(clause) <= 16:
            out.append(Fact(
                "py_exception_name", "py_exception", doc, e.display, "raised",
                questions=[f"Which exception is raised when {{c}}?", f"What exception does Python raise if {{c}}?",
                           f"What error do I get when {{c}}?", f"Which exception tells me that {{c}}?"],
                answer=e.name, locate=r"(?<![\w])(?P<a>" + E(e.name) + r")¶\s?Raised " + m.group("w") + " " +
                E(clause[:40]), mention=name_rx(e), extra={"clause": lower_first(clause)}))
    return out


_VERSION = re.compile(r"^(?P<kind>New in version|Deprecated since version|Changed in version) (?P<v>\d+\.\d+)(?P<rest>.*)$")
_PARAM_ADDED = re.compile(r"^: (?:Added the (?P<p1>\w+) (?:parameter|argument|keyword(?:-only)? argument)|"
                          r"The (?P<p2>\w+) (?:parameter|argument|keyword(?:-only)? argument) was added|"
                          r"Added (?P<p3>\w+) (?:parameter|argument)|Added support for the (?P<p4>\w+) (?:parameter|argument))")


def build_versions(e, doc, product="Python"):
    if e.domain not in ("py", "c") or e.dd is None:
        return []
    out = []
    f = call_name(e)
    params = {p for p, _ in e.params}
    seen = set()
    for div in e.own_children("div", class_=re.compile(r"^(versionadded|versionchanged|deprecated)$")):
        text = text_of(div)
        m = _VERSION.match(text)
        if not m:
            continue
        kind, v, rest = m.group("kind"), m.group("v"), m.group("rest")
        base = sig_anchor(e) + NO_PILCROW + E(kind) + r" (?P<a>" + E(v) + r")"
        if kind == "New in version" and rest == "." and "added" not in seen:
            seen.add("added")
            out.append(Fact("py_version_added", "py_version", doc, e.display, "added",
                            questions=[f"In which {product} version was {f} added?", f"Since which version does {product} have {f}?",
                                       f"When was {f} introduced? Which {product} version?", f"{f}: new in which version?",
                                       f"What is the first {product} version with {f}?"],
                            answer=v, locate=base + r"\.", mention=name_rx(e), extra={"product": product}))
        elif kind == "Deprecated since version" and "deprecated" not in seen:
            seen.add("deprecated")
            out.append(Fact("py_version_deprecated", "py_version", doc, e.display, "deprecated",
                            questions=[f"Since which {product} version is {f} deprecated?", f"When was {f} deprecated?",
                                       f"In which {product} version did {f} become deprecated?", f"{f}: deprecated since?"],
                            answer=v, locate=base + r"\b", mention=name_rx(e), extra={"product": product}))
        elif kind == "Changed in version":
            pm = _PARAM_ADDED.match(rest)
            p = pm and next(x for x in pm.groups() if x)
            if p and p in params and f"param:{p}" not in seen:
                seen.add(f"param:{p}")
                out.append(Fact("py_version_param", "py_version", doc, e.display, f"param:{p}",
                                questions=[f"In which {product} version was the {p} parameter added to {f}?",
                                           f"Since which version does {f} accept {p}?",
                                           f"When did {f} get its {p} argument?", f"{f}: {p} added in which version?"],
                                answer=v, locate=base + E(rest[:40]), mention=name_rx(e), extra={"product": product}))
    return out


_RET_ANY = re.compile(r"^(?:Return|Returns) (?P<a>[^,;:.]+?)(?=[,;:.]| if | when | where | for | from | unless | or None)")
_RET_COND = [re.compile(r"\b[Rr]eturns? (?P<a>NULL|-1|0|1|None|True|False|zero|a negative value|[\w-]+) on "
                        r"(?P<cond>success|failure|error)"),
             re.compile(r"\bor (?P<a>NULL|-1|0|None|[\w-]+) on (?P<cond>failure|error)"),
             re.compile(r"\b(?P<a>NULL|-1|0) is returned on (?P<cond>success|failure|error)")]


def build_returns(e, doc):
    if e.dd is None or not e.callable or e.objtype in ("class", "exception"):
        return []
    f = call_name(e)
    p = next((x for x in e.dd.find_all("p") if x.find_parent("dl") is e.dl), None)
    if p is None:
        return []
    text = text_of(p)
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)[:3]:
        for rx in _RET_COND:
            for m in rx.finditer(sentence):
                cond = {"failure": "error"}.get(m.group("cond"), m.group("cond"))
                if any(x.attr == f"return:{cond}" for x in out):
                    continue
                qs = ([f"What does {f} return on success?", f"If {f} succeeds, what does it return?",
                       f"{f} return value on success?"] if cond == "success" else
                      [f"What does {f} return on failure?", f"What does {f} return if it fails?",
                       f"On error, what is returned by {f}?", f"{f}: return value on error?"])
                out.append(Fact("py_return", "py_return", doc, e.display, f"return:{cond}", questions=qs,
                                answer=m.group("a"), locate=sig_anchor(e) + NO_PILCROW + E(sentence[:m.start("a")][-40:]) +
                                r"(?P<a>" + E(m.group("a")) + r")" + E(sentence[m.end("a"):m.end()]),
                                mention=name_rx(e)))
    m = _RET_ANY.match(text)
    if m and not out:
        a = re.sub(r"\s+(?:or|and|but|the|a|an|of|to|with|for|by|in|on|as)$", "", m.group("a").strip())
        if 2 <= words(a) <= 8 and a.count("(") == a.count(")") and not a.startswith(("True", "False", "None")):
            out.append(Fact("py_return", "py_return", doc, e.display, "return:any",
                            questions=[f"What does {f} return?", f"What do I get back from {f}?",
                                       f"What is the return value of {f}?", f"{f} returns what?"],
                            answer=a, locate=sig_anchor(e) + r"\s?(?:Return|Returns) (?P<a>" + E(a) + r")", mention=name_rx(e)))
    return out


def build_capi(e, doc):
    if e.domain != "c" or e.objtype not in ("function", "macro") or not e.callable:
        return []
    out = []
    f = e.name
    ref = e.own_children("em", class_="refcount")
    if ref:
        m = re.search(r"(New reference|Borrowed reference)", text_of(ref[0]))
        if m:
            out.append(Fact("capi_refcount", "capi_refcount", doc, f, "refcount",
                            questions=[f"Does {f} return a new or a borrowed reference?",
                                       f"Is the reference returned by {f} new or borrowed?",
                                       f"What kind of reference does {f} return?", f"{f}: new reference or borrowed?"],
                            answer=m.group(1), locate=sig_anchor(e) + r"\s?Return value: (?P<a>" + E(m.group(1)) + ")",
                            mention=name_rx(e)))
    abi = e.own_children("em", class_="stableabi")
    if abi:
        m = re.search(r"Part of the Stable ABI since version (\d+\.\d+)", text_of(abi[0]))
        if m:
            out.append(Fact("capi_stable_abi", "capi_abi", doc, f, "abi",
                            questions=[f"Since which version is {f} part of the Stable ABI?",
                                       f"When did {f} join the stable ABI?", f"{f}: in the Stable ABI since which version?",
                                       f"From which Python version on is {f} in the limited API's stable ABI?"],
                            answer=m.group(1), locate=sig_anchor(e) + NO_PILCROW + r"Part of the Stable ABI since version (?P<a>" +
                            E(m.group(1)) + r")", mention=name_rx(e)))
    m = re.match(r"^(?P<ret>.+?[\s*])(?<!\w)" + E(f) + r"\((?P<params>.*)\)¶$", e.sig)
    if m:
        ret = m.group("ret").strip()
        if _TYPE.fullmatch(ret) and ret != "void":
            out.append(Fact("capi_return_type", "capi_types", doc, f, "rettype",
                            questions=[f"What type does {f} return?", f"What is the return type of {f}?",
                                       f"{f} returns what C type?"],
                            answer=ret, locate=r"(?<![\w*])(?P<a>" + E(ret) + r") ?(?<![\w.])" + E(f) + r"\(",
                            mention=name_rx(e)))
        names = []
        for prm in m.group("params").split(","):
            pm = _PARAM.fullmatch(prm.strip())
            if pm and _TYPE.fullmatch(pm.group("t").strip()):
                names.append(pm.group("n"))
                out.append(Fact("capi_param_type", "capi_types", doc, f, f"param:{pm.group('n')}",
                                questions=[f"What is the type of the {pm.group('n')} parameter of {f}?",
                                           f"In {f}, what type is {pm.group('n')}?", f"{f}: type of {pm.group('n')}?"],
                                answer=pm.group("t").strip(), locate=r"(?<![\w.])" + E(f) + r"\([^)]*?(?<![\w*])(?P<a>" +
                                E(pm.group("t").strip()) + r") ?" + E(pm.group("n")) + r"\b", mention=name_rx(e)))
        for x in out:
            x.extra["params"] = names
    return out


def program(e, cli, relpath=""):
    """The command an option belongs to, from its Sphinx id ("cmdoption-json.tool-sort-keys":
    json.tool; "cmdoption-check-database": django-admin check); cli = (with a program, without).
    Python's build options (using/configure.html) belong to ./configure."""
    if relpath.endswith("configure.html"):
        return "./configure"
    rest, suffix = e.id[len("cmdoption-"):], e.name.lstrip("-")
    part = rest[:-(len(suffix) + 1)] if rest.endswith("-" + suffix) else ""
    return cli[0].format(p=part) if part else cli[1]


def build_cmdoption(e, doc, cli, relpath=""):
    if e.domain != "std" or e.objtype != "cmdoption" or e.dd is None:
        return []
    opt = e.name
    if not opt.startswith("-"):
        return []
    prog = program(e, cli, relpath)
    p = e.dd.find("p")
    if p is None:
        return []
    h = head(text_of(p))
    if not h or h.startswith(("(", "See ", "Same as")):
        return []
    out = [Fact("py_option_meaning", "py_option", doc, f"{prog} {opt}", f"option:{opt}",
                questions=[f"What does the {opt} option of {prog} do?", f"What is {prog} {opt} for?",
                           f"{prog} {opt}: what does it do?", f"What happens when I run {prog} with {opt}?"],
                answer=h, locate=E(e.sig) + r"\s?(?P<a>" + E(h) + ")", mention=name_rx(e))]
    first = h.split(" ", 1)[0]
    verb = base_verb(first)
    if verb and first[0].isupper():
        out.append(Fact("py_option_name", "py_option", doc, f"{prog} {opt}", f"option:{opt}",
                        questions=[f"Which option of {prog} do I use to {{c}}?", f"How do I make {prog} {{c}}? Which option?",
                                   f"What {prog} option is there to {{c}}?"],
                        answer=opt, locate=r"(?<![\w-])(?P<a>" + E(opt) + r")" + E(e.sig[e.sig.index(opt) + len(opt):]) +
                        r"\s?" + E(h), mention=name_rx(e), extra={"clause": verb + h[len(first):]}))
    return out


def _default_value(text):
    m = re.match(r"Default(?: value)?: (?P<a>.+?)\.?$", text)
    if not m:
        return None
    v = m.group("a").strip()
    return v if 1 <= words(v) <= 8 and len(v) <= 60 and v.count("(") == v.count(")") else None


def build_entry_default(e, doc):
    """A setting described by an object entry whose description says "Default: False"."""
    if e.dd is None or e.callable:
        return []
    for p in e.own_children("p"):
        v = _default_value(text_of(p))
        if v:
            n = e.display
            return [Fact("py_setting_default", "py_setting", doc, n, "default",
                         questions=[f"What is the default value of {n}?", f"What does {n} default to?",
                                    f"{n}: what is the default?", f"If I don't set {n}, what value does it have?"],
                         answer=v, locate=sig_anchor(e) + NO_PILCROW + r"Default(?: value)?: (?P<a>" + E(v) + ")",
                         mention=name_rx(e))]
    return []


def build_heading_defaults(soup, doc, noun, pilcrow=True):
    """A setting that is a section of its own: a heading, then "Default: [] (Empty list)"; the
    chunk opens with the heading, so it says whose default it is."""
    out = []
    for h in soup.find_all(["h2", "h3", "h4"]):
        p = h.find_next_sibling()
        if p is None or p.name != "p":
            continue
        v = _default_value(text_of(p))
        name = text_of(h).rstrip("¶").strip()
        if not v or not name or words(name) > 3 or len(name) > 50:
            continue
        out.append(Fact("py_setting_default", "py_setting", doc, name, "default",
                        questions=[f"What is the default value of the {name} {noun}?", f"What does {name} default to?",
                                   f"{name}: what is the default?", f"If I don't set {name}, what value does it have?",
                                   f"Default {name}?"],
                        answer=v, locate=r"^(?:[^.]*\. )?" + E(name) + ("¶" if pilcrow else "") +
                        r"\. Default(?: value)?: (?P<a>" + E(v) + ")",
                        mention=r"(?<![\w])" + E(name) + r"\b"))
    return out


def build_glossary(soup, doc, product):
    out = []
    for dl in soup.find_all("dl", class_="glossary"):
        for dt in dl.find_all("dt", recursive=False):
            dd = dt.find_next_sibling("dd")
            if dd is None or dd.find("p") is None:
                continue
            term = text_of(dt).rstrip("¶").strip()
            d = head(text_of(dd.find("p")), max_words=9, min_words=3)
            if not term or not d or not re.match(r"(?:A|An|The) ", d) or words(term) > 4:
                continue
            out.append(Fact("py_glossary", "py_glossary", doc, term, "definition",
                            questions=[f"What is a {term} in {product}?" if not term[0].isupper() else
                                       f"What is {term} in {product}?", f"What does {term} mean in {product}?",
                                       f"{product} glossary: {term}?", f"Define {term} ({product})"],
                            answer=d, locate=r"(?<![\w])" + E(term) + r"¶\s?(?P<a>" + E(d) + ")", mention=r"(?<![\w-])" + E(term) + r"(?![\w-])"))
    return out


def build_tables(soup, doc, where):
    out, tables = [], []
    for table in soup.find_all("table"):
        if table.find_parent("dl") is not None or table.find_parent("table") is not None:
            continue  # inside a definition list, read_html writes it inline: no rows
        rows = []
        for tr in table.find_all("tr"):
            cells = [flat(to_vocab(" ".join(c.get_text("").split()).replace("|", "/"))) for c in tr.find_all(("th", "td"))]
            if cells:
                rows.append(cells)
        first = table.find("tr")
        if len(rows) < 3 or first is None or first.find("th") is None:
            continue
        tables.append(rows)
    taken = repeated_keys(tables)
    for rows in tables:
        out += table_facts("py_table", doc, where, where, "^", rows[0], rows[1:], taken=taken)
    return out


def build(soup, doc, relpath, context, product="Python", cli=("python -m {p}", "python")):
    """The answerable facts of one page. context: {"unique": names documented once in the whole
    collection, "modules": the modules it documents}; product: what the documentation is about;
    cli: how its command-line options' program is named (with the program Sphinx names, without).

    Pages whose theme draws no "¶" after a signature (an icon instead) give no boundary between
    one entry's description and the next entry, so only the facts inside a signature itself
    (defaults, the module), tables and "Default:" sections are read from them."""
    pilcrow = any(a.get_text("") == "¶" for a in soup.find_all("a", class_="headerlink", limit=5))
    module, title = page_info(soup, relpath)
    where = f"the {module} module" if module and product == "Python" else (title if product == "Python" else
                                                                          f"{product}'s {title}")
    facts = []
    for e in entries(soup):
        if not e.sig:
            continue
        if e.domain == "py" and not e.prename and e.name not in context["unique"]:
            continue  # "copy()" alone, documented for several classes: a question could not say which
        facts += build_defaults(e, doc)
        facts += build_module(e, doc, context)
        if not pilcrow or "¶" not in e.sig:
            continue
        facts += build_exception(e, doc)
        facts += build_versions(e, doc, product)
        facts += build_returns(e, doc)
        facts += build_capi(e, doc)
        facts += build_cmdoption(e, doc, cli, relpath)
        facts += build_entry_default(e, doc)
    if pilcrow:
        facts += build_glossary(soup, doc, product)
    facts += build_heading_defaults(soup, doc, "setting" if "setting" in relpath else "option", pilcrow)
    facts += build_tables(soup, doc, where)
    # the module itself: "New in version 3.4." right under its title
    if module:
        h1 = soup.find("h1")
        sec = h1.find_parent("section") if h1 else None
        if sec is not None:
            for child in sec.find_all(recursive=False):
                if child.name in ("section", "dl"):
                    break
                if child.name == "div" and "versionadded" in (child.get("class") or []):
                    m = _VERSION.match(text_of(child))
                    if m and m.group("rest") == ".":
                        t = text_of(h1).rstrip("¶").strip()
                        facts.append(Fact("py_version_added", "py_version", doc, module, "added",
                                          questions=[f"In which {product} version was the {module} module added?",
                                                     f"Since which version does {product} ship {module}?",
                                                     f"When was the {module} module added? Which version?"],
                                          answer=m.group("v"), locate="^" + E(t) + r"¶\. .*?New in version (?P<a>" +
                                          E(m.group("v")) + r")\.", mention="^" + E(t), extra={"product": product}))
                    break
    return facts


def names(soup):
    return [(e.name, e.prename) for e in entries(soup) if e.domain == "py" and e.objtype in PY_KINDS + ("data", "attribute")]


def modules(soup):
    return {x["id"][len("module-"):] for x in soup.find_all(id=re.compile(r"^module-"))}


# --- unanswerable ---------------------------------------------------------------------------

def swaps(rng, facts_by_doc, foreign, per_page=3):
    """Unanswerable facts (candidates: the build keeps as many as it needs): a parameter default
    of a function that has no such parameter (a sibling's), or one it takes without a default;
    the version a function without a version note was added in; the module of a name no page
    documents (a C library call); the Stable ABI version, the reference kind or a parameter's type
    of a C function that names none; an option of another program."""
    out = []

    def some(cands, n):
        cands = sorted(set(cands))
        if not cands:
            return []
        return [cands[i] for i in sorted(rng.choice(len(cands), min(n, len(cands)), replace=False).tolist())]

    options = {}
    for d, facts in facts_by_doc.items():
        for f in facts:
            if f.kind == "py_option_meaning":
                options.setdefault(f.entity.rsplit(" ", 1)[0], set()).add(f.attr.split(":", 1)[1])
    for d in sorted(facts_by_doc):
        facts = facts_by_doc[d]
        defaults = [f for f in facts if f.kind == "py_default"]
        by_entity = {}
        for f in defaults:
            by_entity.setdefault(f.entity, []).append(f)
        pool = sorted({f.attr.split(":", 1)[1] for f in defaults})
        for ent in sorted(by_entity):
            fs = by_entity[ent]
            params = fs[0].extra["params"]
            f_name = fs[0].extra["call"]
            sig_rx = r"(?<![\w.])" + E(fs[0].extra["display"]) + r"\("
            with_default = {x.attr.split(":", 1)[1] for x in fs}
            required = [p for p in params if p not in with_default and not p.startswith("*")]
            cands = [p for p in pool if p not in params]
            choice = None
            if required and (not cands or rng.random() < 0.35):
                choice = pick(rng, required)
            elif cands:
                choice = pick(rng, cands)
            if choice:
                out.append(Fact("py_default", "py_param", d, ent, f"default:{choice}",
                                questions=[f"What is the default value of the {choice} parameter of {f_name}?",
                                           f"What does {choice} default to in {f_name}?",
                                           f"If I don't pass {choice} to {f_name}, what value does it get?",
                                           f"{f_name}: default {choice}?"],
                                locate=sig_rx + _BAL + r"(?<![\w.])" + E(choice) + r"=", mention=fs[0].mention))
        # functions of this page with no version note, asked when they came
        versioned = {f.entity for f in facts if f.kind == "py_version_added"}
        plain = sorted({f.entity for f in facts if f.kind in ("py_default", "py_return", "py_module")} - versioned)
        if versioned:
            product = next(f.extra["product"] for f in facts if f.kind == "py_version_added")
            for ent in some(plain, per_page):
                call = ent + "()" if any(f.entity == ent and f.kind == "py_default" for f in facts) else ent
                out.append(Fact("py_version_added", "py_version", d, ent, "added",
                                questions=[f"In which {product} version was {call} added?",
                                           f"When was {call} introduced? Which {product} version?",
                                           f"{call}: new in which version?", f"Since which version does {product} have {call}?"],
                                locate=r"(?<![\w.])" + E(ent) + NO_PILCROW + r"New in version", mention=E(ent)))
        # C functions: the Stable ABI version, the reference kind, a parameter's type
        capi = {}
        for f in facts:
            if f.family in ("capi_refcount", "capi_types", "capi_abi"):
                capi.setdefault(f.entity, []).append(f)
        abi = {e for e, fs in capi.items() if any(f.kind == "capi_stable_abi" for f in fs)}
        for ent in some([e for e in capi if e not in abi], 2 if abi else 0):
            out.append(Fact("capi_stable_abi", "capi_abi", d, ent, "abi",
                            questions=[f"Since which version is {ent} part of the Stable ABI?",
                                       f"When did {ent} join the stable ABI?", f"{ent}: in the Stable ABI since which version?"],
                            locate=r"(?<![\w.])" + E(ent) + r"\(" + NO_PILCROW + r"Stable ABI since", mention=E(ent) + r"\("))
        noref = [e for e, fs in capi.items() if not any(f.kind == "capi_refcount" for f in fs)
                 and any(f.kind == "capi_return_type" and "PyObject" not in f.answer for f in fs)]
        for ent in some(noref, 2):
            out.append(Fact("capi_refcount", "capi_refcount", d, ent, "refcount",
                            questions=[f"Does {ent} return a new or a borrowed reference?",
                                       f"What kind of reference does {ent} return?", f"{ent}: new reference or borrowed?"],
                            locate=r"(?<![\w.])" + E(ent) + r"\([^¶]*¶\s?Return value:", mention=E(ent) + r"\("))
        cparams = sorted({f.attr.split(":", 1)[1] for f in facts if f.kind == "capi_param_type"})
        for ent in some([e for e, fs in capi.items() if any(f.kind == "capi_param_type" for f in fs)], 2):
            have = set(next(f for f in capi[ent] if f.kind == "capi_param_type").extra.get("params", []))
            for p in some([p for p in cparams if p not in have], 1):
                out.append(Fact("capi_param_type", "capi_types", d, ent, f"param:{p}",
                                questions=[f"What is the type of the {p} parameter of {ent}?", f"In {ent}, what type is {p}?"],
                                locate=r"(?<![\w.])" + E(ent) + r"\([^)]*\b" + E(p) + r"\b", mention=E(ent) + r"\("))
        # an option of another program
        progs = sorted({f.entity.rsplit(" ", 1)[0] for f in facts if f.kind == "py_option_meaning"})
        for prog in progs:
            others = [o for q, os_ in options.items() if q != prog for o in os_ if o not in options[prog]]
            for o in some(others, 2):
                out.append(Fact("py_option_meaning", "py_option", d, f"{prog} {o}", f"option:{o}",
                                questions=[f"What does the {o} option of {prog} do?", f"What is {prog} {o} for?",
                                           f"{prog} {o}: what does it do?"],
                                locate=r"(?<![\w-])" + E(o) + r"(?![\w-])", mention=r"(?<![\w-])" + E(o) + r"(?![\w-])"))
        # the module of a name no page documents
        if foreign and any(f.kind == "py_module" for f in facts):
            for name in some(foreign, 2):
                out.append(Fact("py_module", "py_module", d, name, "module",
                                questions=[f"Which module provides {name}()?", f"What module is the {name}() function in?",
                                           f"Which module do I import to get {name}()?"],
                                locate=r"\b" + E(name) + r"\(", mention=r"\b" + E(name) + r"\b"))
    return out
