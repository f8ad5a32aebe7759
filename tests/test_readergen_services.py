"""Edition 3 of the reader's training-data generator (scripts/readergen/services.py): companies that
sell services (courses, classes, tours, rooms), and the bytes of the earlier editions kept."""

import hashlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import pytest  # noqa: E402

from readergen import lexicon, services, values  # noqa: E402

# sha256 of company_lines(1, 0..3, 512, 48, "question-around", 2): the first 81 lines of
# make_reader.py's train-question-around-ed2.txt (sha256 6233cf13... as a whole), stage 4's data
EDITION_2_SHA256 = "db7353880a825836f909dd97854cfc1ea50a3952837341bf70bf9aaaa3368d3d"
SERVICE_KINDS = sorted({f.kind for f in services.SERVICE_FIELDS + services.SCHOOL_FIELDS} |
                       {k for c in services.SERVICE_CATEGORIES.values() for k in c["kinds"].values()})


def _service_company(edition=3, start=0):
    from readergen.world import make_company

    for i in range(start, start + 50):
        company = make_company(random.Random(f"svc/{i}"), edition=edition)
        if company.products and company.products[0].service:
            return i, company
    raise AssertionError("no service company in 50 draws")


def test_check_services_is_clean():
    assert services.check_services() == []


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
    assert not taken & {f.name for f in services.SERVICE_FIELDS + services.SCHOOL_FIELDS}


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

    _, company = _service_company()
    files, stated = render_kb(company, random.Random("svc/render"), 3)
    text = "\n".join(body for _, body in files)
    for p in company.products:
        spec = services.SERVICE_CATEGORIES[p.category]
        assert p.service and p.name.lower().endswith(" " + p.noun.lower()) and p.family in spec["descriptors"]
        for name, value in p.facts.items():
            if (p.name, name) in stated:
                assert value in text, (p.name, name, value)
    assert not {"delivery_time", "returns_window", "delivery_cost"} & set(company.facts)
    assert any(p.name in text for p in company.products)


def test_service_lines_are_prompts_with_a_span_answer():
    """Edition 3's lines, as edition 1's and 2's: the prompt ask sends, answered by a span of a chunk
    in it or by nothing; the same bytes on every run; some about the services by name."""
    from mgpt.retrieval.prompt import ANSWER, SEPARATOR, split_prompt
    from readergen.generate import company_lines
    from readergen.world import make_company

    seeds = [i for i in range(12) if make_company(random.Random(f"3/{i}"), edition=3).products[0].service][:3]
    assert seeds
    lines = [line for i in seeds for line in company_lines(3, i, 512, 48, "question-around", 3)]
    assert lines == [line for i in seeds for line in company_lines(3, i, 512, 48, "question-around", 3)]
    answered = 0
    for line in lines:
        at = line.rindex(ANSWER) + len(ANSWER)
        prompt, answer = line[:at], line[at:]
        context, question = split_prompt(prompt)
        assert len(prompt) <= 512 - 1 - 48 and question
        if answer:
            answered += 1
            assert any(answer in chunk for chunk in context.split(SEPARATOR))
    assert 0 < answered < len(lines)


def test_edition_2_lines_keep_their_bytes():
    """Stage 4 of the reader was trained on edition 2's lines: edition 3 must not change them. Fails
    if a service draw, a field tail or the service fillers reach an edition 2 company."""
    from readergen.generate import company_lines

    lines = [line for i in range(4) for line in company_lines(1, i, 512, 48, "question-around", 2)]
    assert hashlib.sha256("\n".join(lines).encode()).hexdigest() == EDITION_2_SHA256


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
