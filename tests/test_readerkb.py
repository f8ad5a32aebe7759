"""The hand-written bases that measure the reader (corpora/readerkb): every accepted answer is a
verbatim span of the file the question names (exact match could never be reached otherwise), and
each base holds the questions its docs promise."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "corpora" / "readerkb"
BASES = sorted(p.stem for p in ROOT.glob("*.jsonl") if (ROOT / p.stem).is_dir())


def _questions(name):
    return [json.loads(line) for line in (ROOT / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]


def test_the_bases_are_there():
    assert {"manual", "specs", "faq", "dev", "dev2", "dev3"} <= set(BASES)


@pytest.mark.parametrize("name", BASES)
def test_answers_are_spans_of_their_source(name):
    for q in _questions(name):
        assert q["question"].strip() and isinstance(q["answers"], list)
        if not q["answers"]:  # unanswerable: no file states it
            continue
        text = " ".join((ROOT / name / q["source"]).read_text(encoding="utf-8").split())
        for answer in q["answers"]:
            assert " ".join(answer.split()) in text, (name, q["question"], answer)


@pytest.mark.parametrize("name", ["manual", "specs", "faq"])
def test_held_out_bases_have_enough_questions(name):
    """The issue's floor for a held-out base: 30 answerable and 10 unanswerable questions."""
    questions = _questions(name)
    assert sum(bool(q["answers"]) for q in questions) >= 30
    assert sum(not q["answers"] for q in questions) >= 10
