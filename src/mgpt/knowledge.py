"""mgpt.KnowledgeBase: index documents into Milvus, search them, and ask the reader, from Python.

`mgpt index`, `retrieve` and `ask` are shells over these calls. Results are plain dataclasses;
`record` fields hold what the commands print with --json. The store is opened for each call and
closed after it (Milvus Lite lets one process hold a database, and a notebook should not keep
it locked between cells). pymilvus is imported only when a call opens the store.
"""

import os
from dataclasses import asdict, dataclass, field

from .errors import MgptError
from .options import POSITIVE_INT, PROBABILITY, check_choice, either


@dataclass
class Hit:
    """A retrieved chunk: its text, where it is (source as shown: relative to the current folder
    when below it, with 'p. N' where the file has pages), its place in the file, its score."""
    id: str
    score: float
    source: str
    page: int
    position: int
    text: str
    path: str  # the source's absolute path, as stored


@dataclass
class Source(Hit):
    """A chunk the reader looked at: its rank, whether its prompt held it, and for the cited
    chunk the answer's span [start, end) in its text."""
    rank: int = 0
    in_prompt: bool = False
    span: tuple = None


@dataclass
class Answer:
    """The reader's answer (None when it abstained: the documents do not say), the chunks it
    looked at, and the one it cites."""
    question: str
    answer: str
    abstained: bool
    confidence: float
    sources: list
    cited: Source = None
    notes: list = field(default_factory=list)  # e.g. characters of the question the reader has no id for
    record: dict = field(default_factory=dict, repr=False)  # what `mgpt ask --json` prints

    def __str__(self):
        from .retrieval.answer import NOT_IN_DOCUMENTS

        return NOT_IN_DOCUMENTS if self.abstained else self.answer


@dataclass
class IndexReport:
    """What one index call did: chunks added, replaced, removed and unchanged, files read and skipped."""
    added: int
    replaced: int
    removed: int
    unchanged: int
    chunks: int
    files: int
    total: int  # chunks in the collection afterwards
    skipped: list  # 'FILE: why' for each file not read
    vector_index: str = None  # the index built by this call, if it changed
    record: dict = field(default_factory=dict, repr=False)  # what `mgpt index --json` prints


def _hit(raw, cls=Hit, **more):
    from .retrieval.sources import shown_path

    source = shown_path(raw["source"]) + (f" p. {raw['page']}" if raw.get("page") else "")
    return cls(raw["id"], raw["score"], source, raw.get("page", 0), raw["position"], raw["text"], raw["source"],
               **more)


class KnowledgeBase:
    """Documents in one Milvus collection: a Milvus Lite database (db='kb.db', a local folder) or
    a server (uri='http://HOST:19530', token for its credentials)."""

    def __init__(self, db=None, uri=None, token=None, collection=None, *, uri_from_environment=False,
                 token_from_environment=False):
        from .retrieval.collection import location
        from .retrieval.store import DEFAULT_COLLECTION

        self.location = location(os.fspath(db) if db else None, uri, token, collection or DEFAULT_COLLECTION,
                                 uri_from_environment, token_from_environment)

    def _opened(self, create=False):
        from .retrieval.store import opened

        return opened(self.location, create)

    def index(self, paths, chunk_size=None, overlap=None, dim=None, rebuild=False, index_type="auto",
              progress=None, should_stop=None):
        """Chunks, embeds and stores the files and folders of `paths` (.txt .md .html .htm .pdf).
        Unchanged files write nothing; edited ones replace their chunks; files gone from a folder
        lose theirs. progress(files_done, files, counts) follows the work; should_stop() ends it
        between batches (retrieval.indexing.Interrupted)."""
        from .retrieval.chunking import DEFAULT_CHUNK_SIZE, DEFAULT_OVERLAP, check_sizes
        from .retrieval.collection import choose_vector_index, prepare_collection
        from .retrieval.embedding import DEFAULT_DIM, HashedNgramEmbedder
        from .retrieval.indexing import index_files
        from .retrieval.sources import find_files
        from .retrieval.store import INDEX_TYPES

        paths = [os.fspath(paths)] if isinstance(paths, (str, os.PathLike)) else [os.fspath(p) for p in paths]
        chunk_size = POSITIVE_INT.check("chunk_size", DEFAULT_CHUNK_SIZE if chunk_size is None else chunk_size)
        overlap = DEFAULT_OVERLAP if overlap is None else overlap
        problem = check_sizes(chunk_size, overlap)
        if problem:
            raise MgptError(problem)
        check_choice("index_type", index_type, INDEX_TYPES)
        files, folders = find_files(paths)
        with self._opened(create=True) as store:
            dim = prepare_collection(store, POSITIVE_INT.check("dim", dim or DEFAULT_DIM), rebuild, dim is not None)
            counts = index_files(store, HashedNgramEmbedder(dim), files, folders, chunk_size, overlap,
                                 progress=progress and (lambda done, counts: progress(done, len(files), counts)),
                                 should_stop=should_stop)
            if not counts.files:
                raise MgptError(f"no indexable files: skipped {'; '.join(counts.skipped)}")
            built = choose_vector_index(store, index_type)
            total = store.count()
        record = {**counts.as_dict(), "total": total, "skipped": len(counts.skipped),
                  "collection": self.location.collection, "store": self.location.describe()}
        return IndexReport(record["added"], record["replaced"], record["removed"], record["unchanged"],
                           record["chunks"], record["files"], total, list(counts.skipped), built, record)

    def search(self, question, k=3, source=None, retrieval="hybrid", dim=None):
        """The k chunks that best match `question`, best first (retrieval: hybrid, dense or bm25);
        source: a glob the chunk's file must match ('*.md', 'faq/*')."""
        return [_hit(raw) for raw in self._search(question, k, source, retrieval, dim)]

    def _search(self, question, k, source, retrieval, dim):
        from .retrieval.collection import source_filter
        from .retrieval.query import collection_embedder, retrieve
        from .retrieval.store import RETRIEVAL_MODES

        k = POSITIVE_INT.check("k", k)
        check_choice("retrieval", retrieval, RETRIEVAL_MODES)
        source_filter(source)  # a bad glob is refused before the store is opened
        with self._opened() as store:
            return retrieve(store, collection_embedder(store, dim), question, k, retrieval, source)

    def ask(self, question, k=None, source=None, retrieval="hybrid", dim=None, **reading):
        """The reader's answer to `question` from the best chunks (k: as many as the reader reads;
        source: a glob as search takes it), a verbatim span of one of them, cited; or an
        abstention. `reading` options are those of mgpt.knowledge.read."""
        return read(question, lambda k_default: self._search(question, k or k_default, source, retrieval, dim),
                    **reading)


def read(question, search=None, ckpt=None, adapters=(), min_confidence=None, free=False, reading=None,
         max_new_tokens=None, temperature=0.0, top_k=None, top_p=None, seed=None):
    """The reader on `question` and the chunks search(k) returns (k: how many this reader reads),
    or none (search None: the model alone, as a baseline). ckpt: another reader [default: the one
    shipped with mgpt], with adapters as mgpt.load takes them; below min_confidence it abstains;
    free lets it write instead of copying a span; reading: packed or each (generative readers)."""
    from .api import load
    from .retrieval.answer import DEFAULT_MAX_NEW_TOKENS, DEFAULT_READING, READINGS, answer_question, default_k
    from .retrieval.reader import reader_path

    if not isinstance(question, str) or not question.strip():
        raise MgptError("the question is empty; ask something, e.g. " + either(
            'mgpt ask "How much does the Kestrel 2 tent cost?"', 'kb.ask("How much does the Kestrel 2 tent cost?")'))
    reading = check_choice("reading", reading or DEFAULT_READING, READINGS)
    min_confidence = PROBABILITY.check("min_confidence", min_confidence)
    max_new_tokens = POSITIVE_INT.check("max_new_tokens", max_new_tokens or DEFAULT_MAX_NEW_TOKENS)
    ck = load(ckpt or reader_path(), adapters).checkpoint
    hits = [] if search is None else search(default_k(ck))
    result = answer_question(ck, question, hits, max_new_tokens, not free, min_confidence,
                             temperature, top_k, top_p, seed, reading)
    sources = [_hit(s, Source, rank=s["rank"], in_prompt=s["in_prompt"],
                    span=tuple(s["span"]) if "span" in s else None) for s in result["sources"]]
    record = {k: v for k, v in result.items() if k != "notes"}
    record["sources"] = [{**s, "source": shown.source} for s, shown in zip(result["sources"], sources)]
    cited = next((s for s in sources if s.span is not None), None)
    return Answer(result["question"], result["answer"], result["abstained"], result["confidence"], sources,
                  cited, result["notes"], record)


def hit_record(hit, rank):
    """A hit as `mgpt retrieve --json` prints it."""
    record = {"rank": rank, **asdict(hit)}
    del record["path"]
    return record
