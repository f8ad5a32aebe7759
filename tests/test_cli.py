"""The `mgpt` command line, run as a user runs it: real `python -m mgpt` subprocesses.

Every model here is tiny (1 layer, 16 wide, block 8) and trains for a handful of steps, so the
whole file runs in seconds on two cores.
"""

import hashlib
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

import mgpt

from support.cli import (ENV, FAST, NAMES, PROSE, TINY, assert_ok, assert_user_error, mgpt_popen, mgpt_run, read,
                         snapshot, train)


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """A docs-mode (names) and a stream-mode (prose) model, trained once for the module."""
    d = tmp_path_factory.mktemp("models")
    (d / "names.txt").write_text(NAMES)
    (d / "prose.txt").write_text(PROSE)
    train(d / "names.txt", d / "names.npz", "--mode", "docs", steps=150)
    train(d / "prose.txt", d / "prose.npz", "--mode", "stream", steps=150)
    return d


@pytest.fixture
def work(tmp_path, models):
    """A fresh folder with the corpora and an existing checkpoint out.npz (+ out-last.npz)."""
    shutil.copy(models / "names.txt", tmp_path / "names.txt")
    shutil.copy(models / "prose.txt", tmp_path / "prose.txt")
    shutil.copy(models / "names.npz", tmp_path / "out.npz")
    shutil.copy(models / "names-last.npz", tmp_path / "out-last.npz")
    return tmp_path


# --- bad input: exit 2, one line, no traceback, nothing lost ------------------------------

def train_fails(work, args, *needles, timeout=120):
    """Runs `mgpt train ARGS -o out.npz` expecting a user error; out.npz and the folder unchanged."""
    before = snapshot(work)
    r = mgpt_run("train", *args, cwd=work, timeout=timeout)
    line = assert_user_error(r, *needles)
    assert snapshot(work) == before, "a failed train changed, added or removed files"
    return line


def test_missing_corpus(work):
    train_fails(work, ["nope.txt", "-o", "out.npz", *TINY], "nope.txt", "no such file")


def test_directory_as_corpus(work):
    (work / "texts").mkdir()
    train_fails(work, ["texts", "-o", "out.npz", *TINY], "texts", "directory")


def test_empty_corpus(work):
    (work / "empty.txt").write_text("")
    train_fails(work, ["empty.txt", "-o", "out.npz", *TINY], "empty.txt", "empty")


def test_whitespace_only_corpus(work):
    (work / "blank.txt").write_text("  \n\t\n\n   \n")
    train_fails(work, ["blank.txt", "-o", "out.npz", *TINY], "blank.txt", "whitespace")


def test_invalid_utf8_names_file_and_offset(work):
    (work / "latin1.txt").write_bytes(b"anna\nbob\ncaf\xe9\n")
    line = train_fails(work, ["names.txt", "latin1.txt", "-o", "out.npz", *TINY], "latin1.txt", "UTF-8")
    assert re.search(r"\b12\b", line), line  # b"anna\nbob\ncaf" is 12 bytes


def test_invalid_utf8_on_stdin(work):
    before = snapshot(work)
    r = subprocess.run([sys.executable, "-m", "mgpt", "train", "-", "-o", "out.npz", *TINY], cwd=work,
                       input=b"ok\n\x80oops\n", capture_output=True, env=ENV, timeout=60)
    r = subprocess.CompletedProcess(r.args, r.returncode, r.stdout.decode(), r.stderr.decode())
    line = assert_user_error(r, "<stdin>", "UTF-8")
    assert re.search(r"\b3\b", line), line  # b"ok\n" is 3 bytes
    assert snapshot(work) == before


def test_stream_corpus_shorter_than_one_window(work):
    (work / "short.txt").write_text("hello there\n")  # 12 characters; a window is block 16 + 1
    line = train_fails(work, ["short.txt", "-o", "out.npz", "--mode", "stream", "--block-size", "16",
                              "--n-layer", "1", "--n-embd", "16", "--n-head", "2"], "stream mode")
    assert "17" in line and "12" in line, line


BAD_TRAIN_OPTIONS = [
    ("--steps", "0"), ("--steps", "-5"), ("--lr", "0"), ("--lr", "-0.001"), ("--batch-size", "-1"),
    ("--batch-size", "0"), ("--n-layer", "0"), ("--n-head", "0"), ("--n-embd", "-16"),
    ("--block-size", "0"), ("--eval-every", "0"), ("--eval-iters", "0"), ("--save-every", "0"),
    ("--warmup", "-1"), ("--min-lr", "-1"), ("--weight-decay", "-0.1"), ("--grad-clip", "-1"),
    ("--val-fraction", "-0.1"), ("--val-fraction", "1"), ("--beta1", "1"), ("--beta2", "-0.5"),
    ("--dropout", "1"), ("--seed", "-1"), ("--patience", "0"), ("--patience", "-2"),
]


@pytest.mark.parametrize("option,value", BAD_TRAIN_OPTIONS)
def test_train_rejects_bad_numbers(work, option, value):
    train_fails(work, ["names.txt", "-o", "out.npz", "--preset", "micro", option, value], option)


@pytest.mark.parametrize("option,value", [("-n", "0"), ("--max-new-tokens", "0"), ("--temperature", "-1"),
                                          ("--top-k", "0"), ("--top-p", "0"), ("--top-p", "1.5"),
                                          ("--seed", "-3")])
def test_sample_rejects_bad_numbers(work, option, value):
    assert_user_error(mgpt_run("sample", "--ckpt", "out.npz", option, value, cwd=work), option)


def test_sample_rejects_an_empty_stop(work):
    assert_user_error(mgpt_run("sample", "--ckpt", "out.npz", "--stop", "", cwd=work), "--stop must not be empty")


def test_n_embd_not_divisible_by_n_head(work):
    train_fails(work, ["names.txt", "-o", "out.npz", "--n-layer", "1", "--n-embd", "10", "--n-head", "3",
                       "--block-size", "8"], "n_embd (10)", "n_head (3)", "divisible")


def test_resume_with_another_config(work):
    train_fails(work, ["names.txt", "-o", "out.npz", "--resume", "out-last.npz", "--n-layer", "2"],
                "n_layer", "out-last.npz")
    train_fails(work, ["names.txt", "-o", "out.npz", "--resume", "out-last.npz", "--block-size", "16"],
                "block_size")
    train_fails(work, ["names.txt", "-o", "out.npz", "--resume", "out-last.npz", "--preset", "baby"],
                "--preset baby")


def test_resume_on_another_corpus_warns_and_continues(work):
    (work / "more.txt").write_text(NAMES + "nina\nolaf\n")
    resume = ["-o", "out.npz", "--resume", "out-last.npz", "--steps"]
    same = assert_ok(mgpt_run("train", "names.txt", *resume, 152, cwd=work))  # the corpus it was trained on
    assert "warning" not in same.stderr and "resuming out-last.npz at step 150 of 152" in same.stderr
    other = assert_ok(mgpt_run("train", "more.txt", *resume, 154, cwd=work))
    assert ("mgpt: warning: this corpus differs from the one the checkpoint was trained on; the run continues "
            "on the new text") in other.stderr.splitlines()
    assert json.loads(str(np.load(work / "out-last.npz")["state"]))["step"] == 154


def test_weight_decay_shrinks_the_matrices_only(work):
    """One step from the same weights (out.npz) with and without weight decay: AdamW's decay scales
    the weights it applies to before the update, so the runs differ by lr x decay x the starting
    weight there, and not at all elsewhere."""
    step = ["names.txt", "--init", "out.npz", *FAST, "--steps", 1, "--warmup", 0, "--lr", "1e-2", "--seed", 3]
    for name, decay in (("decayed", "0.5"), ("plain", "0")):
        assert_ok(mgpt_run("train", *step, "-o", f"{name}.npz", "--weight-decay", decay, cwd=work))
    with np.load(work / "decayed.npz") as decayed, np.load(work / "plain.npz") as plain, \
            np.load(work / "out.npz") as start:
        names = [key[len("params/"):] for key in start.files if key.startswith("params/")]
        matrices = {name for name in names if start["params/" + name].ndim == 2}
        for name in names:
            shrink = -0.5 * 1e-2 * start["params/" + name] if name in matrices else 0
            np.testing.assert_allclose(decayed["params/" + name] - plain["params/" + name], shrink, rtol=1e-3,
                                       atol=1e-8, err_msg=name)
    assert {"wte", "wpe", "h0.wq", "h0.fc", "lm_head"} <= matrices and not matrices & {"h0.ln1", "h0.ln2", "lnf"}


def test_resume_already_finished(work):
    # the run stored in out-last.npz finished its 150 steps
    train_fails(work, ["names.txt", "-o", "out.npz", "--resume", "out-last.npz", "--steps", "150"],
                "already at step 150", "--steps")


def make_bad_checkpoint(folder, kind, good):
    path = os.path.join(folder, f"{kind}.npz")
    if kind == "truncated":
        data = read(good)
        with open(path, "wb") as f:
            f.write(data[: len(data) // 2])
    elif kind == "foreign":
        rng = np.random.default_rng(0)
        np.savez(path, weights=rng.normal(size=(4, 4)), bias=rng.normal(size=4))
    elif kind == "newer":
        with np.load(good, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        arrays["format_version"] = np.array(999, dtype=np.int64)
        np.savez(path, **arrays)
    elif kind == "empty":
        open(path, "wb").close()
    return path


BAD_CKPT = {"missing": ["missing.npz", "no such"], "truncated": ["truncated.npz", "truncated"],
            "foreign": ["foreign.npz", "not an mgpt checkpoint"], "newer": ["newer.npz", "999", "newer"],
            "empty": ["empty.npz", "empty.npz"]}


@pytest.mark.parametrize("kind", sorted(BAD_CKPT))
@pytest.mark.parametrize("command", ["sample", "info", "eval", "resume"])
def test_bad_checkpoint(work, command, kind):
    make_bad_checkpoint(work, kind, work / "out.npz")
    path = f"{kind}.npz"
    args = {"sample": ["sample", "--ckpt", path],
            "info": ["info", path],
            "eval": ["eval", "--ckpt", path, "names.txt"],
            "resume": ["train", "names.txt", "-o", "out.npz", "--resume", path]}[command]
    before = snapshot(work)
    assert_user_error(mgpt_run(*args, cwd=work), *BAD_CKPT[kind])
    assert snapshot(work) == before


def test_checkpoint_directory_is_refused(work):
    (work / "ck.npz").mkdir()
    assert_user_error(mgpt_run("info", "ck.npz", cwd=work), "ck.npz", "directory")


def test_output_in_missing_folder(work):
    train_fails(work, ["names.txt", "-o", "no/such/folder/out.npz", *TINY], "does not exist")
    assert not os.path.exists(work / "no")


def test_output_is_a_directory(work):
    (work / "models").mkdir()
    train_fails(work, ["names.txt", "-o", "models", *TINY, "--steps", "5"], "models", "directory")
    assert os.listdir(work / "models") == []


# These runs are far too long to finish within the timeout: the error must come before training.
ENDLESS = [*TINY, *FAST, "--steps", "10000000", "--eval-every", "5"]


def test_output_last_file_is_a_directory(work):
    # out.npz is writable but its -last companion is not: fail before training, keep out.npz
    (work / "out-last.npz").unlink()
    (work / "out-last.npz").mkdir()
    train_fails(work, ["names.txt", "-o", "out.npz", *ENDLESS], "out-last.npz", "directory", timeout=30)


def test_output_empty_name(work):
    train_fails(work, ["names.txt", "-o", "", *ENDLESS], "-o", timeout=30)


def test_output_trailing_slash(work):
    train_fails(work, ["names.txt", "-o", "newdir/", *ENDLESS], "-o", timeout=30)


def test_log_in_missing_folder(work):
    train_fails(work, ["names.txt", "-o", "out.npz", *ENDLESS, "--log", "no/such/log.jsonl"],
                "log.jsonl", "does not exist", timeout=30)


def test_prompt_with_unseen_characters(work):
    line = assert_user_error(mgpt_run("sample", "--ckpt", "out.npz", "--prompt", "anQa!", cwd=work),
                             "prompt", "'Q'", "'!'")
    assert "'a'" not in line and "'n'" not in line


def test_eval_corpus_with_unseen_characters(work):
    (work / "other.txt").write_text("anna\nbj\u00f6rn\n")
    assert_user_error(mgpt_run("eval", "--ckpt", "out.npz", "other.txt", cwd=work), "corpus", "'\u00f6'")


def test_eval_empty_corpus(work):
    (work / "empty.txt").write_text("")
    assert_user_error(mgpt_run("eval", "--ckpt", "out.npz", "empty.txt", cwd=work), "empty")


def test_unknown_command_and_missing_arguments(work):
    assert_user_error(mgpt_run("trian", cwd=work), "trian")
    assert_user_error(mgpt_run("train", "names.txt", cwd=work), "-o")
    assert_user_error(mgpt_run("sample", cwd=work), "--ckpt")


# --- reproducibility ----------------------------------------------------------------------

@pytest.mark.parametrize("corpus,extra", [("names.txt", ["--mode", "docs"]),
                                          ("prose.txt", ["--mode", "stream", "--dropout", "0.1"])])
def test_same_seed_same_bytes(work, corpus, extra):
    for name in ("a", "b", "c"):
        seed = "7" if name != "c" else "8"
        train(corpus, f"{name}.npz", *extra, "--seed", seed, steps=25, cwd=work)
    assert read(work / "a.npz") == read(work / "b.npz")
    assert read(work / "a-last.npz") == read(work / "b-last.npz")
    assert read(work / "a.npz") != read(work / "c.npz")
    assert read(work / "a-last.npz") != read(work / "c-last.npz")


def test_stdin_corpus_equals_file_corpus(work):
    train("names.txt", "file.npz", "--seed", "3", steps=10, cwd=work)
    r = mgpt_run("train", "-", "-o", "pipe.npz", *TINY, *FAST, "--steps", 10, "--eval-every", 10,
                 "--seed", "3", cwd=work, input=NAMES)
    assert_ok(r)
    assert read(work / "file.npz") == read(work / "pipe.npz")


# --- exact resume after SIGINT / SIGTERM --------------------------------------------------

def logged_steps(path):
    try:
        with open(path) as f:
            return [json.loads(line) for line in f if line.endswith("\n")]
    except FileNotFoundError:
        return []


def step_losses(path):
    return [(r["step"], r["loss"]) for r in logged_steps(path) if r["event"] == "step"]


def eval_losses(path):
    return [(r["step"], r["train_loss"], r["val_loss"]) for r in logged_steps(path) if r["event"] == "eval"]


def interrupt_and_resume(folder, args, sig, steps):
    """Runs `train ARGS --steps N`, sends `sig` mid-training, resumes; returns N actually used.

    If the signal lands after training already finished (a fast machine), retries with more steps.
    """
    for attempt in range(5):
        for name in os.listdir(folder):
            if name.startswith("run"):
                os.unlink(os.path.join(folder, name))
        p = mgpt_popen("train", *args, "--steps", steps, "-o", "run.npz", "--log", "run.jsonl", cwd=folder)
        deadline = time.monotonic() + 60
        while p.poll() is None and time.monotonic() < deadline:
            if len(step_losses(os.path.join(folder, "run.jsonl"))) >= 20:
                break
            time.sleep(0.005)
        p.send_signal(sig)
        out, err = p.communicate(timeout=60)
        done = [s for s, _ in step_losses(os.path.join(folder, "run.jsonl"))]
        if "resume with" not in err and done and done[-1] == steps:
            steps *= 4  # training finished before the signal arrived: try a longer run
            continue
        assert p.returncode == 128 + sig, f"exit {p.returncode}\n{err}"
        assert out == ""
        last = err.strip().splitlines()[-1]
        assert "interrupted at step" in last and "--resume run-last.npz" in last, last
        stopped_at = int(re.search(r"interrupted at step (\d+)", last).group(1))
        assert 0 < stopped_at < steps
        with np.load(os.path.join(folder, "run-last.npz"), allow_pickle=False) as npz:
            assert int(npz["step"]) == stopped_at
        assert_ok(mgpt_run("train", *args, "--steps", steps, "-o", "run.npz", "--log", "run.jsonl",
                           "--resume", "run-last.npz", cwd=folder))
        return steps, stopped_at
    pytest.fail("training always finished before the signal arrived")


@pytest.mark.parametrize("sig,corpus,extra", [
    (signal.SIGINT, "names.txt", ["--mode", "docs", "--dropout", "0.1"]),
    (signal.SIGTERM, "prose.txt", ["--mode", "stream"]),
])
def test_interrupted_run_resumes_exactly(work, sig, corpus, extra):
    args = [corpus, *TINY, "--batch-size", "4", "--eval-iters", "2", "--warmup", "10", "--seed", "5",
            "--eval-every", "37", "--save-every", "3", *extra]
    steps, stopped_at = interrupt_and_resume(work, args, sig, steps=300)
    assert_ok(mgpt_run("train", *args, "--steps", steps, "-o", "ref.npz", "--log", "ref.jsonl", cwd=work))
    assert read(work / "run.npz") == read(work / "ref.npz")
    assert read(work / "run-last.npz") == read(work / "ref-last.npz")
    # the two halves of the log make up the uninterrupted run's log
    assert step_losses(work / "run.jsonl") == step_losses(work / "ref.jsonl")
    assert eval_losses(work / "run.jsonl") == eval_losses(work / "ref.jsonl")
    assert len(step_losses(work / "ref.jsonl")) == steps


# --- the best checkpoint -------------------------------------------------------------------

def test_out_keeps_the_best_weights_not_the_latest(work):
    """The held-out tail breaks the pattern the training text repeats, so validation gets worse
    as training learns the pattern: -o must keep the step of the lowest val loss."""
    tail = "aabb" * 25
    (work / "pattern.txt").write_text("ab" * 450 + tail + "\n")
    (work / "tail.txt").write_text(tail + "\n")
    train("pattern.txt", "p.npz", "--mode", "stream", "--lr", "1e-2", "--eval-every", 5, "--log", "p.jsonl",
          steps=60, cwd=work)
    evals = eval_losses(work / "p.jsonl")
    best_step, _, best_val = min(evals, key=lambda e: e[2])
    assert evals[-1][2] > best_val + 0.5, evals  # the late rise this test needs
    with np.load(work / "p.npz") as best, np.load(work / "p-last.npz") as last:
        best_state, last_state = json.loads(str(best["state"])), json.loads(str(last["state"]))
    assert last_state["step"] == 60 and best_state["step"] == best_step < 60
    assert best_state["best_val_loss"] == last_state["best_val_loss"] == best_val
    held_out = {name: json.loads(assert_ok(mgpt_run("eval", "--ckpt", name, "tail.txt", "--json", cwd=work)).stdout)
                for name in ("p.npz", "p-last.npz")}
    assert held_out["p.npz"]["loss"] < held_out["p-last.npz"]["loss"] - 0.5


# --- non-finite loss ----------------------------------------------------------------------

def test_exploding_run_stops_and_keeps_good_checkpoint(work):
    train("names.txt", "good.npz", steps=20, cwd=work)
    before = snapshot(work)
    r = mgpt_run("train", "names.txt", "-o", "good.npz", "--resume", "good-last.npz", "--steps", "200",
                 "--lr", "1e30", "--eval-every", "100", "-q", cwd=work)
    line = assert_user_error(r, "stopped", "good.npz")
    assert re.search(r"\b(nan|inf)\b", line), line
    assert snapshot(work) == before


def test_exploding_fresh_run_writes_no_checkpoint(work):
    before = snapshot(work)
    r = mgpt_run("train", "names.txt", "-o", "fresh.npz", *TINY, *FAST, "--steps", "50", "--lr", "1e30",
                 "--warmup", "0", "--eval-every", "25", cwd=work)
    assert_user_error(r, "stopped", "no checkpoint")
    assert snapshot(work) == before


# --- sample -------------------------------------------------------------------------------

def sample(models, ckpt, *args, input=None):
    r = assert_ok(mgpt_run("sample", "--ckpt", models / ckpt, *args, input=input))
    assert r.stderr == "", r.stderr
    return r.stdout


def names_vocab():
    return set(NAMES) - {"\n"}


@pytest.mark.parametrize("n", [1, 7])
def test_docs_samples_one_per_line(models, n):
    out = sample(models, "names.npz", "-n", n, "--seed", 1)
    lines = out.split("\n")
    assert lines[-1] == "" and len(lines) == n + 1
    for line in lines[:-1]:
        assert set(line) <= names_vocab(), line
        assert len(line) <= 8  # default max-new-tokens is block_size in docs mode


def test_sample_seed(models):
    a = sample(models, "names.npz", "-n", 20, "--seed", 11)
    assert a == sample(models, "names.npz", "-n", 20, "--seed", 11)
    assert a != sample(models, "names.npz", "-n", 20, "--seed", 12)


def test_temperature_zero_is_greedy_and_deterministic(models):
    a = sample(models, "names.npz", "-n", 3, "--temperature", 0)
    assert a == sample(models, "names.npz", "-n", 3, "--temperature", 0, "--seed", 99)
    assert len(set(a.splitlines())) == 1
    s = sample(models, "prose.npz", "--temperature", 0, "--max-new-tokens", 40)
    assert s == sample(models, "prose.npz", "--temperature", 0, "--max-new-tokens", 40)
    # top-k 1 samples from one character: greedy, whatever the seed and temperature
    assert sample(models, "names.npz", "-n", 3, "--top-k", 1, "--seed", 4, "--temperature", "1.5") == a
    assert sample(models, "prose.npz", "--top-k", 1, "--seed", 4, "--max-new-tokens", 40) == s


def test_sampling_options_reach_the_sampler(models):
    """Temperature, top-k and top-p change what is drawn (their maths: test_sampling.py); every
    top-p in (0, 1] is accepted, 1 keeps every character."""
    greedy = sample(models, "names.npz", "-n", 20, "--temperature", 0)
    drawn = {t: sample(models, "names.npz", "-n", 20, "--seed", 5, "--temperature", t) for t in (1e-6, 1, 2)}
    assert drawn[1e-6] == greedy  # so cold that every draw is the most likely character
    assert len({greedy, drawn[1], drawn[2]}) == 3
    assert sample(models, "names.npz", "-n", 20, "--seed", 5, "--top-k", 2) not in (drawn[1], greedy)
    assert sample(models, "names.npz", "-n", 20, "--seed", 5, "--top-p", 1) == drawn[1]
    assert sample(models, "names.npz", "-n", 20, "--seed", 5, "--top-p", "1e-9") == greedy
    assert sample(models, "names.npz", "-n", 20, "--seed", 5, "--top-p", "0.5") not in (drawn[1], greedy)


def test_samples_without_seed_differ(models):
    assert sample(models, "names.npz", "-n", 20) != sample(models, "names.npz", "-n", 20)


def test_prompt_from_stdin(models):
    a = sample(models, "names.npz", "--prompt", "-", "-n", 4, "--seed", 2, input="ka\n")
    assert a == sample(models, "names.npz", "--prompt", "ka", "-n", 4, "--seed", 2)
    assert all(line.startswith("ka") for line in a.splitlines())
    b = sample(models, "prose.npz", "--prompt", "-", "--seed", 2, "--max-new-tokens", 30, input="The river ")
    assert b == sample(models, "prose.npz", "--prompt", "The river ", "--seed", 2, "--max-new-tokens", 30)


def test_prompt_longer_than_block_size(models):
    long = "the miller came out, wiped his hands on his apron"
    a = sample(models, "prose.npz", "--prompt", long, "--temperature", 0, "--max-new-tokens", 20)
    assert a == sample(models, "prose.npz", "--prompt", long[-8:], "--temperature", 0, "--max-new-tokens", 20)
    assert len(a.rstrip("\n")) <= 20 and len(a) > 0
    d = sample(models, "names.npz", "--prompt", "abcdefghijkl", "-n", 2, "--seed", 0)
    assert all(line.startswith("abcdefghijkl") for line in d.splitlines())


def test_json_samples(models):
    plain = sample(models, "names.npz", "-n", 5, "--seed", 3, "--prompt", "m").splitlines()
    lines = sample(models, "names.npz", "-n", 5, "--seed", 3, "--prompt", "m", "--json").splitlines()
    assert len(lines) == 5
    records = [json.loads(line) for line in lines]
    assert [r["text"] for r in records] == plain
    assert all(r["prompt"] == "m" for r in records)


def test_sample_into_a_closed_pipe(models):
    """`mgpt sample -n 20000 | head -1`: the reader leaving is no error (exit 0, nothing on stderr)."""
    p = mgpt_popen("sample", "--ckpt", models / "names.npz", "-n", 20000, "--seed", 1)
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=60) == 0, err
    assert err == "" and first.endswith("\n")


def greedy_reference(ckpt, prompt):
    """What greedy decoding must write after prompt, from full forward passes (no KV cache): each
    character the argmax after everything before it, until the context fills the block."""
    from mgpt.checkpoint import load_model

    ck = load_model(str(ckpt))
    vocab, block = ck.vocab, ck.model.config.block_size
    ids = ([vocab.bos] if ck.mode == "docs" else []) + [vocab.index[c] for c in prompt]
    written = []
    while len(ids) <= block:
        token = int(np.argmax(ck.model.forward(np.array([ids], dtype=np.int32))[0, -1]))
        if ck.mode == "docs" and token == vocab.bos:
            break
        ids.append(token)
        written.append(token)
    return vocab.decode(written), len(written)


def greedy_sample(models, ckpt, prompt):
    """(CLI's greedy sample after prompt, as JSON gives it; what it must be)."""
    expected, n = greedy_reference(models / ckpt, prompt)
    record = json.loads(sample(models, ckpt, "--prompt", prompt, "--temperature", 0, "--max-new-tokens", max(n, 1),
                               "--json"))
    return record["text"], expected


@pytest.mark.parametrize("ckpt,prompts", [("names.npz", ["a", "ka", "ol", "zo", "ma"]),
                                          ("prose.npz", ["The ", "river", "mill", "he w", "and "])])
def test_prompts_steer_greedy_samples(models, ckpt, prompts):
    """Each greedy sample is the model's own continuation of its prompt (docs mode writes the
    prompt first), and different prompts lead to different continuations."""
    continuations = set()
    for prompt in prompts:
        text, expected = greedy_sample(models, ckpt, prompt)
        if ckpt == "names.npz":
            assert text.startswith(prompt), text
            text = text[len(prompt):]
        assert text == expected, (prompt, text, expected)
        continuations.add(expected)
    assert len(continuations) > 1, "every prompt led to the same continuation: this test could not fail"


def test_stream_samples_continue_the_prompt(models):
    """Stream samples hold only what follows the prompt, one blank line between samples."""
    prompt = "In t"
    expected, n = greedy_reference(models / "prose.npz", prompt)
    assert expected != greedy_reference(models / "prose.npz", "the m")[0]  # so the prompt shows
    out = sample(models, "prose.npz", "--prompt", prompt, "-n", 2, "--temperature", 0, "--max-new-tokens", n)
    one = expected if expected.endswith("\n") else expected + "\n"
    assert out == one + "\n" + one


# --- eval and info ------------------------------------------------------------------------

def test_eval_text_and_json(models):
    r = assert_ok(mgpt_run("eval", "--ckpt", models / "names.npz", models / "names.txt"))
    assert all(word in r.stdout for word in ("loss", "bpc", "perplexity"))
    r = assert_ok(mgpt_run("eval", "--ckpt", models / "names.npz", models / "names.txt", "--json"))
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["bpc"] == pytest.approx(result["loss"] / math.log(2), rel=1e-12)
    assert result["perplexity"] == pytest.approx(math.exp(result["loss"]), rel=1e-12)
    assert 0 < result["loss"] < math.log(len(names_vocab()) + 1) + 0.5
    assert result["characters"] == sum(len(line) + 1 for line in NAMES.splitlines())


def test_eval_docs_scores_every_document_with_its_bos(models, tmp_path):
    from mgpt.checkpoint import load_model

    held_out = "nina\nolaf\nemil\n"
    (tmp_path / "held.txt").write_text(held_out)
    r = assert_ok(mgpt_run("eval", "--ckpt", models / "names.npz", tmp_path / "held.txt", "--json"))
    ck = load_model(str(models / "names.npz"))
    total, count = 0.0, 0
    for word in held_out.split():
        ids = [ck.vocab.bos] + [ck.vocab.index[c] for c in word] + [ck.vocab.bos]
        logits = ck.model.forward(np.array([ids[:-1]], dtype=np.int32)).astype(np.float64)[0]
        logp = logits - logits.max(-1, keepdims=True)
        logp -= np.log(np.exp(logp).sum(-1, keepdims=True))
        total -= sum(logp[t, ids[t + 1]] for t in range(len(ids) - 1))
        count += len(ids) - 1
    assert json.loads(r.stdout)["loss"] == pytest.approx(total / count, rel=1e-5)


def test_info(models):
    path = models / "names.npz"
    r = assert_ok(mgpt_run("info", path))
    text = r.stdout
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    from mgpt.config import GPTConfig
    from mgpt.parameters import parameter_shapes

    config = GPTConfig.from_dict(json.loads(str(arrays["config"])))
    shapes = parameter_shapes(config)
    flat = np.concatenate([arrays[f"params/{name}"].astype("<f4").ravel() for name, _ in shapes])
    fp = hashlib.sha256(flat.tobytes()).hexdigest()
    state = json.loads(str(arrays["state"]))
    assert "1 layer," in text and "2 heads" in text and "16 wide" in text and "block 8" in text
    assert f"{flat.size:,}" in text
    assert "".join(sorted(names_vocab())) in text
    assert re.search(r"^step\s+150 of 150$", text, re.M), text
    assert f"{state['best_val_loss']:.4f}" in text
    assert fp in text
    record = json.loads(assert_ok(mgpt_run("info", path, "--json")).stdout)
    assert record["fingerprint"] == fp == str(arrays["fingerprint"])
    assert record["parameters"] == flat.size
    assert record["step"] == 150
    assert record["best_val_loss"] == state["best_val_loss"]
    assert record["config"]["n_layer"] == 1 and record["config"]["block_size"] == 8
    assert record["vocab"] == "".join(sorted(names_vocab()))
    assert record["mode"] == "docs"
    settings = state["settings"]
    assert record["settings"] == settings
    assert re.search(rf"^training\s+batch {settings['batch_size']}, lr {settings['lr']:g} to {settings['min_lr']:g}, "
                     rf"seed {settings['seed']}, {settings['shards']} shards? a step$", text, re.M), text


# --- version, help, mode choice -----------------------------------------------------------

def test_version():
    r = assert_ok(mgpt_run("--version"))
    assert mgpt.__version__ in r.stdout


@pytest.mark.parametrize("command", ["train", "sample", "eval", "info"])
def test_command_help_has_an_example(command):
    r = assert_ok(mgpt_run(command, "--help"))
    assert "Example" in r.stdout
    assert f"mgpt {command}" in r.stdout


def test_auto_mode_says_what_it_chose(work):
    r = mgpt_run("train", "names.txt", "-o", "n.npz", *TINY, "--steps", 1, "--batch-size", 2,
                 "--eval-iters", 1, cwd=work)
    assert_ok(r)
    assert re.search(r"^mgpt: docs mode: .*list of documents", r.stderr, re.M), r.stderr
    r = mgpt_run("train", "prose.txt", "-o", "p.npz", *TINY, "--steps", 1, "--batch-size", 2,
                 "--eval-iters", 1, cwd=work)
    assert_ok(r)
    assert re.search(r"^mgpt: stream mode: .*blank lines.*running text", r.stderr, re.M), r.stderr
    assert r.stdout == ""
    with np.load(work / "n.npz") as a, np.load(work / "p.npz") as b:
        assert str(a["mode"]) == "docs" and str(b["mode"]) == "stream"


# --- the package's shape ------------------------------------------------------------------

def cli_modules():
    import pkgutil

    import mgpt.cli

    return ["mgpt.cli"] + [f"mgpt.cli.{m.name}" for m in pkgutil.iter_modules(mgpt.cli.__path__)]


@pytest.mark.parametrize("module", cli_modules())
def test_each_cli_module_imports_alone(module):
    """A fresh interpreter imports any command module first: no import circle between them."""
    r = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, env=ENV,
                       timeout=60)
    assert r.returncode == 0, r.stderr


def test_eval_never_loads_the_training_loop(models):
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "mgpt", "eval", "--ckpt", models / "names.npz",
                        models / "names.txt"], capture_output=True, text=True, env=ENV, timeout=60)
    assert r.returncode == 0, r.stderr[-2000:]
    modules = {line.split("|")[-1].strip() for line in r.stderr.splitlines() if line.startswith("import time:")}
    assert "mgpt.evaluate" in modules
    assert not modules & {"mgpt.loop", "mgpt.optim", "tqdm"}, sorted(modules & {"mgpt.loop", "mgpt.optim", "tqdm"})
