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

from .snapshots import features, phrases
from .values.formats import MONTHS
from .world import long_name

FILLER = phrases()["filler"]
SERVICE_FILLER = phrases()["service_filler"]  # edition 3
ODD_CHARACTERS = phrases()["odd_characters"]  # a few land in documents, some outside the reader's vocabulary
TAILS = phrases()["tails"]  # edition 2: words after a value that are not part of it
NOTES = phrases()["notes"]  # edition 2: a page's date, version or reference number
# edition 3: words after a value that belong to one field's sentences ("founded in 2011 by two teachers")
FIELD_TAILS = phrases()["field_tails"]


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
        self.c, self.rng, self.turned_on = company, rng, features(edition)  # the edition's switches
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
        if "marked_titles" not in self.turned_on or self.rng.random() >= p:
            return title
        rng, y = self.rng, self._year()
        version = f"v{rng.randint(1, 5)}.{rng.randint(0, 9)}"
        season, month = rng.choice(("spring", "summer", "autumn", "winter")), rng.choice(MONTHS)
        mark = rng.choice((f"{y}", f"{y}", f"({y})", f"– {y}", f"{y}/{(y + 1) % 100:02d}", f"(edition {y})", version,
                           f"{season} {y}", f"{month} {y}"))
        return f"{title} {mark}" if self._answers_nothing(mark) else title

    def noted(self, page):
        """A line with a date, version or reference number at the top or bottom of a page, sometimes."""
        if "page_notes" not in self.turned_on or self.rng.random() >= 0.3:
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
        ends_with_value = text.endswith(value + ".")
        if "field_tails" in self.turned_on and f.name in FIELD_TAILS and ends_with_value and self.rng.random() < 0.4:
            return text[:-1] + self.rng.choice(FIELD_TAILS[f.name]) + "."
        if "words_after_values" in self.turned_on and ends_with_value and self.rng.random() < 0.3:
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
