"""`mgpt serve` as a client meets it: a real uvicorn server in a subprocess on a free 127.0.0.1
port, spoken to over HTTP (httpx, and the real `openai` package): every endpoint, streaming,
bad input, concurrent requests, questions over the documents. test_serve_lifecycle.py has the
queue, clients that leave, shutdown and the API key; test_serve_page.py the page in a browser.

Needs the `serve` extra and httpx/openai from `test` (make test installs both); without them
the tests skip, saying so.
"""

import json
import os
import re
import shutil

import pytest

from support.served import Served, alone_and_together, client, complete, metric, needs_serve, train_models
from support.cli import assert_ok, mgpt_run
from support.lora import finetune
from support.rag import HAVE_MILVUS, imported_modules

pytestmark = needs_serve


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    return train_models(tmp_path_factory.mktemp("serve_models"))


@pytest.fixture(scope="module")
def names_server(models):
    """The docs-mode names model, 8 rows, a cap of 300 tokens; a copy of it, asker, answers questions."""
    shutil.copy(models / "names.npz", models / "asker.npz")
    server = Served(models, "--ckpt", "names.npz", "--reader", "asker.npz", "--max-batch", "8",
                    "--max-tokens-cap", "300")
    yield server
    assert server.stop() == 0


@pytest.fixture(scope="module")
def prose_server(models):
    server = Served(models, "--ckpt", "prose.npz", "--max-batch", "16", "--max-tokens-cap", "400")
    yield server
    assert server.stop() == 0


def test_only_serve_imports_the_web_stack(tmp_path):
    for args in (["--help"], ["serve", "--help"]):
        modules = imported_modules(*args, cwd=tmp_path)
        assert "mgpt.cli.serve" in modules
        heavy = sorted(m for m in modules if m.split(".")[0] in ("fastapi", "uvicorn", "starlette", "pydantic"))
        assert not heavy, f"`mgpt {' '.join(args)}` imported {heavy[:5]}"


# --- endpoints --------------------------------------------------------------------------

def test_health_models_page_and_metrics(names_server, models):
    from mgpt.checkpoint import load_model

    with client(names_server) as c:
        assert c.get("/health").json() == {"status": "ok", "auth": False}
        card = c.get("/v1/models").json()["data"][0]
        page = c.get("/")
        script, style = c.get("/static/app.js"), c.get("/static/style.css")
        c.post("/v1/completions", json={"prompt": "an", "max_tokens": 3})
        metrics = c.get("/metrics")
    ck = load_model(str(models / "names.npz"))
    assert card["id"] == "names" and card["mode"] == "docs" and card["fingerprint"] == ck.fingerprint
    assert card["config"] == ck.model.config.to_dict() and card["adapters"] == [] and card["documents"] is False
    assert "/" not in json.dumps(card).replace("\\/", "")  # no file paths
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script src="/static/app.js"' in page.text and "http" not in page.text.replace("http-equiv", "")
    assert script.status_code == style.status_code == 200 and "fetch(\"/v1/ask\"" in script.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert metrics.headers["content-type"].startswith("text/plain; version=0.0.4")
    body = metrics.text
    for name in ("mgpt_requests_total", "mgpt_request_duration_seconds", "mgpt_tokens_generated_total",
                 "mgpt_queue_depth", "mgpt_batch_size", "mgpt_busy_rows"):
        assert f"# TYPE {name} " in body, name
    assert re.search(r'^mgpt_requests_total\{endpoint="/v1/completions",status="200"\} [1-9]', body, re.M)
    assert re.search(r'^mgpt_request_duration_seconds_bucket\{endpoint="/v1/completions",le="\+Inf"\} [1-9]',
                     body, re.M)
    assert metric(names_server, "mgpt_tokens_generated_total")[""] >= 1


@pytest.mark.parametrize("model, prompt, max_tokens", [("names", "ka", 30), ("names", "", 30), ("prose", "The ", 60)])
def test_a_seeded_completion_is_what_mgpt_sample_writes(names_server, prose_server, models, model, prompt, max_tokens):
    """One choice with a seed: the text `mgpt sample --seed` writes (docs mode: after the prompt),
    past the model's block (8 and 16 characters), where the cache is rebuilt."""
    server = names_server if model == "names" else prose_server
    for seed in (1, 2, 3):
        result = complete(server, prompt=prompt, seed=seed, max_tokens=max_tokens, temperature=0.9)
        sample = assert_ok(mgpt_run("sample", "--ckpt", models / f"{model}.npz", "--prompt", prompt, "--seed", seed,
                                    "--max-new-tokens", max_tokens, "--temperature", "0.9", "--json"))
        expected = json.loads(sample.stdout)["text"]
        choice = result["choices"][0]
        assert (prompt + choice["text"] if model == "names" else choice["text"]) == expected
        assert choice["finish_reason"] == ("length" if len(choice["text"]) == max_tokens else "stop")
    assert result["object"] == "text_completion" and result["model"] == model


def test_prompts_choices_usage_and_stop(names_server):
    result = complete(names_server, prompt=["a", "bo"], n=3, seed=7, max_tokens=12)
    assert [c["index"] for c in result["choices"]] == list(range(6))
    alone = complete(names_server, prompt="bo", n=3, seed=7, max_tokens=12)  # prompt 1's choices are 3..5
    assert [c["text"] for c in result["choices"][3:]] == [c["text"] for c in alone["choices"]]
    usage = result["usage"]
    assert usage["prompt_tokens"] == (1 + 1) + (1 + 2)  # BOS and the prompt, once per prompt
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    assert usage["completion_tokens"] >= sum(len(c["text"]) for c in result["choices"])
    # stop: the text ends before the first stop string, which is never shown
    free = complete(names_server, prompt="", seed=3, max_tokens=40, temperature=1.5)["choices"][0]
    cut = next((ch for ch in free["text"][2:] if ch in "aeiou"), None)
    if cut is not None:
        stopped = complete(names_server, prompt="", seed=3, max_tokens=40, temperature=1.5, stop=[cut, "zz"])
        at = free["text"].index(cut)
        assert stopped["choices"][0] == {**free, "text": free["text"][:at], "finish_reason": "stop"}


def test_greedy_and_top_k_top_p(names_server):
    greedy = {complete(names_server, prompt="m", temperature=0, max_tokens=10, seed=s)["choices"][0]["text"]
              for s in range(3)}
    assert len(greedy) == 1  # no randomness at temperature 0
    top1 = complete(names_server, prompt="m", top_k=1, max_tokens=10, seed=5)["choices"][0]["text"]
    assert {top1} == greedy
    tiny_p = complete(names_server, prompt="m", top_p=1e-9, max_tokens=10, seed=6)["choices"][0]["text"]
    assert {tiny_p} == greedy


def test_streaming_sends_chunks_then_done(prose_server):
    import httpx

    body = {"prompt": "The river", "max_tokens": 50, "seed": 4, "stream": True,
            "stream_options": {"include_usage": True}}
    with httpx.Client(base_url=prose_server.url, timeout=60) as c, c.stream("POST", "/v1/completions", json=body) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = [line for line in r.iter_lines() if line]
    assert all(e.startswith("data: ") for e in events) and events[-1] == "data: [DONE]"
    chunks = [json.loads(e[6:]) for e in events[:-1]]
    text = "".join(c["choices"][0]["text"] for c in chunks if c["choices"])
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["completion_tokens"] == 50
    assert [c["choices"][0]["finish_reason"] for c in chunks if c["choices"]][-1] == "length"
    whole = complete(prose_server, **{**body, "stream": False, "stream_options": None})
    assert text == whole["choices"][0]["text"] and whole["usage"]["completion_tokens"] == 50


def test_the_openai_package_works_with_it(prose_server):
    openai = pytest.importorskip("openai", reason="the openai package is not installed (pip install '.[test]')")
    api = openai.OpenAI(base_url=prose_server.url + "/v1", api_key="unused", max_retries=0)
    assert [m.id for m in api.models.list()] == ["prose"]
    result = api.completions.create(model="prose", prompt="The miller", max_tokens=20, seed=9, temperature=0.7,
                                    extra_body={"top_k": 5})
    assert len(result.choices) == 1 and result.choices[0].text and result.choices[0].finish_reason == "length"
    assert result.usage.completion_tokens == 20 and result.usage.prompt_tokens == len("The miller")
    stream = api.completions.create(model="prose", prompt="The miller", max_tokens=20, seed=9, temperature=0.7,
                                    extra_body={"top_k": 5}, stream=True, stream_options={"include_usage": True})
    pieces, usage = [], None
    for chunk in stream:
        pieces += [c.text for c in chunk.choices]
        usage = chunk.usage or usage
    assert "".join(pieces) == result.choices[0].text and usage.completion_tokens == 20
    with pytest.raises(openai.BadRequestError, match="cap of 400"):
        api.completions.create(model="prose", prompt="x", max_tokens=401)


# --- bad input: a 4xx JSON error that says what is wrong, never a 500 --------------------

BAD = [
    ("completions", b'{"prompt": "a", ', 400, "not valid JSON"),
    ("completions", b'["a"]', 422, "JSON object"),
    ("completions", {"prompt": 5}, 422, "prompt: must be a string"),
    ("completions", {"prompt": []}, 422, "prompt: must be"),
    ("completions", {"prompt": ["a"] * 17}, 422, "prompt: must be"),
    ("completions", {"prompt": "a", "max_tokens": "10"}, 422, "max_tokens: input should be a valid integer"),
    ("completions", {"prompt": "a", "max_tokens": 2.5}, 422, "max_tokens"),
    ("completions", {"prompt": "a", "max_tokens": -1}, 422, "max_tokens: input should be greater than or equal to 1"),
    ("completions", {"prompt": "a", "max_tokens": 301}, 400, "cap of 300"),
    ("completions", {"prompt": "a", "max_tokens": 10 ** 30}, 400, "cap of 300"),
    ("completions", {"prompt": "a", "temperature": -0.5}, 422, "temperature"),
    ("completions", {"prompt": "a", "temperature": 1e9}, 422, "temperature"),
    ("completions", b'{"prompt": "a", "temperature": NaN}', 422, "temperature"),
    ("completions", {"prompt": "a", "top_p": 0}, 422, "top_p"),
    ("completions", {"prompt": "a", "top_k": 0}, 422, "top_k"),
    ("completions", {"prompt": "a", "n": 9}, 400, "8 rows"),
    ("completions", {"prompt": "a", "seed": -1}, 422, "seed"),
    ("completions", {"prompt": "a", "stream": "yes"}, 422, "stream"),
    ("completions", {"prompt": "a", "stop": ["a", "b", "c", "d", "e"]}, 422, "stop: must be"),
    ("completions", {"prompt": "a", "stop": ""}, 422, "stop: must be"),
    ("completions", {"prompt": "Ärger!"}, 400, "prompt has 2 character(s) the model has never seen: '!', 'Ä'"),
    ("completions", {"prompt": ["ab", "c?"]}, 400, "prompt[1] has 1 character(s)"),
    ("completions", {"prompt": "a", "ckpt": "/etc/passwd"}, 422, "unknown field 'ckpt'"),
    ("completions", {"prompt": "a", "adapter": "x.npz"}, 422, "unknown field 'adapter'"),
    ("completions", {"prompt": "a", "echo": True}, 422, "unknown field 'echo'"),
    ("ask", {"question": ""}, 422, "question"),
    ("ask", {"question": "   ", "retrieval": "none"}, 400, "the question is empty"),
    ("ask", {"question": "Wer?", "retrieval": "none"}, 400, "question has 2 character(s)"),
    ("ask", {"question": "price?", "k": 0}, 422, "k:"),
    ("ask", {"question": "price?", "retrieval": "sql"}, 422, "retrieval"),
    ("ask", {"question": "price?", "db": "other.db"}, 422, "unknown field 'db'"),
    ("ask", {"question": "price?"}, 400, "no documents"),
    ("ask", {"question": "price?", "retrieval": "none", "max_tokens": 1000}, 400, "cap of 300"),
    ("ask", {"question": "anna", "retrieval": "none"}, 400, "leaves no room in the model's block of 8"),
]


@pytest.mark.parametrize("endpoint, body, status, words", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_bad_input_is_a_json_4xx_that_says_what_is_wrong(names_server, endpoint, body, status, words):
    with client(names_server) as c:
        if isinstance(body, bytes):
            r = c.post(f"/v1/{endpoint}", content=body, headers={"Content-Type": "application/json"})
        else:
            r = c.post(f"/v1/{endpoint}", json=body)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert words in error["message"] and error["type"] == "invalid_request_error", error
    assert "Traceback" not in r.text


def test_bodies_over_the_limit_are_413_and_unknown_routes_404(names_server):
    big = json.dumps({"prompt": "a" * 70_000}).encode()
    with client(names_server) as c:
        declared = c.post("/v1/completions", content=big, headers={"Content-Type": "application/json"})
        chunked = c.post("/v1/completions", content=iter([big[:40_000], big[40_000:]]),
                         headers={"Content-Type": "application/json"})
        missing, wrong_method = c.get("/v1/nothing"), c.get("/v1/completions")
        health = c.get("/health")
    for r in (declared, chunked):
        assert r.status_code == 413 and "over 65536 bytes" in r.json()["error"]["message"], r.text
    assert missing.status_code == 404 and "GET /v1/nothing" in missing.json()["error"]["message"]
    assert wrong_method.status_code == 405 and "error" in wrong_method.json()
    assert health.status_code == 200  # and the server is still well
    assert metric(names_server, "mgpt_requests_total")['{endpoint="/v1/completions",status="413"}'] >= 2
    assert "Traceback" not in names_server.output()


# --- many users at once -----------------------------------------------------------------

def test_concurrent_requests_equal_the_same_requests_alone(prose_server):
    """Different prompts, lengths, seeds and settings, sent all at once, give the texts each
    gives alone; and they were decoded together (steps with more than one row)."""
    requests = [{"prompt": "The river"[:1 + i % 9], "max_tokens": 20 + 7 * i, "seed": 100 + i,
                 "temperature": [0.0, 0.6, 1.0, 1.4][i % 4], "top_k": [None, 3, None, 10][i % 4],
                 "top_p": [1.0, 1.0, 0.8, 0.95][i % 4], "n": 1 + i % 3 // 2} for i in range(12)]
    requests = [{k: v for k, v in r.items() if v is not None} for r in requests]
    alone, together, steps, single = alone_and_together(prose_server, requests)
    assert together == alone
    assert steps - single > 20, (steps, single)  # most steps decoded several rows


# --- questions over the documents --------------------------------------------------------

@pytest.mark.skipif(not HAVE_MILVUS, reason="pymilvus/milvus-lite not installed: pip install '.[rag]'")
def test_ask_makes_the_call_mgpt_ask_makes(tmp_path, indexed, rag_model):
    """The same question over HTTP and through `mgpt ask --json` (on a copy of the same
    database: Milvus Lite lets one process open a .db) gives the same answer and sources."""
    for name in ("served.db", "cli.db"):
        shutil.copytree(indexed / "kb.db", tmp_path / name)
    questions = ["What is the price of the Kestrel 2 tent?", "When was the Ember stove made?"]
    expected = []
    for q in questions:
        r = assert_ok(mgpt_run("ask", q, "--ckpt", rag_model, "--db", "cli.db", "-k", "3", "--max-new-tokens", "8",
                               "--min-confidence", "0.01", "--json", cwd=tmp_path))
        expected.append(json.loads(r.stdout))
    server = Served(tmp_path, "--reader", rag_model, "--db", "served.db")
    try:
        with client(server) as c:
            got = [c.post("/v1/ask", json={"question": q, "k": 3, "max_tokens": 8, "min_confidence": 0.01}).json()
                   for q in questions]
            baseline = c.post("/v1/ask", json={"question": questions[0], "retrieval": "none", "max_tokens": 8}).json()
            card = c.get("/v1/models").json()["data"][0]
            # source: a glob on the files, as ask --source; a glob matching no file is the client's mistake
            other = next(s["source"] for s in got[0]["sources"] if s["source"] != got[0]["sources"][0]["source"])
            only = c.post("/v1/ask", json={"question": questions[0], "k": 3, "source": "*" + os.path.basename(other),
                                           "max_tokens": 8}).json()
            unmatched = c.post("/v1/ask", json={"question": questions[0], "source": "*.nothing"})
            bad_glob = c.post("/v1/ask", json={"question": questions[0], "source": "[ab].md"})
    finally:
        assert server.stop() == 0
    assert card["documents"] is True
    for want, have in zip(expected, got):
        for key in ("question", "answer", "abstained", "model_answer"):
            assert have[key] == want[key], key
        assert have["confidence"] == pytest.approx(want["confidence"], rel=1e-6)
        assert [s["text"] for s in have["sources"]] == [s["text"] for s in want["sources"]]
        assert [s["rank"] for s in have["sources"]] == [1, 2, 3]
        assert [s["source"] for s in have["sources"]] == [s["source"] for s in want["sources"]]  # md: no pages
        for s, w in zip(have["sources"], want["sources"]):
            assert s["span"] == w.get("span") and s["in_prompt"] == w["in_prompt"]
            if s["span"]:
                assert s["text"][s["span"][0]:s["span"][1]] == have["answer"]
    assert baseline["sources"] == [] and "abstained" in baseline
    assert only["sources"] and {s["source"] for s in only["sources"]} == {other}
    assert unmatched.status_code == 400 and "no indexed document matches" in unmatched.json()["error"]["message"]
    assert bad_glob.status_code == 400 and "[...]" in bad_glob.json()["error"]["message"]


# --- adapters and placeholders -----------------------------------------------------------

def test_adapters_are_picked_per_request_and_listed(models):
    """With --adapter NAME=PATH:WEIGHT, a request for NAME writes what `mgpt sample --adapter
    PATH:WEIGHT` writes, and one for the base (or no model) what the base alone writes."""
    from mgpt.checkpoint import load_adapter

    finetune(models / "names.npz", models / "names.txt", models / "ad.npz", steps=10)
    server = Served(models, "--ckpt", "names.npz", "--adapter", "half=ad.npz:0.5")
    try:
        with client(server) as c:
            cards = c.get("/v1/models").json()["data"]
        texts = {(model, s): complete(server, model=model, prompt="m", seed=s, max_tokens=20)["choices"][0]["text"]
                 for model in ("half", "names", None) for s in (1, 2)}
    finally:
        assert server.stop() == 0
    adapter = load_adapter(str(models / "ad.npz"))
    assert [(a["name"], a["weight"], a["fingerprint"]) for a in cards[0]["adapters"]] == \
           [("half", 0.5, adapter.fingerprint)]
    assert [(c["id"], c["job"], c.get("parent")) for c in cards] == [("names", "generate", None),
                                                                        ("half", "generate", "names")]
    for seed in (1, 2):
        with_adapter = assert_ok(mgpt_run("sample", "--ckpt", models / "names.npz", "--adapter",
                                          models / "ad.npz:0.5", "--prompt", "m", "--seed", seed,
                                          "--max-new-tokens", 20))
        base = assert_ok(mgpt_run("sample", "--ckpt", models / "names.npz", "--prompt", "m", "--seed", seed,
                                  "--max-new-tokens", 20))
        assert with_adapter.stdout == "m" + texts["half", seed] + "\n"
        assert base.stdout == "m" + texts["names", seed] + "\n" == "m" + texts[None, seed] + "\n"
    assert texts["half", 1] != texts["names", 1] or texts["half", 2] != texts["names", 2]


def test_a_vocabulary_with_a_placeholder_reads_any_character(tmp_path):
    """A 'latin' model (with U+FFFD) reads characters it has no id for as the placeholder, in
    prompts and questions, as `mgpt sample` and `mgpt ask` do; no 400."""
    lines = "C: Ember stove. price: 89 EUR Q: What is the price? A: 89 EUR\n" * 8
    (tmp_path / "lines.txt").write_text(lines)
    assert_ok(mgpt_run("train", "lines.txt", "-o", "latin.npz", "--mode", "docs", "--vocab", "latin",
                       "--answer-after", " A: ", "--n-layer", "1", "--n-embd", "16", "--n-head", "2",
                       "--block-size", "192", "--steps", "3", "--eval-every", "3", "--batch-size", "2",
                       "--eval-iters", "1", "-q", cwd=tmp_path))
    shutil.copy(tmp_path / "latin.npz", tmp_path / "latin_reader.npz")
    server = Served(tmp_path, "--ckpt", "latin.npz", "--reader", "latin_reader.npz")
    try:
        text = complete(server, prompt="☃ C:", max_tokens=3, seed=1)["choices"][0]["text"]
        with client(server) as c:
            asked = c.post("/v1/ask", json={"question": "Was kostet der ☃-Ofen?", "retrieval": "none",
                                            "max_tokens": 8}).json()
    finally:
        assert server.stop() == 0
    sample = assert_ok(mgpt_run("sample", "--ckpt", "latin.npz", "--prompt", "☃ C:", "--max-new-tokens", "3",
                                "--seed", "1", cwd=tmp_path))
    assert sample.stdout == "\ufffd C:" + text + "\n"
    assert asked["question"] == "Was kostet der \ufffd-Ofen?" and asked["sources"] == []
    assert "question: 1 character(s) the model has no id for read as \ufffd: '☃'" in asked["notes"]
