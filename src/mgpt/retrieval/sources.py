"""Finding and reading the documents to index: files, or folders searched for .txt and .md.

A file that cannot be read or is not UTF-8 text is skipped with a warning that names it: one
bad file in a folder of documentation should not stop the others from being indexed. Only
when nothing is left is it an error.
"""

import hashlib
import os

from ..errors import MgptError

EXTENSIONS = (".txt", ".md")


class Document:
    """One text file: `source` is its identity in the store (the absolute, resolved path)."""

    def __init__(self, source, shown, text):
        self.source, self.shown, self.text = source, shown, text
        self.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_key(path):
    return os.path.realpath(path)


def shown_path(source):
    """A source as people read it: relative to the current folder when it lies below it."""
    rel = os.path.relpath(source)
    return source if rel.startswith("..") else rel


def find_files(paths):
    """(files, folders): explicit files are taken as they are, folders are searched recursively
    (hidden entries skipped) for .txt and .md files. A missing path is an error."""
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
    return list(unique.items()), folders


def read_text(path):
    """The file's text, or raises ValueError with the reason it is not indexable."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ValueError(f"cannot read: {e.strerror or e}") from None
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 text (byte offset {e.start})") from None


def read_documents(paths):
    """Returns (documents, folders, skipped): skipped is a list of 'path (reason)' strings."""
    found, folders = find_files(paths)
    documents, skipped = [], []
    for source, path in found:
        try:
            documents.append(Document(source, shown_path(source), read_text(path)))
        except ValueError as e:
            skipped.append(f"{path} ({e})")
    if not documents:
        if skipped:
            raise MgptError(f"no indexable files: skipped {'; '.join(skipped)}")
        raise MgptError(f"no .txt or .md files in {', '.join(paths)}; pass text files or folders that hold them")
    return documents, folders, skipped
