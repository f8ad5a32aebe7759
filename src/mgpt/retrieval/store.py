"""The chunk store: one Milvus collection, in Milvus Lite (a local .db folder) or on a server.

pymilvus is imported here and only when a store is opened, so the rest of mgpt never pays for
it. Every failure that comes from the environment (no such database, a database another
process holds, an unreachable server, a collection built by another embedder) is raised as
MgptError with what to do about it; pymilvus' own log lines are silenced so the CLI prints
one line.

A collection holds, per chunk: id (stable: a hash of source and text), vector, source (the
file's resolved path), position (its place in the file) and text. The embedder's name and
dimension are stored as collection properties and checked on every open.
"""

import contextlib
import logging
import os

from ..errors import MgptError

DEFAULT_COLLECTION = "mgpt"
CONNECT_TIMEOUT = 5.0  # seconds: an unreachable server is an error, not a hang
SCHEMA_VERSION = "1"
MAX_TEXT_BYTES = 65535
MAX_SOURCE_BYTES = 4096
_BATCH = 512


class Location:
    """Where the collection lives: a Milvus Lite path (db) or a server (uri, token)."""

    def __init__(self, db=None, uri=None, token=None, collection=DEFAULT_COLLECTION):
        self.db, self.uri, self.token, self.collection = db, uri, token or "", collection

    def describe(self):
        return self.db if self.db else self.uri


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
    """Refuses a --db path that Milvus Lite cannot use, before it starts (and litters)."""
    if not path.endswith(".db"):
        raise MgptError(f"--db {path}: a Milvus Lite database name must end with .db (e.g. kb.db)")
    if os.path.exists(path) and not os.path.isdir(path):
        raise MgptError(f"{path}: is a file, not a Milvus Lite database (milvus-lite 3 keeps a .db as a folder); "
                        f"choose another --db")
    if not os.path.exists(path):
        if must_exist:
            raise MgptError(f"{path}: no such database; build it first with: mgpt index DOCS --db {path}")
        parent = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(parent):
            raise MgptError(f"{path}: folder {parent} does not exist; create it or choose another --db")
        return
    if os.listdir(path) and not os.path.isdir(os.path.join(path, "collections")):
        raise MgptError(f"{path}: a folder that is not a Milvus Lite database; choose another --db")
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
                        f"and pass --uri") from None
    finally:
        os.close(fd)


class Store:
    """A connected client and one collection name; see open_store."""

    def __init__(self, client, location, pymilvus):
        self.client, self.location, self.name, self._pm = client, location, location.collection, pymilvus

    @contextlib.contextmanager
    def _errors(self, doing):
        try:
            yield
        except self._pm.MilvusException as e:
            message = getattr(e, "message", None) or str(e)
            raise MgptError(f"Milvus at {self.location.describe()}: {doing} failed: {message}") from None

    # --- the collection and its embedder ----------------------------------------------------

    def exists(self):
        with self._errors("listing collections"):
            return self.client.has_collection(self.name)

    def create(self, embedder_name, dim):
        DataType = self._pm.DataType
        schema = self.client.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("source", DataType.VARCHAR, max_length=MAX_SOURCE_BYTES)
        schema.add_field("position", DataType.INT64)
        schema.add_field("text", DataType.VARCHAR, max_length=MAX_TEXT_BYTES)
        index = self.client.prepare_index_params()
        index.add_index(field_name="vector", index_type="FLAT", metric_type="COSINE")
        properties = {"mgpt.embedder": embedder_name, "mgpt.dim": str(dim), "mgpt.schema": SCHEMA_VERSION}
        with self._errors(f"creating collection {self.name!r}"):
            self.client.create_collection(self.name, schema=schema, index_params=index, properties=properties,
                                          consistency_level="Strong")  # read what index just wrote

    def embedder(self):
        """(name, dim) stored with the collection; refuses a collection mgpt did not make."""
        with self._errors(f"describing collection {self.name!r}"):
            info = self.client.describe_collection(self.name)
        props = info.get("properties") or {}
        name, dim = props.get("mgpt.embedder"), props.get("mgpt.dim")
        fields = {f["name"]: f for f in info.get("fields", [])}
        if not name or not dim or not {"id", "vector", "source", "position", "text"} <= set(fields):
            raise MgptError(f"collection {self.name!r} in {self.location.describe()} was not made by mgpt index; "
                            f"choose another --collection")
        return name, int(dim)

    def check_embedder(self, name, dim, hint):
        stored_name, stored_dim = self.embedder()
        if (stored_name, stored_dim) != (name, dim):
            raise MgptError(f"collection {self.name!r} in {self.location.describe()} was indexed with "
                            f"{stored_name} (dimension {stored_dim}), not {name} (dimension {dim}); {hint}")

    def load(self):
        with self._errors(f"loading collection {self.name!r}"):
            self.client.load_collection(self.name)

    # --- rows ---------------------------------------------------------------------------------

    def existing(self):
        """{source: {id: position}} for every chunk in the collection."""
        rows = {}
        with self._errors("reading stored chunks"):
            iterator = self.client.query_iterator(self.name, batch_size=1000, filter='id != ""',
                                                  output_fields=["id", "source", "position"])
            try:
                while True:
                    batch = iterator.next()
                    if not batch:
                        break
                    for r in batch:
                        rows.setdefault(r["source"], {})[r["id"]] = int(r["position"])
            finally:
                iterator.close()
        return rows

    def upsert(self, rows):
        with self._errors("writing chunks"):
            for i in range(0, len(rows), _BATCH):
                self.client.upsert(self.name, rows[i:i + _BATCH])

    def delete(self, ids):
        ids = list(ids)
        with self._errors("deleting chunks"):
            for i in range(0, len(ids), _BATCH):
                self.client.delete(self.name, ids=ids[i:i + _BATCH])

    def count(self):
        with self._errors("counting chunks"):
            return int(self.client.get_collection_stats(self.name).get("row_count", 0))

    def search(self, vector, k):
        """The k nearest chunks: [{id, score, source, position, text}], best first."""
        with self._errors("searching"):
            result = self.client.search(self.name, data=[vector.tolist()], limit=k, anns_field="vector",
                                        search_params={"metric_type": "COSINE"},
                                        output_fields=["source", "position", "text"])
        hits = []
        for hit in result[0]:
            entity = hit.get("entity", {})
            hits.append({"id": hit["id"], "score": float(hit["distance"]), "source": entity["source"],
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
        raise MgptError(f"cannot reach Milvus at {location.uri} within {CONNECT_TIMEOUT:g} s ({message}); "
                        f"check --uri (or MGPT_MILVUS_URI) and that the server is running") from None
    return Store(client, location, pymilvus)


@contextlib.contextmanager
def opened(location, create=False):
    store = open_store(location, create)
    try:
        yield store
    finally:
        store.close()
