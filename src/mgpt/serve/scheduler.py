"""One worker thread runs the model: between two decoding steps it admits waiting jobs into free
rows (first come, first served), lets cancelled ones go, then decodes every busy row at once
and hands the step's events to the event loop in one call.

Requests wait in a bounded queue: when --queue jobs are already waiting, submit raises
QueueFull (the app answers 503 with Retry-After). stop() lets the jobs that hold rows or
wait for them finish, within a bounded time, then ends the worker.
"""

import collections
import logging
import threading
import time

from .batch import Batch

log = logging.getLogger("mgpt.serve")


class QueueFull(Exception):
    """Too many requests wait for rows; the client should retry later."""


class Stopping(Exception):
    """The server is shutting down and takes no new work."""


class Scheduler:
    def __init__(self, model, vocab, mode, max_batch, max_queue, metrics, adapters=None):
        self.batch = Batch(model, vocab, mode, max_batch, adapters)
        self.max_queue, self.metrics = max_queue, metrics
        self._pending = collections.deque()
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="mgpt-decoder", daemon=True)
        self._loop = None

    def start(self, loop):
        """Starts the worker; jobs' events are delivered on `loop` (the server's event loop)."""
        self._loop = loop
        self._thread.start()

    @property
    def started(self):
        return self._thread.ident is not None

    @property
    def running(self):
        return self._thread.is_alive() and not self._stopping

    @property
    def waiting(self):
        return len(self._pending)

    @property
    def busy_rows(self):
        return len(self.batch.seqs)

    def submit(self, job):
        with self._cond:
            if self._stopping:
                raise Stopping()
            if len(self._pending) >= self.max_queue:
                raise QueueFull()
            self._pending.append(job)
            self._cond.notify()

    def stop(self, timeout):
        """Takes no new jobs, lets the admitted and waiting ones finish for up to `timeout`
        seconds, then cancels what is left and ends the worker."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout)
        if self._thread.is_alive():
            with self._cond:
                for job in list(self._pending) + [seq.job for seq in self.batch.seqs]:
                    job.cancel()
            self._thread.join(5)

    # --- the worker -------------------------------------------------------------------------

    def _run(self):
        while True:
            with self._cond:
                while not (self._pending or self.batch.seqs or self._stopping):
                    self._cond.wait()
                if self._stopping and not (self._pending or self.batch.seqs):
                    return
                admitted = self._take_admissible()
            try:
                self._step(admitted)
            except Exception:  # a bug: fail the jobs under way rather than the whole server
                log.exception("decoding step failed")
                self._fail_all(admitted)

    def _take_admissible(self):
        """The waiting jobs that fit the free rows, first come first served; jobs whose client
        went away leave the queue."""
        if any(job.cancelled for job in self._pending):
            self._pending = collections.deque(job for job in self._pending if not job.cancelled)
        taken, free = [], self.batch.free
        while self._pending and self._pending[0].n <= free:
            job = self._pending.popleft()
            taken.append(job)
            free -= job.n
        return taken

    def _step(self, admitted):
        for job in admitted:
            self.batch.admit(job)
        self.batch.drop_cancelled()
        if not self.batch.seqs:
            return
        rows, started = len(self.batch.seqs), time.perf_counter()
        events = self.batch.step()
        self.metrics.decoded(rows, time.perf_counter() - started)
        self._post(events)

    def _fail_all(self, admitted):
        jobs = set(admitted) | {seq.job for seq in self.batch.seqs}
        self.batch.release(range(len(self.batch.seqs)))
        self._post([(job, ("error", "the server failed while decoding (see its log)")) for job in jobs])

    def _post(self, events):
        """Hands a step's events to the event loop: one wake-up per step, not per token."""
        if events:
            try:
                self._loop.call_soon_threadsafe(dispatch, events)
            except RuntimeError:  # the event loop is gone (shutdown): nobody is listening
                pass


def dispatch(events):
    for job, event in events:
        job.deliver(event)
