"""The rows decoding together: one KV cache of --max-batch rows, row i holding sequence i.

A job's choices join on free rows at the end (their prompt read on those rows alone, as
sampling.generate reads it), every step decodes all busy rows at their own positions in one
forward pass (decoding.KVCache with per-row lengths), and a row that finishes leaves: the last
busy row moves into its place, so the busy rows stay 0..n-1. Tokens are chosen per job, from
the job's own generator, as generate chooses them (the probabilities of rows that share
settings are computed together); a row whose cache is full is rebuilt from its newest half
block, as generate does. So a seeded job gives the same text in any company, and a one-choice
job the text `mgpt sample` gives.

With adapters (lora.RowAdapters, attached to the model here), each pass tells them which
adapter each of its rows uses (its job's `adapter`, -1 for none), so rows of different
adapters decode in the same step, each with its own delta.
"""

import numpy as np

from ..runtime import tune_allocator
from ..sampling import draw_tokens, next_token_probs


class Sequence:
    """One choice of a job on its row: the ids it has read and written, what it has produced."""

    def __init__(self, job, choice):
        self.job, self.choice = job, choice
        self.context = list(job.prompt)
        self.generated = 0

    def push(self, token, vocab, mode):
        """Takes the chosen token; returns (text to show, finish reason or None)."""
        self.generated += 1
        stop = self.job.stops[self.choice]
        if mode == "docs" and token == vocab.bos:
            return stop.flush(), "stop"
        self.context.append(token)
        text, stopped = stop.feed(vocab.decode([token]))  # a stream model's BOS: no text, as in generate
        if stopped:
            return text, "stop"
        if self.generated >= self.job.max_tokens:
            return text + stop.flush(), "length"
        return text, None


class Batch:
    def __init__(self, model, vocab, mode, rows, adapters=None):
        tune_allocator()  # as sampling.generate: decoding's temporaries stay in the heap
        self.model, self.vocab, self.mode, self.adapters = model, vocab, mode, adapters
        if adapters is not None:
            model.attach_adapter(adapters)
        self.kv = model.new_kv_cache(rows)
        self.logits = np.zeros((rows, model.config.vocab_size), dtype=model.params.dtype)
        self.seqs = []  # the busy rows, in row order

    @property
    def free(self):
        return self.kv.lengths.size - len(self.seqs)

    def admit(self, job):
        """Reads the job's prompt on n free rows; their first logits wait for the next step."""
        start, n = len(self.seqs), job.n
        rows = self.kv.rows(start, start + n)
        rows.length = 0
        prompt, seqs = np.tile(job.prompt, (n, 1)), [Sequence(job, i) for i in range(n)]
        self.logits[start:start + n] = self._forward(prompt, rows, seqs)[:, -1]
        self.seqs += seqs

    def step(self):
        """Chooses every busy row's next token, lets finished and cancelled rows go, and feeds
        the rest; returns [(job, event)] in row order."""
        self.drop_cancelled()
        events, leaving = [], []
        for row, (seq, token) in enumerate(zip(self.seqs, self._choose())):
            text, finish = seq.push(int(token), self.vocab, self.mode)
            if text:
                events.append((seq.job, ("text", seq.choice, text)))
            if finish:
                events.append((seq.job, ("end", seq.choice, finish, seq.generated)))
                leaving.append(row)
        self.release(leaving)
        if self.seqs:
            self._feed()
        return events

    def _choose(self):
        """Each busy row's next token, as choose_tokens picks it for its job: the probabilities
        of rows with the same settings in one pass, then each job's draw from its own generator
        over its choices in order."""
        tokens = np.empty(len(self.seqs), dtype=np.int64)
        groups = {}
        for job, rows in self._rows_by_job().items():
            groups.setdefault((job.temperature, job.top_k, job.top_p), []).append((job, rows))
        for (temperature, top_k, top_p), jobs in groups.items():
            rows = [row for _, job_rows in jobs for row in job_rows]
            if temperature == 0:
                tokens[rows] = np.argmax(self.logits[rows], axis=-1)
                continue
            probs, at = next_token_probs(self.logits[rows], temperature, top_k, top_p), 0
            for job, job_rows in jobs:
                tokens[job_rows] = draw_tokens(probs[at:at + len(job_rows)], job.rng)
                at += len(job_rows)
        return tokens

    def drop_cancelled(self):
        """Lets the rows of cancelled jobs go (between steps)."""
        self.release([row for row, seq in enumerate(self.seqs) if seq.job.cancelled])

    def release(self, rows):
        """The rows leave; the last busy rows move into their places (keys, values, length, logits)."""
        kv = self.kv
        for row in sorted(rows, reverse=True):  # rows above `row` that leave are gone already
            last = len(self.seqs) - 1
            if row != last:
                length = kv.lengths[last]
                kv.k[:, row, :, :length] = kv.k[:, last, :, :length]
                kv.v[:, row, :, :length] = kv.v[:, last, :, :length]
                kv.lengths[row], self.logits[row] = length, self.logits[last]
                self.seqs[row] = self.seqs[last]
            self.seqs.pop()

    def _rows_by_job(self):
        """{job: its rows in choice order}: a job's generator draws for its choices in order."""
        groups = {}
        for row, seq in enumerate(self.seqs):
            groups.setdefault(seq.job, []).append(row)
        return {job: rows if len(rows) == 1 else sorted(rows, key=lambda r: self.seqs[r].choice)
                for job, rows in groups.items()}

    def _feed(self):
        """Each busy row reads its newest token; a full row is first rebuilt from its newest half
        block (all but that token), as sampling.generate rebuilds its cache."""
        n, block = len(self.seqs), self.model.config.block_size
        for row in np.flatnonzero(self.kv.lengths[:n] >= block):
            rebuilt = self.kv.rows(row, row + 1)
            rebuilt.length = 0
            keep = max(1, block // 2)
            if keep > 1:
                self._forward(np.array([self.seqs[row].context[-keep:-1]], dtype=np.int32), rebuilt,
                              self.seqs[row:row + 1])
        tokens = np.array([[seq.context[-1]] for seq in self.seqs], dtype=np.int32)
        self.logits[:n] = self._forward(tokens, self.kv.rows(0, n), self.seqs)[:, -1]

    def _forward(self, idx, kv, seqs):
        """model.forward_cached for the rows of `seqs`, each with its job's adapter."""
        if self.adapters is not None:
            self.adapters.rows = np.array([seq.job.adapter for seq in seqs])
        return self.model.forward_cached(idx, kv)
