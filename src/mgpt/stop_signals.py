"""Ctrl-C and SIGTERM as a request to stop at the next safe point, for training and indexing alike.

A long job that writes files or rows must not die halfway through a write: the handler only
notes the signal, and the job checks it where stopping leaves everything whole: training
between steps (under MPI as soon as any rank got one, distributed.World.first_signal), then
saves its -last file; indexing after a file, once its rows are written. A second signal is
noted the same way. The previous handlers come back on exit; outside the main thread, where
Python cannot set handlers, signals are left alone.
"""

import signal


class StopSignals:
    """A context manager: `signum` is the last SIGINT/SIGTERM received inside it, or None."""

    def __init__(self):
        self.signum = None
        self._old = {}

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[sig] = signal.signal(sig, self._handle)
            except ValueError:  # not the main thread: leave signals alone
                pass
        return self

    def _handle(self, signum, frame):
        self.signum = signum

    def requested(self):
        return self.signum is not None

    def __exit__(self, *exc):
        for sig, handler in self._old.items():
            signal.signal(sig, handler)
