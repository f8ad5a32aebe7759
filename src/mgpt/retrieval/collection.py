"""The policy every caller of the store shares (the commands, the server, mgpt.KnowledgeBase):
where the chunks are, how a collection is made ready for indexing, which vector index it gets,
and which sources a search may return.
"""

import json
import re

from ..errors import MgptError
from ..options import either, flag
from .store import DEFAULT_COLLECTION, HNSW_ABOVE, INDEX_TYPES, Location

_COLLECTION_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,254}$")


def location(db=None, uri=None, token=None, collection=DEFAULT_COLLECTION, uri_from_env=False,
             token_from_env=False):
    """A checked Location. A uri or token that came from the environment (the CLI's
    MGPT_MILVUS_URI, MGPT_MILVUS_TOKEN) gives way to db; given together with it, it is a mistake."""
    if db and uri and not uri_from_env:
        raise MgptError(f"{flag('db')} and {flag('uri')} exclude each other: {flag('db')} is a local Milvus Lite "
                        f"file, {flag('uri')} a server")
    if not isinstance(collection, str) or not _COLLECTION_NAME.match(collection):
        raise MgptError(f"{flag('collection')} {collection!r}: use letters, digits and underscores, "
                        f"starting with a letter or underscore")
    if db:
        if token and not token_from_env:
            raise MgptError(f"{flag('token')} is for a Milvus server ({flag('uri')}), not for {flag('db')}")
        return Location(db=str(db), collection=collection)
    if uri:
        return Location(uri=uri, token=token, collection=collection)
    raise MgptError("say where the chunks are: " + either(
        "--db kb.db (Milvus Lite, local) or --uri http://HOST:19530 (a Milvus server; or set MGPT_MILVUS_URI)",
        "db='kb.db' (Milvus Lite, local) or uri='http://HOST:19530' (a Milvus server)"))


def prepare_collection(store, dim, rebuild, dim_given):
    """The collection to index into: dropped first on rebuild, created if new, else checked
    against this embedder (its dimension unless one was given). Returns the dimension."""
    from .embedding import NAME

    if rebuild and store.exists():
        store.embedder_or_old()  # refuse to drop a collection mgpt did not make
        store.drop()
    if not store.exists():
        store.create(NAME, dim)
        return dim
    stored_name, stored_dim = store.embedder()
    if not dim_given:
        dim = stored_dim
    store.check_embedder(NAME, dim, f"index with {flag('dim')} {stored_dim}, or into another {flag('collection')}"
                         if stored_name == NAME else f"index into another {flag('collection')}")
    store.load()
    return dim


def choose_vector_index(store, index_type):
    """Applies index_type (auto: by size); returns what was built, or None if nothing changed."""
    if index_type not in INDEX_TYPES:
        raise MgptError(f"{flag('index_type')} must be one of {', '.join(INDEX_TYPES)}, not {index_type!r}")
    wanted = index_type if index_type != "auto" else ("HNSW" if store.count() > HNSW_ABOVE else "FLAT")
    return wanted if store.use_vector_index(wanted) else None


def source_filter(glob):
    """A Milvus filter on the source field from a glob: * any characters (/ included), ? one.
    Sources are absolute paths: a glob that does not start with / matches their end from a
    folder boundary ('*.md', 'faq/*', 'tents.md')."""
    if not glob:
        return ""
    if any(c in glob for c in "[]"):
        raise MgptError(f"{flag('source')} {glob!r}: only * and ? are wildcards here; [...] is not supported")
    pattern = []
    for c in glob:
        pattern.append({"*": "%", "?": "_", "%": "\\%", "_": "\\_", "\\": "\\\\"}.get(c, c))
    like = "".join(pattern)
    if not glob.startswith("/"):
        like = "%/" + like
    return f"source like {json.dumps(like)}"
