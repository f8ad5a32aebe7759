"""A company's documentation as Markdown files, written in the styles support teams use: product
pages in prose, spec sheets as bullet lists or `Field: value` lines, comparison tables, sister
products compared in one sentence, FAQ pages in several layouts, policy and contact pages. Each
page function writes with a Writer (writer.py), which records the facts it states.

render_kb returns the files and the set of facts that some file states.
"""

from .extras import accessories_page
from .snapshots import phrases
from .world import field_spec, long_name
from .writer import Writer, cap, full_subject, joined_clauses, later_subject

FAQ_TITLES = phrases()["faq_titles"]
POLICY_TITLES = phrases()["policy_titles"]
SPEC_TITLES = phrases()["spec_titles"]
MISSING_CELL = phrases()["missing_cell"]
FAQ_LEAD_INS = phrases()["faq_lead_ins"]  # edition 4


# --- product pages ----------------------------------------------------------------------

def prose_page(w, product, names):
    """Paragraphs of sentences, several facts per sentence sometimes, pronouns after the first."""
    rng = w.rng
    about = ('overview', 'details', 'at a glance') if product.service else ('overview', 'user guide', 'at a glance')
    heading = w.titled(rng.choice((f"# {product.name}", f"## The {product.name}", f"# {long_name(product)}",
                                   f"## {product.name}: {rng.choice(about)}")))
    paragraphs, current, mentioned = [], [], False
    if rng.random() < 0.4:
        current += w.filler(1)
    for name in names:
        f = field_spec(name)
        value = product.facts[name]
        subject = later_subject(rng, product) if mentioned and rng.random() < 0.6 else full_subject(rng, product)
        mentioned = True
        current.append(w.said(f, subject, value))
        w.note(product, name)
        if len(current) >= rng.randint(2, 4):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return heading + "\n\n" + "\n\n".join(w.wrap(p) for p in paragraphs) + "\n"


def multi_fact_page(w, product, names):
    """A paragraph whose sentences carry two or three facts each."""
    rng = w.rng
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
            w.note(product, n)
    for n in rest:
        sentences.append(w.said(field_spec(n), later_subject(rng, product), product.facts[n]))
        w.note(product, n)
    head = rng.choice((f"## {product.name}\n\n", f"# The {long_name(product)}\n\n", ""))
    if not head:  # no heading: the first sentence must name the product
        sentences[0] = sentences[0].replace("It ", f"The {product.name} ", 1)
    return head + w.wrap(" ".join(w.filler(rng.randint(0, 1)) + sentences)) + "\n"


def spec_sheet(w, product, names):
    rng = w.rng
    style = rng.choice(("bullet", "bold", "lines", "dash", "table2"))
    lines = []
    for name in names:
        key, value = rng.choice(field_spec(name).keys), product.facts[name]
        w.note(product, name)
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
    # "# Aster 2: price and weight 2025"
    if "titles_named_by_fields" in w.turned_on and len(names) >= 2 and rng.random() < 0.2:
        keys = [field_spec(n).keys[0].lower() for n in names[:2]]
        title = w.titled(f"# {product.name}: {keys[0]} and {keys[1]}", p=0.8)
    else:
        title = w.titled(rng.choice((f"# {product.name} {rng.choice(SPEC_TITLES).lower()}",
                                     f"# {product.name}\n\n## {rng.choice(SPEC_TITLES)}", f"## {product.name}")))
    intro = ""
    if rng.random() < 0.4:
        intro = f"The {product.name} is our {rng.choice(('newest', 'best-selling', 'most compact', 'top'))} " \
                f"{product.noun}.\n\n"
    return f"{title}\n\n{intro}" + "\n".join(lines) + "\n"


def comparison_table(w, products, title):
    rng = w.rng
    common = [n for n in products[0].facts if any(n in p.facts for p in products)]
    rng.shuffle(common)
    columns = common[:rng.randint(2, 6)]
    noun = products[0].noun.capitalize()
    first = rng.choice((noun, "Option", "Name", "", noun) if products[0].service else
                       ("Model", "Product", "Name", "", noun))
    keys = [rng.choice(field_spec(n).keys) for n in columns]
    if "titles_named_by_fields" in w.turned_on and rng.random() < 0.3:  # "# Price and weight 2025"
        title = w.titled(f"# {' and '.join(k.lower() if i else k for i, k in enumerate(keys[:2]))}", p=0.8)
    else:
        title = w.titled(title)
    if "transposed_tables" in w.turned_on and rng.random() < 0.4:
        return _transposed(w, products, columns, keys, title)
    rows = [(p.name, [_cell(w, p, n) for n in columns]) for p in products]
    return _table(w, title, [first] + keys, rows)


def _transposed(w, products, columns, keys, title):
    """Edition 4: the fields as rows and the products as columns, as many comparison pages are laid out."""
    corner = w.rng.choice(("", "", "", "Feature", "Spec", "Model"))
    rows = [(key, [_cell(w, p, n) for p in products]) for key, n in zip(keys, columns)]
    return _table(w, title, [corner] + [p.name for p in products], rows)


def _cell(w, product, name):
    """A product's value of a field (noted as stated), or a sign that it has none."""
    if name in product.facts:
        w.note(product, name)
        return product.facts[name]
    return w.rng.choice(MISSING_CELL)


def _table(w, title, header, rows):
    """A Markdown table under its title, with a filler sentence between them sometimes."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
    intro = "" if w.rng.random() < 0.5 else w.filler(1)[0] + "\n\n"
    return f"{title}\n\n{intro}" + "\n".join(out) + "\n"


def sister_sentences(w, products):
    """Sister models compared side by side: 'The A weighs x, while the B weighs y.'"""
    rng, out = w.rng, []
    a, b = products[0], products[1]
    for n in [n for n in a.facts if n in b.facts and field_spec(n).clauses][:4]:
        f = field_spec(n)
        ca = rng.choice(f.clauses).replace("{V}", a.facts[n])
        cb = rng.choice(f.clauses).replace("{V}", b.facts[n])
        joint = rng.choice((", while", "; ", ", whereas", ". By contrast,", " and"))
        out.append(cap(f"the {a.name} {ca}{joint} the {b.name} {cb}.").replace(";  ", "; "))
        w.note(a, n)
        w.note(b, n)
    return out


# --- company pages ----------------------------------------------------------------------

def faq_page(w, entries):
    """entries: (question, answer sentence); one of several FAQ layouts."""
    rng = w.rng
    style = rng.choice(("bold_q", "heading", "qa", "plain", "bold"))
    out = [w.titled(f"# {rng.choice(FAQ_TITLES)}")]
    for question, answer in entries:
        if "faq_lead_ins" in w.turned_on and rng.random() < 0.2:
            answer = rng.choice(FAQ_LEAD_INS) + answer
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


def company_faq_entries(w, names, products=()):
    rng, entries = w.rng, []
    for name in names:
        f = field_spec(name)
        entries.append((_faq_question(rng, f, None), w.said(f, w.c.name, w.c.facts[name])))
        w.note(None, name)
    for product, name in products:
        f = field_spec(name)
        question = _faq_question(rng, f, f"the {product.name}")
        entries.append((question, w.said(f, rng.choice(("it", f"the {product.name}")), product.facts[name])))
        w.note(product, name)
    rng.shuffle(entries)
    return entries


def policy_page(w, names):
    rng = w.rng
    paragraphs, current = [], []
    for unit in _said_together(w, names) if "facts_said_together" in w.turned_on else [[n] for n in names]:
        if len(unit) == 1:
            current.append(w.said(field_spec(unit[0]), w.c.name, w.c.facts[unit[0]]))
        else:
            clauses = [rng.choice(field_spec(n).clauses).replace("{V}", w.c.facts[n]) for n in unit]
            current.append(joined_clauses(rng, w.c.name, clauses))
        for name in unit:
            w.note(None, name)
        if len(current) >= rng.randint(1, 3):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    if rng.random() < 0.5:
        paragraphs.insert(0, " ".join(w.filler(rng.randint(1, 2))))
    heads = [w.titled(f"## {rng.choice(POLICY_TITLES)}") if rng.random() < 0.5 else None for _ in paragraphs]
    body = "\n\n".join(f"{h}\n\n{w.wrap(p)}" if h else w.wrap(p) for h, p in zip(heads, paragraphs))
    return f"# {rng.choice((w.c.name, rng.choice(POLICY_TITLES)))}\n\n{body}\n"


def _said_together(w, names):
    """Edition 4: some of a company's facts two or three to a sentence ("Brightwell delivers within
    3 days and takes returns within 30 days"), as its products' are."""
    units, i = [], 0
    while i < len(names):
        take = w.rng.randint(2, 3) if w.rng.random() < 0.35 else 1
        group = names[i:i + take]
        if len(group) > 1 and all(field_spec(n).clauses for n in group):
            units.append(group)
        else:
            units.extend([n] for n in group)
        i += take
    return units


def contact_block(w, names):
    rng = w.rng
    style = rng.choice(("lines", "bullets", "bold"))
    lines = []
    for name in names:
        key, value = rng.choice(field_spec(name).keys), w.c.facts[name]
        w.note(None, name)
        lines.append({"lines": f"{key}: {value}", "bullets": f"- {key}: {value}",
                      "bold": f"**{key}:** {value}  "}[style])
    return f"## {rng.choice(('Contact', 'Contact us', 'Get in touch', 'Customer service'))}\n\n" + \
        "\n".join(lines) + "\n"


def _faq_question(rng, f, subject):
    q = rng.choice(f.questions)
    return cap(q.replace("{s}", subject or "it"))


def render_kb(company, rng, edition=1):
    """(files, stated): files is a list of (name, markdown); stated the (product, field) pairs given."""
    w = Writer(company, rng, edition)
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
            product_pages.append(comparison_table(w, members, title))
        if len(members) >= 2 and rng.random() < 0.3:
            sisters = sister_sentences(w, members[:2])
            if sisters:
                head = f"Our {noun}s" if members[0].service else family
                product_pages.append(f"## {head} compared\n\n" + " ".join(sisters) + "\n")
        for p in members:
            names = [n for n in remaining[p.name] if (p.name, n) not in w.stated]
            if rng.random() < 0.15:
                names = names[:len(names) // 2]  # some facts stay unsaid anywhere
            if not names:
                continue
            style = rng.random()
            if style < 0.35:
                product_pages.append(prose_page(w, p, names))
            elif style < 0.55:
                product_pages.append(multi_fact_page(w, p, names))
            elif style < 0.85:
                product_pages.append(spec_sheet(w, p, names))
            else:
                half = len(names) // 2
                product_pages.append(prose_page(w, p, names[:half]) + "\n" + spec_sheet(w, p, names[half:])
                                     if half else spec_sheet(w, p, names))
    if company.accessories:  # edition 5
        product_pages.append(accessories_page(w, company.accessories))
    product_pages = [w.noted(page) for page in product_pages]
    rng.shuffle(product_pages)
    while product_pages:  # one to three pages per file
        take = rng.randint(1, 3)
        files.append((f"products-{len(files)}.md", "\n".join(product_pages[:take])))
        product_pages = product_pages[take:]
    names = list(company.facts)
    rng.shuffle(names)
    contact = [n for n in names if field_spec(n).kind in ("phone", "email", "address", "url")]
    if contact and rng.random() < 0.5:
        files.append(("contact.md", contact_block(w, contact)))
        names = [n for n in names if n not in contact]
    cut = rng.randint(0, len(names))
    faq_names, policy_names = names[:cut], names[cut:]
    product_faq = []
    for p in company.products:
        for n in p.facts:
            if (p.name, n) not in w.stated and rng.random() < 0.5:
                product_faq.append((p, n))
    if faq_names or product_faq:
        files.append(("faq.md", w.noted(faq_page(w, company_faq_entries(w, faq_names, product_faq)))))
    if policy_names:
        files.append(("policies.md", w.noted(policy_page(w, policy_names))))
    rng.shuffle(files)
    return files, w.stated
