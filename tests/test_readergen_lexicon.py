"""The content layer of the reader training-data generator (lab/readergen): the value
generators and the lexicon of fields, phrasings and categories. Pure Python, fast."""

import random
import string

import pytest

from readergen import checks, lexicon, values

N = 200
# sha256 of company_lines(0, 0..3, 512, 48, "question-around", 1): the first 57 lines of
# make_reader.py's train-question-around.txt (sha256 10fb8210... as a whole)
EDITION_1_SHA256 = "bf10f8e346cbf852db03794e5a0a98bd5592e20526caa5178330198627b5a540"
KINDS = sorted(values.KINDS)


def _draw(kind, seed=1234, n=N):
    rng = random.Random(f"{seed}:{kind}")
    return [values.make_value(kind, rng) for _ in range(n)]


def test_check_lexicon_is_clean():
    assert checks.check_lexicon() == []


def test_minimum_sizes():
    assert len(values.KINDS) >= 30
    assert len(lexicon.PRODUCT_FIELDS) >= 90
    assert len(lexicon.COMPANY_FIELDS) >= 35
    assert len(lexicon.CATEGORIES) >= 40
    assert len(lexicon.DOMAINS) >= 12
    assert len(lexicon.PRODUCT_NAME_STEMS) >= 200
    assert len(lexicon.FIRST_NAMES) >= 100 and len(lexicon.LAST_NAMES) >= 100


def test_name_material_is_flat_clean_strings():
    for seq in (lexicon.PRODUCT_NAME_PARTS, lexicon.PRODUCT_NAME_SUFFIXES, lexicon.COMPANY_NAME_PARTS,
                lexicon.COMPANY_NAME_SUFFIXES, lexicon.COMPANY_LEGAL_FORMS, lexicon.FIRST_NAMES,
                lexicon.LAST_NAMES, lexicon.CITIES, lexicon.STREETS, lexicon.COUNTRIES, lexicon.COLOURS,
                lexicon.MATERIALS, lexicon.LANGUAGES, lexicon.PAYMENT_METHODS):
        assert isinstance(seq, tuple) and seq
        for item in seq:
            assert isinstance(item, str) and item == item.strip() and item, item
            assert values.is_clean(item), item
        assert len(set(seq)) == len(seq), [x for x in seq if seq.count(x) > 1]


@pytest.mark.parametrize("kind", KINDS)
def test_values_are_well_formed(kind):
    vals = _draw(kind)
    for v in vals:
        assert isinstance(v, str) and v, (kind, v)
        assert len(v) <= values.MAX_LEN, (kind, v)
        assert v == v.strip(), (kind, v)
        assert "\n" not in v and "\r" not in v and "\t" not in v, (kind, v)
        assert not v.endswith("."), (kind, v)
        assert values.is_clean(v), (kind, v, [c for c in v if not values.allowed_char(c)])
    assert len(set(vals)) >= 5, (kind, sorted(set(vals)))


@pytest.mark.parametrize("kind", KINDS)
def test_values_are_deterministic(kind):
    assert _draw(kind, seed=7, n=30) == _draw(kind, seed=7, n=30)


def test_one_rng_shared_across_kinds_is_deterministic():
    def run():
        rng = random.Random(99)
        return [values.make_value(k, rng) for _ in range(3) for k in KINDS]
    assert run() == run()


def test_unknown_kind_raises():
    with pytest.raises(KeyError):
        values.make_value("no_such_kind", random.Random(0))


def test_allowed_characters():
    assert values.is_clean("49,99 € – 220 °C, 120 × 60 cm, Müller’s café, £5, ß")
    assert not values.is_clean("ok\u2009no")     # thin space
    assert not values.is_clean("Łukasz")         # not Latin-1


def test_question_templates_never_contain_the_value():
    for f in lexicon.ALL_FIELDS:
        for q in f.questions:
            assert "{V}" not in q, (f.name, q)
            names = {n for _, n, _, _ in string.Formatter().parse(q) if n is not None}
            assert names <= {"s"}, (f.name, q)


def test_templates_format_with_values():
    rng = random.Random(5)
    for f in lexicon.ALL_FIELDS:
        for t in f.clauses + f.sentences:
            out = t.format(S="the Aster Pro", V=values.make_value(f.kind, rng))
            assert "{" not in out and "}" not in out, (f.name, t)
        for q in f.questions:
            out = q.format(s="aster pro")
            assert "{" not in out and "}" not in out, (f.name, q)


def test_category_kind_overrides():
    for name, cat in lexicon.CATEGORIES.items():
        for fn in cat["fields"]:
            kind = lexicon.field_kind(fn, name)
            assert kind in values.KINDS, (name, fn, kind)
    assert lexicon.field_kind("weight", "earbuds") == "weight_small"
    assert lexicon.field_kind("weight", "blender") == "weight"
    assert lexicon.field_kind("price") == "price"


@pytest.mark.parametrize("template,edition", [("context-first", 1), ("question-around", 1), ("question-around", 2),
                                              ("question-around", 3), ("question-around", 4)])
def test_lines_are_prompts_of_their_template_with_a_span_answer(template, edition):
    """Each generated line is the prompt ask would send in that template, answered by a span of a
    chunk in it (or by nothing), within the block; the same bytes on every run."""
    from mgpt.retrieval.prompt import ANSWER, SEPARATOR, split_prompt
    from readergen.generate import company_lines

    lines = [line for i in range(3) for line in company_lines(7, i, 512, 48, template, edition)]
    assert lines == [line for i in range(3) for line in company_lines(7, i, 512, 48, template, edition)]
    answered = 0
    for line in lines:
        at = line.rindex(ANSWER) + len(ANSWER)
        prompt, answer = line[:at], line[at:]
        context, question = split_prompt(prompt)
        assert len(prompt) <= 512 - 1 - 48 and question
        assert prompt.startswith(f"Q: {question} C: ") == (template == "question-around")
        if answer:
            answered += 1
            assert any(answer in chunk for chunk in context.split(SEPARATOR))
    assert 0 < answered < len(lines)


def test_edition_1_lines_keep_their_bytes():
    """Stages 1-3 of the shipped reader were trained on edition 1's lines (scripts/make_reader.py
    records their sha256): a later edition must not change them. Fails if edition 2's additions
    draw from the random stream of edition 1, or if the chunker or prompt change what ask sends."""
    import hashlib

    from readergen.generate import company_lines

    lines = [line for i in range(4) for line in company_lines(0, i, 512, 48, "question-around", 1)]
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    assert digest == EDITION_1_SHA256


def test_added_numbers_never_touch_a_value():
    """Edition 2's headings and notes carry years and reference numbers that answer nothing: one
    that held a value (or sat inside one) would make a chunk seem to state that fact."""
    from readergen.writer import Writer
    from readergen.world import make_company

    company = make_company(random.Random("guard"), edition=2)
    renderer = Writer(company, random.Random("guard/render"), edition=2)
    years = [str(y) for y in range(2015, 2029)]
    renderer.values = years + ["Page 3"]
    marked = [renderer.titled("# Prices", p=1.0) for _ in range(300)]
    noted = [renderer.noted("# Prices\n\nThe Aster costs 349 EUR.\n") for _ in range(300)]
    assert not any(year in text for text in marked + noted for year in years)
    assert any(text != "# Prices" for text in marked)  # marks without a year (v2.1) still get through
