"""The writer of a company's pages: what every page shares, the words and the facts it has
stated so far (a fact no page states can be asked about, and the answer is then "the documents
do not say"), and the touches of the later editions.

Edition 2 adds what hand-written pages have and edition 1 lacked: numbers that answer nothing
beside the words of a question (a heading "Prices 2025", "Last updated 3 March 2025"), values
followed by more words in their sentence ("costs 349 EUR in most shops"), and staff named by
their role. Edition 3 adds words after a value that belong to its field ("founded in 2011 by two
teachers") and the fillers of schools and studios. An edition draws nothing from the random
stream when it is off, so the earlier editions' pages stay the same bytes.
"""

from .values import MONTHS
from .world import long_name

FILLER = (
    "Thank you for choosing {company}.",
    "Please read these instructions carefully before first use and keep them for later.",
    "We design every product to last, and we are proud of it.",
    "If anything is unclear, our customer service team is happy to help.",
    "Our products are tested in our own workshop before they leave the factory.",
    "Keep the packaging until you are sure you want to keep the product.",
    "For safety reasons, children should only use it under supervision.",
    "Always unplug the appliance before cleaning it.",
    "This page is updated regularly; the latest version is always online.",
    "Details may change without notice as we improve our range.",
    "Photos are for illustration only.",
    "Find more tips and recipes on our blog.",
    "Join our newsletter to hear about new products first.",
    "Register your product online to get the most out of it.",
    "All prices include VAT unless stated otherwise.",
    "We answer every message, usually within one working day.",
    "Spare parts and accessories are sold separately.",
    "The colour of the product may differ slightly from the picture.",
    "Check the label on the underside of the product for its serial number.",
    "Read the safety notes at the end of this manual.",
    "{company} was built on a simple idea: good things should be easy to use.",
    "Questions about your order? Have your order number ready when you contact us.",
    "Do not leave the device in direct sunlight for long periods.",
    "Store it in a cool, dry place when you are not using it.",
)
SERVICE_FILLER = (
    "Welcome to {company}!",
    "All our teachers are qualified and experienced.",
    "Places are limited, so we recommend booking early.",
    "Prices are per person unless stated otherwise.",
    "We are closed on public holidays.",
    "If you have any questions, just ask at reception.",
    "You can pay by card or bank transfer.",
    "Our team is happy to help you choose.",
    "Timetables may change slightly in the summer months.",
    "{company} is a small, friendly team, and we would love to meet you.",
    "Please arrive ten minutes early on your first day.",
    "Bring a friend and you both get a welcome gift.",
    "All sessions run with a minimum of three people.",
    "Check our website for the latest news.",
)
ODD_CHARACTERS = "✓★→☎✉©®™½¼•"  # a few land in documents, some outside the reader's vocabulary
# edition 2: words after a value that are not part of it
TAILS = (" in most cases", " as standard", " in normal use", " according to our own tests", " at the moment",
         " for the standard version", " when new", " this season", " by default", " in our tests",
         " for most customers", " on average", " from this year", " as of today", " without extras",
         ", like most of our range", ", as customers often point out", ", which we think is fair",
         ", as the table below shows", " - see below", " (see the FAQ)", ", subject to change")
NOTES = ("Last updated: {date}", "Updated {date}.", "Valid from {date}.", "Page {n} of {m}", "Version {a}.{b}",
         "Document no. {code}", "Prices valid for {year}.", "Edition {year}", "Article no. {code}",
         "Issue {n}, {month} {year}", "Revised in {month} {year}.", "(c) {year} {company}", "Ref. {code}/{year}",
         "This page replaces the version of {date}.", "Printed {date}")
# edition 3: words after a value that belong to one field's sentences ("founded in 2011 by two teachers")
FIELD_TAILS = {
    "founded_year": (" by two teachers", " by two friends", " in a small garage", " as a family business",
                     " with just three employees", " in a back room of the old town", " by its current owner",
                     " and has grown ever since", " by a group of students"),
    "founder": (", who still runs it today", " together with a friend", ", a former teacher", " and her sister",
                ", then a student"),
    "headquarters_city": (", where it all began", ", in the old town", ", close to the station"),
    "store_address": (", near the station", ", on the first floor", ", next to the market", ", opposite the park"),
    "email": (" - we reply within a day", " for all questions", ", or use the form below"),
    "phone": (" during opening hours", " on weekdays", ", or write to us"),
    "fee": (" for the whole course", " including all materials", " plus the enrolment fee", " in the low season",
            " if you book online", ", with discounts for longer stays"),
    "times": (" with a short break", " every day", ", Monday to Friday", " with a coffee break at half time"),
    "days": (", all year round", " except public holidays", " during term time", ", weather permitting"),
    "group_size": (" so everyone gets attention", " in every class", ", often fewer"),
    "ages": (" only", ", with a parent for the younger ones", " who can swim"),
    "meeting_point": (", ten minutes before the start", ", look for the yellow umbrella"),
    "deposit": (" per person", ", refunded if we cancel"),
    "balance_due": (" at the latest", ", by card or transfer"),
}


def cap(text):
    return text[:1].upper() + text[1:]


def fill(template, subject, value):
    out = template.replace("{V}", value)
    if "{S}" in out:
        at = out.index("{S}")
        out = out.replace("{S}", subject if at else cap(subject))
    return cap(out)


def full_subject(rng, product):
    options = [f"the {product.name}", f"the {product.name}", product.name, f"the {long_name(product)}",
               f"our {product.name}"]
    return rng.choice(options)


def later_subject(rng, product):
    this = f"this {product.noun}" if product.service else "this model"
    return rng.choice(("it", "it", "it", this, f"the {product.noun}", f"the {product.name}"))


def sentence(rng, f, subject, value):
    """One fact in a sentence: a whole-sentence template, or subject + clause (a company's
    clauses take the company's name as their subject)."""
    if f.clauses and (not f.sentences or rng.random() < 0.5):
        return cap(f"{subject} {rng.choice(f.clauses).replace('{V}', value)}.")
    text = fill(rng.choice(f.sentences), subject, value)
    return text if text[-1] in ".!?" else text + "."


def joined_clauses(rng, subject, clauses):
    if len(clauses) == 1:
        return cap(f"{subject} {clauses[0]}.")
    conj = rng.choice((" and ", ", and "))
    return cap(f"{subject} {', '.join(clauses[:-1])}{conj}{clauses[-1]}.")


class Writer:
    """Writes one company's pages with one random stream; remembers which facts they state."""

    def __init__(self, company, rng, edition=1):
        self.c, self.rng, self.edition = company, rng, edition
        self.stated = set()  # (product name or None, field name)
        self.values = [v for p in company.products + company.accessories for v in p.facts.values()]
        self.values += list(company.facts.values())
        self.fillers = SERVICE_FILLER if any(p.service for p in company.products) else FILLER

    # --- editions 2 and 3: numbers that answer nothing, words after values ------------------

    def _answers_nothing(self, text):
        """A number added to a page must not hold or be part of any value (the chunk would then seem to state it)."""
        return not any(text in v or v in text for v in self.values)

    def _year(self):
        return self.rng.randint(2016, 2027)

    def titled(self, title, p=0.35):
        """A heading with a year, season or version after it, sometimes."""
        if self.edition < 2 or self.rng.random() >= p:
            return title
        rng, y = self.rng, self._year()
        version = f"v{rng.randint(1, 5)}.{rng.randint(0, 9)}"
        season, month = rng.choice(("spring", "summer", "autumn", "winter")), rng.choice(MONTHS)
        mark = rng.choice((f"{y}", f"{y}", f"({y})", f"– {y}", f"{y}/{(y + 1) % 100:02d}", f"(edition {y})", version,
                           f"{season} {y}", f"{month} {y}"))
        return f"{title} {mark}" if self._answers_nothing(mark) else title

    def noted(self, page):
        """A line with a date, version or reference number at the top or bottom of a page, sometimes."""
        if self.edition < 2 or self.rng.random() >= 0.3:
            return page
        rng, y = self.rng, self._year()
        month = rng.choice(MONTHS)
        date = rng.choice((f"{rng.randint(1, 28)} {month} {y}", f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                           f"{month} {rng.randint(1, 28)}, {y}", f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{y}"))
        note = rng.choice(NOTES).format(date=date, n=rng.randint(1, 9), m=rng.randint(9, 40), a=rng.randint(1, 6),
                                        b=rng.randint(0, 12), code=rng.randint(1000, 99999), year=y, month=month,
                                        company=self.c.name)
        if not self._answers_nothing(note):
            return page
        if rng.random() < 0.5:
            return page.rstrip("\n") + f"\n\n{note}\n"
        head, _, rest = page.partition("\n\n")
        return f"{head}\n\n{note}\n\n{rest}" if rest else f"{note}\n\n{page}"

    def said(self, f, subject, value):
        """sentence(), and from edition 2 on sometimes more words after the value."""
        text = sentence(self.rng, f, subject, value)
        if self.edition >= 3 and f.name in FIELD_TAILS and text.endswith(value + ".") and self.rng.random() < 0.4:
            return text[:-1] + self.rng.choice(FIELD_TAILS[f.name]) + "."
        if self.edition >= 2 and text.endswith(value + ".") and self.rng.random() < 0.3:
            text = text[:-1] + self.rng.choice(TAILS) + "."
        return text

    def note(self, product, name):
        self.stated.add((product.name if product else None, name))

    def filler(self, n):
        out = []
        for _ in range(n):
            text = self.rng.choice(self.fillers).replace("{company}", self.c.name)
            if self.rng.random() < 0.05:
                text += " " + self.rng.choice(ODD_CHARACTERS)
            out.append(text)
        return out

    def wrap(self, paragraph):
        """Hard-wrapped lines sometimes, as Markdown sources often are."""
        if self.rng.random() < 0.7:
            return paragraph
        words, lines, line = paragraph.split(" "), [], ""
        width = self.rng.randint(60, 100)
        for w in words:
            if line and len(line) + 1 + len(w) > width:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        lines.append(line)
        return "\n".join(lines)
