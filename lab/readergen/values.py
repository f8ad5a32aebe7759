"""Value generators of the reader training-data generator.

`KINDS` maps a kind name to a function `f(rng) -> str` that returns one short value exactly as
a document would print it: at most 40 characters, no leading or trailing space, no trailing
full stop, printable ASCII plus a few Latin-1 / typographic characters (see `is_clean`).
`make_value(kind, rng)` is the entry point. All randomness comes from the `random.Random`
passed in, so the same seed gives the same values.

Values are meant to slot into the phrasings of `lexicon.Field`, so each kind keeps to one
grammatical shape (a duration kind always reads well after "takes" / "lasts", a count kind is
a bare number, a free phrase kind is a verb phrase or a prepositional phrase, and so on).
"""

from __future__ import annotations

import math
import random
import unicodedata
from typing import Callable

from . import lexicon as _lx

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
# ---------------------------------------------------------------------------------------

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


def _ndec(x: float) -> int:
    for d in range(4):
        if abs(round(x, d) - x) < 1e-9:
            return d
    return 3


def _n(rng: random.Random, x: float, comma: float = 0.2, group: float = 0.6) -> str:
    """A number as a document prints it: decimal comma now and then, thousands grouping
    always from 10,000 and sometimes from 1,000."""
    d = _ndec(x)
    style = "de" if d and rng.random() < comma else "en"
    g = x >= 10000 or (x >= 1000 and rng.random() < group)
    if style == "de" and g and rng.random() < 0.5:
        style = "sv"
    return fmt_num(x, d, style, g)


def _grid(rng: random.Random, lo: float, hi: float, step: float) -> float:
    k = int(round((hi - lo) / step))
    return round(lo + step * rng.randint(0, k), 6)


def _logu(rng: random.Random, lo: float, hi: float) -> float:
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def _nice(x: float) -> float:
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


def _u(rng: random.Random, num: str, unit: str, nospace: float = 0.15) -> str:
    """num and unit, now and then written together ('1200W'), never for word units."""
    tight = rng.random() < nospace and len(unit) <= 4 and " " not in unit and unit not in ("secs", "mins")
    return num + ("" if tight else " ") + unit


def _w(rng: random.Random, pairs) -> object:
    """Weighted choice from (item, weight) pairs."""
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for item, w in pairs:
        r -= w
        if r <= 0:
            return item
    return pairs[-1][0]


def _qual(rng: random.Random, text: str, quals, p: float) -> str:
    return (rng.choice(quals) + " " + text) if rng.random() < p else text


def _count_word(rng: random.Random, n: int, words: float = 0.4) -> str:
    if n <= 20 and rng.random() < words:
        return NUMBER_WORDS[n]
    return str(n)


def _join(rng: random.Random, items, allow_or: bool = False) -> str:
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


def _sample(rng: random.Random, pool, lo: int, hi: int):
    return rng.sample(list(pool), rng.randint(lo, hi))


def _ordinal(n: int) -> str:
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


def _clean(v: str) -> str:
    v = " ".join(v.split())
    while v.endswith("."):
        v = v[:-1].rstrip()
    return v


def _fit(gen: Callable[[random.Random], str]) -> Callable[[random.Random], str]:
    """Retry gen until its value fits MAX_LEN (deterministic: the retries use the same rng)."""
    def wrapped(rng: random.Random) -> str:
        v = ""
        for _ in range(60):
            v = _clean(gen(rng))
            if 0 < len(v) <= MAX_LEN:
                return v
        return v[:MAX_LEN].rstrip(" ,.-/")
    wrapped.__name__ = getattr(gen, "__name__", "gen")
    wrapped.__doc__ = gen.__doc__
    return wrapped


KINDS: dict[str, Callable[[random.Random], str]] = {}


def kind(name: str):
    def deco(fn):
        KINDS[name] = _fit(fn)
        return fn
    return deco


def make_value(kind: str, rng: random.Random) -> str:
    """One value of the given kind."""
    try:
        gen = KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown value kind {kind!r}") from None
    return gen(rng)


# ---------------------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------------------

_CURRENCIES = (("EUR", 32), ("USD", 24), ("GBP", 22), ("CHF", 6), ("SEK", 5), ("CAD", 4), ("AUD", 4),
               ("DKK", 3))


def _amount(rng: random.Random, lo: float, hi: float) -> tuple:
    """(whole units, cents) of a plausible shop price between lo and hi."""
    x = _logu(rng, lo, hi)
    if x < 20:
        whole = int(x)
        cents = rng.choice((99, 99, 95, 49, 50, 0, 0, 90, 25, 75))
    elif x < 200:
        whole = int(round(x))
        r = rng.random()
        if r < 0.45:
            whole = whole // 10 * 10 + 9
            cents = rng.choice((0, 0, 99, 95, 90))
        elif r < 0.7:
            whole, cents = whole // 5 * 5, 0
        else:
            cents = rng.choice((0, 99, 95))
    elif x < 2000:
        whole = int(round(x / 10) * 10)
        r = rng.random()
        if r < 0.5:
            whole -= 1
            cents = rng.choice((0, 0, 0, 99, 95))
        else:
            cents = 0
    else:
        whole = int(round(x / 100) * 100)
        if rng.random() < 0.4:
            whole -= 1
        cents = 0
    return max(whole, 1 if cents == 0 else 0), cents


def _money(rng: random.Random, lo: float, hi: float, cur: str | None = None) -> str:
    cur = cur or _w(rng, _CURRENCIES)
    whole, cents = _amount(rng, lo, hi)
    if cur in ("SEK", "DKK"):
        whole, cents = whole * 10 + (9 if whole < 100 and rng.random() < 0.5 else 0), 0
    val = whole + cents / 100
    show_cents = cents != 0 or (rng.random() < 0.15)
    dec = 2 if show_cents else 0
    group = whole >= 10000 or (whole >= 1000 and rng.random() < 0.75)
    en = fmt_num(val, dec, "en", group)
    de = fmt_num(val, dec, "de", group)
    sv = fmt_num(val, dec, "sv", group)
    if cur == "EUR":
        return _w(rng, ((f"€{en}", 40), (f"{de} €", 20), (f"{de}€", 6), (f"EUR {en}", 8),
                        (f"{en} EUR", 8), (f"€ {en}", 5), (f"{de} EUR", 5), (f"EUR {de}", 3)))
    if cur == "USD":
        return _w(rng, ((f"${en}", 60), (f"USD {en}", 12), (f"{en} USD", 10), (f"US${en}", 8),
                        (f"$ {en}", 3)))
    if cur == "GBP":
        return _w(rng, ((f"£{en}", 75), (f"GBP {en}", 12), (f"{en} GBP", 8), (f"£ {en}", 3)))
    if cur == "CHF":
        ch = fmt_num(val, 2 if cents or rng.random() < 0.5 else 0, "ch", group)
        return _w(rng, ((f"CHF {ch}", 50), (f"{ch} CHF", 25), (f"Fr. {ch}", 10), (f"CHF {en}", 10)))
    if cur == "SEK":
        return _w(rng, ((f"{sv} kr", 50), (f"SEK {sv}", 20), (f"{sv} SEK", 20), (f"{en} SEK", 10)))
    if cur == "DKK":
        return _w(rng, ((f"{de} kr", 50), (f"DKK {de}", 25), (f"{de} DKK", 25)))
    if cur == "CAD":
        return _w(rng, ((f"CA${en}", 40), (f"C${en}", 20), (f"CAD {en}", 20), (f"${en} CAD", 20)))
    return _w(rng, ((f"A${en}", 40), (f"AU${en}", 20), (f"AUD {en}", 20), (f"${en} AUD", 20)))


@kind("price")
def _price(rng):
    """A product price, roughly 10 to 2,500 in the currency."""
    return _money(rng, 8, 2500)


@kind("price_small")
def _price_small(rng):
    """A small amount: a spare part, a delivery or service fee."""
    return _money(rng, 1.5, 60)


@kind("price_mid")
def _price_mid(rng):
    """A medium amount: thresholds, repair costs, accessories."""
    return _money(rng, 15, 300)


@kind("price_large")
def _price_large(rng):
    """A large amount: e-bikes, furniture, cars."""
    return _money(rng, 600, 60000)


_PERIODS = (
    (" per month", 20), (" a month", 12), ("/month", 14), ("/mo", 6), (" monthly", 4),
    (" per year", 10), (" a year", 8), ("/year", 8), ("/yr", 3), (" per user per month", 6),
    (" per user/month", 4), ("/user/month", 4), (" per seat per month", 2), (" annually", 3),
)


@kind("money_per_period")
def _money_per_period(rng):
    """A subscription price: '€9.99 per month', '$120 a year', '£5/month'."""
    period = _w(rng, _PERIODS)
    yearly = "year" in period or "yr" in period or "annual" in period
    amount = _money(rng, 20, 400) if yearly else _money(rng, 2, 40)
    return amount + period


@kind("fee")
def _fee(rng):
    """A service fee that may be free: '€4.95', 'free', 'free of charge'."""
    if rng.random() < 0.35:
        return rng.choice(("free", "free of charge", "free", "completely free", "free for members"))
    return _money(rng, 1.5, 25)


@kind("percent")
def _percent(rng):
    """A percentage: '15%', '20 %', '10 percent', 'up to 30%'."""
    x = _w(rng, ((rng.choice((5, 10, 15, 20, 25, 30, 40, 50)), 60), (rng.randint(2, 60), 30),
                 (rng.randint(1, 30) + 0.5, 10)))
    num = _n(rng, x, comma=0.3)
    body = _w(rng, ((f"{num}%", 60), (f"{num} %", 15), (f"{num} percent", 12), (f"{num} per cent", 5)))
    return _qual(rng, body, ("up to", "about", "around"), 0.12)


# ---------------------------------------------------------------------------------------
# Physical quantities
# ---------------------------------------------------------------------------------------

@kind("weight")
def _weight(rng):
    """Product weight: '2.1 kg', '850 g', '1,2 kg', '4.6 lb', '12 oz'."""
    r = rng.random()
    if r < 0.3:
        body = _u(rng, _n(rng, _grid(rng, 40, 950, 5)), rng.choice(("g", "g", "grams")))
    elif r < 0.7:
        kg = _nice(_logu(rng, 1, 30))
        body = _u(rng, _n(rng, kg, comma=0.25), rng.choice(("kg", "kg", "kg", "kilograms", "kilos")))
        if rng.random() < 0.15:
            body += f" ({fmt_num(round(kg * 2.2046, 1), 1)} lb)"
    elif r < 0.88:
        body = _u(rng, _n(rng, round(_logu(rng, 0.5, 60), 1)), rng.choice(("lb", "lbs", "pounds")))
    else:
        body = _u(rng, _n(rng, round(_logu(rng, 1, 30), 1)), rng.choice(("oz", "ounces")))
    return _qual(rng, body, ("about", "approx.", "just", "around", "only", "under"), 0.15)


@kind("heavy_weight")
def _heavy_weight(rng):
    """Vehicle mass or towing capacity: '1,650 kg', '1.5 tonnes', '3,500 lb'."""
    kg = _grid(rng, 300, 3500, 50)
    r = rng.random()
    if r < 0.65:
        return _u(rng, _n(rng, kg, group=0.8), "kg", 0.05)
    if r < 0.8:
        return f"{_n(rng, round(kg / 1000, 1))} {rng.choice(('tonnes', 't', 'tons'))}"
    return _u(rng, _n(rng, round(kg * 2.2046 / 50) * 50, group=0.8), rng.choice(("lb", "lbs")), 0.05)


@kind("load")
def _load(rng):
    """Maximum load or user weight: '120 kg', '150 kg (330 lb)', '250 lbs'."""
    kg = _grid(rng, 20, 200, 5)
    r = rng.random()
    if r < 0.6:
        body = _u(rng, _n(rng, kg), rng.choice(("kg", "kg", "kilograms")), 0.1)
        if rng.random() < 0.2:
            body += f" ({round(kg * 2.2046)} lb)"
    else:
        body = _u(rng, str(int(round(kg * 2.2046 / 5) * 5)), rng.choice(("lb", "lbs", "pounds")), 0.1)
    return _qual(rng, body, ("up to",), 0.2)


@kind("laundry_load")
def _laundry_load(rng):
    """Drum load of a washing machine or dryer: '8 kg', '10.5 kg'."""
    kg = rng.choice((5, 6, 7, 7, 8, 8, 9, 9, 10, 10.5, 11, 12))
    return _u(rng, _n(rng, kg, comma=0.3), rng.choice(("kg", "kg", "kg", "kilograms", "kilos")), 0.1)


@kind("volume")
def _volume(rng):
    """Capacity: '1.5 litres', '750 ml', '1.7 L', '34 fl oz', '12 cups'."""
    r = rng.random()
    if r < 0.3:
        return _u(rng, _n(rng, _grid(rng, 100, 950, 50)), rng.choice(("ml", "ml", "mL", "millilitres")), 0.2)
    if r < 0.85:
        l = _nice(_logu(rng, 0.5, 80))
        unit = rng.choice(("litres", "liters", "l", "L", "litres", "litre" if l == 1 else "litres"))
        body = _u(rng, _n(rng, l, comma=0.25), unit, 0.15 if len(unit) == 1 else 0)
        return _qual(rng, body, ("up to", "about"), 0.1)
    if r < 0.95:
        return _u(rng, str(rng.randint(8, 64)), rng.choice(("fl oz", "oz")), 0)
    return f"{rng.randint(4, 14)} cups"


def _len_cm(rng: random.Random, lo: float, hi: float) -> str:
    cm = _nice(_logu(rng, lo, hi))
    r = rng.random()
    if cm >= 100 and r < 0.4:
        return _u(rng, _n(rng, round(cm / 100, 2), comma=0.25), rng.choice(("m", "m", "metres", "meters")), 0.1)
    if r < 0.75:
        return _u(rng, _n(rng, cm, comma=0.25), rng.choice(("cm", "cm", "centimetres")), 0.15)
    if r < 0.85 and cm < 200:
        return _u(rng, str(int(cm * 10)), "mm", 0.1)
    inches = round(cm / 2.54, 1 if cm < 30 else 0)
    return rng.choice((f"{fmt_num(inches, _ndec(inches))} inches", f"{fmt_num(inches, _ndec(inches))} in",
                       f'{fmt_num(inches, _ndec(inches))}"'))


@kind("length")
def _length(rng):
    """A cable, cord or hose length: '1.5 m', '2 metres', '180 cm', '6 ft', '10 m'."""
    r = rng.random()
    if r < 0.55:
        m = rng.choice((0.5, 0.8, 1, 1.2, 1.5, 1.5, 1.8, 2, 2, 2.5, 3, 5, 6, 8, 10))
        return _u(rng, _n(rng, m, comma=0.25), rng.choice(("m", "m", "m", "metres", "meters")), 0.1)
    if r < 0.8:
        return _u(rng, str(rng.choice((50, 80, 90, 100, 120, 150, 180, 200, 250, 300))), rng.choice(("cm", "cm", "centimetres")), 0.1)
    return f"{rng.choice((3, 4, 5, 6, 6, 8, 10, 15, 25, 30))} {rng.choice(('ft', 'feet'))}"


@kind("length_cm")
def _length_cm(rng):
    """A medium length: a cutting width, a blade, a bar: '38 cm', '55 centimetres', '18 inches', '420 mm'."""
    return _len_cm(rng, 12, 120)


@kind("small_length")
def _small_length(rng):
    """A small size: '40 mm', '13 mm', '1.5 cm', '0.5 in'."""
    r = rng.random()
    if r < 0.75:
        mm = rng.choice((6, 8, 10, 10, 12, 13, 15, 20, 25, 30, 32, 40, 40, 45, 50))
        return _u(rng, str(mm), rng.choice(("mm", "mm", "millimetres")), 0.2)
    if r < 0.9:
        return _u(rng, _n(rng, _grid(rng, 0.5, 5, 0.5), comma=0.3), "cm", 0.1)
    return rng.choice(("1/2 in", '3/8"', "0.5 in", '1/4"', "1.5 inches"))


@kind("length_range")
def _length_range(rng):
    """An adjustable range in cm or inches: '78–92 cm', 'between 60 and 125 cm', '30.5-35 in'."""
    if rng.random() < 0.85:
        lo = _grid(rng, 40, 110, 1)
        hi = lo + _grid(rng, 5, 50, 1)
        unit = rng.choice(("cm", "cm", "cm", "centimetres"))
    else:
        lo = _grid(rng, 16, 40, 0.5)
        hi = lo + _grid(rng, 2, 15, 0.5)
        unit = rng.choice(("in", "inches"))
    a, b = fmt_num(lo, _ndec(lo)), fmt_num(hi, _ndec(hi))
    return _w(rng, ((f"{a}–{b} {unit}", 30), (f"{a}-{b} {unit}", 25), (f"{a} to {b} {unit}", 20),
                    (f"{a} {unit} to {b} {unit}", 10), (f"{a}–{b}{unit}" if len(unit) <= 2 else f"{a}–{b} {unit}", 5),
                    (f"between {a} and {b} {unit}", 10)))


@kind("dimensions")
def _dimensions(rng):
    """'52 x 19 cm', '120 × 60 × 75 cm', 'W 60 × D 55 × H 85 cm', '12.4 x 8.1 x 3.2 in'."""
    n = rng.choice((2, 3, 3, 3))
    cm_scale = _logu(rng, 8, 150)
    dims = [_nice(cm_scale * rng.uniform(0.25, 1.6)) for _ in range(n)]
    dims = [d if d >= 1 else 1.0 for d in dims]
    unit = _w(rng, (("cm", 60), ("mm", 15), ("in", 15), ("inches", 5), ("m", 5)))
    if unit == "mm":
        dims = [round(d * 10) for d in dims]
    elif unit in ("in", "inches"):
        dims = [round(d / 2.54, 1) for d in dims]
    elif unit == "m":
        dims = [round(d / 100, 2) for d in dims]
    comma = rng.random() < 0.2
    nums = [fmt_num(d, _ndec(d), "de" if comma and _ndec(d) else "en", False) for d in dims]
    x = _w(rng, ((" x ", 45), (" × ", 35), ("x", 10), ("×", 5), (" by ", 5)))
    r = rng.random()
    if n == 3 and r < 0.12:
        xs = x if x.startswith(" ") else " x "
        return f"W {nums[0]}{xs}D {nums[1]}{xs}H {nums[2]} {unit}"
    if n == 3 and r < 0.2:
        return f"{nums[0]}{x}{nums[1]}{x}{nums[2]} {unit} (W{x.strip() or 'x'}D{x.strip() or 'x'}H)"
    if r < 0.3:
        return x.join(f"{v} {unit}" for v in nums)
    return x.join(nums) + ("" if rng.random() < 0.1 else " ") + unit


@kind("area")
def _area(rng):
    """Floor area: '25 m²', 'up to 40 m²', '270 sq ft', '35 square metres'."""
    if rng.random() < 0.7:
        a = _grid(rng, 10, 120, 5)
        body = _w(rng, ((f"{fmt_num(a, 0)} m²", 50), (f"{fmt_num(a, 0)}m²", 10), (f"{fmt_num(a, 0)} sq m", 10),
                        (f"{fmt_num(a, 0)} square metres", 15), (f"{fmt_num(a, 0)} m2", 15)))
    else:
        a = _grid(rng, 100, 1500, 25)
        body = rng.choice((f"{_n(rng, a)} sq ft", f"{_n(rng, a)} square feet", f"{_n(rng, a)} sq. ft"))
    return _qual(rng, body, ("up to",), 0.25)


@kind("power")
def _power(rng):
    """Power: '1,200 W', '1200W', '2.2 kW', '250 watts', '18 W'."""
    w = _nice(_logu(rng, 5, 3000))
    w = round(w) if w >= 10 else w
    if w >= 1000 and rng.random() < 0.4:
        return _u(rng, _n(rng, round(w / 1000, 1), comma=0.3), "kW", 0.1)
    return _w(rng, ((_u(rng, _n(rng, w, group=0.5), "W", 0.2), 70), (f"{_n(rng, w)} watts", 20),
                    (f"up to {_n(rng, w)} W", 10)))


@kind("voltage")
def _voltage(rng):
    """'230 V', '220–240 V', '100-240V', '18V', '36 V'."""
    r = rng.random()
    if r < 0.35:
        v = rng.choice((3.7, 5, 7.4, 12, 14.4, 18, 18, 20, 24, 36, 36, 40, 48, 48, 52, 60))
        return _u(rng, fmt_num(v, _ndec(v)), rng.choice(("V", "V", "volts")), 0.3)
    if r < 0.6:
        v = rng.choice((110, 120, 220, 230, 230, 240))
        return _u(rng, str(v), rng.choice(("V", "V", "volts", "V AC")), 0.25)
    lo, hi = rng.choice(((100, 240), (220, 240), (110, 240), (100, 127), (200, 240)))
    return rng.choice((f"{lo}–{hi} V", f"{lo}-{hi}V", f"{lo}-{hi} V", f"{lo} to {hi} V", f"{lo}–{hi} V AC"))


@kind("battery_capacity")
def _battery_capacity(rng):
    """'5,000 mAh', '4000mAh', '468 Wh', '4.0 Ah', '58 kWh'."""
    r = rng.random()
    if r < 0.45:
        mah = _grid(rng, 100, 6000, 50) if rng.random() < 0.7 else _grid(rng, 300, 1200, 10)
        return _u(rng, _n(rng, mah, group=0.5), "mAh", 0.3)
    if r < 0.7:
        return _u(rng, str(int(_grid(rng, 36, 1000, 1))), "Wh", 0.15)
    if r < 0.85:
        ah = rng.choice((1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 12.5, 13.4, 17.5))
        return _u(rng, fmt_num(ah, 1), "Ah", 0.2)
    return _u(rng, _n(rng, _grid(rng, 20, 110, 0.5), comma=0.2), "kWh", 0.1)


@kind("battery_type")
def _battery_type(rng):
    """Batteries a device needs: '3 AA batteries', '2 × AAA', 'one CR2032 coin cell'."""
    cell = rng.choice(("AA", "AAA", "AA", "AAA", "C", "D", "9V"))
    n = rng.randint(1, 2) if cell == "9V" else rng.randint(1, 6)
    r = rng.random()
    if r < 0.15:
        return rng.choice(("one CR2032 coin cell", "a CR2032 button cell", "two LR44 button cells",
                           "a CR2450 coin cell", "one 9V block battery"))
    num = _count_word(rng, n, 1.0 if n == 1 else 0.45)
    noun = "battery" if n == 1 else "batteries"
    if r < 0.35:
        return f"{n} × {cell}" if rng.random() < 0.6 else f"{n}x {cell}"
    if r < 0.5:
        return f"{num} {cell} {noun} (not included)"
    if r < 0.6:
        return f"{num} {cell} {noun} (included)"
    return f"{num} {cell} {noun}"


@kind("noise")
def _noise(rng):
    """'58 dB', '42 dB(A)', '65 decibels', 'as low as 24 dB'."""
    db = rng.randint(18, 98)
    body = _w(rng, ((f"{db} dB", 55), (f"{db}dB", 10), (f"{db} dB(A)", 15), (f"{db} dBA", 8),
                    (f"{db} decibels", 12)))
    return _qual(rng, body, ("as low as", "under", "less than", "about", "just"), 0.15)


def _temp(rng: random.Random, c: float, allow_f: bool = True) -> str:
    if allow_f and rng.random() < 0.15:
        f = round(c * 9 / 5 + 32)
        return rng.choice((f"{f} °F", f"{f}°F", f"{f} degrees Fahrenheit"))
    num = fmt_num(c, _ndec(c))
    return _w(rng, ((f"{num} °C", 45), (f"{num}°C", 30), (f"{num} degrees", 10), (f"{num} ° C", 2),
                    (f"{num} degrees Celsius", 5), (f"{num} C", 5)))


@kind("temperature")
def _temperature(rng):
    """A hot temperature (ovens, irons, water): '220 °C', '90 degrees', '425 °F', 'about 230°C'."""
    c = _w(rng, ((rng.choice(range(40, 260, 5)), 70), (rng.choice(range(60, 101, 5)), 20),
                 (rng.choice(range(260, 500, 10)), 10)))
    return _qual(rng, _temp(rng, c), ("about",), 0.06)


@kind("low_temperature")
def _low_temperature(rng):
    """A cold temperature (sleeping bags, freezers, batteries): '-5°C', '-18 °C', '4 °C', '23 °F'."""
    return _temp(rng, rng.choice(tuple(range(-30, 16)) + (-18, -10, -5, 0)))


@kind("temperature_range")
def _temperature_range(rng):
    """'40–100 °C', '-10 °C to 40 °C', '50 to 230 °C', '80-450 °F'."""
    if rng.random() < 0.5:
        lo = rng.choice(range(30, 110, 10))
        hi = lo + rng.choice(range(40, 200, 10))
    else:
        lo = rng.randint(-30, 5)
        hi = rng.choice(range(25, 60, 5))
    f = rng.random() < 0.12
    if f:
        lo, hi = round(lo * 9 / 5 + 32), round(hi * 9 / 5 + 32)
    deg = "°F" if f else "°C"
    return _w(rng, ((f"{lo}–{hi} {deg}", 30), (f"{lo}-{hi}{deg}", 15), (f"{lo} {deg} to {hi} {deg}", 20),
                    (f"{lo} to {hi} {deg}", 20), (f"between {lo} and {hi} {deg}", 10), (f"{lo}{deg} – {hi}{deg}", 5)))


@kind("wash_temp")
def _wash_temp(rng):
    """Washing temperature: '30 °C', '40 degrees', '60°C', '86 °F'."""
    c = rng.choice((20, 30, 30, 30, 40, 40, 60, 90))
    return _temp(rng, c)


@kind("speed")
def _speed(rng):
    """'25 km/h', '15.5 mph', '32 kph', '12 km/h'."""
    if rng.random() < 0.65:
        v = rng.choice((6, 12, 14, 16, 18, 20, 20, 25, 25, 25, 28, 30, 32, 45, 120, 140, 160, 180, 200))
        body = _u(rng, str(v), rng.choice(("km/h", "km/h", "km/h", "kph", "kmh")), 0.1)
    else:
        v = rng.choice((4, 8, 10, 12, 12.5, 15, 15.5, 18, 20, 28, 60, 90, 112, 125))
        body = _u(rng, fmt_num(v, _ndec(v)), rng.choice(("mph", "mph", "miles per hour")), 0.05)
    return _qual(rng, body, ("up to",), 0.2)


@kind("rpm")
def _rpm(rng):
    """A motor or tool speed: '1,800 rpm', '550 RPM', '22,000 rpm', 'up to 3,500 rpm'."""
    v = _w(rng, ((_grid(rng, 300, 3500, 50), 60), (_grid(rng, 5000, 30000, 500), 40)))
    body = _u(rng, _n(rng, v, group=0.7), rng.choice(("rpm", "rpm", "RPM", "rev/min", "revolutions per minute")), 0)
    return _qual(rng, body, ("up to",), 0.15)


@kind("frequency")
def _frequency(rng):
    """'2.4 GHz', '5 GHz', '50/60 Hz', '2.4 and 5 GHz', '433 MHz'."""
    return rng.choice(("2.4 GHz", "5 GHz", "2.4GHz", "2.4 and 5 GHz", "2.4/5 GHz", "6 GHz", "50 Hz",
                       "50/60 Hz", "60 Hz", "433 MHz", "868 MHz", "3.2 GHz", "2.8GHz", "1.5 GHz",
                       "dual-band 2.4/5 GHz", "tri-band 2.4/5/6 GHz"))


@kind("freq_range")
def _freq_range(rng):
    """Frequency response: '20 Hz–20 kHz', '20Hz - 40kHz', '5 Hz to 40 kHz'."""
    lo = rng.choice((4, 5, 10, 15, 20, 20, 20, 30, 40, 45, 50, 60))
    hi = rng.choice((16, 18, 20, 20, 20, 22, 24, 25, 40, 40))
    return rng.choice((f"{lo} Hz–{hi} kHz", f"{lo}Hz - {hi}kHz", f"{lo} Hz to {hi} kHz", f"{lo}-{hi},000 Hz",
                       f"{lo} Hz - {hi} kHz", f"{lo}–{hi}000 Hz"))


@kind("refresh_rate")
def _refresh_rate(rng):
    """'60 Hz', '144Hz', '120 Hz', 'up to 240 Hz'."""
    hz = rng.choice((60, 60, 75, 90, 100, 120, 120, 144, 144, 165, 180, 240, 360))
    body = _u(rng, str(hz), "Hz", 0.25)
    return _qual(rng, body, ("up to",), 0.12)


@kind("data_size")
def _data_size(rng):
    """'256 GB', '1 TB', '500 MB', '2TB', '64GB'."""
    r = rng.random()
    if r < 0.6:
        v, unit = rng.choice((16, 32, 64, 100, 128, 200, 256, 500, 512)), "GB"
    elif r < 0.85:
        v, unit = rng.choice((1, 2, 4, 5, 8, 10, 1.5)), "TB"
    else:
        v, unit = rng.choice((100, 250, 500, 750)), "MB"
    body = _u(rng, fmt_num(v, _ndec(v)), unit, 0.3)
    return _qual(rng, body, ("up to",), 0.1)


@kind("memory")
def _memory(rng):
    """RAM: '8 GB', '16GB', '32 GB'."""
    v = rng.choice((2, 3, 4, 6, 8, 8, 12, 16, 16, 18, 24, 32, 36, 48, 64))
    return _u(rng, str(v), "GB", 0.3)


@kind("data_rate")
def _data_rate(rng):
    """'1,200 Mbps', '2.4 Gbps', '100 Mbit/s', '40 Gb/s'."""
    r = rng.random()
    if r < 0.5:
        v = rng.choice((100, 300, 450, 574, 867, 1000, 1200, 1201, 2402, 2976, 4804))
        return _u(rng, _n(rng, v, group=0.6), rng.choice(("Mbps", "Mbit/s", "Mb/s")), 0.15)
    v = rng.choice((1, 2.4, 2.5, 5, 10, 20, 40, 4.8, 9.6))
    return _qual(rng, _u(rng, fmt_num(v, _ndec(v)), rng.choice(("Gbps", "Gbit/s", "Gb/s")), 0.15), ("up to",), 0.2)


@kind("screen_size")
def _screen_size(rng):
    """'6.1"', '6.1 inches', '15.6 in', '68.6 cm (27")', '27 inches (68.6 cm)'."""
    s = rng.choice((1.4, 1.9, 5.4, 6.1, 6.1, 6.7, 6.8, 8.3, 10.9, 11, 12.9, 13.3, 14, 15.6, 16, 17.3,
                    21.5, 24, 27, 27, 32, 34, 43, 55, 65))
    num = fmt_num(s, _ndec(s))
    r = rng.random()
    if r < 0.12:
        return f'{fmt_num(round(s * 2.54, 1), 1)} cm ({num}")'
    return _w(rng, ((f'{num}"', 35), (f"{num} inches", 35), (f"{num} in", 20), (f"{num}in", 3),
                    (f"{num} inches ({fmt_num(round(s * 2.54, 1), 1)} cm)", 7)))


@kind("resolution")
def _resolution(rng):
    """'1920 × 1080', '4K UHD', '2560 x 1440 (QHD)', 'Full HD', '3840×2160 pixels'."""
    w, h, name = rng.choice(((1920, 1080, "Full HD"), (2560, 1440, "QHD"), (3840, 2160, "4K UHD"),
                             (1366, 768, "HD"), (2880, 1800, "2.8K"), (3440, 1440, "UWQHD"),
                             (2532, 1170, ""), (2400, 1080, "FHD+"), (1280, 720, "HD"),
                             (5120, 2880, "5K"), (1920, 1200, "WUXGA"), (2560, 1600, "WQXGA")))
    x = rng.choice((" × ", " x ", "×", "x"))
    r = rng.random()
    if r < 0.15 and name:
        return name
    if r < 0.3 and name:
        return f"{w}{x}{h} ({name})"
    if r < 0.45:
        return f"{w}{x}{h} pixels"
    if r < 0.5:
        return f"{h}p"
    return f"{w}{x}{h}"


@kind("megapixels")
def _megapixels(rng):
    """'48 MP', '24.2 megapixels', '12MP', '50 MP', '20 Mpx'."""
    v = rng.choice((8, 12, 12, 16, 20, 24.2, 26.1, 33, 45.7, 48, 50, 61, 64, 108, 200))
    num = fmt_num(v, _ndec(v))
    return rng.choice((f"{num} MP", f"{num}MP", f"{num} megapixels", f"{num} MP", f"{num} Mpx"))


@kind("zoom")
def _zoom(rng):
    """A zoom factor: '3x', '10×', '5x', '3.5x', '30x'."""
    z = rng.choice((2, 3, 3, 3.5, 4, 5, 5, 10, 12, 20, 24, 30, 40, 50))
    return fmt_num(z, _ndec(z)) + rng.choice(("x", "x", "×", "x", " x"))


@kind("aperture")
def _aperture(rng):
    """'f/1.8', 'F1.4', 'f/2.8', 'f/1.8–2.4'."""
    a = rng.choice((1.2, 1.4, 1.7, 1.8, 1.8, 2.0, 2.2, 2.4, 2.8, 2.8, 3.5, 4.0, 5.6))
    b = a + rng.choice((0.6, 1.0, 1.2, 2.1))
    num = fmt_num(a, 1)
    return rng.choice((f"f/{num}", f"f/{num}", f"F{num}", f"f/{num}–{fmt_num(b, 1)}",
                       f"f{num}"))


@kind("video_mode")
def _video_mode(rng):
    """'4K at 60 fps', '1080p at 30 fps', '4K/30p', '5.3K60', '8K 24 fps'."""
    res = rng.choice(("4K", "4K", "1080p", "5.3K", "2.7K", "8K", "6K", "Full HD"))
    fps = rng.choice((24, 25, 30, 30, 60, 60, 120, 240))
    return rng.choice((f"{res} at {fps} fps", f"{res}/{fps}p", f"{res} {fps} fps", f"{res}{fps}",
                       f"{res} at {fps}fps", f"{res} @ {fps} fps", f"up to {res} at {fps} fps"))


@kind("count")
def _count(rng):
    """A small count as digits or words: '5', 'three', '12'."""
    n = _w(rng, ((rng.randint(2, 6), 55), (rng.randint(7, 12), 35), (rng.randint(13, 24), 10)))
    return _count_word(rng, n, 0.35)


@kind("count_large")
def _count_large(rng):
    """A larger count: '1,250', '312', 'over 1,000', 'more than 40'."""
    n = int(_logu(rng, 20, 5000))
    if rng.random() < 0.3:
        n = int(_nice(n))
        return _n(rng, n, group=0.8) if rng.random() < 0.4 else \
            f"{rng.choice(('over', 'more than', 'around', 'about', 'nearly'))} {_n(rng, n, group=0.8)}"
    return _n(rng, n, group=0.75)


@kind("range_days")
def _range_days(rng):
    """'3-5 working days', '2 to 4 business days', '5–7 days', '1-2 working days'."""
    lo = rng.choice((1, 1, 2, 2, 3, 3, 5, 7, 10))
    hi = lo + rng.choice((1, 1, 2, 2, 3, 4))
    unit = _w(rng, (("working days", 40), ("business days", 25), ("days", 25), ("workdays", 5), ("weekdays", 5)))
    if rng.random() < 0.12:
        return f"{NUMBER_WORDS[lo]} to {NUMBER_WORDS[hi]} {unit}"
    a, b = str(lo), str(hi)
    return _w(rng, ((f"{a}-{b} {unit}", 35), (f"{a}–{b} {unit}", 25), (f"{a} to {b} {unit}", 30),
                    (f"{a} - {b} {unit}", 10)))


@kind("duration_short")
def _duration_short(rng):
    """Seconds to a few minutes: '90 seconds', '3 minutes', 'about 45 seconds', '7.4 seconds'."""
    r = rng.random()
    if r < 0.45:
        s = rng.choice((3, 5, 7.4, 8, 10, 15, 20, 30, 30, 40, 45, 60, 90, 90, 120))
        unit = rng.choice(("seconds", "seconds", "secs", "s", "sec")) if s != 1 else "second"
        body = _u(rng, fmt_num(s, _ndec(s)), unit, 0.4 if unit == "s" else 0)
    elif r < 0.9:
        m = rng.choice((1.5, 2, 2, 3, 3, 4, 5, 5, 6, 8, 10, 12, 15))
        num = _count_word(rng, m, 0.3) if float(m).is_integer() else fmt_num(m, 1)
        body = f"{num} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"
    else:
        body = rng.choice(("under a minute", "less than a minute", "a minute or two", "half a minute",
                           "one minute"))
        return body
    return _qual(rng, body, ("about", "around", "just", "roughly", "under", "less than"), 0.2)


@kind("duration_minutes")
def _duration_minutes(rng):
    """Minutes to a couple of hours: '20 minutes', '45 mins', 'about an hour', '30–40 minutes'."""
    r = rng.random()
    if r < 0.6:
        m = rng.choice((10, 15, 15, 20, 20, 25, 30, 30, 40, 45, 45, 60, 75, 90))
        body = f"{m} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"
    elif r < 0.8:
        m = rng.choice((10, 15, 20, 30, 45))
        return rng.choice((f"{m}–{m + rng.choice((5, 10, 15))} minutes", f"{m} to {m + 15} minutes"))
    else:
        body = rng.choice(("an hour", "half an hour", "about an hour", "1 hour", "1.5 hours", "two hours",
                           "an hour and a half", "under an hour", "about 2 hours", "one hour"))
        return body
    return _qual(rng, body, ("about", "around", "roughly", "under", "less than", "just"), 0.2)


@kind("duration_hours")
def _duration_hours(rng):
    """'2 hours', '2.5 hours', '90 minutes', '3 hrs', 'about 4 hours', '1 hour 45 minutes'."""
    r = rng.random()
    if r < 0.6:
        h = rng.choice((1, 1.5, 2, 2, 2.5, 3, 3, 4, 4.5, 5, 6, 8, 12, 24, 48))
        num = _count_word(rng, int(h), 0.25) if float(h).is_integer() else _n(rng, h, comma=0.2)
        unit = "hour" if h == 1 else rng.choice(("hours", "hours", "hrs", "h"))
        body = _u(rng, num, unit, 0.5 if unit == "h" else 0)
    elif r < 0.8:
        body = f"{rng.choice((30, 40, 45, 60, 75, 90, 120, 150))} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"
    elif r < 0.9:
        body = f"{rng.randint(1, 3)} hour{'s' if rng.random() < 0.5 else ''} {rng.choice((10, 15, 20, 30, 45))} minutes"
        body = body.replace("1 hours", "1 hour").replace("2 hour ", "2 hours ").replace("3 hour ", "3 hours ")
    else:
        return rng.choice(("an hour", "half an hour", "a few hours", "about an hour", "one hour"))
    return _qual(rng, body, ("about", "around", "roughly", "just"), 0.2)


@kind("battery_life")
def _battery_life(rng):
    """'up to 40 hours', '30 hours', 'up to 7 days', 'two weeks', 'about 10 hours', '12 h'."""
    r = rng.random()
    if r < 0.75:
        h = rng.choice((4, 5, 6, 6.5, 7, 8, 8, 10, 12, 15, 18, 20, 24, 30, 32, 36, 40, 45, 50, 60, 70, 80))
        num = _count_word(rng, int(h), 0.15) if float(h).is_integer() else fmt_num(h, 1)
        unit = rng.choice(("hours", "hours", "hours", "hrs", "h"))
        body = _u(rng, num, unit, 0.5 if unit == "h" else 0)
    elif r < 0.95:
        d = rng.choice((2, 3, 5, 7, 7, 10, 14, 14, 18, 21, 30))
        body = f"{_count_word(rng, d, 0.3)} days"
    else:
        return rng.choice(("two weeks", "a full week", "up to a month", "about a week", "up to two weeks"))
    return _qual(rng, body, ("up to", "up to", "up to", "about", "around", "over", "more than"), 0.45)


@kind("runtime")
def _runtime(rng):
    """Cordless run time: 'up to 60 minutes', '45 min', '40 minutes', 'up to 1 hour'."""
    if rng.random() < 0.8:
        m = rng.choice((15, 20, 25, 30, 35, 40, 45, 50, 60, 60, 70, 75, 90, 120, 150, 180))
        body = f"{m} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"
    else:
        body = rng.choice(("1 hour", "an hour", "2 hours", "1.5 hours", "3 hours", "2.5 hours"))
    return _qual(rng, body, ("up to", "up to", "about", "around", "over"), 0.45)


@kind("duration_days")
def _duration_days(rng):
    """'30 days', '14 days', 'two weeks', '100 days', 'one month', '30 calendar days'."""
    r = rng.random()
    if r < 0.7:
        d = rng.choice((7, 10, 14, 14, 21, 28, 30, 30, 30, 45, 60, 90, 100, 365))
        unit = rng.choice(("days", "days", "days", "calendar days"))
        return f"{_count_word(rng, d, 0.15)} {unit}"
    if r < 0.85:
        w = rng.choice((1, 2, 2, 3, 4, 6, 8))
        return f"{_count_word(rng, w, 0.5)} {'week' if w == 1 else 'weeks'}"
    m = rng.choice((1, 1, 2, 3, 6))
    return f"{_count_word(rng, m, 0.6)} {'month' if m == 1 else 'months'}"


@kind("duration_years")
def _duration_years(rng):
    """'2 years', 'two years', '5 years', '24 months', 'one year', '10-year'."""
    y = rng.choice((1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7, 10, 10, 15, 25))
    r = rng.random()
    if r < 0.15 and y <= 5:
        return f"{y * 12} months"
    word = _count_word(rng, y, 0.35)
    return f"{word} {'year' if y == 1 else 'years'}"


@kind("interval")
def _interval(rng):
    """How often: 'every 3 months', 'once a year', 'every 200 hours of use', 'twice a year'."""
    r = rng.random()
    if r < 0.4:
        n = rng.choice((2, 3, 3, 4, 6, 6, 9, 12, 18, 24))
        return f"every {_count_word(rng, n, 0.35)} months"
    if r < 0.55:
        n = rng.choice((1, 2, 3, 4, 6, 8))
        return "every week" if n == 1 else f"every {_count_word(rng, n, 0.4)} weeks"
    if r < 0.7:
        h = rng.choice((50, 100, 150, 200, 250, 300, 500, 1000))
        return rng.choice((f"every {h} hours of use", f"after {h} hours", f"every {h} operating hours"))
    if r < 0.8:
        n = rng.choice((30, 50, 100, 200, 300, 500))
        return rng.choice((f"after about {n} uses", f"every {n} cycles", f"after {n} brews", f"every {n} washes"))
    if r < 0.9:
        a = rng.choice((1, 2, 3, 6))
        b = a * 2
        return f"every {a}–{b} months" if rng.random() < 0.6 else f"every {a} to {b} months"
    return rng.choice(("once a year", "twice a year", "once a month", "every month", "once a week",
                       "every season", "once every two years", "every year"))


# ---------------------------------------------------------------------------------------
# Dates and times
# ---------------------------------------------------------------------------------------

@kind("date")
def _date(rng):
    """'12 March 2025', '2025-03-12', 'March 12, 2025', '12/03/2025', '1st of June'."""
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    month, mon = MONTHS[m - 1], MONTHS_SHORT[m - 1]
    return _w(rng, ((f"{d} {month} {y}", 25), (f"{y}-{m:02d}-{d:02d}", 12), (f"{month} {d}, {y}", 15),
                    (f"{d:02d}/{m:02d}/{y}", 10), (f"{m:02d}/{d:02d}/{y}", 4), (f"{d}.{m}.{y}", 4),
                    (f"{d:02d}.{m:02d}.{y}", 4), (f"{_ordinal(d)} of {month}", 6), (f"{month} {_ordinal(d)}", 5),
                    (f"{d} {mon} {y}", 8), (f"{d} {month}", 5), (f"{WEEKDAYS[rng.randrange(7)]} {d} {month}", 2)))


@kind("month_year")
def _month_year(rng):
    """When something came out, reads well after 'in': 'March 2025', 'spring 2024', 'Q3 2024'."""
    y = rng.randint(2015, 2026)
    r = rng.random()
    if r < 0.45:
        m = rng.randrange(12)
        return f"{MONTHS[m]} {y}" if rng.random() < 0.85 else f"{MONTHS_SHORT[m]} {y}"
    if r < 0.6:
        return f"{rng.choice(('spring', 'summer', 'autumn', 'fall', 'winter', 'Spring', 'Autumn'))} {y}"
    if r < 0.72:
        return rng.choice((f"Q{rng.randint(1, 4)} {y}", f"the first half of {y}", f"the second half of {y}"))
    if r < 0.87:
        return rng.choice((f"early {y}", f"mid-{y}", f"late {y}", f"the end of {y}", f"the start of {y}"))
    return str(y)


@kind("year")
def _year(rng):
    """A year a company was founded: '1998', '2012', '1887'."""
    return str(_w(rng, ((rng.randint(1850, 1969), 25), (rng.randint(1970, 1999), 35), (rng.randint(2000, 2022), 40))))


@kind("date_range")
def _date_range(rng):
    """'24–27 November', '1 to 15 July', '26 Dec – 2 Jan', 'July 1–15'."""
    m = rng.randrange(12)
    month, mon = MONTHS[m], MONTHS_SHORT[m]
    nm = (m + 1) % 12
    a = rng.randint(1, 24)
    b = min(28, a + rng.randint(2, 14))
    r = rng.random()
    if r < 0.3:
        return f"{a}–{b} {month}"
    if r < 0.45:
        return f"{a} to {b} {month}"
    if r < 0.6:
        return f"{month} {a}–{b}"
    if r < 0.72:
        a2, b2 = rng.randint(18, 28), rng.randint(1, 10)
        return f"{a2} {mon} – {b2} {MONTHS_SHORT[nm]}"
    if r < 0.85:
        a2, b2 = rng.randint(18, 28), rng.randint(1, 10)
        return f"{a2} {month} to {b2} {MONTHS[nm]}"
    return f"{a}-{b} {mon}"


@kind("days")
def _days(rng):
    """'Monday to Friday', 'weekdays', 'Mon–Fri', 'every day', 'seven days a week'."""
    r = rng.random()
    if r < 0.5:
        a = rng.choice((0, 0, 0, 1))
        b = rng.choice((4, 4, 5, 5, 6))
        if rng.random() < 0.6:
            return rng.choice((f"{WEEKDAYS[a]} to {WEEKDAYS[b]}", f"{WEEKDAYS[a]}–{WEEKDAYS[b]}",
                               f"{WEEKDAYS[a]} through {WEEKDAYS[b]}"))
        return rng.choice((f"{WEEKDAYS_SHORT[a]}–{WEEKDAYS_SHORT[b]}", f"{WEEKDAYS_SHORT[a]}-{WEEKDAYS_SHORT[b]}"))
    return rng.choice(("weekdays", "every day", "seven days a week", "Monday to Saturday", "weekends",
                       "Saturdays and Sundays", "every day except Sunday", "daily", "Tuesday to Saturday",
                       "on weekdays"))


def _clock(rng: random.Random, h: int, mnt: int, style: str) -> str:
    if style == "24":
        return f"{h}:{mnt:02d}" if rng.random() < 0.6 else f"{h:02d}:{mnt:02d}"
    if style == "24dot":
        return f"{h}.{mnt:02d}"
    hh = h % 12 or 12
    suf = "am" if h < 12 else "pm"
    if style == "ampm_tight":
        return f"{hh}{suf}" if mnt == 0 else f"{hh}:{mnt:02d}{suf}"
    if style == "ampm_caps":
        return f"{hh} {suf.upper()}" if mnt == 0 else f"{hh}:{mnt:02d} {suf.upper()}"
    return f"{hh} {suf}" if mnt == 0 else f"{hh}:{mnt:02d} {suf}"


_CLOCK_STYLES = (("24", 45), ("ampm", 25), ("ampm_tight", 15), ("24dot", 8), ("ampm_caps", 7))


@kind("time_of_day")
def _time_of_day(rng):
    """'2 pm', '14:00', 'noon', '5:30 pm', '3pm', '11.30'."""
    if rng.random() < 0.08:
        return rng.choice(("noon", "midday", "midnight", "12 noon"))
    h = rng.randint(8, 22)
    mnt = rng.choice((0, 0, 0, 30, 30, 15, 45))
    return _clock(rng, h, mnt, _w(rng, _CLOCK_STYLES))


def _hours_range(rng: random.Random) -> str:
    a = rng.choice((6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 12))
    am = rng.choice((0, 0, 0, 30, 30))
    b = min(23, a + rng.randint(4, 11))
    bm = rng.choice((0, 0, 0, 30, 30))
    style = _w(rng, _CLOCK_STYLES)
    s, e = _clock(rng, a, am, style), _clock(rng, b, bm, style)
    if style == "24" and rng.random() < 0.5:
        s, e = f"{a:02d}:{am:02d}", f"{b:02d}:{bm:02d}"
    return _w(rng, ((f"{s} to {e}", 35), (f"{s}–{e}", 30), (f"{s}-{e}", 15), (f"{s} - {e}", 10),
                    (f"{s} until {e}", 5), (f"{s} till {e}", 5)))


@kind("hours_range")
def _hours_range_kind(rng):
    """'8:30 to 17:00', '9 am to 5 pm', '09:00–18:00', '9am–6pm', '8.00 to 20.00'."""
    return _hours_range(rng)


@kind("opening_hours")
def _opening_hours(rng):
    """Days and hours: 'Mon–Fri 9:00–17:30', 'Monday to Friday, 8 am to 6 pm', '24/7'."""
    r = rng.random()
    if r < 0.08:
        return rng.choice(("24/7", "around the clock", "24 hours a day, 7 days a week", "24 hours a day"))
    days = _days(rng)
    hours = _hours_range(rng)
    return _w(rng, ((f"{days} {hours}", 35), (f"{days}, {hours}", 35), (f"{days} from {hours}", 15),
                    (f"{hours} {days}", 15)))


# ---------------------------------------------------------------------------------------
# Words, lists and names
# ---------------------------------------------------------------------------------------

@kind("colour")
def _colour(rng):
    """A colour: 'sage green', 'graphite', 'Midnight Blue'."""
    c = rng.choice(_lx.COLOURS)
    return c.title() if rng.random() < 0.25 else c


@kind("colour_list")
def _colour_list(rng):
    """'black, white and sage green', 'Black / Grey / Sand', 'black or white'."""
    cols = _sample(rng, _lx.COLOURS, 2, 4)
    if rng.random() < 0.2:
        cols = [c.title() for c in cols]
    return _join(rng, cols, allow_or=True)


@kind("material")
def _material(rng):
    """'borosilicate glass', 'recycled polyester', 'aluminium', 'solid oak'."""
    return rng.choice(_lx.MATERIALS)


@kind("frame_material")
def _frame_material(rng):
    """Bicycle or chair frame: 'aluminium', '6061 aluminium', 'carbon fibre', 'chromoly steel'."""
    return rng.choice(_lx.FRAME_MATERIALS)


@kind("material_list")
def _material_list(rng):
    """'aluminium and beech', 'stainless steel, glass and silicone', '80% merino wool, 20% nylon'."""
    if rng.random() < 0.15:
        a = rng.choice((50, 55, 60, 65, 70, 75, 80, 85, 88, 90, 92, 95))
        fib = rng.sample(("cotton", "organic cotton", "merino wool", "polyester", "recycled polyester", "nylon",
                          "elastane", "linen", "viscose", "polyamide", "wool", "cashmere"), 2)
        return f"{a}% {fib[0]}, {100 - a}% {fib[1]}"
    mats = _sample(rng, _lx.MATERIALS, 1, 3)
    return _join(rng, mats)


@kind("country")
def _country(rng):
    """A country as running text names it: 'Portugal', 'the Czech Republic', 'Taiwan'."""
    return rng.choice(_lx.COUNTRIES)


@kind("country_list")
def _country_list(rng):
    """Where a shop delivers: 'the UK, Ireland and France', 'all EU countries', 'over 30 countries'."""
    r = rng.random()
    if r < 0.25:
        return rng.choice(("all EU countries", "the whole of the EU", "the EU and the UK", "most of Europe",
                           f"over {rng.choice((20, 25, 30, 40, 50, 60, 100))} countries", "Europe and North America",
                           "the UK only", "mainland Europe", "the EU, the UK and Norway", "the DACH region",
                           "the Nordics", "the Benelux countries", "worldwide"))
    cs = _sample(rng, _lx.DELIVERY_COUNTRIES, 2, 4)
    return _join(rng, cs)


@kind("city")
def _city(rng):
    """'Bristol', 'München', 'Göteborg', 'Portland'."""
    return rng.choice(_lx.CITIES)


@kind("payment_methods")
def _payment_methods(rng):
    """'Visa, Mastercard and PayPal', 'credit card, PayPal or Klarna', 'Apple Pay and Google Pay'."""
    return _join(rng, _sample(rng, _lx.PAYMENT_METHODS, 2, 4), allow_or=True)


@kind("language")
def _language(rng):
    return rng.choice(_lx.LANGUAGES)


@kind("language_list")
def _language_list(rng):
    """'English, German and French', 'English and Spanish', '12 languages'."""
    if rng.random() < 0.1:
        return f"{rng.randint(5, 40)} languages"
    return _join(rng, _sample(rng, _lx.LANGUAGES, 2, 4))


def person_name(rng: random.Random) -> str:
    first, last = rng.choice(_lx.FIRST_NAMES), rng.choice(_lx.LAST_NAMES)
    r = rng.random()
    if r < 0.08:
        return f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    if r < 0.12:
        return f"{rng.choice(('Dr', 'Dr.', 'Prof.'))} {first} {last}"
    if r < 0.16:
        return f"{first} {rng.choice(_lx.LAST_NAMES)}-{last}"
    return f"{first} {last}"


@kind("person_name")
def _person_name(rng):
    """'Mia Keller', 'Søren Nielsen', 'Anna K. Novak', 'Dr Priya Iyer'."""
    return person_name(rng)


_TITLES = ("CEO", "founder", "co-founder", "Head of Support", "Customer Service Manager", "Head of Design",
           "Product Manager", "CTO", "Managing Director", "Store Manager", "Head of Customer Care",
           "Lead Engineer", "Service Team Lead", "COO", "Chief Designer", "Support Lead")


@kind("person_title")
def _person_title(rng):
    """'Head of Support Mia Keller', 'Tom Baker, CEO', 'Lena Hoffmann (Store Manager)'."""
    name, title = person_name(rng), rng.choice(_TITLES)
    r = rng.random()
    if r < 0.4:
        return f"{title[0].upper() + title[1:]} {name}"
    if r < 0.8:
        return f"{name}, {title}"
    return f"{name} ({title})"


def company_name(rng: random.Random) -> str:
    stem = rng.choice(_lx.COMPANY_NAME_STEMS)
    r = rng.random()
    if r < 0.3:
        return stem
    if r < 0.6:
        return f"{stem} {rng.choice(_lx.COMPANY_NAME_SUFFIXES)}"
    if r < 0.8:
        return f"{stem} {rng.choice(_lx.COMPANY_LEGAL_FORMS)}"
    if r < 0.9:
        return f"{stem} {rng.choice(_lx.COMPANY_NAME_SUFFIXES)} {rng.choice(_lx.COMPANY_LEGAL_FORMS)}"
    other = rng.choice(_lx.LAST_NAMES)
    return rng.choice((f"{other} & {rng.choice(('Sons', 'Daughters', 'Partners', 'Co'))}", f"{stem} & {other}"))


@kind("company_name")
def _company_name(rng):
    """'Brightwell', 'Nordvik Outdoor', 'Kettleby GmbH', 'Keller & Sons'."""
    return company_name(rng)


def product_name(rng: random.Random) -> str:
    stem = rng.choice(_lx.PRODUCT_NAME_STEMS)
    r = rng.random()
    if r < 0.2:
        return stem
    if r < 0.75:
        return f"{stem} {rng.choice(_lx.PRODUCT_NAME_SUFFIXES)}"
    if r < 0.85:
        return f"{stem} {rng.choice('ABCEKMRSTVXZ')}{rng.choice((1, 2, 3, 5, 7, 9, 10, 20, 50, 100))}"
    if r < 0.95:
        return f"{stem} {rng.choice((100, 200, 250, 300, 400, 500, 600, 700, 800, 900, 1000, 1200, 2000))}"
    return f"{stem}{rng.choice(('One', 'Go', 'Max', 'Air', 'Pro'))}"


@kind("product_name")
def _product_name(rng):
    """'Aster Pro 2', 'Kestrel 700', 'Nimbus X3', 'Orla'."""
    return product_name(rng)


@kind("programme_name")
def _programme_name(rng):
    """A loyalty programme: 'Brightwell Club', 'Aster Rewards', 'Nordvik Plus'."""
    stem = rng.choice(_lx.COMPANY_NAME_STEMS + _lx.PRODUCT_NAME_STEMS)
    return f"{stem} {rng.choice(('Club', 'Rewards', 'Plus', 'Circle', 'Insider', 'Perks', 'Friends', 'Members', 'Loyalty', 'Points'))}"


@kind("points_rate")
def _points_rate(rng):
    """'1 point per €1', '10 points per £1 spent', '5% back in points'."""
    cur = rng.choice(("€", "£", "$", "€", "£"))
    p = rng.choice((1, 1, 2, 5, 10, 10, 100))
    pts = "point" if p == 1 else "points"
    r = rng.random()
    if r < 0.3:
        return f"{p} {pts} per {cur}1"
    if r < 0.55:
        return f"{p} {pts} per {cur}1 spent"
    if r < 0.75:
        return f"{p} {pts} for every {cur}{rng.choice((1, 1, 10))} you spend"
    return f"{rng.choice((1, 2, 3, 5, 10))}% back in points"


@kind("version")
def _version(rng):
    """A software or firmware version number: 'v2.4.1', '3.1.0', 'v4.2', '2.4 (build 1187)'."""
    a, b, c = rng.randint(1, 12), rng.randint(0, 9), rng.randint(0, 30)
    return _w(rng, ((f"v{a}.{b}.{c}", 35), (f"{a}.{b}.{c}", 25), (f"v{a}.{b}", 15), (f"{a}.{b}", 10),
                    (f"{a}.{b} (build {rng.randint(100, 9999)})", 8), (f"{a}.{b}.{c}.{rng.randint(1, 999)}", 7)))


@kind("wireless_standard")
def _wireless_standard(rng):
    """'Bluetooth 5.3', 'BT 5.2', 'Wi-Fi 6E', 'Bluetooth 5.4 LE'."""
    return rng.choice(("Bluetooth 5.0", "Bluetooth 5.1", "Bluetooth 5.2", "Bluetooth 5.3", "Bluetooth 5.3",
                       "Bluetooth 5.4", "BT 5.3", "Bluetooth 4.2", "Bluetooth 5.3 LE", "Bluetooth 5.2 with LE Audio",
                       "Wi-Fi 6", "Wi-Fi 6E", "Wi-Fi 7", "Wi-Fi 5 (802.11ac)", "Wi-Fi 6 (802.11ax)"))


@kind("model_number")
def _model_number(rng):
    """'AX-700', 'KT 2210', 'BW-1250-EU', 'M3120', 'HX9/B'."""
    L = "ABCDEFGHKLMNPRSTVWXZ"
    pre = "".join(rng.choice(L) for _ in range(rng.choice((1, 2, 2, 2, 3))))
    num = str(rng.choice((rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999))))
    r = rng.random()
    if r < 0.3:
        return f"{pre}-{num}"
    if r < 0.5:
        return f"{pre} {num}"
    if r < 0.65:
        return f"{pre}{num}"
    if r < 0.8:
        return f"{pre}-{num}-{rng.choice(('EU', 'UK', 'US', 'B', 'W', 'BK', 'GR', '01'))}"
    if r < 0.9:
        return f"{pre}{num}/{rng.choice(('B', 'W', '10', '00', 'EU'))}"
    return f"{num}{rng.choice(L)}{rng.choice(L)}"


@kind("port")
def _port(rng):
    """A charging or connection port: 'USB-C', 'Lightning', 'micro-USB', 'a 3.5 mm jack'."""
    return rng.choice(("USB-C", "USB-C", "USB-C", "USB Type-C", "micro-USB", "Micro USB", "Lightning", "USB-A",
                       "a USB-C port", "a DC barrel jack", "a magnetic charging cable", "a magnetic connector",
                       "USB-C (USB 3.2)", "a charging dock", "pogo pins", "a charging stand", "Thunderbolt 4",
                       "a proprietary connector", "a wireless charging pad", "Qi wireless charging"))


@kind("plug")
def _plug(rng):
    """Mains plug with its article: 'a UK three-pin plug', 'an EU Schuko plug', 'a Type C Europlug'."""
    return rng.choice(("a UK three-pin plug", "a UK plug (Type G)", "an EU Schuko plug", "a Type F (Schuko) plug",
                       "a Type C Europlug", "a Swiss Type J plug", "a US Type A plug", "a US Type B plug",
                       "an Australian Type I plug", "a Type G plug", "a Type E/F plug",
                       "interchangeable EU, UK and US plugs", "a two-pin Europlug", "a French Type E plug"))


# ---------------------------------------------------------------------------------------
# Contact details
# ---------------------------------------------------------------------------------------

def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


@kind("phone")
def _phone(rng):
    """'+44 20 7946 0018', '040 5550 1234', '(555) 013-2271', '+33 1 23 45 67 89'."""
    c = _w(rng, (("UK", 25), ("DE", 20), ("US", 20), ("FR", 8), ("NL", 6), ("SE", 5), ("CH", 5), ("IE", 5),
                 ("AT", 3), ("AU", 3)))
    d = lambda n: _digits(rng, n)  # noqa: E731
    if c == "UK":
        area = rng.choice(("20", "117", "161", "131", "113", "121", "1223", "1865"))
        if len(area) == 2:
            local = f"{rng.randint(3, 8)}{d(3)} {d(4)}"
        elif len(area) == 3:
            local = f"{d(3)} {d(4)}"
        else:
            local = f"{d(6)}"
        return rng.choice((f"+44 {area} {local}", f"0{area} {local}", f"+44 (0){area} {local}",
                           f"0800 {d(3)} {d(4)}", f"0345 {d(3)} {d(4)}", f"0{area} {local}"))
    if c == "DE":
        area = rng.choice(("30", "40", "89", "221", "69", "711", "211", "341"))
        return rng.choice((f"0{area} {d(4)} {d(4)}", f"+49 {area} {d(7)}", f"+49 (0){area} {d(3)} {d(4)}",
                           f"0{area}/{d(7)}", f"0800 {d(3)} {d(4)}", f"+49 {area} {d(3)} {d(3)}-{d(2)}"))
    if c == "US":
        area = rng.choice(("555", "800", "888", "503", "206", "512", "617", "312"))
        return rng.choice((f"({area}) {d(3)}-{d(4)}", f"+1 {area}-{d(3)}-{d(4)}", f"{area}-{d(3)}-{d(4)}",
                           f"1-800-{d(3)}-{d(4)}", f"+1 ({area}) {d(3)}-{d(4)}", f"{area}.{d(3)}.{d(4)}"))
    if c == "FR":
        return rng.choice((f"+33 {rng.randint(1, 9)} {d(2)} {d(2)} {d(2)} {d(2)}",
                           f"0{rng.randint(1, 9)} {d(2)} {d(2)} {d(2)} {d(2)}"))
    if c == "NL":
        return rng.choice((f"+31 20 {d(3)} {d(4)}", f"020 {d(3)} {d(4)}", f"+31 (0)10 {d(3)} {d(4)}"))
    if c == "SE":
        return rng.choice((f"08-{d(3)} {d(3)} {d(2)}", f"+46 8 {d(3)} {d(3)} {d(2)}", f"031-{d(2)} {d(2)} {d(2)}"))
    if c == "CH":
        return rng.choice((f"+41 44 {d(3)} {d(2)} {d(2)}", f"044 {d(3)} {d(2)} {d(2)}", f"0800 {d(3)} {d(3)}"))
    if c == "IE":
        return rng.choice((f"+353 1 {d(3)} {d(4)}", f"01 {d(3)} {d(4)}", f"1800 {d(3)} {d(3)}"))
    if c == "AT":
        return rng.choice((f"+43 1 {d(3)} {d(4)}", f"01 {d(3)} {d(2)} {d(2)}"))
    return rng.choice((f"(02) {d(4)} {d(4)}", f"+61 3 {d(4)} {d(4)}", f"1300 {d(3)} {d(3)}"))


_MAIL_LOCAL = ("support", "support", "help", "hello", "service", "orders", "returns", "care", "info",
               "customercare", "kundenservice", "contact", "team", "repairs", "warranty", "sales", "shop",
               "service-desk", "bonjour", "hej")


def _domain(rng: random.Random) -> str:
    stem = slug(rng.choice(_lx.COMPANY_NAME_STEMS + _lx.PRODUCT_NAME_STEMS), rng.choice(("", "", "", "-")))
    r = rng.random()
    if r < 0.6:
        return f"{stem}.example"
    if r < 0.75:
        return f"{stem}-{slug(rng.choice(_lx.COMPANY_NAME_SUFFIXES))}.example"
    if r < 0.9:
        return f"{stem}.example.com"
    return f"{slug(rng.choice(_lx.COMPANY_NAME_SUFFIXES))}.{stem}.example"


@kind("email")
def _email(rng):
    """'support@brightwell.example', 'mia.keller@nordvik-outdoor.example'."""
    r = rng.random()
    if r < 0.8:
        local = rng.choice(_MAIL_LOCAL)
    else:
        local = slug(rng.choice(_lx.FIRST_NAMES)) + rng.choice((".", "_", "")) + slug(rng.choice(_lx.LAST_NAMES))
    return f"{local}@{_domain(rng)}"


_UK_POSTCODE_AREAS = {
    "London": ("SW", "SE", "N", "NW", "E", "W", "EC"), "Bristol": ("BS",), "Manchester": ("M",), "Leeds": ("LS",),
    "Edinburgh": ("EH",), "Glasgow": ("G",), "Cardiff": ("CF",), "Bath": ("BA",), "York": ("YO",),
    "Brighton": ("BN",), "Norwich": ("NR",), "Oxford": ("OX",), "Cambridge": ("CB",), "Exeter": ("EX",),
    "Sheffield": ("S",), "Belfast": ("BT",), "Nottingham": ("NG",), "Liverpool": ("L",), "Aberdeen": ("AB",),
    "Southampton": ("SO",),
}


def _postcode_uk(rng: random.Random, city: str = "") -> str:
    L = "ABDEFGHJLNPQRSTUWXY"
    out = rng.choice(_UK_POSTCODE_AREAS.get(city, ("BS", "M", "LS", "EH")))
    return f"{out}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice(L)}{rng.choice(L)}"


def address(rng: random.Random, country: str | None = None) -> str:
    c = country or _w(rng, (("UK", 22), ("DE", 18), ("US", 14), ("FR", 6), ("NL", 6), ("SE", 5), ("CH", 5),
                            ("AT", 4), ("IE", 4), ("DK", 3), ("NO", 3), ("FI", 2), ("ES", 3), ("IT", 3),
                            ("CA", 3), ("AU", 3)))
    city = rng.choice(_lx.CITIES_BY_COUNTRY[c])
    street = rng.choice(_lx.STREETS_BY_COUNTRY[c])
    n = rng.choice((rng.randint(1, 40), rng.randint(1, 200)))
    if c == "UK":
        unit = rng.choice(("", "", "", "Unit 4, ", "Suite 2, ", "Floor 3, "))
        return f"{unit}{n} {street}, {city} {_postcode_uk(rng, city)}"
    if c in ("DE", "AT", "CH"):
        z = _digits(rng, 5) if c == "DE" else str(rng.randint(1000, 9999))
        nn = f"{n}{rng.choice(('', '', '', 'a', 'b'))}"
        return f"{street} {nn}, {z} {city}" if rng.random() < 0.85 else f"{street} {nn}, {rng.choice(('D', 'A', 'CH'))}-{z} {city}"
    if c == "US":
        return f"{rng.randint(10, 9999)} {street}, {city}, {_lx.US_CITY_STATES[city]} {_digits(rng, 5)}"
    if c == "FR":
        return f"{n} {street}, {rng.randint(10, 95):02d}{rng.randint(0, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)} {city}"
    if c == "NL":
        L = "ABCDEGHJKLMNPRSTVWXZ"
        return f"{street} {n}, {rng.randint(1000, 9999)} {rng.choice(L)}{rng.choice(L)} {city}"
    if c == "SE":
        return f"{street} {n}, {rng.randint(100, 999)} {_digits(rng, 2)} {city}"
    if c in ("DK", "NO", "FI"):
        z = _digits(rng, 5) if c == "FI" else str(rng.randint(1000, 9999))
        return f"{street} {n}, {z} {city}"
    if c == "IE":
        return f"{n} {street}, {city} {rng.choice(('D02', 'D04', 'T12', 'H91', 'V94', 'X91'))} {rng.choice('ACDEFHKNPRTVWXY')}{_digits(rng, 3)}"
    if c in ("ES", "IT"):
        return f"{street} {n}, {_digits(rng, 5)} {city}"
    if c == "CA":
        L = "ABCEGHJKLMNPRSTVXY"
        pc = f"{rng.choice(L)}{rng.randint(0, 9)}{rng.choice(L)} {rng.randint(0, 9)}{rng.choice(L)}{rng.randint(0, 9)}"
        return f"{rng.randint(10, 999)} {street}, {city}, {_lx.CA_CITY_PROVINCES[city]} {pc}"
    st, pc = _lx.AU_CITY_STATES[city]
    return f"{n} {street}, {city} {st} {pc + rng.randint(0, 99)}"


@kind("address")
def _address(rng):
    """'14 Harbour Lane, Bristol BS1 4QA', 'Kastanienallee 12, 10435 Berlin'."""
    return address(rng)


_URL_PATHS = ("returns", "support", "help", "warranty", "contact", "stores", "faq", "help/returns",
              "support/manuals", "register", "repair", "delivery", "shipping", "downloads", "service",
              "help/warranty", "account", "track", "gift-cards", "spare-parts", "store-finder")


@kind("url")
def _url(rng):
    """'brightwell.example/returns', 'www.nordvik.example/support', 'https://help.aster.example'."""
    dom = _domain(rng)
    r = rng.random()
    if r < 0.4:
        return f"{dom}/{rng.choice(_URL_PATHS)}"
    if r < 0.6:
        return f"www.{dom}/{rng.choice(_URL_PATHS)}"
    if r < 0.75:
        return f"https://{dom}/{rng.choice(_URL_PATHS)}"
    if r < 0.9:
        return f"{rng.choice(('help', 'support', 'service', 'shop'))}.{dom}"
    return f"www.{dom}"


# ---------------------------------------------------------------------------------------
# Free phrases
# ---------------------------------------------------------------------------------------

_BUTTONS = ("the power button", "the reset button", "the Mode button", "the Bluetooth button",
            "the pairing button", "the M button", "the on/off button", "the + button", "the side button",
            "the play/pause button", "the button on the base", "both volume buttons", "the Wi-Fi button",
            "the start button", "the function button", "the main button", "the dial")
_PARTS = ("the left ear cup", "the right earbud", "the touch panel", "the control ring", "the left earbud",
          "the top of the speaker", "the crown", "the handle", "the right ear cup", "the display")


def _secs(rng: random.Random) -> str:
    n = rng.choice((2, 3, 3, 5, 5, 5, 8, 10, 10, 15, 20, 30))
    return f"{_count_word(rng, n, 0.5)} seconds"


@kind("button_action")
def _button_action(rng):
    """An imperative: 'hold the power button for five seconds', 'double-tap the right earbud'."""
    b, p = rng.choice(_BUTTONS), rng.choice(_PARTS)
    return _w(rng, (
        (f"hold {b} for {_secs(rng)}", 25),
        (f"press and hold {b} for {_secs(rng)}", 18),
        (f"press and hold {p}", 8),
        (f"press {b} {rng.choice(('twice', 'three times', 'five times'))}", 8),
        (f"double-tap {p}", 5),
        (f"triple-tap {p}", 3),
        (f"tap and hold {p} for {_secs(rng)}", 6),
        (f"hold {b} until the light flashes", 7),
        (f"hold {b} until it beeps", 5),
        ("press the reset pin with a paperclip", 4),
        (f"press {b} and {rng.choice(_BUTTONS)} together", 5),
        (f"hold {b} while switching it on", 4),
        (f"turn {rng.choice(('the dial', 'the knob'))} to {rng.choice(('Reset', 'zero', 'P', 'the pairing symbol'))}", 2),
    ))


@kind("button_gesture")
def _button_gesture(rng):
    """A press as a noun or gerund phrase, reads well after 'after' / 'by': 'a long press on the
    left ear cup', 'pressing the power button twice', 'a five-second press of the M button'."""
    b, p = rng.choice(_BUTTONS), rng.choice(_PARTS)
    n = rng.choice((2, 3, 3, 5, 5, 7, 10))
    return _w(rng, (
        (f"a long press on {p}", 15), (f"a long press of {b}", 10), (f"a double tap on {p}", 8),
        (f"a {NUMBER_WORDS[n]}-second press of {b}", 10), (f"holding {b} for {_secs(rng)}", 20),
        (f"pressing {b} {rng.choice(('twice', 'three times'))}", 10), (f"tapping {p} three times", 5),
        (f"holding {b} until the light flashes", 10), (f"holding {p} for {_secs(rng)}", 8),
        (f"pressing {b} and {rng.choice(_BUTTONS)} together", 4),
    ))


@kind("cleaning_method")
def _cleaning_method(rng):
    """'rinse it with warm water', 'wipe it with a damp cloth', 'put it in the dishwasher'."""
    return rng.choice((
        "rinse it with warm water", "wipe it with a damp cloth", "put it in the dishwasher",
        "wash it by hand in warm soapy water", "wash it by hand only", "use a soft brush and mild soap",
        "rinse it under the tap", "run the self-cleaning programme", "soak it in warm soapy water",
        "wipe it down with a microfibre cloth", "wipe it with a soft, dry cloth", "use a damp cloth only",
        "rinse the parts and let them air-dry", "brush off dirt once it is dry", "hose it down gently",
        "wipe it with mild detergent", "clean it with an alcohol-free wipe", "use the supplied cleaning brush",
        "wash the removable cover at 30 °C", "vacuum it with a soft brush",
        "wipe the lenses with a lens cloth", "put it on the top rack of the dishwasher",
    ))


@kind("descale_method")
def _descale_method(rng):
    """'run the descaling programme', 'use a citric acid solution', 'use the supplied tablets'."""
    return rng.choice((
        "run the descaling programme", "run the descale cycle", "use a citric acid solution",
        "fill it with equal parts water and vinegar", "use the supplied descaling tablets",
        "use a liquid descaler and rinse twice", "boil a citric acid solution in it",
        "hold the descale button for three seconds", "start the Clean programme from the menu",
        "use a descaler for coffee machines", "soak the parts in diluted vinegar",
    ))


@kind("condition")
def _condition(rng):
    """A condition as a policy words it: 'only with the original receipt', 'if the item is unused'."""
    return rng.choice((
        "only with the original receipt", "as long as the tags are still attached", "if the item is unused",
        "in its original packaging", "with proof of purchase", "for unworn items only",
        "once per order", "if the seal is unbroken", "within 30 days of delivery", "for full-price items only",
        "if you have registered the product", "at no extra cost", "free of charge",
        "as long as stock lasts", "for members only", "with the order number", "for unopened items only",
        "in any of our stores", "online and in store", "except on sale items", "subject to availability",
        "if the item is in resaleable condition", "for a different size or colour",
    ))


@kind("location_phrase")
def _location_phrase(rng):
    """Where something is: 'on the underside of the base', 'inside the battery compartment'."""
    part = rng.choice(("base", "unit", "motor housing", "water tank", "charging case", "frame", "lid",
                       "handle", "stand", "seat tube", "back panel", "device", "battery"))
    return _w(rng, (
        (f"on the underside of the {part}", 25), (f"on the back of the {part}", 20),
        (f"inside the {rng.choice(('battery compartment', 'lid', 'charging case', 'door seal', 'filter housing'))}", 15),
        (f"under the {rng.choice(('water tank', 'drip tray', 'dust bin', 'bottom bracket', 'seat'))}", 10),
        (f"on the rating label on the {part}", 10), (f"behind the {rng.choice(('filter', 'door', 'front panel', 'battery'))}", 8),
        ("in the Settings menu under About", 6), ("on the original box", 6),
    ))


_MODES = ("Eco", "Normal", "Boost", "Turbo", "Auto", "Sleep", "Quiet", "Max", "Pulse", "Smoothie", "Crush",
          "Intensive", "Quick", "Delicate", "Night", "Sport", "Comfort", "Cool", "Dry", "Custom", "Standard",
          "Silent", "Power", "Gentle", "Carpet", "Hard Floor", "Warm", "Hot", "Tour", "Trail", "Soup", "Baby")


@kind("mode_list")
def _mode_list(rng):
    """'Eco, Normal and Boost', 'Auto / Sleep / Turbo', 'Quick, Eco, and Intensive'."""
    return _join(rng, _sample(rng, _MODES, 2, 4))


_ACCESSORIES = ("a USB-C cable", "a carry pouch", "a user manual", "a wall charger", "a cleaning brush",
                "a spare filter", "a storage bag", "mounting screws", "an Allen key", "a quick-start guide",
                "a travel case", "a charging dock", "two spare filters", "a power adapter", "a remote control",
                "a wall bracket", "a protective cover", "three sizes of ear tips", "a recipe book",
                "a measuring cup", "a second battery", "a shoulder strap", "a tool kit", "a mounting kit",
                "a charging cable", "a microfibre cloth", "a spare belt", "two AA batteries")


@kind("accessory_list")
def _accessory_list(rng):
    """What is in the box: 'a USB-C cable, a carry pouch and a user manual'."""
    return _join(rng, _sample(rng, _ACCESSORIES, 1, 3))


@kind("compatibility")
def _compatibility(rng):
    """'iOS and Android', 'Windows, macOS and Linux', 'Android 9 or later', 'iPhone 12 and newer'."""
    return rng.choice((
        "iOS and Android", "Android and iOS", "iPhone and Android phones", "Windows, macOS and Linux",
        "Windows and macOS", "Windows 10 and 11", f"Android {rng.randint(8, 13)} or later",
        f"iOS {rng.randint(14, 17)} and later", f"iPhone {rng.randint(11, 15)} and newer",
        "all Bluetooth devices", "most smartphones and tablets", "Alexa and Google Assistant",
        "Apple HomeKit", "Chromebooks", "any USB-C laptop", f"macOS {rng.randint(11, 14)} or newer",
        "PlayStation 5 and Xbox Series X", "all Qi-compatible phones", "Shimano and SRAM groupsets",
        "standard 12 V sockets", "all our previous models", "Matter and Thread devices",
    ))


@kind("connectivity")
def _connectivity(rng):
    """'Bluetooth 5.3', 'Wi-Fi 6 and Bluetooth 5.2', 'Wi-Fi, Bluetooth and NFC', 'Ethernet and Wi-Fi'."""
    items = ("Bluetooth 5.3", "Bluetooth", "Wi-Fi", "Wi-Fi 6", "Wi-Fi 6E", "NFC", "USB-C", "Ethernet", "Zigbee",
             "Thread", "ANT+", "GPS", "5G", "4G LTE", "HDMI", "AirPlay 2", "Chromecast", "Bluetooth 5.2",
             "a 3.5 mm jack", "DisplayPort", "Thunderbolt 4", "optical input")
    return _join(rng, _sample(rng, items, 1, 3))


@kind("os")
def _os(rng):
    """'Android 14', 'Windows 11 Home', 'ChromeOS', 'iOS 17', 'Linux'."""
    return rng.choice((f"Android {rng.randint(12, 15)}", "Windows 11 Home", "Windows 11 Pro", "ChromeOS",
                       f"iOS {rng.randint(16, 18)}", "Ubuntu Linux", "macOS", f"iPadOS {rng.randint(16, 18)}",
                       "Wear OS", "Linux", "FreeDOS", "a custom Linux-based system", "Google TV", "Fire OS",
                       f"Android {rng.randint(12, 14)} (Go edition)"))


@kind("age")
def _age(rng):
    """Who a toy or baby product is for; reads well after 'for': 'ages 8+', 'children aged 3 and
    over', 'babies from 6 months', 'kids aged 8 to 12', '14+'."""
    a = rng.choice((3, 4, 5, 6, 8, 8, 10, 12, 14))
    b = a + rng.choice((2, 3, 4, 6))
    return _w(rng, (
        (f"ages {a}+", 20), (f"ages {a} and up", 12), (f"{a}+", 6), (f"children aged {a} and over", 10),
        (f"kids aged {a} to {b}", 10), (f"ages {a}–{b}", 10), (f"children from {a} years", 8),
        (rng.choice(("babies from birth", "babies from 6 months", "babies from 3 months", "toddlers from 18 months",
                     "children from 15 months", "ages 0–36 months", "newborns up to 13 kg",
                     "babies and toddlers up to 4 years")), 14),
        (f"anyone aged {a} or older", 4),
    ))


@kind("size_range")
def _size_range(rng):
    """Reads well after 'sizes': 'XS to XXL', 'EU 36–46', 'UK 4–12', 'S–XL', '6 to 18', 'US 7–13'."""
    return rng.choice(("XS to XXL", "XS–XL", "S–XL", "S to 3XL", "XXS to XL", f"EU {rng.randint(34, 39)}–{rng.randint(44, 48)}",
                       f"UK {rng.randint(3, 6)}–{rng.randint(10, 13)}", f"US {rng.randint(5, 8)}–{rng.randint(12, 14)}",
                       f"{rng.choice((4, 6, 8))} to {rng.choice((18, 20, 22))}", "S, M, L and XL",
                       f"EU {rng.randint(35, 38)} to {rng.randint(45, 47)}", "XS, S, M, L, XL",
                       f"W28 to W{rng.choice((38, 40, 42))}", "2XS–2XL", "S to XL", "XS–3XL"))


@kind("torque")
def _torque(rng):
    """'50 Nm', '85 Nm', 'up to 60 Nm', '120 N·m'."""
    t = rng.choice((20, 30, 35, 40, 45, 50, 60, 65, 70, 75, 85, 90, 100, 120, 135, 250, 310, 420))
    body = rng.choice((f"{t} Nm", f"{t} Nm", f"{t}Nm", f"{t} N·m", f"{t} newton metres"))
    return _qual(rng, body, ("up to",), 0.2)


@kind("pressure")
def _pressure(rng):
    """'15 bar', '2.5 bar', '130 bar', '35 psi', '19 bars'."""
    r = rng.random()
    if r < 0.7:
        b = rng.choice((1.5, 2.5, 3, 4, 9, 15, 15, 19, 20, 100, 110, 130, 140, 150))
        body = _u(rng, fmt_num(b, _ndec(b)), rng.choice(("bar", "bar", "bars")), 0.1)
    else:
        body = _u(rng, str(rng.choice((30, 35, 50, 65, 80, 100, 120, 1800, 2000))), "psi", 0.1)
    return _qual(rng, body, ("up to",), 0.2)


@kind("suction")
def _suction(rng):
    """'22,000 Pa', '25 kPa', '180 AW', '4,000 Pa'."""
    r = rng.random()
    if r < 0.5:
        return _qual(rng, _u(rng, _n(rng, _grid(rng, 2000, 30000, 500), group=0.8), "Pa", 0.1), ("up to",), 0.2)
    if r < 0.75:
        return _u(rng, str(rng.randint(8, 30)), "kPa", 0.1)
    return _qual(rng, _u(rng, str(rng.choice((100, 115, 150, 180, 185, 230, 240))), rng.choice(("AW", "air watts")), 0.1),
                 ("up to",), 0.2)


@kind("energy_rating")
def _energy_rating(rng):
    """EU energy label class: 'A', 'A+++', 'class B', 'C (A–G)'."""
    c = rng.choice(("A", "A", "B", "B", "C", "C", "D", "E", "F", "A+++", "A++", "A+"))
    return rng.choice((c, c, c, f"class {c}", f"{c} (on a scale from A to G)", f"{c} (A–G)"))


@kind("energy")
def _energy(rng):
    """Energy use: '0.85 kWh per cycle', '149 kWh/year', '0.5 W in standby'."""
    r = rng.random()
    if r < 0.4:
        v = rng.randint(45, 320)
        return rng.choice((f"{v} kWh per year", f"{v} kWh/year", f"{v} kWh/annum", f"{v} kWh a year"))
    if r < 0.8:
        v = _grid(rng, 0.3, 1.5, 0.01)
        return rng.choice((f"{_n(rng, v, comma=0.3)} kWh per cycle", f"{_n(rng, v, comma=0.3)} kWh",
                           f"{_n(rng, v, comma=0.3)} kWh per wash cycle"))
    v = rng.choice((0.3, 0.5, 0.5, 0.8, 1.0))
    return f"{fmt_num(v, 1)} W in standby"


@kind("airflow")
def _airflow(rng):
    """'350 m³/h', '210 CFM', 'up to 420 m³/h', '300 m3/h'."""
    v = _grid(rng, 100, 800, 10)
    return rng.choice((f"{fmt_num(v, 0)} m³/h", f"{fmt_num(v, 0)} m³/h", f"{fmt_num(v, 0)} m³/h",
                       f"{round(v / 1.7)} CFM", f"{fmt_num(v, 0)} m3/h", f"up to {fmt_num(v, 0)} m³/h"))


@kind("brightness")
def _brightness(rng):
    """'800 lumens', '1,000 lm', '500 nits', 'up to 1,600 nits'."""
    if rng.random() < 0.55:
        v = rng.choice((100, 200, 300, 350, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 3000))
        body = _u(rng, _n(rng, v, group=0.6), rng.choice(("lumens", "lumens", "lm")), 0.1)
    else:
        v = rng.choice((250, 300, 350, 400, 500, 600, 1000, 1200, 1600, 2000, 3000))
        body = _u(rng, _n(rng, v, group=0.6), rng.choice(("nits", "nits", "cd/m²")), 0.05)
    return _qual(rng, body, ("up to",), 0.2)


@kind("short_distance")
def _short_distance(rng):
    """Wireless range: '10 m', '30 feet', 'up to 15 metres', '100 m'."""
    r = rng.random()
    if r < 0.7:
        m = rng.choice((5, 8, 10, 10, 10, 12, 15, 20, 30, 50, 100, 150, 300))
        body = f"{m} {rng.choice(('m', 'm', 'metres', 'meters'))}"
    else:
        body = f"{rng.choice((30, 33, 40, 50, 100, 150, 300))} {rng.choice(('feet', 'ft'))}"
    return _qual(rng, body, ("up to", "about", "around"), 0.35)


@kind("distance")
def _distance(rng):
    """Vehicle range: '80 km', 'up to 50 miles', '120 km', '450 km (WLTP)'."""
    if rng.random() < 0.7:
        km = rng.choice((20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 100, 120, 150, 180, 350, 420, 480, 560, 610))
        body = f"{km} {rng.choice(('km', 'km', 'kilometres', 'kilometers'))}"
        if km > 300 and rng.random() < 0.3:
            body += " (WLTP)"
    else:
        mi = rng.choice((15, 20, 25, 30, 40, 50, 60, 75, 100, 250, 300))
        body = f"{mi} {rng.choice(('miles', 'miles', 'mi'))}"
    return _qual(rng, body, ("up to", "up to", "about", "around"), 0.4)


@kind("wheel_size")
def _wheel_size(rng):
    """Reads well before 'wheels': '27.5"', '29 inch', '700c', '20-inch', '10 in'."""
    s = rng.choice((8, 8.5, 10, 10, 12, 14, 16, 20, 24, 26, 27.5, 28, 29))
    if s >= 28 and rng.random() < 0.3:
        return rng.choice(("700c", "700C", "622 mm (700c)"))
    num = fmt_num(s, _ndec(s))
    return rng.choice((f'{num}"', f"{num} inch", f"{num}-inch", f'{num}"', f"{num} in"))


@kind("hydrostatic")
def _hydrostatic(rng):
    """Waterproof rating of fabric: '3,000 mm', '5000 mm water column', '10,000mm'."""
    v = rng.choice((1500, 2000, 3000, 3000, 4000, 5000, 6000, 8000, 10000, 20000))
    num = _n(rng, v, group=0.6)
    return rng.choice((f"{num} mm", f"{num} mm", f"{num}mm", f"{num} mm", f"{num} mm water column"))


@kind("ip_rating")
def _ip_rating(rng):
    """Water resistance rating: 'IPX4', 'IP67', '5 ATM', 'IP68 (up to 6 m)'."""
    return rng.choice(("IPX4", "IPX4", "IPX5", "IPX7", "IP54", "IP55", "IP65", "IP66", "IP67", "IP67", "IP68",
                       "IP44", "5 ATM", "10 ATM", "IPX8", "IP24", "3 ATM", "IP68 (up to 6 m)",
                       "IP67 (1 m for 30 minutes)", "5 ATM (50 m)"))


@kind("acceleration")
def _acceleration(rng):
    """A 0-100 km/h or 0-60 mph time: '7.4 seconds', '6.1 s', '8.9 sec'."""
    t = round(rng.uniform(2.9, 12.5), 1)
    num = _n(rng, t, comma=0.2)
    return rng.choice((f"{num} seconds", f"{num} seconds", f"{num} s", f"{num}s", f"{num} sec", f"just {num} seconds"))


@kind("volume_large")
def _volume_large(rng):
    """A large volume: a car boot, a fridge, a backpack, a grass box: '470 litres', '55 l', '1,200 L'."""
    l = _nice(_logu(rng, 15, 700))
    l = round(l) if l >= 10 else l
    unit = rng.choice(("litres", "litres", "liters", "l", "L"))
    body = _u(rng, _n(rng, l, group=0.6), unit, 0.1 if len(unit) == 1 else 0)
    if rng.random() < 0.08:
        body = f"{_n(rng, round(l / 28.3, 1))} cu ft"
    return _qual(rng, body, ("up to", "about"), 0.1)


@kind("weight_small")
def _weight_small(rng):
    """A light weight: earbuds, watches, hoppers: '5.4 g', '250 g', '38 grams', '8.8 oz'."""
    r = rng.random()
    if r < 0.35:
        body = _u(rng, _n(rng, round(rng.uniform(3, 12), 1), comma=0.25), rng.choice(("g", "g", "grams")))
    elif r < 0.85:
        body = _u(rng, str(int(_grid(rng, 20, 900, 5))), rng.choice(("g", "g", "grams")))
    else:
        body = _u(rng, _n(rng, round(rng.uniform(0.3, 30), 1)), rng.choice(("oz", "ounces")))
    return _qual(rng, body, ("just", "only", "about"), 0.15)


@kind("child_weight")
def _child_weight(rng):
    """A child's weight limit: '22 kg', 'up to 15 kg', '36 kg', '50 lb'."""
    kg = rng.choice((9, 13, 15, 15, 18, 20, 22, 22, 25, 36))
    if rng.random() < 0.2:
        body = f"{round(kg * 2.2046 / 5) * 5} {rng.choice(('lb', 'lbs', 'pounds'))}"
    else:
        body = _u(rng, str(kg), rng.choice(("kg", "kg", "kilograms", "kilos")), 0.1)
    return _qual(rng, body, ("up to",), 0.25)


@kind("fill")
def _fill(rng):
    """Insulation of a sleeping bag, jacket or duvet: 'duck down', '90/10 goose down'."""
    return rng.choice(("duck down", "goose down", "90/10 goose down", "800 fill power goose down",
                       "650 fill power duck down", "recycled synthetic fill", "hollow-fibre polyester",
                       "synthetic insulation", "merino wool wadding", "responsibly sourced down",
                       "recycled polyester fibres", "a down and feather blend", "PFC-free synthetic fill"))


@kind("timer")
def _timer(rng):
    """Longest timer setting: '24 hours', '12 h', '60 minutes', '99 minutes', '8 hours'."""
    r = rng.random()
    if r < 0.6:
        h = rng.choice((1, 2, 4, 8, 9, 12, 12, 24, 24))
        unit = "hour" if h == 1 else rng.choice(("hours", "hours", "h", "hrs"))
        return _u(rng, _count_word(rng, h, 0.2), unit, 0.5 if unit == "h" else 0)
    m = rng.choice((30, 60, 60, 90, 99, 120, 180))
    return f"{m} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"


@kind("focal_length")
def _focal_length(rng):
    """Lens focal length: '24–70 mm', '50 mm', '18-55mm', '70-200 mm'."""
    if rng.random() < 0.4:
        f = rng.choice((14, 20, 24, 28, 35, 50, 50, 85, 90, 100, 135))
        return _u(rng, str(f), "mm", 0.25)
    a, b = rng.choice(((16, 35), (24, 70), (24, 105), (18, 55), (70, 200), (100, 400), (28, 75), (18, 135),
                       (150, 600), (12, 24)))
    return rng.choice((f"{a}–{b} mm", f"{a}-{b}mm", f"{a}-{b} mm", f"{a} to {b} mm", f"{a}–{b}mm"))


@kind("flow_rate")
def _flow_rate(rng):
    """Water flow: '420 l/h', '7 litres per minute', '1.6 gpm', '500 litres per hour'."""
    r = rng.random()
    if r < 0.5:
        return f"{rng.choice((300, 360, 380, 420, 440, 500, 520, 600))} {rng.choice(('l/h', 'l/h', 'litres per hour', 'L/h'))}"
    if r < 0.85:
        v = rng.choice((5, 6, 6.5, 7, 8, 8.5, 9, 10, 12))
        return f"{_n(rng, v, comma=0.2)} {rng.choice(('litres per minute', 'l/min', 'L/min'))}"
    return f"{rng.choice((1.2, 1.3, 1.5, 1.6, 2.0))} gpm"


@kind("small_range")
def _small_range(rng):
    """A range in millimetres: a mowing height, a wrist size: '25–75 mm', '130-210 mm', '2.5 to 7.5 cm'."""
    if rng.random() < 0.5:
        lo = rng.choice((15, 20, 20, 25, 30, 35))
        hi = lo + rng.choice((40, 45, 50, 55, 60, 65))
    else:
        lo = rng.choice((110, 120, 125, 130, 135, 140, 150))
        hi = lo + rng.choice((50, 60, 65, 70, 80))
    if rng.random() < 0.15:
        a, b, unit = fmt_num(lo / 10, _ndec(lo / 10)), fmt_num(hi / 10, _ndec(hi / 10)), "cm"
    else:
        a, b, unit = str(lo), str(hi), rng.choice(("mm", "mm", "mm", "millimetres"))
    tight = f"{a}–{b}{unit}" if len(unit) == 2 else f"{a}–{b} {unit}"
    return _w(rng, ((f"{a}–{b} {unit}", 35), (f"{a}-{b} {unit}", 25), (f"{a} to {b} {unit}", 25),
                    (f"between {a} and {b} {unit}", 10), (tight, 5)))


@kind("spin_speed")
def _spin_speed(rng):
    """A washing machine spin speed: '1,400 rpm', '1200 RPM', 'up to 1,600 rpm'."""
    v = rng.choice((800, 1000, 1000, 1200, 1200, 1400, 1400, 1400, 1600, 1600, 1800))
    body = _u(rng, _n(rng, v, group=0.6), rng.choice(("rpm", "rpm", "RPM", "rev/min", "revolutions per minute")), 0)
    return _qual(rng, body, ("up to",), 0.2)


@kind("count_medium")
def _count_medium(rng):
    """A count in the tens to low hundreds: '45', 'over 60', 'more than 100', '112'."""
    n = int(_logu(rng, 8, 160))
    if rng.random() < 0.3:
        n = n if n < 20 else int(round(n / 5) * 5)
        return f"{rng.choice(('over', 'more than', 'around', 'about', 'nearly'))} {n}"
    return str(n)


@kind("bean_capacity")
def _bean_capacity(rng):
    """How many coffee beans a hopper holds: '250 g', '300 grams', '1 kg', '8.8 oz'."""
    g = rng.choice((150, 200, 250, 250, 270, 300, 350, 400, 450, 500, 1000))
    if rng.random() < 0.12:
        return f"{fmt_num(round(g / 28.35, 1), 1)} oz"
    if g == 1000 and rng.random() < 0.7:
        return "1 kg"
    return _u(rng, str(g), rng.choice(("g", "g", "grams")), 0.15)


# ---------------------------------------------------------------------------------------

def kind_names() -> list:
    return sorted(KINDS)


__all__ = ["KINDS", "make_value", "is_clean", "allowed_char", "ALLOWED_EXTRA", "MAX_LEN", "fmt_num", "slug",
           "ascii_fold", "person_name", "company_name", "product_name", "address", "kind_names"]
