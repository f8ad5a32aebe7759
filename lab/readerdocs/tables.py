"""Facts from a table of rows, for man pages and the Python documentation alike: a row's key asked
about by its column's heading, and the keys that repeat across tables (not a row's own)."""

import re

from .facts import Fact, words

E = re.escape


def repeated_keys(tables):
    """(first column, key) pairs found in more than one of a page's tables (rows with the header first)."""
    seen = {}
    for n, rows in enumerate(tables):
        for r in rows[1:]:
            if r and rows[0]:
                seen.setdefault((rows[0][0], r[0]), set()).add(n)
    return {k for k, v in seen.items() if len(v) > 1}


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
