"""The models of one `mgpt serve`: adapters picked per request and decoded together, chat
completions (the reader over the documents, or the generator continuing the conversation), and
one server doing both jobs: questions to the reader, generation to --ckpt.

Real servers in subprocesses (support/served.py), spoken to with httpx and the `openai` package.
"""

import json
import os
import shutil

import numpy as np
import pytest

from support.served import Served, alone_and_together, client, complete, needs_serve
from support.browser import ARGS, CHROMIUM
from support.cli import FAST, assert_ok, mgpt_run
from support.lora import finetune
from support.rag import HAVE_MILVUS

pytestmark = needs_serve
needs_milvus = pytest.mark.skipif(not HAVE_MILVUS, reason="pymilvus/milvus-lite not installed: pip install '.[rag]'")

CHAT = "".join(f"user: {q}\nassistant: {a}\n" for q, a in [
    ("hello there", "hello, how are you"), ("how are you", "well, thank you"), ("what is this", "a small model"),
    ("who are you", "a model of letters"), ("say more", "there is not much more to say")]) * 6
ACCENT_A = "assistant: oh hello hello oh\n" * 20
ACCENT_B = "assistant: the model is well\n" * 20
SMALL = ["--n-layer", "1", "--n-embd", "16", "--n-head", "2", "--block-size", "32"]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """chat.npz (stream mode) trained on 'user: ...\\nassistant: ...' lines, two adapters on it."""
    d = tmp_path_factory.mktemp("serve_models")
    for name, text in (("chat.txt", CHAT), ("a.txt", ACCENT_A), ("b.txt", ACCENT_B)):
        (d / name).write_text(text)
    assert_ok(mgpt_run("train", d / "chat.txt", "-o", d / "chat.npz", *SMALL, *FAST, "--mode", "stream",
                       "--steps", "120", "--eval-every", "60"))
    finetune(d / "chat.npz", d / "a.txt", d / "a.npz", steps=20)
    finetune(d / "chat.npz", d / "b.txt", d / "b.npz", steps=20)
    return d


@pytest.fixture(scope="module")
def adapters_server(lab):
    server = Served(lab, "--ckpt", "chat.npz", "--adapter", "a=a.npz", "--adapter", "b.npz", "--max-batch", "16",
                    "--max-tokens-cap", "200")
    yield server
    assert server.stop() == 0


# --- the arithmetic: rows of different adapters in one batch ------------------------------

def test_rows_of_different_adapters_decode_together_as_each_alone():
    """Jobs for the base and two adapters (of other ranks and targets) on one batch write what
    each writes alone, and an adapter's job what `generate` writes with that adapter attached."""
    from support.batching import job, model  # `model` is a loop variable elsewhere here

    from mgpt.data import Vocab
    from mgpt.lora import Adapter, AdapterStack, LoraConfig, RowAdapters, validate
    from mgpt.sampling import generate
    from mgpt.serve.batch import Batch

    vocab = Vocab("abcdefghijkl")
    adapters = []
    for seed, rank, targets in ((4, 2, ("q", "v", "fc")), (5, 3, ("k", "o", "proj"))):
        base = model()
        a = Adapter(validate(LoraConfig(rank=rank, alpha=4.0, targets=targets), base.config), base.config)
        a.params[...] = np.random.default_rng(seed).normal(0, 0.5, a.params.shape)
        adapters.append(a)
    settings = [(-1, [0, 1], 11), (0, [0, 1], 11), (1, [0, 1], 11), (0, [2, 3, 4], 12), (1, [5], 13)]

    def run(picked):
        m, events, texts = model(), [], {}
        batch = Batch(m, vocab, "stream", len(picked), RowAdapters(adapters, [1.0, 0.7]))
        jobs = []
        for index, prompt, seed in picked:
            jobs.append(job(prompt, seed, 40, events=events))
            jobs[-1].adapter = index
            batch.admit(jobs[-1])
        while batch.seqs:
            for j, event in batch.step():
                if event[0] == "text":
                    texts[j] = texts.get(j, "") + event[2]
        return [texts[j] for j in jobs]

    together = run(settings)
    assert together == [run([s])[0] for s in settings]
    assert len(set(together[:3])) == 3  # the same prompt and seed: the adapters change the text
    for (index, prompt, seed), text in zip(settings, together):
        m = model()
        if index >= 0:
            m.attach_adapter(AdapterStack([adapters[index]], [[1.0, 0.7][index]]))
        assert text == generate(m, vocab, "stream", vocab.decode(prompt), 1, 40, 1.0, None, None, seed)[0]


# --- adapters per request over HTTP ------------------------------------------------------

def test_a_request_model_picks_its_adapter_as_mgpt_sample_does(adapters_server, lab):
    with client(adapters_server) as c:
        cards = c.get("/v1/models").json()["data"]
    assert [(m["id"], m.get("parent")) for m in cards] == [("chat", None), ("a", "chat"), ("b", "chat")]
    for model, flags in (("a", ["--adapter", lab / "a.npz"]), ("b", ["--adapter", lab / "b.npz"]), ("chat", [])):
        for seed in (1, 2):
            text = complete(adapters_server, model=model, prompt="user: hello there\n", seed=seed, max_tokens=40,
                            temperature=0.8)["choices"][0]["text"]
            r = assert_ok(mgpt_run("sample", "--ckpt", lab / "chat.npz", *flags, "--prompt", "user: hello there\n",
                                   "--seed", seed, "--max-new-tokens", 40, "--temperature", 0.8, "--json"))
            assert text == json.loads(r.stdout)["text"], (model, seed)


def test_requests_for_different_adapters_are_decoded_together(adapters_server):
    """16 requests for the base and both adapters, sent at once: each gets what it gets alone,
    in steps of several rows."""
    requests = [{"model": ["chat", "a", "b"][i % 3], "prompt": "user: how are you\n"[:4 + i], "seed": 50 + i,
                 "max_tokens": 30 + 3 * i, "temperature": 0.9} for i in range(16)]
    alone, together, steps, single = alone_and_together(adapters_server, requests)
    assert together == alone
    assert steps - single > 20, (steps, single)


def test_an_unknown_model_is_a_404_model_not_found(adapters_server):
    openai = pytest.importorskip("openai", reason="the openai package is not installed (pip install '.[test]')")
    with client(adapters_server) as c:
        for path, body in (("/v1/completions", {"model": "c", "prompt": "a"}),
                           ("/v1/chat/completions", {"model": "gpt-4o", "messages": [{"role": "user", "content": "a"}]})):
            r = c.post(path, json=body)
            assert r.status_code == 404, r.text
            error = r.json()["error"]
            assert error["code"] == "model_not_found" and error["type"] == "invalid_request_error"
            assert "it serves 'chat', 'a', 'b'" in error["message"]
    api = openai.OpenAI(base_url=adapters_server.url + "/v1", api_key="unused", max_retries=0)
    with pytest.raises(openai.NotFoundError, match="does not exist"):
        api.chat.completions.create(model="nothing", messages=[{"role": "user", "content": "hi"}])


# --- chat with the generator ----------------------------------------------------------------

def test_chat_continues_the_rendered_conversation(adapters_server):
    """The openai package's chat call, whole and streamed: the text /v1/completions writes after
    'role: content' lines and 'assistant: ', up to the end of its line."""
    openai = pytest.importorskip("openai", reason="the openai package is not installed (pip install '.[test]')")
    api = openai.OpenAI(base_url=adapters_server.url + "/v1", api_key="unused", max_retries=0)
    messages = [{"role": "system", "content": "say little"}, {"role": "user", "content": "hello there"},
                {"role": "assistant", "content": "hello"}, {"role": "user", "content": "who are you"}]
    rendered = "system: say little\nuser: hello there\nassistant: hello\nuser: who are you\nassistant: "
    for model in ("chat", "a"):
        for seed in (3, 4):
            whole = api.chat.completions.create(model=model, messages=messages, seed=seed, temperature=0.7,
                                                max_tokens=60)
            expected = complete(adapters_server, model=model, prompt=rendered, seed=seed, temperature=0.7,
                                max_tokens=60, stop="\n")["choices"][0]
            choice = whole.choices[0]
            assert choice.message.role == "assistant" and choice.message.content == expected["text"]
            assert choice.finish_reason == expected["finish_reason"] and whole.model == model
            assert whole.object == "chat.completion" and whole.id.startswith("chatcmpl-")
            stream = api.chat.completions.create(model=model, messages=messages, seed=seed, temperature=0.7,
                                                 max_tokens=60, stream=True)
            chunks = list(stream)
            assert chunks[0].choices[0].delta.role == "assistant"
            assert all(c.object == "chat.completion.chunk" for c in chunks)
            assert "".join(c.choices[0].delta.content or "" for c in chunks) == expected["text"]
            assert chunks[-1].choices[0].finish_reason == expected["finish_reason"]
    import httpx

    body = {"model": "a", "messages": messages, "stream": True, "max_tokens": 5}
    with httpx.Client(base_url=adapters_server.url, timeout=60) as c, \
            c.stream("POST", "/v1/chat/completions", json=body) as r:
        events = [line for line in r.iter_lines() if line]
    assert events[-1] == "data: [DONE]" and all(e.startswith("data: ") for e in events)


CHAT_BAD = [
    ({"model": "chat"}, 422, "messages: field required"),
    ({"messages": []}, 422, "messages: list should have at least 1 item"),
    ({"messages": [{"role": "user"}]}, 422, "messages.0.content: field required"),
    ({"messages": [{"role": "tool", "content": "x"}]}, 422, "messages.0.role: input should be 'system', 'user' or"),
    ({"messages": [{"role": "user", "content": "x", "extra": 1}]}, 422, "unknown field"),
    ({"messages": [{"role": "user", "content": "hello"}], "max_tokens": 201}, 400, "cap of 200"),
    ({"messages": [{"role": "user", "content": "hello"}], "n": 17}, 422, "n:"),
    ({"messages": [{"role": "user", "content": "Hallo!"}]}, 400, "conversation has 2 character(s) the model has"),
    ({"messages": [{"role": "user", "content": "x"}], "frequency_penalty": 1}, 422, "unknown field"),
]


@pytest.mark.parametrize("body, status, words", CHAT_BAD, ids=[str(i) for i in range(len(CHAT_BAD))])
def test_bad_chat_input_is_a_json_4xx(adapters_server, body, status, words):
    with client(adapters_server) as c:
        r = c.post("/v1/chat/completions", json=body)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert words in error["message"] and error["type"] == "invalid_request_error", error


def test_without_a_reader_questions_say_how_to_get_one(adapters_server):
    with client(adapters_server) as c:
        r = c.post("/v1/ask", json={"question": "hello", "retrieval": "none"})
    assert r.status_code == 400 and "no reader" in r.json()["error"]["message"] and "--reader" in r.text


# --- one server, both jobs ---------------------------------------------------------------

@needs_milvus
def test_questions_go_to_the_reader_and_generation_to_the_generator(tmp_path, indexed, lab):
    """--ckpt chat.npz --db kb.db: questions are answered by the shipped reader, as `mgpt ask`
    answers them (chat.npz could not even read them), and chat.npz generates; the chat call
    with the reader's id answers with sources, whole and streamed."""
    openai = pytest.importorskip("openai", reason="the openai package is not installed (pip install '.[test]')")
    for name in ("served.db", "cli.db"):
        shutil.copytree(indexed / "kb.db", tmp_path / name)
    question = "How much does the Kestrel 2 tent cost?"
    expected = json.loads(assert_ok(mgpt_run("ask", question, "--db", "cli.db", "--json", cwd=tmp_path)).stdout)
    assert not expected["abstained"]
    server = Served(tmp_path, "--ckpt", lab / "chat.npz", "--adapter", f"a={lab / 'a.npz'}", "--db", "served.db")
    try:
        with client(server) as c:
            asked = c.post("/v1/ask", json={"question": question}).json()
            cards = c.get("/v1/models").json()["data"]
        api = openai.OpenAI(base_url=server.url + "/v1", api_key="unused", max_retries=0)
        whole = api.chat.completions.create(model="reader", messages=[{"role": "user", "content": question}])
        chunks = list(api.chat.completions.create(model="reader", stream=True, messages=[
            {"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi"},
            {"role": "user", "content": question}]))
        generated = api.chat.completions.create(model="a", messages=[{"role": "user", "content": "hello there"}],
                                                seed=1, max_tokens=20)
        with pytest.raises(openai.BadRequestError, match="is this server's reader"):
            api.completions.create(model="reader", prompt="hello", max_tokens=3)
    finally:
        assert server.stop() == 0
    assert [(m["id"], m["job"]) for m in cards] == [("chat", "generate"), ("a", "generate"), ("reader", "ask")]
    assert asked["answer"] == expected["answer"] and [s["text"][:40] for s in asked["sources"]] == \
        [s["text"][:40] for s in expected["sources"]]
    cited = [s["source"] for s in asked["sources"] if s["span"]]
    assert whole.choices[0].message.content == f"{expected['answer']}\n\nSource: {cited[0]}"
    assert whole.model == "reader" and whole.model_extra["sources"] == asked["sources"]
    assert whole.model_extra["abstained"] is False
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == whole.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop" and chunks[-1].model_extra["sources"] == asked["sources"]
    assert generated.model == "a" and generated.choices[0].message.content is not None


@needs_milvus
def test_with_only_documents_there_is_nothing_to_generate_with(tmp_path, indexed):
    shutil.copytree(indexed / "kb.db", tmp_path / "kb.db")
    server = Served(tmp_path, "--db", "kb.db")
    try:
        with client(server) as c:
            cards = c.get("/v1/models").json()["data"]
            refused = c.post("/v1/completions", json={"prompt": "The", "max_tokens": 5})
            chat = c.post("/v1/chat/completions", json={"messages": [
                {"role": "user", "content": "When was the Ember stove made?"}]}).json()
            asked = c.post("/v1/ask", json={"question": "When was the Ember stove made?"}).json()
    finally:
        assert server.stop() == 0
    assert [(m["id"], m["job"], m["documents"]) for m in cards] == [("reader", "ask", True)]
    assert refused.status_code == 400 and "no model to generate with" in refused.json()["error"]["message"]
    assert "--ckpt" in refused.json()["error"]["message"]
    assert chat["model"] == "reader" and chat["sources"] == asked["sources"]  # no model: the reader
    assert chat["choices"][0]["message"]["content"].startswith(asked["answer"] or "The documents do not say.")


def test_a_chat_answer_cites_the_sources_that_hold_it():
    from mgpt.serve.chat import ChatAnswer

    def source(name, page, span):
        return {"source": name, "page": page, "span": span, "text": "..."}
    answered = ChatAnswer("reader", {"answer": "349 EUR", "abstained": False, "sources": [
        source("a.md", 0, None), source("m.pdf", 3, [1, 8]), source("b.md", 0, [0, 7]), source("m.pdf", 3, [2, 9])]})
    assert answered.result()["choices"][0]["message"]["content"] == "349 EUR\n\nSources: m.pdf, page 3; b.md"
    abstained = ChatAnswer("reader", {"answer": None, "abstained": True, "sources": [source("a.md", 0, None)]})
    result = abstained.result()
    assert result["choices"][0]["message"]["content"] == "The documents do not say."
    assert result["abstained"] is True and result["sources"] == [source("a.md", 0, None)]


def test_the_command_refuses_what_it_cannot_serve(lab):
    r = mgpt_run("serve", "--port", "0", cwd=lab)
    assert r.returncode == 2 and "nothing to serve" in r.stderr
    r = mgpt_run("serve", "--port", "0", "--ckpt", "chat.npz", "--adapter", "chat=a.npz", cwd=lab)
    assert r.returncode == 2 and "two models on this server are named 'chat'" in r.stderr
    r = mgpt_run("serve", "--port", "0", "--ckpt", "chat.npz", "--adapter", "x=chat.npz", cwd=lab)
    assert r.returncode == 2 and "not an adapter" in r.stderr


@needs_milvus
def test_the_page_says_there_is_nothing_to_generate_with(tmp_path, indexed):
    """In Chromium: with only a reader, the Generate tab says so instead of offering a form."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    shutil.copytree(indexed / "kb.db", tmp_path / "kb.db")
    server = Served(tmp_path, "--db", "kb.db")
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(server.url + "/#generate")
            page.wait_for_selector("#no-generator", state="visible")
            assert not page.is_visible("#generate-form") and "--ckpt" in page.text_content("#no-generator")
            browser.close()
    finally:
        assert server.stop() == 0
