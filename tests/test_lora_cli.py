"""LoRA from the command line: finetune-lora, --adapter on sample/eval, merge-lora, info, train --init.

Bases are tiny (2 layers, 16 wide, block 8) and train for a few dozen steps; most commands run as
real `python -m mgpt` subprocesses, the exact-resume test in process (a patched AdamW.step sends
SIGINT at a known step), and the numerical checks load the files through the library.
"""

import hashlib
import json
import math
import os
import re
import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from mgpt import checkpoint
from mgpt.checkpoint import load_with_adapters
from mgpt.cli import cli
from mgpt.lora import TARGETS, Adapter, AdapterStack, LoraConfig, validate

from support.cli import NAMES, PROSE, assert_ok, assert_user_error, mgpt_run, read, snapshot
from support.lora import FAST, LORA, finetune

# names in one style, every character in the base vocabulary (NAMES)
DOMAIN = """alina
anina
carina
dina
elina
farina
galina
janina
karina
lina
malina
nina
polina
regina
sabrina
tina
zarina
marina
"""

PROSE_DOMAIN = """The wheel turned and the water ran, and the miller sat by the river in the evening.
The children came to the bridge to listen, and the miller told them about the winter.
Nobody believed the stories, but the river was cold and the wheel was slow and the
leaves went down to the sea, one after the other, past the mill and under the bridge.
"""

TINY = ["--n-layer", "2", "--n-embd", "16", "--n-head", "2", "--block-size", "8"]
ENDLESS = ["--steps", "10000000", "--eval-every", "5"]  # an error must come before any training
BASE_SHA = {}  # sha256 of the lab's base files before any fine-tuning
QV_SHAPES = {"wq": ((16, 2), (2, 16)), "wv": ((16, 2), (2, 16))}


def sha256(path):
    return hashlib.sha256(read(path)).hexdigest()


def npz(path):
    with np.load(path, allow_pickle=False) as f:
        return {k: f[k] for k in f.files}


def meta(arrays, key):
    return json.loads(str(arrays[key]))


def info_json(path):
    return json.loads(assert_ok(mgpt_run("info", path, "--json")).stdout)


def eval_loss(ckpt, corpus, *adapters):
    args = [a for spec in adapters for a in ("--adapter", spec)]
    return json.loads(assert_ok(mgpt_run("eval", "--ckpt", ckpt, corpus, "--json", *args)).stdout)["loss"]


def sample_out(ckpt, *args):
    r = assert_ok(mgpt_run("sample", "--ckpt", ckpt, *args))
    assert r.stderr == "", r.stderr
    return r.stdout


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """Two docs bases (same data, other seeds), a stream base, adapters on them, merged models."""
    d = tmp_path_factory.mktemp("lora")
    assert set(DOMAIN) <= set(NAMES) and set(PROSE_DOMAIN) <= set(PROSE)
    for name, text in (("names.txt", NAMES), ("dom.txt", DOMAIN), ("prose.txt", PROSE),
                       ("pdom.txt", PROSE_DOMAIN)):
        (d / name).write_text(text)
    train = ["train", *TINY, *FAST, "--steps", 60, "--eval-every", 30]
    assert_ok(mgpt_run(*train, "names.txt", "-o", "base.npz", "--mode", "docs", "--seed", 1, cwd=d))
    assert_ok(mgpt_run(*train, "names.txt", "-o", "other.npz", "--mode", "docs", "--seed", 2, cwd=d))
    assert_ok(mgpt_run(*train, "prose.txt", "-o", "pbase.npz", "--mode", "stream", cwd=d))
    BASE_SHA.update({name: sha256(d / name) for name in ("base.npz", "pbase.npz")})
    finetune("base.npz", "dom.txt", "a.npz", "--log", "a.jsonl", cwd=d)
    finetune("base.npz", "dom.txt", "b.npz", "--targets", "o,fc", "--rank", 3, "--alpha", 5, "--seed", 5,
             steps=20, cwd=d)
    finetune("pbase.npz", "pdom.txt", "pa.npz", "--targets", "q,k,v,o", cwd=d)
    for base, adapter, out in (("base.npz", "a.npz", "merged.npz"), ("pbase.npz", "pa.npz", "pmerged.npz")):
        assert_ok(mgpt_run("merge-lora", "--base", base, "--adapter", adapter, "-o", out, cwd=d))
    return d


@pytest.fixture
def work(tmp_path, lab):
    """A fresh folder with the lab's files, for commands that must fail without changing any."""
    for name in os.listdir(lab):
        if os.path.isfile(lab / name):
            shutil.copy(lab / name, tmp_path / name)
    return tmp_path


# --- finetune-lora end to end -------------------------------------------------------------

def test_finetune_keeps_base_and_trains_the_adapter(lab):
    for name in ("base.npz", "pbase.npz"):
        assert sha256(lab / name) == BASE_SHA[name], f"fine-tuning changed the base {name}"
    assert not [n for n in os.listdir(lab) if n.startswith(".tmp-")], "a temp file was left behind"
    evals = [json.loads(line) for line in open(lab / "a.jsonl") if '"eval"' in line]
    assert [e["step"] for e in evals] == [20, 40]
    assert all(math.isfinite(e["val_loss"]) for e in evals)
    a = npz(lab / "a.npz")
    state = meta(a, "state")
    assert state["step"] == 40 and state["best_val_loss"] == min(e["val_loss"] for e in evals)
    for layer in (0, 1):
        for weight in ("wq", "wv"):
            assert np.abs(a[f"lora/h{layer}.{weight}.B"]).max() > 1e-4, "B never left zero"
            assert np.abs(a[f"lora/h{layer}.{weight}.A"]).max() > 0


def test_adapter_file_contents(lab):
    with np.load(lab / "a.npz", allow_pickle=False) as f:  # no pickled object arrays inside
        a = {k: f[k] for k in f.files}
    base = npz(lab / "base.npz")
    assert int(a["format_version"]) == checkpoint.FORMAT_VERSION
    assert str(a["kind"]) == "adapter"
    base_fp = checkpoint.load_model(str(lab / "base.npz")).fingerprint
    assert str(a["base_fingerprint"]) == base_fp == str(base["fingerprint"])
    summary = meta(a, "base")
    assert summary["config"] == meta(base, "config")
    assert summary["parameters"] == sum(v.size for k, v in base.items() if k.startswith("params/"))
    assert summary["mode"] == "docs"
    lora = meta(a, "lora")
    assert lora["rank"] == 2 and lora["alpha"] == 4.0 and lora["scaling_rule"] == "alpha/rank"
    assert lora["targets"] == ["q", "v"] and lora["layers"] == [0, 1]
    assert lora["rslora"] is False and lora["dropout"] == 0.0
    expected = {f"lora/h{layer}.{w}.{m}": shapes[i] for layer in (0, 1)
                for w, shapes in QV_SHAPES.items() for i, m in enumerate("AB")}
    assert {k: a[k].shape for k in a if k.startswith("lora/")} == expected
    assert all(a[k].dtype == np.float32 for k in expected)
    assert not any(k.startswith("params/") for k in a), "an adapter must not copy the base weights"
    n = sum(a[k].size for k in expected)
    assert a["optim/m"].shape == a["optim/v"].shape == (n,)
    assert np.abs(a["optim/v"]).max() > 0
    assert str(a["fingerprint"]) == checkpoint.load_adapter(str(lab / "a.npz")).fingerprint


def test_adapter_file_is_small(lab):
    adapter, base = os.path.getsize(lab / "a.npz"), os.path.getsize(lab / "base.npz")
    record = info_json(lab / "a.npz")
    print(f"\nadapter {adapter:,} bytes = {adapter / base:.1%} of the base file's {base:,} bytes "
          f"({record['trainable_parameters']:,} trainable parameters, {record['share_of_base']:.1%} of the base's)")
    assert adapter < 0.2 * base
    # weights, Adam m and v (4 bytes each) and metadata: nothing of the base's size inside
    assert adapter < 3 * 4 * record["trainable_parameters"] + 12_000


# --- numbers: step 0, adapter vs merged, stacking -----------------------------------------

def tokens(ck, seed=0, shape=(3, 8)):
    return np.random.default_rng(seed).integers(0, len(ck.vocab), size=shape).astype(np.int32)


def cached_logits(model, idx):
    kv = model.new_kv_cache(idx.shape[0])
    return np.concatenate([model.forward_cached(idx[:, :5], kv), model.forward_cached(idx[:, 5:], kv)], axis=1)


def test_step_zero_logits_equal_base_exactly(lab):
    ck = checkpoint.load_model(str(lab / "base.npz"))
    idx = tokens(ck)
    base_logits, base_cached = ck.model.forward(idx), cached_logits(ck.model, idx)
    lc = validate(LoraConfig(rank=4, alpha=8.0, targets=tuple(TARGETS)), ck.model.config)
    fresh = Adapter(lc, ck.model.config)
    fresh.init_weights(np.random.default_rng([1337, 1]))
    assert all(np.abs(fresh.p[name]).max() > 0 for name in fresh.p if name.endswith(".A"))
    for wrapper in (fresh, AdapterStack([fresh], [1.0])):
        ck.model.attach_adapter(wrapper)
        np.testing.assert_array_equal(ck.model.forward(idx), base_logits)
        np.testing.assert_array_equal(cached_logits(ck.model, idx), base_cached)
    # ... while the trained adapter does move them (so the check above can fail)
    ck.model.attach_adapter(AdapterStack([checkpoint.load_adapter(str(lab / "a.npz"), base=ck).adapter], [1.0]))
    assert np.abs(ck.model.forward(idx) - base_logits).max() > 1e-4


@pytest.mark.parametrize("base,adapter,merged", [("base.npz", "a.npz", "merged.npz"),
                                                 ("pbase.npz", "pa.npz", "pmerged.npz")])
def test_runtime_adapter_logits_match_merged(lab, base, adapter, merged):
    ck = load_with_adapters(str(lab / base), [str(lab / adapter)])
    m = checkpoint.load_model(str(lab / merged))
    plain = checkpoint.load_model(str(lab / base))
    idx = tokens(ck, seed=3)
    runtime = ck.model.forward(idx)
    np.testing.assert_allclose(runtime, m.model.forward(idx), rtol=0, atol=1e-5)
    np.testing.assert_allclose(cached_logits(ck.model, idx), cached_logits(m.model, idx), rtol=0, atol=1e-5)
    assert np.abs(runtime - plain.model.forward(idx)).max() > 1e-4, "the adapter changed nothing"


@pytest.mark.parametrize("base,adapter,merged,corpus", [("base.npz", "a.npz", "merged.npz", "dom.txt"),
                                                        ("pbase.npz", "pa.npz", "pmerged.npz", "pdom.txt")])
def test_eval_and_sample_with_adapter_match_merged(lab, base, adapter, merged, corpus):
    with_adapter = eval_loss(lab / base, lab / corpus, lab / adapter)
    assert abs(with_adapter - eval_loss(lab / merged, lab / corpus)) < 1e-5
    assert abs(with_adapter - eval_loss(lab / base, lab / corpus)) > 1e-3, "the adapter changed nothing"
    args = ["-n", 12, "--seed", 7] + (["--max-new-tokens", 60] if corpus == "pdom.txt" else [])
    samples = sample_out(lab / base, "--adapter", lab / adapter, *args)
    assert samples.strip()
    assert samples == sample_out(lab / merged, *args)
    assert samples == sample_out(lab / base, "--adapter", lab / adapter, *args)


def manual_merge(base_path, specs):
    """The base's weights plus each adapter's weight * scaling * A @ B, read straight off the files."""
    ck = checkpoint.load_model(str(base_path))
    for path, weight in specs:
        a = npz(path)
        lora = meta(a, "lora")
        scaling = lora["alpha"] / (math.sqrt(lora["rank"]) if lora["rslora"] else lora["rank"])
        for key in a:
            if key.startswith("lora/") and key.endswith(".A"):
                name = key[len("lora/"):-2]
                delta = a[key].astype(np.float64) @ a[key[:-1] + "B"].astype(np.float64)
                ck.model.p[name][...] = (ck.model.p[name].astype(np.float64) + weight * scaling * delta).astype(np.float32)
    return ck


def test_weighted_and_stacked_adapters_add_their_deltas(lab, tmp_path):
    specs = [(lab / "a.npz", 0.5), (lab / "b.npz", 1.5)]
    ck = load_with_adapters(str(lab / "base.npz"), [f"{p}:{w}" for p, w in specs])
    idx = tokens(ck, seed=5)
    stacked = ck.model.forward(idx)
    np.testing.assert_allclose(stacked, manual_merge(lab / "base.npz", specs).model.forward(idx), rtol=0, atol=1e-5)
    # each adapter alone is a different model: the sum really holds both
    for one in ([specs[0]], [specs[1]]):
        assert np.abs(stacked - manual_merge(lab / "base.npz", one).model.forward(idx)).max() > 1e-4
    # and the CLI's eval of the stack agrees with merge-lora of the same weighted pair
    both = [f"{p}:{w}" for p, w in specs]
    out = tmp_path / "stack-merged.npz"
    assert_ok(mgpt_run("merge-lora", "--base", lab / "base.npz", "--adapter", both[0], "--adapter", both[1], "-o", out))
    assert abs(eval_loss(lab / "base.npz", lab / "dom.txt", *both) - eval_loss(out, lab / "dom.txt")) < 1e-5
    np.testing.assert_allclose(checkpoint.load_model(str(out)).model.forward(idx), stacked, rtol=0, atol=1e-5)


def test_adapter_with_weight_zero_is_the_base(lab):
    base, zero = lab / "base.npz", f"{lab / 'a.npz'}:0"
    ck, plain = load_with_adapters(str(base), [zero]), checkpoint.load_model(str(base))
    idx = tokens(ck, seed=8)
    np.testing.assert_array_equal(ck.model.forward(idx), plain.model.forward(idx))
    assert eval_loss(base, lab / "dom.txt", zero) == eval_loss(base, lab / "dom.txt")
    assert sample_out(base, "--adapter", zero, "-n", 10, "--seed", 3) == sample_out(base, "-n", 10, "--seed", 3)


# --- merge-lora and info ------------------------------------------------------------------

def test_merged_checkpoint_records_its_sources_and_refuses_a_second_merge(work, lab):
    base_fp, adapter_fp = str(npz(work / "base.npz")["fingerprint"]), str(npz(work / "a.npz")["fingerprint"])
    text = assert_ok(mgpt_run("info", "merged.npz", cwd=work)).stdout
    line = next(line for line in text.splitlines() if line.startswith("merged from"))
    assert base_fp[:12] in line and "a.npz" in line and adapter_fp[:12] in line
    record = info_json(work / "merged.npz")
    assert record["merged_from"]["base"]["fingerprint"] == base_fp
    assert [a["fingerprint"] for a in record["merged_from"]["adapters"]] == [adapter_fp]
    assert record["fingerprint"] != base_fp
    before = snapshot(work)
    for args in (["merge-lora", "--base", "merged.npz", "--adapter", "a.npz", "-o", "twice.npz"],
                 ["merge-lora", "--base", "merged.npz", "--adapter", "a.npz:0.5", "-o", "m2.npz"],
                 ["sample", "--ckpt", "merged.npz", "--adapter", "a.npz"],
                 ["eval", "--ckpt", "merged.npz", "dom.txt", "--adapter", "a.npz"]):
        assert_user_error(mgpt_run(*args, cwd=work), "merged.npz", "a.npz", "already")
    assert snapshot(work) == before


def test_info_for_an_adapter(lab):
    a, base = npz(lab / "a.npz"), npz(lab / "base.npz")
    n = sum(v.size for k, v in a.items() if k.startswith("lora/"))
    base_n = sum(v.size for k, v in base.items() if k.startswith("params/"))
    base_fp = str(base["fingerprint"])
    text = assert_ok(mgpt_run("info", lab / "a.npz")).stdout
    assert re.search(r"^rank\s+2, alpha 4, scaling alpha/rank = 2$", text, re.M), text
    assert re.search(r"^targets\s+q,v in layers 0,1$", text, re.M), text
    assert f"{n:,} trainable, {n / base_n:.2%} of the base's {base_n:,}" in text
    assert base_fp in text and "LoRA adapter" in text
    record = info_json(lab / "a.npz")
    assert record["kind"] == "adapter"
    assert (record["rank"], record["alpha"], record["scaling"]) == (2, 4.0, "alpha/rank")
    assert record["targets"] == ["q", "v"] and record["layers"] == [0, 1]
    assert record["trainable_parameters"] == n == 2 * 2 * (16 * 2 + 2 * 16)
    assert record["base_parameters"] == base_n
    assert record["share_of_base"] == pytest.approx(n / base_n, rel=1e-12)
    assert record["base_fingerprint"] == base_fp
    assert record["step"] == 40


# --- train --init (full fine-tuning) ------------------------------------------------------

def test_train_init_starts_from_the_base(work):
    base = checkpoint.load_model(str(work / "base.npz"))
    sha = sha256(work / "base.npz")
    run = ["train", "dom.txt", "--init", "base.npz", *FAST, "--weight-decay", "0"]
    # one step at a vanishing learning rate: the weights are still the base's
    assert_ok(mgpt_run(*run, "-o", "still.npz", "--steps", 1, "--lr", "1e-9", "--warmup", 0, cwd=work))
    still = checkpoint.load_model(str(work / "still.npz"))
    np.testing.assert_allclose(still.model.params, base.model.params, rtol=0, atol=1e-6)
    assert still.vocab.chars == base.vocab.chars and still.mode == "docs"
    assert_ok(mgpt_run(*run, "-o", "full.npz", "--steps", 20, "--eval-every", 10, "--lr", "1e-2", cwd=work))
    record = info_json(work / "full.npz")
    assert record["init_from"] == {"path": "base.npz", "fingerprint": base.fingerprint}
    assert record["config"] == base.model.config.to_dict()
    assert record["fingerprint"] != base.fingerprint
    tuned = checkpoint.load_model(str(work / "full.npz"))
    assert np.abs(tuned.model.params - base.model.params).max() > 1e-3
    assert "initialised from" in assert_ok(mgpt_run("info", "full.npz", cwd=work)).stdout
    assert sha256(work / "base.npz") == sha
    before = snapshot(work)
    line = assert_user_error(mgpt_run(*run, "-o", "full.npz", "--n-layer", 3, *ENDLESS, cwd=work, timeout=30),
                             "n_layer", "--init base.npz")
    assert "3" in line and "2" in line
    assert snapshot(work) == before


# --- exact resume and reproducibility -----------------------------------------------------

def test_interrupted_finetune_resumes_exactly(tmp_path, lab, interrupt_after_step):
    """SIGINT at step 7 (sent from a patched AdamW.step), resumed with --resume: the same bytes,
    and the same log, as a run that was never interrupted. LoRA dropout draws from the saved RNG."""
    runner = CliRunner()
    for name in ("base.npz", "dom.txt"):
        shutil.copy(lab / name, tmp_path / name)
    base, dom = str(tmp_path / "base.npz"), str(tmp_path / "dom.txt")
    common = ["finetune-lora", "--base", base, dom, *LORA, "--steps", "16", "--eval-every", "5",
              "--lora-dropout", "0.1", "--seed", "9", "--targets", "q,v,fc"]
    r = runner.invoke(cli, [*common, "-o", str(tmp_path / "ref.npz"), "--log", str(tmp_path / "ref.jsonl")])
    assert r.exit_code == 0, r.output
    interrupt_after_step(7)
    r = runner.invoke(cli, [*common, "-o", str(tmp_path / "run.npz"), "--log", str(tmp_path / "run.jsonl")])
    assert r.exit_code == 130, r.output
    last = str(tmp_path / "run-last.npz")
    assert "interrupted at step 7" in r.stderr and f"--resume {last}" in r.stderr
    assert int(npz(last)["step"]) == 7
    interrupt_after_step(None)
    r = runner.invoke(cli, ["finetune-lora", "--base", base, dom, "-o", str(tmp_path / "run.npz"), "-q",
                            "--resume", last, "--log", str(tmp_path / "run.jsonl")])
    assert r.exit_code == 0, r.output
    assert read(tmp_path / "run.npz") == read(tmp_path / "ref.npz")
    assert read(tmp_path / "run-last.npz") == read(tmp_path / "ref-last.npz")

    def losses(name):
        records = [json.loads(line) for line in open(tmp_path / name)]
        return [(r["event"], r["step"], r.get("loss"), r.get("val_loss")) for r in records]

    assert losses("run.jsonl") == losses("ref.jsonl")
    assert sha256(tmp_path / "base.npz") == BASE_SHA["base.npz"]


def test_same_seed_same_adapter_bytes(work):
    for name, seed in (("s1", 3), ("s2", 3), ("s3", 4)):
        finetune("base.npz", "dom.txt", f"{name}.npz", "--seed", seed, "--lora-dropout", "0.1", steps=12, cwd=work)
    for suffix in (".npz", "-last.npz"):
        assert read(work / f"s1{suffix}") == read(work / f"s2{suffix}")
        assert read(work / f"s1{suffix}") != read(work / f"s3{suffix}")


# --- settings: every target, rsLoRA, LoRA dropout, chosen layers --------------------------

def test_all_targets_rslora_dropout_and_layers(work):
    finetune("base.npz", "dom.txt", "all.npz", "--targets", "q,k,v,o,fc,proj", "--rslora", "--lora-dropout",
             "0.1", "--rank", 4, "--layers", 1, steps=20, cwd=work)
    a = npz(work / "all.npz")
    lora = meta(a, "lora")
    assert lora["targets"] == ["q", "k", "v", "o", "fc", "proj"] and lora["layers"] == [1]
    assert lora["rslora"] is True and lora["scaling_rule"] == "alpha/sqrt(rank)"
    assert lora["dropout"] == 0.1 and lora["rank"] == 4 and lora["alpha"] == 8.0
    sides = {"wq": (16, 16), "wk": (16, 16), "wv": (16, 16), "wo": (16, 16), "fc": (16, 64), "proj": (64, 16)}
    expected = {f"lora/h1.{w}.{m}": ((i, 4) if m == "A" else (4, o)) for w, (i, o) in sides.items() for m in "AB"}
    assert {k: a[k].shape for k in a if k.startswith("lora/")} == expected
    assert all(np.abs(a[k]).max() > 0 for k in expected)
    assert re.search(r"alpha 8, scaling alpha/sqrt\(rank\) = 4$", assert_ok(mgpt_run("info", "all.npz", cwd=work)).stdout, re.M)
    record = info_json(work / "all.npz")
    assert record["lora_dropout"] == 0.1 and record["scaling"] == "alpha/sqrt(rank)"
    # rsLoRA's scale, alpha/sqrt(rank), at run time (from the file's numbers) and in a merge
    ck = load_with_adapters(str(work / "base.npz"), [str(work / "all.npz")])
    idx = tokens(ck, seed=2)
    manual = manual_merge(work / "base.npz", [(work / "all.npz", 1.0)]).model.forward(idx)
    np.testing.assert_allclose(ck.model.forward(idx), manual, rtol=0, atol=1e-5)
    assert_ok(mgpt_run("merge-lora", "--base", "base.npz", "--adapter", "all.npz", "-o", "all-merged.npz", cwd=work))
    assert abs(eval_loss(work / "base.npz", work / "dom.txt", work / "all.npz")
               - eval_loss(work / "all-merged.npz", work / "dom.txt")) < 1e-5


def test_drop_unknown_trains_and_says_how_many(work):
    (work / "odd.txt").write_text(DOMAIN + "qina\nsaqina\nrené\n")
    r = assert_ok(mgpt_run("finetune-lora", "--base", "base.npz", "odd.txt", "-o", "odd.npz", *LORA[:-1],
                           "--steps", 6, "--eval-every", 3, "--drop-unknown", cwd=work))
    assert re.search(r"^mgpt: dropped 3 occurrence\(s\) of 2 character\(s\).*'q'.*'é'", r.stderr, re.M), r.stderr
    assert meta(npz(work / "odd.npz"), "state")["step"] == 6


# --- bad input: exit 2, one line, nothing changed -----------------------------------------

FT = ["finetune-lora", "--base", "base.npz", "dom.txt", "-o", "new.npz", *ENDLESS]
BAD = {
    # an adapter with another base: the message names both fingerprints
    "mismatch-sample": (["sample", "--ckpt", "other.npz", "--adapter", "a.npz"], ["{base}", "{other}", "a.npz"]),
    "mismatch-eval": (["eval", "--ckpt", "other.npz", "dom.txt", "--adapter", "a.npz"], ["{base}", "{other}"]),
    "mismatch-merge": (["merge-lora", "--base", "other.npz", "--adapter", "a.npz", "-o", "m.npz"], ["{base}", "{other}"]),
    "mismatch-resume": (["finetune-lora", "--base", "other.npz", "dom.txt", "-o", "a.npz", "--resume", "a-last.npz"],
                        ["{base}", "{other}"]),
    # the wrong kind of file in the wrong place
    "adapter-as-ckpt": (["sample", "--ckpt", "a.npz"], ["a.npz", "adapter", "--adapter"]),
    "adapter-as-ckpt-eval": (["eval", "--ckpt", "a.npz", "dom.txt"], ["a.npz", "adapter"]),
    "adapter-as-base": (["finetune-lora", "--base", "a.npz", "dom.txt", "-o", "new.npz"], ["a.npz", "adapter"]),
    "adapter-as-merge-base": (["merge-lora", "--base", "a.npz", "--adapter", "a.npz", "-o", "m.npz"], ["a.npz", "adapter"]),
    "base-as-adapter": (["sample", "--ckpt", "base.npz", "--adapter", "other.npz"], ["other.npz", "not an adapter"]),
    "base-as-adapter-eval": (["eval", "--ckpt", "base.npz", "dom.txt", "--adapter", "other.npz"], ["other.npz", "not an adapter"]),
    "base-as-adapter-merge": (["merge-lora", "--base", "base.npz", "--adapter", "other.npz", "-o", "m.npz"],
                              ["other.npz", "not an adapter"]),
    "base-as-resume": ([*FT, "--resume", "other.npz"], ["other.npz", "not an adapter"]),
    # LoRA settings
    "rank-0": ([*FT, "--rank", "0"], ["--rank", "between 1 and 16", "got 0"]),
    "rank-negative": ([*FT, "--rank", "-1"], ["--rank", "got -1"]),
    "rank-too-large": ([*FT, "--rank", "17"], ["--rank", "between 1 and 16", "got 17"]),
    "rank-too-large-mlp": ([*FT, "--targets", "fc,proj", "--rank", "17"], ["--rank", "16", "got 17"]),
    "unknown-target": ([*FT, "--targets", "q,mlp"], ["unknown LoRA target", "mlp", "q,k,v,o,fc,proj"]),
    "no-target": ([*FT, "--targets", ","], ["LoRA target"]),
    "layer-out-of-range": ([*FT, "--layers", "0,2"], ["layer index 2", "2 layer(s)"]),
    "layer-negative": ([*FT, "--layers", "-1"], ["layer index -1"]),
    "layers-garbage": ([*FT, "--layers", "first"], ["--layers", "'first'"]),
    "layers-fraction": ([*FT, "--layers", "1.5"], ["--layers", "'1.5'"]),
    "layers-empty": ([*FT, "--layers", ","], ["--layers", "','"]),
    "alpha-0": ([*FT, "--alpha", "0"], ["--alpha"]),
    "lora-dropout-1": ([*FT, "--lora-dropout", "1"], ["--lora-dropout"]),
    # the corpus
    "unknown-characters": (["finetune-lora", "--base", "base.npz", "odd.txt", "-o", "new.npz", *ENDLESS],
                           ["'q'", "'é'", "--drop-unknown"]),
    # the base is never written, nor an adapter by a merge
    "out-is-base": (["finetune-lora", "--base", "base.npz", "dom.txt", "-o", "base.npz", *ENDLESS],
                    ["base.npz", "overwrite"]),
    "last-is-base": (["finetune-lora", "--base", "base-last.npz", "dom.txt", "-o", "base.npz", *ENDLESS],
                     ["base-last.npz", "overwrite"]),
    "log-is-base": ([*FT, "--log", "base.npz"], ["--log", "base.npz", "overwrite"]),
    "merge-out-is-base": (["merge-lora", "--base", "base.npz", "--adapter", "a.npz", "-o", "base.npz"],
                          ["base.npz", "overwrite"]),
    "merge-out-is-adapter": (["merge-lora", "--base", "base.npz", "--adapter", "a.npz", "-o", "a.npz"],
                             ["a.npz", "overwrite"]),
    # resuming with other LoRA settings than the adapter's
    "resume-other-rank": (["finetune-lora", "--base", "base.npz", "dom.txt", "-o", "a.npz", "--resume", "a-last.npz",
                           "--steps", "80", "--rank", "4"], ["a-last.npz", "rank=2", "--rank 4"]),
    "resume-other-targets": (["finetune-lora", "--base", "base.npz", "dom.txt", "-o", "a.npz", "--resume",
                              "a-last.npz", "--steps", "80", "--targets", "q,k"], ["targets=q,v", "--targets q,k"]),
    "resume-rslora": (["finetune-lora", "--base", "base.npz", "dom.txt", "-o", "a.npz", "--resume", "a-last.npz",
                       "--steps", "80", "--rslora"], ["rslora"]),
    "adapter-weight-nan": (["sample", "--ckpt", "base.npz", "--adapter", "a.npz:nan"], ["a.npz:nan", "finite"]),
    "merge-same-adapter-twice": (["merge-lora", "--base", "base.npz", "--adapter", "a.npz", "--adapter", "a.npz:0.5",
                                  "-o", "m.npz"], ["a.npz", "given twice"]),
    "init-out-is-init": (["train", "dom.txt", "--init", "base.npz", "-o", "base.npz", *ENDLESS],
                         ["-o base.npz", "would overwrite --init base.npz"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input(work, case):
    args, needles = BAD[case]
    (work / "odd.txt").write_text(DOMAIN + "qina\nrené\n")
    shutil.copy(work / "base.npz", work / "base-last.npz")
    fps = {"base": str(npz(work / "base.npz")["fingerprint"])[:12],
           "other": str(npz(work / "other.npz")["fingerprint"])[:12]}
    before = snapshot(work)
    r = mgpt_run(*args, cwd=work, timeout=30)
    assert_user_error(r, *[needle.format(**fps) for needle in needles])
    assert snapshot(work) == before, "a failed command changed, added or removed files"


def test_resume_with_the_same_lora_flags_is_fine(work):
    r = mgpt_run("finetune-lora", "--base", "base.npz", "dom.txt", "-o", "a.npz", "--resume", "a-last.npz",
                 "--steps", "44", "--rank", "2", "--targets", "q,v", "--layers", "all", "--alpha", "4", "-q", cwd=work)
    assert_ok(r)
    assert meta(npz(work / "a-last.npz"), "state")["step"] == 44
