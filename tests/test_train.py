"""Units of the data pipeline (splits and batches of prepared corpora; test_corpus.py: preparing them),
optimizer, schedule, checkpoints and training loop."""

import errno
import json
import os
import pickle
import re
import stat
import subprocess
import sys

import numpy as np
import pytest
from click.testing import CliRunner

from mgpt import checkpoint
from mgpt.cli import cli
from mgpt.corpus import Source, read_text
from mgpt.data import DocsSplit, StreamSplit, Vocab, choose_mode, pad_rows, split_corpus
from mgpt.errors import MgptError
from mgpt.kernels import IGNORE_INDEX
from mgpt.optim import AdamW, clip_grad_norm, learning_rate, true_runs
from mgpt.prepared import prepare

WORDS = ("anna bella carla dora emma fiona greta hanna ida julia karla lena maria nora olga paula "
         "rosa sara tina ursula vera wanda xenia yara zora adam boris carl david emil felix georg "
         "hugo ivan jonas karl leon max nils otto").split()
NAMES = "\n".join(WORDS) + "\n"
TEXT = ("it was the best of times, it was the worst of times, it was the age of wisdom, "
        "it was the age of foolishness, it was the epoch of belief.\n") * 3
TINY = ["--n-layer", "1", "--n-embd", "16", "--n-head", "2", "--block-size", "8", "--batch-size", "4",
        "--eval-iters", "2", "--warmup", "5", "-q"]


# --- corpus, vocabulary, modes ------------------------------------------------------------

def prepared(folder, text, name="corpus.txt"):
    """text written to folder/name and prepared into folder/cache."""
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return prepare([Source(str(path), name)], str(folder / "cache"), progress=False)


def decoded(corpus):
    return "".join(corpus.chars[i] for i in corpus.tokens)


def test_read_corpus_joins_files_and_normalizes_newlines(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"one\r\ntwo")
    (tmp_path / "b.txt").write_bytes("tr\u00e9s\n".encode())
    sources = [Source(str(tmp_path / name), name) for name in ("a.txt", "b.txt")]
    assert read_text(sources) == "one\ntwo\ntr\u00e9s\n"
    assert decoded(prepare(sources, str(tmp_path / "cache"), progress=False)) == "one\ntwo\ntr\u00e9s\n"


def test_read_corpus_utf8_error_offset(tmp_path):
    with pytest.raises(MgptError, match=r"x\.txt: not valid UTF-8 at byte offset 6\b"):
        prepared(tmp_path, "\u00e9t\u00e9 ".encode() + b"\xe9", "x.txt")  # 2+1+2+1 bytes, then bad


def test_vocab_round_trip_and_bos():
    v = Vocab.from_text("hello\nworld\n", "docs")
    assert v.chars == "dehlorw" and v.bos == 7 and len(v) == 8
    assert v.decode(v.encode("world")) == "world"
    assert "\n" in Vocab.from_text("hello\nworld\n", "stream").chars
    with pytest.raises(MgptError, match="'z'"):
        v.check_known("zed", "prompt")


def test_choose_mode(tmp_path):
    mode = lambda text: choose_mode(prepared(tmp_path, text).lines, "auto")[0]
    assert mode(NAMES) == "docs"
    assert mode("para one line\nmore\n\npara two\n") == "stream"
    assert mode("x" * 200 + "\n" + "y" * 200 + "\n") == "stream"
    assert choose_mode(prepared(tmp_path, NAMES).lines, "stream") == ("stream", "as asked (--mode)")


# --- splits ------------------------------------------------------------------------------

def whole(split, i):
    """Document i of a DocsSplit with its two BOS."""
    return split.window(i, 0, int(split.rows[i][1]) + 2)


def as_tuples(split):
    return sorted(tuple(int(t) for t in whole(split, i)) for i in range(len(split)))


def encode_docs(text, v):
    return [[v.bos, *v.encode(line), v.bos] for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("fraction,n_val", [(0.1, 4), (0.25, 10), (0.5, 20), (0.01, 1), (0.0, 0)])
def test_split_docs_fraction(tmp_path, fraction, n_val):
    v = Vocab.from_text(NAMES, "docs")
    train, val = split_corpus(prepared(tmp_path, NAMES), v, "docs", fraction, seed=1, block_size=8)
    assert len(val) == n_val and len(train) == len(WORDS) - n_val
    assert sorted(as_tuples(train) + as_tuples(val)) == sorted(tuple(d) for d in encode_docs(NAMES, v))
    for split in (train, val):
        for i in range(len(split)):
            d = whole(split, i)
            assert d[0] == v.bos and d[-1] == v.bos


def test_split_docs_is_seeded(tmp_path):
    v = Vocab.from_text(NAMES, "docs")
    corpus = prepared(tmp_path, NAMES)
    val = {seed: as_tuples(split_corpus(corpus, v, "docs", 0.25, seed, 8)[1]) for seed in (1, 2)}
    assert val[1] == as_tuples(split_corpus(corpus, v, "docs", 0.25, 1, 8)[1])
    assert val[1] != val[2]


def test_split_docs_too_few(tmp_path):
    v = Vocab.from_text("ab\n", "docs")
    with pytest.raises(MgptError, match="too few"):
        split_corpus(prepared(tmp_path, "ab\n"), v, "docs", 0.1, 0, 8)


def test_split_stream_tail(tmp_path):
    v = Vocab.from_text(TEXT, "stream")
    tokens = v.encode(TEXT)
    corpus = prepared(tmp_path, TEXT)
    for fraction in (0.1, 0.3):
        train, val = split_corpus(corpus, v, "stream", fraction, seed=1, block_size=8)
        n_val = int(len(tokens) * fraction)
        assert len(val) == n_val
        np.testing.assert_array_equal(train.window(0, 0, len(train)), tokens[:len(tokens) - n_val])
        np.testing.assert_array_equal(val.window(0, 0, len(val)), tokens[len(tokens) - n_val:])
        # the seed does not matter in stream mode: the tail is the tail
        other = split_corpus(corpus, v, "stream", fraction, 99, 8)[1]
        np.testing.assert_array_equal(other.window(0, 0, len(other)), val.window(0, 0, len(val)))


def test_split_stream_too_short(tmp_path):
    v = Vocab.from_text(TEXT, "stream")
    with pytest.raises(MgptError, match="stream mode needs at least"):
        split_corpus(prepared(tmp_path, TEXT[:19] + "\n", "a.txt"), v, "stream", 0.0, 0, block_size=20)
    with pytest.raises(MgptError, match="validation tail"):
        split_corpus(prepared(tmp_path, TEXT[:99] + "\n", "b.txt"), v, "stream", 0.05, 0, block_size=8)


# --- batches ------------------------------------------------------------------------------

def docs_split(docs, bos):
    """A DocsSplit of BOS-wrapped documents given as arrays."""
    inner = [np.asarray(d[1:-1]) for d in docs]
    lengths = np.array([len(d) for d in inner], dtype=np.int64)
    return DocsSplit(np.concatenate(inner).astype(np.uint8), np.stack([np.cumsum(lengths) - lengths, lengths], 1), bos)


def test_sample_batch_stream():
    tokens = np.arange(100, dtype=np.int32)
    x, y = StreamSplit(tokens).sample(6, 10, np.random.default_rng(0))
    assert x.shape == y.shape == (6, 10)
    np.testing.assert_array_equal(y[:, :-1], x[:, 1:])
    np.testing.assert_array_equal(np.diff(x, axis=1), 1)  # contiguous windows of the stream
    np.testing.assert_array_equal(y[:, -1], x[:, -1] + 1)
    x2, _ = StreamSplit(tokens).sample(6, 10, np.random.default_rng(0))
    np.testing.assert_array_equal(x, x2)
    # every window can be drawn: the first (from token 0) and the last (whose target is token 99)
    x, y = StreamSplit(tokens).sample(2000, 10, np.random.default_rng(1))
    assert sorted(set(x[:, 0].tolist())) == list(range(0, 90))


def test_sample_batch_docs_pads_with_ignore_index():
    bos = 9
    docs = [np.array([bos, 1, 2, bos], np.int32), np.array([bos, 3, bos], np.int32),
            np.array([bos, 1, 2, 3, 4, 5, bos], np.int32)]
    rng = np.random.default_rng(3)
    for _ in range(20):
        x, y = docs_split(docs, bos).sample(5, 16, rng)
        assert x.shape == y.shape and x.shape[0] == 5
        T = x.shape[1]
        for row_x, row_y in zip(x, y):
            n = int(np.count_nonzero(row_y != IGNORE_INDEX))
            doc = next(d for d in docs if len(d) - 1 == n)
            np.testing.assert_array_equal(row_x[:n], doc[:-1])
            np.testing.assert_array_equal(row_y[:n], doc[1:])
            assert np.all(row_y[n:] == IGNORE_INDEX) and np.all(row_x[n:] == 0)
        # rows are padded only to the longest document in the batch
        assert T == max(int(np.count_nonzero(r != IGNORE_INDEX)) for r in y)


def test_sample_batch_docs_long_document_gets_a_window():
    doc = np.array([99, *range(28), 99], dtype=np.int32)
    x, y = docs_split([doc], 99).sample(200, 5, np.random.default_rng(0))
    assert x.shape == y.shape == (200, 5)
    np.testing.assert_array_equal(y[:, :-1], x[:, 1:])
    windows = {tuple(doc[s:s + 6]) for s in range(len(doc) - 5)}
    drawn = {tuple(row) + (int(last),) for row, last in zip(x, y[:, -1])}
    assert drawn == windows  # each row a window of the document with its BOS, every window drawn


def test_pad_rows():
    x, y = pad_rows([np.array([5, 6, 7]), np.array([5, 6])])
    np.testing.assert_array_equal(x, [[5, 6], [5, 0]])
    np.testing.assert_array_equal(y, [[6, 7], [6, IGNORE_INDEX]])


def test_eval_windows_score_every_character_once():
    tokens = np.arange(23, dtype=np.int32)
    rows = [row for row, _ in StreamSplit(tokens).eval_windows(5)]
    assert [len(r) for r in rows] == [3, 6, 6, 6, 6]  # the short last window first, as it is batched
    np.testing.assert_array_equal(np.concatenate([r[1:] for r in rows[1:] + rows[:1]]), tokens[1:])
    assert len(list(StreamSplit(tokens[:21]).eval_windows(5))) == 4  # 20 targets: no short window
    docs = [np.arange(4), np.arange(12)]
    rows = [row for row, _ in docs_split(docs, 99).eval_windows(5)]
    assert sum(len(r) - 1 for r in rows) == 3 + 11
    np.testing.assert_array_equal(np.concatenate([r[1:] for r in rows]), [99, 1, 2, 99, *range(1, 11)])  # shortest first


# --- schedule, clipping, AdamW ------------------------------------------------------------

def test_learning_rate_warmup_and_cosine():
    lr, min_lr, warmup, total = 1e-3, 1e-4, 10, 110
    f = lambda step: learning_rate(step, lr, min_lr, warmup, total)
    assert f(0) == pytest.approx(lr / warmup)
    assert f(4) == pytest.approx(lr * 5 / warmup)
    assert f(warmup - 1) == pytest.approx(lr)
    assert f(warmup) == pytest.approx(lr)
    assert f(warmup + 50) == pytest.approx((lr + min_lr) / 2)
    assert f(total) == pytest.approx(min_lr)
    assert f(total + 100) == pytest.approx(min_lr)
    after = [f(s) for s in range(warmup, total + 1)]
    assert all(a >= b for a, b in zip(after, after[1:]))
    assert all(min_lr <= a <= lr for a in after)
    assert learning_rate(0, lr, min_lr, 0, total) == pytest.approx(lr)


def test_clip_grad_norm():
    g = np.array([3.0, 4.0], np.float32)
    assert clip_grad_norm(g, 1.0) == pytest.approx(5.0)
    assert np.linalg.norm(g) == pytest.approx(1.0, rel=1e-5)
    np.testing.assert_allclose(g, [0.6, 0.8], rtol=1e-5)
    g = np.array([0.3, 0.4], np.float32)
    assert clip_grad_norm(g, 1.0) == pytest.approx(0.5)
    np.testing.assert_array_equal(g, np.array([0.3, 0.4], np.float32))  # under the limit: untouched
    g = np.array([30.0, 40.0], np.float32)
    assert clip_grad_norm(g, 0.0) == pytest.approx(50.0)
    np.testing.assert_array_equal(g, np.array([30.0, 40.0], np.float32))  # 0: off


def reference_adamw(params, grads_seq, lrs, beta1, beta2, eps, wd, mask):
    """Textbook AdamW (Loshchilov & Hutter, as torch.optim.AdamW), in float64."""
    p = params.astype(np.float64).copy()
    m, v = np.zeros_like(p), np.zeros_like(p)
    for t, (g, lr) in enumerate(zip(grads_seq, lrs), start=1):
        g = g.astype(np.float64)
        p = p - lr * wd * mask * p
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1 ** t)
        v_hat = v / (1 - beta2 ** t)
        p = p - lr * m_hat / (np.sqrt(v_hat) + eps)
    return p, m, v


@pytest.mark.parametrize("mask", ["1111", "0000", "1001", "0110", "1", "0", "10101"])
def test_decay_runs_cover_the_mask_exactly(mask):
    bits = np.array([c == "1" for c in mask])
    covered = np.zeros_like(bits)
    for start, stop in true_runs(bits):
        assert start < stop and not covered[start:stop].any()
        covered[start:stop] = True
    np.testing.assert_array_equal(covered, bits)


def test_adamw_matches_reference():
    rng = np.random.default_rng(0)
    n = 50
    params = rng.normal(size=n).astype(np.float32)
    mask = (np.arange(n) % 3 != 0).astype(np.float32)
    grads_seq = [rng.normal(scale=s, size=n).astype(np.float32) for s in (1.0, 0.1, 2.0, 1e-3, 0.5, 1.0)]
    lrs = [1e-2, 2e-2, 3e-2, 3e-2, 1e-2, 5e-3]
    opt = AdamW(n, beta1=0.9, beta2=0.99, eps=1e-8, weight_decay=0.1, decay_mask=mask)
    p = params.copy()
    for g, lr in zip(grads_seq, lrs):
        opt.step(p, g.copy(), lr)
    ref_p, ref_m, ref_v = reference_adamw(params, grads_seq, lrs, 0.9, 0.99, 1e-8, 0.1, mask)
    assert opt.t == len(lrs)
    np.testing.assert_allclose(p, ref_p, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(opt.m, ref_m, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(opt.v, ref_v, rtol=1e-5, atol=1e-9)
    # no decay where the mask is 0 and the gradient is 0: those parameters do not move
    opt2 = AdamW(n, weight_decay=0.5, decay_mask=np.zeros(n, np.float32))
    q = params.copy()
    opt2.step(q, np.zeros(n, np.float32), 0.1)
    np.testing.assert_array_equal(q, params)


# --- checkpoints --------------------------------------------------------------------------

def test_save_is_atomic_and_leaves_no_temp_files(tmp_path):
    path = str(tmp_path / "a.npz")
    checkpoint.save(path, {"x": np.arange(5), "kind": checkpoint.text_array("model")})
    assert os.listdir(tmp_path) == ["a.npz"]
    with np.load(path, allow_pickle=False) as npz:
        np.testing.assert_array_equal(npz["x"], np.arange(5))


def test_saved_file_permissions_follow_umask(tmp_path):
    path = str(tmp_path / "a.npz")
    old = os.umask(0o022)
    try:
        checkpoint.save(path, {"x": np.arange(5)})
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_failed_save_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch, error):
    path = str(tmp_path / "a.npz")
    checkpoint.save(path, {"x": np.arange(5)})
    before = open(path, "rb").read()

    def broken_savez(f, **arrays):
        f.write(b"PK\x03\x04 half a zip file")
        raise error

    monkeypatch.setattr(checkpoint.np, "savez", broken_savez)
    expected = MgptError if isinstance(error, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as info:
        checkpoint.save(path, {"x": np.arange(7)})
    if expected is MgptError:
        assert "No space left" in str(info.value)
    assert open(path, "rb").read() == before
    assert os.listdir(tmp_path) == ["a.npz"]


def test_save_into_missing_folder(tmp_path):
    with pytest.raises(MgptError, match="does not exist"):
        checkpoint.save(str(tmp_path / "nope" / "a.npz"), {"x": np.arange(3)})
    assert os.listdir(tmp_path) == []


class Evil:
    """Unpickling this would create a file: loading a checkpoint must never unpickle."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_load_refuses_pickled_arrays(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["train", "-", "-o", str(tmp_path / "m.npz"), *TINY, "--steps", "3"],
                         input=NAMES).exit_code == 0
    marker = tmp_path / "pwned"
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    evil = np.empty(1, dtype=object)
    evil[0] = Evil(str(marker))
    arrays["params/wte"] = evil
    np.savez(tmp_path / "evil.npz", **arrays)  # np.savez pickles object arrays
    assert pickle.dumps(evil[0])  # (the payload is real)
    with pytest.raises(MgptError, match="evil.npz"):
        checkpoint.load_model(str(tmp_path / "evil.npz"))
    r = subprocess.run([sys.executable, "-m", "mgpt", "info", str(tmp_path / "evil.npz")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr.startswith("mgpt: error: ") and len(r.stderr.splitlines()) == 1, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert not marker.exists()


def test_model_checkpoint_round_trip(tmp_path):
    from mgpt.config import GPTConfig
    from mgpt.model import GPT

    v = Vocab.from_text(NAMES, "docs")
    model = GPT(GPTConfig(vocab_size=len(v), n_layer=1, n_head=2, n_embd=8, block_size=8))
    model.init_weights(np.random.default_rng(0))
    opt = AdamW(model.num_params)
    opt.m[...] = 1.5
    state = {"step": 7, "best_val_loss": 2.5, "rng_state": np.random.default_rng(1).bit_generator.state}
    path = str(tmp_path / "m.npz")
    checkpoint.save_model(path, model, v, "docs", state, opt)
    ck = checkpoint.load_model(path)
    np.testing.assert_array_equal(ck.model.params, model.params)
    assert ck.vocab.chars == v.chars and ck.mode == "docs" and ck.state["step"] == 7
    assert ck.state["rng_state"] == state["rng_state"]
    np.testing.assert_array_equal(ck.optim_m, opt.m)
    assert ck.fingerprint == checkpoint.fingerprint(model.params)
    # flipped weights no longer match their fingerprint
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["params/lnf"] = arrays["params/lnf"] + 1
    np.savez(tmp_path / "bad.npz", **arrays)
    with pytest.raises(MgptError, match="fingerprint"):
        checkpoint.load_model(str(tmp_path / "bad.npz"))


# --- the training loop --------------------------------------------------------------------

def snapshot(folder):
    return {name: (folder / name).read_bytes() for name in sorted(os.listdir(folder))}


@pytest.mark.parametrize("mode, shards", [("docs", "1"), ("stream", "2")])
def test_full_val_scores_the_whole_validation_split(tmp_path, mode, shards):
    """--full-val: each evaluation's val loss is the whole split's, as evaluate_split scores it
    (on the pool's threads too), and -o keeps the weights with the best such figure."""
    from mgpt.evaluate import evaluate_split
    from mgpt.prepared import Corpus

    corpus = tmp_path / "n.txt"
    corpus.write_text(NAMES * 3)

    def train(out, *extra):
        log = tmp_path / f"{out}.jsonl"
        r = CliRunner().invoke(cli, ["train", str(corpus), "-o", str(tmp_path / out), *TINY, "--mode", mode,
                                     "--steps", "30", "--eval-every", "10", "--shards", shards, "--seed", "3",
                                     "--log", str(log), *extra])
        assert r.exit_code == 0, r.output
        evals = [json.loads(line) for line in log.read_text().splitlines() if '"eval"' in line]
        return [checkpoint.load_model(str(tmp_path / name)) for name in (out, out.replace(".npz", "-last.npz"))], evals

    (best, last), evals = train("f.npz", "--full-val")
    with Corpus([str(corpus)]) as c:
        _, val = split_corpus(c.prepared(), best.vocab, mode, 0.1, 3, 8)
    exact = evaluate_split(last.model, val, batch_size=4)
    assert evals[-1]["val_loss"] == pytest.approx(exact, rel=1e-12)
    assert best.state["best_val_loss"] == min(e["val_loss"] for e in evals)
    assert evaluate_split(best.model, val, batch_size=4) == pytest.approx(best.state["best_val_loss"], rel=1e-12)
    assert last.state["settings"]["full_val"] is True
    (_, sampled), evals = train("s.npz")  # the same run estimating from --eval-iters batches
    assert sampled.state["settings"]["full_val"] is False
    np.testing.assert_array_equal(sampled.model.params, last.model.params)  # evaluation changes no training
    assert abs(evals[-1]["val_loss"] - exact) > 1e-6


def test_non_finite_eval_loss_keeps_checkpoints(tmp_path, monkeypatch):
    """Weights that turn NaN right before an evaluation must not be saved (best or -last)."""
    runner = CliRunner()
    (tmp_path / "names.txt").write_text(NAMES)
    out, last = str(tmp_path / "m.npz"), str(tmp_path / "m-last.npz")
    r = runner.invoke(cli, ["train", str(tmp_path / "names.txt"), "-o", out, *TINY, "--steps", "10",
                            "--eval-every", "5"])
    assert r.exit_code == 0, r.output
    before = snapshot(tmp_path)
    original = AdamW.step

    def poisoned(self, params, grads, lr):
        original(self, params, grads, lr)
        if self.t == 11:  # the first step after resuming at step 10
            params[::7] = np.nan

    monkeypatch.setattr(AdamW, "step", poisoned)
    r = runner.invoke(cli, ["train", str(tmp_path / "names.txt"), "-o", out, "--resume", last,
                            "--steps", "30", "--eval-every", "1", "--save-every", "1"])
    assert r.exit_code == 2, r.output
    lines = r.stderr.splitlines()
    assert lines[-1].startswith("mgpt: error: ") and "nan" in lines[-1] and "stopped" in lines[-1]
    assert re.search(r"the (train|val) loss became nan at step 11", lines[-1]), lines[-1]
    assert snapshot(tmp_path) == before


def test_non_finite_training_loss_keeps_checkpoints(tmp_path, monkeypatch):
    runner = CliRunner()
    (tmp_path / "names.txt").write_text(NAMES)
    out = str(tmp_path / "m.npz")
    assert runner.invoke(cli, ["train", str(tmp_path / "names.txt"), "-o", out, *TINY, "--steps", "10",
                               "--eval-every", "5"]).exit_code == 0
    before = snapshot(tmp_path)
    from mgpt.model import GPT

    original = GPT.forward
    calls = {"n": 0}

    def forward(self, idx, targets=None, rng=None):
        result = original(self, idx, targets, rng)
        calls["n"] += 1
        if targets is not None and calls["n"] == 4:
            return result[0], float("inf"), result[2]
        return result

    monkeypatch.setattr(GPT, "forward", forward)
    r = runner.invoke(cli, ["train", str(tmp_path / "names.txt"), "-o", out, "--resume",
                            str(tmp_path / "m-last.npz"), "--steps", "30", "--eval-every", "100", "-q"])
    assert r.exit_code == 2, r.output
    assert r.stderr.splitlines() == [r.stderr.strip()]
    assert "training loss became inf at step 14" in r.stderr and "m.npz" in r.stderr
    assert snapshot(tmp_path) == before


def test_resume_in_process_matches_uninterrupted(tmp_path, interrupt_after_step):
    """A run stopped by SIGINT at step 10 and resumed (flags taken from the checkpoint) ends with
    the bytes of the uninterrupted run: deterministic, unlike the subprocess test's timing."""
    runner = CliRunner()
    (tmp_path / "names.txt").write_text(NAMES)
    corpus = str(tmp_path / "names.txt")
    common = [*TINY, "--eval-every", "4", "--dropout", "0.1", "--lr", "3e-3", "--seed", "9", "--steps", "20"]
    r = runner.invoke(cli, ["train", corpus, "-o", str(tmp_path / "ref.npz"), *common])
    assert r.exit_code == 0, r.output
    interrupt_after_step(10)
    r = runner.invoke(cli, ["train", corpus, "-o", str(tmp_path / "run.npz"), *common])
    assert r.exit_code == 130, r.output
    assert "interrupted at step 10" in r.stderr and "--resume " + str(tmp_path / "run-last.npz") in r.stderr
    interrupt_after_step(None)
    r = runner.invoke(cli, ["train", corpus, "-o", str(tmp_path / "run.npz"), "-q",
                            "--resume", str(tmp_path / "run-last.npz")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "run.npz").read_bytes() == (tmp_path / "ref.npz").read_bytes()
    assert (tmp_path / "run-last.npz").read_bytes() == (tmp_path / "ref-last.npz").read_bytes()
