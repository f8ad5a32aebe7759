"""Value generators of the reader training-data generator.

`KINDS` maps a kind name to a function `f(rng) -> str` that returns one short value exactly as
a document would print it: at most 40 characters, no leading or trailing space, no trailing
full stop, printable ASCII plus a few Latin-1 / typographic characters (see `is_clean`).
`make_value(kind, rng)` is the entry point. All randomness comes from the `random.Random`
passed in, so the same seed gives the same values.

Values are meant to slot into the phrasings of `lexicon.Field`, so each kind keeps to one
grammatical shape (a duration kind always reads well after "takes" / "lasts", a count kind is
a bare number, a free phrase kind is a verb phrase or a prepositional phrase, and so on).
Each module of this package lists its kinds in its own KINDS table; services.py's are edition 3's.
"""

from __future__ import annotations

import random

from . import contact, electronics, money, phrases, quantities, services, times, words
from .formats import ALLOWED_EXTRA, MAX_LEN, allowed_char, ascii_fold, fitted, fmt_num, is_clean, slug
from .contact import address
from .words import company_name, person_name, product_name

KINDS = {name: fitted(gen) for module in (money, quantities, electronics, times, words, contact, phrases, services)
         for name, gen in module.KINDS.items()}


def make_value(kind: str, rng: random.Random) -> str:
    """One value of the given kind."""
    try:
        gen = KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown value kind {kind!r}") from None
    return gen(rng)


__all__ = ["KINDS", "make_value", "is_clean", "allowed_char", "ALLOWED_EXTRA", "MAX_LEN", "fmt_num", "slug",
           "ascii_fold", "person_name", "company_name", "product_name", "address"]
