"""The server among other systems: pages on other origins calling it from a browser (CORS,
only for the origins named), and a Milvus server that goes away under `mgpt serve --uri`."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest

from mgpt.cli.serve import check_origin
from mgpt.errors import MgptError

from support.served import Served, client, metric, needs_serve
from support.cli import NAMES, TINY, assert_ok, assert_user_error, mgpt_run
from support.rag import ENV, HAVE_MILVUS, free_port

pytestmark = needs_serve
needs_milvus = pytest.mark.skipif(not HAVE_MILVUS, reason="pymilvus/milvus-lite not installed: pip install '.[rag]'")
ALLOWED, OTHER = "http://localhost:3000", "https://elsewhere.example"


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    d = tmp_path_factory.mktemp("cors")
    (d / "names.txt").write_text(NAMES)
    assert_ok(mgpt_run("train", d / "names.txt", "-o", d / "names.npz", *TINY, "--steps", "2", "--eval-every", "2",
                       "--batch-size", "2", "--eval-iters", "1", "-q", "--mode", "docs"))
    return d / "names.npz"


def preflight(c, origin):
    return c.options("/v1/completions", headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "authorization,content-type"})


def test_cors_answers_the_origins_named_and_no_other(tmp_path, model):
    server = Served(tmp_path, "--ckpt", model, "--cors-origin", ALLOWED, "--cors-origin", "https://second.example",
                    "--api-key", "k")
    try:
        with client(server) as c:
            allowed = preflight(c, ALLOWED)  # no key: a browser sends none with a preflight
            assert allowed.status_code == 200, allowed.text
            assert allowed.headers["access-control-allow-origin"] == ALLOWED
            assert {"POST"} <= set(allowed.headers["access-control-allow-methods"].replace(" ", "").split(","))
            assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
            assert preflight(c, "https://second.example").status_code == 200
            other = preflight(c, OTHER)
            assert other.status_code == 400 and "access-control-allow-origin" not in other.headers
            body = {"prompt": "a", "max_tokens": 2, "seed": 1}
            key = {"Authorization": "Bearer k"}
            sent = c.post("/v1/completions", json=body, headers={**key, "Origin": ALLOWED})
            assert sent.status_code == 200 and sent.headers["access-control-allow-origin"] == ALLOWED
            refused = c.post("/v1/completions", json=body, headers={"Origin": ALLOWED})
            assert refused.status_code == 401 and refused.headers["access-control-allow-origin"] == ALLOWED  # readable
            foreign = c.post("/v1/completions", json=body, headers={**key, "Origin": OTHER})
            assert "access-control-allow-origin" not in foreign.headers  # the browser keeps the answer from the page
    finally:
        assert server.stop() == 0


def test_no_cors_headers_by_default_and_a_bad_origin_is_one_line(tmp_path, model):
    server = Served(tmp_path, "--ckpt", model)
    try:
        with client(server) as c:
            assert preflight(c, ALLOWED).status_code == 405
            r = c.get("/v1/models", headers={"Origin": ALLOWED})
            assert r.status_code == 200 and not [h for h in r.headers if h.startswith("access-control-")]
    finally:
        assert server.stop() == 0
    assert_user_error(mgpt_run("serve", "--ckpt", model, "--cors-origin", "http://localhost:3000/", "--port", "0",
                               cwd=tmp_path, timeout=60), "--cors-origin http://localhost:3000/", "no path or trailing slash")
    for bad in ("localhost:3000", "ftp://x.example", "https://*.example", "https://a.example/app", "http://"):
        with pytest.raises(MgptError, match="scheme://host"):
            check_origin(bad)
    assert [check_origin(o) for o in ("*", "http://[::1]:8080", "https://a.example")] == ["*", "http://[::1]:8080",
                                                                                          "https://a.example"]


ASK = {"question": "What is the price of the Kestrel 2 tent?", "k": 2, "max_tokens": 4}


class Milvus:
    """`milvus-lite server` on a fixed port and data folder, started again at will."""

    def __init__(self, data, port):
        self.data, self.port, self.proc = data, port, None
        exe = shutil.which("milvus-lite", path=os.path.dirname(sys.executable))
        self.command = [exe] if exe else [sys.executable, "-c", "import sys; from milvus_lite.cmdline import main; "
                                                              "sys.exit(main())"]

    def start(self):
        self.log = open(f"{self.data}.log", "ab")
        self.proc = subprocess.Popen([*self.command, "server", "--data-dir", str(self.data), "--host", "127.0.0.1",
                                      "--port", str(self.port)], stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True, env=ENV)
        deadline = time.monotonic() + 30
        while True:
            assert self.proc.poll() is None, open(f"{self.data}.log").read()[-2000:]
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                assert time.monotonic() < deadline, "milvus-lite server did not listen within 30 s"
                time.sleep(0.1)

    def signal(self, sig):
        os.killpg(self.proc.pid, sig)

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.signal(signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.log.close()


def until(predicate, within, what):
    deadline = time.monotonic() + within
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


@needs_milvus
def test_a_milvus_outage_is_a_503_health_reports_it_and_asks_work_again_after(tmp_path, indexed, rag_model):
    shutil.copytree(indexed / "kb.db", tmp_path / "served.db")
    milvus = Milvus(tmp_path / "served.db", free_port())
    milvus.start()
    server = None
    try:
        server = Served(tmp_path, "--ckpt", rag_model, "--uri", f"http://127.0.0.1:{milvus.port}")
        with client(server) as c:
            assert c.post("/v1/ask", json=ASK).status_code == 200
            assert c.get("/health").json() == {"status": "ok", "auth": False, "store": "ok"}

            milvus.kill()
            started = time.monotonic()
            r = c.post("/v1/ask", json=ASK)
            assert r.status_code == 503 and r.headers["retry-after"] == "5", r.text
            assert r.json()["error"]["type"] == "service_unavailable" and "cannot be reached" in r.json()["error"]["message"]
            assert time.monotonic() - started < 10
            health = c.get("/health")
            assert health.status_code == 503 and health.json()["store"] == "unreachable"
            assert "Milvus" in health.json()["message"]
            assert metric(server, "mgpt_store_failures_total")[""] >= 1
            assert metric(server, "mgpt_store_up")[""] == 0
            done = c.post("/v1/completions", json={"prompt": "Kestrel", "max_tokens": 3, "seed": 1})
            assert done.status_code == 200  # the model itself is still served

            milvus.start()  # the same port and data
            until(lambda: c.post("/v1/ask", json=ASK).status_code == 200, 30, "asks did not work again")
            assert c.get("/health").status_code == 200

            # a server that hangs: /health's ping gives up within its timeout, without a question
            failures = metric(server, "mgpt_store_failures_total")[""]
            milvus.signal(signal.SIGSTOP)
            until(lambda: c.get("/health").status_code == 503, 10, "/health missed a hung store")
            assert metric(server, "mgpt_store_failures_total")[""] > failures
            milvus.signal(signal.SIGCONT)
            until(lambda: c.get("/health").status_code == 200, 10, "/health did not see the store come back")
        assert server.stop() == 0
        assert "the document store is unavailable" in server.output() and "answers again" in server.output()
    finally:
        if server is not None:
            server.kill()
        milvus.kill()
