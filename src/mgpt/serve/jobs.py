"""What the scheduler decodes: a Job is one prompt of a completion request, with its n choices,
its sampling settings and its own random generator; it reports to the request through events.

Events, in order for each choice: ("text", choice, text) any number of times, then
("end", choice, finish_reason, completion_tokens); or once ("error", message) for the job.
"""

import threading

import numpy as np


class StopText:
    """Holds back the text that could still become a stop string, so none is ever shown.

    feed(text) -> (text safe to show now, stopped); at a stop, the text before it is returned
    and the rest dropped. flush() gives what was held back when the choice ends otherwise.
    """

    def __init__(self, stops):
        self.stops = [s for s in stops if s]
        self.held = ""

    def feed(self, text):
        if not self.stops:
            return text, False
        self.held += text
        for stop in self.stops:
            at = self.held.find(stop)
            if at >= 0:
                shown, self.held = self.held[:at], ""
                return shown, True
        keep = max((n for stop in self.stops for n in range(len(stop) - 1, 0, -1)
                    if self.held.endswith(stop[:n])), default=0)
        shown = self.held[:len(self.held) - keep]
        self.held = self.held[len(shown):]
        return shown, False

    def flush(self):
        shown, self.held = self.held, ""
        return shown


class Job:
    """One prompt's choices. `prompt` holds the token ids the model reads first (BOS first for
    a docs-mode model, cut to the block); `deliver(event)` is called on the server's event loop;
    `adapter` is the index of the adapter its rows decode with (-1: the base alone)."""

    def __init__(self, prompt, n, max_tokens, temperature, top_k, top_p, seed, stop, deliver, adapter=-1):
        self.prompt = np.asarray(prompt, dtype=np.int32)
        self.n, self.max_tokens = n, max_tokens
        self.temperature, self.top_k, self.top_p = temperature, top_k, top_p
        self.rng = np.random.default_rng(seed)  # this job's own: its text does not depend on its neighbours
        self.stops = [StopText(stop or ()) for _ in range(n)]
        self.deliver, self.adapter = deliver, adapter
        self._cancelled = threading.Event()

    def cancel(self):
        """The client went away: the worker lets the job's rows go at the next step."""
        self._cancelled.set()

    @property
    def cancelled(self):
        return self._cancelled.is_set()
