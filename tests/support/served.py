"""Helpers for the server tests: `mgpt serve` as a real subprocess (uvicorn on a free 127.0.0.1
port that the server picks itself and prints), and the small models it serves."""

import importlib.util
import os
import re
import signal
import subprocess
import sys
import threading
import time

import pytest

from support.cli import ENV, NAMES, PROSE, TINY, assert_ok, mgpt_run

HAVE_SERVE = all(importlib.util.find_spec(m) is not None for m in ("fastapi", "uvicorn", "httpx"))
needs_serve = pytest.mark.skipif(not HAVE_SERVE, reason="fastapi/uvicorn/httpx not installed: pip install "
                                                        "'.[serve,test]' (make test installs them)")
URL = re.compile(r"on (http://127\.0\.0\.1:\d+)")


class Served:
    """`mgpt serve ARGS --port 0` in its own process group; `url` once it listens."""

    def __init__(self, folder, *args, env=None, cwd=None, timeout=60):
        self.log_path = folder / f"serve-{os.getpid()}-{time.monotonic_ns()}.log"
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "mgpt", "serve", "--port", "0", *map(str, args)],
                                     cwd=cwd or folder, env=env or ENV, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            found = URL.search(self.output())
            if found:
                self.url = found.group(1)
                return
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.kill()
                pytest.fail(f"mgpt serve did not start (exit {self.proc.returncode}):\n{self.output()[-3000:]}")
            time.sleep(0.05)

    def output(self):
        return self.log_path.read_text(errors="replace")

    def stop(self, sig=signal.SIGTERM, timeout=60):
        """Sends sig and waits; returns the exit code."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                pytest.fail(f"mgpt serve did not stop within {timeout} s after {sig!r}:\n{self.output()[-3000:]}")
        self.log.close()
        return self.proc.returncode

    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)
        self.log.close()


def train_models(folder):
    """names.npz (docs mode, block 8) and prose.npz (stream mode, block 16): a few seconds each."""
    (folder / "names.txt").write_text(NAMES)
    (folder / "prose.txt").write_text(PROSE)
    fast = ["--batch-size", "4", "--eval-iters", "2", "--warmup", "5", "-q", "--steps", "150", "--eval-every", "50"]
    assert_ok(mgpt_run("train", folder / "names.txt", "-o", folder / "names.npz", *TINY, *fast, "--mode", "docs"))
    assert_ok(mgpt_run("train", folder / "prose.txt", "-o", folder / "prose.npz", *TINY, "--block-size", "16", *fast,
                       "--mode", "stream"))
    return folder


def client(server, **headers):
    import httpx

    return httpx.Client(base_url=server.url, headers=headers, timeout=60)


def complete(server, **body):
    with client(server) as c:
        r = c.post("/v1/completions", json=body)
    assert r.status_code == 200, r.text
    return r.json()


def metric(server, name):
    """{labels: value} of one metric in /metrics."""
    with client(server) as c:
        text = c.get("/metrics").text
    return {m.group(1) or "": float(m.group(2)) for m in re.finditer(rf"^{name}(\{{.*\}})? (\S+)$", text, re.M)}


def alone_and_together(server, requests):
    """(what each request gets sent alone, what each gets when all are sent at once, decoding
    steps taken meanwhile, of which single-row ones): for tests of batching."""
    alone = [complete(server, **r)["choices"] for r in requests]
    before = metric(server, "mgpt_batch_size_bucket")
    together, barrier = [None] * len(requests), threading.Barrier(len(requests))

    def send(i):
        barrier.wait()
        together[i] = complete(server, **requests[i])["choices"]
    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(requests))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    after = metric(server, "mgpt_batch_size_bucket")
    steps, single = (after[k] - before[k] for k in ('{le="+Inf"}', '{le="1"}'))
    return alone, together, steps, single
