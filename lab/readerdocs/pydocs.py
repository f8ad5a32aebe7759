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

from .facts import Fact, pick
from .pybuilders import (VERSION_NOTE, build_capi, build_cmdoption, build_defaults, build_entry_default,
                         build_exception, build_glossary, build_heading_defaults, build_module, build_returns,
                         build_tables, build_versions)
from .sphinxpages import E, NO_PILCROW, PY_KINDS, SIG_ARGS, entries, page_info, text_of


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
                    m = VERSION_NOTE.match(text_of(child))
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
                                locate=sig_rx + SIG_ARGS + r"(?<![\w.])" + E(choice) + r"=", mention=fs[0].mention))
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
