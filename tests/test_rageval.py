"""`mgpt rag-eval`: the metrics on hand-made rows, the question file's mistakes, and a real run
of the shipped reader over corpora/kb indexed into Milvus Lite (no mocks there)."""

import json
import os

import pytest

from mgpt.checkpoint import load_model
from mgpt.errors import MgptError
from mgpt.retrieval.answer import default_confidence, default_k
from mgpt.retrieval.reader import READER_FILE
from mgpt.retrieval.evaluation import (Question, contains_answer, evaluate, exact_match, f1, normalize, scored,
                                       summarize)

from support.cli import assert_ok, assert_user_error
from support.rag import mgpt_run, needs_milvus

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEYS = ("exact_match", "f1", "chunk_recall", "abstain_unanswerable", "abstain_answerable", "answerable",
        "unanswerable", "latency_median_s", "latency_p95_s", "k")
RATES = ("exact_match", "f1", "chunk_recall", "abstain_unanswerable", "abstain_answerable")


# --- the metrics ----------------------------------------------------------------------------

def test_squad_normalisation_exact_match_and_f1():
    assert normalize("The  price: €349!") == "price 349" and normalize("“An” apple – a day…") == "apple day"
    assert exact_match("the 349 EUR.", ["349 eur"]) and not exact_match("349", ["349 EUR"])
    assert exact_match("12 March 2024", ["March 12, 2024", "12 March 2024"])  # any accepted answer
    assert not exact_match(None, ["349 EUR"])  # an abstention is never right
    assert f1("3", ["3 people"]) == pytest.approx(2 / 3)  # precision 1, recall 1/2
    assert f1("sleeps 3 people", ["3 people"]) == pytest.approx(0.8)  # precision 2/3, recall 1
    assert f1("3 people", ["nothing alike", "3 persons", "people"]) == pytest.approx(2 / 3)  # the best answer
    assert f1(None, ["3 people"]) == 0.0 and f1("other", ["3 people"]) == 0.0
    assert f1("The", ["a"]) == 1.0  # both normalise to nothing


def test_chunk_containment_collapses_whitespace_and_keeps_case():
    assert contains_answer("Kestrel 2 tent. price:\n 349   EUR; weight", ["349 EUR"])
    assert contains_answer("x 48 x 16 cm", ["nope", "48  x 16 cm"])
    assert not contains_answer("price: 349 eur", ["349 EUR"])


def rows():
    return [scored("q1", ["349 EUR"], "349 EUR", True, 0.1),  # exact
            scored("q2", ["3 people"], "3", True, 0.2),  # partly right
            scored("q3", ["5 years"], None, False, 0.3),  # abstained, its chunk never read
            scored("q4", [], None, False, 0.4),  # unanswerable, abstained: right
            scored("q5", [], "2025", False, 0.5)]  # unanswerable, answered: wrong


def test_summary_of_hand_made_rows():
    s = summarize(rows())
    assert (s["questions"], s["answerable"], s["unanswerable"]) == (5, 3, 2)
    assert s["exact_match"] == pytest.approx(1 / 3) and s["f1"] == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert s["chunk_recall"] == pytest.approx(2 / 3)
    assert s["abstain_answerable"] == pytest.approx(1 / 3) and s["abstain_unanswerable"] == 0.5
    assert s["counts"] == {"exact": 1, "chunk_in_prompt": 2, "abstained_answerable": 1, "abstained_unanswerable": 1}
    assert s["latency_median_s"] == 0.3 and s["latency_p95_s"] == 0.5
    assert rows()[3]["exact"] is rows()[3]["f1"] is rows()[3]["chunk_in_prompt"] is None


def test_a_rate_with_no_question_behind_it_is_null_and_shown_as_n_a():
    from mgpt.cli.rageval import summary_lines

    only_answerable, only_unanswerable = summarize(rows()[:3]), summarize(rows()[3:])
    assert only_answerable["abstain_unanswerable"] is None and only_answerable["exact_match"] is not None
    assert all(only_unanswerable[key] is None for key in ("exact_match", "f1", "chunk_recall", "abstain_answerable"))
    assert only_unanswerable["abstain_unanswerable"] == 0.5
    text = "\n".join(summary_lines({**only_unanswerable, "k": 3, "retrieval": "hybrid", "min_confidence": 0.15}))
    assert "exact match   n/a (0 of 0)" in text and "F1            n/a" in text and "50.0% of unanswerable" in text


def test_evaluate_reads_only_the_chunks_in_the_prompt_and_names_the_line_of_a_refused_question():
    def ask(question):
        if question == "too long":
            raise MgptError("the question is 300 characters long; 224 fit")
        sources = [{"text": "price: 349 EUR", "in_prompt": question == "read"}, {"text": "other", "in_prompt": True}]
        return {"answer": None, "abstained": True, "sources": sources}

    got = evaluate([Question("qa.jsonl:1", "read", ["349 EUR"]), Question("qa.jsonl:2", "unread", ["349 EUR"]),
                    Question("qa.jsonl:4", "never", [])], ask)
    assert [r["chunk_in_prompt"] for r in got] == [True, False, None]
    assert [r["answer"] for r in got] == [None] * 3 and all(r["seconds"] >= 0 for r in got)
    with pytest.raises(MgptError, match=r"^qa.jsonl:9: the question is 300 characters long"):
        evaluate([Question("qa.jsonl:9", "too long", [])], ask)


# --- the question file's mistakes: exit 2, one line ----------------------------------------

GOOD = '{"question": "What is the price of the Kestrel 2 tent?", "answer": "349 EUR"}\n'
BAD_FILES = {
    "empty": ("\n  \n", "qa.jsonl: no question/answer pairs"),
    "not json": (GOOD + "\n{\"question\": \n", "qa.jsonl:3: not JSON"),
    "no question": (GOOD + '{"answer": "b"}\n', "qa.jsonl:2: needs a non-empty \"question\" string"),
    "blank question": ('{"question": "  ", "answer": "b"}\n', "qa.jsonl:1: needs a non-empty \"question\""),
    "not an object": ("[1, 2]\n", "qa.jsonl:1: needs a non-empty \"question\""),
    "no answer": (GOOD + '{"question": "q?", "answers": ["b"]}\n', "qa.jsonl:2: needs an \"answer\""),
    "number": (GOOD + '{"question": "q?", "answer": 12}\n', "qa.jsonl:2: \"answer\" must be a non-empty string"),
    "empty answer": ('{"question": "q?", "answer": " "}\n', "qa.jsonl:1: \"answer\" must be"),
    "empty list": ('{"question": "q?", "answer": []}\n', "qa.jsonl:1: \"answer\" must be"),
    "list of other": ('{"question": "q?", "answer": ["b", 3]}\n', "qa.jsonl:1: \"answer\" must be"),
    "list with blank": ('{"question": "q?", "answer": ["b", ""]}\n', "qa.jsonl:1: \"answer\" must be"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_question_files(tmp_path, case):
    text, needle = BAD_FILES[case]
    (tmp_path / "qa.jsonl").write_text(text)
    assert_user_error(mgpt_run("rag-eval", "qa.jsonl", "--db", "kb.db", cwd=tmp_path), needle)


def test_a_missing_question_file(tmp_path):
    assert_user_error(mgpt_run("rag-eval", "nope.jsonl", "--db", "kb.db", cwd=tmp_path), "nope.jsonl: cannot read")


@needs_milvus
def test_a_missing_database_is_refused_not_created(tmp_path):
    (tmp_path / "qa.jsonl").write_text(GOOD)
    assert_user_error(mgpt_run("rag-eval", "qa.jsonl", "--db", "nope.db", cwd=tmp_path), "nope.db", "no such database")
    assert not os.path.exists(tmp_path / "nope.db")


# --- a real run: the shipped reader on corpora/kb -------------------------------------------

@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    """corpora/kb indexed into a fresh database, and a question file: five of kb_questions.jsonl
    (one with two accepted answers) and one the documents do not answer."""
    d = tmp_path_factory.mktemp("rageval")
    assert_ok(mgpt_run("index", os.path.join(ROOT, "corpora", "kb"), "--db", "kb.db", "-q", cwd=d))
    with open(os.path.join(ROOT, "corpora", "kb_questions.jsonl"), encoding="utf-8") as f:
        known = [json.loads(line) for line in f][:5]
    qa = [{"question": q["question"], "answer": q["answer"]} for q in known]
    qa[1]["answer"] = [qa[1]["answer"], "something else"]
    qa.append({"question": "Can I pay with bitcoin?", "answer": None})
    (d / "qa.jsonl").write_text("\n".join(json.dumps(q) for q in qa[:3]) + "\n\n"
                                + "\n".join(json.dumps(q) for q in qa[3:]) + "\n")
    return d, qa


@needs_milvus
def test_the_shipped_reader_on_the_demonstration_base(kb):
    d, qa = kb
    out = json.loads(assert_ok(mgpt_run("rag-eval", "qa.jsonl", "--db", "kb.db", "--json", "--rows", cwd=d)).stdout)
    assert all(key in out for key in KEYS), sorted(out)
    k = default_k(load_model(READER_FILE))  # ask's, by the shipped reader's kind
    assert (out["questions"], out["answerable"], out["unanswerable"], out["k"]) == (6, 5, 1, k)
    assert out["min_confidence"] == default_confidence(load_model(READER_FILE))  # the one it abstained under
    for key in RATES:
        assert isinstance(out[key], float) and 0 <= out[key] <= 1, (key, out[key])
    assert 0 < out["latency_median_s"] <= out["latency_p95_s"] < 30
    assert out["counts"]["exact"] == round(out["exact_match"] * 5)
    assert [r["question"] for r in out["rows"]] == [q["question"] for q in qa]
    assert out["rows"][1]["answers"] == qa[1]["answer"] and out["rows"][5]["answers"] == []
    # the reader answers as `mgpt ask` does, with the same retrieval and defaults
    asked = json.loads(assert_ok(mgpt_run("ask", qa[0]["question"], "--db", "kb.db", "--json", cwd=d)).stdout)
    assert out["rows"][0]["answer"] == asked["answer"]

    text = assert_ok(mgpt_run("rag-eval", "qa.jsonl", "--db", "kb.db", "-k", "2", "--rows", cwd=d)).stdout
    lines = text.splitlines()
    assert len(lines) == 6 + 6 and all(line.split()[0] in ("ok", "wrong") for line in lines[:6])
    assert lines[6] == (f"6 questions: 5 answerable, 1 unanswerable (k 2, hybrid retrieval, min-confidence "
                        f"{default_confidence(load_model(READER_FILE)):g})")
    assert lines[7].startswith("exact match ") and "of unanswerable (" in text and "latency       median" in text
