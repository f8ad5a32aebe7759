"""A span reader with hashed word features through the command line: `train --word-buckets`,
`info`, `ask --ckpt`, LoRA, an exact resume, and the values and combinations refused in one line.
Tiny and barely trained, as in test_span_reader_cli.py: the plumbing, not the answers."""

import json

import pytest
from click.testing import CliRunner

from mgpt.cli import cli
from support.cli import assert_ok, assert_user_error as fails_with
from support.rag import mgpt_run
from support.span_examples import EXAMPLES

TINY = ["--kind", "span-reader", "--n-layer", "1", "--n-embd", "16", "--n-head", "2", "--batch-size", "2",
        "--eval-iters", "1", "--val-fraction", "0.2"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("words")
    (folder / "examples.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EXAMPLES * 4))
    return folder


def test_train_info_ask_and_lora(folder):
    pytest.importorskip("pymilvus")
    data = folder / "examples.jsonl"
    r = assert_ok(mgpt_run("train", data, *TINY, "--steps", "3", "--word-buckets", "64", "-o", folder / "w.npz"))
    assert "hashed word features: 64 buckets" in r.stderr
    out = json.loads(assert_ok(mgpt_run("info", folder / "w.npz", "--json")).stdout)
    assert out["config"]["word_buckets"] == 64
    assert "hashed word features: 64 buckets" in assert_ok(mgpt_run("info", folder / "w.npz")).stdout
    docs = folder / "docs"
    docs.mkdir()
    (docs / "kettles.md").write_text("# Aster kettle\n\nThe Aster costs 49 EUR and weighs 1.2 kg.\n\n"
                                     "# Brae kettle\n\nThe Brae costs 59 EUR.\n")
    assert_ok(mgpt_run("index", docs, "--db", folder / "kb.db", "-q"))
    ask = ["ask", "How much is the Aster?", "--db", folder / "kb.db", "--min-confidence", "0", "--json"]
    answer = json.loads(assert_ok(mgpt_run(*ask, "--ckpt", folder / "w.npz")).stdout)
    cited = [s for s in answer["sources"] if "span" in s]
    assert not answer["abstained"] and len(cited) == 1
    start, end = cited[0]["span"]
    assert " ".join(cited[0]["text"].split())[start:end] == answer["answer"]
    assert_ok(mgpt_run("finetune-lora", "--base", folder / "w.npz", data, "-o", folder / "a.npz", "--steps", "2",
                       "--batch-size", "2", "--val-fraction", "0", "-q"))
    assert "abstained" in json.loads(assert_ok(mgpt_run(*ask, "--ckpt", folder / "w.npz", "--adapter",
                                                        folder / "a.npz")).stdout)
    assert_ok(mgpt_run("merge-lora", "--base", folder / "w.npz", "--adapter", folder / "a.npz", "-o", folder / "m.npz"))
    assert json.loads(assert_ok(mgpt_run("info", folder / "m.npz", "--json")).stdout)["config"]["word_buckets"] == 64


def test_off_is_the_reader_without_them(folder):
    """--word-buckets 0 is no flag at all: the same bytes, a config without the key."""
    runner = CliRunner()
    for name, extra in (("off", ["--word-buckets", "0"]), ("none", [])):
        r = runner.invoke(cli, ["train", str(folder / "examples.jsonl"), *TINY, "--steps", "2", "-q", "-o",
                                str(folder / f"{name}.npz"), *extra])
        assert r.exit_code == 0, r.output
    assert (folder / "off.npz").read_bytes() == (folder / "none.npz").read_bytes()
    assert "word_buckets" not in json.loads(assert_ok(mgpt_run("info", folder / "off.npz", "--json")).stdout)["config"]


def test_resume_with_word_features_is_exact(folder, interrupt_after_step):
    """Stopped by SIGINT at step 4 and resumed (its options from the checkpoint): the bytes of the
    run that was never stopped."""
    runner = CliRunner()
    common = [str(folder / "examples.jsonl"), *TINY, "--word-buckets", "32", "--dropout", "0.1", "--steps", "8",
              "--eval-every", "3", "--seed", "4", "-q"]
    r = runner.invoke(cli, ["train", *common, "-o", str(folder / "ref.npz")])
    assert r.exit_code == 0, r.output
    interrupt_after_step(4)
    r = runner.invoke(cli, ["train", *common, "-o", str(folder / "run.npz")])
    assert r.exit_code == 130 and "interrupted at step 4" in r.stderr, r.output
    interrupt_after_step(None)
    r = runner.invoke(cli, ["train", str(folder / "examples.jsonl"), "-o", str(folder / "run.npz"), "-q",
                            "--resume", str(folder / "run-last.npz")])
    assert r.exit_code == 0, r.output
    assert (folder / "run.npz").read_bytes() == (folder / "ref.npz").read_bytes()
    assert (folder / "run-last.npz").read_bytes() == (folder / "ref-last.npz").read_bytes()


@pytest.mark.parametrize("args,needle", [
    (["--word-buckets", "1"], "--word-buckets must be 0 (no word features) or from 2 to 1048576, not 1"),
    (["--word-buckets", "-3"], "--word-buckets must be an integer >= 0 and <= 1048576, not -3"),
    (["--word-buckets", "1048577"], "<= 1048576, not 1048577"),
    (["--word-buckets", "many"], "not 'many'"),
    (["--word-buckets", "8", "--kind", "gpt"], "--word-buckets is for a span reader (--kind span-reader); drop it"),
    (["--word-buckets", "8", "--resume", "r-last.npz"], "--resume keeps its checkpoint's kind and reading; drop "
                                                         "--kind, --attention, --match-features and --word-buckets"),
    (["--word-buckets", "8", "--init", "r.npz"], "--init keeps its checkpoint's kind and reading"),
])
def test_bad_word_buckets_are_one_line(folder, args, needle):
    kind = [] if "--kind" in args else ["--kind", "span-reader"]
    fails_with(mgpt_run("train", "examples.jsonl", *kind, *args, "-o", "x.npz", "--steps", "1", cwd=folder), needle)
    assert not (folder / "x.npz").exists()
