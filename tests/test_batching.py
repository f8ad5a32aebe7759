"""Rows of one KV cache at different positions (what a server's continuous batching needs): each
row decoded with the others must give what it gives alone, logits to 1e-5 and the same greedy
tokens, in float32 (what serving runs) and float64."""

import numpy as np
import pytest

from mgpt import kernels as K

from support.batching import CFG, job, model

PROMPTS = [[1, 2], [3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 0, 1], [5]]


def greedy_alone(m, prompt, steps):
    """(logits (steps, V), tokens) of one prompt decoded on its own cache, one token at a time."""
    kv = m.new_kv_cache(1)
    logits = m.forward_cached(np.array([prompt]), kv)[:, -1]
    out, tokens = [], []
    for _ in range(steps):
        out.append(logits[0])
        token = int(np.argmax(logits[0]))
        tokens.append(token)
        logits = m.forward_cached(np.array([[token]]), kv)[:, -1]
    return np.array(out), tokens


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("adapter", [False, True])
def test_rows_at_different_positions_decode_as_each_alone(dtype, adapter):
    m = model(dtype, adapter)
    steps = 10
    alone = [greedy_alone(m, p, steps) for p in PROMPTS]
    kv = m.new_kv_cache(len(PROMPTS))
    logits = np.concatenate([m.forward_cached(np.array([p]), kv.rows(i, i + 1))[:, -1] for i, p in enumerate(PROMPTS)])
    assert kv.lengths.tolist() == [len(p) for p in PROMPTS] and not kv.aligned
    with pytest.raises(ValueError, match="different lengths"):
        kv.length
    for step in range(steps):
        tokens = np.argmax(logits, axis=-1)
        for row, (expected_logits, expected_tokens) in enumerate(alone):
            np.testing.assert_allclose(logits[row], expected_logits[step], rtol=1e-5, atol=1e-5)
            assert tokens[row] == expected_tokens[step]
        logits = m.forward_cached(tokens[:, None], kv)[:, -1]  # all rows, each at its own position
    assert kv.lengths.tolist() == [len(p) + steps for p in PROMPTS]


def test_rows_join_and_leave_between_steps():
    """A server's life: row 1 joins after three steps of row 0, row 0 leaves (row 1 moves into
    its place), a new row joins behind it; each still decodes as it would alone."""
    m = model()
    alone = {i: greedy_alone(m, p, 12)[1] for i, p in enumerate(PROMPTS)}
    kv = m.new_kv_cache(2)
    got = {0: [], 1: [], 2: []}
    rows = [0]  # which prompt each busy row holds

    def join(prompt_index):
        row = len(rows)
        rows.append(prompt_index)
        fresh = kv.rows(row, row + 1)
        fresh.length = 0  # the row may hold a request that left
        return m.forward_cached(np.array([PROMPTS[prompt_index]]), fresh)[:, -1]

    logits = m.forward_cached(np.array([PROMPTS[0]]), kv.rows(0, 1))[:, -1]
    for step in range(12):
        if step == 3:
            logits = np.concatenate([logits, join(1)])
        if step == 6:  # row 0 leaves: the last row takes its place (its keys, values, length, logits)
            kv.k[:, 0], kv.v[:, 0], kv.lengths[0] = kv.k[:, 1], kv.v[:, 1], kv.lengths[1]
            rows[:] = rows[1:]
            logits = logits[1:]
            logits = np.concatenate([logits, join(2)])
        tokens = np.argmax(logits, axis=-1)
        for row, prompt_index in enumerate(rows):
            got[prompt_index].append(int(tokens[row]))
        logits = m.forward_cached(tokens[:, None], kv.rows(0, len(rows)))[:, -1]
    assert (got[0], got[1], got[2]) == (alone[0][:6], alone[1][:9], alone[2][:6])


def test_several_positions_per_row_at_once():
    """t > 1 on rows at different positions: each row's chunk sees its own prefix and itself, causally."""
    m = model(np.float64)
    rest = [[4, 4, 9], [1, 0, 2], [7, 7, 7], [3, 2, 1]]
    kv = m.new_kv_cache(len(PROMPTS))
    for i, p in enumerate(PROMPTS):
        m.forward_cached(np.array([p]), kv.rows(i, i + 1))
    batched = m.forward_cached(np.array(rest), kv)
    for i, (p, r) in enumerate(zip(PROMPTS, rest)):
        full = m.forward(np.array([p + r]))[0, len(p):]
        np.testing.assert_allclose(batched[i], full, rtol=1e-9, atol=1e-10)


def test_row_causal_mask():
    mask = K.row_causal_mask(np.array([0, 2]), 2, 4, np.dtype(np.float32))
    assert mask.shape == (2, 1, 2, 4)
    assert (mask[0, 0] == 0).tolist() == [[True, False, False, False], [True, True, False, False]]
    assert (mask[1, 0] == 0).tolist() == [[True, True, True, False], [True, True, True, True]]


def test_aligned_rows_keep_the_shared_length():
    m = model()
    kv = m.new_kv_cache(3)
    m.forward_cached(np.zeros((3, 4), dtype=np.int64), kv)
    assert kv.aligned and kv.length == 4 and kv.positions(2) == slice(4, 6)
    kv.length = 0
    assert kv.lengths.tolist() == [0, 0, 0]


# --- the server's batch: jobs joining and leaving, each decoded as `generate` decodes it alone ---

@pytest.mark.parametrize("mode", ["docs", "stream"])
def test_jobs_in_company_write_what_generate_writes_alone(mode):
    from mgpt.data import Vocab
    from mgpt.sampling import generate, prompt_ids
    from mgpt.serve.batch import Batch

    vocab = Vocab("abcdefghijkl")  # 12 characters + BOS = CFG.vocab_size
    m = model()
    settings = [("", 1, 30, 1.0, None, None), ("abc", 2, 50, 0.8, 4, None), ("k" * 30, 3, 40, 1.2, None, 0.9),
                ("l", 4, 9, 0.0, None, None), ("fed", 5, 60, 1.0, None, None)]  # prompt, seed, tokens, t, k, p
    expected = [generate(m, vocab, mode, p, 1, n, t, k, tp, seed)[0] for p, seed, n, t, k, tp in settings]
    if mode == "docs":
        expected = [e[len(p):] for e, (p, *_) in zip(expected, settings)]
    events = []
    jobs = [job(prompt_ids(vocab, mode, p)[-CFG.block_size:], seed, n, temperature=t, top_k=k, top_p=tp, events=events)
            for p, seed, n, t, k, tp in settings]
    # 3 rows for 5 jobs: they join when rows free up, at different steps and positions
    batch = Batch(m, vocab, mode, 3)
    arrivals = {0: jobs[:2], 3: [jobs[2]], 5: [jobs[3]]}
    texts, step = {}, 0
    waiting = [jobs[4]]
    while arrivals or waiting or batch.seqs:
        for j in arrivals.pop(step, []):
            waiting.append(j)
        while waiting and waiting[0].n <= batch.free:
            batch.admit(waiting.pop(0))
        for j, event in batch.step() if batch.seqs else []:
            texts.setdefault(j, "")
            if event[0] == "text":
                texts[j] += event[2]
        step += 1
    assert [texts[j] for j in jobs] == expected
    assert max(len(p) + len(e) for e, (p, *_) in zip(expected, settings)) > CFG.block_size  # a full row was rebuilt


def test_choices_share_their_job_and_stop_strings_end_them():
    from mgpt.data import Vocab
    from mgpt.sampling import generate
    from mgpt.serve.batch import Batch

    vocab = Vocab("abcdefghijkl")
    m = model()
    events = []
    three = job([0, 1], 11, 20, n=3, events=events)  # stream mode: generate's three samples while all run
    batch = Batch(m, vocab, "stream", 4)
    batch.admit(three)
    texts = {}
    while batch.seqs:
        for _, event in batch.step():
            if event[0] == "text":
                texts[event[1]] = texts.get(event[1], "") + event[2]
    assert [texts[c] for c in range(3)] == generate(m, vocab, "stream", "ab", 3, 20, 1.0, None, None, 11)
    free = generate(m, vocab, "stream", "ab", 1, 40, 1.0, None, None, 12)[0]
    stop = free[5:7]
    stopped = job([0, 1], 12, 40, stop=[stop], events=events)
    batch.admit(stopped)
    out, ends = "", []
    while batch.seqs:
        for _, event in batch.step():
            if event[0] == "text":
                out += event[2]
            else:
                ends.append(event[2])
    assert out == free[:free.index(stop)] and ends == ["stop"]


def test_a_cancelled_job_leaves_its_rows():
    from mgpt.data import Vocab
    from mgpt.serve.batch import Batch

    m = model()
    events = []
    a, b = job([0], 1, 1000, n=2, events=events), job([1], 2, 1000, events=events)
    batch = Batch(m, Vocab("abcdefghijkl"), "stream", 3)
    batch.admit(a)
    batch.admit(b)
    batch.step()
    a.cancel()
    batch.step()
    assert [s.job for s in batch.seqs] == [b] and batch.free == 2


@pytest.mark.parametrize("stops, pieces, shown, stopped", [
    (["END"], ["ab", "cE", "N", "D", "x"], "abc", True),  # "E", "EN" held back until they fail or finish a stop
    (["END"], ["ab", "cE", "Nx"], "abcENx", False),
    (["x", "yz"], ["ay", "y", "z"], "ay", True),
    ([], ["a", "b"], "ab", False),
])
def test_stop_strings_are_never_shown(stops, pieces, shown, stopped):
    from mgpt.serve.jobs import StopText

    stop, out, ended = StopText(stops), "", False
    for piece in pieces:
        text, ended = stop.feed(piece)
        out += text
        if ended:
            break
    if not ended:
        out += stop.flush()
    assert (out, ended) == (shown, stopped)


def test_a_job_whose_neighbour_was_cancelled_writes_what_generate_writes_alone():
    """The cancelled job's row goes between steps and the survivor moves into it: its next token
    must come from its own logits, which move with it."""
    from mgpt.data import Vocab
    from mgpt.sampling import generate
    from mgpt.serve.batch import Batch

    vocab = Vocab("abcdefghijkl")
    m = model()
    for seed in range(3):
        gone, kept = job([4, 5], 100 + seed, 1000, events=[]), job([0, 1], seed, 30, events=[])
        batch = Batch(m, vocab, "stream", 2)
        batch.admit(gone)
        batch.admit(kept)  # row 1
        events = batch.step()
        gone.cancel()
        events += batch.step()  # `gone` leaves first, then `kept` (now on row 0) chooses from the logits it brought
        assert [s.job for s in batch.seqs] == [kept]
        while batch.seqs:
            events += batch.step()
        text = "".join(e[2] for j, e in events if j is kept and e[0] == "text")
        assert text == generate(m, vocab, "stream", "ab", 1, 30, 1.0, None, None, seed)[0]


def test_more_waiting_jobs_than_free_rows_all_complete():
    """Three one-row jobs wait for a scheduler of two rows at its first admission: two are taken,
    the third waits for a row, and each writes what generate writes alone."""
    import asyncio
    from functools import partial

    from mgpt.data import Vocab
    from mgpt.sampling import generate
    from mgpt.serve.jobs import Job
    from mgpt.serve.metrics import Metrics
    from mgpt.serve.scheduler import Scheduler

    vocab = Vocab("abcdefghijkl")
    m = model()

    async def run():
        scheduler = Scheduler(m, vocab, "stream", 2, 8, Metrics(2))
        loop, texts, ends = asyncio.get_running_loop(), {}, {}
        done = {seed: loop.create_future() for seed in range(3)}

        def deliver(seed, event):
            if event[0] == "text":
                texts[seed] = texts.get(seed, "") + event[2]
            else:
                ends[seed] = event[0] if event[0] == "error" else event[2]
                done[seed].set_result(None)
        for seed in range(3):  # all waiting before the worker starts: one admission sees the three
            scheduler.submit(Job([0, 1], 1, 15, 1.0, None, None, seed, [], partial(deliver, seed)))
        scheduler.start(loop)
        try:
            await asyncio.wait_for(asyncio.gather(*done.values()), 60)
        finally:
            await asyncio.to_thread(scheduler.stop, 10)
        return texts, ends

    texts, ends = asyncio.run(run())
    assert ends == {0: "length", 1: "length", 2: "length"}
    assert [texts[s] for s in range(3)] == [generate(m, vocab, "stream", "ab", 1, 15, 1.0, None, None, s)[0]
                                            for s in range(3)]
