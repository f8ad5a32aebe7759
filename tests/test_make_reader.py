"""scripts/make_reader.py's choice of runs: a trial on a new machine starts from a checkpoint copied in,
without retraining the stages (hours) behind it."""

import make_reader

def _names(runs):
    return [r[0] for r in runs]


def test_nothing_here_means_every_stage(tmp_path):
    assert _names(make_reader._needed(["reader"], tmp_path)) == [
        "stage1", "stage2", "stage3", "stage4", "reader"]
    assert _names(make_reader._needed(["stage5"], tmp_path)) == [
        "stage1", "stage2", "stage3", "stage4", "stage5"]


def test_a_checkpoint_copied_in_is_taken_as_finished(tmp_path):
    (tmp_path / "stage4.npz").write_bytes(b"")
    assert _names(make_reader._needed(["stage5"], tmp_path)) == ["stage5"]
    assert _names(make_reader._needed(["reader"], tmp_path)) == ["reader"]


def test_a_stage_under_way_is_resumed(tmp_path):
    """A stage with its -last file is still running: it is needed, and so are the runs it starts from
    unless they are finished."""
    for name in ("stage1", "stage2", "stage3"):
        (tmp_path / f"{name}.npz").write_bytes(b"")
    (tmp_path / "stage4.npz").write_bytes(b"")
    (tmp_path / "stage4-last.npz").write_bytes(b"")
    assert _names(make_reader._needed(["stage5"], tmp_path)) == ["stage4", "stage5"]


def test_each_data_set_is_made_of_parts():
    for name, parts in make_reader.DATASETS.items():
        assert parts and all(len(p) == 4 and p[0] in ("context-first", "question-around") for p in parts), name
    assert {p[2] for p in make_reader.DATASETS["question-around-ed4"]} == {1, 4}


def test_a_deepened_model_computes_what_its_source_does(tmp_path):
    """Layers added by repeating one with its output projections at zero change no logit; the run
    that starts from the deeper model needs the run it copies."""
    import numpy as np

    from mgpt.checkpoint import load_model, save_model
    from mgpt.data import Vocab
    from mgpt.config import GPTConfig
    from mgpt.model import GPT

    vocab = Vocab.checked("abcdef")
    model = GPT(GPTConfig(vocab_size=len(vocab), n_layer=3, n_head=2, n_embd=16, block_size=16))
    model.init_weights(np.random.default_rng(0))
    save_model(tmp_path / "small.npz", model, vocab, "docs", {})
    make_reader.deepen(tmp_path / "small.npz", (0, 1, 1, 2, 2), tmp_path / "deep.npz")
    deep = load_model(tmp_path / "deep.npz").model
    assert deep.config.n_layer == 5
    ids = np.random.default_rng(1).integers(0, len(vocab), (2, 16)).astype(np.int32)
    np.testing.assert_allclose(deep.forward(ids, for_backward=False)[0], model.forward(ids, for_backward=False)[0],
                               rtol=1e-6, atol=1e-6)
    assert deep.p["h2.wq"].any() and not deep.p["h2.proj"].any() and not deep.p["h2.wo"].any()
    assert _names(make_reader._needed(["stage6-deep"], tmp_path))[-2:] == ["reader", "stage6-deep"]


def test_steps_kept_while_a_run_trains(tmp_path):
    """make_span_reader.py keeps the -last file of the steps it names, each once, and no other."""
    import os
    import time

    import numpy as np
    from make_span_reader import KeptSteps

    from mgpt.checkpoint import load_model, save_model
    from mgpt.config import GPTConfig
    from mgpt.data import Vocab
    from mgpt.model import GPT

    model = GPT(GPTConfig(vocab_size=4, n_layer=1, n_head=1, n_embd=4, block_size=4))
    model.init_weights(np.random.default_rng(0))
    vocab, last = Vocab.from_text("abc", "docs"), str(tmp_path / "run-last.npz")

    def save(step):
        save_model(last, model, vocab, "docs", {"step": step})
        time.sleep(1.5)  # the watcher looks every second

    with KeptSteps(last, (50, 100)):
        for step in (25, 50, 75, 100):
            save(step)
    assert sorted(os.listdir(tmp_path)) == ["run-100.npz", "run-50.npz", "run-last.npz"]
    assert load_model(str(tmp_path / "run-50.npz")).state["step"] == 50
