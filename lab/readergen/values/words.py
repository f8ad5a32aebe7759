"""Value kinds of words, lists and names: colours, materials, countries, people, companies, products.
"""

from __future__ import annotations

import random

from .. import lexicon as _lx
from .formats import joined, sample_of, weighted


def _colour(rng):
    """A colour: 'sage green', 'graphite', 'Midnight Blue'."""
    c = rng.choice(_lx.COLOURS)
    return c.title() if rng.random() < 0.25 else c


def _colour_list(rng):
    """'black, white and sage green', 'Black / Grey / Sand', 'black or white'."""
    cols = sample_of(rng, _lx.COLOURS, 2, 4)
    if rng.random() < 0.2:
        cols = [c.title() for c in cols]
    return joined(rng, cols, allow_or=True)


def _material(rng):
    """'borosilicate glass', 'recycled polyester', 'aluminium', 'solid oak'."""
    return rng.choice(_lx.MATERIALS)


def _frame_material(rng):
    """Bicycle or chair frame: 'aluminium', '6061 aluminium', 'carbon fibre', 'chromoly steel'."""
    return rng.choice(_lx.FRAME_MATERIALS)


def _material_list(rng):
    """'aluminium and beech', 'stainless steel, glass and silicone', '80% merino wool, 20% nylon'."""
    if rng.random() < 0.15:
        a = rng.choice((50, 55, 60, 65, 70, 75, 80, 85, 88, 90, 92, 95))
        fib = rng.sample(("cotton", "organic cotton", "merino wool", "polyester", "recycled polyester", "nylon",
                          "elastane", "linen", "viscose", "polyamide", "wool", "cashmere"), 2)
        return f"{a}% {fib[0]}, {100 - a}% {fib[1]}"
    mats = sample_of(rng, _lx.MATERIALS, 1, 3)
    return joined(rng, mats)


def _country(rng):
    """A country as running text names it: 'Portugal', 'the Czech Republic', 'Taiwan'."""
    return rng.choice(_lx.COUNTRIES)


def _country_list(rng):
    """Where a shop delivers: 'the UK, Ireland and France', 'all EU countries', 'over 30 countries'."""
    r = rng.random()
    if r < 0.25:
        return rng.choice(("all EU countries", "the whole of the EU", "the EU and the UK", "most of Europe",
                           f"over {rng.choice((20, 25, 30, 40, 50, 60, 100))} countries", "Europe and North America",
                           "the UK only", "mainland Europe", "the EU, the UK and Norway", "the DACH region",
                           "the Nordics", "the Benelux countries", "worldwide"))
    cs = sample_of(rng, _lx.DELIVERY_COUNTRIES, 2, 4)
    return joined(rng, cs)


def _city(rng):
    """'Bristol', 'München', 'Göteborg', 'Portland'."""
    return rng.choice(_lx.CITIES)


def _payment_methods(rng):
    """'Visa, Mastercard and PayPal', 'credit card, PayPal or Klarna', 'Apple Pay and Google Pay'."""
    return joined(rng, sample_of(rng, _lx.PAYMENT_METHODS, 2, 4), allow_or=True)


def _language(rng):
    return rng.choice(_lx.LANGUAGES)


def _language_list(rng):
    """'English, German and French', 'English and Spanish', '12 languages'."""
    if rng.random() < 0.1:
        return f"{rng.randint(5, 40)} languages"
    return joined(rng, sample_of(rng, _lx.LANGUAGES, 2, 4))


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


def _person_name(rng):
    """'Mia Keller', 'Søren Nielsen', 'Anna K. Novak', 'Dr Priya Iyer'."""
    return person_name(rng)


_TITLES = ("CEO", "founder", "co-founder", "Head of Support", "Customer Service Manager", "Head of Design",
           "Product Manager", "CTO", "Managing Director", "Store Manager", "Head of Customer Care",
           "Lead Engineer", "Service Team Lead", "COO", "Chief Designer", "Support Lead")


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


def _product_name(rng):
    """'Aster Pro 2', 'Kestrel 700', 'Nimbus X3', 'Orla'."""
    return product_name(rng)


def _programme_name(rng):
    """A loyalty programme: 'Brightwell Club', 'Aster Rewards', 'Nordvik Plus'."""
    stem = rng.choice(_lx.COMPANY_NAME_STEMS + _lx.PRODUCT_NAME_STEMS)
    return f"{stem} {rng.choice(('Club', 'Rewards', 'Plus', 'Circle', 'Insider', 'Perks', 'Friends', 'Members', 'Loyalty', 'Points'))}"


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


def _version(rng):
    """A software or firmware version number: 'v2.4.1', '3.1.0', 'v4.2', '2.4 (build 1187)'."""
    a, b, c = rng.randint(1, 12), rng.randint(0, 9), rng.randint(0, 30)
    return weighted(rng, ((f"v{a}.{b}.{c}", 35), (f"{a}.{b}.{c}", 25), (f"v{a}.{b}", 15), (f"{a}.{b}", 10),
                    (f"{a}.{b} (build {rng.randint(100, 9999)})", 8), (f"{a}.{b}.{c}.{rng.randint(1, 999)}", 7)))


def _wireless_standard(rng):
    """'Bluetooth 5.3', 'BT 5.2', 'Wi-Fi 6E', 'Bluetooth 5.4 LE'."""
    return rng.choice(("Bluetooth 5.0", "Bluetooth 5.1", "Bluetooth 5.2", "Bluetooth 5.3", "Bluetooth 5.3",
                       "Bluetooth 5.4", "BT 5.3", "Bluetooth 4.2", "Bluetooth 5.3 LE", "Bluetooth 5.2 with LE Audio",
                       "Wi-Fi 6", "Wi-Fi 6E", "Wi-Fi 7", "Wi-Fi 5 (802.11ac)", "Wi-Fi 6 (802.11ax)"))


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


def _port(rng):
    """A charging or connection port: 'USB-C', 'Lightning', 'micro-USB', 'a 3.5 mm jack'."""
    return rng.choice(("USB-C", "USB-C", "USB-C", "USB Type-C", "micro-USB", "Micro USB", "Lightning", "USB-A",
                       "a USB-C port", "a DC barrel jack", "a magnetic charging cable", "a magnetic connector",
                       "USB-C (USB 3.2)", "a charging dock", "pogo pins", "a charging stand", "Thunderbolt 4",
                       "a proprietary connector", "a wireless charging pad", "Qi wireless charging"))


def _plug(rng):
    """Mains plug with its article: 'a UK three-pin plug', 'an EU Schuko plug', 'a Type C Europlug'."""
    return rng.choice(("a UK three-pin plug", "a UK plug (Type G)", "an EU Schuko plug", "a Type F (Schuko) plug",
                       "a Type C Europlug", "a Swiss Type J plug", "a US Type A plug", "a US Type B plug",
                       "an Australian Type I plug", "a Type G plug", "a Type E/F plug",
                       "interchangeable EU, UK and US plugs", "a two-pin Europlug", "a French Type E plug"))


# the kinds of this module: name -> f(rng) -> str
KINDS = {
    "colour": _colour,
    "colour_list": _colour_list,
    "material": _material,
    "frame_material": _frame_material,
    "material_list": _material_list,
    "country": _country,
    "country_list": _country_list,
    "city": _city,
    "payment_methods": _payment_methods,
    "language": _language,
    "language_list": _language_list,
    "person_name": _person_name,
    "person_title": _person_title,
    "company_name": _company_name,
    "product_name": _product_name,
    "programme_name": _programme_name,
    "points_rate": _points_rate,
    "version": _version,
    "wireless_standard": _wireless_standard,
    "model_number": _model_number,
    "port": _port,
    "plug": _plug,
}
