"""Value kinds of counts, durations, dates and times of day.
"""

from __future__ import annotations

import random

from .formats import (count_word, decimals_of, fmt_num, log_uniform, MONTHS, MONTHS_SHORT, nice, number_text,
                      NUMBER_WORDS, ordinal, qualified, WEEKDAYS, WEEKDAYS_SHORT, weighted, with_unit)


def _count(rng):
    """A small count as digits or words: '5', 'three', '12'."""
    n = weighted(rng, ((rng.randint(2, 6), 55), (rng.randint(7, 12), 35), (rng.randint(13, 24), 10)))
    return count_word(rng, n, 0.35)


def _count_large(rng):
    """A larger count: '1,250', '312', 'over 1,000', 'more than 40'."""
    n = int(log_uniform(rng, 20, 5000))
    if rng.random() < 0.3:
        n = int(nice(n))
        return number_text(rng, n, group=0.8) if rng.random() < 0.4 else \
            f"{rng.choice(('over', 'more than', 'around', 'about', 'nearly'))} {number_text(rng, n, group=0.8)}"
    return number_text(rng, n, group=0.75)


def _range_days(rng):
    """'3-5 working days', '2 to 4 business days', '5–7 days', '1-2 working days'."""
    lo = rng.choice((1, 1, 2, 2, 3, 3, 5, 7, 10))
    hi = lo + rng.choice((1, 1, 2, 2, 3, 4))
    unit = weighted(rng, (("working days", 40), ("business days", 25), ("days", 25), ("workdays", 5), ("weekdays", 5)))
    if rng.random() < 0.12:
        return f"{NUMBER_WORDS[lo]} to {NUMBER_WORDS[hi]} {unit}"
    a, b = str(lo), str(hi)
    return weighted(rng, ((f"{a}-{b} {unit}", 35), (f"{a}–{b} {unit}", 25), (f"{a} to {b} {unit}", 30),
                    (f"{a} - {b} {unit}", 10)))


def _duration_short(rng):
    """Seconds to a few minutes: '90 seconds', '3 minutes', 'about 45 seconds', '7.4 seconds'."""
    r = rng.random()
    if r < 0.45:
        s = rng.choice((3, 5, 7.4, 8, 10, 15, 20, 30, 30, 40, 45, 60, 90, 90, 120))
        unit = rng.choice(("seconds", "seconds", "secs", "s", "sec")) if s != 1 else "second"
        body = with_unit(rng, fmt_num(s, decimals_of(s)), unit, 0.4 if unit == "s" else 0)
    elif r < 0.9:
        m = rng.choice((1.5, 2, 2, 3, 3, 4, 5, 5, 6, 8, 10, 12, 15))
        num = count_word(rng, m, 0.3) if float(m).is_integer() else fmt_num(m, 1)
        body = f"{num} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"
    else:
        body = rng.choice(("under a minute", "less than a minute", "a minute or two", "half a minute",
                           "one minute"))
        return body
    return qualified(rng, body, ("about", "around", "just", "roughly", "under", "less than"), 0.2)


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
    return qualified(rng, body, ("about", "around", "roughly", "under", "less than", "just"), 0.2)


def _duration_hours(rng):
    """'2 hours', '2.5 hours', '90 minutes', '3 hrs', 'about 4 hours', '1 hour 45 minutes'."""
    r = rng.random()
    if r < 0.6:
        h = rng.choice((1, 1.5, 2, 2, 2.5, 3, 3, 4, 4.5, 5, 6, 8, 12, 24, 48))
        num = count_word(rng, int(h), 0.25) if float(h).is_integer() else number_text(rng, h, comma=0.2)
        unit = "hour" if h == 1 else rng.choice(("hours", "hours", "hrs", "h"))
        body = with_unit(rng, num, unit, 0.5 if unit == "h" else 0)
    elif r < 0.8:
        body = f"{rng.choice((30, 40, 45, 60, 75, 90, 120, 150))} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"
    elif r < 0.9:
        body = f"{rng.randint(1, 3)} hour{'s' if rng.random() < 0.5 else ''} {rng.choice((10, 15, 20, 30, 45))} minutes"
        body = body.replace("1 hours", "1 hour").replace("2 hour ", "2 hours ").replace("3 hour ", "3 hours ")
    else:
        return rng.choice(("an hour", "half an hour", "a few hours", "about an hour", "one hour"))
    return qualified(rng, body, ("about", "around", "roughly", "just"), 0.2)


def _battery_life(rng):
    """'up to 40 hours', '30 hours', 'up to 7 days', 'two weeks', 'about 10 hours', '12 h'."""
    r = rng.random()
    if r < 0.75:
        h = rng.choice((4, 5, 6, 6.5, 7, 8, 8, 10, 12, 15, 18, 20, 24, 30, 32, 36, 40, 45, 50, 60, 70, 80))
        num = count_word(rng, int(h), 0.15) if float(h).is_integer() else fmt_num(h, 1)
        unit = rng.choice(("hours", "hours", "hours", "hrs", "h"))
        body = with_unit(rng, num, unit, 0.5 if unit == "h" else 0)
    elif r < 0.95:
        d = rng.choice((2, 3, 5, 7, 7, 10, 14, 14, 18, 21, 30))
        body = f"{count_word(rng, d, 0.3)} days"
    else:
        return rng.choice(("two weeks", "a full week", "up to a month", "about a week", "up to two weeks"))
    return qualified(rng, body, ("up to", "up to", "up to", "about", "around", "over", "more than"), 0.45)


def _runtime(rng):
    """Cordless run time: 'up to 60 minutes', '45 min', '40 minutes', 'up to 1 hour'."""
    if rng.random() < 0.8:
        m = rng.choice((15, 20, 25, 30, 35, 40, 45, 50, 60, 60, 70, 75, 90, 120, 150, 180))
        body = f"{m} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"
    else:
        body = rng.choice(("1 hour", "an hour", "2 hours", "1.5 hours", "3 hours", "2.5 hours"))
    return qualified(rng, body, ("up to", "up to", "about", "around", "over"), 0.45)


def _duration_days(rng):
    """'30 days', '14 days', 'two weeks', '100 days', 'one month', '30 calendar days'."""
    r = rng.random()
    if r < 0.7:
        d = rng.choice((7, 10, 14, 14, 21, 28, 30, 30, 30, 45, 60, 90, 100, 365))
        unit = rng.choice(("days", "days", "days", "calendar days"))
        return f"{count_word(rng, d, 0.15)} {unit}"
    if r < 0.85:
        w = rng.choice((1, 2, 2, 3, 4, 6, 8))
        return f"{count_word(rng, w, 0.5)} {'week' if w == 1 else 'weeks'}"
    m = rng.choice((1, 1, 2, 3, 6))
    return f"{count_word(rng, m, 0.6)} {'month' if m == 1 else 'months'}"


def _duration_years(rng):
    """'2 years', 'two years', '5 years', '24 months', 'one year', '10-year'."""
    y = rng.choice((1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7, 10, 10, 15, 25))
    r = rng.random()
    if r < 0.15 and y <= 5:
        return f"{y * 12} months"
    word = count_word(rng, y, 0.35)
    return f"{word} {'year' if y == 1 else 'years'}"


def _interval(rng):
    """How often: 'every 3 months', 'once a year', 'every 200 hours of use', 'twice a year'."""
    r = rng.random()
    if r < 0.4:
        n = rng.choice((2, 3, 3, 4, 6, 6, 9, 12, 18, 24))
        return f"every {count_word(rng, n, 0.35)} months"
    if r < 0.55:
        n = rng.choice((1, 2, 3, 4, 6, 8))
        return "every week" if n == 1 else f"every {count_word(rng, n, 0.4)} weeks"
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

def _date(rng):
    """'12 March 2025', '2025-03-12', 'March 12, 2025', '12/03/2025', '1st of June'."""
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    month, mon = MONTHS[m - 1], MONTHS_SHORT[m - 1]
    return weighted(rng, ((f"{d} {month} {y}", 25), (f"{y}-{m:02d}-{d:02d}", 12), (f"{month} {d}, {y}", 15),
                    (f"{d:02d}/{m:02d}/{y}", 10), (f"{m:02d}/{d:02d}/{y}", 4), (f"{d}.{m}.{y}", 4),
                    (f"{d:02d}.{m:02d}.{y}", 4), (f"{ordinal(d)} of {month}", 6), (f"{month} {ordinal(d)}", 5),
                    (f"{d} {mon} {y}", 8), (f"{d} {month}", 5), (f"{WEEKDAYS[rng.randrange(7)]} {d} {month}", 2)))


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


def _year(rng):
    """A year a company was founded: '1998', '2012', '1887'."""
    return str(weighted(rng, ((rng.randint(1850, 1969), 25), (rng.randint(1970, 1999), 35), (rng.randint(2000, 2022), 40))))


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


def clock(rng: random.Random, h: int, mnt: int, style: str) -> str:
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


def _time_of_day(rng):
    """'2 pm', '14:00', 'noon', '5:30 pm', '3pm', '11.30'."""
    if rng.random() < 0.08:
        return rng.choice(("noon", "midday", "midnight", "12 noon"))
    h = rng.randint(8, 22)
    mnt = rng.choice((0, 0, 0, 30, 30, 15, 45))
    return clock(rng, h, mnt, weighted(rng, _CLOCK_STYLES))


def _hours_range(rng: random.Random) -> str:
    a = rng.choice((6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 12))
    am = rng.choice((0, 0, 0, 30, 30))
    b = min(23, a + rng.randint(4, 11))
    bm = rng.choice((0, 0, 0, 30, 30))
    style = weighted(rng, _CLOCK_STYLES)
    s, e = clock(rng, a, am, style), clock(rng, b, bm, style)
    if style == "24" and rng.random() < 0.5:
        s, e = f"{a:02d}:{am:02d}", f"{b:02d}:{bm:02d}"
    return weighted(rng, ((f"{s} to {e}", 35), (f"{s}–{e}", 30), (f"{s}-{e}", 15), (f"{s} - {e}", 10),
                    (f"{s} until {e}", 5), (f"{s} till {e}", 5)))


def _hours_range_kind(rng):
    """'8:30 to 17:00', '9 am to 5 pm', '09:00–18:00', '9am–6pm', '8.00 to 20.00'."""
    return _hours_range(rng)


def _opening_hours(rng):
    """Days and hours: 'Mon–Fri 9:00–17:30', 'Monday to Friday, 8 am to 6 pm', '24/7'."""
    r = rng.random()
    if r < 0.08:
        return rng.choice(("24/7", "around the clock", "24 hours a day, 7 days a week", "24 hours a day"))
    days = _days(rng)
    hours = _hours_range(rng)
    return weighted(rng, ((f"{days} {hours}", 35), (f"{days}, {hours}", 35), (f"{days} from {hours}", 15),
                    (f"{hours} {days}", 15)))


# the kinds of this module: name -> f(rng) -> str
KINDS = {
    "count": _count,
    "count_large": _count_large,
    "range_days": _range_days,
    "duration_short": _duration_short,
    "duration_minutes": _duration_minutes,
    "duration_hours": _duration_hours,
    "battery_life": _battery_life,
    "runtime": _runtime,
    "duration_days": _duration_days,
    "duration_years": _duration_years,
    "interval": _interval,
    "date": _date,
    "month_year": _month_year,
    "year": _year,
    "date_range": _date_range,
    "days": _days,
    "time_of_day": _time_of_day,
    "hours_range": _hours_range_kind,
    "opening_hours": _opening_hours,
}
