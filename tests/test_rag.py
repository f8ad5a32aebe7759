"""`mgpt index`, `retrieve` and `ask` against real Milvus: Milvus Lite in a temporary folder,
and a `milvus-lite server` on 127.0.0.1 for the --uri path. No mocks.

These tests need the `rag` extra (pymilvus, milvus-lite); `make test` installs it. Without it
they are skipped, saying so; the import test at the top runs either way.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from mgpt.errors import MgptError

from support.cli import TINY, assert_ok, assert_user_error
from support.rag import (DOCS, ENV, counts, free_port, hits, imported_modules, index_json, mgpt_run, needs_milvus,
                         write_docs)


# --- pymilvus is never imported by the rest of mgpt -------------------------------------

def test_help_train_and_sample_never_import_pymilvus(tmp_path):
    (tmp_path / "names.txt").write_text("anna\nbob\ncarla\ndora\nemma\nfiona\n")
    runs = {
        "--help": ["--help"],
        "index --help": ["index", "--help"],
        "train": ["train", "names.txt", "-o", "m.npz", *TINY, "--steps", "3", "--eval-every", "3",
                  "--batch-size", "2", "--eval-iters", "1", "-q"],
        "sample": ["sample", "--ckpt", "m.npz", "-n", "2"],
    }
    for what, args in runs.items():
        modules = imported_modules(*args, cwd=tmp_path)
        assert "mgpt.cli" in modules, what  # importtime did report the imports
        heavy = sorted(m for m in modules if m.split(".")[0] in ("pymilvus", "milvus_lite", "grpc", "pandas"))
        assert not heavy, f"`mgpt {what}` imported {heavy[:5]}"


# --- the library parts that need no Milvus ------------------------------------------------

def test_chunks_follow_sections_then_size():
    from mgpt.retrieval.chunking import chunk_text

    text = "# Tents\n\nKestrel 2 tent.\nprice:   349 EUR.\n\n\nSecond paragraph.\n\nSecond paragraph.\n"
    # the heading names every chunk of its section; a repeated chunk is kept once
    assert chunk_text(text) == ["Tents. Kestrel 2 tent. price: 349 EUR.", "Tents. Second paragraph."]
    long = " ".join(f"w{i:03d}" for i in range(100))  # 499 characters, one sentence
    pieces = chunk_text(long, chunk_size=100, overlap=20)
    assert all(len(p) <= 100 for p in pieces) and pieces[0].startswith("w000") and pieces[-1].endswith("w099")
    for a, b in zip(pieces, pieces[1:]):  # each piece repeats the end of the one before
        assert b.split()[0] in a.split() and len(set(a.split()) & set(b.split())) >= 3
    assert set(" ".join(pieces).split()) == set(long.split())


def test_prose_is_cut_between_sentences_and_keeps_its_heading():
    from mgpt.retrieval.chunking import chunk_text

    sentences = [f"Sentence number {i} says something about the kettle." for i in range(6)]
    chunks = chunk_text("## Aster kettle\n\n" + " ".join(sentences), chunk_size=130)
    assert len(chunks) == 3 and all(c.startswith("Aster kettle. Sentence number") for c in chunks)
    assert " ".join(c.removeprefix("Aster kettle. ") for c in chunks) == " ".join(sentences)


def test_tables_become_rows_that_name_their_cells():
    from mgpt.retrieval.chunking import chunk_text

    text = ("## Blenders\n\n| Model | Price | Jug |\n|---|:---:|---|\n| **Aster 500** | €89 | 1.5 l |\n"
            "| Aster 700 | – | 1.8 l |\n| Aster 900 | £120 | |\n")
    assert chunk_text(text, chunk_size=60) == [
        "Blenders. Model: Aster 500; Price: €89; Jug: 1.5 l.",
        "Blenders. Model: Aster 700; Price: –; Jug: 1.8 l.",
        "Blenders. Model: Aster 900; Price: £120."]


def test_lists_pack_by_item_and_faq_answers_keep_their_question():
    from mgpt.retrieval.chunking import chunk_text

    items = "\n".join(f"- Item {i}: {i} kg" for i in range(8))
    chunks = chunk_text("# Specs\n\n" + items, chunk_size=50)
    assert all(c.startswith("Specs. - Item") and len(c) <= 50 for c in chunks)
    assert " ".join(c.removeprefix("Specs. ") for c in chunks) == items.replace("\n", " ")
    faq = ("# FAQ\n\n**Q: How long does delivery take?**\nThree to five working days in Germany. "
           "Orders to Austria take a day longer. Orders to Switzerland take two days longer.\n")
    chunks = chunk_text(faq, chunk_size=100)
    assert len(chunks) == 3 and all(c.startswith("Q: How long does delivery take? ") for c in chunks)


def test_record_blocks_are_cut_by_line_and_keep_their_name():
    from mgpt.retrieval.chunking import chunk_text

    record = ["config = 10S4P", "weight = 2.45 kg", "list_price = EUR 549,00 net / EUR 653,31 gross",
              "lead_time: 3–5 BD (EU), 10 BD (UK)"]
    text = "# Battery packs\n\n[KA-400 frame pack]\n" + "\n".join(record) + "\n"
    chunks = chunk_text(text, chunk_size=70)
    # the bracketed line names every chunk of its record, and no record line is cut in two
    assert len(chunks) == 3 and all(c.startswith("KA-400 frame pack. ") for c in chunks)
    assert " ".join(c.removeprefix("KA-400 frame pack. ") for c in chunks) == " ".join(record)
    # a list of `key: value` items is not named by its first item
    items = "## Yuki\n\n- Price (incl. VAT): 5 290 kr\n* Colors: grey\n* Weight: 2 kg\n"
    assert chunk_text(items, chunk_size=40) == ["Yuki. - Price (incl. VAT): 5 290 kr", "Yuki. * Colors: grey * Weight: 2 kg"]


def test_index_counts_and_writes_only_what_changed(tmp_path):
    from mgpt.retrieval.indexing import Counts, document_chunks, file_digest
    from mgpt.retrieval.sources import Document

    doc = Document("/kb/a.md", "a.md", [(0, "one\n\ntwo\n\nthree\n")], "sha-a")
    chunks = document_chunks(doc, 160, 32)
    assert [(c[1], c[3]) for c in chunks] == [(0, "one"), (1, "two"), (2, "three")]
    counts = Counts()
    assert counts.compare({c[0] for c in chunks}, set()) == [] and (counts.added, counts.chunks) == (3, 3)
    edited = Document("/kb/a.md", "a.md", [(0, "zero\n\none\n\nTWO\n")], "sha-b")
    new = {c[0] for c in document_chunks(edited, 160, 32)}
    counts = Counts()
    gone = counts.compare(new, {c[0] for c in chunks})
    assert (counts.added, counts.replaced, counts.removed, counts.unchanged) == (0, 2, 0, 1) and len(gone) == 2
    # the digest names the bytes and the chunking: another chunk size is another digest
    assert file_digest(doc, 160, 32) == file_digest(doc, 160, 32) != file_digest(doc, 200, 32)
    assert file_digest(doc, 160, 32) != file_digest(edited, 160, 32)
    pages = Document("/kb/m.pdf", "m.pdf", [(1, "Page one."), (2, "Page two.")], "sha-c")
    assert [(c[1], c[2]) for c in document_chunks(pages, 160, 32)] == [(0, 1), (1, 2)]


def test_prompt_keeps_the_best_chunks_that_fit():
    from mgpt.retrieval.prompt import QUESTION_AROUND, fit_context, format_prompt

    chunks = ["a" * 40, "b" * 200, "c" * 20]
    kept, prompt, texts = fit_context(chunks, "Why?", 128, 16)
    assert kept == [0, 2] and texts == [chunks[0], chunks[2]] and prompt == format_prompt(texts, "Why?")
    assert len(prompt) <= 128 - 1 - 16
    kept, prompt, texts = fit_context(["word " * 60], "Why?", 128, 16)
    assert kept == [0] and len(prompt) <= 111 and prompt.startswith("C: word word")
    assert texts[0].startswith("word word") and len(texts[0]) < len("word " * 60) and texts[0] in prompt
    # the question twice costs its length twice: the middle chunk that fitted above no longer does
    question = "Why?" * 6
    assert fit_context(["a" * 40, "c" * 20], question, 128, 16)[0] == [0, 1]
    kept, prompt, texts = fit_context(["a" * 40, "c" * 20], question, 128, 16, QUESTION_AROUND)
    assert kept == [0] and prompt == f"Q: {question} C: {'a' * 40} Q: {question} A: " and len(prompt) <= 111
    # the error says how long a question may be: 111 characters less the template's 11 (15 with the
    # question twice, which counts twice)
    for template, longest in (("context-first", 100), (QUESTION_AROUND, 48)):
        fit_context([], "q" * longest, 128, 16, template)
        with pytest.raises(MgptError, match=f"the question is {longest + 1} characters; .* at most {longest} with 16"):
            fit_context([], "q" * (longest + 1), 128, 16, template)


def test_both_templates_split_back_into_context_and_question():
    from mgpt.retrieval.prompt import TEMPLATES, format_prompt, split_prompt, template_of

    for template in TEMPLATES:
        for chunks, question in [(["one. Q: two", "three C: four"], "what C: is it?"), ([], "Why?")]:
            prompt = format_prompt(chunks, question, template)
            assert split_prompt(prompt) == (" | ".join(chunks), question)
            assert split_prompt(prompt + "an answer") == (" | ".join(chunks), question)

    class Named:
        def __init__(self, state):
            self.state = state

    assert template_of(Named({})) == "context-first"  # models trained before the template had a name
    assert template_of(Named({"prompt_template": "question-around"})) == "question-around"
    with pytest.raises(MgptError, match="unknown prompt template 'sideways'"):
        template_of(Named({"prompt_template": "sideways"}))


def test_ask_feeds_the_model_the_retrieved_context(rag_model):
    """The reader reads what ask retrieved: the ids of its first forward pass are BOS and the prompt,
    context included (watched on the real model, whose output is returned unchanged)."""
    from mgpt.checkpoint import load_model
    from mgpt.retrieval.answer import answer_question

    ck = load_model(str(rag_model))
    fed, forward_cached = [], ck.model.forward_cached

    def watched(idx, kv):
        fed.append(idx.copy())
        return forward_cached(idx, kv)

    ck.model.forward_cached = watched
    chunk = "Kestrel 2 tent. price: 349 EUR; weight: 2.4 kg."
    hits = [{"id": "x", "text": chunk, "source": "/kb/tents.md", "page": 0, "position": 0, "score": 1.0}]
    result = answer_question(ck, "What is the price of the Kestrel 2 tent?", hits, max_new_tokens=8, min_confidence=0)
    assert chunk in result["prompt"]
    first = fed[0][0].tolist()
    assert first[0] == ck.vocab.bos and ck.vocab.decode(first[1:]) == result["prompt"]


def test_ask_refuses_a_question_with_unseen_characters(tmp_path, rag_model):
    assert_user_error(mgpt_run("ask", "Wie viel kostet ¿das Zelt?", "--ckpt", rag_model, "--no-retrieval", cwd=tmp_path),
                      "question", "'¿'")


# --- fixtures -----------------------------------------------------------------------------

@pytest.fixture
def work(tmp_path, indexed):
    """A fresh copy of kb.db; its chunks' sources stay the documents in `indexed`."""
    shutil.copytree(indexed / "kb.db", tmp_path / "kb.db")
    return tmp_path


# --- Milvus Lite: index, retrieve, ask ----------------------------------------------------

@needs_milvus
def test_retrieve_finds_the_chunk(work, indexed):
    top = hits(mgpt_run("retrieve", "What is the boil time of the Ember stove?", "--db", "kb.db", "-k", "2",
                        "--json", cwd=work))
    assert len(top) == 2 and [h["rank"] for h in top] == [1, 2]
    assert "boil time: 3.5 minutes" in top[0]["text"] and top[0]["source"].endswith("stoves.md")
    assert top[0]["score"] >= top[1]["score"] and len(top[0]["id"]) == 32
    r = assert_ok(mgpt_run("retrieve", "returns window", "--db", work / "kb.db", "-k", "1", cwd=indexed))
    assert r.stdout.splitlines()[0].split()[2] == os.path.join("docs", "faq", "returns.txt")  # relative to cwd
    assert "The returns window is 30 days." in r.stdout and r.stderr == ""


@needs_milvus
def test_ask_answers_on_stdout_with_sources_on_stderr(work, rag_model):
    q = "What is the price of the Kestrel 2 tent?"
    args = ["ask", q, "--ckpt", rag_model, "--db", "kb.db", "-k", "3", "--max-new-tokens", "8", "--min-confidence", "0"]
    r = assert_ok(mgpt_run(*args, cwd=work))
    assert len(r.stdout.splitlines()) == 1
    looked = [line for line in r.stderr.splitlines() if line.startswith("mgpt: looked at ")]
    assert len(looked) == 3 and "tents.md" in looked[0]
    result = json.loads(assert_ok(mgpt_run(*args, "--json", cwd=work)).stdout)
    assert result["question"] == q and r.stdout.strip() == (result["answer"] or "The documents do not say.")
    assert result["prompt"].startswith("C: ") and result["prompt"].endswith(f" Q: {q} A: ")
    assert "price: 349 EUR" in result["prompt"]  # the best chunk made it into the prompt
    assert len(result["prompt"]) <= 192 - 1 - 8  # and the prompt fits the block with room for the answer
    used = [s for s in result["sources"] if s["in_prompt"]]
    assert used and used[0]["rank"] == 1 and all(s["text"] in result["prompt"] for s in used)
    cited = [s for s in result["sources"] if "span" in s]
    if result["abstained"]:  # a 5-step model may well choose the empty answer
        assert result["answer"] is None and not cited and result["model_answer"] == ""
    else:  # whatever it chose is a span of a chunk in the prompt, and says which
        (source,) = cited
        start, end = source["span"]
        assert source["in_prompt"] and source["text"][start:end] == result["answer"]
        (line,) = [line for line in r.stderr.splitlines() if line.startswith("mgpt: source: ")]
        assert line.endswith(f"{os.path.basename(source['source'])} #{source['position'] + 1}, characters {start}-{end}")
    bare = json.loads(assert_ok(mgpt_run("ask", q, "--ckpt", rag_model, "--no-retrieval", "--json",
                                         "--max-new-tokens", "8", cwd=work)).stdout)
    assert bare["prompt"] == f"C:  Q: {q} A: " and bare["sources"] == []
    assert bare["abstained"] and bare["answer"] is None  # nothing to copy from: the only answer is none


# `mgpt index ARGS` with the store's writing methods watched: each call is recorded (method,
# number of rows) in writes.json, then made as usual
WATCHED_INDEX = """import json, sys
from mgpt.cli import cli
from mgpt.retrieval.store import Store

writes = []
for method in ("create", "upsert", "delete", "drop"):
    def watched(self, *args, _method=method, _real=getattr(Store, method)):
        writes.append([_method, len(args[0]) if _method in ("upsert", "delete") else None])
        return _real(self, *args)
    setattr(Store, method, watched)
try:
    cli.main(sys.argv[1:], prog_name="mgpt")
finally:
    json.dump(writes, open("writes.json", "w"))
"""


def watched_index(*args, cwd):
    """(the counts `index --json` prints, the store writes it made)."""
    r = subprocess.run([sys.executable, "-c", WATCHED_INDEX, "index", *map(str, args), "--json"], cwd=cwd,
                       capture_output=True, text=True, env=ENV, timeout=120)
    return counts(r), json.loads((cwd / "writes.json").read_text())


@needs_milvus
def test_reindex_adds_nothing(work, indexed):
    again, writes = watched_index(indexed / "docs", "--db", "kb.db", cwd=work)
    assert (again["added"], again["replaced"], again["removed"], again["unchanged"], again["total"]) == (0, 0, 0, 5, 5)
    assert writes == [], "indexing unchanged files wrote to the store"
    r = assert_ok(mgpt_run("index", indexed / "docs", "--db", "kb.db", cwd=work))
    assert r.stdout.startswith("added 0, replaced 0, removed 0, unchanged 5")
    # the watch does see writes where there are some: a new collection, then an edited file, whose
    # chunks (both of tents.md's, with its new digest) are written again and only those
    shutil.copytree(indexed / "docs", work / "docs")
    first, writes = watched_index("docs", "--db", "fresh.db", cwd=work)
    assert first["added"] == 5 and writes == [["create", None], ["upsert", 5]]
    tents = work / "docs" / "tents.md"
    tents.write_text(tents.read_text().replace("349 EUR", "379 EUR"))
    edited, writes = watched_index("docs", "--db", "fresh.db", cwd=work)
    assert (edited["replaced"], edited["unchanged"]) == (1, 4) and writes == [["upsert", 2], ["delete", 1]]


@needs_milvus
def test_edited_document_replaces_its_chunks(tmp_path):
    work = tmp_path
    write_docs(work / "docs")
    index_json("docs", "--db", "kb.db", cwd=work)
    tents = work / "docs" / "tents.md"
    tents.write_text("# Tents\n\nKestrel 2 tent. price: 379 EUR; weight: 2.4 kg.\n")  # edit one, drop one
    (work / "docs" / "stoves.md").write_text(DOCS["stoves.md"] + "\nEmber stove. warranty: 2 years.\n")
    (work / "docs" / "faq" / "returns.txt").unlink()  # a file gone from the folder loses its chunks
    c = index_json("docs", "--db", "kb.db", cwd=work)
    assert (c["added"], c["replaced"], c["removed"], c["unchanged"], c["total"]) == (1, 1, 2, 2, 4), c
    found = hits(mgpt_run("retrieve", "price of the Kestrel 2 tent", "--db", "kb.db", "-k", "10", "--json", cwd=work))
    texts = [h["text"] for h in found]
    assert len(texts) == 4 and "Tents. Kestrel 2 tent. price: 379 EUR; weight: 2.4 kg." == texts[0]
    assert not any("349 EUR" in t or "moss green" in t or "returns" in t for t in texts)


# --- the server path ----------------------------------------------------------------------

@needs_milvus
def test_index_and_retrieve_through_a_server(tmp_path, milvus_server):
    write_docs(tmp_path / "docs")
    uri = milvus_server["uri"]
    first = index_json("docs", "--uri", uri, "--collection", "support", cwd=tmp_path)
    assert (first["added"], first["total"]) == (5, 5)
    again = index_json("docs", "--uri", uri, "--collection", "support", cwd=tmp_path)
    assert (again["added"], again["unchanged"]) == (0, 5)
    env = {**ENV, "MGPT_MILVUS_URI": uri}  # the URI from the environment works the same
    r = mgpt_run("retrieve", "Ember stove colours", "--collection", "support", "--json", "-k", "1", cwd=tmp_path, env=env)
    assert "colours: copper and black" in hits(r)[0]["text"]


@needs_milvus
def test_a_database_held_by_another_process(tmp_path, milvus_server):
    # the server holds served.db open; Milvus Lite allows one process per database
    for args in (["retrieve", "anything", "--db", milvus_server["db"]],
                 ["index", "docs", "--db", milvus_server["db"]]):
        write_docs(tmp_path / "docs")
        assert_user_error(mgpt_run(*args, cwd=tmp_path, timeout=60), "open in another process")


@needs_milvus
def test_unreachable_uri_fails_fast(tmp_path):
    start = time.monotonic()
    assert_user_error(mgpt_run("retrieve", "x", "--uri", f"http://127.0.0.1:{free_port()}", cwd=tmp_path, timeout=60),
                      "cannot reach Milvus", "127.0.0.1")
    assert time.monotonic() - start < 15


@needs_milvus
def test_a_server_that_never_answers_fails_within_the_timeout(tmp_path):
    with socket.socket() as silent:  # accepts connections (the kernel does), never speaks gRPC
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        start = time.monotonic()
        assert_user_error(mgpt_run("retrieve", "x", "--uri", f"http://127.0.0.1:{silent.getsockname()[1]}",
                                   cwd=tmp_path, timeout=60), "cannot reach Milvus")
        assert time.monotonic() - start < 20


@needs_milvus
@pytest.mark.parametrize("where, said", [({"db": "kb.db"}, "the Milvus Lite database kb.db did not answer in time"),
                                         ({"uri": "http://milvus:19530"}, "Milvus at http://milvus:19530 cannot be reached")])
def test_a_store_that_does_not_answer_in_time_is_worded_for_where_it_is(where, said):
    """A local database that times out (a starved machine) is not a server to start."""
    import grpc
    import pymilvus

    from mgpt.errors import StoreUnavailable
    from mgpt.retrieval.store import Location
    from mgpt.retrieval.store_connection import StoreConnection

    class Late(grpc.RpcError):
        def code(self):
            return grpc.StatusCode.DEADLINE_EXCEEDED

    connection = StoreConnection.__new__(StoreConnection)
    connection._pm, connection.location = pymilvus, Location(**where)
    with pytest.raises(StoreUnavailable, match=f"^{said} \\(searching\\)"):
        with connection._errors("searching"):
            raise Late()


# --- bad input: exit 2, one line ----------------------------------------------------------

@needs_milvus
@pytest.mark.parametrize("command", ["retrieve", "ask"])
def test_missing_database(tmp_path, rag_model, command):
    args = ["retrieve", "q"] if command == "retrieve" else ["ask", "q", "--ckpt", rag_model]
    assert_user_error(mgpt_run(*args, "--db", "nope.db", cwd=tmp_path), "nope.db", "no such database")
    assert not os.path.exists(tmp_path / "nope.db")


@needs_milvus
def test_dimension_and_embedder_mismatch(work, indexed):
    docs = indexed / "docs"
    assert_ok(mgpt_run("index", docs, "--db", "small.db", "--dim", "64", cwd=work))
    assert_user_error(mgpt_run("index", docs, "--db", "small.db", "--dim", "128", cwd=work), "dimension 64", "128")
    assert_user_error(mgpt_run("retrieve", "price", "--db", "small.db", "--dim", "1024", cwd=work), "dimension 64")
    assert_ok(mgpt_run("index", docs, "--db", "small.db", cwd=work))  # no --dim: the collection's own
    # a collection whose vectors came from another embedder
    code = ("import sys; from mgpt.retrieval.store import Location, opened\n"
            "with opened(Location(db='other.db'), create=True) as s: s.create('someone-elses-embedder', 64)")
    assert_ok(subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, env=ENV, timeout=60))
    assert_user_error(mgpt_run("retrieve", "price", "--db", "other.db", cwd=work), "someone-elses-embedder")
    assert_user_error(mgpt_run("index", docs, "--db", "other.db", cwd=work), "someone-elses-embedder")


@needs_milvus
def test_no_indexable_files(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    for folder in ("empty", "pics"):
        assert_user_error(mgpt_run("index", folder, "--db", "kb.db", cwd=tmp_path), "no .txt, .md,", ".pdf files", folder)
    assert_user_error(mgpt_run("index", "missing", "--db", "kb.db", cwd=tmp_path), "missing", "no such file")
    assert not os.path.exists(tmp_path / "kb.db")


@needs_milvus
def test_unreadable_and_binary_files_are_skipped_by_name(tmp_path):
    docs = write_docs(tmp_path / "docs")
    (docs / "blob.md").write_bytes(b"abc\x00\x01\x02")
    (docs / "latin1.txt").write_bytes(b"caf\xe9\n")
    os.symlink(tmp_path / "nowhere.md", docs / "dangling.md")
    r = assert_ok(mgpt_run("index", "docs", "--db", "kb.db", "--json", cwd=tmp_path))
    assert json.loads(r.stdout)["added"] == 5
    warnings = r.stderr.splitlines()
    assert len(warnings) == 3 and all(w.startswith("mgpt: warning: skipped ") for w in warnings), r.stderr
    for name, why in (("blob.md", "binary"), ("latin1.txt", "UTF-8"), ("dangling.md", "cannot read")):
        assert any(name in w and why in w for w in warnings), (name, r.stderr)
    # nothing but bad files: an error naming them, on one line
    bad = tmp_path / "bad"
    bad.mkdir()
    shutil.move(str(docs / "blob.md"), bad / "blob.md")
    shutil.move(str(docs / "latin1.txt"), bad / "latin1.txt")
    assert_user_error(mgpt_run("index", "bad", "--db", "kb2.db", cwd=tmp_path), "no indexable files", "blob.md",
                      "latin1.txt")


@needs_milvus
def test_store_options_mistakes(tmp_path):
    write_docs(tmp_path / "docs")
    (tmp_path / "plain.db").write_text("not a folder")
    cases = [
        (["index", "docs"], "--db"),
        (["index", "docs", "--db", "kb.db", "--uri", "http://127.0.0.1:1"], "exclude"),
        (["index", "docs", "--db", "kb"], ".db"),
        (["index", "docs", "--db", "plain.db"], "is a file"),
        (["index", "docs", "--db", "no/such/kb.db"], "does not exist"),
        (["index", "docs", "--db", "kb.db", "--collection", "bad-name"], "--collection"),
        (["index", "docs", "--db", "kb.db", "--chunk-size", "100", "--overlap", "60"], "--overlap"),
        (["retrieve", "q", "--db", "kb.db", "-k", "0"], "-k"),
    ]
    for args, needle in cases:
        assert_user_error(mgpt_run(*args, cwd=tmp_path), needle)
    assert not os.path.exists(tmp_path / "kb.db")


# --- hybrid retrieval, schema, placeholders, examples for LoRA ----------------------------

@needs_milvus
def test_each_retrieval_mode_finds_the_chunk(work):
    for mode in ("hybrid", "dense", "bm25"):
        top = hits(mgpt_run("retrieve", "What is the boil time of the Ember stove?", "--db", "kb.db", "-k", "3",
                            "--retrieval", mode, "--json", cwd=work))
        assert "boil time: 3.5 minutes" in top[0]["text"], mode
        assert top[0]["score"] > 0 and top[0]["score"] >= top[-1]["score"], mode
    # BM25 ranks by shared words: a question naming only the colours finds the colours chunk
    top = hits(mgpt_run("retrieve", "copper", "--db", "kb.db", "-k", "1", "--retrieval", "bm25", "--json", cwd=work))
    assert "copper and black" in top[0]["text"]


@needs_milvus
def test_a_collection_of_the_old_schema_is_refused_then_rebuilt(tmp_path):
    docs = write_docs(tmp_path / "docs")
    code = ("from pymilvus import MilvusClient, DataType\n"
            "c = MilvusClient('old.db')\n"
            "s = c.create_schema(auto_id=False, enable_dynamic_field=False)\n"
            "s.add_field('id', DataType.VARCHAR, is_primary=True, max_length=64)\n"
            "s.add_field('vector', DataType.FLOAT_VECTOR, dim=1024)\n"
            "s.add_field('source', DataType.VARCHAR, max_length=4096)\n"
            "s.add_field('position', DataType.INT64)\n"
            "s.add_field('text', DataType.VARCHAR, max_length=65535)\n"
            "i = c.prepare_index_params(); i.add_index(field_name='vector', index_type='FLAT', metric_type='COSINE')\n"
            "c.create_collection('mgpt', schema=s, index_params=i, properties={'mgpt.embedder': "
            "'hashed-char-ngrams-3-5-v1', 'mgpt.dim': '1024', 'mgpt.schema': '1'})\n"
            "c.insert('mgpt', [{'id': 'a', 'vector': [0.5] * 1024, 'source': '/x.md', 'position': 0, 'text': 'old'}])\n")
    assert_ok(subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=ENV,
                             timeout=120))
    for args in (["retrieve", "price", "--db", "old.db"], ["index", "docs", "--db", "old.db"]):
        assert_user_error(mgpt_run(*args, cwd=tmp_path), "schema 1", "--rebuild")
    rebuilt = index_json(docs, "--db", "old.db", "--rebuild", cwd=tmp_path)
    assert (rebuilt["added"], rebuilt["total"]) == (5, 5)  # the old row is gone, the documents are in
    top = hits(mgpt_run("retrieve", "Ember stove colours", "--db", "old.db", "-k", "1", "--json", cwd=tmp_path))
    assert "copper and black" in top[0]["text"]


@needs_milvus
def test_a_vocabulary_with_a_placeholder_reads_any_character(tmp_path, work):
    lines = "C: Ember stove. price: 89 EUR Q: What is the price? A: 89 EUR\n" * 8
    (tmp_path / "lines.txt").write_text(lines)
    assert_ok(mgpt_run("train", "lines.txt", "-o", "latin.npz", "--mode", "docs", "--vocab", "latin",
                       "--answer-after", " A: ", "--n-layer", "1", "--n-embd", "16", "--n-head", "2",
                       "--block-size", "192", "--steps", "3", "--eval-every", "3", "--batch-size", "2",
                       "--eval-iters", "1", "-q", cwd=tmp_path))
    r = assert_ok(mgpt_run("ask", "Was kostet der ☃-Ofen?", "--ckpt", tmp_path / "latin.npz", "--db", "kb.db",
                           "--json", cwd=work))
    assert "question: 1 character(s) the model has no id for read as \ufffd: '☃'" in r.stderr
    assert json.loads(r.stdout)["question"] == "Was kostet der \ufffd-Ofen?"
    r = assert_ok(mgpt_run("sample", "--ckpt", tmp_path / "latin.npz", "--prompt", "☃ C:", "--max-new-tokens", "3",
                           cwd=tmp_path))
    assert r.stdout.startswith("\ufffd C:") and "'☃'" in r.stderr


@needs_milvus
def test_rag_examples_turn_pairs_into_reader_lines(work, rag_model):
    pairs = [{"question": "What is the price of the Kestrel 2 tent?", "answer": "349 EUR"},
             {"question": "When was the Ember stove made?", "answer": None},
             {"question": "What is the price of the Ember stove?", "answer": "ninety euros"}]
    (work / "qa.jsonl").write_text("\n".join(json.dumps(p) for p in pairs) + "\n")
    r = assert_ok(mgpt_run("rag-examples", "qa.jsonl", "--db", "kb.db", "--ckpt", rag_model, "-o", "lines.txt",
                           "--max-new-tokens", "8", cwd=work))
    assert "skipped 'What is the price of the Ember stove?'" in r.stderr and "wrote 2 line(s)" in r.stderr
    first, second = (work / "lines.txt").read_text().splitlines()
    assert first.startswith("C: ") and first.endswith(" Q: What is the price of the Kestrel 2 tent? A: 349 EUR")
    assert "price: 349 EUR" in first.split(" Q: ")[0] and len(first) <= 192 - 1
    assert second.endswith(" Q: When was the Ember stove made? A: ")
    # the lines train an adapter on the model they were made for
    assert_ok(mgpt_run("finetune-lora", "--base", rag_model, "lines.txt", "-o", "a.npz", "--steps", "2",
                       "--eval-every", "2", "--eval-iters", "1", "--batch-size", "2", "--val-fraction", "0", "-q",
                       cwd=work))


@needs_milvus
def test_rag_examples_bad_input(work, rag_model):
    cases = {"bad.jsonl": ('{"question": "a?", "answer": "b"}\nnot json\n', "bad.jsonl:2", "not JSON"),
             "noq.jsonl": ('{"answer": "b"}\n', "noq.jsonl:1", "question"),
             "empty.jsonl": ("\n", "empty.jsonl", "no question/answer pairs"),
             "none.jsonl": ('{"question": "What is it?", "answer": "nowhere to be found"}\n', "none.jsonl",
                            "verbatim")}
    for name, (text, *needles) in cases.items():
        (work / name).write_text(text)
        assert_user_error(mgpt_run("rag-examples", name, "--db", "kb.db", "--ckpt", rag_model, "-o", "out.txt",
                                   cwd=work), *needles)
        assert not (work / "out.txt").exists()


@needs_milvus
def test_a_store_loads_once_and_searches_after_a_release(work):
    from mgpt.retrieval.query import collection_embedder, retrieve
    from mgpt.retrieval.store import Location, opened

    loads = []
    with opened(Location(db=str(work / "kb.db"))) as store:
        real = store.client.load_collection
        store.client.load_collection = lambda name: (loads.append(name), real(name))[1]
        embedder = collection_embedder(store)
        first = [retrieve(store, embedder, "What is the boil time of the Ember stove?", 2, mode) for mode in
                 ("hybrid", "dense", "bm25")]
        assert len(loads) == 1  # one load for every search of this store, not one a question
        store.client.release_collection(store.name)  # as another process rebuilding the index would
        again = [retrieve(store, embedder, "What is the boil time of the Ember stove?", 2, mode) for mode in
                 ("hybrid", "dense", "bm25")]
    assert again == first and "boil time: 3.5 minutes" in first[0][0]["text"]
