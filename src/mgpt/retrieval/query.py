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


def retrieve(store, embedder, query, k, mode="hybrid", source=None):
    """The k best chunks for the query, best first (see Store.search); with `source`, a glob
    (collection.source_filter), only chunks of the files it matches, and a glob that matches no
    indexed file is the caller's mistake, not an empty answer."""
    from .collection import source_filter

    vector = embedder.embed([query])[0]
    if not vector.any():
        raise MgptError(f"the query {query!r} has no letters or digits to search by")
    expression = source_filter(source)
    store.load()
    hits = store.search(vector, query, k, mode, expression)
    if not hits and expression and not store.matches(expression):
        raise MgptError(f"no indexed document matches {flag('source')} {source!r} (in "
                        f"{store.location.describe()}, collection {store.name}); "
                        f"sources are the files' paths: try a glob such as '*.md' or 'faq/*'")
    return hits
