"""Value kinds of contact details: phone numbers, e-mail addresses, websites, street addresses.
"""

from __future__ import annotations

import random

from .. import lexicon as _lx
from .formats import slug, weighted


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _phone(rng):
    """'+44 20 7946 0018', '040 5550 1234', '(555) 013-2271', '+33 1 23 45 67 89'."""
    c = weighted(rng, (("UK", 25), ("DE", 20), ("US", 20), ("FR", 8), ("NL", 6), ("SE", 5), ("CH", 5), ("IE", 5),
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
    c = country or weighted(rng, (("UK", 22), ("DE", 18), ("US", 14), ("FR", 6), ("NL", 6), ("SE", 5), ("CH", 5),
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


def _address(rng):
    """'14 Harbour Lane, Bristol BS1 4QA', 'Kastanienallee 12, 10435 Berlin'."""
    return address(rng)


_URL_PATHS = ("returns", "support", "help", "warranty", "contact", "stores", "faq", "help/returns",
              "support/manuals", "register", "repair", "delivery", "shipping", "downloads", "service",
              "help/warranty", "account", "track", "gift-cards", "spare-parts", "store-finder")


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


# the kinds of this module: name -> f(rng) -> str
KINDS = {
    "phone": _phone,
    "email": _email,
    "address": _address,
    "url": _url,
}
