"""Question/chunk pairs as the span reader reads them: ids, character types, word buckets (with
word features, word_hash.py), targets, batches.

A pair is [BOS] question [BOS] chunk (a row of its own when reading; packed several to a row in
training, make_batch). Each character gets a type (span_reader.N_TYPES of them):

    SEPARATOR       the two BOS (the first is also the pair's null answer)
    QUESTION        a question character
    QUESTION_MATCH  ... of a word the chunk holds too
    CHUNK           a chunk character
    CHUNK_MATCH     ... of a word the question holds (lowercase, stop words left out)
    CHUNK_NEAR      ... of a word sharing its first PREFIX letters with a question word
                    ("weighs" for "weight", "colours" for "colour")

DrQA (Chen et al. 2017) found such exact-match features the single most useful input of its
reader. They are computed, not learned, and a config can turn them off (the ablation), leaving
only QUESTION and CHUNK.

Training examples are JSON lines {"question", "chunks": [...], "answer": str or null, "spans":
[[chunk, start, end], ...]}: spans are where the answer stands in the chunks that state it (when
absent, every occurrence of the answer in any chunk).
"""

import json
from typing import NamedTuple

import numpy as np

from .errors import MgptError
from .packing import pack
from .span_reader import PairBatch, SpanTargets
from .word_hash import word_ids, words

SEPARATOR, QUESTION, QUESTION_MATCH, CHUNK, CHUNK_MATCH, CHUNK_NEAR = range(6)
PREFIX = 4
STOP_WORDS = frozenset("""a an the of to in on for and or is are was were be been do does did what which who whom
whose when where why how can could would should will shall may might must i my me we our you your it its this that
these those there here with at by from as about into than then so if not no yes much many long any some""".split())
MAX_QUESTION = 120  # characters of a question the reader reads; ask refuses longer ones


def character_types(question, chunk, match_features=True):
    """(types of the question's characters, types of the chunk's), int8 arrays."""
    q_types = np.full(len(question), QUESTION, np.int8)
    c_types = np.full(len(chunk), CHUNK, np.int8)
    if not match_features:
        return q_types, c_types
    q_words = {w for _, _, w in words(question) if w not in STOP_WORDS}
    q_prefixes = {w[:PREFIX] for w in q_words if len(w) >= PREFIX}
    c_words = set()
    for start, end, w in words(chunk):
        c_words.add(w)
        if w in q_words:
            c_types[start:end] = CHUNK_MATCH
        elif len(w) >= PREFIX and w[:PREFIX] in q_prefixes:
            c_types[start:end] = CHUNK_NEAR
    for start, end, w in words(question):
        if w in c_words and w not in STOP_WORDS:
            q_types[start:end] = QUESTION_MATCH
    return q_types, c_types


NEVER_FIRST, NEVER_LAST = set(".,;:!?)]}"), set(",;:([{")


def edges(text):
    """(may start, may end) per character of a chunk: where an answer may begin and end. Not
    inside a word, not on a space, not on punctuation that closes (first) or opens (last) a
    phrase. Computed, not learned: training and reading score only these places (and the null)."""
    chars = np.array(list(text)) if text else np.zeros(0, "<U1")
    alnum = np.char.isalnum(chars)
    space = np.char.isspace(chars)
    glued_left = np.concatenate(([False], alnum[1:] & alnum[:-1]))  # alnum after alnum
    glued_right = np.concatenate((alnum[:-1] & alnum[1:], [False]))
    first = np.array([c not in NEVER_FIRST for c in text], bool)
    last = np.array([c not in NEVER_LAST for c in text], bool)
    return ~glued_left & ~space & first, ~glued_right & ~space & last


class Row(NamedTuple):
    """One encoded pair: ids and types (T,), where the chunk starts, where in the chunk an answer
    may start and end (edges), and the answer's starts and ends in this row (positions of the row,
    ends inclusive); words (T, 2): the word and stem buckets, None without word features."""
    ids: np.ndarray
    types: np.ndarray
    chunk_at: int
    may_start: np.ndarray
    may_end: np.ndarray
    starts: tuple = ()
    ends: tuple = ()
    words: np.ndarray = None


def encode_pair(vocab, question, chunk, block_size, match_features=True, spans=(), word_buckets=0):
    """The row of (question, chunk): the chunk cut to fit block_size, spans beyond the cut dropped;
    with word_buckets, the buckets of the words of the texts as read (word_hash.word_ids, the
    separators outside words). Both texts must already hold only the vocabulary's characters
    (Vocab.fit): training and reading fit them the same way, so a word gets the same bucket in both."""
    question = question[:MAX_QUESTION]
    chunk_at = 2 + len(question)
    chunk = chunk[:max(block_size - chunk_at, 0)]
    q_types, c_types = character_types(question, chunk, match_features)
    ids = np.concatenate(([vocab.bos], vocab.encode(question), [vocab.bos], vocab.encode(chunk))).astype(np.int32)
    types = np.concatenate(([SEPARATOR], q_types, [SEPARATOR], c_types)).astype(np.int8)
    hashed = None
    if word_buckets:
        none = np.zeros((1, 2), np.int32)
        hashed = np.concatenate((none, word_ids(question, word_buckets), none, word_ids(chunk, word_buckets)))
    kept = [(s, e) for s, e in spans if e <= len(chunk)]
    return Row(ids, types, chunk_at, *edges(chunk), tuple(chunk_at + s for s, _ in kept),
               tuple(chunk_at + e - 1 for _, e in kept), hashed)


def make_batch(groups, bos, width=None):
    """groups: a list (one per question) of lists of Rows -> (PairBatch, SpanTargets). With a
    width, pairs are packed side by side in rows of that width (training: a batch pays for its
    characters, not for padding); without, each pair has a row of its own (reading). The target is
    every answer start and end of the group's pairs, or their nulls when none holds the answer."""
    pairs = [(q, row) for q, rows in enumerate(groups) for row in rows]
    lengths = [len(row.ids) for _, row in pairs]
    places = pack(lengths, width) if width else [(i, 0) for i in range(len(pairs))]
    R = max(r for r, _ in places) + 1
    T = max(offset + n for (_, offset), n in zip(places, lengths))
    ids = np.full((R, T), bos, np.int32)
    types = np.zeros((R, T), np.int8)
    hashed = np.zeros((R, T, 2), np.int32) if pairs[0][1].words is not None else None
    positions = np.zeros((R, T), np.int32)
    segments = np.full((R, T), -1, np.int32)
    question = np.full((R, T), -1, np.int32)
    may_start, may_end, start, end = (np.zeros((R, T), bool) for _ in range(4))
    answered = [any(row.starts for row in rows) for rows in groups]
    in_row = [0] * R
    for (q, row), (r, at), n in zip(pairs, places, lengths):
        here = slice(at, at + n)
        ids[r, here], types[r, here], positions[r, here] = row.ids, row.types, np.arange(n)
        if hashed is not None:
            hashed[r, here] = row.words
        segments[r, here], question[r, here] = in_row[r], q
        in_row[r] += 1
        may_start[r, at] = may_end[r, at] = True
        may_start[r, at + row.chunk_at:at + n], may_end[r, at + row.chunk_at:at + n] = row.may_start, row.may_end
        if answered[q]:
            start[r, [at + i for i in row.starts]] = True
            end[r, [at + i for i in row.ends]] = True
        else:
            start[r, at] = end[r, at] = True
    # an answer that begins or ends off the edges (a value glued to a word) is allowed where it stands
    return (PairBatch(ids, types, positions, segments, places, hashed),
            SpanTargets(may_start | start, may_end | end, start, end, question, len(groups)))


class Example(NamedTuple):
    question: str
    chunks: list
    spans: list  # [(chunk index, start, end)]


def example_spans(chunks, answer, spans):
    """The spans of a JSON example: as given, else every occurrence of the answer."""
    if answer is None:
        return []
    if spans is not None:
        return [tuple(int(v) for v in s) for s in spans]
    found = []
    for i, chunk in enumerate(chunks):
        at = chunk.find(answer)
        while at >= 0:
            found.append((i, at, at + len(answer)))
            at = chunk.find(answer, at + 1)
    return found


def parse_example(record, where):
    """An Example from one JSON object, or MgptError naming `where` (file:line)."""
    if not isinstance(record, dict):
        raise MgptError(f"{where}: expected a JSON object")
    question, chunks, answer = record.get("question"), record.get("chunks"), record.get("answer")
    if not isinstance(question, str) or not question.strip():
        raise MgptError(f"{where}: needs a non-empty \"question\" string")
    if not isinstance(chunks, list) or not chunks or not all(isinstance(c, str) for c in chunks):
        raise MgptError(f"{where}: needs \"chunks\", a non-empty list of strings")
    if answer is not None and not isinstance(answer, str):
        raise MgptError(f"{where}: \"answer\" must be a string or null")
    spans = example_spans(chunks, answer, record.get("spans"))
    for i, s, e in spans:
        if not (0 <= i < len(chunks) and 0 <= s < e <= len(chunks[i])) or (answer and chunks[i][s:e] != answer):
            raise MgptError(f"{where}: span {[i, s, e]} is not the answer's place in chunk {i}")
    if answer is not None and not spans:
        raise MgptError(f"{where}: the answer {answer[:40]!r} is in none of the chunks; answers must be copied from them")
    return Example(question, chunks, spans)


def parse_examples(text, name):
    """The Examples of JSON lines (blank lines skipped); errors name `name` and the line."""
    examples = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise MgptError(f"{name}:{number}: not JSON ({e.msg})") from None
        examples.append(parse_example(record, f"{name}:{number}"))
    if not examples:
        raise MgptError(f"{name}: no examples; write one JSON object per line: "
                        f"{{\"question\": ..., \"chunks\": [...], \"answer\": ... or null}}")
    return examples


def split_examples(examples, vocab, config, val_fraction, seed):
    """(train, val) PairSplits for a reader of this config (SpanReaderConfig): a seeded
    val_fraction of the questions held out (data.held_out)."""
    from .data import held_out

    return tuple(PairSplit([examples[i] for i in part], vocab, config)
                 for part in held_out(len(examples), val_fraction, seed, "example(s)", "add examples"))


class PairSplit:
    """Examples a training run draws batches of questions from; rows are encoded as drawn, with
    the inputs the reader's config asks for (match types, word buckets)."""

    def __init__(self, examples, vocab, config):
        self.examples, self.vocab = examples, vocab
        self.match_features, self.word_buckets = config.match_features, config.word_buckets

    def __len__(self):
        return len(self.examples)

    @property
    def num_tokens(self):
        return len(self.examples)

    def rows(self, example, block_size):
        vocab = self.vocab
        question = vocab.fit(example.question, "question")[0]
        return [encode_pair(vocab, question, vocab.fit(chunk, "chunk")[0], block_size, self.match_features,
                            [(s, e) for ci, s, e in example.spans if ci == i], self.word_buckets)
                for i, chunk in enumerate(example.chunks)]

    def sample(self, batch_size, block_size, rng):
        return self.sample_shards(batch_size, block_size, rng, 1)[0]

    def sample_shards(self, batch_size, block_size, rng, shards):
        """The batch's questions in `shards` parts, each packed on its own (a question's pairs stay
        in one shard: its loss is a softmax over all of them)."""
        picks = rng.integers(0, len(self.examples), size=batch_size)
        return [make_batch([self.rows(self.examples[i], block_size) for i in part], self.vocab.bos, block_size)
                for part in np.array_split(picks, shards)]

    def whole_batches(self, block_size, batch_size):
        """Batches of every example once, in order."""
        return (make_batch([self.rows(e, block_size) for e in self.examples[i:i + batch_size]], self.vocab.bos,
                           block_size) for i in range(0, len(self.examples), batch_size))

    @staticmethod
    def scored(targets):
        """What a batch's loss is a mean over: its questions."""
        return targets.questions
