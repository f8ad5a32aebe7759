"""The chunk store: one Milvus collection, in Milvus Lite (a local .db folder) or on a server.

Store is one object per opened collection, made of one part per concern, each in its module:
- store_connection: opening (Milvus Lite's folder and lock checks, the client) and the wording
  of every failure (MgptError with what to do, StoreUnavailable for a server that does not
  answer); pymilvus is imported there, and only when a store is opened;
- store_schema: the collection's fields, the embedder recorded with it (a collection built by
  another embedder is refused), and its vector index;
- store_rows: the chunk rows indexing reads and writes;
- store_search: dense, BM25 or hybrid search.
Callers open a store with open_store or opened and use Store's methods.
"""

import contextlib

from .store_connection import StoreConnection, connect
from .store_rows import ChunkRows
from .store_schema import CollectionSchema, VectorIndex
from .store_search import ChunkSearch

DEFAULT_COLLECTION = "mgpt"
RETRIEVAL_MODES = ("hybrid", "dense", "bm25")
INDEX_TYPES = ("auto", "FLAT", "HNSW")
# auto: exact search (FLAT) while the collection is small, HNSW (approximate, logarithmic) above
# this many chunks, where exact search reads every vector for every query (docs/RAG.md measures both)
HNSW_ABOVE = 100_000


class Location:
    """Where the collection lives: a Milvus Lite path (db) or a server (uri, token)."""

    def __init__(self, db=None, uri=None, token=None, collection=DEFAULT_COLLECTION):
        self.db, self.uri, self.token, self.collection = db, uri, token or "", collection

    def describe(self):
        return self.db if self.db else self.uri


class Store(CollectionSchema, VectorIndex, ChunkRows, ChunkSearch, StoreConnection):
    """A connected client and one collection name; see open_store. Its parts share client,
    location, name, _pm (the pymilvus module) and what this store knows of the collection:
    _index_type (asked once, see vector_index) and _loaded (loaded for searching, see load)."""

    def __init__(self, client, location, pymilvus):
        self.client, self.location, self.name, self._pm = client, location, location.collection, pymilvus
        self._index_type = None
        self._loaded = False


def open_store(location, create=False):
    """Connects; with create=False the database must exist (retrieve, ask)."""
    client, pymilvus = connect(location, create)
    return Store(client, location, pymilvus)


@contextlib.contextmanager
def opened(location, create=False):
    store = open_store(location, create)
    try:
        yield store
    finally:
        store.close()
