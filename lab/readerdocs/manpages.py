"""Questions from man pages' structure: ERRORS lists, RETURN VALUE sentences, SYNOPSIS headers
and prototypes, LIBRARY lines, tagged lists (flags, options, environment variables, files,
struct fields), tables (ATTRIBUTES, signal tables ...), "(since Linux 2.6.23)" notes and
VERSIONS sentences, struct definitions.

Every builder takes a parsed page (`troff.Page`) and its document key and returns facts (see
facts.py) whose `locate` pattern opens with the page's heading ("open(2): "), which every chunk
of the page carries, so a chunk that matches says which page it speaks for. `swaps` makes the
unanswerable questions once every page is read: an error, option, flag, parameter or function
taken from another page and asked of this one, which does not have it.
"""

import re

from . import troff
from .facts import Fact, flat, pick, to_vocab
from .mancalls import build_errors, build_returns, build_synopsis, build_versions
from .manlists import build_items, build_structs, build_tables
from .manwords import call, page_lead, pname, ref

E = re.escape


BUILDERS = (build_errors, build_returns, build_synopsis, build_items, build_tables, build_versions, build_structs)


def build(page, doc):
    """The answerable facts of one page. A wording with {c} takes the description's words
    (`extra["clause"]`), some of them said as a person asking would (when the example is made)."""
    facts = []
    for builder in BUILDERS:
        facts += builder(page, doc)
    return [_split_lead(f, page_lead(page)) for f in facts]


def _split_lead(fact, lead):
    """A pattern "^heading: .*?X" becomes where="^heading: ", locate="X", so that every X of a
    chunk of the page is found, not only the first."""
    if fact.locate and fact.locate.startswith(lead + ".*?"):
        fact.where, fact.locate = lead, fact.locate[len(lead) + 3:]
    return fact


# --- unanswerable: the same question about something the page does not have -------------------

def swaps(rng, pages, facts_by_doc, undocumented, per_page=3):
    """Unanswerable facts for man pages (candidates: the build keeps as many as it needs).
    pages: {doc: Page}; facts_by_doc: the answerable facts; undocumented: names of calls no kept
    page documents (pages left out by their licence)."""
    out = []
    codes_of = {d: {f.attr for f in fs if f.family == "man_error"} for d, fs in facts_by_doc.items()}
    all_codes = sorted({c for cs in codes_of.values() for c in cs})
    conditions = [f for fs in facts_by_doc.values() for f in fs if f.kind == "man_error_code"]
    opts_of = {d: {f.attr for f in fs if f.family == "man_item" and f.attr.startswith("option:")}
               for d, fs in facts_by_doc.items()}
    all_opts = sorted({o for os_ in opts_of.values() for o in os_})
    consts_of = {d: {f.attr for f in fs if f.family == "man_item" and f.attr.startswith("constant:")}
                 for d, fs in facts_by_doc.items()}
    all_consts = sorted({c for cs in consts_of.values() for c in cs})
    params_of, fields_of = {}, {}
    for d, fs in facts_by_doc.items():
        for f in fs:
            if f.kind == "man_param_type":
                params_of.setdefault((d, f.entity), set()).add(f.attr)
            if f.kind == "man_struct_type":
                fields_of.setdefault((d, f.entity.split(".")[0]), set()).add(f.attr)
    all_params = sorted({p for ps in params_of.values() for p in ps})
    all_fields = sorted({p for ps in fields_of.values() for p in ps})
    since_of = {d: {f.extra["name"] for f in fs if f.kind == "man_since"} for d, fs in facts_by_doc.items()}

    def some(cands, n):
        cands = sorted(set(cands))
        if not cands:
            return []
        idx = rng.choice(len(cands), min(n, len(cands)), replace=False)
        return [cands[i] for i in sorted(idx.tolist())]

    for d in sorted(pages):
        page = pages[d]
        lead = page_lead(page)
        f = pname(page)
        text_words = set(re.findall(r"[\w-]+", flat(to_vocab(troff.render(page)))))
        facts = facts_by_doc.get(d, [])
        if codes_of.get(d):
            # an error code the call does not list, asked what it means
            for c in some([c for c in all_codes if c not in codes_of[d] and c.split(":")[1] not in text_words], per_page):
                code = c.split(":")[1]
                out.append(Fact("man_error_meaning", "man_error", d, ref(page), f"error:{code}",
                                questions=[f"What does {code} mean for {call(f, page)}?", f"When does {call(f, page)} fail with {code}?",
                                           f"Why would {f} return {code}?", f"What does the {code} error from {f} indicate?"],
                                locate=lead + r".*?\b" + E(code) + r"\b", mention=lead))
            # another call's error condition, whose code this call does not list
            others = [m for m in conditions if m.doc != d and m.attr not in codes_of[d]
                      and m.answer.split()[0] not in text_words]
            if others:
                for n in sorted(rng.choice(len(others), min(per_page, len(others)), replace=False).tolist()):
                    m = others[n]
                    out.append(Fact("man_error_code", "man_error", d, ref(page), m.attr,
                                    questions=[f"Which error does {call(f, page)} return when {{c}}?",
                                               f"What errno does {f} set if {{c}}?",
                                               f"What error do I get from {f} when {{c}}?",
                                               f"If {{c}}, which error does {f} give?"],
                                    locate=lead + r".*?\b" + E(m.answer) + r"\b", mention=lead,
                                    extra={"clause": m.extra["clause"]}))
        if opts_of.get(d):  # an option another command has
            for o in some([o for o in all_opts if o not in opts_of[d] and o.split(":")[1] not in text_words], 2):
                o = o.split(":", 1)[1]
                out.append(Fact("man_item_meaning", "man_item", d, f"{ref(page)}:{o}", f"option:{o}",
                                questions=[f"What does the {o} option of {f} do?", f"What is {f} {o} for?",
                                           f"{f} {o}: what does it do?"],
                                locate=lead + r".*?(?<![\w-])" + E(o) + r"\b", mention=lead))
        if consts_of.get(d):  # a constant (a flag, a request) of another page
            for c in some([c for c in all_consts if c not in consts_of[d] and c.split(":")[1] not in text_words],
                          per_page):
                c = c.split(":", 1)[1]
                out.append(Fact("man_item_meaning", "man_item", d, f"{ref(page)}:{c}", f"constant:{c}",
                                questions=[f"What does {c} do in {call(f, page)}?", f"What is {c} for in {f}?",
                                           f"In {call(f, page)}, what does {c} mean?"],
                                locate=lead + r".*?\b" + E(c) + r"\b", mention=lead))
        if since_of.get(d):  # a constant of this page without a "(since ...)" note, asked when it came
            sinces = [x for x in facts if x.kind == "man_since"]
            plain = [x.attr.split(":", 1)[1] for x in facts if x.kind == "man_item_meaning" and
                     x.attr.startswith("constant:") and x.attr.split(":", 1)[1] not in since_of[d]]
            for name in some(plain, 2):
                what = sinces[0].extra["what"]
                out.append(Fact("man_since", "man_since", d, f"{ref(page)}:{name}", "since",
                                questions=[f"Since which {what} version does {f} support {name}?",
                                           f"Which {what} version introduced {name} for {f}?",
                                           f"When was {name} added to {call(f, page)}? Which {what} version?"],
                                locate=lead + r".*?(?<![\w-])" + E(name) + r"\b[^.]*?\(since ", mention=lead))
        for (dd, fn), ps in sorted(params_of.items()):  # a parameter the call does not take
            if dd != d:
                continue
            for p in some([p for p in all_params if p not in ps], 1):
                p = p.split(":", 1)[1]
                out.append(Fact("man_param_type", "man_proto", d, fn, f"param:{p}",
                                questions=[f"What is the type of the {p} argument of {call(fn)}?", f"What type is {p} in {fn}?",
                                           f"In {call(fn)}, what type does {p} have?"],
                                locate=r"\b" + E(fn) + r"\([^;]*?\b" + E(p) + r"\b", mention=r"\b" + E(fn) + r"\("))
        for (dd, st), ps in sorted(fields_of.items()):  # a field the struct does not have
            if dd != d:
                continue
            for p in some([p for p in all_fields if p not in ps and p.split(":", 1)[1] not in text_words], 1):
                p = p.split(":", 1)[1]
                out.append(Fact("man_struct_type", "man_struct", d, f"{st}.{p}", f"type:{p}",
                                questions=[f"What is the type of the {p} field of {st}?", f"In {st}, what type is {p}?",
                                           f"{st}: type of {p}?"],
                                locate=r"\b" + E(p) + r"\b", mention=r"\b" + E(st) + r"\b"))
    out = [_split_lead(f, page_lead(pages[f.doc])) for f in out]
    # calls no kept page documents, asked the questions the others answer
    und = sorted(undocumented)
    kinds = {"return": ("man_return", "man_return", "return:success",
                        ["What does {n}() return on success?", "What does {n} return when it fails?",
                         "What is the return value of {n}()?"]),
             "header": ("man_header", "man_header", "header",
                        ["Which header declares {n}()?", "What do I #include to use {n}?",
                         "Which header file do I need for {n}()?"]),
             "library": ("man_library", "man_library", "library",
                         ["Which library provides {n}()?", "What library do I link for {n}?"]),
             "attribute": ("man_attribute", "man_attribute", "thread-safety",
                           ["Is {n}() thread-safe?", "What is the thread safety of {n}?"]),
             "version": ("man_version", "man_version", "added:Linux",
                         ["Since which Linux version is {n}() available?", "When was {n} added to glibc?"])}
    if und:
        for d in sorted(pages):
            for _ in range(2):
                name = pick(rng, und)
                kind, family, attr, qs = kinds[pick(rng, sorted(kinds))]
                out.append(Fact(kind, family, d, name, attr, questions=[q.format(n=name) for q in qs],
                                locate=r"\b" + E(name) + r"\(\)", mention=r"\b" + E(name) + r"\b"))
    return out
