"""The later editions of the reader's training-data generator: edition 3's companies that sell
services (lab/readergen/data/services/, values/services.py), edition 4's transposed tables, company facts said together
and "it" for a company's only product; and the bytes of the editions the shipped reader was trained on."""

import hashlib
import random

import pytest

from readergen import checks, lexicon, values

# sha256 of company_lines(1, 0..3, 512, 48, "question-around", 2): the first 81 lines of
# make_reader.py's train-question-around-ed2.txt (sha256 6233cf13... as a whole), stage 4's data
EDITION_2_SHA256 = "db7353880a825836f909dd97854cfc1ea50a3952837341bf70bf9aaaa3368d3d"
# company_lines(2, 0..3, 512, 48, "question-around", 3): the first 50 lines of train-question-around-ed3.txt
# (sha256 c9c70e77... as a whole), the data of make_reader.py's trial stage5
EDITION_3_SHA256 = "02888eb013e66218c2d1bd82ab256af22070f5859dc16b2bfa5ffa7542368fe1"
# company_lines(3, 0..3, 512, 48, "question-around", 4): the first 59 lines of train-question-around-ed4.txt
# (sha256 09868f42... as a whole), the data of the shipped reader's fifth stage (with edition 1's replay)
EDITION_4_SHA256 = "14e2bd05ceed7ae0e458c554fdbe97fc2d3dbabc4813b09d3e5ea5b294987819"
# company_lines(5, 0..3, 512, 48, "question-around", 5): the first 70 lines of train-question-around-ed5.txt
# (sha256 e7c30de2... as a whole), the data of the trial stage6
EDITION_5_SHA256 = "924093da1d3903efdffdbf95d0b1a1671090e31c60477b93777feec8576eef03"
SERVICE_KINDS = sorted({f.kind for f in lexicon.SERVICE_FIELDS + lexicon.SCHOOL_FIELDS} |
                       {k for c in lexicon.SERVICE_CATEGORIES.values() for k in c["kinds"].values()})


def _service_company():
    from readergen.world import make_company

    for i in range(50):
        company = make_company(random.Random(f"svc/{i}"), edition=3)
        if company.products and company.products[0].service:
            return company
    raise AssertionError("no service company in 50 draws")


def test_check_services_is_clean():
    assert checks.check_services() == []


@pytest.mark.parametrize("kind", SERVICE_KINDS)
def test_service_values_are_well_formed(kind):
    rng = random.Random(f"svc:{kind}")
    drawn = [values.make_value(kind, rng) for _ in range(200)]
    for v in drawn:
        assert v and v == v.strip() and len(v) <= values.MAX_LEN and values.is_clean(v), (kind, v)
        assert not v.endswith(".") and "\n" not in v, (kind, v)
    assert len(set(drawn)) >= 5, (kind, sorted(set(drawn)))


def test_service_field_names_are_their_own():
    taken = {f.name for f in lexicon.ALL_FIELDS}
    assert not taken & {f.name for f in lexicon.SERVICE_FIELDS + lexicon.SCHOOL_FIELDS}


def test_earlier_editions_never_sell_services():
    from readergen.world import make_company

    for edition in (1, 2):
        for i in range(60):
            company = make_company(random.Random(f"svc/{i}"), edition=edition)
            assert not any(p.service for p in company.products)


def test_a_service_company_writes_about_its_services():
    """Services are named descriptor + noun, their pages state the facts the renderer says they
    state, and the company says nothing of deliveries or returns."""
    from readergen.render import render_kb

    company = _service_company()
    files, stated = render_kb(company, random.Random("svc/render"), 3)
    text = "\n".join(body for _, body in files)
    for p in company.products:
        spec = lexicon.SERVICE_CATEGORIES[p.category]
        assert p.service and p.name.lower().endswith(" " + p.noun.lower()) and p.family in spec["descriptors"]
        for name, value in p.facts.items():
            if (p.name, name) in stated:
                assert value in text, (p.name, name, value)
    assert not {"delivery_time", "returns_window", "delivery_cost"} & set(company.facts)
    assert any(p.name in text for p in company.products)


@pytest.mark.parametrize("seed,edition,digest", [(1, 2, EDITION_2_SHA256), (2, 3, EDITION_3_SHA256),
                                                 (3, 4, EDITION_4_SHA256), (5, 5, EDITION_5_SHA256)])
def test_earlier_editions_keep_their_bytes(seed, edition, digest):
    """The shipped reader's stages 4 and 5 and the trials stage5 and stage6 were trained on editions 2, 4, 3
    and 5: a later edition must not change their lines. Fails if a service draw, a field tail, a transposed table
    or an "it" reaches them."""
    from readergen.generate import company_lines

    lines = [line for i in range(4) for line in company_lines(seed, i, 512, 48, "question-around", edition)]
    assert hashlib.sha256("\n".join(lines).encode()).hexdigest() == digest


def test_field_tails_follow_only_their_field():
    """A tail ("founded in 2011 by two teachers") comes after its own field's value only, and only
    from edition 3 on."""
    from readergen.writer import FIELD_TAILS, Writer
    from readergen.world import field_spec, make_company

    company = make_company(random.Random("tails"), edition=3)
    f = field_spec("founded_year")
    for edition, expect in ((2, False), (3, True)):
        renderer = Writer(company, random.Random(f"tails/{edition}"), edition=edition)
        said = [renderer.said(f, "We", "2011") for _ in range(200)]
        tailed = [s for s in said if any(s.endswith(t + ".") for t in FIELD_TAILS["founded_year"])]
        assert bool(tailed) == expect
        assert all("2011" in s for s in said)


def test_edition_4_transposes_some_tables():
    """Edition 4 writes some comparison tables with the fields as rows and the products as columns;
    the chunker then puts each product's name beside its value, so the facts count as stated."""
    from mgpt.retrieval.chunking import chunk_text
    from readergen.render import comparison_table
    from readergen.world import make_company
    from readergen.writer import Writer

    company = next(c for c in (make_company(random.Random(f"t/{i}"), edition=4) for i in range(50))
                   if len({p.family for p in c.products}) < len(c.products))
    sisters = [p for p in company.products if p.family == company.products[0].family and p.category ==
               company.products[0].category] or company.products[:2]
    tables = [comparison_table(Writer(company, random.Random(f"t/{i}"), 4), sisters, "# Models") for i in range(40)]
    transposed = [t for t in tables if t.split("\n")[2].count("|") == len(sisters) + 2
                  and all(p.name in t.split("\n")[2] for p in sisters)]
    assert transposed and len(transposed) < len(tables)
    for table in transposed:
        chunks = chunk_text(table)
        for p in sisters:
            for value in p.facts.values():
                if f"| {value} |" in table:
                    assert any(f"{p.name}: {value}" in c for c in chunks), (p.name, value)
    plain = [comparison_table(Writer(company, random.Random(f"t/{i}"), 3), sisters, "# Models") for i in range(40)]
    assert not any(all(p.name in t.split("\n")[2] for p in sisters) for t in plain)


def test_edition_4_says_some_company_facts_together():
    from readergen.render import policy_page
    from readergen.world import make_company
    from readergen.writer import Writer

    company = make_company(random.Random("together"), edition=4)
    names = list(company.facts)
    together = 0
    for i in range(30):
        w = Writer(company, random.Random(f"together/{i}"), 4)
        page = " ".join(policy_page(w, names).split())  # undo the hard wrapping
        assert w.stated == {(None, n) for n in names}
        assert all(v in page for v in company.facts.values())
        together += sum(1 for s in page.split(". ") if sum(v in s for v in company.facts.values()) >= 2)
    assert together > 0


def test_edition_4_asks_about_an_only_product_as_it():
    from readergen.lines import user_subjects
    from readergen.world import make_company

    company = make_company(random.Random("alone"), edition=4)
    company.products = company.products[:1]
    assert "it" in user_subjects(company.products[0], company, 4)
    assert "it" not in user_subjects(company.products[0], company, 3)


def test_edition_4_cuts_smaller_chunks():
    """Edition 4 cuts most chunks at 140 characters rather than 180 (smaller chunks read better on the
    development bases): far fewer of its prompts' chunks are longer than 145 characters."""
    from mgpt.retrieval.prompt import ANSWER, SEPARATOR, split_prompt
    from readergen.generate import company_lines

    def long_share(edition):
        sizes = []
        for i in range(8):
            for line in company_lines(5, i, 512, 48, "question-around", edition):
                context, _ = split_prompt(line[:line.rindex(ANSWER) + len(ANSWER)])
                sizes += [len(c) for c in context.split(SEPARATOR)]
        return sum(size > 145 for size in sizes) / len(sizes)

    assert long_share(4) < long_share(3) / 3


def test_edition_5_lists_priced_accessories():
    """Edition 5 adds a list of accessories with their prices to half the companies that sell products;
    each price is stated beside its item's name, and lines ask for it by the item alone."""
    from mgpt.retrieval.chunking import chunk_text
    from readergen.generate import company_lines
    from readergen.render import render_kb
    from readergen.world import make_company

    listed = 0
    for i in range(40):
        assert not make_company(random.Random(f"acc/{i}"), edition=4).accessories
        rng = random.Random(f"acc/{i}")
        company = make_company(rng, edition=5)
        if not company.accessories:
            continue
        listed += 1
        files, stated = render_kb(company, rng, 5)
        chunks = [c for _, text in files for c in chunk_text(text)]
        for accessory in company.accessories:
            assert (accessory.name, "price") in stated
            assert any(accessory.name in c and accessory.facts["price"] in c for c in chunks)
    assert listed >= 5
    answered = 0
    for i in range(40):
        company = make_company(random.Random(f"7/{i}"), edition=5)  # the company company_lines(7, i) writes
        prices = {a.facts["price"]: a.family for a in company.accessories}
        for line in company_lines(7, i, 512, 48, "question-around", 5):
            question, answer = line.rsplit(" Q: ", 1)[-1].rsplit(" A: ", 1)
            if answer in prices:
                assert prices[answer].lower() in question.lower()
                answered += 1
    assert answered >= 5


def test_edition_5_names_a_sister_by_its_family_alone():
    """Edition 5 sometimes names the first sister model by its family alone ("Strand" beside "Strand
    Step"), so that a chunk naming the one also holds the other's name; earlier editions never do."""
    from readergen.world import make_company

    def bare_beside_sisters(edition):
        count = 0
        for i in range(60):
            company = make_company(random.Random(f"bare/{i}"), edition=edition)
            for p in company.products:
                sisters = [q for q in company.products if q.family == p.family and q is not p]
                count += bool(not p.service and p.name == p.family and sisters)
        return count

    assert bare_beside_sisters(4) == 0
    assert bare_beside_sisters(5) >= 5


def test_the_generator_reads_record_blocks_as_prose():
    """Editions 1-5 were chunked before mgpt cut record blocks line by line: the generator reads them as
    prose still (readergen.prose_chunks), so a record's name is lost where mgpt's chunker keeps it."""
    from mgpt.retrieval.chunking import chunk_text
    from readergen.prose_chunks import chunk_as_prose

    record = ["config = 10S4P", "weight = 2.45 kg", "list_price = EUR 549,00 net / EUR 653,31 gross",
              "lead_time: 3–5 BD (EU), 10 BD (UK)"]
    text = "# Battery packs\n\n[KA-400 frame pack]\n" + "\n".join(record) + "\n"
    assert chunk_text(text, chunk_size=70)[-1].startswith("KA-400")
    assert not chunk_as_prose(text, chunk_size=70)[-1].startswith("KA-400")
    # everything else reads as mgpt reads it: headings, lead lines, lists, tables and prose
    other = ("# Tents\n\nKestrel 2 tent. It weighs 1.9 kg. **Light.**\n\nHow long is delivery?\nThree days.\n\n"
             "- one\n- two\n  more\n\n| Model | Price |\n|---|---|\n| Aster | €89 |\n\n## Last\n")
    assert chunk_as_prose(other, chunk_size=70) == chunk_text(other, chunk_size=70)
