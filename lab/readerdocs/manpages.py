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
import zlib

from . import troff
from .facts import Fact, flat, head, lower_first, pick, to_vocab, words

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


def _value_ok(v):
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
                if not m or not _value_ok(m.group("a")):
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
_TYPE = re.compile(r"(?:(?:const|unsigned|signed|struct|enum|union|long|short|volatile)\s+)*[A-Za-z_]\w*"
                   r"(?:\s+(?:int|long|char|double))*(?:\s*\*+)?(?:\s*const)?(?:\s*\*+)?")
_PARAM = re.compile(r"(?P<t>.+?[\s*])(?P<n>[a-z_]\w*)")


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
                pm = _PARAM.fullmatch(p)
                if (pm and _TYPE.fullmatch(pm.group("t").strip()) and pm.group("n") != "void"
                        and not re.search(r"restrict|_Nullable|_Nonnull|_Optional|\[|\(", p)):
                    params.append((pm.group("t").strip(), pm.group("n"), p))
            ret = m.group("ret").strip()
            if m.group("name") == "syscall":
                continue  # "long syscall(SYS_kexec_load, ...)": the raw system call, not this page's function
            if _TYPE.fullmatch(ret) and not re.search(r"_Nullable|_Nonnull|\bstatic\b|\bextern\b", ret):
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


# --- tagged lists: flags, options, variables, files, fields -----------------------------------

def _lead_word(paragraph):
    p = paragraph.lower()
    for word in ("flag", "option", "operation", "command", "request", "signal", "field", "mode", "value", "argument"):
        if re.search(r"\b" + word + r"s?\b", p):
            return word
    return None


def item_name(tag):
    """The name a tag gives ("O_CLOEXEC (since Linux 2.6.23)" -> O_CLOEXEC; "-n, --lines=NUM" -> -n;
    a field given with its type, "cookie_read_function_t *read" -> read)."""
    m = re.fullmatch(r"(?:(?:const|unsigned|signed|struct|union|enum)\s+)*[A-Za-z_]\w*\s*\*?\s*\*?([a-z_]\w*)(?:\[\w*\])?", tag)
    if m and " " in tag.strip():
        return m.group(1)
    m = re.match(r"(--?[\w][\w-]*|/[\w./-]+|[A-Za-z_]\w*)", tag)
    return m.group(1) if m else None


def build_items(page, doc):
    lead = page_lead(page)
    f = pname(page)
    facts = []
    for s in page.sections:
        if s.name in ("ERRORS", "NAME", "SYNOPSIS", "SEE ALSO", "EXAMPLES", "RETURN VALUE", "STANDARDS", "CONFORMING TO",
                      "VERSIONS", "HISTORY", "ATTRIBUTES", "COLOPHON"):
            continue  # lists of calls by standard or version are not definitions
        word = None
        seen_tags = [flat(to_vocab(b.tag)) for b in s.blocks if b.kind == "item"]
        for b in s.blocks:
            if b.kind == "para":
                word = _lead_word(b.text) or word
                continue
            if b.kind == "sub":
                word = None
                continue
            if b.kind != "item" or not b.text:
                continue
            tag = flat(to_vocab(b.tag))
            desc = flat(to_vocab(b.text))
            name = item_name(tag)
            if not name or seen_tags.count(tag) > 1 or len(tag) > 60 or tag.endswith("()"):
                continue
            if name.startswith("-"):
                kind, noun = "option", "option"
            elif name.startswith("/"):
                kind, noun = "file", "file"
            elif s.name == "ENVIRONMENT" and CONST.fullmatch(name):
                kind, noun = "env", "environment variable"
            elif CONST.fullmatch(name):
                kind, noun = "constant", word if word in ("flag", "operation", "command", "request", "signal", "mode",
                                                            "value", "option") else None
            elif IDENT.fullmatch(name) and "_" in name:
                kind, noun = "field", "field" if word == "field" else None
            else:
                continue
            rest = tag[tag.find(name) + len(name):]
            since = SINCE.search(rest)
            if since:  # "O_CLOEXEC (since Linux 2.6.23)"
                what, v = since.group("what"), since.group("v")
                facts.append(Fact(
                    "man_since", "man_since", doc, f"{ref(page)}:{name}", "since",
                    questions=[f"Since which {what} version does {f} support {name}?",
                               f"When was {name} added to {call(f, page)}? Which {what} version?",
                               f"Which {what} version introduced {name} for {f}?",
                               f"{name} in {f}: available since which {what} release?"],
                    answer=v, locate=lead + r".*?(?<![\w-])" + E(name) + r"\b[^.]*?\(since " + E(what) + r" (?P<a>" +
                    E(v) + r")\)", mention=lead, extra={"what": what, "name": name}))
            skip = ("see ", "(see", "as for", "same as", "this is", "equivalent to", "synonym", "like ", "similar to",
                    "deprecated", "obsolete")
            h = head(desc)
            if h and (h.startswith(("(", "[")) or h.lower().startswith(skip)):
                h = None
            if h:
                tail = desc[len(h):len(h) + 1]
                what_q = {
                    "option": [f"What does the {name} option of {f} do?", f"What is {f} {name} for?",
                               f"{f} {name}: what does it do?", f"What happens if I pass {name} to {f}?"],
                    "file": [f"What is {name} in {f}?", f"What does the file {name} hold for {f}?",
                             f"What is {name} used for, according to {ref(page)}?"],
                    "env": [f"What is the {name} environment variable used for in {f}?", f"What does {name} do for {f}?",
                            f"{f}: what is {name} for?"],
                    "constant": [f"What does {name} do in {call(f, page)}?", f"What is {name} for in {f}?",
                                 f"In {call(f, page)}, what does {name} mean?", f"{f}: meaning of {name}?"]
                    + ([f"What does the {noun} {name} of {f} do?"] if noun else []),
                    "field": [f"What is the {name} field in {f}?", f"What does {name} hold in {f}?",
                              f"In {ref(page)}, what is {name}?"],
                }[kind]
                facts.append(Fact("man_item_meaning", "man_item", doc, f"{ref(page)}:{name}", f"{kind}:{name}",
                                  questions=what_q, answer=h, locate=lead + r".*?(?<![\w-])" + E(tag) + r" (?P<a>" +
                                  E(h) + ")" + (E(tail) if tail else ""), mention=lead))
            # the name, asked by its description (longer: it is the question, not the answer)
            hr = head(desc, max_words=14, min_words=3)
            noun_q = noun or {"option": "option", "file": "file", "env": "environment variable"}.get(kind)
            if not hr or noun_q is None or hr.startswith(("(", "[")) or hr.lower().startswith(skip):
                continue
            first = hr.split(" ", 1)[0]
            verb = base_verb(first)
            if verb and first[0].isupper() and not first.isupper():
                clause = ("to", verb + hr[len(first):])
            elif first.lower() in DETERMINERS:
                clause = ("that" if FINITE.search(hr) else "is", lower_first(hr))
            else:
                continue
            if clause[0] == "to":
                qs = [f"Which {noun_q} of {f} do I use to {{c}}?", f"What {noun_q} should I use with {f} to {{c}}?",
                      f"How do I tell {f} to {{c}}? Which {noun_q}?", f"{f}: which {noun_q} is there to {{c}}?"]
            elif clause[0] == "that":  # a sentence: "The file is opened in append mode"
                qs = [f"Which {noun_q} of {f} means that {{c}}?", f"In {f}, which {noun_q} says that {{c}}?",
                      f"Which {f} {noun_q} is it when {{c}}?"]
            else:  # a noun phrase: "The unified cache block size"
                qs = [f"Which {noun_q} of {f} is {{c}}?", f"In {f}, which {noun_q} gives {{c}}?",
                      f"What is the {noun_q} for {{c}} in {f}?"]
            at = tag.find(name)
            facts.append(Fact("man_item_name", "man_item", doc, f"{ref(page)}:{name}", f"{kind}:{name}",
                              questions=qs, answer=name, locate=lead + r".*?(?<![\w-])" + E(tag[:at]) + "(?P<a>" + E(name) +
                              ")" + E(tag[at + len(name):]) + " " + E(hr), extra={"clause": clause[1]}, mention=lead))
    return facts


# --- tables --------------------------------------------------------------------------------

def build_tables(page, doc):
    lead = page_lead(page)
    facts = []
    tables = [b for s in page.sections for b in s.blocks if b.kind == "table" and b.header and len(b.rows) >= 2]
    taken = repeated_keys([[flat(to_vocab(c)) for c in r] for r in b.rows] for b in tables)
    for s in page.sections:
        for b in s.blocks:
            if b.kind != "table" or not b.header or len(b.rows) < 2:
                continue
            hdr = [flat(to_vocab(c)) for c in b.rows[0]]
            rows = [[flat(to_vocab(c)) for c in r] for r in b.rows[1:]]
            if [h.lower() for h in hdr[:3]] == ["interface", "attribute", "value"]:
                facts += _attribute_facts(page, doc, rows)
                continue
            if len(rows) < 2:
                continue
            facts += table_facts("man_table", doc, ref(page), f"{ref(page)}", lead, hdr, rows, taken=taken)
    return facts


def repeated_keys(tables):
    """(first column, key) pairs found in more than one of a page's tables (rows with the header first)."""
    seen = {}
    for n, rows in enumerate(tables):
        for r in rows[1:]:
            if r and rows[0]:
                seen.setdefault((rows[0][0], r[0]), set()).add(n)
    return {k for k, v in seen.items() if len(v) > 1}


def _attribute_facts(page, doc, rows):
    lead = page_lead(page)
    facts = []
    for r in rows:
        if len(r) < 3 or r[1] != "Thread safety" or not _value_ok(r[2]):
            continue
        for name in re.findall(r"(\w+)\(\)", r[0]):
            facts.append(Fact(
                "man_attribute", "man_attribute", doc, name, "thread-safety",
                questions=[f"Is {call(name)} thread-safe?", f"What is the thread safety of {name}?",
                           f"How thread-safe is {call(name)}?", f"{name}: MT-Safe or not?",
                           f"Can I call {name} from several threads at once?"],
                answer=r[2], locate=lead + r".*?Interface: [^;]*?\b" + E(name) + r"\(\)[^;]*; Attribute: Thread safety; "
                r"Value: (?P<a>" + E(r[2]) + r")", mention=lead + "|" + r"\b" + E(name) + r"\(\)"))
    return facts


MARKS = {"X", "x", "Y", "N", "y", "n", "yes", "no", "Yes", "No", "✓", "✔", "•", "*", "?", "B", "C"}
_KEY = re.compile(r"[\w.+%*<>=!&|^~-]+(?:\(\))?(?: [\w.+-]+(?:\(\))?){0,3}")
_NOTE = re.compile(r"^\(?\d+\)?$|^\[\d+\]$|^[-—–]$|^\\?\^$")


def table_facts(kind, doc, subject, where, lead, hdr, rows, family=None, taken=()):
    """Questions about the cells of a table with a header row: the value of a column for a row's
    key (its first cell), and the key of a row by a descriptive cell. taken: (column, key) pairs
    that another table of the page has too (a question naming only the key would not say which)."""
    facts = []
    family = family or kind
    if len(hdr) < 2 or not hdr[0] or any(len(h) > 40 for h in hdr):
        return facts
    keys = [r[0] for r in rows if r]
    if sum(bool(re.fullmatch(r"[0-9A-Fa-fx]+", k)) for k in keys) * 2 >= len(keys):
        return facts  # a table of numbers (character codes): nobody asks "the char of 265"
    for r in rows:
        if len(r) < 2 or not r[0] or keys.count(r[0]) > 1 or not _KEY.fullmatch(r[0]) or (hdr[0], r[0]) in taken:
            continue
        key = r[0]
        row_lead = lead + r".*?(?<![\w-])" + E(hdr[0]) + ": " + E(key) + r"; "
        for j in range(1, min(len(r), len(hdr))):
            h, v = hdr[j], r[j]
            if not h or not v or _NOTE.match(v) or h.lower() in ("notes", "note", "see", "example", "examples"):
                continue
            if words(v) <= 8 and v != key and len(v) <= 70 and v not in MARKS:
                hl = h if h.isupper() and len(h) <= 5 else h.lower()
                facts.append(Fact(
                    kind + "_cell", family, doc, f"{subject}:{key}", f"col:{h}",
                    questions=[f"In {where}, what is the {hl} of {key}?", f"What {hl} does {key} have in {where}?",
                               f"{where}: {hdr[0].lower()} {key}, which {hl}?",
                               f"What's the {hl} for {key} in {where}?"],
                    answer=v, locate=row_lead + r"(?:[^;]*; )*?" + E(h) + r": (?P<a>" + E(v) + r")[;.]",
                    mention=r"(?i)(?<![\w-])" + E(key) + r"(?![\w-])"))
            col = [x[j] if len(x) > j else "" for x in rows]
            if words(v) >= 3 and col.count(v) == 1 and h.lower() in ("meaning", "description", "comment", "purpose",
                                                                      "explanation", "effect", "action", "use"):
                facts.append(Fact(
                    kind + "_key", family, doc, f"{subject}:{key}", f"col:{h}",
                    questions=[f"In {where}, which {hdr[0].lower()} has the {h.lower()} \"{{c}}\"?",
                               f"Which {hdr[0].lower()} in {where} means: {{c}}?",
                               f"{where}: what {hdr[0].lower()} is described as \"{{c}}\"?"],
                    answer=key, locate=lead + r".*?(?<![\w-])" + E(hdr[0]) + r": (?P<a>" + E(key) + r"); (?:[^;]*; )*?" +
                    E(h) + ": " + E(v), mention=r"(?i)(?<![\w-])" + E(key) + r"(?![\w-])",
                    extra={"clause": v.rstrip(".")}))
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


# --- struct definitions in code blocks -------------------------------------------------------

_FIELD = re.compile(r"(?P<t>(?:(?:const|unsigned|signed|struct|long|short|volatile|union|enum)\s+)*[A-Za-z_]\w*"
                    r"(?:\s+(?:int|long|char|double))*(?:\s+|\s*\*+\s*))(?<!\w)(?P<n>[a-z_]\w*)(?:\[\w*\])?;\s*/\*\s*"
                    r"(?P<c>[^*]+?)\s*\*/")


def build_structs(page, doc):
    lead = page_lead(page)
    facts = []
    for s in page.sections:
        for b in s.blocks:
            if b.kind != "pre":
                continue
            struct, depth = None, 0
            for line in b.lines:
                line = flat(to_vocab(line))
                m = re.match(r"(?:typedef\s+)?struct (\w+) \{", line)
                if m and depth == 0:
                    struct, depth = m.group(1), 1
                    continue
                if struct is None:
                    continue
                depth += line.count("{") - line.count("}")
                if depth <= 0:
                    struct = None
                    continue
                fm = _FIELD.fullmatch(line) if depth == 1 else None
                if not fm:
                    continue
                t, n, c = fm.group("t").strip(), fm.group("n"), fm.group("c").rstrip(". ")
                owner = (lead + r".*?struct " + E(struct) + r" \{.*?") if struct != pname(page) else (lead + r".*?")
                sname = f"struct {struct}"
                facts.append(Fact(
                    "man_struct_type", "man_struct", doc, f"{sname}.{n}", f"type:{n}",
                    questions=[f"What is the type of the {n} field of {sname}?", f"In {sname}, what type is {n}?",
                               f"{sname}: type of {n}?", f"What type does {sname}'s {n} member have?"],
                    answer=t, locate=owner + r"(?<![\w*])(?P<a>" + E(t) + r") ?" + E(n) + r"\b", mention=r"\b" + E(sname) + r"\b"))
                if 2 <= words(c) <= 9:
                    cl = lower_first(c)
                    facts.append(Fact(
                        "man_struct_field", "man_struct", doc, f"{sname}.{n}", f"field:{n}",
                        questions=[f"Which field of {sname} holds the {{c}}?" if cl.split()[0] not in DETERMINERS and not
                                   cl.startswith(("number", "flags")) else f"Which field of {sname} holds {{c}}?",
                                   f"In {sname}, which member is the {{c}}?" if cl.split()[0] not in DETERMINERS else
                                   f"In {sname}, which member is {{c}}?",
                                   f"{sname}: where is the {{c}} stored?" if cl.split()[0] not in DETERMINERS else
                                   f"{sname}: where is {{c}} stored?"],
                        answer=n, locate=owner + E(t) + r" ?(?P<a>" + E(n) + r")\b[^/]*?/\* " + E(c),
                        mention=r"\b" + E(sname) + r"\b", extra={"clause": cl}))
                    facts.append(Fact(
                        "man_struct_meaning", "man_struct", doc, f"{sname}.{n}", f"field:{n}",
                        questions=[f"What does the {n} field of {sname} hold?", f"What is {n} in {sname}?",
                                   f"{sname}.{n}: what is it?", f"What is stored in {sname}'s {n}?"],
                        answer=c, locate=owner + E(n) + r"\b[^/]*?/\* (?P<a>" + E(c) + r")", mention=r"\b" + E(sname) + r"\b"))
    return facts


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
