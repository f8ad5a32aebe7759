"""Whether the document store answers, for /health (a readiness check) and /metrics.

A Milvus server can go away under a running server: questions then fail with StoreUnavailable
(503 with Retry-After) while completions go on. /health reports the store's state from the
last thing that touched it (a question, or a ping), and pings it only when that is older than
FRESH seconds, one ping at a time, so that frequent health checks do not become Milvus load.
"""

import asyncio
import logging
import time

from ..errors import StoreUnavailable

log = logging.getLogger("mgpt.serve")
FRESH = 2.0  # seconds a store's state is trusted before /health pings it again


class StoreWatch:
    def __init__(self, store, metrics):
        self.store, self.metrics = store, metrics
        self.up, self.seen = True, float("-inf")  # seen: time.monotonic() of the last answer or failure
        self._pinging = asyncio.Lock()
        metrics.counter("mgpt_store_failures_total",
                        "Calls to the document store that found it unreachable (questions and health pings).")
        metrics.gauge("mgpt_store_up", "1 when the document store answered at last contact, else 0.",
                      lambda: int(self.up))

    def answered(self):
        self._note(True)

    def failed(self, error):
        self.metrics.add("mgpt_store_failures_total")
        self._note(False, error)

    def _note(self, up, error=None):
        if up != self.up:
            log.warning("the document store answers again" if up else f"the document store is unavailable: {error}")
        self.up, self.seen = up, time.monotonic()

    async def check(self):
        """True when the store answered within FRESH seconds, or answers a ping now."""
        async with self._pinging:  # checks that arrive during a ping share its answer
            if time.monotonic() - self.seen >= FRESH:
                try:
                    await asyncio.to_thread(self.store.ping)
                    self.answered()
                except StoreUnavailable as e:
                    self.failed(e)
        return self.up
