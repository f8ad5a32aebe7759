"""`mgpt index`, `mgpt retrieve` and `mgpt ask`: retrieval-augmented generation over Milvus.

The commands parse options and print; the work is in mgpt.retrieval, which imports pymilvus
only when a store is opened (so `mgpt --help`, train and sample never load it).
"""

import json
import sys

import click

from ..errors import MgptError
from ..retrieval.answer import (DEFAULT_ASK_K, DEFAULT_MAX_NEW_TOKENS, DEFAULT_MIN_CONFIDENCE, DEFAULT_READING,
                                READINGS, default_k)
from ..retrieval.span_answer import DEFAULT_SPAN_K
from ..retrieval.chunking import DEFAULT_CHUNK_SIZE, DEFAULT_OVERLAP
from ..retrieval.embedding import DEFAULT_DIM
from ..retrieval.store import DEFAULT_COLLECTION, HNSW_ABOVE, INDEX_TYPES, RETRIEVAL_MODES
from ..stop_signals import StopSignals
from .common import NONNEG_INT, POSITIVE_INT, adapter_option, given, note, sampling_options

DIM = click.IntRange(16, 32768)
ENV = click.core.ParameterSource.ENVIRONMENT
SOURCE_HELP = ("Only chunks of files whose path matches GLOB (* any characters, / included; ? one), "
               "e.g. '*.md' or 'faq/*'.")


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


def from_environment(ctx, name):
    return ctx.get_parameter_source(name) == ENV


def store_location(ctx, db, uri, token, collection):
    """--db wins over a URI from the environment; both on the command line is a mistake."""
    from ..retrieval.collection import location

    return location(db, uri, token, collection, from_environment(ctx, "uri"), from_environment(ctx, "token"))


def knowledge_base(ctx, db, uri, token, collection):
    from ..knowledge import KnowledgeBase

    return KnowledgeBase(db, uri, token, collection, uri_from_environment=from_environment(ctx, "uri"),
                         token_from_environment=from_environment(ctx, "token"))


def shown(hit):
    return f"{hit.source} #{hit.position + 1}"


# --- index --------------------------------------------------------------------------------

@click.command(context_settings={"show_default": True})
@click.argument("paths", nargs=-1, required=True)
@store_options
@click.option("--chunk-size", type=click.IntRange(16, 4000), default=DEFAULT_CHUNK_SIZE,
              help="Largest chunk, in characters; longer paragraphs are cut in overlapping pieces.")
@click.option("--overlap", type=NONNEG_INT, default=DEFAULT_OVERLAP, help="Characters a cut piece repeats from the one before.")
@click.option("--dim", type=DIM, default=DEFAULT_DIM, help="Embedding dimension of a new collection.")
@click.option("--rebuild", is_flag=True, help="Drop the collection first and index these documents afresh "
              "(the way to upgrade a collection made by an older mgpt).")
@click.option("--index-type", type=click.Choice(INDEX_TYPES), default="auto",
              help=f"Vector index: exact FLAT, approximate HNSW, or auto (HNSW above {HNSW_ABOVE:,} chunks).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no warnings about skipped files.")
def index(ctx, paths, db, uri, token, collection, chunk_size, overlap, dim, rebuild, index_type, as_json, quiet):
    """Chunk, embed and store documents (.txt, .md, .html, .htm, .pdf files or folders).

    \b
    Ids come from each chunk's file and text: indexing the same files again writes nothing, an
    edited file replaces its chunks, removed text (and files removed from a folder being
    indexed) loses its chunks. Prints how many chunks were added, replaced, removed and
    unchanged. Unreadable files are skipped with a warning. Ctrl-C stops after the current
    batch; running the same command again finishes the job.
    Examples:
      mgpt index corpora/kb --db kb.db
      mgpt index docs/ faq.md --uri http://localhost:19530 --collection support
    """
    from ..retrieval.indexing import Interrupted

    kb = knowledge_base(ctx, db, uri, token, collection)
    with StopSignals() as stop, IndexProgress(quiet) as bar:
        try:
            report = kb.index(paths, chunk_size, overlap, dim if given(ctx, "dim") else None, rebuild, index_type,
                              progress=bar.update, should_stop=stop.requested)
        except Interrupted as e:
            bar.close()
            note(f"interrupted: wrote {e.counts.written:,} chunks of {e.counts.files:,} files; run the same "
                 f"command again to finish")
            sys.exit(128 + stop.signum)
    for skip in report.skipped:
        note(f"warning: skipped {skip}", quiet)
    if report.vector_index:
        note(f"vector index: {report.vector_index}", quiet)
    r = report.record
    if as_json:
        click.echo(json.dumps(r))
    else:
        click.echo(f"added {r['added']}, replaced {r['replaced']}, removed {r['removed']}, "
                   f"unchanged {r['unchanged']} ({r['chunks']} chunks from {r['files']} files; "
                   f"{r['total']} in {r['store']}, collection {r['collection']})")


class IndexProgress:
    """A tqdm bar on stderr over the files, with the chunks written and their rate; off with -q."""

    def __init__(self, quiet):
        from tqdm import tqdm

        self.bar = tqdm(total=None, unit="file", disable=True if quiet else None, file=sys.stderr, dynamic_ncols=True,
                        desc="index", leave=False)
        self.done = 0

    def __enter__(self):
        return self

    def update(self, files_done, files, counts):
        self.bar.total = files
        self.bar.update(files_done - self.done)
        self.done = files_done
        rate = counts.written / max(self.bar.format_dict["elapsed"], 1e-9)
        self.bar.set_postfix(chunks=f"{counts.chunks:,}", written=f"{counts.written:,}", chunks_s=f"{rate:,.0f}",
                             refresh=False)

    def close(self):
        self.bar.close()

    def __exit__(self, *exc):
        self.close()


# --- retrieve -----------------------------------------------------------------------------

K_HELP = (f"Chunks to retrieve [default: a span reader's own, chosen for it ({DEFAULT_SPAN_K} if its file does not "
          f"say), which reads each; {DEFAULT_ASK_K} for a "
          f"generative reader, which packs those that fit its block].")
CONFIDENCE_HELP = (f"Abstain under this confidence [default: the reader's own: a span reader's, chosen for it, "
                   f"of its span against the null; {DEFAULT_MIN_CONFIDENCE} of the answer's probability for a "
                   f"generative reader].")


def retrieval_option(f):
    return click.option("--retrieval", type=click.Choice(RETRIEVAL_MODES), default="hybrid",
                        help="hybrid: BM25 and the n-gram vectors fused by reciprocal rank; or one of them.")(f)


@click.command(context_settings={"show_default": True})
@click.argument("query")
@store_options
@click.option("-k", "k", type=POSITIVE_INT, default=3, help="How many chunks to return.")
@retrieval_option
@click.option("--dim", type=DIM, help="Expected embedding dimension [default: the collection's].")
@click.option("--source", metavar="GLOB", help=SOURCE_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per chunk.")
def retrieve(ctx, query, db, uri, token, collection, k, retrieval, dim, source, as_json):
    """The chunks that best match QUERY, with score and source.

    \b
    Examples:
      mgpt retrieve "price of the Kestrel 2 tent" --db kb.db -k 3
      mgpt retrieve "warranty" --db kb.db --retrieval bm25 --json | head -1
      mgpt retrieve "warranty" --db kb.db --source 'faq/*'
    """
    from ..knowledge import hit_record

    hits = knowledge_base(ctx, db, uri, token, collection).search(query, k, source, retrieval, dim)
    for rank, hit in enumerate(hits, 1):
        if as_json:
            click.echo(json.dumps(hit_record(hit, rank), ensure_ascii=False))
        else:
            click.echo(f"{rank}  {hit.score:.3f}  {shown(hit)}\n   {hit.text}")


# --- ask ----------------------------------------------------------------------------------

@click.command(context_settings={"show_default": True})
@click.argument("question")
@click.option("--ckpt", help="A model trained on the prompt template [default: the reader shipped with mgpt].")
@store_options
@click.option("-k", "k", type=POSITIVE_INT, help=K_HELP)
@retrieval_option
@click.option("--no-retrieval", is_flag=True, help="Ask with an empty context: the model alone, as a baseline.")
@click.option("--free", is_flag=True, help="Let the model write freely instead of copying a span of the context.")
@click.option("--reading", type=click.Choice(READINGS), default=DEFAULT_READING,
              help="packed: the best chunks in one prompt; each: every chunk in its own, the likeliest answer wins.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), help=CONFIDENCE_HELP)
@click.option("--dim", type=DIM, help="Expected embedding dimension [default: the collection's].")
@click.option("--source", metavar="GLOB", help=SOURCE_HELP)
@click.option("--max-new-tokens", type=POSITIVE_INT, default=DEFAULT_MAX_NEW_TOKENS, help="Longest answer, in characters.")
@sampling_options(temperature=0.0, seed_help="Seed for reproducible sampling.")
@adapter_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: answer, abstained, sources with the span.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the sources on stderr.")
def ask(ctx, question, ckpt, db, uri, token, collection, k, retrieval, no_retrieval, free, reading, min_confidence, dim,
        source, max_new_tokens, temperature, top_k, top_p, seed, adapters, as_json, quiet):
    """Answer QUESTION from the documents, citing where the answer is (sources on stderr).

    \b
    The reader copies its answer out of the retrieved chunks, so every answer is a span of your
    documents; when they do not hold one, it says so (exit 0). See docs/RAG.md.
    Examples:
      mgpt ask "How much does the Kestrel 2 tent cost?" --db kb.db
      mgpt ask "When was the Glow 200 lantern released?" --db kb.db --json
      mgpt ask "How long is the warranty?" --db kb.db --source 'faq/*'
      mgpt ask "What is the price of the Kestrel 2 tent?" --no-retrieval
    """
    from ..knowledge import read

    options = dict(ckpt=ckpt, adapters=adapters, min_confidence=min_confidence, free=free, reading=reading,
                   max_new_tokens=max_new_tokens, temperature=temperature, top_k=top_k, top_p=top_p, seed=seed)
    if no_retrieval:
        if source:
            raise MgptError("--source picks the documents to retrieve from; --no-retrieval retrieves none, drop one")
        answer = read(question, None, **options)
    else:
        answer = knowledge_base(ctx, db, uri, token, collection).ask(question, k, source, retrieval, dim, **options)
    if as_json:
        click.echo(json.dumps(answer.record, ensure_ascii=False))
    else:
        click.echo(str(answer))
    if not quiet:
        for message in answer.notes:
            note(message)
        if answer.cited:
            note(f"source: {shown(answer.cited)}, characters {answer.cited.span[0]}-{answer.cited.span[1]}")
        for s in answer.sources:
            note(f"looked at {s.rank}: {shown(s)} (score {s.score:.3f}"
                 f"{'' if s.in_prompt else ', not in the prompt'})")
    sys.stdout.flush()


# --- rag-examples -------------------------------------------------------------------------

@click.command(name="rag-examples", context_settings={"show_default": True})
@click.argument("pairs")
@click.option("-o", "--out", required=True, help="The training lines to write (one per pair).")
@click.option("--ckpt", help="The model the lines are for [default: the shipped reader].")
@store_options
@click.option("-k", "k", type=POSITIVE_INT, help="Chunks per line, as ask retrieves them [default: as ask].")
@retrieval_option
@click.option("--max-new-tokens", type=POSITIVE_INT, default=DEFAULT_MAX_NEW_TOKENS,
              help="Room left for the answer, as ask leaves it.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list skipped pairs.")
def rag_examples(ctx, pairs, out, ckpt, db, uri, token, collection, k, retrieval, max_new_tokens, quiet):
    """Turn your question/answer pairs (JSONL) into reader training lines, for finetune-lora.

    \b
    PAIRS holds one {"question": ..., "answer": ...} per line; answer null means "the documents
    do not say". Each line holds what ask would read for the question, from the same retrieval,
    and the answer, which must be a verbatim span of your indexed documents: for a span reader a
    JSON example (the question, the chunks, the answer), for a generative reader the prompt
    followed by the answer.
    Example:
      mgpt rag-examples qa.jsonl --db kb.db -o qa-examples.jsonl
      mgpt finetune-lora --base "$(mgpt info --reader --path)" qa-examples.jsonl -o ours.npz --steps 300
      mgpt ask "How long is the warranty?" --db kb.db --adapter ours.npz
    """
    from ..checkpoint import check_writable, load_model, write_text
    from ..retrieval.examples import SEARCH_DEPTH, example_line, read_pairs, span_example
    from ..retrieval.query import collection_embedder, retrieve as best_chunks
    from ..retrieval.reader import reader_path
    from ..retrieval.store import opened

    check_writable(out)
    examples = read_pairs(pairs)
    ck = load_model(ckpt or reader_path())
    k = k or default_k(ck)
    location = store_location(ctx, db, uri, token, collection)
    lines, skipped, abstaining = [], [], 0
    with opened(location) as store:
        embedder = collection_embedder(store)
        for question, answer in examples:
            hits = best_chunks(store, embedder, question, max(k, SEARCH_DEPTH), retrieval)
            if ck.is_span_reader:
                line = span_example(question, answer, hits, k)
            else:
                line = example_line(ck, question, answer, hits, k, max_new_tokens)
            if line is None:
                skipped.append(question)
            else:
                lines.append(line)
                abstaining += answer is None
    if not lines:
        raise MgptError(f"{pairs}: no answer was found verbatim in the indexed documents; "
                        f"answers must be copied exactly from them")
    write_text(out, "\n".join(lines) + "\n")
    for question in skipped:
        note(f"warning: skipped {question!r}: its answer is not a verbatim span of a retrieved chunk", quiet)
    note(f"wrote {len(lines)} line(s) to {out} ({abstaining} abstaining, "
         f"{len(skipped)} pair(s) skipped)", quiet)
