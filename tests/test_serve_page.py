"""The page of `mgpt serve` in a real browser: Debian's chromium driven by Playwright, against a
real server. Typing a question and reading the answer and its sources (both states: an answer
with its span highlighted, and "not in the documents"), and a generation streamed as it comes.

Skips, saying why, where playwright or /usr/bin/chromium is missing (.ci/run installs chromium).
"""

import importlib.util
import os
import shutil

import pytest

from support.served import Served, needs_serve, train_models
from support.browser import ARGS, CHROMIUM
from support.rag import HAVE_MILVUS

pytestmark = [
    needs_serve,
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="playwright is not installed: pip install '.[test]' (make test installs it)"),
    pytest.mark.skipif(not os.path.exists(CHROMIUM),
                       reason=f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does it in CI)"),
]
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A chromium context with a fresh profile, phone-sized."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(tmp_path_factory.mktemp("chromium-profile")),
                                                       executable_path=CHROMIUM, args=ARGS, headless=True,
                                                       viewport=PHONE)
        yield context
        context.close()


def api(server, path, body):
    import httpx

    r = httpx.post(server.url + path, json=body, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.skipif(not HAVE_MILVUS, reason="pymilvus/milvus-lite not installed: pip install '.[rag]'")
def test_asking_shows_the_answer_its_sources_and_not_in_the_documents(browser, tmp_path, indexed, rag_model):
    shutil.copytree(indexed / "kb.db", tmp_path / "kb.db")
    server = Served(tmp_path, "--reader", rag_model, "--db", "kb.db")
    page = browser.new_page()
    try:
        page.goto(server.url)
        page.wait_for_function("() => document.getElementById('model').textContent.startsWith('rag:')")
        question = "What is the price of the Kestrel 2 tent?"
        # the keyboard alone: the question box, the options, Enter
        page.focus("#question")
        page.keyboard.type(question)
        page.click(".options summary")
        page.fill("#min-confidence", "0")
        page.focus("#question")
        page.keyboard.press("Enter")
        page.wait_for_selector("#answer:not([hidden])")
        expected = api(server, "/v1/ask", {"question": question, "min_confidence": 0})  # k: as ask, by the reader
        sources = page.locator("#sources li")
        assert sources.count() == len(expected["sources"]) >= 3
        assert [sources.nth(i).locator("p").nth(1).text_content() for i in range(sources.count())] == \
               [s["text"] for s in expected["sources"]]
        if expected["abstained"]:  # the model chose the empty answer, even with no least confidence
            assert page.text_content("#answer-title") == "Not in the documents"
        else:
            assert page.text_content("#answer-title") == "Answer"
            assert page.text_content("#answer-text") == expected["answer"]
            assert page.locator("#sources mark").text_content() == expected["answer"]  # the span, highlighted
        # a confidence no answer reaches: the clear "not in the documents" state, sources still shown
        page.fill("#min-confidence", "1")
        page.click("#ask")
        page.wait_for_function("() => document.getElementById('answer-title').textContent === 'Not in the documents'")
        assert page.text_content("#answer-text") == "The documents do not say."
        assert page.locator("#sources li").count() == len(expected["sources"]) and \
            page.locator("#sources mark").count() == 0
        assert fits_the_phone(page)
        page.screenshot(path=str(tmp_path / "ask.png"))
    finally:
        page.close()
        assert server.stop() == 0


@pytest.fixture(scope="module")
def page_models(tmp_path_factory):
    return train_models(tmp_path_factory.mktemp("page_models"))


@pytest.fixture(scope="module")
def prose_server(page_models):
    server = Served(page_models, "--ckpt", "prose.npz", "--max-tokens-cap", "100000")
    yield server
    assert server.stop() == 0


def test_generating_streams_the_text_as_it_comes(browser, prose_server):
    page = browser.new_page()
    try:
        page.goto(prose_server.url)
        page.wait_for_function("() => document.getElementById('model').textContent.startsWith('prose:')")
        page.focus("#tab-ask")
        page.keyboard.press("ArrowRight")  # the tabs, from the keyboard
        assert page.is_visible("#panel-generate") and not page.is_visible("#panel-ask")
        assert page.evaluate("document.activeElement.id") == "tab-generate"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "prompt"
        page.keyboard.type("The river")
        page.fill("#temperature", "0")
        page.fill("#max-tokens", "3000")
        page.focus("#prompt")
        page.keyboard.press("Control+Enter")
        # text shows up while the generation still runs: streamed, not delivered at the end
        page.wait_for_function("() => document.getElementById('output-text').textContent.length > 0 && "
                               "document.getElementById('generate-status').textContent.startsWith('Generating')")
        page.wait_for_function("() => document.getElementById('generate-status').textContent.startsWith('Done')",
                               timeout=60_000)
        expected = api(prose_server, "/v1/completions", {"prompt": "The river", "temperature": 0, "max_tokens": 3000})
        assert page.text_content("#output-text") == expected["choices"][0]["text"]
        assert page.text_content("#output-prompt") == "The river"
        assert fits_the_phone(page)
        # Stop ends a long generation, and the server lets its row go
        page.fill("#max-tokens", "100000")
        page.click("#generate")
        page.wait_for_function("() => document.getElementById('output-text').textContent.length > 0")
        page.click("#stop")
        page.wait_for_function("() => document.getElementById('generate-status').textContent === 'Stopped.'")
    finally:
        page.close()
    import httpx
    import re
    import time

    deadline = time.monotonic() + 10
    while re.search(r"^mgpt_busy_rows (\S+)$", httpx.get(prose_server.url + "/metrics").text, re.M).group(1) != "0":
        assert time.monotonic() < deadline, "the stopped generation still holds its row"
        time.sleep(0.05)


def generate_tab(page, server, model):
    page.goto(server.url + "/#generate")
    page.wait_for_function(f"() => document.getElementById('model').textContent.startsWith('{model}:')")
    page.fill("#temperature", "0")
    page.focus("#prompt")


def test_a_docs_mode_prompt_is_one_line_and_enter_generates(browser, page_models):
    """A names model reads one document a line and has no newline: typing `em` then Enter (what
    a new user does) generates from "em", with no 400; a pasted line break never reaches it."""
    server = Served(page_models, "--ckpt", "names.npz")
    page = browser.new_page()
    statuses, console = [], []
    page.on("response", lambda r: statuses.append(r.status) if r.url.endswith("/v1/completions") else None)
    page.on("console", lambda m: console.append(m.text))
    try:
        generate_tab(page, server, "names")
        assert page.text_content("#prompt-hint") == "(one line, as the model reads it: Enter generates)"
        page.keyboard.type("em")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('generate-status').textContent.startsWith('Done')")
        assert page.input_value("#prompt") == "em" and page.text_content("#output-prompt") == "em"
        expected = api(server, "/v1/completions", {"prompt": "em", "temperature": 0, "max_tokens": 200})
        assert page.text_content("#output-text") == expected["choices"][0]["text"]
        page.fill("#prompt", "ka\n")  # pasted with its line break
        assert page.input_value("#prompt") == "ka"
        page.keyboard.press("Shift+Enter")  # no way to a second line
        page.wait_for_function("() => document.getElementById('output-prompt').textContent === 'ka' && "
                               "document.getElementById('generate-status').textContent.startsWith('Done')")
        assert statuses == [200, 200] and not [m for m in console if "400" in m], (statuses, console)
    finally:
        page.close()
        assert server.stop() == 0


def test_a_stream_mode_prompt_keeps_enter_for_a_new_line(browser, prose_server):
    page = browser.new_page()
    try:
        generate_tab(page, prose_server, "prose")
        assert page.text_content("#prompt-hint") == "(Ctrl+Enter generates)"
        page.keyboard.type("The river")
        page.keyboard.press("Enter")
        page.keyboard.type("ran")
        assert page.input_value("#prompt") == "The river\nran"
        assert page.text_content("#generate-status") == "" and page.text_content("#output-text") == ""
    finally:
        page.close()
