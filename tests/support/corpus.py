"""Corpora written to files and prepared into a cache folder, for the tests of preparing them
(test_corpus) and of the splits and batches read from them (test_corpus_batches)."""

from mgpt.corpus import Source
from mgpt.prepared import prepare


def write(folder, datas):
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for k, data in enumerate(datas):
        path = folder / f"part{k}.txt"
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        sources.append(Source(str(path), path.name))
    return sources


def prep(folder, datas, **kwargs):
    return prepare(write(folder, datas), str(folder / "cache"), progress=False, **kwargs)
