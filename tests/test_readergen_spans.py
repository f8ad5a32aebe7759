"""The span reader's generated examples (lab/readergen/spans.py): every span is the value where
a chunk states it for its product, never the same value standing for another product; the
unanswerable have none; mgpt's own example parser takes every line; the same seed gives the same
bytes."""

import hashlib
import json

from mgpt.pairs import parse_example
from readergen.spans import company_examples, occurrences

# sha256 of company_examples(105, 0..1, 5) as JSON lines: the first 36 examples of the edition-5 part of
# make_span_reader.py's generated.jsonl
FIRST_EXAMPLES_SHA256 = "0a4a1cb445f6c475e8cf59e54ccf9e42eced2eaed557df7d41233a99d41fafdd"


def examples(seed=105, companies=3, edition=5):
    return [e for i in range(companies) for e in company_examples(seed, i, edition)]


def test_spans_are_the_value_where_a_chunk_states_it():
    found = examples()
    assert len(found) > 20
    answered = [e for e in found if e["spans"]]
    assert answered and len(answered) < len(found)  # some questions no chunk answers
    for e in found:
        parse_example(e, "generated")  # mgpt reads every example as written
        assert 2 <= len(e["chunks"]) <= 6
        if e["answer"] is None:
            assert e["spans"] == []
            continue
        for i, start, end in e["spans"]:
            assert e["chunks"][i][start:end] == e["answer"]
        # every occurrence in a chunk that has a span is a span: no occurrence of the answer there is left out
        for i in {s[0] for s in e["spans"]}:
            assert sorted((s, t) for c, s, t in e["spans"] if c == i) == occurrences(e["chunks"][i], e["answer"])


def test_same_seed_same_bytes():
    first = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples(companies=2))
    again = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples(companies=2))
    assert first == again
    assert first != "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples(seed=106, companies=2))
    assert hashlib.sha256(first.encode()).hexdigest() == FIRST_EXAMPLES_SHA256


def test_questions_read_as_many_chunks_as_asked():
    """make_span_reader.py's generated4 reads 8 to 12 chunks a question, as `ask` reads 12."""
    many = [e for i in range(2) for e in company_examples(505, i, 5, rows_and_lines=True, chunks_read=(10, 12))]
    assert {len(e["chunks"]) for e in many} == {10, 12}
    assert any(e["spans"] for e in many) and any(e["answer"] is None for e in many)
