"""The chunk store: one Milvus collection, in Milvus Lite (a local .db folder) or on a server.

pymilvus is imported here and only when a store is opened, so the rest of mgpt never pays for
it. Every failure that comes from the environment (no such database, a database another
process holds, an unreachable server, a collection built by another embedder) is raised as
MgptError with what to do about it; a server that cannot be reached, or does not answer within
its timeout, as StoreUnavailable (a server answers 503 and retries may work; anything else is
a mistake to fix). pymilvus' own log lines are silenced so the CLI prints one line.

A collection holds, per chunk: id (stable: a hash of source and text), vector (the hashed
n-gram embedding), text (with Milvus' analyzer on it), sparse (BM25 term weights that Milvus
computes from text itself, through a BM25 function), source (the file's resolved path), page
(a page number where the format has pages, else 0), file_hash (a hash of the whole source file
and the chunking that cut it, see indexing.file_digest) and position (its place in the file). The embedder's name and
dimension and the schema version are stored as collection properties and checked on every open.

Search is dense, BM25, or both fused by reciprocal rank (hybrid, the default): BM25 finds the
chunk that shares the question's rare words (a product name, a field), the n-gram vector the
one that shares their forms ("weighs" for "weight").
"""

import contextlib
import json
import logging
import os
import time

from ..errors import MgptError, StoreUnavailable
from ..options import either, flag

DEFAULT_COLLECTION = "mgpt"
CONNECT_TIMEOUT = 5.0  # seconds: an unreachable server is an error, not a hang
# seconds a search may take before the server counts as not answering (a search is milliseconds,
# 65 ms at 100K chunks with HNSW); without one, a hung server would hold a question forever
SEARCH_TIMEOUT = 10.0
PING_TIMEOUT = 2.0  # seconds: a readiness check (serve's /health)
SCHEMA_VERSION = "2"
MAX_TEXT_BYTES = 65535
MAX_SOURCE_BYTES = 4096
FIELDS = ("id", "vector", "sparse", "text", "source", "page", "file_hash", "position")
RETRIEVAL_MODES = ("hybrid", "dense", "bm25")
INDEX_TYPES = ("auto", "FLAT", "HNSW")
# auto: exact search (FLAT) while the collection is small, HNSW (approximate, logarithmic) above
# this many chunks, where exact search reads every vector for every query (docs/RAG.md measures both)
HNSW_ABOVE = 100_000
HNSW_BUILD = {"M": 16, "efConstruction": 200}
# HNSW's search beam. Measured at 100K chunks (Milvus Lite, 1024 dims): recall@10 against exact
# search 78% at ef 64, 90% at 128, 96% at 256, 98.5% at 512, for 65-68 ms a query at every ef
HNSW_EF = 512
RRF_K = 60  # the reciprocal-rank constant of Cormack et al. (2009), Milvus' default
# BM25's words: Milvus' standard tokenizer, lowercased, without English stop words, stemmed
# ("calls" finds "call"; "what can I" finds nothing)
ANALYZER = {"tokenizer": "standard",
            "filter": ["lowercase", {"type": "stop", "stop_words": ["_english_"]}, {"type": "stemmer", "language": "english"}]}
_BATCH = 512


class Location:
    """Where the collection lives: a Milvus Lite path (db) or a server (uri, token)."""

    def __init__(self, db=None, uri=None, token=None, collection=DEFAULT_COLLECTION):
        self.db, self.uri, self.token, self.collection = db, uri, token or "", collection

    def describe(self):
        return self.db if self.db else self.uri


class OldSchema(MgptError):
    """A collection written by an earlier mgpt: `index --rebuild` replaces it."""


def _import_pymilvus():
    try:
        import pymilvus
    except ImportError:
        raise MgptError("the retrieval commands need pymilvus and milvus-lite: "
                        "pip install 'mgpt[rag]'") from None
    for name in ("pymilvus", "milvus_lite", "grpc"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    return pymilvus


def check_local_db(path, must_exist):
    """Refuses a db path that Milvus Lite cannot use, before it starts (and litters)."""
    db = flag("db")
    if not path.endswith(".db"):
        raise MgptError(f"{db} {path}: a Milvus Lite database name must end with .db (e.g. kb.db)")
    if os.path.exists(path) and not os.path.isdir(path):
        raise MgptError(f"{path}: is a file, not a Milvus Lite database (milvus-lite 3 keeps a .db as a folder); "
                        f"choose another {db}")
    if not os.path.exists(path):
        if must_exist:
            raise MgptError(f"{path}: no such database; build it first with: "
                            + either(f"mgpt index DOCS --db {path}", f"KnowledgeBase(db={path!r}).index(DOCS)"))
        parent = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(parent):
            raise MgptError(f"{path}: folder {parent} does not exist; create it or choose another {db}")
        return
    if os.listdir(path) and not os.path.isdir(os.path.join(path, "collections")):
        raise MgptError(f"{path}: a folder that is not a Milvus Lite database; choose another {db}")
    _check_unlocked(path)


def _check_unlocked(path):
    """Milvus Lite lets one process open a database: say so plainly if another one has it."""
    lock = os.path.join(path, "LOCK")
    if not os.path.exists(lock):
        return
    import fcntl

    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError as e:
        raise MgptError(f"{path}: cannot open its LOCK file ({e.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        raise MgptError(f"{path}: the database is open in another process (Milvus Lite allows one at a time); "
                        f"stop that process, or serve it with `milvus-lite server --data-dir {path}` "
                        f"and pass {flag('uri')}") from None
    finally:
        os.close(fd)


class Store:
    """A connected client and one collection name; see open_store."""

    def __init__(self, client, location, pymilvus):
        self.client, self.location, self.name, self._pm = client, location, location.collection, pymilvus
        self._index_type = None
        self._loaded = False

    @contextlib.contextmanager
    def _errors(self, doing):
        import grpc  # pymilvus' own transport: a call that times out raises its error as it is

        try:
            yield
        except (self._pm.MilvusException, grpc.RpcError) as e:
            if unreachable(e, self._pm):
                raise StoreUnavailable(f"Milvus at {self.location.describe()} cannot be reached ({doing}); check that "
                                       f"the server is running, or retry shortly") from None
            message = getattr(e, "message", None) or str(e)
            raise MgptError(f"Milvus at {self.location.describe()}: {doing} failed: {message}") from None

    # --- the collection and its embedder ----------------------------------------------------

    def exists(self):
        with self._errors("listing collections"):
            return self.client.has_collection(self.name)

    def create(self, embedder_name, dim, index_type="FLAT"):
        pm = self._pm
        DataType = pm.DataType
        schema = self.client.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("text", DataType.VARCHAR, max_length=MAX_TEXT_BYTES, enable_analyzer=True,
                         analyzer_params=ANALYZER)
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("source", DataType.VARCHAR, max_length=MAX_SOURCE_BYTES)
        schema.add_field("page", DataType.INT64)
        schema.add_field("file_hash", DataType.VARCHAR, max_length=64)
        schema.add_field("position", DataType.INT64)
        schema.add_function(pm.Function(name="text_bm25", function_type=pm.FunctionType.BM25,
                                        input_field_names=["text"], output_field_names=["sparse"]))
        index = self.client.prepare_index_params()
        self._add_vector_index(index, index_type)
        index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
        properties = {"mgpt.embedder": embedder_name, "mgpt.dim": str(dim), "mgpt.schema": SCHEMA_VERSION}
        with self._errors(f"creating collection {self.name!r}"):
            self.client.create_collection(self.name, schema=schema, index_params=index, properties=properties,
                                          consistency_level="Strong")  # read what index just wrote

    def embedder(self):
        """(name, dim) stored with the collection; refuses a collection mgpt did not make, and
        one of an older schema (with how to rebuild it)."""
        with self._errors(f"describing collection {self.name!r}"):
            info = self.client.describe_collection(self.name)
        props = info.get("properties") or {}
        name, dim, version = props.get("mgpt.embedder"), props.get("mgpt.dim"), props.get("mgpt.schema", "1")
        fields = {f["name"] for f in info.get("fields", [])}
        if not name or not dim or not {"id", "vector", "source", "position", "text"} <= fields:
            raise MgptError(f"collection {self.name!r} in {self.location.describe()} was not made by mgpt index; "
                            f"choose another {flag('collection')}")
        if version != SCHEMA_VERSION or not set(FIELDS) <= fields:
            raise OldSchema(f"collection {self.name!r} in {self.location.describe()} has mgpt's schema {version} "
                            f"(no BM25 field for hybrid search); rebuild it from your documents with "
                            + either("mgpt index DOCS ... --rebuild", "KnowledgeBase(...).index(DOCS, rebuild=True)")
                            + " (it drops the old chunks and indexes these documents)")
        return name, int(dim)

    def embedder_or_old(self):
        """(name, dim), also of an older schema's collection; still refuses a foreign one."""
        try:
            return self.embedder()
        except OldSchema:
            return None

    def check_embedder(self, name, dim, hint):
        stored_name, stored_dim = self.embedder()
        if (stored_name, stored_dim) != (name, dim):
            raise MgptError(f"collection {self.name!r} in {self.location.describe()} was indexed with "
                            f"{stored_name} (dimension {stored_dim}), not {name} (dimension {dim}); {hint}")

    def _add_vector_index(self, index, index_type):
        params = HNSW_BUILD if index_type == "HNSW" else {}
        index.add_index(field_name="vector", index_type=index_type, metric_type="COSINE", params=params)

    def vector_index(self):
        """FLAT or HNSW (asked once per store: searches need it, and it changes only through us)."""
        if self._index_type is None:
            with self._errors("describing the vector index"):
                self._index_type = self.client.describe_index(self.name, "vector").get("index_type", "FLAT")
        return self._index_type

    def use_vector_index(self, index_type):
        """Rebuilds the vector index as index_type (FLAT or HNSW) if it is another; the rows stay."""
        if self.vector_index() == index_type:
            return False
        with self._errors(f"building a {index_type} index"):
            self.client.release_collection(self.name)
            self._loaded = False
            self.client.drop_index(self.name, "vector")
            deadline = time.monotonic() + 120
            while "vector" in self.client.list_indexes(self.name):  # the drop completes in the background
                if time.monotonic() > deadline:
                    raise MgptError(f"Milvus at {self.location.describe()}: the old vector index was not dropped "
                                    f"within 120 s; try again")
                time.sleep(0.2)
            index = self.client.prepare_index_params()
            self._add_vector_index(index, index_type)
            self.client.create_index(self.name, index)
        self._index_type = index_type
        return True

    def load(self, again=False):
        """Loads the collection for searching, once per store (a load is a round trip, ~7 ms,
        which a server answering many questions would pay on each)."""
        if self._loaded and not again:
            return
        with self._errors(f"loading collection {self.name!r}"):
            self.client.load_collection(self.name)
        self._loaded = True

    # --- rows ---------------------------------------------------------------------------------

    def _rows(self, filter_expression, fields):
        """Every row matching the filter, in batches (large ones: each is a round trip)."""
        with self._errors("reading stored chunks"):
            iterator = self.client.query_iterator(self.name, batch_size=16384, filter=filter_expression,
                                                  output_fields=fields)
            try:
                while True:
                    batch = iterator.next()
                    if not batch:
                        break
                    yield from batch
            finally:
                iterator.close()

    def file_digests(self):
        """{source: {file_hash: rows}}: what indexing needs to skip unchanged files, one entry per file."""
        digests = {}
        for r in self._rows('id != ""', ["source", "file_hash"]):
            per_file = digests.setdefault(r["source"], {})
            per_file[r["file_hash"]] = per_file.get(r["file_hash"], 0) + 1
        return digests

    def source_ids(self, source):
        """The ids of one file's chunks."""
        return {r["id"] for r in self._rows(f"source == {json.dumps(source)}", ["id"])}

    def upsert(self, rows):
        with self._errors("writing chunks"):
            for i in range(0, len(rows), _BATCH):
                self.client.upsert(self.name, rows[i:i + _BATCH])

    def delete(self, ids):
        ids = list(ids)
        with self._errors("deleting chunks"):
            for i in range(0, len(ids), _BATCH):
                self.client.delete(self.name, ids=ids[i:i + _BATCH])

    def flush(self):
        """Seals what was written: searching a sealed segment is 20x faster than a growing one
        (measured: 5.7 against 124 ms over 2,000 chunks in Milvus Lite)."""
        with self._errors("flushing"):
            self.client.flush(self.name)

    def count(self):
        with self._errors("counting chunks"):
            return int(self.client.get_collection_stats(self.name).get("row_count", 0))

    def drop(self):
        with self._errors(f"dropping collection {self.name!r}"):
            self.client.drop_collection(self.name)
        self._loaded = False

    def matches(self, filter_expression):
        """Whether any chunk matches the filter."""
        with self._errors("reading stored chunks"):
            return bool(self.client.query(self.name, filter=filter_expression, output_fields=["id"], limit=1))

    def ping(self):
        """Raises StoreUnavailable unless the server answers within PING_TIMEOUT."""
        with self._errors("a readiness check"):
            self.client.has_collection(self.name, timeout=PING_TIMEOUT)

    def search(self, vector, query, k, mode="hybrid", filter_expression=""):
        """The k best chunks for the query: [{id, score, source, page, position, text}], best
        first. dense: cosine of `vector`; bm25: Milvus' BM25 of `query` (score = BM25);
        hybrid: both lists fused by reciprocal rank (score = the fused RRF score). Only chunks
        that match filter_expression (a Milvus filter) when one is given."""
        fields = ["source", "page", "position", "text"]
        dense_param = {"metric_type": "COSINE"}
        if self.vector_index() == "HNSW":
            dense_param["params"] = {"ef": max(HNSW_EF, k)}
        dense = {"data": [vector], "anns_field": "vector", "param": dense_param, "limit": k,
                 "expr": filter_expression or None}
        sparse = {"data": [query], "anns_field": "sparse", "param": {"metric_type": "BM25"}, "limit": k,
                  "expr": filter_expression or None}

        def run():
            if mode == "hybrid":
                pm = self._pm
                return self.client.hybrid_search(
                    self.name, [pm.AnnSearchRequest(**dense), pm.AnnSearchRequest(**sparse)],
                    ranker=pm.RRFRanker(RRF_K), limit=k, output_fields=fields, timeout=SEARCH_TIMEOUT)
            request = dense if mode == "dense" else sparse
            return self.client.search(self.name, data=request["data"], limit=k, anns_field=request["anns_field"],
                                      search_params=request["param"], output_fields=fields,
                                      filter=filter_expression, timeout=SEARCH_TIMEOUT)

        with self._errors("searching"):
            try:
                result = run()
            except self._pm.MilvusException as e:
                if not self._loaded or unreachable(e, self._pm):
                    raise
                # released since this store loaded it (another process rebuilding the index of a
                # shared server): load it again and search once more
                self.load(again=True)
                result = run()
        hits = []
        for hit in result[0]:
            entity = hit.get("entity", {})
            score = float(hit["distance"])
            hits.append({"id": hit["id"], "score": abs(score) if mode == "bm25" else score,
                         "source": entity["source"], "page": int(entity.get("page") or 0),
                         "position": int(entity["position"]), "text": entity["text"]})
        return hits

    def close(self):
        try:
            self.client.close()
        except Exception:  # closing a connection that already failed: nothing to save
            pass
        if self.location.db:
            from milvus_lite.server_manager import server_manager_instance

            server_manager_instance.release_server(self.location.db)  # releases the LOCK now


def open_store(location, create=False):
    """Connects; with create=False the database must exist (retrieve, ask)."""
    if location.db:
        check_local_db(location.db, must_exist=not create)
    pymilvus = _import_pymilvus()
    uri = location.db if location.db else location.uri
    try:
        client = pymilvus.MilvusClient(uri=uri, token=location.token, timeout=CONNECT_TIMEOUT)
    except pymilvus.MilvusException as e:
        message = getattr(e, "message", None) or str(e)
        if location.db:
            raise MgptError(f"{location.db}: cannot open the Milvus Lite database ({message})") from None
        raise StoreUnavailable(f"cannot reach Milvus at {location.uri} within {CONNECT_TIMEOUT:g} s ({message}); "
                               f"check {either('--uri (or MGPT_MILVUS_URI)', 'uri')} and that the server is running") from None
    return Store(client, location, pymilvus)


def unreachable(error, pymilvus):
    """Whether a pymilvus or gRPC error means the server is down or silent (not a bad request):
    no connection (pymilvus' CONNECT_FAILED), gRPC's UNAVAILABLE, or no answer by the deadline
    (raised as gRPC's own error, or wrapped by pymilvus after its retries)."""
    import grpc

    codes = (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED)
    if isinstance(error, grpc.RpcError):
        return error.code() in codes
    return (isinstance(error, (pymilvus.exceptions.ConnectError, pymilvus.exceptions.MilvusUnavailableException))
            or error.code == pymilvus.Status.CONNECT_FAILED or error.code in codes)


@contextlib.contextmanager
def opened(location, create=False):
    store = open_store(location, create)
    try:
        yield store
    finally:
        store.close()
