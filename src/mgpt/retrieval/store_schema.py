"""The collection itself: its schema, the embedder recorded with it, and its vector index.

A collection holds, per chunk: id (stable: a hash of source and text), vector (the hashed
n-gram embedding), text (with Milvus' analyzer on it), sparse (BM25 term weights that Milvus
computes from text itself, through a BM25 function), source (the file's resolved path), page
(a page number where the format has pages, else 0), file_hash (a hash of the whole source file
and the chunking that cut it, see indexing.file_digest) and position (its place in the file). The embedder's name and
dimension and the schema version are stored as collection properties and checked on every open.
"""

import time

from ..errors import MgptError
from ..options import either, flag

SCHEMA_VERSION = "2"
MAX_TEXT_BYTES = 65535
MAX_SOURCE_BYTES = 4096
FIELDS = ("id", "vector", "sparse", "text", "source", "page", "file_hash", "position")
HNSW_BUILD = {"M": 16, "efConstruction": 200}
# BM25's words: Milvus' standard tokenizer, lowercased, without English stop words, stemmed
# ("calls" finds "call"; "what can I" finds nothing)
ANALYZER = {"tokenizer": "standard",
            "filter": ["lowercase", {"type": "stop", "stop_words": ["_english_"]}, {"type": "stemmer", "language": "english"}]}


class OldSchema(MgptError):
    """A collection written by an earlier mgpt: `index --rebuild` replaces it."""


class CollectionSchema:
    """Store's collection (store.py): making and dropping it, and the embedder it records."""

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

    def drop(self):
        with self._errors(f"dropping collection {self.name!r}"):
            self.client.drop_collection(self.name)
        self._loaded = False


class VectorIndex:
    """Store's vector index (store.py): FLAT or HNSW, and the collection loaded for searching."""

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
