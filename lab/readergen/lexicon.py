"""The lexicon of the reader training-data generator: fields, their phrasings, product and
service categories, and the name material (brand stems, people, places) the value generators
draw on. The data are JSON files under data/ (snapshots.py loads them, each checked against the
edition it belongs to); this module gives them their shape.

Conventions for the phrasings of a `Field`:

- `keys`: how a spec sheet line or a table header names the field ("Price", "Weight (kg)").
- `clauses`: verb phrases that follow a subject, with {V} for the value ("weighs {V}").
  For product fields the subject is the product ("The Aster Pro 2 weighs 2.1 kg"); for
  company fields it is the company or shop in the third person singular
  ("Brightwell delivers within 3-5 working days"); for service fields, the service. Clauses
  never contain {S}.
- `sentences`: whole sentences with {V}; product sentences always contain {S} (the
  subject as a document writes it, which may come first in the sentence, so the renderer
  capitalises the first letter). Company sentences speak as "we" / "our shop" or use the
  passive and contain no {S}.
- `questions`: what a user types, with {s} for the product as the user names it (always
  present in product questions, never in company questions). A question never contains
  the value: no {V}, no literal numbers or units that would give the answer away.

Categories (`CATEGORIES`) give a domain, nouns, the product fields that make sense and, in
"kinds", per-category overrides of a field's values kind (`field_kind(field, category)`); a
service category (`SERVICE_CATEGORIES`, edition 3) also gives the descriptors its services are
named with ("the Intensive course"). `PLURAL_NOUNS` lists the category nouns that need a plural
verb. checks.py finds the problems of all of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .snapshots import added, tables


@dataclass(frozen=True)
class Field:
    name: str            # id, e.g. "price", "battery_life", "returns_window"
    kind: str            # a key of values.KINDS
    keys: tuple          # spec sheet / table header names
    clauses: tuple       # verb phrases with {V} that follow a subject
    sentences: tuple     # whole sentences with {S} (product scope) and {V}
    questions: tuple     # user questions with {s} (product scope), never the value
    scope: str = "product"   # "product" or "company"


def _fields(files, scope):
    return tuple(Field(scope=scope, **spec) for table in files for spec in table["fields"])


# --- name material -----------------------------------------------------------------------

_NAMES = tables("names")[0]
PRODUCT_NAME_STEMS = _NAMES["product_name_stems"]
PRODUCT_NAME_SUFFIXES = _NAMES["product_name_suffixes"]
PRODUCT_NAME_PARTS = PRODUCT_NAME_STEMS
COMPANY_NAME_STEMS = _NAMES["company_name_stems"]
COMPANY_NAME_SUFFIXES = _NAMES["company_name_suffixes"]
COMPANY_LEGAL_FORMS = _NAMES["company_legal_forms"]
COMPANY_NAME_PARTS = COMPANY_NAME_STEMS
FIRST_NAMES = _NAMES["first_names"]
LAST_NAMES = _NAMES["last_names"]
CITIES_BY_COUNTRY = _NAMES["cities_by_country"]  # country code -> cities (the "city" kind, street addresses)
US_CITY_STATES = _NAMES["us_city_states"]
CA_CITY_PROVINCES = _NAMES["ca_city_provinces"]
AU_CITY_STATES = _NAMES["au_city_states"]  # city -> (state, postcode)
STREETS_BY_COUNTRY = _NAMES["streets_by_country"]  # country code -> street names as its addresses write them
CITIES = tuple(dict.fromkeys(c for cities in CITIES_BY_COUNTRY.values() for c in cities))
STREETS = tuple(dict.fromkeys(s for streets in STREETS_BY_COUNTRY.values() for s in streets))
COUNTRIES = _NAMES["countries"]  # as running text names them ("made in the USA")
DELIVERY_COUNTRIES = _NAMES["delivery_countries"]
COLOURS = _NAMES["colours"]
MATERIALS = _NAMES["materials"]
FRAME_MATERIALS = _NAMES["frame_materials"]
LANGUAGES = _NAMES["languages"]
PAYMENT_METHODS = _NAMES["payment_methods"]

# --- fields --------------------------------------------------------------------------------

PRODUCT_FIELDS = _fields(tables("product_fields"), "product")
COMPANY_FIELDS = _fields(tables("company_fields", edition=1), "company")
STAFF_FIELDS = _fields(added("company_fields", 2), "company")  # edition 2: people by their role
SERVICE_FIELDS = _fields(tables("service_fields"), "product")  # edition 3: a service's fields
SCHOOL_FIELDS = _fields(tables("school_fields"), "company")    # edition 3: what a school says of itself
ALL_FIELDS = PRODUCT_FIELDS + COMPANY_FIELDS + STAFF_FIELDS
FIELDS = {f.name: f for f in ALL_FIELDS}
SERVICE_FIELD_SPECS = {f.name: f for f in SERVICE_FIELDS}


def company_fields(edition):
    """The company fields of an edition's snapshot, in order: edition 2 adds staff."""
    return _fields(tables("company_fields", edition), "company")


# --- categories ----------------------------------------------------------------------------

_CATEGORIES = tables("categories")[0]
CATEGORIES = _CATEGORIES["categories"]
DOMAINS = tuple(sorted({c["domain"] for c in CATEGORIES.values()}))
# Category nouns that are grammatically plural ("the Orla earbuds are ..."). Clauses and
# sentences are written for a singular subject, so a renderer should not use these nouns as
# the subject {S} of a clause or sentence (the product name alone, or "the <name> <singular
# noun>", works); they are fine in questions and headings.
PLURAL_NOUNS = frozenset(_CATEGORIES["plural_nouns"])
SERVICE_CATEGORIES = tables("service_categories")[0]["categories"]
SERVICE_DOMAINS = tuple(sorted({c["domain"] for c in SERVICE_CATEGORIES.values()}))


def field_kind(field, category=None) -> str:
    """The values kind of a field, with the category's override if it has one."""
    f = FIELDS[field] if isinstance(field, str) else field
    if category is not None:
        cat = CATEGORIES[category] if isinstance(category, str) else category
        return cat.get("kinds", {}).get(f.name, f.kind)
    return f.kind
