"""Value kinds of money: prices in several currencies and styles, fees, percentages.
"""

from __future__ import annotations

import random

from .formats import fmt_num, log_uniform, number_text, qualified, weighted


_CURRENCIES = (("EUR", 32), ("USD", 24), ("GBP", 22), ("CHF", 6), ("SEK", 5), ("CAD", 4), ("AUD", 4),
               ("DKK", 3))


def _amount(rng: random.Random, lo: float, hi: float) -> tuple:
    """(whole units, cents) of a plausible shop price between lo and hi."""
    x = log_uniform(rng, lo, hi)
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


def money_text(rng: random.Random, lo: float, hi: float, cur: str | None = None) -> str:
    cur = cur or weighted(rng, _CURRENCIES)
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
        return weighted(rng, ((f"€{en}", 40), (f"{de} €", 20), (f"{de}€", 6), (f"EUR {en}", 8),
                        (f"{en} EUR", 8), (f"€ {en}", 5), (f"{de} EUR", 5), (f"EUR {de}", 3)))
    if cur == "USD":
        return weighted(rng, ((f"${en}", 60), (f"USD {en}", 12), (f"{en} USD", 10), (f"US${en}", 8),
                        (f"$ {en}", 3)))
    if cur == "GBP":
        return weighted(rng, ((f"£{en}", 75), (f"GBP {en}", 12), (f"{en} GBP", 8), (f"£ {en}", 3)))
    if cur == "CHF":
        ch = fmt_num(val, 2 if cents or rng.random() < 0.5 else 0, "ch", group)
        return weighted(rng, ((f"CHF {ch}", 50), (f"{ch} CHF", 25), (f"Fr. {ch}", 10), (f"CHF {en}", 10)))
    if cur == "SEK":
        return weighted(rng, ((f"{sv} kr", 50), (f"SEK {sv}", 20), (f"{sv} SEK", 20), (f"{en} SEK", 10)))
    if cur == "DKK":
        return weighted(rng, ((f"{de} kr", 50), (f"DKK {de}", 25), (f"{de} DKK", 25)))
    if cur == "CAD":
        return weighted(rng, ((f"CA${en}", 40), (f"C${en}", 20), (f"CAD {en}", 20), (f"${en} CAD", 20)))
    return weighted(rng, ((f"A${en}", 40), (f"AU${en}", 20), (f"AUD {en}", 20), (f"${en} AUD", 20)))


def _price(rng):
    """A product price, roughly 10 to 2,500 in the currency."""
    return money_text(rng, 8, 2500)


def _price_small(rng):
    """A small amount: a spare part, a delivery or service fee."""
    return money_text(rng, 1.5, 60)


def _price_mid(rng):
    """A medium amount: thresholds, repair costs, accessories."""
    return money_text(rng, 15, 300)


def _price_large(rng):
    """A large amount: e-bikes, furniture, cars."""
    return money_text(rng, 600, 60000)


_PERIODS = (
    (" per month", 20), (" a month", 12), ("/month", 14), ("/mo", 6), (" monthly", 4),
    (" per year", 10), (" a year", 8), ("/year", 8), ("/yr", 3), (" per user per month", 6),
    (" per user/month", 4), ("/user/month", 4), (" per seat per month", 2), (" annually", 3),
)


def _money_per_period(rng):
    """A subscription price: '€9.99 per month', '$120 a year', '£5/month'."""
    period = weighted(rng, _PERIODS)
    yearly = "year" in period or "yr" in period or "annual" in period
    amount = money_text(rng, 20, 400) if yearly else money_text(rng, 2, 40)
    return amount + period


def _fee(rng):
    """A service fee that may be free: '€4.95', 'free', 'free of charge'."""
    if rng.random() < 0.35:
        return rng.choice(("free", "free of charge", "free", "completely free", "free for members"))
    return money_text(rng, 1.5, 25)


def _percent(rng):
    """A percentage: '15%', '20 %', '10 percent', 'up to 30%'."""
    x = weighted(rng, ((rng.choice((5, 10, 15, 20, 25, 30, 40, 50)), 60), (rng.randint(2, 60), 30),
                 (rng.randint(1, 30) + 0.5, 10)))
    num = number_text(rng, x, comma=0.3)
    body = weighted(rng, ((f"{num}%", 60), (f"{num} %", 15), (f"{num} percent", 12), (f"{num} per cent", 5)))
    return qualified(rng, body, ("up to", "about", "around"), 0.12)


# the kinds of this module: name -> f(rng) -> str
KINDS = {
    "price": _price,
    "price_small": _price_small,
    "price_mid": _price_mid,
    "price_large": _price_large,
    "money_per_period": _money_per_period,
    "fee": _fee,
    "percent": _percent,
}
