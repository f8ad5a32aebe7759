"""The span reader through the command line: trained by `train --kind span-reader`, described by
`info`, asked by `ask` (every retrieved chunk read, a cited span or an abstention), fed by
`rag-examples`, adapted by `finetune-lora`, merged by `merge-lora`, refused where only a model
that writes text will do. The reader here is tiny and barely trained: these tests check the
plumbing, not the answers' quality."""

import json

import pytest

from support.cli import assert_ok, assert_user_error as fails_with
from support.rag import mgpt_run
from support.span_examples import EXAMPLES

pytest.importorskip("pymilvus")


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    folder = tmp_path_factory.mktemp("span")
    data = folder / "examples.jsonl"
    data.write_text("".join(json.dumps(e) + "\n" for e in EXAMPLES * 4))
    assert_ok(mgpt_run("train", data, "--kind", "span-reader", "-o", folder / "r.npz", "--n-layer", "1",
                       "--n-embd", "16", "--n-head", "2", "--steps", "3", "--batch-size", "2", "--eval-iters", "1",
                       "--val-fraction", "0.2", "-q"))
    docs = folder / "docs"
    docs.mkdir()
    (docs / "kettles.md").write_text("# Aster kettle\n\nThe Aster costs 49 EUR and weighs 1.2 kg.\n\n"
                                     "# Brae kettle\n\nThe Brae costs 59 EUR.\n")
    assert_ok(mgpt_run("index", docs, "--db", folder / "kb.db", "-q"))
    return folder


def test_info_describes_a_span_reader(reader):
    out = json.loads(assert_ok(mgpt_run("info", reader / "r.npz", "--json")).stdout)
    assert out["kind"] == "reader" and out["mode"] == "pairs"
    assert out["config"]["attention"] == "split" and out["config"]["match_features"] is True
    assert 0 <= out["min_confidence"] <= 1
    text = assert_ok(mgpt_run("info", reader / "r.npz")).stdout
    assert "span reader" in text and "both ways" in text


def test_ask_reads_every_chunk_and_cites_the_span(reader):
    r = assert_ok(mgpt_run("ask", "How much is the Aster?", "--db", reader / "kb.db", "--ckpt", reader / "r.npz",
                           "--min-confidence", "0", "--json", "-k", "2"))
    out = json.loads(r.stdout)
    assert not out["abstained"] and len(out["sources"]) == 2
    assert all(s["in_prompt"] for s in out["sources"])  # a span reader reads every retrieved chunk
    cited = [s for s in out["sources"] if "span" in s]
    assert len(cited) == 1
    start, end = cited[0]["span"]
    assert " ".join(cited[0]["text"].split())[start:end] == out["answer"]
    high = json.loads(assert_ok(mgpt_run("ask", "How much is the Aster?", "--db", reader / "kb.db", "--ckpt",
                                         reader / "r.npz", "--min-confidence", "1", "--json")).stdout)
    assert high["abstained"] and high["answer"] is None


def test_the_reader_reads_as_many_chunks_as_its_file_says(reader, tmp_path):
    from mgpt.checkpoint import load_model, save_model

    ck = load_model(str(reader / "r.npz"))
    save_model(str(tmp_path / "k1.npz"), ck.model, ck.vocab, ck.mode, {**ck.state, "k": 1})
    out = json.loads(assert_ok(mgpt_run("ask", "How much is the Aster?", "--db", reader / "kb.db", "--ckpt",
                                        tmp_path / "k1.npz", "--json")).stdout)
    assert len(out["sources"]) == 1  # two chunks in the base: the reader's own k, not the default, was read
    assert json.loads(assert_ok(mgpt_run("info", tmp_path / "k1.npz", "--json")).stdout)["k"] == 1
    for key, bad in (("k", 0), ("k", 2.5), ("k", "many"), ("k", True), ("min_confidence", 1.5),
                     ("min_confidence", None)):
        save_model(str(tmp_path / "bad.npz"), ck.model, ck.vocab, ck.mode, {**ck.state, key: bad})
        fails_with(mgpt_run("ask", "How much is the Aster?", "--db", reader / "kb.db", "--ckpt", tmp_path / "bad.npz"),
                   f"the reader's {key} is {bad!r}")


def test_a_calibrated_reader_answers_with_its_calibrators_confidence(reader, tmp_path):
    """With a calibrator in its state, the reader's confidence is the logistic of the calibrator's
    weights over span_answer.abstention_features; its threshold applies to that; info says so; a
    damaged calibrator is one line."""
    import math

    from mgpt.checkpoint import load_model, save_model
    from mgpt.retrieval.span_answer import abstention_features

    ck = load_model(str(reader / "r.npz"))
    ask = ("ask", "How much is the Aster?", "--db", reader / "kb.db", "--json", "-k", "2")
    raw = json.loads(assert_ok(mgpt_run(*ask, "--ckpt", reader / "r.npz", "--min-confidence", "0")).stdout)
    assert raw["confidence"] == pytest.approx(raw["span_confidence"])  # no calibrator: the span's own
    weights, bias = [0.5, 0.25, -0.5, -2.0], 0.75
    calibrator = {"weights": weights, "bias": bias, "k": 2, "questions": 10}
    save_model(str(tmp_path / "cal.npz"), ck.model, ck.vocab, ck.mode, {**ck.state, "calibrator": calibrator})
    out = json.loads(assert_ok(mgpt_run(*ask, "--ckpt", tmp_path / "cal.npz", "--min-confidence", "0")).stdout)
    cited = next(s["rank"] for s in out["sources"] if "span" in s)
    features = abstention_features(out["span_confidence"], out["span_probability"], out["abstain_probability"], cited)
    expected = 1 / (1 + math.exp(-(sum(w * f for w, f in zip(weights, features)) + bias)))
    assert out["confidence"] == pytest.approx(expected) and out["confidence"] != pytest.approx(out["span_confidence"])
    above = json.loads(assert_ok(mgpt_run(*ask, "--ckpt", tmp_path / "cal.npz", "--min-confidence",
                                          f"{min(expected + 0.01, 1):.4f}")).stdout)
    assert above["abstained"]
    info = json.loads(assert_ok(mgpt_run("info", tmp_path / "cal.npz", "--json")).stdout)
    assert info["calibrated"] is True
    assert "calibrated confidence" in assert_ok(mgpt_run("info", tmp_path / "cal.npz")).stdout
    for bad in ({"weights": [1, 2], "bias": 0}, {"weights": weights}, {"weights": ["a"] * 4, "bias": 0},
                {"weights": [float("nan")] * 4, "bias": 0}):
        save_model(str(tmp_path / "bad.npz"), ck.model, ck.vocab, ck.mode, {**ck.state, "calibrator": bad})
        fails_with(mgpt_run(*ask, "--ckpt", tmp_path / "bad.npz"), "the reader's calibrator is not four weights")


def test_rag_examples_finetune_and_merge(reader):
    pairs = reader / "qa.jsonl"
    pairs.write_text('{"question": "What does the Brae cost?", "answer": "59 EUR"}\n'
                     '{"question": "Is there a Cedar kettle?", "answer": null}\n')
    r = assert_ok(mgpt_run("rag-examples", pairs, "--db", reader / "kb.db", "--ckpt", reader / "r.npz",
                           "-o", reader / "ex.jsonl", "-k", "2"))
    lines = [json.loads(line) for line in (reader / "ex.jsonl").read_text().splitlines()]
    assert [e["answer"] for e in lines] == ["59 EUR", None] and "1 abstaining" in r.stderr
    assert any("59 EUR" in c for c in lines[0]["chunks"]) and len(lines[1]["chunks"]) == 2
    assert_ok(mgpt_run("finetune-lora", "--base", reader / "r.npz", reader / "ex.jsonl", "-o", reader / "a.npz",
                       "--steps", "2", "--batch-size", "2", "--val-fraction", "0", "-q"))
    out = json.loads(assert_ok(mgpt_run("ask", "What does the Brae cost?", "--db", reader / "kb.db", "--ckpt",
                                        reader / "r.npz", "--adapter", reader / "a.npz", "--json")).stdout)
    assert "abstained" in out
    assert_ok(mgpt_run("merge-lora", "--base", reader / "r.npz", "--adapter", reader / "a.npz", "-o", reader / "m.npz"))
    assert json.loads(assert_ok(mgpt_run("info", reader / "m.npz", "--json")).stdout)["kind"] == "reader"


@pytest.mark.parametrize("command", [["sample", "--ckpt"], ["eval", "x.txt", "--ckpt"]])
def test_what_a_span_reader_cannot_do_is_one_line(reader, command):
    (reader / "x.txt").write_text("hello\n")
    fails_with(mgpt_run(*command, reader / "r.npz", cwd=reader), "is a span reader")


def test_bad_examples_are_one_line(reader, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(EXAMPLES[0]) + "\n" + '{"question": "Where?", "chunks": ["here"], "answer": "there"}\n')
    fails_with(mgpt_run("train", bad, "--kind", "span-reader", "-o", tmp_path / "x.npz", "--steps", "1"),
               "corpus:2: the answer 'there' is in none of the chunks")
    fails_with(mgpt_run("finetune-lora", "--base", reader / "r.npz", bad, "-o", tmp_path / "y.npz"), "corpus:2:")
    fails_with(mgpt_run("train", reader / "x.txt", "--init", reader / "r.npz", "-o", tmp_path / "z.npz",
                        "--answer-after", " A: "), "a span reader points at them")


def test_serve_asks_a_span_reader_and_refuses_completions(reader):
    from support.served import Served, needs_serve

    if needs_serve.args[0]:
        pytest.skip(needs_serve.kwargs["reason"])
    import httpx

    refused = mgpt_run("serve", "--ckpt", reader / "r.npz", "--db", reader / "kb.db", "--port", "0", cwd=reader)
    assert refused.returncode == 2 and "--reader" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    server = Served(reader, "--reader", reader / "r.npz", "--db", reader / "kb.db")
    try:
        r = httpx.post(server.url + "/v1/ask", json={"question": "How much is the Aster?", "min_confidence": 0},
                       timeout=30)
        assert r.status_code == 200 and r.json()["answer"] and all(s["in_prompt"] for s in r.json()["sources"])
        r = httpx.post(server.url + "/v1/completions", json={"prompt": "Aster", "max_tokens": 4}, timeout=30)
        assert r.status_code == 400 and "--ckpt MODEL to generate" in r.json()["error"]["message"]
    finally:
        server.stop()
