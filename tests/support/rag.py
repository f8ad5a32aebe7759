"""`mgpt index`, `retrieve` and `ask` against real Milvus, for the modules that run them: whether
Milvus Lite is here, the documents they index, and the command line without the MGPT_MILVUS_*
of the person running the tests (conftest.py builds the shared model and index from these)."""

import importlib.util
import json
import socket
import subprocess
import sys

import pytest

from support.cli import ENV, assert_ok

# the tests say where the store is; a MGPT_MILVUS_URI of the person running them must not
ENV = {k: v for k, v in ENV.items() if not k.startswith("MGPT_MILVUS_")}

HAVE_MILVUS = importlib.util.find_spec("pymilvus") is not None and importlib.util.find_spec("milvus_lite") is not None
needs_milvus = pytest.mark.skipif(not HAVE_MILVUS, reason="pymilvus/milvus-lite not installed: pip install '.[rag]' "
                                                          "(make test installs it)")

DOCS = {
    "tents.md": "# Tents\n\nKestrel 2 tent. price: 349 EUR; weight: 2.4 kg.\n\n"
                "Kestrel 2 tent. colours: moss green and sand; warranty: 5 years.\n",
    "stoves.md": "Ember stove. price: 89 EUR; boil time: 3.5 minutes.\n\nEmber stove. colours: copper and black.\n",
    "faq/returns.txt": "Can I return an item? The returns window is 30 days.\n",
}


def write_docs(folder, docs=DOCS):
    for name, text in docs.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


def mgpt_run(*args, cwd=None, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "mgpt", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env=env or ENV, timeout=timeout)


def counts(r):
    return json.loads(assert_ok(r).stdout)


def index_json(*args, cwd):
    return counts(mgpt_run("index", *args, "--json", cwd=cwd))


def hits(r):
    return [json.loads(line) for line in assert_ok(r).stdout.splitlines()]


def imported_modules(*args, cwd):
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "mgpt", *map(str, args)], cwd=cwd,
                       capture_output=True, text=True, env=ENV, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in r.stderr.splitlines() if line.startswith("import time:")}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
