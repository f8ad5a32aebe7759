"""The span reader's kernels and the whole reader against finite differences in float64, and what
its inputs mean: padding and the other pairs of a row invisible, both directions seen, the null a
target when no chunk holds the answer, packed rows reading as rows of their own."""

import numpy as np
import pytest

from mgpt import span_kernels as S
from mgpt.data import CHARSETS, Vocab
from mgpt.pairs import (CHUNK, CHUNK_MATCH, CHUNK_NEAR, QUESTION, QUESTION_MATCH, character_types, encode_pair,
                        make_batch)
from mgpt.span_reader import SpanReader, SpanReaderConfig
from support.gradcheck import assert_close, numerical_grad


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def padded_segments(rng, B, T):
    """Two pairs packed in each row, then padding (-1)."""
    ends = np.sort(rng.integers(1, T + 1, size=(B, 2)), axis=1)
    at = np.arange(T)[None, :]
    return np.where(at < ends[:, :1], 0, np.where(at < ends[:, 1:], 1, -1))


@pytest.mark.parametrize("attention", ["both", "causal", "split"])
def test_masked_attention(rng, attention):
    B, T, C, H = 3, 6, 8, 2
    qkv = rng.normal(size=(B, T, 3 * C))
    w = rng.normal(size=(B, T, C))
    bias = S.key_bias(padded_segments(rng, B, T), attention, H, np.float64)
    f = lambda: float(np.sum(S.attention_masked_forward(qkv, H, bias)[0] * w))
    _, cache = S.attention_masked_forward(qkv, H, bias)
    assert_close(S.attention_masked_backward(w, cache), numerical_grad(f, qkv))


def test_masked_attention_ignores_padding_and_sees_both_ways(rng):
    B, T, C, H = 2, 6, 8, 2
    qkv = rng.normal(size=(B, T, 3 * C))
    mask = np.zeros((B, T), int)
    mask[0, 4:] = -1  # padding
    out, _ = S.attention_masked_forward(qkv, H, S.key_bias(mask))
    changed = qkv.copy()
    changed[0, 4:] = 7.0  # padding's keys and values
    np.testing.assert_array_equal(S.attention_masked_forward(changed, H, S.key_bias(mask))[0][0, :4], out[0, :4])
    later = qkv.copy()
    later[1, 5, C:] = 3.0  # the last position's key and value: every query sees it, the first too
    assert not np.allclose(S.attention_masked_forward(later, H, S.key_bias(mask))[0][1, 0], out[1, 0])
    causal = S.attention_masked_forward(later, H, S.key_bias(mask, "causal"))[0]
    np.testing.assert_allclose(causal[1, :5], S.attention_masked_forward(qkv, H, S.key_bias(mask, "causal"))[0][1, :5])
    split = S.attention_masked_forward(later, H, S.key_bias(mask, "split", H))[0]
    before = S.attention_masked_forward(qkv, H, S.key_bias(mask, "split", H))[0]
    hd = C // H  # the left-looking head of the first position cannot see the last; the right-looking one can
    np.testing.assert_allclose(split[1, 0, :hd], before[1, 0, :hd])
    assert not np.allclose(split[1, 0, hd:], before[1, 0, hd:])


def packed_pairs(rng, R=2, T=80):
    """Rows of pairs of lengths on both sides of PAIR_BUCKET (several groups), then padding."""
    lengths = [[5, 40, 30], [70]]
    segments = np.full((R, T), -1)
    for r, row in enumerate(lengths[:R]):
        at = 0
        for s, n in enumerate(row):
            segments[r, at:at + n] = s
            at += n
    return segments


@pytest.mark.parametrize("attention", ["both", "causal", "split"])
def test_pair_attention(rng, attention):
    segments = packed_pairs(rng)
    (R, T), C, H = segments.shape, 8, 2
    groups = S.pair_groups(segments, attention, H, np.float64)
    assert {g.index.shape for g in groups} == {(2, 32), (1, 64), (1, 96)}  # 5 and 30 | 40 | 70
    qkv, w = rng.normal(size=(R, T, 3 * C)), rng.normal(size=(R, T, C))
    f = lambda: float(np.sum(S.attention_pairs_forward(qkv, H, groups)[0] * w))
    _, cache = S.attention_pairs_forward(qkv, H, groups)
    assert_close(S.attention_pairs_backward(w, cache), numerical_grad(f, qkv))


@pytest.mark.parametrize("attention", ["both", "causal", "split"])
def test_pair_attention_is_attention_over_the_whole_rows(rng, attention):
    """Pair by pair, the outputs and gradients of attention over the packed rows with every other
    pair masked out; padding gets zeros."""
    segments = packed_pairs(rng)
    (R, T), C, H = segments.shape, 8, 2
    qkv = rng.normal(size=(R, T, 3 * C))
    rows, rows_cache = S.attention_masked_forward(qkv, H, S.key_bias(segments, attention, H, np.float64))
    pairs, pairs_cache = S.attention_pairs_forward(qkv, H, S.pair_groups(segments, attention, H, np.float64))
    real = segments >= 0
    np.testing.assert_allclose(pairs[real], rows[real], rtol=1e-12, atol=1e-13)
    assert not pairs[~real].any()
    dout = np.where(real[..., None], rng.normal(size=rows.shape), 0.0)  # nothing reads padding
    np.testing.assert_allclose(S.attention_pairs_backward(dout, pairs_cache),
                               S.attention_masked_backward(dout, rows_cache), rtol=1e-11, atol=1e-13)


def test_pair_attention_with_scores_far_above_the_own_key(rng):
    """As the GPT's attention (test_gradients): a row's own max shifts it where its own key's score
    is far below another's; float32 stays finite and agrees with float64."""
    segments = packed_pairs(rng)
    (R, T), C, H = segments.shape, 8, 2
    qkv = rng.normal(size=(R, T, 3 * C))
    qkv[:, :, :C] *= 30.0
    qkv[:, :, C:2 * C] *= 30.0
    assert np.abs(qkv[:, :, :C] @ qkv[:, :, C:2 * C].transpose(0, 2, 1)).max() > 1000
    out = {}
    for dtype in (np.float32, np.float64):
        groups = S.pair_groups(segments, "both", H, dtype)
        out[dtype], _ = S.attention_pairs_forward(qkv.astype(dtype), H, groups)
    assert np.isfinite(out[np.float32]).all()
    np.testing.assert_allclose(out[np.float32], out[np.float64], rtol=1e-3, atol=1e-3)


def test_span_loss(rng):
    G, N = 3, 20
    logits = rng.normal(size=N)
    question = rng.integers(0, G, size=N)
    question[-1] = -1  # padding: never allowed
    allowed = rng.random(N) < 0.8
    allowed[-1] = False
    target = np.zeros(N, bool)
    for g in range(G):  # every question has a target: its first allowed position, and one more for question 1
        mine = np.flatnonzero(allowed & (question == g))
        if not len(mine):
            allowed[np.flatnonzero(question == g)[0]] = True
            mine = np.flatnonzero(allowed & (question == g))
        target[mine[:2 if g == 1 else 1]] = True
    f = lambda: S.span_loss_forward(logits, allowed, target, question, G)[0]
    loss, cache = S.span_loss_forward(logits, allowed, target, question, G)
    expected = np.mean([np.log(np.exp(logits[allowed & (question == g)]).sum())
                        - np.log(np.exp(logits[target & (question == g)]).sum()) for g in range(G)])
    assert loss == pytest.approx(expected, rel=1e-12)
    grad = S.span_loss_backward(cache)
    assert_close(grad, numerical_grad(f, logits))
    assert not grad[~allowed].any()  # what may not be chosen gets no gradient


def small_reader(attention="both", dropout=0.0, dtype=np.float64, word_buckets=0):
    cfg = SpanReaderConfig(vocab_size=len(CHARSETS["latin"]) + 1, n_layer=2, n_head=2, n_embd=8, block_size=64,
                           attention=attention, dropout=dropout, word_buckets=word_buckets)
    model = SpanReader(cfg, dtype=dtype)
    model.init_weights(np.random.default_rng(0))
    model.params[...] += np.random.default_rng(1).normal(0, 0.3, model.params.shape)
    return model


def pairs_groups(word_buckets=0):
    vocab = Vocab(CHARSETS["latin"])
    q = "How heavy is the Aster?"
    g1 = [encode_pair(vocab, q, "Aster weighs 2 kg.", 64, spans=[(13, 17)], word_buckets=word_buckets),
          encode_pair(vocab, q, "Brae: 3 kg", 64, word_buckets=word_buckets)]
    g2 = [encode_pair(vocab, "Price?", "No prices here.", 64, word_buckets=word_buckets)]
    return [g1, g2], vocab.bos


def pairs_batch(width=None, word_buckets=0):
    return make_batch(*pairs_groups(word_buckets), width)


@pytest.mark.parametrize("attention", ["both", "causal", "split"])
def test_whole_reader_gradient(attention):
    model = small_reader(attention)
    batch, targets = pairs_batch(width=64)  # the first question's two pairs share a row
    _, _, cache = model.forward(batch, targets)
    model.grads[...] = 0
    model.backward(cache)
    f = lambda: model.forward(batch, targets)[1]
    assert_close(model.grads, numerical_grad(f, model.params), rtol=1e-4, atol=1e-8)
    assert np.abs(model.grads).max() > 1e-3


@pytest.mark.parametrize("dropout", [0.0, 0.3])
def test_whole_reader_gradient_with_word_features(dropout):
    """The word and stem tables get their gradient too (5 buckets: words share them)."""
    model = small_reader("split", dropout, word_buckets=5)
    batch, targets = pairs_batch(width=64, word_buckets=5)
    rng = lambda: np.random.default_rng(5) if dropout else None
    _, _, cache = model.forward(batch, targets, rng=rng())
    model.grads[...] = 0
    model.backward(cache)
    f = lambda: model.forward(batch, targets, rng=rng())[1]
    assert_close(model.grads, numerical_grad(f, model.params), rtol=1e-4, atol=1e-8)
    for name in ("word_emb", "stem_emb"):
        assert np.abs(model.g[name]).max() > 1e-3


def test_whole_reader_gradient_with_dropout():
    model = small_reader(dropout=0.3)
    batch, targets = pairs_batch()
    _, _, cache = model.forward(batch, targets, rng=np.random.default_rng(5))
    model.grads[...] = 0
    model.backward(cache)
    f = lambda: model.forward(batch, targets, rng=np.random.default_rng(5))[1]
    assert_close(model.grads, numerical_grad(f, model.params), rtol=1e-4, atol=1e-8)


def test_batch_targets():
    batch, targets = pairs_batch()
    assert batch.ids.shape[0] == 3 and targets.questions == 2 and batch.places == [(0, 0), (1, 0), (2, 0)]
    # question 1: the answer "2 kg" in its first chunk; question 2: no chunk holds one, so its null
    at = 2 + len("How heavy is the Aster?")
    assert np.flatnonzero(targets.start[0]).tolist() == [at + 13]
    assert np.flatnonzero(targets.end[0]).tolist() == [at + 16]
    assert not targets.start[1].any()
    assert np.flatnonzero(targets.start[2]).tolist() == [0]
    # "Aster weighs 2 kg.": starts and ends only at word edges, and the nulls
    assert np.flatnonzero(targets.may_start[0]).tolist() == [0] + [at + i for i in (0, 6, 13, 15)]
    assert np.flatnonzero(targets.may_end[0]).tolist() == [0] + [at + i for i in (4, 11, 13, 16, 17)]
    n = len("Price?") + 2 + len("No prices here.")
    assert targets.question[2].tolist() == [1] * n + [-1] * (batch.ids.shape[1] - n)
    assert batch.segments[2].tolist() == [0] * n + [-1] * (batch.ids.shape[1] - n)


def test_packing_fills_rows_first_fit():
    from mgpt.packing import pack

    assert pack([30, 50, 20, 45, 10], 64) == [(2, 0), (0, 0), (2, 30), (1, 0), (0, 50)]
    assert pack([64, 64], 64) == [(0, 0), (1, 0)]


@pytest.mark.parametrize("attention", ["both", "causal", "split"])
def test_packed_rows_read_as_rows_of_their_own(attention):
    """Pairs packed side by side get the scores, the loss and the gradient they get alone."""
    model = small_reader(attention)
    alone, alone_targets = pairs_batch()
    packed, packed_targets = pairs_batch(width=64)
    assert packed.ids.shape[0] == 2 and packed.places[1] == (1, 0)  # the longest pair alone, two in the other row
    scores_alone, loss_alone, cache = model.forward(alone, alone_targets)
    model.grads[...] = 0
    model.backward(cache)
    grads_alone = model.grads.copy()
    scores_packed, loss_packed, cache = model.forward(packed, packed_targets)
    model.grads[...] = 0
    model.backward(cache)
    for (r, at), (ra, _) in zip(packed.places, alone.places):
        n = int((alone.segments[ra] == 0).sum())
        np.testing.assert_allclose(scores_packed[r, at:at + n], scores_alone[ra, :n], rtol=1e-12, atol=1e-12)
    assert loss_packed == pytest.approx(loss_alone, rel=1e-12)
    np.testing.assert_allclose(model.grads, grads_alone, rtol=1e-9, atol=1e-12)


def test_character_types():
    q_types, c_types = character_types("How much does the Kestrel weigh?", "The Kestrel 2 weighs 2.4 kg.")
    chunk = "The Kestrel 2 weighs 2.4 kg."
    assert set(c_types[chunk.index("Kestrel"):][:7]) == {CHUNK_MATCH}
    assert set(c_types[chunk.index("weighs"):][:6]) == {CHUNK_NEAR}
    assert c_types[0] == CHUNK  # "The" is a stop word
    assert q_types[0] == QUESTION and q_types["How much does the ".__len__()] == QUESTION_MATCH
    plain_q, plain_c = character_types("How much does the Kestrel weigh?", chunk, match_features=False)
    assert set(plain_q) == {QUESTION} and set(plain_c) == {CHUNK}


@pytest.mark.parametrize("text, span, want", [
    ("weighs (about 29 kg) empty", "29 kg)", "29 kg"),
    ("link with (libc, -lc) always", "(libc, -lc)", "(libc, -lc)"),  # balanced: kept whole
    ("link with (libc, -lc) always", "(libc", "libc"),
    ("sizes [S, M] only", "S, M]", "S, M"),
    ("costs 89 EUR; ships", "89 EUR;", "89 EUR"),
    ("f(x) returns", "f(x)", "f(x)"),
    ("only )", ")", ")"),  # nothing would be left: kept as it was
])
def test_a_span_keeps_no_bracket_it_does_not_open_and_close(text, span, want):
    from mgpt.retrieval.span_answer import tidy_span

    start = text.index(span)
    s, e = tidy_span(text, start, start + len(span))
    assert text[s:e] == want
