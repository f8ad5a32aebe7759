"""scripts/reader_examples.py: the shipped reader on examples with their own chunks, never abstaining."""

import json

import reader_examples

PRICE = "The Aster 700 tent costs 349 EUR and weighs 2.1 kg."
HOURS = "Our shop in Lyon opens at 9:00 from Monday to Saturday."


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def test_exact_answers_are_counted_over_the_answerable_examples_only(tmp_path, capsys):
    examples = _write(tmp_path / "ex.jsonl", [
        {"question": "How much does the Aster 700 cost?", "chunks": [HOURS, PRICE], "answer": "349 EUR"},
        # the answer given is not the one the question asks for: the reader's price cannot match it
        {"question": "How much does the Aster 700 cost?", "chunks": [PRICE, HOURS], "answer": "9:00"},
        {"question": "Does the Aster 700 have a porch?", "chunks": [PRICE], "answer": None},
    ])
    assert reader_examples.main([examples, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["exact"], result["answerable"], result["unanswerable_skipped"]) == (1, 2, 1)
    assert result["exact_match"] == 0.5


def test_a_bad_line_or_a_model_that_is_not_a_reader_is_one_line_and_exit_2(tmp_path, capsys):
    bad = _write(tmp_path / "bad.jsonl", [{"question": "Price?", "chunks": [PRICE], "answer": "349 EUR"},
                                           {"question": "Price?"}])
    assert reader_examples.main([bad]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl:2" in err and "chunks" in err and len(err.strip().splitlines()) == 1
    good = _write(tmp_path / "good.jsonl", [{"question": "Price?", "chunks": [PRICE], "answer": "349 EUR"}])
    (tmp_path / "not.npz").write_bytes(b"not a checkpoint")
    assert reader_examples.main([good, "--ckpt", str(tmp_path / "not.npz")]) == 2
    assert "not.npz" in capsys.readouterr().err
