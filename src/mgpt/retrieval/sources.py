"""Finding and reading the documents to index: files, or folders searched for the formats
mgpt reads (.txt, .md, .html, .htm, .pdf; see formats.py).

A file that cannot be read (not UTF-8, binary, a PDF without text or encrypted, HTML with no
visible text) is skipped with a warning that names it: one bad file in a folder of
documentation should not stop the others from being indexed. Only when nothing is left is it
an error. Files are read one at a time, as the indexer reaches them, so memory does not grow
with the size of the documentation.
"""

import hashlib
import os

from ..errors import MgptError
from .formats import READERS, read_plain

EXTENSIONS = tuple(READERS)


class Document:
    """One file: `source` is its identity in the store (the absolute, resolved path); `pages`
    are (page number, text), page 0 for a file without pages; `digest` identifies the file's
    bytes together with the chunking that cuts it (see indexing.file_digest)."""

    def __init__(self, source, shown, pages, data_sha256):
        self.source, self.shown, self.pages, self.data_sha256 = source, shown, pages, data_sha256

    @property
    def text(self):
        return "\n\n".join(text for _, text in self.pages)


def source_key(path):
    return os.path.realpath(path)


def shown_path(source):
    """A source as people read it: relative to the current folder when it lies below it."""
    rel = os.path.relpath(source)
    return source if rel.startswith("..") else rel


def find_files(paths):
    """(files, folders): explicit files are taken as they are, folders are searched recursively
    (hidden entries skipped) for the formats mgpt reads. A missing path is an error."""
    files, folders = [], []
    for path in paths:
        if os.path.isdir(path):
            folders.append(source_key(path))
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(os.path.join(root, n) for n in sorted(names)
                             if n.lower().endswith(EXTENSIONS) and not n.startswith("."))
        elif os.path.lexists(path):
            files.append(path)
        else:
            raise MgptError(f"{path}: no such file or folder")
    unique = {}
    for f in files:
        unique.setdefault(source_key(f), f)
    if not unique:
        raise MgptError(f"no {', '.join(EXTENSIONS)} files in {', '.join(paths)}; pass documents or folders "
                        f"that hold them")
    return list(unique.items()), folders


def read_document(source, path):
    """The file as pages of text, or raises ValueError with the reason it is not indexable."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ValueError(f"cannot read: {e.strerror or e}") from None
    reader = READERS.get(os.path.splitext(path)[1].lower(), read_plain)  # an explicit file of another name: text
    return Document(source, shown_path(source), reader(data), hashlib.sha256(data).hexdigest())


def read_documents(paths):
    """(documents, folders, skipped) all at once, for small sets (tests, the evaluation scripts)."""
    found, folders = find_files(paths)
    documents, skipped = [], []
    for source, path in found:
        try:
            documents.append(read_document(source, path))
        except ValueError as e:
            skipped.append(f"{path} ({e})")
    if not documents:
        raise MgptError(f"no indexable files: skipped {'; '.join(skipped)}")
    return documents, folders, skipped
