"""`mgpt serve` under load and over its life: a full queue, clients that leave, Ctrl-C and
SIGTERM, the API key, and what it refuses at start. Real servers in subprocesses, as in
test_serve.py.
"""

import json
import os
import signal
import threading
import time

import pytest

from support.served import ENV, Served, client, complete, metric, needs_serve, train_models
from support.cli import assert_user_error, mgpt_run

pytestmark = needs_serve


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    return train_models(tmp_path_factory.mktemp("serve_models"))


# --- many users ----------------------------------------------------------------------------

def test_a_full_queue_answers_503_and_a_client_that_leaves_frees_its_row(models):
    """One row, one place in the queue: A decodes (streaming), B waits, C is refused with
    Retry-After; A's client hangs up, so B gets the row and finishes."""
    import httpx

    server = Served(models, "--ckpt", "prose.npz", "--max-batch", "1", "--queue", "1", "--max-tokens-cap", "1000000")
    try:
        with httpx.Client(base_url=server.url, timeout=60) as a:
            long = {"prompt": "The", "max_tokens": 1000000, "stream": True}
            with a.stream("POST", "/v1/completions", json=long) as r:
                assert r.status_code == 200
                lines = r.iter_lines()  # kept: dropping the iterator would close the connection
                next(lines)  # A holds the row
                result = {}
                b = threading.Thread(target=lambda: result.update(b=complete(server, prompt="Th", max_tokens=5)))
                b.start()
                deadline = time.monotonic() + 30
                while metric(server, "mgpt_queue_depth")[""] < 1:
                    assert time.monotonic() < deadline, "B never queued"
                    time.sleep(0.02)
                with client(server) as c:
                    refused = c.post("/v1/completions", json={"prompt": "T", "max_tokens": 5})
                assert refused.status_code == 503 and refused.headers["retry-after"] == "1"
                assert "busy" in refused.json()["error"]["message"]
                assert b.is_alive()  # B still waits while A decodes
                del lines
        b.join(30)  # A's stream is closed: its row goes to B
        assert result["b"]["usage"]["completion_tokens"] == 5
        assert metric(server, "mgpt_busy_rows")[""] == 0 and metric(server, "mgpt_queue_depth")[""] == 0
        assert metric(server, "mgpt_tokens_generated_total")[""] < 1000000
    finally:
        assert server.stop() == 0


def test_a_client_that_leaves_a_plain_request_frees_its_row(models):
    import httpx

    server = Served(models, "--ckpt", "prose.npz", "--max-batch", "1", "--max-tokens-cap", "1000000")
    try:
        with pytest.raises(httpx.ReadTimeout):
            with client(server) as c:
                c.post("/v1/completions", json={"prompt": "The", "max_tokens": 1000000}, timeout=1.0)
        assert complete(server, prompt="Th", max_tokens=5)["usage"]["completion_tokens"] == 5  # the row is free again
    finally:
        assert server.stop() == 0


# --- stopping ---------------------------------------------------------------------------

def test_sigterm_finishes_requests_under_way_then_exits_0(models):
    import httpx

    server = Served(models, "--ckpt", "prose.npz", "--max-tokens-cap", "100000")
    body = {"prompt": "The", "max_tokens": 3000, "seed": 1, "stream": True, "stream_options": {"include_usage": True}}
    with httpx.Client(base_url=server.url, timeout=60) as c, c.stream("POST", "/v1/completions", json=body) as r:
        lines = r.iter_lines()
        next(lines)
        server.proc.send_signal(signal.SIGTERM)
        assert _refuses_new_connections(server.url)  # while the stream, unread, is still under way
        rest = [line for line in lines if line]
    assert rest[-1] == "data: [DONE]" and json.loads(rest[-2][6:])["usage"]["completion_tokens"] == 3000  # in full
    assert server.stop() == 0
    out = server.output()
    assert "stopping: finishing the requests under way" in out and "stopped" in out and "Traceback" not in out


def _refuses_new_connections(url, within=10.0):
    """Whether a new request goes unserved within `within` seconds: the server closes its listening
    socket when it notices the signal, a moment after it was sent (a connection the kernel had queued
    just then is reset)."""
    import httpx

    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/health", timeout=2)
        except (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError):
            return True
        except httpx.TimeoutException:
            pass
        time.sleep(0.05)
    return False


def test_the_wait_for_requests_under_way_is_bounded(models):
    import httpx

    server = Served(models, "--ckpt", "prose.npz", "--max-tokens-cap", "10000000", "--shutdown-timeout", "1")
    started = time.monotonic()
    with httpx.Client(base_url=server.url, timeout=60) as c:
        with c.stream("POST", "/v1/completions", json={"prompt": "The", "max_tokens": 10000000, "stream": True}) as r:
            lines = r.iter_lines()
            next(lines)
            server.proc.send_signal(signal.SIGINT)  # as Ctrl-C
            with pytest.raises(httpx.HTTPError):
                for _ in lines:
                    pass
    assert server.stop(timeout=30) == 0
    assert time.monotonic() - started < 20


# --- the API key, the address, the start -------------------------------------------------

def test_with_a_key_every_endpoint_but_health_and_the_page_needs_it(models):
    server = Served(models, "--ckpt", "names.npz", env={**ENV, "MGPT_API_KEY": "s3cret-key"})
    try:
        with client(server) as c:
            assert c.get("/health").json() == {"status": "ok", "auth": True}
            assert c.get("/").status_code == 200 and c.get("/static/app.js").status_code == 200
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-key"},
                            {"Authorization": "Basic s3cret-key"}, {"Authorization": "Bearer s3cret-key2"}):
                for method, path in (("GET", "/v1/models"), ("GET", "/metrics"), ("POST", "/v1/completions"),
                                     ("POST", "/v1/ask")):
                    r = c.request(method, path, headers=headers, json={"prompt": "a"} if method == "POST" else None)
                    assert r.status_code == 401, (headers, path, r.text)
                    assert "API key" in r.json()["error"]["message"] and r.headers["www-authenticate"] == "Bearer"
        with client(server, Authorization="Bearer s3cret-key") as c:
            assert c.get("/v1/models").status_code == 200 and c.get("/metrics").status_code == 200
            assert c.post("/v1/completions", json={"prompt": "a", "max_tokens": 2}).status_code == 200
        openai = pytest.importorskip("openai")
        api = openai.OpenAI(base_url=server.url + "/v1", api_key="s3cret-key", max_retries=0)
        assert api.completions.create(model="names", prompt="a", max_tokens=3, seed=1).choices[0].finish_reason
        with pytest.raises(openai.AuthenticationError):
            openai.OpenAI(base_url=server.url + "/v1", api_key="nope", max_retries=0).models.list()
    finally:
        assert server.stop() == 0


def test_start_refuses_what_it_cannot_serve_in_one_line(models, tmp_path):
    from mgpt.retrieval.reader import READER_FILE

    assert_user_error(mgpt_run("serve", "--ckpt", models / "names.npz", "--host", "0.0.0.0", "--port", "0"),
                      "--host 0.0.0.0", "without an API key")
    assert_user_error(mgpt_run("serve", "--ckpt", models / "names.npz", "--host", "192.0.2.1", "--port", "0",
                               "--api-key", ""), "without an API key")
    assert_user_error(mgpt_run("serve", "--ckpt", tmp_path / "none.npz", "--port", "0"), "no such checkpoint")
    assert_user_error(mgpt_run("serve", "--ckpt", models / "names.npz", "--port", "0",
                               "--adapter", models / "prose.npz"), "not an adapter")
    assert_user_error(mgpt_run("serve", "--ckpt", models / "names.npz", "--port", "0", "--db", tmp_path / "none.db"))
    assert_user_error(mgpt_run("serve", "--ckpt", models / "names.npz", "--max-batch", "0"), "--max-batch")
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        assert_user_error(mgpt_run("serve", "--ckpt", models / "names.npz", "--port", busy.getsockname()[1]),
                          "cannot listen on 127.0.0.1:")
    if not os.path.isfile(READER_FILE):  # until the reader ships, serve with documents and no --reader says so
        assert_user_error(mgpt_run("serve", "--port", "0", "--db", tmp_path / "kb.db"), "the shipped reader is missing")
