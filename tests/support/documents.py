"""What mgpt reads of a document, and a base's questions, for the tests that check hand-written bases."""

import importlib.util
import json

import pytest

from mgpt.retrieval.formats import READERS

# the libraries mgpt reads these formats with (the rag extra)
NEEDS = {".html": "bs4", ".htm": "bs4", ".pdf": "pypdf"}


def document_texts(path):
    """The texts an answer may come from, whitespace collapsed: the whole file for plain text and
    Markdown (as they are indexed), each page of what mgpt extracts for HTML and PDF (a chunk
    never spans two pages)."""
    suffix = path.suffix.lower()
    if suffix not in NEEDS:
        return [" ".join(path.read_text(encoding="utf-8").split())]
    if importlib.util.find_spec(NEEDS[suffix]) is None:
        pytest.skip(f"reading {suffix} needs {NEEDS[suffix]} (the rag extra: pip install -e '.[rag]')")
    return [" ".join(text.split()) for _, text in READERS[suffix](path.read_bytes())]


def base_questions(root, name):
    """The questions of base `name`: root/NAME.jsonl, one JSON object a line."""
    return [json.loads(line) for line in (root / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line]
