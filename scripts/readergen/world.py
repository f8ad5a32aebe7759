"""Invented companies: products in families of sister models, each with some of its category's
facts stated and the rest left unsaid (the source of questions the documents cannot answer).

Values are unique within a company, so a value found in a chunk belongs to one fact only.
"""

from dataclasses import dataclass, field

from . import lexicon
from .values import make_value

SUFFIXES_NUMERIC = ("2", "3", "5", "7", "100", "200", "300", "500", "700", "900", "X1", "X3", "S2", "One", "Two")
SUFFIXES_WORD = ("Mini", "Max", "Pro", "Lite", "Plus", "Go", "Air", "Sport", "Classic", "XL", "Eco", "Duo")


@dataclass
class Product:
    name: str
    family: str
    suffix: str
    category: str
    noun: str
    facts: dict = field(default_factory=dict)  # field name -> value
    unstated: tuple = ()  # fields of its category that no document gives


@dataclass
class Company:
    name: str
    domain: str
    products: list
    facts: dict = field(default_factory=dict)
    unstated: tuple = ()


PRODUCT_FIELDS = {f.name: f for f in lexicon.PRODUCT_FIELDS}
COMPANY_FIELDS = {f.name: f for f in lexicon.COMPANY_FIELDS + lexicon.STAFF_FIELDS}


def field_spec(name):
    return PRODUCT_FIELDS.get(name) or COMPANY_FIELDS[name]


def _fields_of(category):
    return [PRODUCT_FIELDS[n] for n in lexicon.CATEGORIES[category]["fields"] if n in PRODUCT_FIELDS]


def _company_name(rng):
    parts = lexicon.COMPANY_NAME_PARTS
    name = rng.choice(parts)
    if rng.random() < 0.3:
        name += rng.choice(("", " & Co", " Home", " Audio", " Works", " Labs", " Outdoor", " Studio", " Supply"))
    return name.strip()


class ValuePool:
    """Draws values of a kind, never the same string twice in one company."""

    def __init__(self, rng):
        self.rng, self.used = rng, set()

    def draw(self, kind):
        for _ in range(20):
            value = make_value(kind, self.rng)
            if value not in self.used and len(value) <= 40:
                self.used.add(value)
                return value
        return None


def make_company(rng, max_categories=3, edition=1):
    """A company of 1-3 categories of one domain (sometimes two), 1-4 products each; from edition 2
    on, its staff may be named too."""
    domains = sorted({c["domain"] for c in lexicon.CATEGORIES.values()})
    domain = rng.choice(domains)
    in_domain = sorted(n for n, c in lexicon.CATEGORIES.items() if c["domain"] == domain)
    others = sorted(n for n in lexicon.CATEGORIES if n not in in_domain)
    count = rng.randint(1, min(max_categories, len(in_domain)))
    categories = rng.sample(in_domain, count)
    if rng.random() < 0.2:
        categories.append(rng.choice(others))
    pool, products, used_names = ValuePool(rng), [], set()
    for category in categories:
        spec = lexicon.CATEGORIES[category]
        n = rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
        family = _fresh(rng, lexicon.PRODUCT_NAME_PARTS, used_names)
        numeric = rng.random() < 0.6
        suffixes = rng.sample(SUFFIXES_NUMERIC if numeric else SUFFIXES_WORD, n)
        shared = {}  # sister models share some facts (warranty, colours...)
        for i, suffix in enumerate(suffixes):
            if n == 1 and rng.random() < 0.4:
                suffix = ""
            name = f"{family} {suffix}".strip()
            nouns = [n for n in spec["nouns"] if n not in lexicon.PLURAL_NOUNS] or list(spec["nouns"])
            product = Product(name, family, suffix, category, rng.choice(nouns))
            fields = _fields_of(category)
            rng.shuffle(fields)
            keep = max(3, int(len(fields) * rng.uniform(0.5, 0.9)))
            for f in fields[:keep]:
                if f.name in shared and rng.random() < 0.5:
                    value = shared[f.name]
                else:
                    value = pool.draw(lexicon.field_kind(f.name, category))
                    if value is None:
                        continue
                    shared.setdefault(f.name, value)
                product.facts[f.name] = value
            product.unstated = tuple(f.name for f in fields[keep:])
            products.append(product)
    company_fields = list(lexicon.COMPANY_FIELDS + (lexicon.STAFF_FIELDS if edition >= 2 else ()))
    rng.shuffle(company_fields)
    keep = rng.randint(4, min(14, len(company_fields)))
    facts = {}
    for f in company_fields[:keep]:
        value = pool.draw(f.kind)
        if value is not None:
            facts[f.name] = value
    unstated = tuple(f.name for f in company_fields[keep:keep + 6])
    company = Company(_company_name(rng), domain, products, facts, unstated)
    _dedupe_values(company)
    return company


def _dedupe_values(company):
    """Shared sister values are the one exception to unique values: keep them only when every
    holder states the same fact (so the value still names one field)."""
    owner = {}
    for p in company.products:
        for name, value in list(p.facts.items()):
            if owner.setdefault(value, name) != name:
                del p.facts[name]
    for name, value in list(company.facts.items()):
        if owner.setdefault(value, name) != name:
            del company.facts[name]


def _fresh(rng, choices, used):
    for _ in range(50):
        pick = rng.choice(choices)
        if pick not in used:
            used.add(pick)
            return pick
    return rng.choice(choices)

