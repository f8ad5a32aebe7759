"""The bases written to train the span reader (corpora/readertrain): each answer a verbatim
span of its file as mgpt reads it, the training and validation lists apart from each other and
from the bases that measure the reader, and the examples the runs trained on made of exactly the
training bases' questions, each answer where its spans say."""

import gzip
import json
from pathlib import Path

import pytest

from mgpt.pairs import parse_example
from support.documents import base_questions, document_texts

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / "corpora" / "readertrain"
RUNS = {path.name.removeprefix("TRAIN-"): path.read_text(encoding="utf-8").split() for path in ROOT.glob("TRAIN-*")}
TRAINED = set().union(*RUNS.values())
VALIDATION = (ROOT / "VALIDATION").read_text(encoding="utf-8").split()
NEAR_HELD_OUT = {"veltri-coffee", "h2-bikeshop", "h2-heatpump-nordvarme"}  # reader5 trained on them, none since
MEASURING = REPO / "corpora" / "readerkb"
ALL = sorted(TRAINED | set(VALIDATION))
WINDOW = 60


def test_the_lists_name_every_base_once_and_no_measuring_base():
    """Each run's list (TRAIN-RUN) grows on the one before, without the bases near a held-out base's
    products after reader5; validation bases are never trained on."""
    sizes = {run: len(bases) for run, bases in RUNS.items()}
    assert sizes == {"reader5": 34, "reader6": 51, "reader7": 65}
    assert all(len(set(bases)) == len(bases) for bases in RUNS.values())
    assert set(RUNS["reader5"]) - set(RUNS["reader6"]) == NEAR_HELD_OUT and set(RUNS["reader6"]) <= set(RUNS["reader7"])
    assert not NEAR_HELD_OUT & (set(RUNS["reader6"]) | set(RUNS["reader7"]))
    assert len(VALIDATION) == len(set(VALIDATION)) == 10 and not TRAINED & set(VALIDATION)
    on_disk = {p.stem for p in ROOT.glob("*.jsonl") if (ROOT / p.stem).is_dir()}
    assert on_disk == TRAINED | set(VALIDATION)
    assert not on_disk & {p.stem for p in MEASURING.glob("*.jsonl")}


def test_no_passage_of_a_measuring_base_is_in_a_training_base():
    """No 60 characters in a row (spaces collapsed) of what mgpt reads of the development and held-out
    bases occur in the training bases: written apart, they share words, never text."""
    def windows(folder, step):
        texts = [t for path in sorted(folder.rglob("*")) if path.is_file() for t in document_texts(path)]
        return {t[i:i + WINDOW] for t in texts for i in range(0, max(len(t) - WINDOW, 0) + 1, step)}

    measured = set().union(*(windows(folder, 1) for folder in MEASURING.iterdir()
                             if folder.is_dir() and (MEASURING / f"{folder.name}.jsonl").exists()))
    for name in ALL:
        shared = windows(ROOT / name, 1) & measured
        assert not shared, (name, sorted(shared)[:3])


@pytest.mark.parametrize("name", ALL)
def test_every_answer_is_a_span_of_its_file(name):
    questions = base_questions(ROOT, name)
    assert len(questions) == 30 and sum(q["answer"] is None for q in questions) == 6
    for q in questions:
        if q["answer"] is None:
            assert q["source"] is None
            continue
        texts = document_texts(ROOT / name / q["source"])
        assert any(" ".join(q["answer"].split()) in t for t in texts), (name, q)


@pytest.mark.parametrize("name", sorted(TRAINED))
def test_the_examples_trained_on_are_the_training_bases_questions(name):
    """Each trained base's examples: its own questions in its order (a few whose answer no retrieved
    chunk held verbatim left out), 12 chunks each, the answer where parse_example places it."""
    with gzip.open(ROOT / "examples" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        examples = [json.loads(line) for line in f]
    asked = [(q["question"], q["answer"]) for q in base_questions(ROOT, name)]
    got = [(e["question"], e["answer"]) for e in examples]
    assert 26 <= len(got) <= 30 and got == [q for q in asked if q in got]
    for e in examples:
        example = parse_example(e, f"{name}.jsonl.gz")  # the places of the answer, as training reads them
        assert len(e["chunks"]) == 12
        wanted = e["answer"]
        assert bool(example.spans) == (wanted is not None)
        for i, start, end in example.spans:
            assert e["chunks"][i][start:end] == wanted


def test_examples_exist_only_for_trained_bases():
    assert {p.name.removesuffix(".jsonl.gz") for p in (ROOT / "examples").iterdir()} == TRAINED
