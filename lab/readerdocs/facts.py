"""What a question builder hands on: a fact read from a document's structure, with the wordings
of its question, its answer (None: the documents do not say), and a pattern that finds where a
chunk states it; and the small text tools the builders share.

A fact's `locate` is a regular expression whose group `a` is the answer inside a chunk that
states the fact, with enough of its surroundings that a chunk matching it says whose value it
is (the page's heading, the function's signature, the table row's key). Every span of every
example comes from matching it against the real chunks, so a fact whose words the chunker cut
apart simply finds no chunk and makes no example.
"""

import re
from dataclasses import dataclass, field

from mgpt.data import CHARSETS, PLACEHOLDER

VOCAB = frozenset(CHARSETS["latin"])
# characters outside the vocabulary that have a plain equivalent (or none: invisible ones)
_PLAIN = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00a0": " ", "\u2009": " ", "\u200a": " ",
          "\u202f": " ", "\u2007": " ", "\u200b": "", "\u00ad": "", "\ufeff": "", "\u2002": " ", "\u2003": " "}


def to_vocab(text):
    """The text in mgpt's `latin` vocabulary: spaces and hyphens outside it become plain ones,
    invisible characters (soft hyphen, zero-width space) go, and every other unknown character
    becomes the placeholder, as the reader sees it."""
    if all(c in VOCAB or c == "\n" or c == "\t" for c in text):
        return text
    out = []
    for c in text:
        if c in VOCAB or c in "\n\t":
            out.append(c)
        else:
            c = _PLAIN.get(c, c)
            out.append(c if c == "" or c in VOCAB or c.isspace() else PLACEHOLDER)
    return "".join(out)


def flat(text):
    """As the chunker writes text: emphasis markers dropped, whitespace collapsed."""
    return " ".join(re.sub(r"\*\*|__|`", "", text).split())


@dataclass
class Fact:
    kind: str                 # the builder that made it
    family: str               # builders whose facts share stating chunks and siblings
    doc: str                  # the document it belongs to ("package:path")
    entity: str               # what it is about (a page, a function, a table row)
    attr: str                 # which property of it
    questions: list           # wordings to choose from
    answer: str = None        # None: the documents do not say
    locate: str = None        # regex, group `a` = the answer, in a chunk that states it (for an
    #                           unanswerable fact: what a chunk stating it would look like)
    mention: str = None       # regex: a chunk that names the entity (distractors may not hold the
    #                           answer and name the entity without stating it)
    where: str = None         # regex a stating chunk must match besides `locate` (a man page's
    #                           heading at its start), so that `locate` can find every span
    extra: dict = field(default_factory=dict)


def words(text):
    return len(text.split())


_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z0-9])")
_CLAUSE = re.compile(r";|:|,|\s\(|\s-\s|\s—\s|\s–\s|\.\s")


def first_sentence(text):
    return _SENT.split(text.strip(), 1)[0].strip()


def head(text, max_words=9, min_words=2):
    """The short opening of a description that still says something: its first sentence when
    short, else the part before its first clause break; None when neither is short enough."""
    s = first_sentence(text).rstrip(".")
    if min_words <= words(s) <= max_words and _balanced(s):
        return s
    for m in _CLAUSE.finditer(s):
        part = s[:m.start()].rstrip(" ,;:")
        if words(part) > max_words:
            break
        if m.group(0) == " (" and not _closes_clause(s, m.start() + 1):
            continue  # "The ASCII compatible encoded (ACE) representation ...": the phrase goes on
        if words(part) >= max(min_words, 3) and _balanced(part):
            return part
    return None


def _closes_clause(s, i):
    """Whether the parenthesis opening at s[i] closes where the clause ends (before , ; : or the end)."""
    depth = 0
    for j in range(i, len(s)):
        depth += {"(": 1, ")": -1}.get(s[j], 0)
        if depth == 0:
            return s[j + 1:j + 2] in ("", ",", ";", ":", ".")
    return False


def _balanced(s):
    return s.count("(") == s.count(")") and s.count("[") == s.count("]") and s.count('"') % 2 == 0


# words a person asking would use instead of the document's (applied to question text only)
_PARAPHRASE = [
    (r"\bdoes not\b", "doesn't"), (r"\bis not\b", "isn't"), (r"\bcannot\b", "can't"), (r"\bdo not\b", "don't"),
    (r"\bwas not\b", "wasn't"), (r"\bare not\b", "aren't"), (r"\bhas not\b", "hasn't"), (r"\bhave not\b", "haven't"),
    (r"\bspecified\b", "given"), (r"\bthe calling process\b", "the caller"), (r"\binsufficient\b", "not enough"),
    (r"\bAn attempt was made to\b", "you tried to"), (r"\ban attempt was made to\b", "you tried to"),
    (r"\bexceeds\b", "is more than"), (r"\bexceeded\b", "gone over"), (r"\bis larger than\b", "is bigger than"),
    (r"\bpermitted\b", "allowed"), (r"\binvalid\b", "not valid"), (r"\bnonexistent\b", "missing"),
    (r"\bterminated\b", "ended"), (r"\bobtain\b", "get"), (r"\bretrieve\b", "get"), (r"\bmodify\b", "change"),
    (r"\bsufficient\b", "enough"), (r"\brefers to\b", "points to"), (r"\bcontains\b", "has"),
    (r"\bprior to\b", "before"), (r"\bsubsequent\b", "later"), (r"\binitially\b", "at first"),
]
_PARAPHRASE = [(re.compile(a), b) for a, b in _PARAPHRASE]


def paraphrase(rng, text, share=0.6):
    """Some of a description's words put as a person asking would (each rule with `share`)."""
    for rx, rep in _PARAPHRASE:
        if rx.search(text) and rng.random() < share:
            text = rx.sub(rep, text)
    return text


def lower_first(text):
    """A description's opening as part of a question: "The file is ..." -> "the file is ..."
    (words in capitals, identifiers and names keep their case)."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:]) or "_" in first or
                           "(" in first):
        return text
    return text[0].lower() + text[1:]


def vary(rng, question):
    """A question as people type it: sometimes all lowercase, without the question mark, or
    with a greeting; always one line."""
    q = " ".join(question.split())
    q = q[0].upper() + q[1:] if q else q
    roll = rng.random()
    if roll < 0.1:
        q = q.lower()
    elif roll < 0.25:
        q = q.rstrip("?").rstrip()
    elif roll < 0.3:
        q = q[0].lower() + q[1:]
    elif roll < 0.33:
        q = pick(rng, ("hi, ", "Quick question: ", "Hello, ", "Please tell me: ")) + q[0].lower() + q[1:]
    return q


def pick(rng, items):
    return items[int(rng.integers(len(items)))]
