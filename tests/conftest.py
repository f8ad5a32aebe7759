"""The fixtures test modules share (pytest finds them here by name; plain helpers are in support/).

Every test prepares its corpora into a cache of the session's own, never the user's
(~/.cache/mgpt): set before any module builds its subprocess environment from os.environ."""

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import pytest

_CACHE = tempfile.mkdtemp(prefix="mgpt-test-cache-")
os.environ["MGPT_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)
# the support modules' asserts explain their failures as a test module's do
pytest.register_assert_rewrite("support")

from support.cli import assert_ok  # noqa: E402 (after MGPT_CACHE: support.cli reads os.environ)
from support.rag import DOCS, ENV, HAVE_MILVUS, free_port, index_json, mgpt_run, write_docs  # noqa: E402


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


# --- RAG: a reader of support.rag's documents, those documents indexed, a Milvus server ---------

@pytest.fixture(scope="module")
def rag_model(tmp_path_factory):
    """A tiny docs-mode model whose vocabulary covers the documents (DOCS) and the questions asked."""
    d = tmp_path_factory.mktemp("rag_model")
    text = "".join(DOCS.values()) + "What is the price of the Kestrel 2 tent? When? CQA|:\n"
    lines = [line for line in text.splitlines() if line.strip()] * 4
    (d / "lines.txt").write_text("\n".join(lines) + "\n")
    assert_ok(mgpt_run("train", "lines.txt", "-o", "rag.npz", "--mode", "docs", "--n-layer", "1", "--n-embd", "16",
                       "--n-head", "2", "--block-size", "192", "--steps", "5", "--eval-every", "5",
                       "--batch-size", "2", "--eval-iters", "1", "-q", cwd=d))
    return d / "rag.npz"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """A folder with the documents and kb.db indexed from them; tests copy it."""
    d = tmp_path_factory.mktemp("indexed")
    write_docs(d / "docs")
    first = index_json("docs", "--db", "kb.db", cwd=d)
    assert first["added"] == 5 and first["unchanged"] == first["replaced"] == first["removed"] == 0, first
    return d


@pytest.fixture(scope="module")
def milvus_server(tmp_path_factory):
    """`milvus-lite server` on 127.0.0.1 at a free port, in its own process group; stopped after."""
    if not HAVE_MILVUS:
        pytest.skip("pymilvus/milvus-lite not installed")
    d = tmp_path_factory.mktemp("server")
    port = free_port()
    exe = shutil.which("milvus-lite", path=os.path.dirname(sys.executable))
    command = [exe] if exe else [sys.executable, "-c", "import sys; from milvus_lite.cmdline import main; sys.exit(main())"]
    log = open(d / "server.log", "wb")
    proc = subprocess.Popen([*command, "server", "--data-dir", str(d / "served.db"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=ENV)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"milvus-lite server exited {proc.returncode}: {(d / 'server.log').read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("milvus-lite server did not listen within 30 s")
                time.sleep(0.1)
        yield {"uri": f"http://127.0.0.1:{port}", "db": d / "served.db", "dir": d}
    finally:
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            try:
                os.killpg(proc.pid, sig)
                proc.wait(timeout=wait)
                break
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue
        log.close()
