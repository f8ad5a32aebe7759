"""Invented companies: products in families of sister models, each with some of its category's
facts stated and the rest left unsaid (the source of questions the documents cannot answer). From
edition 3 on, some companies sell services instead (courses, classes, tours, rooms: data/services/),
named by a descriptor and a noun ("Intensive course").

Values are unique within a company, so a value found in a chunk belongs to one fact only.
"""

from dataclasses import dataclass, field

from . import extras, lexicon
from .snapshots import features, phrases
from .values import make_value

SUFFIXES_NUMERIC = phrases()["product_name_suffixes_numeric"]
SUFFIXES_WORD = phrases()["product_name_suffixes_word"]


@dataclass
class Product:
    name: str
    family: str
    suffix: str
    category: str
    noun: str
    facts: dict = field(default_factory=dict)  # field name -> value
    unstated: tuple = ()  # fields of its category that no document gives
    service: bool = False  # its name already ends with its noun: "Intensive course"


def long_name(product):
    """The product with its noun ("Aster 2 blender"); a service's name already has it."""
    return product.name if product.service else f"{product.name} {product.noun}"


@dataclass
class Company:
    name: str
    domain: str
    products: list
    facts: dict = field(default_factory=dict)
    unstated: tuple = ()
    accessories: list = field(default_factory=list)  # edition 5 (extras.py)


PRODUCT_FIELDS = {f.name: f for f in lexicon.PRODUCT_FIELDS + lexicon.SERVICE_FIELDS}
COMPANY_FIELDS = {f.name: f for f in lexicon.COMPANY_FIELDS + lexicon.STAFF_FIELDS + lexicon.SCHOOL_FIELDS}
SERVICE_SHARE = 0.4  # edition 3's companies that sell services
# what a school, studio or hotel says of itself (no delivery, no returns)
SERVICE_COMPANY_FIELDS = frozenset(phrases()["service_company_fields"])
SERVICE_COMPANY_WORDS = phrases()["service_company_words"]  # domain -> the words after a school's name


def field_spec(name):
    return PRODUCT_FIELDS.get(name) or COMPANY_FIELDS[name]


def _fields_of(category):
    return [n for n in lexicon.CATEGORIES[category]["fields"] if n in PRODUCT_FIELDS]


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
    on, its staff may be named too; from edition 3 on, some sell services instead."""
    turned_on = features(edition)
    if "services" in turned_on and rng.random() < SERVICE_SHARE:
        return make_service_company(rng)
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
            elif "family_names" in turned_on and i == 0 and rng.random() < 0.35:  # "Strand" beside "Strand Step"
                suffix = ""
            name = f"{family} {suffix}".strip()
            nouns = [n for n in spec["nouns"] if n not in lexicon.PLURAL_NOUNS] or list(spec["nouns"])
            product = Product(name, family, suffix, category, rng.choice(nouns))
            _give_facts(rng, pool, product, _fields_of(category), shared, spec)
            products.append(product)
    company_fields = list(lexicon.company_fields(edition))
    facts, unstated = _company_facts(rng, pool, company_fields)
    company = Company(_company_name(rng), domain, products, facts, unstated)
    if "accessories" in turned_on and rng.random() < 0.5:
        company.accessories = _accessories(rng, pool)
    _dedupe_values(company)
    return company


def _accessories(rng, pool):
    """3-7 accessories with a price each (edition 5, extras.py)."""
    out = []
    for item in rng.sample(extras.ITEMS, rng.randint(3, 7)):
        price = pool.draw(rng.choice(("price_small", "price_mid", "price_mid")))
        if price is None:
            continue
        detail = rng.choice(extras.DETAILS).format(n=rng.randint(2, 40)) if rng.random() < 0.35 else ""
        accessory = Product(item[0].upper() + item[1:] + detail, item, "", "accessory", item)
        accessory.facts["price"] = price
        out.append(accessory)
    return out


def make_service_company(rng):
    """A school, studio, tour operator, workshop or hotel: 1-2 categories of one domain, 2-4
    services each (sister courses share some facts, as products do), and its company facts."""
    domain = rng.choice(lexicon.SERVICE_DOMAINS)
    in_domain = sorted(n for n, c in lexicon.SERVICE_CATEGORIES.items() if c["domain"] == domain)
    categories = rng.sample(in_domain, rng.randint(1, len(in_domain)))
    pool, products = ValuePool(rng), []
    for category in categories:
        spec = lexicon.SERVICE_CATEGORIES[category]
        noun = rng.choice(spec["nouns"])
        sisters = []
        for descriptor in rng.sample(spec["descriptors"], rng.choice((2, 2, 3, 3, 3, 4))):
            name = f"{descriptor} {noun}" if rng.random() < 0.85 else f"{descriptor} {noun}".lower().capitalize()
            sisters.append(Product(name, descriptor, "", category, noun, service=True))
        fields, shared = list(spec["fields"]), {}  # one list, shuffled again for each sister
        for product in sisters:
            _give_facts(rng, pool, product, fields, shared, spec)
        products += sisters
    company_fields = [f for f in lexicon.COMPANY_FIELDS + lexicon.STAFF_FIELDS if f.name in SERVICE_COMPANY_FIELDS]
    facts, unstated = _company_facts(rng, pool, company_fields + list(lexicon.SCHOOL_FIELDS))
    name = f"{rng.choice(lexicon.COMPANY_NAME_PARTS)} {rng.choice(SERVICE_COMPANY_WORDS[domain])}"
    company = Company(name, domain, products, facts, unstated)
    _dedupe_values(company)
    return company


def _give_facts(rng, pool, product, fields, shared, category):
    """Values for a random half or more of these field names (shuffled in place), of the kinds the
    category (a lexicon or services category) says, half the time the value a sister already has
    (shared); the rest of them stay unstated."""
    rng.shuffle(fields)
    keep = max(3, int(len(fields) * rng.uniform(0.5, 0.9)))
    for name in fields[:keep]:
        if name in shared and rng.random() < 0.5:
            value = shared[name]
        else:
            value = pool.draw(lexicon.field_kind(field_spec(name), category))
            if value is None:
                continue
            shared.setdefault(name, value)
        product.facts[name] = value
    product.unstated = tuple(fields[keep:])


def _company_facts(rng, pool, fields):
    """(facts, unstated): values for 4-14 of these company fields; six of the others are asked about."""
    rng.shuffle(fields)
    keep = rng.randint(4, min(14, len(fields)))
    facts = {}
    for f in fields[:keep]:
        value = pool.draw(f.kind)
        if value is not None:
            facts[f.name] = value
    return facts, tuple(f.name for f in fields[keep:keep + 6])


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

