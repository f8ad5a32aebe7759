"""`mgpt index`, `mgpt retrieve` and `mgpt ask`: retrieval-augmented generation over Milvus.

The commands parse options and print; the work is in mgpt.retrieval, which imports pymilvus
only when a store is opened (so `mgpt --help`, train and sample never load it).
"""

import json
import re
import sys

import click

from .cli import ADAPTER_HELP, NONNEG_FLOAT, NONNEG_INT, POSITIVE_INT, load_with_adapters, note
from .errors import MgptError
from .retrieval.answer import DEFAULT_MAX_NEW_TOKENS
from .retrieval.chunking import DEFAULT_CHUNK_SIZE, DEFAULT_OVERLAP, check_sizes
from .retrieval.embedding import DEFAULT_DIM
from .retrieval.store import DEFAULT_COLLECTION, Location

DIM = click.IntRange(16, 32768)
_COLLECTION_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,254}$")
ENV = click.core.ParameterSource.ENVIRONMENT


def store_options(f):
    """--db / --uri / --token / --collection: where the chunks live."""
    options = [
        click.option("--db", help="Milvus Lite database (a local folder named *.db); made by `index`."),
        click.option("--uri", envvar="MGPT_MILVUS_URI", show_envvar=True,
                     help="Milvus server instead of --db, e.g. http://localhost:19530."),
        click.option("--token", envvar="MGPT_MILVUS_TOKEN", show_envvar=True,
                     help="Milvus server credentials, user:password or an API key."),
        click.option("--collection", default=DEFAULT_COLLECTION, show_default=True,
                     help="Collection that holds the chunks."),
        click.pass_context,
    ]
    for option in reversed(options):
        f = option(f)
    return f


def store_location(ctx, db, uri, token, collection):
    """--db wins over a URI from the environment; both on the command line is a mistake."""
    uri_explicit = uri and ctx.get_parameter_source("uri") != ENV
    if db and uri_explicit:
        raise MgptError("--db and --uri exclude each other: --db is a local Milvus Lite file, --uri a server")
    if not _COLLECTION_NAME.match(collection):
        raise MgptError(f"--collection {collection!r}: use letters, digits and underscores, "
                        f"starting with a letter or underscore")
    if db:
        if token and ctx.get_parameter_source("token") != ENV:
            raise MgptError("--token is for a Milvus server (--uri), not for --db")
        return Location(db=db, collection=collection)
    if uri:
        return Location(uri=uri, token=token, collection=collection)
    raise MgptError("say where the chunks are: --db kb.db (Milvus Lite, local) or --uri http://HOST:19530 "
                    "(a Milvus server; or set MGPT_MILVUS_URI)")


def explicit(ctx, name):
    return ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE


def shown(hit):
    from .retrieval.sources import shown_path

    return f"{shown_path(hit['source'])} #{hit['position'] + 1}"


# --- index --------------------------------------------------------------------------------

@click.command(context_settings={"show_default": True})
@click.argument("paths", nargs=-1, required=True)
@store_options
@click.option("--chunk-size", type=click.IntRange(16, 4000), default=DEFAULT_CHUNK_SIZE,
              help="Largest chunk, in characters; longer paragraphs are cut in overlapping pieces.")
@click.option("--overlap", type=NONNEG_INT, default=DEFAULT_OVERLAP, help="Characters a cut piece repeats from the one before.")
@click.option("--dim", type=DIM, default=DEFAULT_DIM, help="Embedding dimension of a new collection.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.option("-q", "--quiet", is_flag=True, help="No warnings about skipped files.")
def index(ctx, paths, db, uri, token, collection, chunk_size, overlap, dim, as_json, quiet):
    """Chunk, embed and store documents (.txt and .md files or folders).

    \b
    Ids come from each chunk's file and text: indexing the same files again writes nothing, an
    edited file replaces its changed chunks, removed text (and files removed from a folder
    being indexed) loses its chunks. Prints how many chunks were added, replaced, removed and
    unchanged. Unreadable or binary files are skipped with a warning.
    Examples:
      mgpt index corpora/kb --db kb.db
      mgpt index docs/ faq.md --uri http://localhost:19530 --collection support
    """
    from .retrieval.embedding import NAME, HashedNgramEmbedder
    from .retrieval.indexing import index_documents
    from .retrieval.sources import read_documents
    from .retrieval.store import opened

    problem = check_sizes(chunk_size, overlap)
    if problem:
        raise MgptError(problem)
    location = store_location(ctx, db, uri, token, collection)
    documents, folders, skipped = read_documents(paths)
    with opened(location, create=True) as store:
        if store.exists():
            stored_name, stored_dim = store.embedder()
            if not explicit(ctx, "dim"):
                dim = stored_dim
            store.check_embedder(NAME, dim, f"index with --dim {stored_dim}, or into another --collection"
                                 if stored_name == NAME else "index into another --collection")
            store.load()
        else:
            store.create(NAME, dim)
        for skip in skipped:
            note(f"warning: skipped {skip}", quiet)
        counts = index_documents(store, HashedNgramEmbedder(dim), documents, folders, chunk_size, overlap)
        counts["total"] = store.count()
    if as_json:
        click.echo(json.dumps({**counts, "skipped": len(skipped), "collection": collection,
                               "store": location.describe()}))
    else:
        click.echo(f"added {counts['added']}, replaced {counts['replaced']}, removed {counts['removed']}, "
                   f"unchanged {counts['unchanged']} ({counts['chunks']} chunks from {counts['files']} files; "
                   f"{counts['total']} in {location.describe()}, collection {collection})")


# --- retrieve -----------------------------------------------------------------------------

@click.command(context_settings={"show_default": True})
@click.argument("query")
@store_options
@click.option("-k", "k", type=POSITIVE_INT, default=3, help="How many chunks to return.")
@click.option("--dim", type=DIM, help="Expected embedding dimension [default: the collection's].")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per chunk.")
def retrieve(ctx, query, db, uri, token, collection, k, dim, as_json):
    """The chunks nearest to QUERY, with score and source.

    \b
    Examples:
      mgpt retrieve "price of the Kestrel 2 tent" --db kb.db -k 3
      mgpt retrieve "warranty" --db kb.db --json | head -1
    """
    from .retrieval.query import collection_embedder, retrieve as nearest
    from .retrieval.store import opened

    location = store_location(ctx, db, uri, token, collection)
    with opened(location) as store:
        hits = nearest(store, collection_embedder(store, dim), query, k)
    for rank, hit in enumerate(hits, 1):
        if as_json:
            click.echo(json.dumps({"rank": rank, **hit}, ensure_ascii=False))
        else:
            click.echo(f"{rank}  {hit['score']:.3f}  {shown(hit)}\n   {hit['text']}")


# --- ask ----------------------------------------------------------------------------------

@click.command(context_settings={"show_default": True})
@click.argument("question")
@click.option("--ckpt", required=True, help="Model checkpoint, trained on the prompt template above.")
@store_options
@click.option("-k", "k", type=POSITIVE_INT, default=3, help="Chunks to retrieve; those that fit the block go into the prompt.")
@click.option("--no-retrieval", is_flag=True, help="Ask with an empty context: the model alone, as a baseline.")
@click.option("--dim", type=DIM, help="Expected embedding dimension [default: the collection's].")
@click.option("--max-new-tokens", type=POSITIVE_INT, default=DEFAULT_MAX_NEW_TOKENS, help="Longest answer, in characters.")
@click.option("--temperature", type=NONNEG_FLOAT, default=0.0, help="0 means greedy.")
@click.option("--top-k", type=POSITIVE_INT, help="Sample only from the k most likely characters.")
@click.option("--top-p", type=click.FloatRange(0, 1, min_open=True), help="Nucleus sampling mass.")
@click.option("--seed", type=NONNEG_INT, help="Seed for reproducible sampling.")
@click.option("--adapter", "adapters", multiple=True, help=ADAPTER_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: answer, prompt, sources.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the sources on stderr.")
def ask(ctx, question, ckpt, db, uri, token, collection, k, no_retrieval, dim, max_new_tokens, temperature,
        top_k, top_p, seed, adapters, as_json, quiet):
    """Answer QUESTION from retrieved chunks (sources on stderr).

    \b
    The prompt is one line, "C: <chunk 1> | <chunk 2> Q: <question> A: ", with the
    best-ranked chunks that fit the model's block (see docs/RAG.md); the model writes the
    answer and stops at BOS.
    Examples:
      mgpt ask "What is the price of the Kestrel 2 tent?" --ckpt rag.npz --db kb.db
      mgpt ask "When was the Glow 200 lantern released?" --ckpt rag.npz --db kb.db --json
      mgpt ask "What is the price of the Kestrel 2 tent?" --ckpt rag.npz --no-retrieval
    """
    from .retrieval.answer import answer_question
    from .retrieval.query import collection_embedder, retrieve as nearest
    from .retrieval.store import opened

    ck = load_with_adapters(ckpt, adapters)
    hits = []
    if not no_retrieval:
        location = store_location(ctx, db, uri, token, collection)
        with opened(location) as store:
            hits = nearest(store, collection_embedder(store, dim), question, k)
    result = answer_question(ck, question, hits, max_new_tokens, temperature, top_k, top_p, seed)
    if as_json:
        from .retrieval.sources import shown_path

        result["sources"] = [{**s, "source": shown_path(s["source"])} for s in result["sources"]]
        click.echo(json.dumps({k: v for k, v in result.items() if k != "notes"}, ensure_ascii=False))
    else:
        click.echo(result["answer"])
    if not quiet:
        for message in result["notes"]:
            note(message)
        for s in result["sources"]:
            note(f"source {s['rank']}: {shown(s)} (score {s['score']:.3f}"
                 f"{'' if s['in_prompt'] else ', not in the prompt'})")
    sys.stdout.flush()
