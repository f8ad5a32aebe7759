"""A company's documentation as Markdown files, written in the styles support teams use: product
pages in prose, spec sheets as bullet lists or `Field: value` lines, comparison tables, sister
products compared in one sentence, FAQ pages in several layouts, policy and contact pages.

render_kb returns the files and the set of facts that some file states: a fact no file states
can be asked about, and the answer is then "the documents do not say".

Edition 2 adds what hand-written pages have and edition 1 lacked: numbers that answer nothing
beside the words of a question (a heading "Prices 2025", "Last updated 3 March 2025"), values
followed by more words in their sentence ("costs 349 EUR in most shops"), and staff named by
their role. Edition 1's pages stay the same bytes (no extra random draws).
"""

from .values import MONTHS
from .world import field_spec, long_name

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
FAQ_TITLES = ("Frequently asked questions", "FAQ", "Help centre", "Questions and answers", "Customer FAQ",
              "Good to know", "Support", "Common questions", "Orders and delivery", "Your questions answered")
POLICY_TITLES = ("Delivery and returns", "Shipping", "Returns and refunds", "Contact us", "About us",
                 "Customer service", "Ordering", "Terms in brief", "Service and warranty", "Store information")
SPEC_TITLES = ("Specifications", "Technical data", "Tech specs", "Specs", "Key facts", "At a glance",
               "Product details", "Technical specifications")
MISSING_CELL = ("–", "-", "—", "n/a", "")
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


class Renderer:
    def __init__(self, company, rng, edition=1):
        self.c, self.rng, self.edition = company, rng, edition
        self.stated = set()  # (product name or None, field name)
        self.values = [v for p in company.products for v in p.facts.values()] + list(company.facts.values())
        self.fillers = SERVICE_FILLER if any(p.service for p in company.products) else FILLER

    # --- edition 2: numbers that answer nothing, words after values ---------------------------

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

    # --- product pages ----------------------------------------------------------------------

    def prose_page(self, product, names):
        """Paragraphs of sentences, several facts per sentence sometimes, pronouns after the first."""
        rng = self.rng
        about = ('overview', 'details', 'at a glance') if product.service else ('overview', 'user guide', 'at a glance')
        heading = self.titled(rng.choice((f"# {product.name}", f"## The {product.name}", f"# {long_name(product)}",
                                          f"## {product.name}: {rng.choice(about)}")))
        paragraphs, current, mentioned = [], [], False
        if rng.random() < 0.4:
            current += self.filler(1)
        for name in names:
            f = field_spec(name)
            value = product.facts[name]
            subject = later_subject(rng, product) if mentioned and rng.random() < 0.6 else full_subject(rng, product)
            mentioned = True
            current.append(self.said(f, subject, value))
            self.note(product, name)
            if len(current) >= rng.randint(2, 4):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        return heading + "\n\n" + "\n\n".join(self._wrap(p) for p in paragraphs) + "\n"

    def multi_fact_page(self, product, names):
        """A paragraph whose sentences carry two or three facts each."""
        rng = self.rng
        with_clauses = [n for n in names if field_spec(n).clauses]
        rest = [n for n in names if not field_spec(n).clauses]
        sentences, mentioned = [], False
        while with_clauses:
            take, with_clauses = with_clauses[:rng.randint(2, 3)], with_clauses[3:]
            clauses = [rng.choice(field_spec(n).clauses).replace("{V}", product.facts[n]) for n in take]
            subject = later_subject(rng, product) if mentioned else full_subject(rng, product)
            mentioned = True
            sentences.append(joined_clauses(rng, subject, clauses))
            for n in take:
                self.note(product, n)
        for n in rest:
            sentences.append(self.said(field_spec(n), later_subject(rng, product), product.facts[n]))
            self.note(product, n)
        head = rng.choice((f"## {product.name}\n\n", f"# The {long_name(product)}\n\n", ""))
        if not head:  # no heading: the first sentence must name the product
            sentences[0] = sentences[0].replace("It ", f"The {product.name} ", 1)
        return head + self._wrap(" ".join(self.filler(rng.randint(0, 1)) + sentences)) + "\n"

    def spec_sheet(self, product, names):
        rng = self.rng
        style = rng.choice(("bullet", "bold", "lines", "dash", "table2"))
        lines = []
        for name in names:
            key, value = rng.choice(field_spec(name).keys), product.facts[name]
            self.note(product, name)
            if style == "bullet":
                lines.append(f"{rng.choice('-*')} {key}: {value}")
            elif style == "bold":
                lines.append(f"- **{key}:** {value}")
            elif style == "lines":
                lines.append(f"{key}: {value}")
            elif style == "dash":
                lines.append(f"- {key} – {value}")
            else:
                lines.append(f"| {key} | {value} |")
        if style == "table2":
            lines = [rng.choice(("| Feature | Value |", "| Spec | |", "| | |")), "|---|---|"] + lines
        if self.edition >= 2 and len(names) >= 2 and rng.random() < 0.2:  # "# Aster 2: price and weight 2025"
            keys = [field_spec(n).keys[0].lower() for n in names[:2]]
            title = self.titled(f"# {product.name}: {keys[0]} and {keys[1]}", p=0.8)
        else:
            title = self.titled(rng.choice((f"# {product.name} {rng.choice(SPEC_TITLES).lower()}",
                                            f"# {product.name}\n\n## {rng.choice(SPEC_TITLES)}", f"## {product.name}")))
        intro = ""
        if rng.random() < 0.4:
            intro = f"The {product.name} is our {rng.choice(('newest', 'best-selling', 'most compact', 'top'))} " \
                    f"{product.noun}.\n\n"
        return f"{title}\n\n{intro}" + "\n".join(lines) + "\n"

    def comparison_table(self, products, title):
        rng = self.rng
        common = [n for n in products[0].facts if any(n in p.facts for p in products)]
        rng.shuffle(common)
        columns = common[:rng.randint(2, 6)]
        noun = products[0].noun.capitalize()
        first = rng.choice((noun, "Option", "Name", "", noun) if products[0].service else
                           ("Model", "Product", "Name", "", noun))
        keys = [rng.choice(field_spec(n).keys) for n in columns]
        if self.edition >= 2 and self.rng.random() < 0.3:  # named after its columns: "# Price and weight 2025"
            title = self.titled(f"# {' and '.join(k.lower() if i else k for i, k in enumerate(keys[:2]))}", p=0.8)
        else:
            title = self.titled(title)
        out = [f"| {first} | " + " | ".join(keys) + " |", "|" + "---|" * (len(columns) + 1)]
        for p in products:
            cells = []
            for n in columns:
                if n in p.facts:
                    cells.append(p.facts[n])
                    self.note(p, n)
                else:
                    cells.append(rng.choice(MISSING_CELL))
            out.append(f"| {p.name} | " + " | ".join(cells) + " |")
        intro = "" if rng.random() < 0.5 else self.filler(1)[0] + "\n\n"
        return f"{title}\n\n{intro}" + "\n".join(out) + "\n"

    def sister_sentences(self, products):
        """Sister models compared side by side: 'The A weighs x, while the B weighs y.'"""
        rng, out = self.rng, []
        a, b = products[0], products[1]
        for n in [n for n in a.facts if n in b.facts and field_spec(n).clauses][:4]:
            f = field_spec(n)
            ca = rng.choice(f.clauses).replace("{V}", a.facts[n])
            cb = rng.choice(f.clauses).replace("{V}", b.facts[n])
            joint = rng.choice((", while", "; ", ", whereas", ". By contrast,", " and"))
            out.append(cap(f"the {a.name} {ca}{joint} the {b.name} {cb}.").replace(";  ", "; "))
            self.note(a, n)
            self.note(b, n)
        return out

    # --- company pages ----------------------------------------------------------------------

    def faq_page(self, entries):
        """entries: (question, answer sentence); one of several FAQ layouts."""
        rng = self.rng
        style = rng.choice(("bold_q", "heading", "qa", "plain", "bold"))
        out = [self.titled(f"# {rng.choice(FAQ_TITLES)}")]
        for question, answer in entries:
            if style == "bold_q":
                out.append(f"**Q: {question}**\n{answer}")
            elif style == "heading":
                out.append(f"### {question}\n\n{answer}")
            elif style == "qa":
                out.append(f"Q: {question}\nA: {answer}")
            elif style == "plain":
                out.append(f"{question}\n{answer}")
            else:
                out.append(f"**{question}**\n{answer}")
        return "\n\n".join(out) + "\n"

    def company_faq_entries(self, names, products=()):
        rng, entries = self.rng, []
        for name in names:
            f = field_spec(name)
            entries.append((_faq_question(rng, f, None), self.said(f, self.c.name, self.c.facts[name])))
            self.note(None, name)
        for product, name in products:
            f = field_spec(name)
            question = _faq_question(rng, f, f"the {product.name}")
            entries.append((question, self.said(f, rng.choice(("it", f"the {product.name}")), product.facts[name])))
            self.note(product, name)
        rng.shuffle(entries)
        return entries

    def policy_page(self, names):
        rng = self.rng
        paragraphs, current = [], []
        for name in names:
            f = field_spec(name)
            current.append(self.said(f, self.c.name, self.c.facts[name]))
            self.note(None, name)
            if len(current) >= rng.randint(1, 3):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        if rng.random() < 0.5:
            paragraphs.insert(0, " ".join(self.filler(rng.randint(1, 2))))
        heads = [self.titled(f"## {rng.choice(POLICY_TITLES)}") if rng.random() < 0.5 else None for _ in paragraphs]
        body = "\n\n".join(f"{h}\n\n{self._wrap(p)}" if h else self._wrap(p) for h, p in zip(heads, paragraphs))
        return f"# {rng.choice((self.c.name, rng.choice(POLICY_TITLES)))}\n\n{body}\n"

    def contact_block(self, names):
        rng = self.rng
        style = rng.choice(("lines", "bullets", "bold"))
        lines = []
        for name in names:
            key, value = rng.choice(field_spec(name).keys), self.c.facts[name]
            self.note(None, name)
            lines.append({"lines": f"{key}: {value}", "bullets": f"- {key}: {value}",
                          "bold": f"**{key}:** {value}  "}[style])
        return f"## {rng.choice(('Contact', 'Contact us', 'Get in touch', 'Customer service'))}\n\n" + \
            "\n".join(lines) + "\n"

    def _wrap(self, paragraph):
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


def _faq_question(rng, f, subject):
    q = rng.choice(f.questions)
    return cap(q.replace("{s}", subject or "it"))


def render_kb(company, rng, edition=1):
    """(files, stated): files is a list of (name, markdown); stated the (product, field) pairs given."""
    r = Renderer(company, rng, edition)
    files, product_pages = [], []
    families = {}
    for p in company.products:  # a service's sisters are the other services of its category
        families.setdefault((None if p.service else p.family, p.category), []).append(p)
    for (family, category), members in families.items():
        remaining = {p.name: list(p.facts) for p in members}
        for p in members:
            rng.shuffle(remaining[p.name])
        noun = members[0].noun
        if len(members) >= 2 and rng.random() < 0.5:
            title = rng.choice((f"# Our {noun}s", f"## Compare the {noun}s", f"# {cap(noun)}s and prices",
                                f"## Which {noun} is right for you?") if members[0].service else
                               (f"# The {family} range", f"## Compare the {noun}s", f"# {family} models",
                                f"## Which {family} is right for you?"))
            product_pages.append(r.comparison_table(members, title))
        if len(members) >= 2 and rng.random() < 0.3:
            sisters = r.sister_sentences(members[:2])
            if sisters:
                head = f"Our {noun}s" if members[0].service else family
                product_pages.append(f"## {head} compared\n\n" + " ".join(sisters) + "\n")
        for p in members:
            names = [n for n in remaining[p.name] if (p.name, n) not in r.stated]
            if rng.random() < 0.15:
                names = names[:len(names) // 2]  # some facts stay unsaid anywhere
            if not names:
                continue
            style = rng.random()
            if style < 0.35:
                product_pages.append(r.prose_page(p, names))
            elif style < 0.55:
                product_pages.append(r.multi_fact_page(p, names))
            elif style < 0.85:
                product_pages.append(r.spec_sheet(p, names))
            else:
                half = len(names) // 2
                product_pages.append(r.prose_page(p, names[:half]) + "\n" + r.spec_sheet(p, names[half:])
                                     if half else r.spec_sheet(p, names))
    product_pages = [r.noted(page) for page in product_pages]
    rng.shuffle(product_pages)
    while product_pages:  # one to three pages per file
        take = rng.randint(1, 3)
        files.append((f"products-{len(files)}.md", "\n".join(product_pages[:take])))
        product_pages = product_pages[take:]
    names = list(company.facts)
    rng.shuffle(names)
    contact = [n for n in names if field_spec(n).kind in ("phone", "email", "address", "url")]
    if contact and rng.random() < 0.5:
        files.append(("contact.md", r.contact_block(contact)))
        names = [n for n in names if n not in contact]
    cut = rng.randint(0, len(names))
    faq_names, policy_names = names[:cut], names[cut:]
    product_faq = []
    for p in company.products:
        for n in p.facts:
            if (p.name, n) not in r.stated and rng.random() < 0.5:
                product_faq.append((p, n))
    if faq_names or product_faq:
        files.append(("faq.md", r.noted(r.faq_page(r.company_faq_entries(faq_names, product_faq)))))
    if policy_names:
        files.append(("policies.md", r.noted(r.policy_page(policy_names))))
    rng.shuffle(files)
    return files, r.stated
