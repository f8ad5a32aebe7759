"""The builders of the Python documentation's facts, one kind each: defaults, modules, exceptions,
version notes, returns, the C API, command-line options, "Default:" sections, glossary terms, tables."""

import re

from .facts import Fact, _balanced, flat, head, lower_first, to_vocab, words
from .mancalls import C_PARAM, C_TYPE
from .manwords import base_verb
from .sphinxpages import E, NO_PILCROW, PY_KINDS, call_name, name_rx, sig_anchor, sig_text, text_of
from .tables import repeated_keys, table_facts


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


VERSION_NOTE = re.compile(r"^(?P<kind>New in version|Deprecated since version|Changed in version) (?P<v>\d+\.\d+)(?P<rest>.*)$")
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
        m = VERSION_NOTE.match(text)
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
        if C_TYPE.fullmatch(ret) and ret != "void":
            out.append(Fact("capi_return_type", "capi_types", doc, f, "rettype",
                            questions=[f"What type does {f} return?", f"What is the return type of {f}?",
                                       f"{f} returns what C type?"],
                            answer=ret, locate=r"(?<![\w*])(?P<a>" + E(ret) + r") ?(?<![\w.])" + E(f) + r"\(",
                            mention=name_rx(e)))
        names = []
        for prm in m.group("params").split(","):
            pm = C_PARAM.fullmatch(prm.strip())
            if pm and C_TYPE.fullmatch(pm.group("t").strip()):
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
