"""Edition 3 of the generator: services. Schools, studios, tour operators, workshops and hotels
write about courses, classes, tours and rooms, not products: times of day and weekdays, group
sizes and ages, prices bounded by their unit ("€240 per week", "€30 each way"), meeting points
and what to bring. Their pages name the service by a descriptor and a noun ("the Intensive
course", "the Sunset tour").

Their fields and categories are data (data/services/, loaded by lexicon.py); here are the value kinds
they draw.
"""

from __future__ import annotations


from .formats import count_word, MONTHS, WEEKDAYS, weighted
from .money import money_text
from .times import clock
from .words import person_name


_PLURAL_DAYS = tuple(d + "s" for d in WEEKDAYS)


def _per(rng, lo, hi, units):
    return money_text(rng, lo, hi) + weighted(rng, units)


def _price_per_week(rng):
    """'€240 per week', '£185 a week', '$310/week', 'CHF 420 weekly'."""
    return _per(rng, 90, 900, ((" per week", 50), (" a week", 25), ("/week", 12), (" weekly", 5), (" per wk", 3),
                              (" for each week", 5)))


def _price_per_session(rng):
    """'€38 per lesson', '£12 a class', '$25 per session', '€15 each'."""
    return _per(rng, 8, 80, ((" per lesson", 20), (" per class", 25), (" a class", 10), (" per session", 20),
                            (" a session", 8), ("/class", 7), (" each", 5), (" per hour", 5)))


def _price_per_person(rng):
    """'€45 per person', '£30 pp', '$60 per adult', '€25 each way'."""
    return _per(rng, 10, 150, ((" per person", 45), (" a person", 12), (" pp", 6), (" per adult", 10),
                              (" per participant", 10), (" each", 7), (" each way", 5), (" per head", 5)))


def _price_per_night(rng):
    """'€120 per night', '£95 a night', '$180/night', 'CHF 210 per room per night'."""
    return _per(rng, 45, 450, ((" per night", 55), (" a night", 20), ("/night", 12), (" per room per night", 8),
                              (" nightly", 5)))


def _weekly_days(rng):
    """'Monday to Friday', 'Tuesdays and Thursdays', 'every Saturday', 'Mon, Wed and Fri'."""
    r = rng.random()
    if r < 0.3:
        a, b = rng.choice(((0, 4), (0, 3), (1, 5), (0, 5), (1, 4)))
        return rng.choice((f"{WEEKDAYS[a]} to {WEEKDAYS[b]}", f"{WEEKDAYS[a]}–{WEEKDAYS[b]}",
                           f"{WEEKDAYS[a][:3]}–{WEEKDAYS[b][:3]}", f"from {WEEKDAYS[a]} to {WEEKDAYS[b]}"))
    if r < 0.6:
        days = sorted(rng.sample(range(7), rng.choice((2, 2, 3))))
        names = [_PLURAL_DAYS[d] if rng.random() < 0.7 else WEEKDAYS[d] for d in days]
        return ", ".join(names[:-1]) + " and " + names[-1]
    if r < 0.85:
        d = rng.randrange(7)
        return rng.choice((f"every {WEEKDAYS[d]}", f"on {_PLURAL_DAYS[d]}", f"{_PLURAL_DAYS[d]}",
                           f"every {WEEKDAYS[d]} morning", f"{WEEKDAYS[d]} evenings"))
    return rng.choice(("weekdays", "every weekday", "weekends", "every day", "daily", "Saturdays and Sundays",
                       "every other Saturday", "twice a week", "three times a week"))


def _class_times(rng):
    """'9:30 to 13:30', '15:00–17:00', '6 pm to 7.30 pm', 'at 10:00', 'from 18:30'."""
    h = rng.choice((7, 8, 9, 9, 10, 10, 11, 14, 15, 16, 17, 18, 18, 19, 20))
    m = rng.choice((0, 0, 0, 15, 30, 30, 45))
    style = weighted(rng, (("24", 50), ("ampm", 25), ("ampm_tight", 12), ("24dot", 8), ("ampm_caps", 5)))
    start = clock(rng, h, m, style)
    if rng.random() < 0.2:
        return rng.choice((f"at {start}", start, f"from {start}", f"{start} sharp"))
    length = rng.choice((45, 60, 60, 75, 90, 90, 120, 120, 150, 180, 240))
    eh, em = divmod(h * 60 + m + length, 60)
    end = clock(rng, min(eh, 23), em, style)
    return weighted(rng, ((f"{start} to {end}", 40), (f"{start}–{end}", 30), (f"{start}-{end}", 15),
                    (f"from {start} to {end}", 10), (f"{start} until {end}", 5)))


def _group_size(rng):
    """'no more than eight people', 'up to 12 students', 'a maximum of 6', 'between 4 and 10 people'."""
    n = rng.choice((4, 5, 6, 6, 8, 8, 10, 10, 12, 12, 14, 15, 16, 20, 25))
    who = rng.choice(("people", "people", "students", "participants", "guests", "learners", "children"))
    num = count_word(rng, n, 0.4)
    return weighted(rng, ((f"no more than {num} {who}", 15), (f"up to {num} {who}", 20), (f"a maximum of {num}", 10),
                    (f"a maximum of {num} {who}", 10), (f"{num} {who} at most", 8), (f"max. {n}", 5),
                    (f"between {count_word(rng, max(2, n // 3), 0.4)} and {num} {who}", 10), (f"{num} {who}", 12),
                    (f"small groups of {num}", 10)))


def _age_group(rng):
    """'13 to 16', '17 and over', 'ages 8-12', '18+', 'children aged 5 to 11'."""
    lo = rng.choice((3, 4, 5, 6, 7, 8, 10, 12, 13, 14, 16, 16, 17, 18, 18))
    if lo >= 16 and rng.random() < 0.6:
        return rng.choice((f"{lo} and over", f"{lo}+", f"{lo} and older", f"anyone aged {lo} or over",
                           f"adults ({lo}+)", f"over-{lo}s"))
    hi = lo + rng.choice((2, 3, 3, 4, 5))
    who = "teenagers" if lo >= 12 else "children"
    return weighted(rng, ((f"{lo} to {hi}", 25), (f"ages {lo}-{hi}", 15), (f"{lo}–{hi} years", 15),
                    (f"{who} aged {lo} to {hi}", 15), (f"{lo}-{hi} year olds", 10), (f"{who} aged {lo}–{hi}", 8),
                    (f"{who} from {lo} to {hi}", 12)))


def _course_length(rng):
    """'12 weeks', 'two weeks', 'one to 24 weeks', 'a full term', '10 sessions'."""
    r = rng.random()
    if r < 0.5:
        w = rng.choice((1, 2, 2, 3, 4, 4, 6, 8, 10, 12, 24))
        return f"{count_word(rng, w, 0.4)} {'week' if w == 1 else 'weeks'}"
    if r < 0.7:
        a, b = rng.choice(((1, 12), (2, 24), (1, 52), (4, 12), (2, 8)))
        return rng.choice((f"{count_word(rng, a, 0.5)} to {b} weeks", f"{a}-{b} weeks", f"between {a} and {b} weeks"))
    if r < 0.85:
        n = rng.choice((4, 6, 8, 10, 12))
        return f"{count_word(rng, n, 0.3)} {rng.choice(('sessions', 'lessons', 'evenings', 'Saturdays'))}"
    return rng.choice(("a full term", "one semester", "a whole day", "one weekend", "three months", "a full year"))


def _lessons_per_week(rng):
    """'20 lessons a week', '25 hours per week', '15 classes weekly'."""
    n = rng.choice((4, 6, 10, 15, 20, 20, 25, 30))
    unit = rng.choice(("lessons", "lessons", "hours", "classes"))
    return f"{n} {unit}{weighted(rng, ((' a week', 40), (' per week', 40), (' weekly', 10), ('/week', 10)))}"


def _start_dates(rng):
    """'every Monday', 'the first Monday of each month', '6 January, 3 March and 5 May'."""
    r = rng.random()
    if r < 0.35:
        return rng.choice(("every Monday", "any Monday", "every Monday of the year", "every other Monday",
                           "every two weeks", "the first Monday of each month", "at the start of each month",
                           "every Saturday"))
    months = sorted(rng.sample(range(12), rng.choice((2, 3))))
    dates = [f"{rng.randint(1, 28)} {MONTHS[m]}" for m in months]
    return ", ".join(dates[:-1]) + " and " + dates[-1]


def _level(rng):
    """'A1 to C1', 'all levels', 'beginners', 'intermediate and above', 'B2'."""
    cefr = ("A1", "A2", "B1", "B2", "C1", "C2")
    r = rng.random()
    if r < 0.4:
        a = rng.randrange(4)
        b = rng.randint(a + 1, 5)
        return rng.choice((f"{cefr[a]} to {cefr[b]}", f"{cefr[a]}–{cefr[b]}", f"from {cefr[a]} to {cefr[b]}"))
    if r < 0.5:
        return rng.choice(cefr) + rng.choice(("", " and above", " or higher"))
    return rng.choice(("all levels", "beginners", "complete beginners", "intermediate and above", "advanced",
                       "beginners and improvers", "every level", "intermediate", "experienced riders",
                       "anyone who can swim"))


def _venue(rng):
    """'Room 3', 'the main studio', 'Studio B', 'our garden room on the ground floor'."""
    r = rng.random()
    if r < 0.35:
        return rng.choice((f"Room {rng.randint(1, 24)}", f"Studio {rng.choice('ABCD')}",
                           f"room {rng.randint(101, 312)}", f"Hall {rng.randint(1, 4)}"))
    floor = rng.choice(("ground", "first", "second", "third", "top"))
    place = rng.choice(("main studio", "garden room", "big classroom", "workshop", "library", "terrace", "kitchen",
                        "yoga room", "back studio", "conference room"))
    return rng.choice((f"the {place}", f"our {place}", f"the {place} on the {floor} floor",
                       f"our {place} on the {floor} floor"))


def _meeting_point(rng):
    """'in front of the cathedral', 'at the fountain on Plaza Mayor', 'the harbour ticket office'."""
    place = rng.choice(("the cathedral", "the town hall", "the old fountain", "the main station", "the harbour",
                        "the ticket office", "the clock tower", "the museum", "the tourist office", "the bridge",
                        "the market hall", "our shop", "the castle gate", "the lighthouse", "the north pier"))
    return rng.choice((f"in front of {place}", f"outside {place}", f"at {place}", f"next to {place}",
                       f"the entrance of {place}", f"by {place}", f"at the steps of {place}"))


_INCLUDED = ("course materials", "coffee and tea", "a certificate", "all materials", "an apron", "a glass of wine",
             "snacks", "lunch", "entry tickets", "a T-shirt", "a welcome drink", "the boat trip", "a tasting",
             "a map", "a photo", "the clay", "two drinks", "a printed guide", "your own pot to take home",
             "a light lunch", "all equipment", "a textbook", "a placement test", "bike and helmet")
_INCLUDED_STAY = ("free Wi-Fi", "towels", "a kettle", "a minibar", "parking", "city tax", "a late check-out",
                  "bathrobes", "a welcome drink", "use of the spa", "a desk", "air conditioning")
_INCLUDED_GYM = ("all group classes", "the sauna", "a towel", "a locker", "two guest passes a month",
                 "a fitness check", "the pool", "a training plan", "free parking", "drinks at the bar")
_BRING = ("comfortable shoes", "a water bottle", "a towel", "your own mat", "warm clothes", "sunscreen",
          "a notebook", "an apron", "indoor shoes", "a swimsuit", "a hat", "a pencil", "old clothes",
          "a packed lunch", "a rain jacket", "your passport", "your laptop", "a camera")


def _listed(rng, pool, lo, hi):
    items = rng.sample(pool, rng.randint(lo, hi))
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + (rng.choice((" and ", ", and ")) if len(items) > 2 else " and ") + items[-1]


def _deadline(rng):
    """'48 hours before the start', 'by Thursday', '14 days before your course starts'."""
    r = rng.random()
    if r < 0.4:
        n, unit = rng.choice(((24, "hours"), (48, "hours"), (72, "hours"), (2, "days"), (3, "days"), (7, "days"),
                              (14, "days"), (30, "days"), (2, "weeks"), (4, "weeks"), (6, "weeks")))
        event = rng.choice(("the start", "the start date", "your first day", "the date", "you start", "the day"))
        return f"{count_word(rng, n, 0.3)} {unit} before {event}"
    if r < 0.65:
        day = rng.choice(WEEKDAYS[:5])
        return rng.choice((f"by {day}", f"by {day} noon", f"before {day}", f"by {day} at the latest",
                           f"by 12:00 on {day}"))
    return rng.choice(("the day before", "at least a week in advance", "by noon the day before", "a day ahead",
                       "the evening before", "at least 24 hours ahead", "one month in advance", "on arrival"))


def _course_deadline(rng):
    """'14 days before your course starts', 'by Thursday', 'four weeks before the first lesson'."""
    if rng.random() < 0.5:
        n, unit = rng.choice(((2, "days"), (7, "days"), (14, "days"), (30, "days"), (2, "weeks"), (4, "weeks")))
        event = rng.choice(("your course starts", "the first lesson", "your course begins", "the start of the course"))
        return f"{count_word(rng, n, 0.3)} {unit} before {event}"
    return _deadline(rng)


def _stay_deadline(rng):
    """'48 hours before arrival', 'by 6 pm on the day of arrival', 'seven days before you arrive'."""
    if rng.random() < 0.7:
        n, unit = rng.choice(((24, "hours"), (48, "hours"), (72, "hours"), (3, "days"), (7, "days"), (14, "days")))
        return f"{count_word(rng, n, 0.3)} {unit} before {rng.choice(('arrival', 'you arrive', 'check-in'))}"
    return rng.choice(("by 6 pm on the day of arrival", "the day before arrival", "by noon the day before"))


def _holiday_closure(rng):
    """'from 22 December to 4 January', '24 December – 2 January', 'during August'."""
    if rng.random() < 0.25:
        return rng.choice(("during August", "the whole of August", "on public holidays", "for two weeks in August",
                           "over Easter"))
    a, b = rng.randint(18, 24), rng.randint(1, 8)
    return rng.choice((f"from {a} December to {b} January", f"{a} December – {b} January", f"{a} Dec to {b} Jan",
                       f"from December {a} to January {b}", f"{a}.12. to {b}.1."))


def _beds(rng):
    """'one double bed', 'two single beds', 'a king-size bed and a sofa bed'."""
    first = rng.choice(("one double bed", "a double bed", "two single beds", "a king-size bed", "a queen-size bed",
                        "twin beds", "one single bed", "a bunk bed", "two double beds"))
    return first if rng.random() < 0.7 else f"{first} and {rng.choice(('a sofa bed', 'a cot', 'an extra bed'))}"


def _breakfast(rng):
    """'€14 per person', '£9.50 a person', '$18 per day'."""
    return _per(rng, 6, 30, ((" per person", 60), (" a person", 20), (" per day", 10), (" per guest", 10)))


def _term_months(rng):
    """'12 months', 'three months', 'one month', 'no minimum term'."""
    if rng.random() < 0.15:
        return rng.choice(("no minimum term", "none", "a single month"))
    m = rng.choice((1, 3, 3, 6, 6, 12, 12, 24))
    return f"{count_word(rng, m, 0.4)} {'month' if m == 1 else 'months'}"


def _guests(rng):
    """'two adults', 'up to four guests', 'two adults and one child', '3 people'."""
    n = rng.choice((1, 2, 2, 2, 3, 4, 4, 5, 6))
    who = rng.choice(("guests", "people", "adults", "persons"))
    if n == 1:
        return rng.choice(("one person", "one guest", "a single guest", "one adult"))
    return rng.choice((f"{count_word(rng, n, 0.5)} {who}", f"up to {count_word(rng, n, 0.5)} {who}",
                       f"two adults and {count_word(rng, n - 1, 0.8)} {'child' if n == 2 else 'children'}",
                       f"a maximum of {n} {who}"))


def _instructor(rng):
    """A teacher or guide: 'Lucía Navarro', 'our guide Tom Berg'."""
    return person_name(rng)


# the kinds of this module: name -> f(rng) -> str
KINDS = {
    "price_per_week": _price_per_week,
    "price_per_session": _price_per_session,
    "price_per_person": _price_per_person,
    "price_per_night": _price_per_night,
    "weekly_days": _weekly_days,
    "class_times": _class_times,
    "group_size": _group_size,
    "age_group": _age_group,
    "course_length": _course_length,
    "lessons_per_week": _lessons_per_week,
    "start_dates": _start_dates,
    "level": _level,
    "venue": _venue,
    "meeting_point": _meeting_point,
    "deadline": _deadline,
    "course_deadline": _course_deadline,
    "stay_deadline": _stay_deadline,
    "holiday_closure": _holiday_closure,
    "beds": _beds,
    "breakfast": _breakfast,
    "term_months": _term_months,
    "guests": _guests,
    "instructor": _instructor,
    "included_list": lambda rng: _listed(rng, _INCLUDED, 1, 3),  # 'course materials, coffee and tea and a certificate'
    "included_stay": lambda rng: _listed(rng, _INCLUDED_STAY, 1, 3),  # 'free Wi-Fi, towels and a kettle'
    "included_gym": lambda rng: _listed(rng, _INCLUDED_GYM, 1, 3),  # 'all group classes, the sauna and a towel'
    "bring_list": lambda rng: _listed(rng, _BRING, 1, 3),  # 'comfortable shoes and a water bottle'
}
