"""The fixtures test modules share (pytest finds them here by name; plain helpers are in support/).

Every test prepares its corpora into a cache of the session's own, never the user's
(~/.cache/mgpt): set before any module builds its subprocess environment from os.environ."""

import atexit
import os
import shutil
import signal
import tempfile

import pytest

_CACHE = tempfile.mkdtemp(prefix="mgpt-test-cache-")
os.environ["MGPT_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)
# the support modules' asserts explain their failures as a test module's do
pytest.register_assert_rewrite("support")


@pytest.fixture
def interrupt_after_step(monkeypatch):
    """interrupt_after_step(n): a Ctrl-C (SIGINT to this process) right after the optimizer's
    n-th step, for the tests that resume an interrupted run; interrupt_after_step(None): none."""
    from mgpt.optim import AdamW

    original = AdamW.step

    def arm(n):
        if n is None:
            monkeypatch.setattr(AdamW, "step", original)
            return

        def interrupting(self, params, grads, lr):
            original(self, params, grads, lr)
            if self.t == n:
                os.kill(os.getpid(), signal.SIGINT)

        monkeypatch.setattr(AdamW, "step", interrupting)
    return arm
