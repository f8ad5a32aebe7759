"""Searching a collection: the query is embedded by the embedder the collection was built with."""

from ..errors import MgptError
from ..options import either, flag
from .embedding import NAME, HashedNgramEmbedder


def collection_embedder(store, dim=None):
    """The embedder of the collection; `dim`, when the user gave one, must agree with it."""
    if not store.exists():
        raise MgptError(f"{store.location.describe()} has no collection {store.name!r}; "
                        f"build it first with: " + either(f"mgpt index DOCS ... --collection {store.name}",
                                                          f"KnowledgeBase(..., collection={store.name!r}).index(DOCS)"))
    name, stored_dim = store.embedder()
    if name != NAME:
        raise MgptError(f"collection {store.name!r} was indexed with the embedder {name}, but this mgpt "
                        f"embeds queries with {NAME}; re-index it with this mgpt (into a new {flag('collection')})")
    if dim is not None and dim != stored_dim:
        store.check_embedder(NAME, dim, f"drop {flag('dim')} to use the collection's own")
    return HashedNgramEmbedder(stored_dim)


def retrieve(store, embedder, query, k, mode="hybrid", filter_expression=""):
    """The k best chunks for the query, best first (see Store.search)."""
    vector = embedder.embed([query])[0]
    if not vector.any():
        raise MgptError(f"the query {query!r} has no letters or digits to search by")
    store.load()
    return store.search(vector, query, k, mode, filter_expression)
