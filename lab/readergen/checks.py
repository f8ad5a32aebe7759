"""The generator's self-check: the problems of the lexicon's fields and categories (lexicon.py's
conventions), of edition 3's services, and of their value kinds; an empty list when all is well."""

import re
import string

from . import values
from .lexicon import (ALL_FIELDS, CATEGORIES, CITIES, COLOURS, COMPANY_FIELDS, COUNTRIES, DELIVERY_COUNTRIES,
                      DOMAINS, FIELDS, FRAME_MATERIALS, LANGUAGES, MATERIALS, PAYMENT_METHODS, PLURAL_NOUNS,
                      PRODUCT_FIELDS, SCHOOL_FIELDS, SERVICE_CATEGORIES, SERVICE_FIELD_SPECS, SERVICE_FIELDS,
                      STAFF_FIELDS)

MIN_PRODUCT_FIELDS = 90
MIN_COMPANY_FIELDS = 35
MIN_CATEGORIES = 40
MIN_DOMAINS = 12
MIN_KEYS = 4
MIN_CLAUSES = 4
MIN_SENTENCES = 5
MIN_SENTENCES_FEW_CLAUSES = 6
MIN_QUESTIONS = 8
CATEGORY_FIELDS = (10, 20)

# Digit sequences a question may contain (fixed terms, never a value).
_QUESTION_DIGIT_TERMS = ("0-100", "0-60", "0 to 100", "100 km/h")

# Value kind -> word lists whose items a question of such a field must not mention.
_VALUE_WORDS = {
    "country": (COUNTRIES,), "country_list": (DELIVERY_COUNTRIES,), "colour": (COLOURS,),
    "colour_list": (COLOURS,), "material": (MATERIALS,), "material_list": (MATERIALS,),
    "frame_material": (FRAME_MATERIALS,), "language": (LANGUAGES,), "language_list": (LANGUAGES,),
    "payment_methods": (PAYMENT_METHODS,), "city": (CITIES,),
}


def _placeholders(template: str) -> list:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def check_fields(fields) -> list:
    """Problems with the phrasings of these fields (see lexicon.py's conventions)."""
    problems = []

    def bad(msg):
        problems.append(msg)

    value_res = {}
    for kind, lists in _VALUE_WORDS.items():
        words = sorted({w.lower() for lst in lists for w in lst}, key=len, reverse=True)
        value_res[kind] = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b")

    for f in fields:
        where = f"field {f.name}"
        if f.scope not in ("product", "company"):
            bad(f"{where}: scope {f.scope!r}")
        if f.kind not in values.KINDS:
            bad(f"{where}: unknown kind {f.kind!r}")
        company = f.scope == "company"
        if len(f.keys) < MIN_KEYS:
            bad(f"{where}: {len(f.keys)} keys (< {MIN_KEYS})")
        if len(f.questions) < MIN_QUESTIONS:
            bad(f"{where}: {len(f.questions)} questions (< {MIN_QUESTIONS})")
        if company and len(f.clauses) < MIN_CLAUSES:
            if len(f.sentences) < MIN_SENTENCES_FEW_CLAUSES:
                bad(f"{where}: {len(f.clauses)} clauses and only {len(f.sentences)} sentences")
        else:
            if len(f.clauses) < MIN_CLAUSES:
                bad(f"{where}: {len(f.clauses)} clauses (< {MIN_CLAUSES})")
            if len(f.sentences) < MIN_SENTENCES:
                bad(f"{where}: {len(f.sentences)} sentences (< {MIN_SENTENCES})")
        for group in ("keys", "clauses", "sentences", "questions"):
            items = getattr(f, group)
            if len(set(items)) != len(items):
                bad(f"{where}: duplicate {group}")
            for t in items:
                if t != t.strip() or not t:
                    bad(f"{where}: {group} entry {t!r} has stray spaces")
                if not values.is_clean(t):
                    bad(f"{where}: {group} entry {t!r} has characters outside the allowed set")
        for t in f.keys:
            if "{" in t or "}" in t:
                bad(f"{where}: key {t!r} has a placeholder")
        for t in f.clauses:
            ph = _placeholders(t)
            if set(ph) - {"V"}:
                bad(f"{where}: clause {t!r} has placeholders other than {{V}}")
            if ph.count("V") != 1:
                bad(f"{where}: clause {t!r} needs exactly one {{V}}")
        for t in f.sentences:
            ph = _placeholders(t)
            if set(ph) - {"S", "V"}:
                bad(f"{where}: sentence {t!r} has placeholders other than {{S}}/{{V}}")
            if ph.count("V") != 1:
                bad(f"{where}: sentence {t!r} needs exactly one {{V}}")
            if company and "S" in ph:
                bad(f"{where}: company sentence {t!r} has {{S}}")
            if not company and "S" not in ph:
                bad(f"{where}: product sentence {t!r} lacks {{S}}")
            if t[-1] not in ".!?":
                bad(f"{where}: sentence {t!r} does not end with punctuation")
        for t in f.questions:
            ph = _placeholders(t)
            if set(ph) - {"s"}:
                bad(f"{where}: question {t!r} has placeholders other than {{s}}")
            if company and ph:
                bad(f"{where}: company question {t!r} has {{s}}")
            if not company and ph.count("s") != 1:
                bad(f"{where}: product question {t!r} needs exactly one {{s}}")
            rest = t
            for term in _QUESTION_DIGIT_TERMS:
                rest = rest.replace(term, "")
            if re.search(r"\d", rest):
                bad(f"{where}: question {t!r} contains a number")
            m = value_res[f.kind].search(t.replace("{s}", "").lower()) if f.kind in value_res else None
            if m:
                bad(f"{where}: question {t!r} mentions a possible value {m.group(0)!r}")
    return problems


def check_shared_questions(groups, fields) -> list:
    """A question shared by two fields that can appear in the same document would be ambiguous:
    groups are (name, field names), fields maps a name to its Field."""
    problems = []

    def bad(msg):
        problems.append(msg)

    def norm(q):
        return re.sub(r"[^a-z0-9{} ]", "", q.lower()).strip()

    reported = set()
    for gname, fnames in groups:
        known = [fields[fn] for fn in fnames if fn in fields]
        for i, a in enumerate(known):
            qa = {norm(q) for q in a.questions}
            for b in known[i + 1:]:
                for q in sorted(qa & {norm(q) for q in b.questions}):
                    if (a.name, b.name, q) not in reported:
                        reported.add((a.name, b.name, q))
                        bad(f"{gname}: fields {a.name} and {b.name} share the question {q!r}")
    return problems


def check_lexicon() -> list:
    """Problems with the lexicon as a list of strings; empty when everything is fine."""
    problems = []

    def bad(msg):
        problems.append(msg)

    if len(PRODUCT_FIELDS) < MIN_PRODUCT_FIELDS:
        bad(f"only {len(PRODUCT_FIELDS)} product fields (< {MIN_PRODUCT_FIELDS})")
    if len(COMPANY_FIELDS) < MIN_COMPANY_FIELDS:
        bad(f"only {len(COMPANY_FIELDS)} company fields (< {MIN_COMPANY_FIELDS})")
    names = [f.name for f in ALL_FIELDS]
    for n in sorted({n for n in names if names.count(n) > 1}):
        bad(f"duplicate field name {n}")

    problems += check_fields(ALL_FIELDS)

    if len(CATEGORIES) < MIN_CATEGORIES:
        bad(f"only {len(CATEGORIES)} categories (< {MIN_CATEGORIES})")
    if len(DOMAINS) < MIN_DOMAINS:
        bad(f"only {len(DOMAINS)} domains (< {MIN_DOMAINS})")
    product_names = {f.name for f in PRODUCT_FIELDS}
    for name, cat in CATEGORIES.items():
        where = f"category {name}"
        if set(cat) != {"domain", "nouns", "fields", "kinds"}:
            bad(f"{where}: keys {sorted(cat)}")
        if not cat["nouns"]:
            bad(f"{where}: no nouns")
        fields = cat["fields"]
        lo, hi = CATEGORY_FIELDS
        if not lo <= len(fields) <= hi:
            bad(f"{where}: {len(fields)} fields (not {lo}-{hi})")
        if len(set(fields)) != len(fields):
            bad(f"{where}: duplicate fields")
        for fn in fields:
            if fn not in product_names:
                bad(f"{where}: unknown product field {fn!r}")
        for fn, kind in cat["kinds"].items():
            if fn not in fields:
                bad(f"{where}: kind override for {fn!r}, which it does not use")
            if kind not in values.KINDS:
                bad(f"{where}: kind override {fn!r} -> unknown kind {kind!r}")
    groups = [(name, cat["fields"]) for name, cat in CATEGORIES.items()]
    groups.append(("company", tuple(f.name for f in COMPANY_FIELDS + STAFF_FIELDS)))
    problems += check_shared_questions(groups, FIELDS)

    all_nouns = {n for cat in CATEGORIES.values() for n in cat["nouns"]}
    for n in sorted(PLURAL_NOUNS - all_nouns):
        bad(f"plural noun {n!r} is no category's noun")
    used = {fn for cat in CATEGORIES.values() for fn in cat["fields"]}
    for fn in sorted(product_names - used):
        bad(f"product field {fn} is used by no category")
    return problems


def check_services() -> list:
    """Problems with the services' fields and categories; empty when everything is fine."""
    problems = check_fields(SERVICE_FIELDS + SCHOOL_FIELDS)
    taken = {f.name for f in ALL_FIELDS}
    names = [f.name for f in SERVICE_FIELDS + SCHOOL_FIELDS]
    problems += [f"field {n} is named twice" for n in sorted({n for n in names if names.count(n) > 1 or n in taken})]
    for name, cat in SERVICE_CATEGORIES.items():
        for fn in cat["fields"]:
            if fn not in SERVICE_FIELD_SPECS:
                problems.append(f"category {name}: unknown service field {fn!r}")
        for fn, kind_ in cat["kinds"].items():
            if fn not in cat["fields"] or kind_ not in values.KINDS:
                problems.append(f"category {name}: bad kind override {fn!r} -> {kind_!r}")
        if len(cat["descriptors"]) < 8 or not cat["nouns"]:
            problems.append(f"category {name}: too few descriptors or no nouns")
    used = {fn for cat in SERVICE_CATEGORIES.values() for fn in cat["fields"]}
    problems += [f"service field {fn} is used by no category" for fn in sorted(set(SERVICE_FIELD_SPECS) - used)]
    company = tuple(f.name for f in COMPANY_FIELDS + STAFF_FIELDS + SCHOOL_FIELDS)
    specs = {**FIELDS, **SERVICE_FIELD_SPECS, **{f.name: f for f in SCHOOL_FIELDS}}
    groups = [(name, cat["fields"]) for name, cat in SERVICE_CATEGORIES.items()] + [("company", company)]
    return problems + check_shared_questions(groups, specs)
