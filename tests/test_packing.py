"""Short documents packed side by side (mgpt/packing.py): the batch training draws in docs mode
reads as the padded batch would, for fewer positions."""

import numpy as np
import pytest

from mgpt.config import GPTConfig
from mgpt.data import DocsSplit, pad_rows
from mgpt.kernels import IGNORE_INDEX
from mgpt.lora import Adapter, LoraConfig, validate
from mgpt.model import GPT
from mgpt.packing import PackedDocs, pack_docs

BOS = 9


def docs_split(lengths, seed=0):
    rng = np.random.default_rng(seed)
    inner = [rng.integers(0, 9, n) for n in lengths]
    sizes = np.array(lengths, dtype=np.int64)
    return DocsSplit(np.concatenate(inner).astype(np.uint8), np.stack([np.cumsum(sizes) - sizes, sizes], 1), BOS)


def documents(x, y):
    """Each document of a packed batch as (its input ids, its targets), by row and segment."""
    out = []
    for r in range(x.ids.shape[0]):
        for s in range(x.segments[r].max() + 1):
            at = np.flatnonzero(x.segments[r] == s)
            assert at.tolist() == list(range(at[0], at[-1] + 1))  # a document stands in one piece
            assert x.positions[r, at].tolist() == list(range(len(at)))
            out.append((x.ids[r, at].tolist(), y[r, at].tolist()))
    return out


def rows_of(x, y):
    """The same of a padded batch."""
    n = [int(np.count_nonzero((x[b] != 0) | (y[b] != IGNORE_INDEX) | (np.arange(x.shape[1]) == 0)))
         for b in range(len(x))]
    return [(x[b, :k].tolist(), y[b, :k].tolist()) for b, k in enumerate(n)]


def gpt(dtype=np.float64):
    model = GPT(GPTConfig(vocab_size=10, n_layer=2, n_head=2, n_embd=8, block_size=12), dtype=dtype)
    model.init_weights(np.random.default_rng(0))
    model.params[...] += np.random.default_rng(1).normal(0, 0.3, model.params.shape)
    return model


def test_shards_pack_the_documents_sample_draws():
    split = docs_split([1, 3, 2, 7, 0, 4, 5, 2, 6, 1, 3])
    for seed in range(5):
        x, y = split.sample(16, 12, np.random.default_rng(seed))
        shards = split.sample_shards(16, 12, np.random.default_rng(seed), 2)
        for (px, py), part in zip(shards, np.array_split(np.arange(16), 2)):
            assert isinstance(px, PackedDocs) and px.ids.shape[1] <= 12
            assert px.ids.size < len(part) * x.shape[1]  # fewer positions than padding
            assert sorted(documents(px, py)) == sorted(rows_of(x[part], y[part]))


def test_documents_as_long_as_the_block_stay_padded_rows():
    split = docs_split([30, 25, 40])
    x, y = split.sample(4, 8, np.random.default_rng(3))
    (sx, sy), = split.sample_shards(4, 8, np.random.default_rng(3), 1)
    np.testing.assert_array_equal(sx, x)
    np.testing.assert_array_equal(sy, y)


def test_a_documents_scored_targets_stay_its_own():
    rows = [np.array([BOS, 1, 2, 3, BOS]), np.array([BOS, 4, 5, BOS]), np.array([BOS, 6, BOS]), np.array([BOS, BOS])]
    x, y = pack_docs(rows, [2, 0, 5, 0], 7)
    assert x.ids.shape == (2, 7)  # the longest first, each into the first row with room
    assert x.ids[0].tolist() == [BOS, 1, 2, 3, BOS, 4, 5] and x.segments[0].tolist() == [0] * 4 + [1] * 3
    assert y[0].tolist() == [IGNORE_INDEX, IGNORE_INDEX, 3, BOS, 4, 5, BOS]
    assert x.segments[1].tolist() == [0, 0, 1, -1, -1, -1, -1] and x.positions[1].tolist()[:3] == [0, 1, 0]
    assert y[1].tolist() == [IGNORE_INDEX, IGNORE_INDEX, BOS] + [IGNORE_INDEX] * 4  # its first scored target is past its end
    assert pack_docs(rows[:3], [0, 0, 0], 8) is None  # 2 rows of 8 for 3 of 4: padding costs less


@pytest.mark.parametrize("adapter", [False, True])
def test_a_packed_batch_reads_as_the_padded_one(adapter):
    """The loss and every gradient of the same documents, padded or packed."""
    model = gpt()
    if adapter:
        lora = Adapter(validate(LoraConfig(rank=2, alpha=4.0, targets=("q", "v", "fc")), model.config), model.config,
                       dtype=np.float64)
        lora.init_weights(np.random.default_rng(4))
        lora.params[...] += np.random.default_rng(5).normal(0, 0.1, lora.params.shape)  # B not zero
        model.attach_adapter(lora)
    weights = lora if adapter else model
    rng = np.random.default_rng(2)
    rows = [np.array([BOS, *rng.integers(0, 9, n), BOS]) for n in (1, 3, 2, 6, 0, 4, 9)]
    firsts = [0, 1, 0, 2, 0, 5, 0]
    got = []
    for batch in (pad_rows(rows, firsts), pack_docs(rows, firsts, 12)):
        weights.grads[...] = 0
        logits, loss, cache = model.forward(*batch)
        model.backward(cache)
        got.append((loss, weights.grads.copy()))
    assert pack_docs(rows, firsts, 12)[0].ids.shape[0] < len(rows)
    assert got[1][0] == pytest.approx(got[0][0], rel=1e-13)
    np.testing.assert_allclose(got[1][1], got[0][1], rtol=1e-10, atol=1e-14)
    assert np.abs(got[0][1]).max() > 1e-3
