"""Facts about the calls a man page documents: its ERRORS list, the RETURN VALUE sentences, the
SYNOPSIS (headers, prototypes, the LIBRARY line) and the VERSIONS sentences."""

import re
import zlib

from .facts import Fact, flat, head, lower_first, to_vocab, words
from .manwords import ERRNO, call, page_lead, pname, ref

E = re.escape


# --- ERRORS -------------------------------------------------------------------------------

def error_items(page):
    s = page.get("ERRORS")
    if not s:
        return []
    out = []
    for b in s.blocks:
        if b.kind != "item":
            continue
        tag = flat(to_vocab(b.tag))
        codes = [c for c in re.split(r",\s*|\s+or\s+", tag) if c]
        if not codes or not all(ERRNO.fullmatch(c) for c in codes) or len(codes) > 2:
            continue
        out.append((tag, codes, flat(to_vocab(b.text))))
    return out


def build_errors(page, doc):
    items = error_items(page)
    if not items:
        return []
    f = pname(page)
    lead = page_lead(page)
    tags = [t for t, _, _ in items]
    facts = []
    for tag, codes, desc in items:
        m = re.match(r"\((\w+)\(\)\)\s+", desc)  # "(openat()) pathname is relative ..." names its own call
        caller = m.group(1) if m else f
        pre = desc[:m.end()] if m else ""
        body = desc[len(pre):]
        # the code, asked by its condition (which may be longer: it is the question, not the answer)
        clause = head(body, max_words=16, min_words=3)
        if clause and not clause.lower().startswith(("see ", "(see", "as for", "same as")) and words(clause) >= 3:
            facts.append(Fact(
                "man_error_code", "man_error", doc, ref(page), f"error:{codes[0]}",
                questions=[f"Which error does {call(caller)} return when {{c}}?", f"What errno does {caller} set if {{c}}?",
                           f"{call(caller)} fails: which error code means {{c}}?",
                           f"What error do I get from {caller} when {{c}}?", f"If {{c}}, which error does {caller} give?",
                           f"Which error code does {caller}() report when {{c}}?"],
                answer=tag, locate=lead + r".*?(?<![\w-])(?P<a>" + E(tag) + r") " + E(pre + clause), mention=lead,
                extra={"clause": lower_first(clause.rstrip("."))}))
        # the condition, asked by the code
        h = head(body)
        if (h and tags.count(tag) == 1 and len(codes) == 1 and not h.startswith("[")
                and not h.lower().startswith(("see ", "(see", "as for", "same as"))):
            tail = body[len(h):len(h) + 1]
            facts.append(Fact(
                "man_error_meaning", "man_error", doc, ref(page), f"error:{codes[0]}",
                questions=[f"What does {tag} mean for {call(f, page)}?", f"What does the {tag} error from {f} indicate?",
                           f"{f} failed with {tag}; what does that mean?", f"When does {call(f, page)} fail with {tag}?",
                           f"Why would {f} return {tag}?", f"{tag} from {call(f, page)}: what is the cause?"],
                answer=h, locate=lead + r".*?(?<![\w-])" + E(tag) + " " + E(pre) + r"(?P<a>" + E(h) + ")" +
                (E(tail) if tail else ""), mention=lead))
    return facts


# --- RETURN VALUE ---------------------------------------------------------------------------

_COND = r"(?P<cond>success|successful completion|error|failure)"
_RET_PATTERNS = [
    re.compile(r"^(?:On|Upon) " + _COND + r"(?: [^,]{0,40})?, (?P<a>[^,;]+?) (?:is|are) returned\b"),
    re.compile(r"^(?:On|Upon) " + _COND + r"(?: [^,]{0,40})?, (?P<subj>[^,;]*?\w\(\)(?:[^;]*?\w\(\))?|these functions|"
               r"this function|the call|the function|the functions|they|it) (?:returns?|will return) (?P<a>[^,;]+?)"
               r"(?=[,;.]| and set| and errno| and the| \()"),
    re.compile(r"^(?P<subj>(?:The )?\w+\(\)(?:(?:,| and| or|, and|, or) \w+\(\))*(?: functions?| system calls?| calls?)?) "
               r"(?:returns?|return) (?P<a>[^,;]+?) (?:on|upon|if) " + _COND),
    re.compile(r"^(?P<subj>(?:The )?\w+\(\)(?:(?:,| and| or|, and|, or) \w+\(\))*(?: functions?| system calls?| "
               r"macros?)?) (?:returns?|return) (?P<a>[^,;]+?)(?=[,;.]| if | on | when | \(|$)"),
]


def value_ok(v):
    v = v.strip()
    return (1 <= words(v) <= 8 and not v.lower().startswith(("the value", "a value", "one of", "as ", "also ", "only "))
            and v.count("(") == v.count(")") and not v.endswith((" and", " or", " to", " the")))


def return_facts(page):
    """(condition, value, subject names, sentence prefix up to the value) of RETURN VALUE."""
    s = page.get("RETURN VALUE")
    if not s:
        return []
    out = []
    for b in s.blocks:
        if b.kind != "para":
            continue
        text = flat(to_vocab(b.text))
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
            for rx in _RET_PATTERNS:
                m = rx.search(sentence)
                if not m or not value_ok(m.group("a")):
                    continue
                cond = m.groupdict().get("cond")
                cond = {None: "", "successful completion": "success", "failure": "error"}.get(cond, cond)
                subj = m.groupdict().get("subj") or ""
                names = re.findall(r"(\w+)\(\)", subj)
                out.append((cond, m.group("a").strip(), names, sentence[:m.start("a")]))
                break
    return out


def build_returns(page, doc):
    found = return_facts(page)
    if not found:
        return []
    lead = page_lead(page)
    facts = []
    for cond, value, names, prefix in found:
        same = [x for x in found if x[0] == cond]
        if not names:
            if len(same) > 1:
                continue  # "On success, zero is returned" twice, for different calls: whose?
            names = [pname(page)]
        for f in names[:3]:
            if cond == "success":
                qs = [f"What does {call(f, page)} return on success?", f"What value does {f} return if it succeeds?",
                      f"If {call(f, page)} succeeds, what does it return?", f"{f} return value on success?",
                      f"What is returned by {f} when the call works?"]
            elif cond == "error":
                qs = [f"What does {call(f, page)} return on error?", f"What does {f} return when it fails?",
                      f"On failure, what is returned by {call(f, page)}?", f"{f} return value on error?",
                      f"If {f} fails, what does it return?"]
            else:
                qs = [f"What does {call(f, page)} return?", f"What is the return value of {f}?",
                      f"What do I get back from {call(f, page)}?", f"{f}: what is returned?"]
            facts.append(Fact(f"man_return", "man_return", doc, f, f"return:{cond or 'any'}", questions=qs,
                              answer=value, locate=lead + r".*?" + E(prefix) + r"(?P<a>" + E(value) + r")",
                              mention=lead + "|" + r"\b" + E(f) + r"\(\)"))
    return facts


# --- SYNOPSIS: headers, prototypes; LIBRARY -------------------------------------------------

_PROTO = re.compile(r"^(?P<ret>(?:[A-Za-z_]\w*\s+)*?[A-Za-z_]\w*[\s*]+)(?<!\w)(?P<name>[A-Za-z_]\w*)\("
                    r"(?P<params>[^()]*(?:\([^()]*\)[^()]*)*)\);")
C_TYPE = re.compile(r"(?:(?:const|unsigned|signed|struct|enum|union|long|short|volatile)\s+)*[A-Za-z_]\w*"
                    r"(?:\s+(?:int|long|char|double))*(?:\s*\*+)?(?:\s*const)?(?:\s*\*+)?")
C_PARAM = re.compile(r"(?P<t>.+?[\s*])(?P<n>[a-z_]\w*)")


def synopsis_parts(page):
    """[(includes, prototypes)] per group of the SYNOPSIS, in order; includes without the
    "Definition of ..." ones; prototypes as (name, return type, [(type, param)], line)."""
    s = page.get("SYNOPSIS")
    if not s:
        return []
    groups, includes = [], []
    for b in s.blocks:
        if b.kind != "pre":
            continue
        lines = [flat(to_vocab(x)) for x in b.lines]
        inc = [x for x in lines if x.startswith("#include")]
        if inc:
            includes = [x for x in inc if "Definition of" not in x and "/*" not in x]
        protos = []
        joined = " ".join(x for x in lines if not x.startswith("#"))
        for stmt in re.findall(r"[^;]+;", joined):
            m = _PROTO.match(stmt.strip())
            if not m:
                continue
            params = []
            for p in m.group("params").split(","):
                p = p.strip()
                pm = C_PARAM.fullmatch(p)
                if (pm and C_TYPE.fullmatch(pm.group("t").strip()) and pm.group("n") != "void"
                        and not re.search(r"restrict|_Nullable|_Nonnull|_Optional|\[|\(", p)):
                    params.append((pm.group("t").strip(), pm.group("n"), p))
            ret = m.group("ret").strip()
            if m.group("name") == "syscall":
                continue  # "long syscall(SYS_kexec_load, ...)": the raw system call, not this page's function
            if C_TYPE.fullmatch(ret) and not re.search(r"_Nullable|_Nonnull|\bstatic\b|\bextern\b", ret):
                protos.append((m.group("name"), ret, params, stmt.strip()))
        if protos:
            groups.append((list(includes), protos))
    return groups


def build_synopsis(page, doc):
    groups = synopsis_parts(page)
    lead = page_lead(page)
    facts = []
    # the header of the page's own function: the one #include before its prototype
    for includes, protos in groups:
        if any(name == pname(page) for name, *_ in protos) and len(includes) == 1:
            hdr = includes[0][len("#include"):].strip()
            if re.fullmatch(r"<[\w./+-]+>", hdr):
                f = pname(page)
                facts.append(Fact(
                    "man_header", "man_header", doc, f, "header",
                    questions=[f"Which header declares {call(f, page)}?", f"What do I #include to use {f}?",
                               f"{f}: which header file?", f"Which header file do I need for {call(f, page)}?",
                               f"What header should I include for {f}?"],
                    answer=hdr, locate=lead + r".*?#include (?P<a>" + E(hdr) + ")", mention=lead))
            break
    # types from the prototypes; a name with two prototypes that disagree is left alone
    rets, ptypes, seen = {}, {}, set()
    for _, protos in groups:
        for name, ret, params, line in protos:
            rets.setdefault(name, set()).add(ret)
            for t, p, _ in params:
                ptypes.setdefault((name, p), set()).add(t)
    for _, protos in groups:
        for name, ret, params, line in protos:
            if len(rets[name]) == 1 and ret and ret not in ("void",) and (name, "ret") not in seen:
                seen.add((name, "ret"))
                facts.append(Fact(
                    "man_return_type", "man_proto", doc, name, "rettype",
                    questions=[f"What is the return type of {call(name)}?", f"What type does {name} return?",
                               f"{call(name)} returns what type?", f"What C type is {name}'s return value?"],
                    answer=ret, locate=lead + r".*?(?<![\w*])(?P<a>" + E(ret) + r") ?" + E(name) + r"\(",
                    mention=lead + "|" + r"\b" + E(name) + r"\("))
            for t, p, text in params:
                if len(ptypes[(name, p)]) != 1 or (name, p) in seen or words(t) > 4:
                    continue
                seen.add((name, p))
                facts.append(Fact(
                    "man_param_type", "man_proto", doc, name, f"param:{p}",
                    questions=[f"What is the type of the {p} argument of {call(name)}?",
                               f"What type is {p} in {name}?", f"In {call(name)}, what type does {p} have?",
                               f"{name}: type of the {p} parameter?"],
                    answer=t, locate=lead + r".*?\b" + E(name) + r"\([^;]*?(?<![\w*])(?P<a>" + E(t) + r") ?" + E(p) + r"\b",
                    mention=lead + "|" + r"\b" + E(name) + r"\(", extra={"params": [q for _, q, _ in params]}))
    # LIBRARY: "Math library (libm, -lm)"
    lib = page.get("LIBRARY")
    if lib:
        text = " ".join(flat(to_vocab(b.text)) for b in lib.blocks if b.kind == "para")
        m = re.search(r"\((?P<lib>lib[\w+-]+), (?P<flag>-l[\w+-]+)\)", text)
        # most pages say "Standard C library (libc, -lc)": a third of them is enough
        if m and (m.group("lib") != "libc" or zlib.crc32(pname(page).encode()) % 3 == 0):
            f = pname(page)
            facts.append(Fact("man_library", "man_library", doc, f, "library",
                              questions=[f"Which library provides {call(f, page)}?", f"What library do I link for {f}?",
                                         f"{f} is in which library?", f"Which library is {call(f, page)} part of?"],
                              answer=m.group("lib"), locate=lead + r".*?\((?P<a>" + E(m.group("lib")) + r"), ",
                              mention=lead))
            facts.append(Fact("man_library", "man_library", doc, f, "linkflag",
                              questions=[f"What linker flag does {call(f, page)} need?", f"Which -l option do I link with for {f}?",
                                         f"How do I link a program that uses {f}?", f"What do I pass to the linker for {call(f, page)}?"],
                              answer=m.group("flag"), locate=lead + r".*?\(" + E(m.group("lib")) + r", (?P<a>" +
                              E(m.group("flag")) + r")\)", mention=lead))
    return facts


# --- VERSIONS sentences ----------------------------------------------------------------------

_ADDED = re.compile(r"(?P<subj>(?:\w+\(\)(?:, | and |, and )?)+) (?:was|were|first) (?:added|introduced|appeared|"
                    r"implemented|became available) (?:to|in) (?P<what>Linux|glibc)(?: version)? (?P<v>\d+\.\d+(?:\.\d+)*)")


def build_versions(page, doc):
    lead = page_lead(page)
    facts = []
    for sname in ("VERSIONS", "HISTORY", "STANDARDS", "NOTES"):
        s = page.get(sname)
        if not s:
            continue
        for b in s.blocks:
            if b.kind != "para":
                continue
            text = flat(to_vocab(b.text))
            for m in _ADDED.finditer(text):
                what, v = m.group("what"), m.group("v")
                for name in re.findall(r"(\w+)\(\)", m.group("subj")):
                    facts.append(Fact(
                        "man_version", "man_version", doc, name, f"added:{what}",
                        questions=[f"Since which {what} version is {call(name)} available?",
                                   f"When was {name} added to {what}?", f"Which {what} version introduced {call(name)}?",
                                   f"{name}: first {what} version that has it?", f"In what {what} release did {name} appear?"],
                        answer=v, locate=lead + r".*?" + E(m.group(0)[:m.start("v") - m.start()]) + r"(?P<a>" + E(v) + r")",
                        mention=r"\b" + E(name) + r"\(\)", extra={"what": what}))
    return facts
