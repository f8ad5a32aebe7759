"""The hand-written bases that measure the reader (corpora/readerkb): every accepted answer is a
verbatim span of the file the question names, as mgpt reads it (exact match could never be
reached otherwise), and each base holds the questions its docs promise. HTML and PDF sources are
read through mgpt's own readers (retrieval/formats.py), so an answer that only the page's
navigation, footer or form holds, or that a PDF page break cuts in two, fails here."""

import importlib.util
from pathlib import Path

import pytest

from support.documents import base_questions, document_texts

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO / "corpora" / "readerkb"
BASES = sorted(p.stem for p in ROOT.glob("*.jsonl") if (ROOT / p.stem).is_dir())
HELD_OUT = ["manual", "specs", "faq", "helpcentre", "pdfmanual"]


def test_the_bases_are_there():
    assert {"manual", "specs", "faq", "dev", "dev2", "dev3", "dev4", "dev5", "helpcentre", "pdfmanual"} <= set(BASES)


@pytest.mark.parametrize("name", BASES)
def test_answers_are_spans_of_their_source(name):
    texts = {}
    for q in base_questions(ROOT, name):
        assert q["question"].strip() and isinstance(q["answers"], list)
        if not q["answers"]:  # unanswerable: no file states it
            continue
        if q["source"] not in texts:
            texts[q["source"]] = document_texts(ROOT / name / q["source"])
        for answer in q["answers"]:
            answer = " ".join(answer.split())
            assert any(answer in text for text in texts[q["source"]]), (name, q["question"], answer)


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_bases_have_enough_questions(name):
    """The issue's floor for a held-out base: 30 answerable and 10 unanswerable questions."""
    questions = base_questions(ROOT, name)
    assert sum(bool(q["answers"]) for q in questions) >= 30
    assert sum(not q["answers"] for q in questions) >= 10


@pytest.mark.parametrize("name, answerable, unanswerable", [("dev4", 40, 12), ("dev5", 35, 12)])
def test_the_later_development_bases_have_enough_questions(name, answerable, unanswerable):
    """dev4 (an HTML help centre) and dev5 (a PDF manual and a quick start) were written to give
    the development choices more questions in the forms the reader does worst on."""
    questions = base_questions(ROOT, name)
    assert sum(bool(q["answers"]) for q in questions) >= answerable
    assert sum(not q["answers"] for q in questions) >= unanswerable


@pytest.mark.parametrize("base, script_name, files", [("pdfmanual", "make_pdfmanual", ["manual.pdf"]),
                                                       ("dev5", "make_dev5", ["manual.pdf", "quickstart.md"])])
def test_each_pdf_manual_is_its_source_rendered(tmp_path, base, script_name, files):
    """scripts/make_pdfmanual.py and make_dev5.py render their sources into exactly the committed
    PDFs, and each base's folder (indexed as it is) holds nothing else."""
    assert sorted(p.name for p in (ROOT / base).iterdir()) == files
    if importlib.util.find_spec("fpdf") is None:
        pytest.skip("fpdf2 not installed (the test extra brings it)")
    import fpdf

    script = importlib.import_module(script_name)
    if fpdf.__version__ != script.FPDF_VERSION:
        pytest.skip(f"fpdf2 {fpdf.__version__} writes other bytes than {script.FPDF_VERSION}, which made the PDF")
    out = tmp_path / "manual.pdf"
    assert script.render(out) >= 4
    assert out.read_bytes() == (ROOT / base / "manual.pdf").read_bytes(), \
        f"the PDF is not its source rendered: run python scripts/{script_name}.py"
