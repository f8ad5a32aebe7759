"""How values are written: numbers in the styles of several countries, units, weighted choices, lists,
and the check that a value fits (MAX_LEN, the allowed characters). The value kinds' modules share these.
"""

from __future__ import annotations

import math
import random
import unicodedata
from typing import Callable


MAX_LEN = 40

# Characters allowed beyond printable ASCII: common Latin-1 letters and typographic marks.
ALLOWED_EXTRA = frozenset(
    "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ"
    "€£¥¢°×–—‘’“”…²³½¼¾µ·§©®™±"
)


def allowed_char(c: str) -> bool:
    return 32 <= ord(c) < 127 or c in ALLOWED_EXTRA


def is_clean(text: str) -> bool:
    """True when every character of text is printable ASCII or in ALLOWED_EXTRA."""
    return all(allowed_char(c) for c in text)


NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTHS_SHORT = tuple(m[:3] for m in MONTHS)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# ---------------------------------------------------------------------------------------
# Helpers

_NUM_STYLES = {"en": (",", "."), "de": (".", ","), "sv": (" ", ","), "ch": ("'", ".")}


def fmt_num(x: float, dec: int = 0, style: str = "en", group: bool = True) -> str:
    """Format x with dec decimals; style picks the thousands and decimal separators."""
    thou, point = _NUM_STYLES[style]
    s = f"{abs(x):.{dec}f}"
    ip, _, fp = s.partition(".")
    if group and len(ip) > 3:
        parts = []
        while len(ip) > 3:
            parts.insert(0, ip[-3:])
            ip = ip[:-3]
        parts.insert(0, ip)
        ip = thou.join(parts)
    out = ip + (point + fp if fp else "")
    return ("-" if x < 0 and float(s) != 0 else "") + out


def decimals_of(x: float) -> int:
    for d in range(4):
        if abs(round(x, d) - x) < 1e-9:
            return d
    return 3


def number_text(rng: random.Random, x: float, comma: float = 0.2, group: float = 0.6) -> str:
    """A number as a document prints it: decimal comma now and then, thousands grouping
    always from 10,000 and sometimes from 1,000."""
    d = decimals_of(x)
    style = "de" if d and rng.random() < comma else "en"
    g = x >= 10000 or (x >= 1000 and rng.random() < group)
    if style == "de" and g and rng.random() < 0.5:
        style = "sv"
    return fmt_num(x, d, style, g)


def on_grid(rng: random.Random, lo: float, hi: float, step: float) -> float:
    k = int(round((hi - lo) / step))
    return round(lo + step * rng.randint(0, k), 6)


def log_uniform(rng: random.Random, lo: float, hi: float) -> float:
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def nice(x: float) -> float:
    """Round x to a number a spec sheet would print."""
    if x < 1:
        return round(x, 1)
    if x < 10:
        return round(x, 1)
    if x < 100:
        return float(round(x))
    if x < 1000:
        return float(round(x / 5) * 5)
    if x < 10000:
        return float(round(x / 50) * 50)
    return float(round(x / 500) * 500)


def with_unit(rng: random.Random, num: str, unit: str, nospace: float = 0.15) -> str:
    """num and unit, now and then written together ('1200W'), never for word units."""
    tight = rng.random() < nospace and len(unit) <= 4 and " " not in unit and unit not in ("secs", "mins")
    return num + ("" if tight else " ") + unit


def weighted(rng: random.Random, pairs) -> object:
    """Weighted choice from (item, weight) pairs."""
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for item, w in pairs:
        r -= w
        if r <= 0:
            return item
    return pairs[-1][0]


def qualified(rng: random.Random, text: str, quals, p: float) -> str:
    return (rng.choice(quals) + " " + text) if rng.random() < p else text


def count_word(rng: random.Random, n: int, words: float = 0.4) -> str:
    if n <= 20 and rng.random() < words:
        return NUMBER_WORDS[n]
    return str(n)


def joined(rng: random.Random, items, allow_or: bool = False) -> str:
    items = list(items)
    if len(items) == 1:
        return items[0]
    style = rng.random()
    conj = "or" if allow_or and rng.random() < 0.3 else "and"
    if style < 0.55:
        return ", ".join(items[:-1]) + f" {conj} " + items[-1]
    if style < 0.7 and len(items) > 2:
        return ", ".join(items[:-1]) + f", {conj} " + items[-1]
    if style < 0.85:
        return ", ".join(items)
    return " / ".join(items)


def sample_of(rng: random.Random, pool, lo: int, hi: int):
    return rng.sample(list(pool), rng.randint(lo, hi))


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def ascii_fold(text: str) -> str:
    """'Weißdorn & Söhne' -> 'Weissdorn & Sohne' (for slugs in emails and URLs)."""
    text = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("Ø", "O")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slug(name: str, sep: str = "") -> str:
    """A company or product name as a domain label: 'Harbour & Pine' -> 'harbourpine'."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in ascii_fold(name).lower()).split()]
    return sep.join(words)


def cleaned(v: str) -> str:
    v = " ".join(v.split())
    while v.endswith("."):
        v = v[:-1].rstrip()
    return v


def fitted(gen: Callable[[random.Random], str]) -> Callable[[random.Random], str]:
    """Retry gen until its value fits MAX_LEN (deterministic: the retries use the same rng)."""
    def wrapped(rng: random.Random) -> str:
        v = ""
        for _ in range(60):
            v = cleaned(gen(rng))
            if 0 < len(v) <= MAX_LEN:
                return v
        return v[:MAX_LEN].rstrip(" ,.-/")
    wrapped.__name__ = getattr(gen, "__name__", "gen")
    wrapped.__doc__ = gen.__doc__
    return wrapped
