"""The reader shipped with mgpt (src/mgpt/models/reader.npz): `ask` uses it without --ckpt, `info`
describes it, and an installation that lost it, or holds a damaged one, says so in one line."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from support.cli import assert_ok, assert_user_error
from support.rag import ENV, mgpt_run, needs_milvus

from mgpt.checkpoint import load_model
from mgpt.retrieval.answer import default_confidence
from mgpt.retrieval.reader import READER_FILE

KB = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpora", "kb")

# `mgpt ARGS` in an installation whose reader file is READER (the module's path swapped in)
WITH_READER = """import sys
import mgpt.retrieval.reader as reader
reader.READER_FILE = sys.argv[1]
from mgpt.cli import cli
cli.main(sys.argv[2:], prog_name="mgpt")
"""


def with_reader(reader, *args, cwd=None):
    return subprocess.run([sys.executable, "-c", WITH_READER, str(reader), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, env=ENV, timeout=120)


def test_the_reader_ships_within_its_size():
    assert os.path.isfile(READER_FILE), "src/mgpt/models/reader.npz is package data: build it with make_reader.py"
    assert os.path.getsize(READER_FILE) <= 16 * 2**20


def test_info_describes_the_reader_its_recipe_and_heldout_figures():
    assert assert_ok(mgpt_run("info", "--reader", "--path")).stdout.strip() == READER_FILE
    record = json.loads(assert_ok(mgpt_run("info", "--reader", "--json")).stdout)
    # a span reader (pairs of question and chunk) or the generative reader (a docs-mode model)
    span = record["mode"] == "pairs"
    assert record["path"] == READER_FILE and record["mode"] in ("pairs", "docs")
    text = assert_ok(mgpt_run("info", "--reader")).stdout
    assert ("scripts/make_span_reader.py" if span else "scripts/make_reader.py") in text and "held out" in text
    for base in ("manual", "specs", "faq"):
        assert base in text
    # each data set with its size and seeds, a set made of parts (edition 4 + replay) included
    data = record["reader"]["recipe"]["data"]
    for name, d in data.items():
        parts = d.get("parts") or [d]
        origin = f"{len(d['bases'])} knowledge bases written for training" if "bases" in d else \
            "seed " + "/".join(str(p["seed"]) for p in parts)
        unit = "examples" if span else "lines"
        assert f"{sum(p[unit] for p in parts):,} {name} {unit} ({origin}," in text
    # a data set given N times in a row (weighted) is named once, xN, on the recipe's line
    command = record["reader"]["recipe"]["train"].split(" ")
    for name in data:
        path = f"out/spans/{name}.jsonl"
        if command.count(path) > 1:
            assert f"{path} (x{command.count(path)})" in text and text.count(path) == 1


def test_a_missing_or_damaged_reader_is_one_line(tmp_path):
    missing = tmp_path / "gone" / "reader.npz"
    assert_user_error(with_reader(missing, "ask", "What does it cost?", "--db", tmp_path / "kb.db"),
                      "the shipped reader is missing", "--ckpt")
    assert_user_error(with_reader(missing, "info", "--reader"), "the shipped reader is missing")
    damaged = tmp_path / "reader.npz"
    damaged.write_bytes(open(READER_FILE, "rb").read()[:50_000])
    assert_user_error(with_reader(damaged, "info", "--reader"), str(damaged))


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    """corpora/kb indexed into a fresh database (a copy: the freshness test edits a file)."""
    work = tmp_path_factory.mktemp("reader-kb")
    shutil.copytree(KB, work / "kb")
    assert_ok(mgpt_run("index", "kb", "--db", "kb.db", "-q", cwd=work))
    return work


def ask_json(question, cwd, *extra):
    return json.loads(assert_ok(mgpt_run("ask", question, "--db", "kb.db", "--json", *extra, cwd=cwd)).stdout)


@needs_milvus
def test_ask_cites_a_span_of_the_documents_and_follows_an_edit(kb):
    question = "What is the price of the Kestrel 2 tent?"
    # the span the reader chooses, whatever its confidence (abstention is tested below), from dense
    # retrieval: Milvus Lite scores BM25 with each segment's own statistics, so the rows an edit
    # rewrites (a new, small segment) rank lower in BM25 than before (docs/RAG.md, known limits)
    before = ask_json(question, kb, "--min-confidence", "0", "--retrieval", "dense")
    assert before["answer"] == "349 EUR" and not before["abstained"]
    (cited,) = [s for s in before["sources"] if "span" in s]
    start, end = cited["span"]
    assert cited["source"].endswith("tents.md") and cited["text"][start:end] == "349 EUR"
    tents = kb / "kb" / "tents.md"
    tents.write_text(tents.read_text().replace("price: 349 EUR", "price: 379 EUR"))
    assert_ok(mgpt_run("index", "kb", "--db", "kb.db", "-q", cwd=kb))
    after = ask_json(question, kb, "--min-confidence", "0", "--retrieval", "dense")
    assert after["answer"] == "379 EUR"  # no training: the documents changed


@needs_milvus
def test_ask_says_the_documents_do_not_say(kb):
    # an answer under --min-confidence is an abstention: one line on stdout, exit 0, the sources kept
    question = "Can I pay with bitcoin?"
    r = assert_ok(mgpt_run("ask", question, "--db", "kb.db", "--min-confidence", "1", cwd=kb))
    assert r.stdout == "The documents do not say.\n"
    result = ask_json(question, kb, "--min-confidence", "1")
    assert result["answer"] is None and result["abstained"] and result["sources"]
    assert not any("span" in s for s in result["sources"])
    # the default threshold is the one documented (docs/RAG.md) and keeps the answers it trusts
    default = ask_json(question, kb)
    threshold = default_confidence(load_model(READER_FILE))
    assert default["abstained"] == (default["model_answer"] == "" or default["confidence"] < threshold)


@needs_milvus
def test_ask_bad_input_is_one_line(kb, tmp_path):
    from support.cli import FAST, NAMES, TINY

    (tmp_path / "names.txt").write_text(NAMES)
    assert_ok(mgpt_run("train", tmp_path / "names.txt", "-o", tmp_path / "other.npz", *TINY, *FAST, "--steps", "3"))
    assert_ok(mgpt_run("finetune-lora", "--base", tmp_path / "other.npz", tmp_path / "names.txt", "-o",
                       tmp_path / "other-lora.npz", *FAST, "--steps", "2", "--rank", "2"))
    (tmp_path / "broken.npz").write_bytes(b"PK\x03\x04 not really a zip file")
    q = "What is the price of the Kestrel 2 tent?"
    cases = [
        (["ask", "", "--db", "kb.db"], "the question is empty"),
        (["ask", " \t ", "--db", "kb.db"], "the question is empty"),
        (["ask", q, "--db", "kb.db", "-k", "0"], "-k"),
        (["ask", q, "--db", "kb.db", "--ckpt", tmp_path / "broken.npz"], "broken.npz"),
        (["ask", q, "--db", "kb.db", "--ckpt", tmp_path / "none.npz"], "none.npz"),
        (["ask", q, "--db", "kb.db", "--adapter", tmp_path / "other-lora.npz"], "other-lora.npz"),
        (["ask", q, "--db", tmp_path / "none.db"], "none.db"),
        # longer than either reader reads (the generative one: 224 characters, in its block of 512 with
        # the question twice and 48 for the answer; a span reader: its own question length)
        (["ask", "why " * 56 + "?", "--db", "kb.db"], "the question is 225 characters", "at most"),
        # the shipped span reader reads questions of at most 120 characters (pairs.MAX_QUESTION)
        (["ask", "how much " * 13 + "tent?", "--db", "kb.db"], "the question is 122 characters", "at most 120"),
    ]
    for args, *needles in cases:
        assert_user_error(mgpt_run(*args, cwd=kb), *needles)
    assert not os.path.exists(tmp_path / "none.db")


def test_the_prompt_template_stays_with_the_weights(tmp_path):
    """A model trained to read question-around prompts keeps that name through train --init,
    --resume and merge-lora, so ask sends what the weights were trained to read."""
    from support.cli import FAST, NAMES, TINY

    from mgpt.checkpoint import load_model, save_model

    (tmp_path / "names.txt").write_text(NAMES)
    base = tmp_path / "base.npz"
    assert_ok(mgpt_run("train", tmp_path / "names.txt", "-o", base, *TINY, *FAST, "--steps", "3"))
    assert "prompt_template" not in json.loads(assert_ok(mgpt_run("info", base, "--json")).stdout)
    ck = load_model(str(base))
    save_model(str(base), ck.model, ck.vocab, ck.mode, {**ck.state, "prompt_template": "question-around"})
    steps = [("train", tmp_path / "names.txt", "-o", tmp_path / "init.npz", "--init", base, *FAST, "--steps", "3",
              "--save-every", "1"),
             ("train", tmp_path / "names.txt", "-o", tmp_path / "init.npz", "--resume", tmp_path / "init-last.npz",
              "--steps", "5", "-q"),
             ("finetune-lora", "--base", base, tmp_path / "names.txt", "-o", tmp_path / "lora.npz", *FAST,
              "--steps", "2", "--rank", "2"),
             ("merge-lora", "--base", base, "--adapter", tmp_path / "lora.npz", "-o", tmp_path / "merged.npz")]
    for args in steps:
        assert_ok(mgpt_run(*args))
    for made in ("init.npz", "init-last.npz", "merged.npz"):
        record = json.loads(assert_ok(mgpt_run("info", tmp_path / made, "--json")).stdout)
        assert record["prompt_template"] == "question-around", made
    assert "prompt       question-around template" in assert_ok(mgpt_run("info", tmp_path / "merged.npz")).stdout
