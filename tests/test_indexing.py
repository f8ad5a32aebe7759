"""`mgpt index` at size and in other formats: HTML and PDF (made here, PDF with fpdf2), bad
files skipped by name, an interrupted or killed run finished by the next one, memory that does
not grow with the collection. Real Milvus Lite, no mocks; skipped without the rag extra.
"""

import importlib.util
import json
import signal
import subprocess
import sys
import time
import tracemalloc

import pytest

from support.cli import assert_ok
from support.rag import ENV, hits, index_json, mgpt_run, needs_milvus

HAVE_FPDF = importlib.util.find_spec("fpdf") is not None


def make_pdf(path, pages):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 8, text)
        else:
            pdf.rect(20, 20, 60, 40)  # a page with a drawing and no text
    pdf.output(str(path))


HTML = """<!doctype html><html><head><title>Aster</title><style>p { color: red }</style>
<script>var tracking = "SCRIPT-TEXT";</script></head><body>
<nav><a href="/">Home</a> NAV-TEXT</nav>
<h1>Aster 700 blender</h1>
<p>The Aster 700 holds <b>1.8 litres</b> and crushes ice in ten seconds.</p>
<ul><li>Power: 900 W</li><li>Weight: 3.2 kg</li></ul>
<table><tr><th>Model</th><th>Price</th></tr><tr><td>Aster 500</td><td>€89</td></tr></table>
<footer>FOOTER-TEXT © 2025</footer></body></html>"""


@needs_milvus
@pytest.mark.skipif(not HAVE_FPDF, reason="fpdf2 not installed (the test extra brings it)")
def test_html_and_pdf_are_read_and_pdf_pages_are_cited(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "aster.html").write_text(HTML)
    make_pdf(docs / "manual.pdf", ["Getting started. Rinse the jug before first use.",
                                   "Warranty. The motor of the Aster 700 is covered for five years."])
    result = index_json("docs", "--db", "kb.db", cwd=tmp_path)
    assert result["files"] == 2 and result["skipped"] == 0
    rows = hits(mgpt_run("retrieve", "Aster 700", "--db", "kb.db", "-k", "20", "--json", cwd=tmp_path))
    texts = " ".join(h["text"] for h in rows)
    for hidden in ("SCRIPT-TEXT", "NAV-TEXT", "FOOTER-TEXT", "color: red"):
        assert hidden not in texts
    assert "Aster 700 blender. The Aster 700 holds 1.8 litres and crushes ice in ten seconds." in texts
    assert "Model: Aster 500; Price: €89." in texts  # the HTML table became a row that names its cells
    top = hits(mgpt_run("retrieve", "How long is the motor warranty?", "--db", "kb.db", "-k", "1", "--json",
                        cwd=tmp_path))[0]
    assert "five years" in top["text"] and top["page"] == 2 and top["source"] == "docs/manual.pdf p. 2"
    shown = assert_ok(mgpt_run("retrieve", "motor warranty", "--db", "kb.db", "-k", "1", cwd=tmp_path)).stdout
    assert "docs/manual.pdf p. 2 #2" in shown


@needs_milvus
@pytest.mark.skipif(not HAVE_FPDF, reason="fpdf2 not installed (the test extra brings it)")
def test_unreadable_pdf_and_html_are_skipped_by_name(tmp_path):
    from pypdf import PdfWriter

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.md").write_text("The shop opens at nine.\n")
    make_pdf(docs / "scan.pdf", [""])  # no text layer
    make_pdf(tmp_path / "plain.pdf", ["Secret text."])
    writer = PdfWriter(clone_from=str(tmp_path / "plain.pdf"))
    writer.encrypt("secret")
    writer.write(str(docs / "locked.pdf"))
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    (docs / "empty.html").write_text("<html><head><script>x()</script></head><body>  </body></html>")
    r = assert_ok(mgpt_run("index", "docs", "--db", "kb.db", "--json", cwd=tmp_path))
    assert json.loads(r.stdout)["files"] == 1
    warnings = r.stderr.splitlines()
    assert len(warnings) == 4 and all(w.startswith("mgpt: warning: skipped docs/") for w in warnings), r.stderr
    for name, why in (("scan.pdf", "without a text layer"), ("locked.pdf", "encrypted"),
                      ("broken.pdf", "not a readable PDF"), ("empty.html", "no visible text")):
        assert any(name in w and why in w for w in warnings), (name, r.stderr)


def write_many(folder, files, paragraphs=4):
    folder.mkdir(exist_ok=True)
    for i in range(files):
        body = "\n\n".join(f"Paragraph {p} of note {i}: the part number {i * 10 + p} fits model {i % 7} "
                           f"and ships within {p + 1} days from the warehouse in town {i % 13}." for p in range(paragraphs))
        (folder / f"note{i:04d}.md").write_text(f"# Note {i}\n\n{body}\n")


def collection_rows(tmp_path, db):
    code = ("import json, sys\nfrom mgpt.retrieval.store import Location, opened\n"
            f"with opened(Location(db={str(db)!r})) as s:\n    s.load()\n"
            "    rows = sorted((r['id'], r['source'], r['position'], r['file_hash'], r['text']) "
            "for r in s._rows('id != \"\"', ['id', 'source', 'position', 'file_hash', 'text']))\n"
            "print(json.dumps(rows))\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=ENV, timeout=120)
    assert_ok(r)
    return json.loads(r.stdout)


@needs_milvus
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL])
def test_a_stopped_index_is_finished_by_the_next_run(tmp_path, how):
    """Stopped at any moment (Ctrl-C between batches, or killed outright), the next run leaves
    the collection exactly as one uninterrupted run does."""
    write_many(tmp_path / "docs", 120)
    index_json("docs", "--db", "clean.db", cwd=tmp_path)
    clean = collection_rows(tmp_path, tmp_path / "clean.db")
    proc = subprocess.Popen([sys.executable, "-m", "mgpt", "index", "docs", "--db", "kb.db"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    deadline = time.monotonic() + 60
    while not (tmp_path / "kb.db").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(2.0)  # somewhere in the run: before, during or after the writes
    proc.send_signal(how)
    out, err = proc.communicate(timeout=120)
    if how == signal.SIGINT and proc.returncode == 130:
        assert "interrupted: wrote" in err and "run the same command again" in err
    else:
        assert proc.returncode in (0, -how, 128 + how), (proc.returncode, err)
    again = index_json("docs", "--db", "kb.db", cwd=tmp_path)
    assert again["total"] == len(clean)
    assert collection_rows(tmp_path, tmp_path / "kb.db") == clean


class CountingStore:
    """Takes the rows index_files writes and keeps only their number: what is measured is then mgpt's
    own memory (Milvus Lite runs in the indexing process, and its flush alone peaks above 100 MB)."""

    def __init__(self):
        self.rows = 0

    def file_digests(self):
        return {}

    def source_ids(self, source):
        return set()

    def upsert(self, rows):
        self.rows += len(rows)

    def delete(self, ids):
        pass

    def flush(self):
        pass


def traced_index(folder):
    """Chunks indexed and the peak of what Python and NumPy allocated while indexing them."""
    from mgpt.retrieval.embedding import HashedNgramEmbedder
    from mgpt.retrieval.indexing import index_files
    from mgpt.retrieval.sources import find_files

    files, folders = find_files([str(folder)])
    store, embedder = CountingStore(), HashedNgramEmbedder(1024)
    tracemalloc.start()
    try:
        counts = index_files(store, embedder, files, folders, 180, 32)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    assert counts.chunks == store.rows
    return {"chunks": counts.chunks, "peak_mb": peak}


def test_index_memory_does_not_grow_with_the_collection(tmp_path):
    write_many(tmp_path / "small", 100)
    write_many(tmp_path / "large", 1000)
    small = traced_index(tmp_path / "small")
    large = traced_index(tmp_path / "large")
    assert (small["chunks"], large["chunks"]) == (400, 4000)
    # 10x the chunks: files are read one at a time and rows embedded in batches of the same size,
    # so the peak stays where it was (reading everything first, as before, grew it tenfold)
    assert large["peak_mb"] < small["peak_mb"] * 1.5 + 2, (small, large)


# `mgpt ARGS`, then its own peak RSS (VmHWM: this process's memory since exec) on stderr. wait4's
# ru_maxrss would not do: it keeps the RSS of the forking parent (pytest, with torch loaded in CI)
REPORTING_PEAK = """import atexit, sys
def report():
    with open("/proc/self/status") as f:
        peak = [line.split()[1] for line in f if line.startswith("VmHWM:")]
    sys.stderr.write(f"peak-kb {peak[0]}\\n")
atexit.register(report)
from mgpt.cli import cli
cli.main(sys.argv[1:], prog_name="mgpt")
"""


def index_peak_rss_mb(folder, uri, collection):
    """Chunks indexed and the peak RSS of the `mgpt index` process."""
    r = subprocess.run([sys.executable, "-c", REPORTING_PEAK, "index", str(folder), "--uri", uri, "--collection",
                        collection, "-q", "--json"], capture_output=True, text=True, env=ENV, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    (peak,) = [line.split()[1] for line in r.stderr.splitlines() if line.startswith("peak-kb ")]
    return json.loads(r.stdout)["total"], int(peak) / 1024


@needs_milvus
def test_index_process_peak_rss_is_bounded(tmp_path, milvus_server):
    """Against a server in its own process, so that the indexing process's RSS is mgpt's alone."""
    write_many(tmp_path / "small", 100)
    write_many(tmp_path / "large", 1000)
    small = index_peak_rss_mb(tmp_path / "small", milvus_server["uri"], "rss_small")
    large = index_peak_rss_mb(tmp_path / "large", milvus_server["uri"], "rss_large")
    assert (small[0], large[0]) == (400, 4000)
    # the bar is 500 MB at any size; 10x the chunks must not move the peak by more than noise
    assert large[1] < 500 and large[1] < small[1] + 25, (small, large)


def test_an_html_faq_entry_keeps_its_question():
    """<details><summary>question</summary>answer</details>, as help centres write FAQs: one block that the
    question opens, so every chunk of the answer is named by it (it was run into the entries around it)."""
    pytest.importorskip("bs4")
    from mgpt.retrieval.chunking import chunk_text
    from mgpt.retrieval.formats import read_html

    page = ("<h2>Orders</h2><details><summary>Can I change my order?</summary><p>Yes, within two hours of "
            "ordering.</p><p>Write to orders@example.com and quote your order number.</p></details>"
            "<details><summary>Do you ship abroad?</summary><p>Only within the EU.</p></details>")
    text = read_html(page.encode())[0][1]
    assert "Can I change my order?\nYes, within two hours of ordering. Write to orders@example.com" in text
    chunks = chunk_text(text, chunk_size=60, overlap=10)
    assert any(c.startswith("Do you ship abroad?") and "Only within the EU." in c for c in chunks)
    assert all(c.startswith("Can I change my order?") for c in chunks if "orders@example.com" in c)
