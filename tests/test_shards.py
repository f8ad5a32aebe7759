"""A training step cut into shards on threads (mgpt/shards.py): the gradient and loss of the whole
batch, the same bytes on any number of threads, recorded by the run and kept on resume."""

import numpy as np
import pytest
from click.testing import CliRunner

from mgpt import checkpoint, runs, shards
from mgpt.cli import cli
from mgpt.config import GPTConfig
from mgpt.data import CHARSETS, Vocab, scored
from mgpt.evaluate import loss_sums
from mgpt.kernels import IGNORE_INDEX
from mgpt.lora import Adapter, LoraConfig, validate
from mgpt.model import GPT
from mgpt.pairs import Example, PairSplit
from mgpt.shards import ShardPool, default_shards
from mgpt.span_reader import SpanReader, SpanReaderConfig

from support.cli import assert_user_error, mgpt_run
from support.span_examples import EXAMPLES

NAMES = "\n".join("anna bella carla dora emma fiona greta hanna ida julia karla lena maria nora".split()) + "\n"
TINY = ["--n-layer", "1", "--n-embd", "16", "--n-head", "2", "--block-size", "8", "--batch-size", "6",
        "--eval-iters", "2", "--warmup", "5", "-q"]


def gpt(dtype=np.float64, dropout=0.0):
    model = GPT(GPTConfig(n_layer=2, n_head=2, n_embd=16, block_size=12, vocab_size=20, dropout=dropout), dtype=dtype)
    model.init_weights(np.random.default_rng(0))
    return model


def text_batch(rows=5):
    """Rows with unequal numbers of scored targets: a shard's weight must be its share of the tokens."""
    rng = np.random.default_rng(3)
    x, y = rng.integers(0, 20, (rows, 12)), rng.integers(0, 20, (rows, 12))
    y[0, 2:] = IGNORE_INDEX
    y[3, 7:] = IGNORE_INDEX
    return x, y


def whole_step(model, weights, x, y):
    weights.grads[...] = 0
    _, loss, cache = model.forward(x, y)
    model.backward(cache)
    return loss, weights.grads.copy()


@pytest.mark.parametrize("count", [2, 3, 5])
def test_sharded_step_is_the_whole_batch_step(count):
    model = gpt()
    x, y = text_batch()
    loss, grads = whole_step(model, model, x, y)
    parts = np.array_split(np.arange(len(x)), count)
    with ShardPool(model, model, count, threads=2) as pool:
        sharded_loss, tokens = pool.train([(x[p], y[p]) for p in parts], [None] * count, scored)
    assert tokens == scored(y)
    assert sharded_loss == pytest.approx(loss, rel=1e-12)
    np.testing.assert_allclose(model.grads, grads, rtol=1e-10, atol=1e-14)


def test_an_adapters_sharded_gradient_is_the_whole_batch_one():
    model = gpt()
    adapter = Adapter(validate(LoraConfig(rank=2, alpha=4.0, targets=("q", "v", "fc")), model.config), model.config,
                      dtype=np.float64)
    adapter.init_weights(np.random.default_rng(1))
    adapter.params[...] += np.random.default_rng(2).normal(0, 0.1, adapter.params.shape)  # B not zero
    model.attach_adapter(adapter)
    x, y = text_batch()
    loss, grads = whole_step(model, adapter, x, y)
    with ShardPool(model, adapter, 2, threads=2) as pool:
        sharded_loss, _ = pool.train([(x[:2], y[:2]), (x[2:], y[2:])], [None, None], scored)
    assert sharded_loss == pytest.approx(loss, rel=1e-12)
    np.testing.assert_allclose(adapter.grads, grads, rtol=1e-10, atol=1e-14)
    assert not model.grads.any()  # the frozen base's gradients stay untouched


def test_a_span_readers_shards_keep_each_question_whole():
    """A question's pairs stay in one shard (its loss is a softmax over all of them), and the
    shards' step is the whole batch's."""
    vocab = Vocab(CHARSETS["latin"])
    config = SpanReaderConfig(vocab_size=len(vocab), n_layer=1, n_head=2, n_embd=8, block_size=64, word_buckets=16)
    model = SpanReader(config, dtype=np.float64)
    model.init_weights(np.random.default_rng(0))
    model.params[...] += np.random.default_rng(1).normal(0, 0.3, model.params.shape)
    split = PairSplit([Example(e["question"], e["chunks"], [tuple(s) for s in e.get("spans", [])] or
                               [(i, c.find(e["answer"]), c.find(e["answer"]) + len(e["answer"]))
                                for i, c in enumerate(e["chunks"]) if e["answer"] and e["answer"] in c])
                       for e in EXAMPLES], vocab, config)
    batch, targets = split.sample(5, 64, np.random.default_rng(7))
    loss, grads = whole_step(model, model, batch, targets)
    parts = split.sample_shards(5, 64, np.random.default_rng(7), 2)
    assert [t.questions for _, t in parts] == [3, 2]
    with ShardPool(model, model, 2, threads=2) as pool:
        sharded_loss, questions = pool.train(parts, [None, None], split.scored)
    assert questions == 5
    assert sharded_loss == pytest.approx(loss, rel=1e-12)
    np.testing.assert_allclose(model.grads, grads, rtol=1e-10, atol=1e-14)


def test_a_span_readers_whole_batches_hold_every_question_once():
    """--full-val's batches of a pairs split: every question once, the same mean loss as one batch."""
    vocab = Vocab(CHARSETS["latin"])
    config = SpanReaderConfig(vocab_size=len(vocab), n_layer=1, n_head=2, n_embd=8, block_size=64, word_buckets=16)
    model = SpanReader(config, dtype=np.float64)
    model.init_weights(np.random.default_rng(0))
    examples = [Example(e["question"], e["chunks"], [(i, c.find(e["answer"]), c.find(e["answer"]) + len(e["answer"]))
                                                     for i, c in enumerate(e["chunks"]) if e["answer"] and e["answer"] in c])
                for e in EXAMPLES]
    split = PairSplit(examples, vocab, config)
    batches = list(split.whole_batches(64, 2))
    assert [t.questions for _, t in batches] == [2] * (len(examples) // 2) + [1] * (len(examples) % 2)
    whole = next(PairSplit(examples, vocab, config).whole_batches(64, len(examples)))
    total, count = loss_sums(model, batches, split.scored)
    assert count == len(examples)
    assert total / count == pytest.approx(model.forward(*whole, for_backward=False)[1], rel=1e-12)


def test_threads_do_not_change_a_steps_bytes():
    """Three shards with dropout on one thread or on two: the same gradient, bit for bit, and
    evaluation's losses too."""
    x, y = text_batch(6)
    results = []
    for threads in (1, 2):
        model = gpt(np.float32, dropout=0.2)
        with ShardPool(model, model, 3, threads=threads) as pool:
            rngs = [np.random.default_rng(s) for s in (1, 2, 3)]
            loss, _ = pool.train([(x[:2], y[:2]), (x[2:4], y[2:4]), (x[4:], y[4:])], rngs, scored)
            losses = pool.losses([(x[i:i + 1], y[i:i + 1]) for i in range(6)], scored)
        results.append((loss, model.grads.tobytes(), losses))
    assert results[0] == results[1]


def test_default_shards_are_the_cores_where_a_shard_holds_enough_work():
    baby = GPTConfig(n_layer=4, n_head=4, n_embd=128, block_size=64, vocab_size=65)
    micro = GPTConfig(n_layer=1, n_head=1, n_embd=16, block_size=16, vocab_size=27)
    assert default_shards(baby, 12, cores=2) == 2
    assert default_shards(baby, 12, cores=1) == 1
    assert default_shards(baby, 8, cores=8) == 2  # each shard with enough work
    small = GPTConfig(n_layer=6, n_head=6, n_embd=384, block_size=256, vocab_size=65)
    assert default_shards(small, 3, cores=8) == 3  # no more shards than rows
    assert default_shards(micro, 32, cores=2) == 1  # too little work a shard to pay for a thread


def train(tmp_path, *args, cores=None, monkeypatch=None):
    if cores is not None:
        monkeypatch.setattr(shards, "cores_per_rank", lambda: cores)
    (tmp_path / "names.txt").write_text(NAMES)
    return CliRunner().invoke(cli, ["train", str(tmp_path / "names.txt"), *TINY, "--dropout", "0.1", "--steps", "12",
                                    "--eval-every", "6", *args])


def test_a_runs_bytes_depend_on_its_shards_not_on_its_cores(tmp_path, monkeypatch):
    for cores, out in ((1, "one.npz"), (2, "two.npz")):
        r = train(tmp_path, "--shards", "3", "-o", str(tmp_path / out), cores=cores, monkeypatch=monkeypatch)
        assert r.exit_code == 0, r.output
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "two.npz").read_bytes()
    assert checkpoint.load_model(str(tmp_path / "one.npz")).state["settings"]["shards"] == 3
    assert "3 shards a step" in CliRunner().invoke(cli, ["info", str(tmp_path / "one.npz")]).output
    r = train(tmp_path, "--shards", "1", "-o", str(tmp_path / "whole.npz"))
    assert r.exit_code == 0, r.output
    assert checkpoint.load_model(str(tmp_path / "whole.npz")).state["settings"]["shards"] == 1


def test_a_sharded_run_resumes_exactly(tmp_path, interrupt_after_step, monkeypatch):
    monkeypatch.setattr(shards, "cores_per_rank", lambda: 2)
    assert train(tmp_path, "--shards", "2", "-o", str(tmp_path / "ref.npz")).exit_code == 0
    interrupt_after_step(5)
    assert train(tmp_path, "--shards", "2", "-o", str(tmp_path / "run.npz")).exit_code == 130
    interrupt_after_step(None)
    r = CliRunner().invoke(cli, ["train", str(tmp_path / "names.txt"), "-o", str(tmp_path / "run.npz"), "-q",
                                 "--resume", str(tmp_path / "run-last.npz")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "run-last.npz").read_bytes() == (tmp_path / "ref-last.npz").read_bytes()


def test_a_run_saved_before_shards_resumes_in_one_piece(tmp_path, monkeypatch):
    """Its settings name no shards: it continues as it was trained (one shard), whatever the cores."""
    monkeypatch.setattr(runs, "default_shards", lambda *a: 2)  # what a new run would take here
    r = train(tmp_path, "--shards", "1", "--steps", "12", "-o", str(tmp_path / "ref.npz"))
    assert r.exit_code == 0, r.output
    r = train(tmp_path, "--shards", "1", "--steps", "6", "-o", str(tmp_path / "old.npz"))
    assert r.exit_code == 0, r.output
    ck = checkpoint.load_model(str(tmp_path / "old-last.npz"))
    del ck.state["settings"]["shards"]
    opt = type("Moments", (), {"m": ck.optim_m, "v": ck.optim_v})
    checkpoint.save_model(str(tmp_path / "old-last.npz"), ck.model, ck.vocab, ck.mode, ck.state, opt)
    r = CliRunner().invoke(cli, ["train", str(tmp_path / "names.txt"), "-o", str(tmp_path / "old.npz"), "-q",
                                 "--steps", "12", "--resume", str(tmp_path / "old-last.npz")])
    assert r.exit_code == 0, r.output
    resumed = checkpoint.load_model(str(tmp_path / "old-last.npz"))
    assert resumed.state["settings"]["shards"] == 1
    assert resumed.fingerprint == checkpoint.load_model(str(tmp_path / "ref-last.npz")).fingerprint


@pytest.mark.parametrize("value, message", [("0", "--shards"), ("7", "--shards 7 is more than --batch-size 6")])
def test_bad_shards_are_one_line_and_exit_2(tmp_path, value, message):
    (tmp_path / "names.txt").write_text(NAMES)
    r = mgpt_run("train", "names.txt", *TINY, "--steps", "2", "--shards", value, "-o", "m.npz", cwd=tmp_path)
    assert_user_error(r, message)
    assert not (tmp_path / "m.npz").exists()


def test_a_sharded_run_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(shards, "cores_per_rank", lambda: 2)
    (tmp_path / "names.txt").write_text(NAMES)
    r = CliRunner().invoke(cli, ["train", str(tmp_path / "names.txt"), *TINY[:-1], "--steps", "2", "--shards", "2",
                                 "-o", str(tmp_path / "m.npz")])
    assert r.exit_code == 0, r.output
    assert "mgpt: 2 shards a step on 2 threads, BLAS at 1 thread each" in r.stderr
