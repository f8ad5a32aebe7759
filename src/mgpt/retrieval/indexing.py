"""Bringing a collection up to date with a set of documents, touching only what changed.

A chunk's id is a hash of its source (the file's resolved path) and its text, so the same text
in the same file always has the same id: indexing unchanged files writes nothing. For each
file, the new chunks are compared with the stored ones:

- unchanged: the same id is stored (its position is rewritten if paragraphs moved);
- replaced: a stored chunk gone and a new one come, paired one for one (an edited paragraph);
- added: new chunks beyond those pairs (new files, inserted text);
- removed: stored chunks beyond those pairs (deleted text), and every chunk of a file that no
  longer exists under a folder being indexed.

New rows are written before old ones are deleted, so an interrupted run leaves extra chunks,
never missing ones; running it again finishes the job.
"""

import hashlib
import os
from dataclasses import dataclass, field

from .chunking import chunk_text


def chunk_id(source, text):
    return hashlib.sha256(f"{source}\0{text}".encode("utf-8")).hexdigest()[:32]


@dataclass
class Plan:
    rows: list = field(default_factory=list)  # (id, document, position, text) to write
    delete: list = field(default_factory=list)  # ids
    added: int = 0
    replaced: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks: int = 0
    files: int = 0

    def counts(self):
        return {"added": self.added, "replaced": self.replaced, "removed": self.removed,
                "unchanged": self.unchanged, "chunks": self.chunks, "files": self.files}


def plan_index(existing, documents, folders, chunk_size, overlap, exists=os.path.exists):
    """What to write and delete so the store holds exactly these documents' chunks.

    existing: {source: {id: position}} as stored; folders: resolved paths of folders given,
    whose vanished files lose their chunks.
    """
    plan = Plan(files=len(documents))
    for doc in documents:
        new = {}
        for position, text in enumerate(chunk_text(doc.text, chunk_size, overlap)):
            new[chunk_id(doc.source, text)] = (position, text)
        old = existing.get(doc.source, {})
        fresh = [i for i in new if i not in old]
        gone = [i for i in old if i not in new]
        kept = [i for i in new if i in old]
        paired = min(len(fresh), len(gone))
        plan.replaced += paired
        plan.added += len(fresh) - paired
        plan.removed += len(gone) - paired
        plan.unchanged += len(kept)
        plan.chunks += len(new)
        moved = [i for i in kept if old[i] != new[i][0]]
        for i in fresh + moved:
            plan.rows.append((i, doc, new[i][0], new[i][1]))
        plan.delete.extend(gone)
    indexed = {doc.source for doc in documents}
    for source, ids in existing.items():
        if source in indexed or not any(_inside(source, f) for f in folders):
            continue
        if not exists(source):
            plan.removed += len(ids)
            plan.delete.extend(ids)
    return plan


def _inside(path, folder):
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def index_documents(store, embedder, documents, folders, chunk_size, overlap):
    """Applies the plan to the store; returns its counts."""
    plan = plan_index(store.existing(), documents, folders, chunk_size, overlap)
    if plan.rows:
        vectors = embedder.embed([text for _, _, _, text in plan.rows])
        store.upsert([{"id": i, "vector": v, "text": t, "source": doc.source, "page": 0,
                       "file_sha256": doc.sha256, "position": p}
                      for (i, doc, p, t), v in zip(plan.rows, vectors)])
    if plan.delete:
        store.delete(plan.delete)
    return plan.counts()
