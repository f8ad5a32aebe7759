"""Edition 3 of the generator: services. Schools, studios, tour operators, workshops and hotels
write about courses, classes, tours and rooms, not products: times of day and weekdays, group
sizes and ages, prices bounded by their unit ("€240 per week", "€30 each way"), meeting points
and what to bring. Their pages name the service by a descriptor and a noun ("the Intensive
course", "the Sunset tour").

The fields follow lexicon.py's conventions (keys, clauses, sentences, questions), the subject of a
service's clauses being the service. The value kinds register with values.KINDS on import.
"""

from .lexicon import Field, _keys, _lines
from .values import MONTHS, WEEKDAYS, _clock, _count_word, _money, _w, kind, person_name

# ---------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------

_PLURAL_DAYS = tuple(d + "s" for d in WEEKDAYS)


def _per(rng, lo, hi, units):
    return _money(rng, lo, hi) + _w(rng, units)


@kind("price_per_week")
def _price_per_week(rng):
    """'€240 per week', '£185 a week', '$310/week', 'CHF 420 weekly'."""
    return _per(rng, 90, 900, ((" per week", 50), (" a week", 25), ("/week", 12), (" weekly", 5), (" per wk", 3),
                              (" for each week", 5)))


@kind("price_per_session")
def _price_per_session(rng):
    """'€38 per lesson', '£12 a class', '$25 per session', '€15 each'."""
    return _per(rng, 8, 80, ((" per lesson", 20), (" per class", 25), (" a class", 10), (" per session", 20),
                            (" a session", 8), ("/class", 7), (" each", 5), (" per hour", 5)))


@kind("price_per_person")
def _price_per_person(rng):
    """'€45 per person', '£30 pp', '$60 per adult', '€25 each way'."""
    return _per(rng, 10, 150, ((" per person", 45), (" a person", 12), (" pp", 6), (" per adult", 10),
                              (" per participant", 10), (" each", 7), (" each way", 5), (" per head", 5)))


@kind("price_per_night")
def _price_per_night(rng):
    """'€120 per night', '£95 a night', '$180/night', 'CHF 210 per room per night'."""
    return _per(rng, 45, 450, ((" per night", 55), (" a night", 20), ("/night", 12), (" per room per night", 8),
                              (" nightly", 5)))


@kind("weekly_days")
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


@kind("class_times")
def _class_times(rng):
    """'9:30 to 13:30', '15:00–17:00', '6 pm to 7.30 pm', 'at 10:00', 'from 18:30'."""
    h = rng.choice((7, 8, 9, 9, 10, 10, 11, 14, 15, 16, 17, 18, 18, 19, 20))
    m = rng.choice((0, 0, 0, 15, 30, 30, 45))
    style = _w(rng, (("24", 50), ("ampm", 25), ("ampm_tight", 12), ("24dot", 8), ("ampm_caps", 5)))
    start = _clock(rng, h, m, style)
    if rng.random() < 0.2:
        return rng.choice((f"at {start}", start, f"from {start}", f"{start} sharp"))
    length = rng.choice((45, 60, 60, 75, 90, 90, 120, 120, 150, 180, 240))
    eh, em = divmod(h * 60 + m + length, 60)
    end = _clock(rng, min(eh, 23), em, style)
    return _w(rng, ((f"{start} to {end}", 40), (f"{start}–{end}", 30), (f"{start}-{end}", 15),
                    (f"from {start} to {end}", 10), (f"{start} until {end}", 5)))


@kind("group_size")
def _group_size(rng):
    """'no more than eight people', 'up to 12 students', 'a maximum of 6', 'between 4 and 10 people'."""
    n = rng.choice((4, 5, 6, 6, 8, 8, 10, 10, 12, 12, 14, 15, 16, 20, 25))
    who = rng.choice(("people", "people", "students", "participants", "guests", "learners", "children"))
    num = _count_word(rng, n, 0.4)
    return _w(rng, ((f"no more than {num} {who}", 15), (f"up to {num} {who}", 20), (f"a maximum of {num}", 10),
                    (f"a maximum of {num} {who}", 10), (f"{num} {who} at most", 8), (f"max. {n}", 5),
                    (f"between {_count_word(rng, max(2, n // 3), 0.4)} and {num} {who}", 10), (f"{num} {who}", 12),
                    (f"small groups of {num}", 10)))


@kind("age_group")
def _age_group(rng):
    """'13 to 16', '17 and over', 'ages 8-12', '18+', 'children aged 5 to 11'."""
    lo = rng.choice((3, 4, 5, 6, 7, 8, 10, 12, 13, 14, 16, 16, 17, 18, 18))
    if lo >= 16 and rng.random() < 0.6:
        return rng.choice((f"{lo} and over", f"{lo}+", f"{lo} and older", f"anyone aged {lo} or over",
                           f"adults ({lo}+)", f"over-{lo}s"))
    hi = lo + rng.choice((2, 3, 3, 4, 5))
    who = "teenagers" if lo >= 12 else "children"
    return _w(rng, ((f"{lo} to {hi}", 25), (f"ages {lo}-{hi}", 15), (f"{lo}–{hi} years", 15),
                    (f"{who} aged {lo} to {hi}", 15), (f"{lo}-{hi} year olds", 10), (f"{who} aged {lo}–{hi}", 8),
                    (f"{who} from {lo} to {hi}", 12)))


@kind("course_length")
def _course_length(rng):
    """'12 weeks', 'two weeks', 'one to 24 weeks', 'a full term', '10 sessions'."""
    r = rng.random()
    if r < 0.5:
        w = rng.choice((1, 2, 2, 3, 4, 4, 6, 8, 10, 12, 24))
        return f"{_count_word(rng, w, 0.4)} {'week' if w == 1 else 'weeks'}"
    if r < 0.7:
        a, b = rng.choice(((1, 12), (2, 24), (1, 52), (4, 12), (2, 8)))
        return rng.choice((f"{_count_word(rng, a, 0.5)} to {b} weeks", f"{a}-{b} weeks", f"between {a} and {b} weeks"))
    if r < 0.85:
        n = rng.choice((4, 6, 8, 10, 12))
        return f"{_count_word(rng, n, 0.3)} {rng.choice(('sessions', 'lessons', 'evenings', 'Saturdays'))}"
    return rng.choice(("a full term", "one semester", "a whole day", "one weekend", "three months", "a full year"))


@kind("lessons_per_week")
def _lessons_per_week(rng):
    """'20 lessons a week', '25 hours per week', '15 classes weekly'."""
    n = rng.choice((4, 6, 10, 15, 20, 20, 25, 30))
    unit = rng.choice(("lessons", "lessons", "hours", "classes"))
    return f"{n} {unit}{_w(rng, ((' a week', 40), (' per week', 40), (' weekly', 10), ('/week', 10)))}"


@kind("start_dates")
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


@kind("level")
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


@kind("venue")
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


@kind("meeting_point")
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


def _list_kind(name, pool):
    """A kind whose values list one to three things of the pool: 'a towel', 'a towel and a hat'."""
    kind(name)(lambda rng: _listed(rng, pool, 1, 3))


_list_kind("included_list", _INCLUDED)  # 'course materials, coffee and tea and a certificate'
_list_kind("included_stay", _INCLUDED_STAY)  # 'free Wi-Fi, towels and a kettle'
_list_kind("included_gym", _INCLUDED_GYM)  # 'all group classes, the sauna and a towel'
_list_kind("bring_list", _BRING)  # 'comfortable shoes and a water bottle'


@kind("deadline")
def _deadline(rng):
    """'48 hours before the start', 'by Thursday', '14 days before your course starts'."""
    r = rng.random()
    if r < 0.4:
        n, unit = rng.choice(((24, "hours"), (48, "hours"), (72, "hours"), (2, "days"), (3, "days"), (7, "days"),
                              (14, "days"), (30, "days"), (2, "weeks"), (4, "weeks"), (6, "weeks")))
        event = rng.choice(("the start", "the start date", "your first day", "the date", "you start", "the day"))
        return f"{_count_word(rng, n, 0.3)} {unit} before {event}"
    if r < 0.65:
        day = rng.choice(WEEKDAYS[:5])
        return rng.choice((f"by {day}", f"by {day} noon", f"before {day}", f"by {day} at the latest",
                           f"by 12:00 on {day}"))
    return rng.choice(("the day before", "at least a week in advance", "by noon the day before", "a day ahead",
                       "the evening before", "at least 24 hours ahead", "one month in advance", "on arrival"))


@kind("course_deadline")
def _course_deadline(rng):
    """'14 days before your course starts', 'by Thursday', 'four weeks before the first lesson'."""
    if rng.random() < 0.5:
        n, unit = rng.choice(((2, "days"), (7, "days"), (14, "days"), (30, "days"), (2, "weeks"), (4, "weeks")))
        event = rng.choice(("your course starts", "the first lesson", "your course begins", "the start of the course"))
        return f"{_count_word(rng, n, 0.3)} {unit} before {event}"
    return _deadline(rng)


@kind("stay_deadline")
def _stay_deadline(rng):
    """'48 hours before arrival', 'by 6 pm on the day of arrival', 'seven days before you arrive'."""
    if rng.random() < 0.7:
        n, unit = rng.choice(((24, "hours"), (48, "hours"), (72, "hours"), (3, "days"), (7, "days"), (14, "days")))
        return f"{_count_word(rng, n, 0.3)} {unit} before {rng.choice(('arrival', 'you arrive', 'check-in'))}"
    return rng.choice(("by 6 pm on the day of arrival", "the day before arrival", "by noon the day before"))


@kind("holiday_closure")
def _holiday_closure(rng):
    """'from 22 December to 4 January', '24 December – 2 January', 'during August'."""
    if rng.random() < 0.25:
        return rng.choice(("during August", "the whole of August", "on public holidays", "for two weeks in August",
                           "over Easter"))
    a, b = rng.randint(18, 24), rng.randint(1, 8)
    return rng.choice((f"from {a} December to {b} January", f"{a} December – {b} January", f"{a} Dec to {b} Jan",
                       f"from December {a} to January {b}", f"{a}.12. to {b}.1."))


@kind("beds")
def _beds(rng):
    """'one double bed', 'two single beds', 'a king-size bed and a sofa bed'."""
    first = rng.choice(("one double bed", "a double bed", "two single beds", "a king-size bed", "a queen-size bed",
                        "twin beds", "one single bed", "a bunk bed", "two double beds"))
    return first if rng.random() < 0.7 else f"{first} and {rng.choice(('a sofa bed', 'a cot', 'an extra bed'))}"


@kind("breakfast")
def _breakfast(rng):
    """'€14 per person', '£9.50 a person', '$18 per day'."""
    return _per(rng, 6, 30, ((" per person", 60), (" a person", 20), (" per day", 10), (" per guest", 10)))


@kind("term_months")
def _term_months(rng):
    """'12 months', 'three months', 'one month', 'no minimum term'."""
    if rng.random() < 0.15:
        return rng.choice(("no minimum term", "none", "a single month"))
    m = rng.choice((1, 3, 3, 6, 6, 12, 12, 24))
    return f"{_count_word(rng, m, 0.4)} {'month' if m == 1 else 'months'}"


@kind("guests")
def _guests(rng):
    """'two adults', 'up to four guests', 'two adults and one child', '3 people'."""
    n = rng.choice((1, 2, 2, 2, 3, 4, 4, 5, 6))
    who = rng.choice(("guests", "people", "adults", "persons"))
    if n == 1:
        return rng.choice(("one person", "one guest", "a single guest", "one adult"))
    return rng.choice((f"{_count_word(rng, n, 0.5)} {who}", f"up to {_count_word(rng, n, 0.5)} {who}",
                       f"two adults and {_count_word(rng, n - 1, 0.8)} {'child' if n == 2 else 'children'}",
                       f"a maximum of {n} {who}"))


@kind("instructor")
def _instructor(rng):
    """A teacher or guide: 'Lucía Navarro', 'our guide Tom Berg'."""
    return person_name(rng)


# ---------------------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------------------

SERVICE_FIELDS: list = []
SCHOOL_FIELDS: list = []


def _service(name, kind_, keys, clauses, sentences, questions):
    SERVICE_FIELDS.append(Field(name, kind_, _keys(keys), _lines(clauses), _lines(sentences), _lines(questions),
                                "product"))


def _school(name, kind_, keys, clauses, sentences, questions):
    SCHOOL_FIELDS.append(Field(name, kind_, _keys(keys), _lines(clauses), _lines(sentences), _lines(questions),
                               "company"))


_service("fee", "price_per_session",
    "Price | Fee | Cost | Rate | Price per person | Course fee | Tariff",
    """
    costs {V}
    is priced at {V}
    is {V}
    comes to {V}
    is available for {V}
    is charged at {V}
    """,
    """
    {S} costs {V}.
    The price for {S} is {V}.
    You pay {V} for {S}.
    Book {S} for {V}.
    {S}: {V}, payable when you book.
    Prices for {S} start at {V}.
    The fee for {S} is {V}.
    """,
    """
    How much does {s} cost?
    How much is {s}?
    What's the price of {s}?
    price of {s}
    what does {s} cost
    How much do I pay for {s}?
    {s} fee?
    What is the fee for {s}?
    how expensive is {s}
    cost of {s}?
    """)

_service("times", "class_times",
    "Time | Times | Class times | Schedule | Hours | Starts | Timetable",
    """
    runs {V}
    takes place {V}
    is held {V}
    meets {V}
    is scheduled {V}
    """,
    """
    {S} runs {V}.
    Classes for {S} are {V}.
    {S} meets {V}, so you have the rest of the day free.
    The times for {S} are {V}.
    Lessons in {S}: {V}.
    {S} is held {V}.
    """,
    """
    What time is {s}?
    What are the times of {s}?
    From what time to what time is {s}?
    what time does {s} begin
    {s} times?
    At what time is {s}?
    When are the classes of {s}?
    what hours is {s}
    timetable for {s}?
    """)

_service("days", "weekly_days",
    "Days | Day | When | Runs on | Weekdays | Held on",
    """
    runs {V}
    takes place {V}
    is on {V}
    is offered {V}
    happens {V}
    """,
    """
    {S} runs {V}.
    You can join {S} {V}.
    {S} takes place {V}, all year round.
    We hold {S} {V}.
    {S} is on {V}.
    """,
    """
    On which days is {s}?
    Which days does {s} run?
    what days is {s} on
    When is {s} held?
    what day is {s}
    On what days can I do {s}?
    {s} days?
    how often is {s}
    """)

_service("group_size", "group_size",
    "Group size | Group | Class size | Max. group | Places | Participants",
    """
    has {V}
    is limited to {V}
    takes {V}
    is kept to {V}
    welcomes {V}
    """,
    """
    Groups in {S} are {V}.
    {S} takes {V}.
    We keep {S} small: {V}.
    {S} is limited to {V}.
    Each group in {S} has {V}.
    """,
    """
    How big are the groups in {s}?
    How many people are in {s}?
    what is the group size for {s}
    How many students in {s}?
    max group size {s}?
    How large is {s}?
    how many participants does {s} take
    class size of {s}?
    """)

_service("ages", "age_group",
    "Age | Ages | Age group | Suitable for | Minimum age | For ages | Who",
    """
    is for {V}
    is open to {V}
    suits {V}
    is designed for {V}
    welcomes {V}
    """,
    """
    {S} is for {V}.
    {S} is open to {V}.
    We designed {S} for {V}.
    Who can join {S}? {V}.
    {S} welcomes {V}.
    """,
    """
    What ages is {s} for?
    How old do you have to be for {s}?
    Which ages can join {s}
    age group of {s}?
    who is {s} for
    what is the minimum age for {s}
    Is there an age limit for {s}?
    {s} ages?
    """)

_service("duration", "duration_hours",
    "Duration | Length | How long | Class length | Lasts | Time needed",
    """
    lasts {V}
    takes {V}
    runs for {V}
    is {V} long
    """,
    """
    {S} lasts {V}.
    Plan {V} for {S}.
    {S} takes {V} from start to finish.
    Each session of {S} is {V} long.
    {S} runs for {V}.
    """,
    """
    How long is {s}?
    How long does {s} last?
    how long does {s} take
    duration of {s}?
    How many hours is {s}?
    what is the length of {s}
    {s} duration
    how long will {s} take
    """)

_service("course_length", "course_length",
    "Course length | Length | Weeks | Duration of course | Programme length | Term",
    """
    lasts {V}
    runs for {V}
    is booked for {V}
    goes on for {V}
    """,
    """
    {S} lasts {V}.
    You can book {S} for {V}.
    {S} runs for {V}.
    A course of {S} is {V}.
    Most students take {S} for {V}.
    """,
    """
    How many weeks is {s}?
    How long is the course {s}?
    For how many weeks can I book {s}?
    course length of {s}?
    how long can I take {s} for
    How long does the programme {s} run?
    weeks of {s}
    What length is {s}?
    """)

_service("lessons", "lessons_per_week",
    "Lessons | Lessons per week | Hours per week | Classes a week | Intensity | Weekly hours",
    """
    has {V}
    gives you {V}
    includes {V}
    offers {V}
    """,
    """
    {S} has {V}.
    With {S} you get {V}.
    {S}: {V}.
    There are {V} in {S}.
    {S} gives you {V}.
    """,
    """
    How many lessons a week is {s}?
    How many hours per week does {s} have?
    lessons per week {s}?
    how many classes in {s} each week
    How intensive is {s}?
    how many hours a week is {s}
    {s} hours?
    weekly lessons in {s}?
    """)

_service("start_dates", "start_dates",
    "Start dates | Starts | Start | Next start | Begins | Dates",
    """
    starts {V}
    begins {V}
    starts on {V}
    opens {V}
    """,
    """
    {S} starts {V}.
    New groups of {S} begin {V}.
    You can start {S} {V}.
    Start dates for {S}: {V}.
    {S} begins on {V}.
    """,
    """
    When does {s} start?
    When can I start {s}?
    What are the start dates of {s}?
    start date {s}?
    when is the next {s}
    When do new groups of {s} begin?
    can I start {s} any week
    first day of {s}?
    """)

_service("level", "level",
    "Level | Levels | Required level | For | Suitable level | Entry level",
    """
    is for {V}
    suits {V}
    is open to {V}
    covers {V}
    """,
    """
    {S} is for {V}.
    {S} suits {V}.
    Levels in {S}: {V}.
    We teach {S} at {V}.
    {S} covers {V}.
    """,
    """
    What level is {s}?
    Which levels does {s} cover?
    Is {s} for beginners?
    what level do I need for {s}
    {s} level?
    levels of {s}?
    for which level is {s}
    Do I need experience for {s}?
    """)

_service("teacher", "instructor",
    "Teacher | Instructor | Guide | Led by | Your teacher | Tutor | Host",
    """
    is taught by {V}
    is led by {V}
    is run by {V}
    is hosted by {V}
    """,
    """
    {S} is taught by {V}.
    Your guide on {S} is {V}.
    {V} leads {S}.
    {S} is run by {V}, who has taught it for years.
    {V} teaches {S}.
    """,
    """
    Who teaches {s}?
    Who leads {s}?
    who is the teacher of {s}
    Who runs {s}?
    Who is the guide on {s}?
    name of the instructor for {s}
    who hosts {s}
    {s} teacher?
    """)

_service("venue", "venue",
    "Room | Where | Location | Venue | Place | Studio",
    """
    takes place in {V}
    is held in {V}
    meets in {V}
    is in {V}
    """,
    """
    {S} takes place in {V}.
    You will find {S} in {V}.
    {S} is held in {V}.
    We teach {S} in {V}.
    {S} meets in {V}.
    """,
    """
    Where is {s}?
    In which room is {s}?
    Where does {s} take place?
    where is {s} held
    location of {s}?
    which studio is {s} in
    where do I go for {s}
    {s} room?
    """)

_service("meeting_point", "meeting_point",
    "Meeting point | Meet | Start point | Where to meet | Departure | Starts at",
    """
    starts {V}
    departs from {V}
    meets {V}
    leaves from {V}
    """,
    """
    {S} starts {V}.
    We meet for {S} {V}.
    The meeting point for {S} is {V}.
    {S} departs from {V}.
    Your guide waits for {S} {V}.
    """,
    """
    Where does {s} start?
    Where do we meet for {s}?
    meeting point of {s}?
    where does {s} leave from
    Where is the start of {s}?
    where to meet for {s}
    {s} meeting point
    From where does {s} depart?
    """)

_service("includes", "included_list",
    "Included | Includes | What's included | Price includes | You get | Inclusive of",
    """
    includes {V}
    comes with {V}
    covers {V}
    gives you {V}
    """,
    """
    {S} includes {V}.
    The price of {S} covers {V}.
    With {S} you get {V}.
    {S} comes with {V}.
    Included in {S}: {V}.
    """,
    """
    What is included in {s}?
    What does {s} include?
    What do I get with {s}?
    whats included with {s}
    What does the price of {s} cover?
    is anything included in {s}
    {s} includes?
    what comes with {s}
    """)

_service("bring", "bring_list",
    "What to bring | Bring | Please bring | You need | Take along | Don't forget",
    """
    needs {V}
    calls for {V}
    asks you to bring {V}
    requires {V}
    """,
    """
    For {S}, bring {V}.
    Please bring {V} to {S}.
    You will need {V} for {S}.
    Don't forget {V} for {S}.
    What to bring to {S}: {V}.
    """,
    """
    What should I bring to {s}?
    What do I need for {s}?
    what to bring for {s}
    Do I need to bring anything to {s}?
    what do I take to {s}
    {s} what to bring?
    What should I take along to {s}?
    what gear do I need for {s}
    """)

_service("booking_deadline", "deadline",
    "Book by | Booking deadline | Booking | Reserve by | Sign up by | Latest booking",
    """
    must be booked {V}
    needs booking {V}
    closes for bookings {V}
    can be booked until {V}
    """,
    """
    Please book {S} {V}.
    Bookings for {S} close {V}.
    Reserve your place on {S} {V}.
    {S} must be booked {V}.
    Sign up for {S} {V}.
    """,
    """
    When do I have to book {s}?
    How far in advance should I book {s}?
    booking deadline for {s}?
    until when can I book {s}
    When must I reserve {s}?
    by when do I sign up for {s}
    last day to book {s}?
    How early do I need to book {s}?
    """)

_service("tour_languages", "language_list",
    "Languages | Language | Offered in | Tour language | Spoken | Guided in",
    """
    runs in {V}
    is offered in {V}
    is guided in {V}
    is taught in {V}
    """,
    """
    {S} runs in {V}.
    We offer {S} in {V}.
    {S} is available in {V}.
    Your guide speaks {V} on {S}.
    Languages for {S}: {V}.
    """,
    """
    In which languages is {s}?
    What language is {s} in?
    which languages does {s} run in
    Is {s} offered in other languages?
    languages of {s}?
    what language does the guide speak on {s}
    {s} language?
    In what language is {s} given?
    """)

_service("check_in", "time_of_day",
    "Check-in | Check in | Check-in from | Arrival | Check-in time | Arrive from",
    """
    has check-in from {V}
    is ready from {V}
    can be checked into from {V}
    is available from {V}
    """,
    """
    Check-in for {S} is from {V}.
    {S} is ready from {V} on your day of arrival.
    You can check into {S} from {V}.
    {S}: check-in from {V}.
    Arrival at {S} from {V}.
    """,
    """
    What time is check-in for {s}?
    When can I check in to {s}?
    check in time {s}?
    from when is {s} ready
    when can we arrive at {s}
    What time can I get into {s}?
    earliest check-in {s}?
    {s} check-in?
    """)

_service("check_out", "time_of_day",
    "Check-out | Check out | Check-out by | Departure | Leave by | Check-out time",
    """
    must be left by {V}
    has check-out by {V}
    needs to be free by {V}
    is to be vacated by {V}
    """,
    """
    Check-out from {S} is by {V}.
    Please leave {S} by {V}.
    {S}: check-out by {V}.
    Guests of {S} check out by {V}.
    {S} must be free by {V} on your last day.
    """,
    """
    What time is check-out for {s}?
    When do I have to leave {s}?
    check out time {s}?
    by when must we leave {s}
    latest check-out {s}?
    When is check-out in {s}?
    how late can I stay in {s} on the last day
    {s} check-out?
    """)

_service("beds", "beds",
    "Beds | Bed | Bedding | Sleeping | Bed type | Sleeps in",
    """
    has {V}
    comes with {V}
    is furnished with {V}
    offers {V}
    """,
    """
    {S} has {V}.
    In {S} you sleep in {V}.
    {S} comes with {V}.
    Beds in {S}: {V}.
    {S} is furnished with {V}.
    """,
    """
    What beds does {s} have?
    What kind of bed is in {s}?
    beds in {s}?
    how many beds in {s}
    Is {s} a double?
    what bed does {s} come with
    {s} bed type
    What are the beds like in {s}?
    """)

_service("guests", "guests",
    "Guests | Max. guests | Occupancy | Sleeps | Capacity | Persons",
    """
    sleeps {V}
    takes {V}
    is for {V}
    fits {V}
    """,
    """
    {S} sleeps {V}.
    {S} is for {V}.
    {S} fits {V}.
    Maximum occupancy of {S}: {V}.
    Up to the limit, {S} takes {V}.
    """,
    """
    How many people can stay in {s}?
    How many guests does {s} sleep?
    max occupancy {s}?
    how many can sleep in {s}
    Who fits in {s}?
    how many persons in {s}
    {s} capacity?
    For how many people is {s}?
    """)

_service("breakfast", "breakfast",
    "Breakfast | Breakfast served | Breakfast price | Morning meal | Breakfast buffet | Breakfast (per person)",
    """
    offers breakfast for {V}
    adds breakfast at {V}
    has breakfast for {V}
    charges {V} for breakfast
    """,
    """
    Breakfast with {S}: {V}.
    For {S}, breakfast costs {V}.
    Breakfast for guests of {S} is {V}.
    Add breakfast to {S} for {V}.
    With {S}, breakfast is {V}.
    """,
    """
    Is breakfast included with {s}?
    What about breakfast in {s}?
    breakfast {s}?
    How much is breakfast with {s}?
    does {s} include breakfast
    What does breakfast cost with {s}?
    breakfast price for {s}
    Do I get breakfast with {s}?
    """)

_service("membership_term", "term_months",
    "Minimum term | Contract | Term | Commitment | Minimum contract | Contract length",
    """
    has a minimum term of {V}
    runs for at least {V}
    needs a commitment of {V}
    binds you for {V}
    """,
    """
    {S} has a minimum term of {V}.
    The contract for {S} runs for {V}.
    Minimum term of {S}: {V}.
    You sign up to {S} for {V}.
    {S} commits you for {V}.
    """,
    """
    What is the minimum term of {s}?
    How long is the contract for {s}?
    minimum contract {s}?
    How long am I tied to {s}?
    is there a commitment with {s}
    for how long do I sign {s}
    {s} contract length?
    How long must I keep {s}?
    """)

_service("access_hours", "opening_hours",
    "Access | Opening hours | Hours | Access times | Open | Gym hours",
    """
    gives access {V}
    lets you train {V}
    is valid {V}
    opens the doors {V}
    """,
    """
    {S} gives you access {V}.
    With {S} you can train {V}.
    Access with {S}: {V}.
    {S} is valid {V}.
    Members with {S} come in {V}.
    """,
    """
    When can I train with {s}?
    What are the access hours of {s}?
    When can I use the gym with {s}?
    opening hours with {s}?
    what times does {s} cover
    {s} hours?
    When is {s} valid?
    at what times can I come with {s}
    """)

SERVICE_FIELDS = tuple(SERVICE_FIELDS)

_school("enrolment_fee", "price_small",
    "Enrolment fee | Registration fee | Enrolment | Admin fee | Booking fee",
    """
    charges an enrolment fee of {V}
    asks a registration fee of {V}
    adds a booking fee of {V}
    charges {V} to enrol
    """,
    """
    The enrolment fee is {V}.
    A one-off registration fee of {V} applies.
    We charge an enrolment fee of {V}, once.
    Enrolment: {V}, paid once per student.
    There is a booking fee of {V} for new students.
    Every new student pays {V} to register.
    """,
    """
    How much is the enrolment fee?
    Is there a registration fee?
    what does it cost to enrol
    enrolment fee?
    How much is the booking fee?
    admin fee?
    What do I pay to register?
    is there a one-off fee
    """)

_school("holiday_closure", "holiday_closure",
    "Closed | Holidays | Closing dates | Christmas closure | Holiday closure",
    """
    is closed {V}
    closes {V}
    takes a break {V}
    shuts its doors {V}
    """,
    """
    We are closed {V}.
    The school is closed {V}.
    No classes take place {V}.
    Please note: closed {V}.
    Our office closes {V}.
    Holiday closure: {V}.
    """,
    """
    When are you closed over Christmas?
    When is the school closed?
    holiday closing dates?
    Are you closed at Christmas?
    when do you close for the holidays
    What are the closing dates?
    When are there no classes?
    closed over the holidays?
    """)

_school("our_address", "address",
    "Address | Where to find us | Location | Find us | Our address | Visit us",
    """
    is located at {V}
    is based at {V}
    welcomes you at {V}
    sits at {V}
    """,
    """
    You will find us at {V}.
    Our address is {V}.
    We are at {V}, in the heart of town.
    Come and see us at {V}.
    Address: {V}.
    The school is at {V}.
    """,
    """
    What's your street address?
    Where are you located?
    Where can I find you?
    your address?
    Where is the school?
    What is the address of the hotel?
    where exactly are you
    How do I find you?
    """)

_school("deposit", "price_mid",
    "Deposit | Booking deposit | Down payment | Advance | Deposit on booking",
    """
    asks for a deposit of {V}
    takes a deposit of {V}
    needs {V} as a deposit
    charges a deposit of {V}
    """,
    """
    A deposit of {V} secures your place.
    When you book, you pay a deposit of {V}.
    We ask for {V} as a deposit.
    Deposit: {V}, the rest later.
    Your booking is confirmed once we have your deposit of {V}.
    The deposit is {V}.
    """,
    """
    How big is the deposit?
    How much is the deposit?
    what do I pay when I book
    deposit?
    How much do I pay up front?
    is there a deposit
    How much to reserve a place?
    what is the booking deposit
    """)

_school("balance_due", "deadline",
    "Balance due | Payment due | Pay the rest | Full payment | Final payment",
    """
    wants the balance {V}
    collects the rest {V}
    needs full payment {V}
    asks for the balance {V}
    """,
    """
    The rest is due {V}.
    Please pay the balance {V}.
    Full payment is due {V}.
    The remaining fees are paid {V}.
    Pay the outstanding amount {V}.
    The balance must reach us {V}.
    """,
    """
    When do I have to pay the rest?
    When is the balance due?
    when must I pay in full
    When do I pay the rest of the fees?
    final payment due?
    by when do I pay everything
    When is full payment due?
    balance due?
    """)

SCHOOL_FIELDS = tuple(SCHOOL_FIELDS)


# ---------------------------------------------------------------------------------------
# Categories: a domain, what people call the service, the descriptors its names are made of,
# its fields, and kind overrides.
# ---------------------------------------------------------------------------------------

def _cat(domain, nouns, descriptors, fields, kinds=None):
    return {"domain": domain, "nouns": _keys(nouns), "descriptors": _keys(descriptors),
            "fields": tuple(fields.split()), "kinds": dict(kinds or {})}


SERVICE_CATEGORIES = {
    "language_course": _cat("school", "course | group course | language course | programme",
        "Standard | Intensive | Super-Intensive | Evening | Weekend | Private | Semi-private | Online | Business | "
        "Exam preparation | Summer | Junior | Beginners | Conversation | Long-term | Crash | Combined | DELE",
        "fee times days group_size ages course_length lessons start_dates level teacher venue includes "
        "booking_deadline", {"fee": "price_per_week", "booking_deadline": "course_deadline"}),
    "summer_camp": _cat("school", "camp | summer camp | holiday camp | day camp",
        "Junior | Teen | Adventure | Football | Science | Art | Sailing | Riding | Coding | Music | Nature | Drama",
        "fee ages group_size times course_length start_dates meeting_point includes bring booking_deadline "
        "teacher", {"fee": "price_per_week", "booking_deadline": "course_deadline"}),
    "fitness_class": _cat("gym", "class | session | workout",
        "Yoga | Pilates | Spin | HIIT | Boxing | Barre | Aqua | Zumba | Stretch | Core | Kettlebell | Circuit | "
        "Morning Yoga | Power Yoga | Senior | Mums and babies",
        "fee times days duration group_size level teacher venue bring booking_deadline ages"),
    "membership": _cat("gym", "membership | plan | pass",
        "Basic | Plus | Premium | Student | Family | Off-peak | Flex | Annual | Ten-visit | Day | Corporate",
        "fee membership_term access_hours includes ages start_dates booking_deadline",
        {"fee": "money_per_period", "start_dates": "date", "includes": "included_gym"}),
    "guided_tour": _cat("tours", "tour | walking tour | walk | excursion | trip",
        "Old Town | Harbour | Sunset | Food | Castle | Night | Wine | Street Art | Bike | Kayak | Ghost | "
        "Market | River | Cathedral | Rooftop | Tapas",
        "fee duration meeting_point times days group_size ages tour_languages includes bring booking_deadline "
        "teacher", {"fee": "price_per_person"}),
    "workshop": _cat("crafts", "workshop | class | course",
        "Pottery | Watercolour | Bread | Sushi | Candle-making | Woodwork | Photography | Jewellery | "
        "Calligraphy | Knitting | Cocktail | Pasta | Cheese | Perfume",
        "fee duration times days group_size ages level teacher venue includes bring booking_deadline",
        {"fee": "price_per_person"}),
    "hotel_room": _cat("stay", "room | hotel room | bedroom",
        "Single | Double | Twin | Family | Superior | Deluxe | Garden | Sea View | Attic | Junior Suite | "
        "Courtyard | Economy",
        "fee beds guests check_in check_out breakfast includes booking_deadline",
        {"fee": "price_per_night", "includes": "included_stay", "booking_deadline": "stay_deadline"}),
}
SERVICE_DOMAINS = tuple(sorted({c["domain"] for c in SERVICE_CATEGORIES.values()}))
SERVICE_FIELD_SPECS = {f.name: f for f in SERVICE_FIELDS}


def check_services() -> list:
    """Problems with the services' fields and categories; empty when everything is fine."""
    from . import lexicon, values

    problems = lexicon.check_fields(SERVICE_FIELDS + SCHOOL_FIELDS)
    taken = {f.name for f in lexicon.ALL_FIELDS}
    names = [f.name for f in SERVICE_FIELDS + SCHOOL_FIELDS]
    problems += [f"field {n} is named twice" for n in sorted({n for n in names if names.count(n) > 1 or n in taken})]
    for name, cat in SERVICE_CATEGORIES.items():
        for fn in cat["fields"]:
            if fn not in SERVICE_FIELD_SPECS:
                problems.append(f"category {name}: unknown service field {fn!r}")
        for fn, kind_ in cat["kinds"].items():
            if fn not in cat["fields"] or kind_ not in values.KINDS:
                problems.append(f"category {name}: bad kind override {fn!r} -> {kind_!r}")
        if len(cat["descriptors"]) < 8 or not cat["nouns"]:
            problems.append(f"category {name}: too few descriptors or no nouns")
    used = {fn for cat in SERVICE_CATEGORIES.values() for fn in cat["fields"]}
    problems += [f"service field {fn} is used by no category" for fn in sorted(set(SERVICE_FIELD_SPECS) - used)]
    company = tuple(f.name for f in lexicon.COMPANY_FIELDS + lexicon.STAFF_FIELDS + SCHOOL_FIELDS)
    specs = {**lexicon.FIELDS, **SERVICE_FIELD_SPECS, **{f.name: f for f in SCHOOL_FIELDS}}
    groups = [(name, cat["fields"]) for name, cat in SERVICE_CATEGORIES.items()] + [("company", company)]
    return problems + lexicon.check_shared_questions(groups, specs)
