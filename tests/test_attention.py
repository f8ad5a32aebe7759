"""The attention weights a picture shows are the ones the forward pass computes and uses."""

import json

import numpy as np
import pytest

from mgpt import kernels as K
from mgpt.checkpoint import load_model, load_with_adapters
from mgpt.config import GPTConfig
from mgpt.lora import Adapter, LoraConfig, validate
from mgpt.model import GPT
from support.cli import FAST, NAMES, PROSE, assert_ok, assert_user_error, mgpt_run, snapshot, train

T = 12


def model_and_batch(seed=0):
    """Two layers, two heads, weights large enough that attention is far from uniform."""
    rng = np.random.default_rng(seed)
    model = GPT(GPTConfig(vocab_size=11, n_layer=2, n_head=2, n_embd=8, block_size=T), np.float64)
    model.params[...] = rng.normal(0.0, 0.5, model.params.size)
    idx = rng.integers(0, 11, (3, T))
    return model, idx, rng


def attention_caches(model, idx):
    """(q, k, v, query blocks) of each layer's attention, from a training forward pass's cache."""
    _, _, cache = model.forward(idx, np.zeros_like(idx))
    return [block.attention for _, block in cache["layers"]], [block.attended for _, block in cache["layers"]]


def plain_softmax(q_scaled, k):
    """softmax(q k^T + causal mask) written out the textbook way, in float64."""
    scores = q_scaled @ k.transpose(0, 1, 3, 2)
    scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def with_adapter(model, rng):
    adapter = Adapter(validate(LoraConfig(2, 4.0, ("q", "k", "v")), model.config), model.config, np.float64)
    adapter.params[...] = rng.normal(0.0, 0.5, adapter.params.size)  # B nonzero: the deltas count
    model.attach_adapter(adapter)
    return model


@pytest.mark.parametrize("adapted", [False, True], ids=["base", "with-adapter"])
@pytest.mark.parametrize("block", [K.ATTENTION_BLOCK, 5], ids=["one-query-block", "three-query-blocks"])
def test_weights_are_the_softmax_the_forward_pass_computes(monkeypatch, adapted, block):
    monkeypatch.setattr(K, "ATTENTION_BLOCK", block)
    model, idx, rng = model_and_batch()
    if adapted:
        with_adapter(model, rng)
    weights = model.attention_weights(idx)
    assert weights.shape == (2, 3, 2, T, T)
    caches, outputs = attention_caches(model, idx)
    for layer, ((q, k, v, _, blocks), mixed) in enumerate(zip(caches, outputs)):
        assert len(blocks) == -(-T // block)
        np.testing.assert_allclose(weights[layer], plain_softmax(q, k), rtol=1e-12, atol=1e-15)
        # and they are what the forward pass multiplied the values by
        np.testing.assert_allclose(K.merge_heads(weights[layer] @ v), mixed, rtol=1e-12, atol=1e-15)
        for e, inv_sums in blocks:  # the kernel's own blocks, bit for bit
            start, end = e.shape[3] - e.shape[2], e.shape[3]
            assert np.array_equal(weights[layer][:, :, start:end, :end], e * inv_sums[..., None])


def test_weights_are_causal_rows_that_sum_to_one():
    model, idx, _ = model_and_batch(1)
    weights = model.attention_weights(idx)
    np.testing.assert_allclose(weights.sum(axis=-1), 1.0, rtol=1e-12)
    assert not np.triu(weights, k=1).any()
    assert weights.std() > 0.05  # not uniform: the test above compares something


def test_an_adapter_changes_the_weights():
    model, idx, rng = model_and_batch(2)
    before = model.attention_weights(idx)
    assert not np.allclose(with_adapter(model, rng).attention_weights(idx), before)


def test_weights_leave_the_logits_unchanged():
    model, idx, _ = model_and_batch(3)
    weights = []
    assert np.array_equal(model.forward(idx, attention_out=weights), model.forward(idx))
    assert len(weights) == model.config.n_layer


# --- mgpt attention ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """A docs-mode model (names), a stream-mode one (prose) and an adapter on the first."""
    pytest.importorskip("matplotlib", reason="the plot extra is not installed: pip install '.[plot]'")
    d = tmp_path_factory.mktemp("attention")
    (d / "names.txt").write_text(NAMES)
    (d / "prose.txt").write_text(PROSE)
    train(d / "names.txt", d / "names.npz", "--mode", "docs", steps=40)
    train(d / "prose.txt", d / "prose.npz", "--mode", "stream", steps=20)
    assert_ok(mgpt_run("finetune-lora", "--base", d / "names.npz", d / "names.txt", "-o", d / "adapter.npz",
                       "--rank", "2", "--targets", "q,k", "--lr", "5e-2", "--steps", "5", *FAST[:-1], "-q"))
    return d


def image_data(figure):
    """{panel title: (weights shown, x tick labels, y tick labels)}."""
    return {ax.get_title(): (ax.images[0].get_array().data, [t.get_text() for t in ax.get_xticklabels()],
                             [t.get_text() for t in ax.get_yticklabels()])
            for ax in figure.axes if ax.images}


def test_the_grid_shows_every_layer_and_head(models):
    from mgpt.plot import attention_figure, attention_map

    ck = load_model(models / "names.npz")
    ids = [ck.vocab.bos] + list(ck.vocab.encode("emma"))
    expected = ck.model.attention_weights(np.array([ids]))[:, 0]
    panels = image_data(attention_figure(attention_map(ck, "emma")))
    assert set(panels) == {"layer 0, head 0", "layer 0, head 1"}  # TINY: 1 layer, 2 heads
    for head in range(2):
        shown, xlabels, ylabels = panels[f"layer 0, head {head}"]
        assert np.array_equal(shown, expected[0, head])
        assert xlabels == ["<BOS>", "e", "m", "m", "a"]
        assert ylabels == (xlabels if head == 0 else [""] * 5)  # the queries named once, on the left


def test_one_head_of_a_stream_model(models):
    from mgpt.plot import attention_figure, attention_map

    ck = load_model(models / "prose.npz")
    amap = attention_map(ck, "the mill", head=1)
    (shown, xlabels, _), = image_data(attention_figure(amap)).values()
    assert np.array_equal(shown, ck.model.attention_weights(ck.vocab.encode("the mill")[None])[0, 0, 1])
    assert xlabels == ["t", "h", "e", "\u2423", "m", "i", "l", "l"]


@pytest.mark.parametrize("name, size", [("a.png", (500, 360)), ("a.svg", (500, 360))])
def test_the_file_is_a_picture_of_the_asked_size(models, tmp_path, name, size):
    from support.images import png_size, svg_size

    r = assert_ok(mgpt_run("attention", "--ckpt", models / "names.npz", "--prompt", "anna", "-o", name,
                           "--size", "500x360", cwd=tmp_path))
    assert (png_size if name.endswith("png") else svg_size)(tmp_path / name) == size
    assert r.stderr == f"mgpt: wrote {name}: 1 layer(s) x 2 head(s) over 5 tokens\n" and r.stdout == ""


def test_json_holds_the_weights_with_the_adapter(models, tmp_path):
    assert_ok(mgpt_run("attention", "--ckpt", models / "names.npz", "--adapter", models / "adapter.npz",
                       "--prompt", "-", "--layer", "0", "-o", "w.json", cwd=tmp_path, input="otto\n"))
    data = json.loads((tmp_path / "w.json").read_text())
    assert data["labels"] == ["<BOS>", "o", "t", "t", "o"] and data["layers"] == [0] and data["heads"] == [0, 1]
    ck = load_with_adapters(str(models / "names.npz"), [str(models / "adapter.npz")])
    ids = [ck.vocab.bos] + list(ck.vocab.encode("otto"))
    adapted = ck.model.attention_weights(np.array([ids]))[0, 0]
    np.testing.assert_allclose(data["weights"][0], adapted, atol=1e-5)
    base = load_model(models / "names.npz").model.attention_weights(np.array([ids]))[0, 0]
    assert not np.allclose(data["weights"][0], base, atol=1e-3)


@pytest.mark.parametrize("args, needle", [
    (["--layer", "1"], "--layer 1: the model has 1 layer (--layer 0 to 0)"),
    (["--head", "2"], "--head 2: the model has 2 heads (--head 0 to 1)"),
    (["--prompt", "Émile"], "prompt has 1 character(s) the model has never seen"),
    (["--prompt", ""], "--prompt is empty"),
    (["--prompt", "abcdefgh"], "--prompt is 9 tokens long with its BOS; the model reads at most 8"),
    (["--ckpt", "missing.npz"], "missing.npz: no such checkpoint"),
    (["-o", "a.gif"], "give a name ending in .png or .svg or .json"),
    (["--size", "10x10"], "is not a size such as 800x500"),
])
def test_bad_input(models, tmp_path, args, needle):
    given = {"--ckpt": str(models / "names.npz"), "--prompt": "anna", "-o": "a.png"}
    for option, value in zip(args[::2], args[1::2]):
        given[option] = value
    before = snapshot(tmp_path)
    assert_user_error(mgpt_run("attention", *[x for pair in given.items() for x in pair], cwd=tmp_path), needle)
    assert snapshot(tmp_path) == before
