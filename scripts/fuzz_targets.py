"""Hostile inputs for mgpt's readers, as hypothesis strategies and the properties they must keep.

Shared by tests/test_fuzz.py (a few dozen examples per target, seconds in the suite) and
scripts/fuzz.py (thousands, the figure in docs/BENCHMARKS.md). Each target takes one drawn
input and returns normally when mgpt accepted it or refused it with MgptError (or ValueError
where the reader's contract is "skip this file"); anything else is a failure.
"""

import io
import json
import os
import tempfile
import tracemalloc
import zipfile

import numpy as np
from hypothesis import strategies as st

from mgpt.checkpoint import load_adapter, load_model, save_adapter, save_model
from mgpt.config import GPTConfig
from mgpt.corpus import Source, read_text
from mgpt.data import Vocab
from mgpt.errors import MgptError
from mgpt.lora import Adapter, LoraConfig, validate
from mgpt.model import GPT
from mgpt.prepared import prepare


def valid_checkpoint_members():
    """The members of a small, valid model checkpoint, and of an adapter on it."""
    work = tempfile.mkdtemp(prefix="mgpt-fuzz-")
    vocab = Vocab("abc \n")
    model = GPT(GPTConfig(vocab_size=len(vocab), n_layer=2, n_head=2, n_embd=8, block_size=8))
    model.init_weights(np.random.default_rng(0))
    path = os.path.join(work, "m.npz")
    save_model(path, model, vocab, "stream", {"step": 3})
    base = load_model(path)
    adapter = Adapter(validate(LoraConfig(rank=2, alpha=4.0), model.config), model.config)
    adapter.init_weights(np.random.default_rng(1))
    adapter_path = os.path.join(work, "a.npz")
    save_adapter(adapter_path, adapter, base, {"step": 1})
    out = {}
    for name, p in (("model", path), ("adapter", adapter_path)):
        with zipfile.ZipFile(p) as z:
            out[name] = [(info.filename, z.read(info)) for info in z.infolist()]
    return out, path


MEMBERS, BASE_PATH = valid_checkpoint_members()


def npy_bytes(array):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
    return buffer.getvalue()


def forged_header(shape, dtype, data):
    """A .npy member whose header claims `shape`/`dtype`, followed by whatever `data` is."""
    header = {"descr": np.dtype(dtype).str, "fortran_order": False, "shape": tuple(shape)}
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, header)
    return buffer.getvalue() + data


def _replace(members, index, data):
    members = list(members)
    members[index] = (members[index][0], data)
    return members


def _replace_named(members, filename, data):
    """Replaces the member of that name, if the file still has it."""
    names = [n for n, _ in members]
    return _replace(members, names.index(filename), data) if filename in names else members


@st.composite
def hostile_checkpoints(draw, kind="model"):
    """A valid checkpoint's members with one or more hostile changes; returns the file's bytes."""
    members = list(MEMBERS[kind])
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["header", "drop", "extra", "duplicate", "config", "vocab", "version",
                                    "kind", "flip", "pickle", "text"]))
        i = draw(st.integers(0, len(members) - 1))
        name = members[i][0]
        if how == "header":
            shape = draw(st.lists(st.one_of(st.integers(0, 8), st.integers(2**20, 2**40)), max_size=3))
            dtype = draw(st.sampled_from(["<f4", "<f8", "<i8", "<U5", "|u1", ">f4"]))
            members = _replace(members, i, forged_header(shape, dtype, draw(st.binary(max_size=64))))
        elif how == "drop":
            members.pop(i)
        elif how == "extra":
            members.append((draw(st.text(min_size=1, max_size=12)) + ".npy", draw(st.binary(max_size=80))))
        elif how == "duplicate":
            members.append(members[i])
        elif how == "config" and kind == "model":
            config = {"vocab_size": 6, "n_layer": 2, "n_head": 2, "n_embd": 8, "block_size": 8,
                      "activation": "relu", "dropout": 0.0}
            key = draw(st.sampled_from(sorted(config)))
            config[key] = draw(st.one_of(st.integers(-2**31, 2**40), st.floats(allow_nan=True), st.text(max_size=5),
                                         st.none(), st.booleans()))
            members = _replace_named(members, "config.npy", npy_bytes(np.array(json.dumps(config), dtype=np.str_)))
        elif how == "vocab" and kind == "model":
            vocab = draw(st.sampled_from(["aabc", "", "ab\x00c", "abc\x07 ", "ab", "abcdefgh"]))
            members = _replace_named(members, "vocab.npy", npy_bytes(np.array(vocab, dtype=np.str_)))
        elif how == "version":
            version = npy_bytes(np.array(draw(st.integers(-5, 2**62)), dtype=np.int64))
            members = _replace_named(members, "format_version.npy", version)
        elif how == "kind":
            members = _replace_named(members, "kind.npy", npy_bytes(np.array(draw(st.text(max_size=8)), dtype=np.str_)))
        elif how == "flip":
            data = bytearray(members[i][1])
            if data:
                at = draw(st.integers(0, len(data) - 1))
                data[at] ^= draw(st.integers(1, 255))
            members = _replace(members, i, bytes(data))
        elif how == "pickle":
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.array([{"x": 1}], dtype=object), allow_pickle=True)
            members = _replace(members, i, buffer.getvalue())
        elif how == "text":
            members = _replace(members, i, npy_bytes(np.array(draw(st.text(max_size=40)), dtype=np.str_)))
        if not members:
            break
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for filename, data in members:
            z.writestr(zipfile.ZipInfo(filename), data)
    data = buffer.getvalue()
    if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:  # sometimes cut the file short
        data = data[:draw(st.integers(0, len(data)))]
    return data


def load_checkpoint_bytes(data, kind, folder):
    """The property: refused with MgptError or loaded, never more memory than a few times the file."""
    path = os.path.join(folder, f"{kind}.npz")
    with open(path, "wb") as f:
        f.write(data)
    tracemalloc.start()
    try:
        if kind == "model":
            load_model(path)
        else:
            load_adapter(path, base=load_model(BASE_PATH))
    except MgptError as e:
        message = str(e)
        assert "\n" not in message and message.startswith(path), message
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak <= 6 * len(data) + 2**22, f"{peak:,} bytes traced for a {len(data):,}-byte file"


@st.composite
def hostile_corpora(draw):
    kind = draw(st.sampled_from(["bytes", "utf8-cut", "nul", "long-line", "bos-like", "line-ends", "text"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "utf8-cut":
        text = draw(st.text(min_size=1, max_size=60)).encode("utf-8")
        return text[:draw(st.integers(0, len(text)))] + draw(st.sampled_from([b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98"]))
    if kind == "nul":
        return b"abc\x00def\n"
    if kind == "long-line":
        return b"x" * draw(st.integers(10**5, 2 * 10**6)) + b"\n"
    if kind == "bos-like":
        return ("<BOS>" * draw(st.integers(1, 50)) + "\n").encode("utf-8")
    if kind == "line-ends":
        parts = draw(st.lists(st.sampled_from(["ab", "\r\n", "\r", "\n", "cd", "\t"]), max_size=40))
        return "".join(parts).encode("utf-8")
    return draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")


def read_corpus_bytes(data, folder):
    path = os.path.join(folder, "corpus.txt")
    with open(path, "wb") as f:
        f.write(data)
    sources = [Source(path, path)]
    try:
        prepared = prepare(sources, os.path.join(folder, "cache"), progress=False)
    except MgptError as e:
        assert "\n" not in str(e)
        return
    Vocab.checked(prepared.chars)  # what it accepted, a model could be saved and loaded with
    codes = np.array([ord(c) for c in prepared.chars], dtype=np.uint32)
    text = np.frombuffer(read_text(sources).encode("utf-32-le"), dtype=np.uint32)
    assert np.array_equal(codes[prepared.tokens], text)  # the prepared ids are the text as read


@st.composite
def hostile_documents(draw):
    suffix = draw(st.sampled_from([".md", ".txt", ".html", ".htm", ".pdf"]))
    if suffix == ".pdf" and draw(st.booleans()):
        head = b"%PDF-1." + draw(st.sampled_from([b"4", b"7", b"x"])) + b"\n"
        return suffix, head + draw(st.binary(max_size=300))
    if suffix in (".html", ".htm") and draw(st.booleans()):
        tags = draw(st.lists(st.sampled_from(["<p>", "</p>", "<table>", "<tr>", "<td>", "<h2>", "<ul><li>",
                                              "<script>", "</div>", "<!--", "<br>", "&amp;", "x", "€"]), max_size=40))
        return suffix, "".join(tags).encode("utf-8")
    return suffix, draw(st.binary(max_size=300))


def read_document_bytes(suffix, data, folder):
    from mgpt.retrieval.chunking import chunk_text
    from mgpt.retrieval.sources import read_document

    path = os.path.join(folder, "doc" + suffix)
    with open(path, "wb") as f:
        f.write(data)
    try:
        document = read_document(path, path)
    except ValueError:
        return  # skipped by name, as index does
    for _, text in document.pages:
        chunk_text(text)


@st.composite
def hostile_logs(draw):
    """Training logs (mgpt train --log) gone wrong: bad JSON, wrong types, no losses, huge numbers."""
    record = st.fixed_dictionaries({}, optional={
        "event": st.sampled_from(["step", "eval", "other", 3, None]),
        "step": st.one_of(st.integers(-5, 2**40), st.floats(allow_nan=True), st.text(max_size=3), st.none()),
        "loss": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=3), st.none()),
        "lr": st.one_of(st.floats(allow_nan=True), st.none()),
        "val_loss": st.one_of(st.floats(allow_nan=True), st.none(), st.booleans()),
        "train_loss": st.one_of(st.floats(allow_nan=True), st.none()),
        "tokens": st.one_of(st.integers(-1, 2**62), st.none()),
        "elapsed_s": st.one_of(st.floats(allow_nan=True), st.none())})
    lines = draw(st.lists(st.one_of(record.map(json.dumps), st.text(max_size=30), st.just("[1, 2]"),
                                    st.just("{\"event\": \"step\", \"step\": 1, \"loss\": 2.5}")), max_size=12))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def plot_log_bytes(data, folder):
    """The property: a picture is written, or MgptError says why and nothing is written."""
    from mgpt.plot import loss_figure, read_run, save_figure

    log = os.path.join(folder, "log.jsonl")
    out = os.path.join(folder, "out.png")
    if os.path.exists(out):
        os.unlink(out)
    with open(log, "wb") as f:
        f.write(data)
    try:
        save_figure(loss_figure([read_run(log, "run")], "step", size=(200, 150)), out)
    except MgptError as e:
        assert "\n" not in str(e) and not os.path.exists(out), str(e)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers(-2**64, 2**64) | st.floats(allow_nan=False)
                           | st.text(max_size=30), lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
COMPLETION_FIELDS = ("prompt", "max_tokens", "temperature", "top_p", "top_k", "n", "seed", "stop", "stream", "model")
ASK_FIELDS = ("question", "k", "retrieval", "source", "min_confidence", "max_tokens")
CHAT_FIELDS = ("messages", "model", "max_tokens", "temperature", "top_p", "n", "seed", "stop", "stream")
FIELDS = {"/v1/completions": COMPLETION_FIELDS, "/v1/ask": ASK_FIELDS, "/v1/chat/completions": CHAT_FIELDS}
MESSAGES = st.lists(st.dictionaries(st.sampled_from(["role", "content", "name"]),
                                    st.sampled_from(["user", "assistant", "system", "tool"]) | st.text(max_size=12)
                                    | JSON_VALUES, max_size=3), max_size=3)


@st.composite
def hostile_requests(draw):
    """(path, body bytes): request bodies of mgpt serve, from plausible to garbage."""
    path = draw(st.sampled_from(sorted(FIELDS)))
    fields = FIELDS[path]
    kind = draw(st.sampled_from(["fields", "fields", "json", "bytes"]))
    if kind == "bytes":
        return path, draw(st.binary(max_size=200))
    if kind == "json":
        return path, json.dumps(draw(JSON_VALUES)).encode()
    body = draw(st.dictionaries(st.sampled_from(fields), JSON_VALUES, max_size=len(fields)))
    if path == "/v1/completions" and draw(st.booleans()):
        body["prompt"] = draw(st.text(max_size=20))
    if path == "/v1/chat/completions" and draw(st.booleans()):
        body["messages"] = draw(MESSAGES)
    return path, json.dumps(body).encode()


def serve_client():
    """An in-process client of the app over the small model (stream mode, vocabulary 'abc \\n')."""
    from fastapi.testclient import TestClient

    from mgpt.serve.app import create_app
    from mgpt.serve.models import Models
    from mgpt.serve.service import Service, Settings

    client = TestClient(create_app(Service(Models(load_model(BASE_PATH)), Settings(max_tokens_cap=16, queue=4))))
    client.__enter__()
    return client


def post_request(client, path, body):
    """The property: never a 5xx, and every error is the JSON error shape."""
    r = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert r.status_code < 500, (r.status_code, r.text[:300])
    if r.status_code >= 400:
        assert isinstance(r.json()["error"]["message"], str), r.text[:300]
