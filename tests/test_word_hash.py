"""Hashed word features (mgpt/word_hash.py): stable buckets, words as the reader cuts them, the
buckets at the right places of packed rows, the sparse embedding gradient, and a reader without
them exactly as it was."""

import subprocess
import sys

import numpy as np
import pytest

from mgpt import kernels as K
from mgpt.data import CHARSETS, Vocab
from mgpt.errors import MgptError
from mgpt.pairs import encode_pair, make_batch
from mgpt.span_reader import SpanReader, SpanReaderConfig, parameter_shapes
from mgpt.word_hash import MAX_BUCKETS, STEM, bucket, word_ids, words

VOCAB = Vocab(CHARSETS["latin"])


def test_buckets_are_stable_across_processes():
    # crc32(b"weight") is 130897217, the same on every machine and in every process (hash() is salted)
    assert bucket("weight", MAX_BUCKETS) == 1 + 130897217 % (MAX_BUCKETS - 1) == 873918
    code = "from mgpt.word_hash import bucket; print(bucket('kestrel', 64), bucket('größe', 1000))"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PYTHONPATH": ":".join(sys.path)}).stdout for seed in "12"}
    assert runs == {f"{bucket('kestrel', 64)} {bucket('größe', 1000)}\n"}
    assert all(1 <= bucket(w, 2) <= 1 for w in ("a", "b"))  # two buckets: "no word" and every word
    assert len({bucket(w, 64) for w in ("weight", "price", "colour", "kestrel", "battery")}) > 1


def test_words_and_stems():
    assert [w for _, _, w in words("Größe: 2,4 kg — Kestrel_2 café!")] == ["größe", "2", "4", "kg", "kestrel", "2",
                                                                          "café"]
    assert words("  ... ") == [] and words("") == []
    text = "The Kestrel weighs 2.4kg, it weighed."
    ids = word_ids(text, 1000)
    assert ids.shape == (len(text), 2) and ids.dtype == np.int32
    for i, c in enumerate(text):  # outside words: 0, in both columns
        assert (ids[i] == 0).all() == (not c.isalnum())
    at = text.index("weighs")
    assert ids[at:at + 6, 0].tolist() == [bucket("weighs", 1000)] * 6  # every character of the word
    assert ids[at:at + 6, 1].tolist() == [bucket("weigh", 1000)] * 6  # and of its first STEM characters
    assert ids[text.index("weighed"), 1] == ids[at, 1] and ids[text.index("weighed"), 0] != ids[at, 0]
    assert ids[text.index("Kestrel"), 0] == bucket("kestrel", 1000)  # lowercased
    assert ids[text.index("4kg"), 0] == bucket("4kg", 1000) and ids[text.index("it"), 1] == bucket("it", 1000)
    assert STEM == 5


def test_packed_rows_carry_each_pairs_buckets():
    q = "How heavy is the Aster?"
    chunks = ["Aster weighs 2 kg.", "Brae: 3 kg, grey", "No prices here at all."]
    rows = [encode_pair(VOCAB, q, c, 64, word_buckets=50) for c in chunks]
    batch, _ = make_batch([rows[:2], rows[2:]], VOCAB.bos, width=128)
    assert any(at > 0 for _, at in batch.places)  # a pair after another in its row
    seen = np.zeros(batch.ids.shape, bool)
    for (r, at), chunk in zip(batch.places, chunks):
        pair = np.concatenate(([[0, 0]], word_ids(q, 50), [[0, 0]], word_ids(chunk, 50)))
        np.testing.assert_array_equal(batch.words[r, at:at + len(pair)], pair)
        seen[r, at:at + len(pair)] = True
    assert not batch.words[~seen].any()  # padding: no word
    alone, _ = make_batch([rows], VOCAB.bos)
    np.testing.assert_array_equal(alone.words[1, :len(rows[1].ids)], rows[1].words)
    plain = make_batch([[encode_pair(VOCAB, q, chunks[0], 64)]], VOCAB.bos)[0]
    assert plain.words is None


def test_embedding_backward_rows_matches_the_one_hot_kernel():
    rng = np.random.default_rng(0)
    idx = rng.integers(0, 40, size=(3, 7))
    idx[0, :3] = 0
    dout = rng.normal(size=(3, 7, 5))
    ids, rows = K.embedding_backward_rows(dout, idx)
    dense = np.zeros((40, 5))
    dense[ids] = rows
    np.testing.assert_allclose(dense, K.embedding_backward(dout, idx, 40), rtol=1e-12, atol=1e-12)
    assert ids.tolist() == sorted(set(idx.ravel().tolist()))


def config(**more):
    return SpanReaderConfig(vocab_size=len(VOCAB), n_layer=1, n_head=2, n_embd=8, block_size=64, **more)


def test_config_and_shapes():
    assert "word_buckets" not in config().to_dict()  # a reader without them: the config it always had
    assert config(word_buckets=64).to_dict()["word_buckets"] == 64
    assert SpanReaderConfig.from_dict(config(word_buckets=64).to_dict()).word_buckets == 64
    assert SpanReaderConfig.from_dict(config().to_dict()).word_buckets == 0
    plain, worded = parameter_shapes(config()), parameter_shapes(config(word_buckets=64))
    assert worded[:len(plain)] == plain and worded[len(plain):] == [("word_emb", (64, 8)), ("stem_emb", (64, 8))]
    for bad in (1, -2, MAX_BUCKETS + 1, 2.0, True, "64"):
        with pytest.raises(MgptError, match="word_buckets must be 0"):
            config(word_buckets=bad)


def test_the_shared_weights_start_alike_with_and_without_word_features():
    """The ablation differs only in the word tables: the same seed gives every other weight the same values."""
    plain, worded = SpanReader(config()), SpanReader(config(word_buckets=64))
    plain.init_weights(np.random.default_rng(3))
    worded.init_weights(np.random.default_rng(3))
    np.testing.assert_array_equal(worded.params[:plain.num_params], plain.params)
    assert worded.p["word_emb"].std() > 0 and worded.p["stem_emb"].std() > 0
    assert worded.decay_mask()[plain.num_params:].all()  # decayed as the other embeddings are
