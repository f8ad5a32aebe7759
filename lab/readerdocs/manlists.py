"""Facts from a man page's tagged lists (flags, options, environment variables, files, struct
fields), its tables (ATTRIBUTES, signal tables ...) and the struct definitions of its code blocks."""

import re

from .facts import Fact, flat, head, lower_first, to_vocab, words
from .mancalls import value_ok
from .manwords import CONST, DETERMINERS, FINITE, IDENT, SINCE, base_verb, call, page_lead, pname, ref
from .tables import repeated_keys, table_facts

E = re.escape


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


def _attribute_facts(page, doc, rows):
    lead = page_lead(page)
    facts = []
    for r in rows:
        if len(r) < 3 or r[1] != "Thread safety" or not value_ok(r[2]):
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
