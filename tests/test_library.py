"""mgpt from Python (mgpt.api, mgpt.knowledge) against the CLI it shares its code with, and the
small options: train --patience, sample --stop, --source globs."""

import json
import subprocess
import sys

import pytest

import mgpt
from mgpt.errors import MgptError
from mgpt.retrieval.collection import source_filter

from support.cli import ENV, FAST, NAMES, TINY, assert_ok, assert_user_error, mgpt_run


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    d = tmp_path_factory.mktemp("lib")
    (d / "names.txt").write_text(NAMES)
    assert_ok(mgpt_run("train", "names.txt", "-o", "names.npz", *TINY, *FAST, "--steps", 60, "--eval-every", 20,
                       "--mode", "docs", cwd=d))
    return d


def test_import_mgpt_is_cheap():
    code = "import sys, mgpt; print(sorted(m for m in sys.modules if m.split('.')[0] in " \
           "('numpy', 'pymilvus', 'fastapi', 'click', 'tqdm')))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=60)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


def test_sample_matches_the_cli_byte_for_byte(trained):
    model = mgpt.load(trained / "names.npz")
    for options, flags in (({"n": 6, "seed": 3}, ["-n", 6, "--seed", 3]),
                           ({"n": 4, "seed": 9, "prompt": "an", "temperature": 1.5, "top_k": 2},
                            ["-n", 4, "--seed", 9, "--prompt", "an", "--temperature", 1.5, "--top-k", 2])):
        cli = assert_ok(mgpt_run("sample", "--ckpt", "names.npz", *flags, cwd=trained)).stdout
        assert cli == "".join(s + "\n" for s in model.sample(**options))


def test_eval_matches_the_cli(trained):
    text = "anna\nemma\nolga\n"
    (trained / "held.txt").write_text(text)
    cli = json.loads(assert_ok(mgpt_run("eval", "--ckpt", "names.npz", "held.txt", "--json", cwd=trained)).stdout)
    assert mgpt.load(trained / "names.npz").eval(text) == cli


def test_info_is_the_cli_record(trained):
    cli = json.loads(assert_ok(mgpt_run("info", "names.npz", "--json", cwd=trained)).stdout)
    assert mgpt.load(str(trained / "names.npz")).info() == {**cli, "path": str(trained / "names.npz")}


@pytest.mark.parametrize("option,value,flag", [("steps", 0, "--steps"), ("lr", -1, "--lr"),
                                               ("val_fraction", 1, "--val-fraction")])
def test_bad_value_has_the_cli_wording(trained, option, value, flag):
    line = assert_user_error(mgpt_run("train", "names.txt", "-o", "x.npz", f"--{option.replace('_', '-')}", value,
                                      cwd=trained))
    with pytest.raises(MgptError) as e:
        mgpt.train(trained / "names.txt", trained / "x.npz", **{option: value})
    assert line == "mgpt: error: " + str(e.value).replace(option, flag, 1)
    assert not (trained / "x.npz").exists()


def test_unknown_keyword_names_it(trained):
    with pytest.raises(MgptError, match="unknown option.*stepz"):
        mgpt.train(trained / "names.txt", trained / "x.npz", stepz=3)
    with pytest.raises(MgptError, match="unknown option.*lrr"):
        mgpt.finetune_lora(trained / "names.npz", trained / "names.txt", trained / "a.npz", lrr=3)
    with pytest.raises(MgptError, match="n must be an integer >= 1"):
        mgpt.load(trained / "names.npz").sample(n=0)


def test_train_is_the_cli_run(tmp_path):
    """The same options from Python and from the shell write the same checkpoint bytes."""
    (tmp_path / "names.txt").write_text(NAMES)
    assert_ok(mgpt_run("train", "names.txt", "-o", "cli.npz", "--preset", "micro", "--steps", 30, "--eval-every", 10,
                       "--lr", "3e-3", "-q", cwd=tmp_path))
    records = []
    run = mgpt.train(tmp_path / "names.txt", tmp_path / "lib.npz", preset="micro", steps=30, eval_every=10,
                     lr=3e-3, quiet=True, progress=records.append)
    assert (tmp_path / "cli.npz").read_bytes() == (tmp_path / "lib.npz").read_bytes()
    assert run["step"] == 30 and [r["step"] for r in records if r["event"] == "eval"] == [10, 20, 30]


def test_patience_stops_and_keeps_the_best(tmp_path):
    (tmp_path / "names.txt").write_text(NAMES)
    r = assert_ok(mgpt_run("train", "names.txt", "-o", "p.npz", *TINY, "--batch-size", 4, "--eval-iters", 2,
                           "--steps", 400, "--eval-every", 5, "--lr", "3e-2", "--warmup", 0, "--patience", 2,
                           "--log", "p.jsonl", cwd=tmp_path))
    log = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    evals = [e for e in log if e["event"] == "eval"]
    stop = log[-1]
    assert stop["event"] == "stop" and stop["reason"] == "patience" and stop["step"] < 400
    assert all(evals[i]["val_loss"] >= min(e["val_loss"] for e in evals[:i]) for i in (-2, -1))  # no better
    assert "stopped early" in r.stderr and "--patience 2" in r.stderr
    best = mgpt.load(tmp_path / "p.npz").info()["best_val_loss"]
    assert best == min(e["val_loss"] for e in evals)


def test_sample_stop_cuts_before_the_first_occurrence(trained):
    full = assert_ok(mgpt_run("sample", "--ckpt", "names.npz", "-n", 8, "--seed", 5, cwd=trained)).stdout.splitlines()
    cut = assert_ok(mgpt_run("sample", "--ckpt", "names.npz", "-n", 8, "--seed", 5, "--stop", "a",
                             cwd=trained)).stdout.splitlines()
    assert any("a" in s for s in full)
    assert cut == [s.split("a")[0] for s in full]
    assert mgpt.load(trained / "names.npz").sample(n=8, seed=5, stop="a") == cut


def test_source_glob_becomes_an_escaped_like_pattern():
    assert source_filter("*.md") == 'source like "%/%.md"'
    assert source_filter("faq/a_b?%.txt") == r'source like "%/faq/a\\_b_\\%.txt"'
    assert source_filter("/abs/*") == 'source like "/abs/%"'
    with pytest.raises(MgptError, match=r"\[\.\.\.\]"):
        source_filter("[ab].md")
