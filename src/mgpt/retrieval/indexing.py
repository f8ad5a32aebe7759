"""Bringing a collection up to date with a set of documents, touching only what changed, in
bounded memory.

Every chunk row carries its file's digest: a hash of the file's bytes and of the chunking that
cut it (chunk size, overlap, chunker version). A file whose stored rows all carry its current
digest is unchanged and is not even chunked again; that is what makes re-indexing a large
collection after one edit take seconds. A changed or new file is chunked and compared with its
stored chunks by id (a hash of source and text, so the same text keeps its id):

- unchanged: the same id is stored;
- replaced: a stored chunk gone and a new one come, paired one for one (an edited paragraph);
- added: new chunks beyond those pairs (new files, inserted text);
- removed: stored chunks beyond those pairs (deleted text), and every chunk of a file that no
  longer exists under a folder being indexed.
All of a changed file's chunks are written again (with its new digest); only its chunks.

Files are read, chunked and embedded a batch of rows at a time: embed, upsert, let go. A file's
old rows are deleted only after its new rows are written, so an interrupted run (Ctrl-C between
batches, or a killed process) leaves extra chunks, never missing ones, and rows of mixed
digests that the next run sees as changed: running it again finishes the job, and the
collection then equals one indexed in a single run.
"""

import hashlib
import os
from dataclasses import dataclass, field

from .chunking import chunk_text
from .sources import read_document

CHUNKER_VERSION = "5"  # 3: record blocks cut line by line; 4: an HTML FAQ entry (<details>) one block opened by
# its question; 5: PDF pages read by their layout (pdftext.py), long table rows cut between cells, short lines
# kept, HTML definition lists and hidden parts. An index re-chunks files chunked before
DEFAULT_BATCH = 512


def chunk_id(source, text):
    return hashlib.sha256(f"{source}\0{text}".encode("utf-8")).hexdigest()[:32]


def file_digest(document, chunk_size, overlap):
    key = f"{document.data_sha256}\0{chunk_size}\0{overlap}\0{CHUNKER_VERSION}"
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def document_chunks(document, chunk_size, overlap):
    """[(id, position, page, text)] of one document, positions counted across its pages."""
    rows, seen = [], set()
    for page, text in document.pages:
        for chunk in chunk_text(text, chunk_size, overlap):
            i = chunk_id(document.source, chunk)
            if i not in seen:
                seen.add(i)
                rows.append((i, len(rows), page, chunk))
    return rows


@dataclass
class Counts:
    added: int = 0
    replaced: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks: int = 0
    files: int = 0
    written: int = 0
    skipped: list = field(default_factory=list)

    def as_dict(self):
        return {"added": self.added, "replaced": self.replaced, "removed": self.removed,
                "unchanged": self.unchanged, "chunks": self.chunks, "files": self.files, "written": self.written}

    def compare(self, new_ids, old_ids):
        """Counts one file's chunks against its stored ones; returns the ids to delete."""
        fresh = [i for i in new_ids if i not in old_ids]
        gone = [i for i in old_ids if i not in new_ids]
        paired = min(len(fresh), len(gone))
        self.replaced += paired
        self.added += len(fresh) - paired
        self.removed += len(gone) - paired
        self.unchanged += len(new_ids) - len(fresh)
        self.chunks += len(new_ids)
        return gone


class Interrupted(Exception):
    """Raised between batches when asked to stop; carries the counts of what was written."""

    def __init__(self, counts):
        super().__init__("interrupted")
        self.counts = counts


class _Writer:
    """Rows waiting to be embedded and written, and the deletions that must follow them."""

    def __init__(self, store, embedder, counts, batch):
        self.store, self.embedder, self.counts, self.batch = store, embedder, counts, batch
        self.rows, self.deletes = [], []

    def add(self, document, digest, chunks, gone):
        for i, position, page, text in chunks:
            self.rows.append({"id": i, "text": text, "source": document.source, "page": page,
                              "file_hash": digest, "position": position})
        self.deletes.extend(gone)
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self):
        for start in range(0, len(self.rows), self.batch):
            part = self.rows[start:start + self.batch]
            vectors = self.embedder.embed([r["text"] for r in part])
            for row, vector in zip(part, vectors):
                row["vector"] = vector
            self.store.upsert(part)
            self.counts.written += len(part)
        self.rows = []
        if self.deletes:  # only now: the file's new rows are in
            self.store.delete(self.deletes)
            self.deletes = []


def index_files(store, embedder, files, folders, chunk_size, overlap, batch=DEFAULT_BATCH, progress=None,
                should_stop=None, exists=os.path.exists):
    """Indexes files [(source, path)] into the store; folders are the resolved folders given,
    whose vanished files lose their chunks. progress(files_done, counts) is called after each
    file; should_stop() is asked after each file and ends the run (Interrupted) once the rows
    so far are written. Returns Counts (skipped: 'path (reason)' for unreadable files)."""
    stored = store.file_digests()  # {source: {digest: rows}}
    counts = Counts()
    writer = _Writer(store, embedder, counts, batch)
    seen = set()
    for done, (source, path) in enumerate(files, 1):
        seen.add(source)
        try:
            document = read_document(source, path)
        except ValueError as e:
            counts.skipped.append(f"{path} ({e})")
            continue
        counts.files += 1
        digest = file_digest(document, chunk_size, overlap)
        digests = stored.get(source, {})
        if set(digests) == {digest}:  # every stored row is of this very file and chunking
            counts.unchanged += digests[digest]
            counts.chunks += digests[digest]
        else:
            chunks = document_chunks(document, chunk_size, overlap)
            old_ids = store.source_ids(source) if digests else set()
            gone = counts.compare({c[0] for c in chunks}, old_ids)
            writer.add(document, digest, chunks, gone)
        if progress:
            progress(done, counts)
        if should_stop and should_stop() and done < len(files):
            writer.flush()
            raise Interrupted(counts)
    writer.flush()
    for source in stored:
        if source not in seen and any(_inside(source, f) for f in folders) and not exists(source):
            ids = store.source_ids(source)
            counts.removed += len(ids)
            store.delete(ids)
    if counts.written or counts.removed:
        store.flush()
    return counts


def _inside(path, folder):
    return path.startswith(folder.rstrip(os.sep) + os.sep)
