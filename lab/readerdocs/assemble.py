"""From facts to examples: the chunks a retrieval would return for the question, the spans of the
answer in them, or nothing when the documents do not say.

A collection is the chunks of every document of one source (all man pages, all of the Python
documentation), numbered in document order, with a BM25 index over them. For each fact:
- its stating chunks are the chunks of its document where its `where` and `locate` patterns
  match (a fact whose words the chunker cut apart has none and makes no example; an
  unanswerable fact whose document does state it after all is dropped);
- the example holds 2 to 6 chunks: the stating chunk at a random rank (when answerable), then
  same-type distractors (the stating chunks of the same family's facts about other entities of
  the same document, or of the same property of other documents: a sibling option, another
  parameter, another row, the same field of another page), then what BM25 returns for the
  question; a distractor may not state the fact, and may not hold the answer's text while
  naming the entity (it could be read as stating it);
- spans are every match of `locate` in every chunk shown that also matches `where`.
Chunks of validation documents never appear in training examples.
"""

import re
from dataclasses import dataclass, field

import numpy as np

from .bm25 import BM25
from .facts import PLACEHOLDER, paraphrase, pick, vary

SIZES = (2, 3, 4, 5, 6)
SIZE_WEIGHTS = np.array([15, 25, 25, 20, 15], dtype=np.float64) / 100


@dataclass
class Collection:
    name: str
    docs: list                       # Document objects, in order
    chunks: list = field(default_factory=list)
    doc_of: np.ndarray = None        # chunk -> document index
    ranges: dict = field(default_factory=dict)  # doc key -> (start, end)

    def build(self):
        doc_of = []
        for n, d in enumerate(self.docs):
            start = len(self.chunks)
            self.chunks.extend(d.chunks)
            self.ranges[d.key] = (start, len(self.chunks))
            doc_of.extend([n] * len(d.chunks))
        self.doc_of = np.asarray(doc_of, dtype=np.int64)
        self.bm25 = BM25(self.chunks)
        return self


class Compiled:
    """A fact with its patterns compiled and its stating chunks found."""

    def __init__(self, fact, coll):
        self.fact = fact
        self.where = re.compile(fact.where) if fact.where else None
        self.locate = re.compile(fact.locate) if fact.locate else None
        self.mention = re.compile(fact.mention) if fact.mention else None
        start, end = coll.ranges[fact.doc]
        self.stating = [i for i in range(start, end) if self.states(coll.chunks[i])]

    def states(self, chunk):
        if self.locate is None:
            return False
        if self.fact.answer is not None and self.fact.answer not in chunk:
            return False
        if self.where is not None and not self.where.search(chunk):
            return False
        return self.locate.search(chunk) is not None

    def spans(self, chunk):
        if self.fact.answer is None or not self.states(chunk):
            return []
        return [(m.start("a"), m.end("a")) for m in self.locate.finditer(chunk) if m.group("a") == self.fact.answer]

    def refuses(self, chunk):
        """A distractor this fact cannot have: one that states it, or (answerable) one that holds
        its answer's text and names its entity."""
        if self.states(chunk):
            return True
        if self.fact.answer is None:
            return False
        return self.fact.answer in chunk and self.mention is not None and self.mention.search(chunk) is not None


def fact_ok(fact):
    if fact.answer is not None and (not fact.answer.strip() or PLACEHOLDER in fact.answer or len(fact.answer) > 80):
        return False
    return True


def question_of(rng, fact):
    q = pick(rng, fact.questions)
    if "{c}" in q:
        q = q.replace("{c}", paraphrase(rng, fact.extra["clause"].rstrip(". ")))
    return vary(rng, q)


def make_examples(coll, facts, rng_for, val_docs, stats):
    """Examples of the facts (answerable and not) of one collection; rng_for(doc) gives each
    document its own random stream, so documents do not shift one another's examples."""
    compiled = []
    for fact in facts:
        if not fact_ok(fact):
            stats["dropped_bad_answer"] += 1
            continue
        c = Compiled(fact, coll)
        if fact.answer is not None and not c.stating:
            stats["dropped_not_located"] += 1
            continue
        if fact.answer is None and c.stating:
            stats["dropped_unanswerable_stated"] += 1
            continue
        compiled.append(c)
    # same-type pools: (family, doc) and (family, attr) -> stating chunks of answerable facts
    by_doc, by_attr = {}, {}
    for c in compiled:
        if c.fact.answer is None:
            continue
        for i in c.stating:
            by_doc.setdefault((c.fact.family, c.fact.doc), []).append((c.fact.entity, c.fact.attr, i))
            by_attr.setdefault((c.fact.family, c.fact.attr), []).append((c.fact.entity, c.fact.doc, i))
    val_chunk = np.zeros(len(coll.chunks), dtype=bool)
    for key in val_docs:
        if key in coll.ranges:
            a, b = coll.ranges[key]
            val_chunk[a:b] = True
    train_allowed = ~val_chunk
    examples = []
    by_doc_facts = {}
    for c in compiled:
        by_doc_facts.setdefault(c.fact.doc, []).append(c)
    for d in coll.docs:
        rng = rng_for(d.key)
        for c in by_doc_facts.get(d.key, []):
            ex = _example(rng, coll, c, by_doc, by_attr, None if d.key in val_docs else train_allowed)
            if ex is None:
                stats["dropped_no_context"] += 1
                continue
            examples.append((d.key, ex))
    return examples


def _example(rng, coll, c, by_doc, by_attr, allowed):
    fact = c.fact
    chunks = coll.chunks
    question = question_of(rng, fact)
    k = int(rng.choice(SIZES, p=SIZE_WEIGHTS))
    answer_chunk = None
    if fact.answer is not None:
        answer_chunk = c.stating[int(rng.integers(len(c.stating)))]
    taken = {answer_chunk} if answer_chunk is not None else set()

    def usable(i):
        if i in taken or (allowed is not None and not allowed[i]):
            return False
        return not c.refuses(chunks[i])

    # same-type distractors: other entities' values of the same kind
    same_doc = [i for ent, attr, i in by_doc.get((fact.family, fact.doc), []) if (ent, attr) != (fact.entity, fact.attr)]
    same_attr = [i for ent, doc, i in by_attr.get((fact.family, fact.attr), []) if (ent, doc) != (fact.entity, fact.doc)]
    same = []
    want = min(k - (1 if answer_chunk is not None else 0), 1 + int(rng.integers(2)))
    pools = [sorted(set(same_attr)), sorted(set(same_doc))]
    if rng.random() < 0.5:
        pools.reverse()
    for pool in pools:
        cands = [i for i in pool if usable(i)]
        if cands and len(same) < want:
            i = cands[int(rng.integers(len(cands)))]
            same.append(i)
            taken.add(i)
    if len(same) < want:  # both from one pool
        for pool in pools:
            cands = [i for i in pool if usable(i)]
            while cands and len(same) < want:
                i = cands.pop(int(rng.integers(len(cands))))
                same.append(i)
                taken.add(i)
    # then what a search returns for the question
    rest = []
    need = k - len(same) - (1 if answer_chunk is not None else 0)
    if need > 0:
        for i in coll.bm25.search(question, need + 12, allowed):
            if len(rest) >= need:
                break
            if i in taken:
                continue
            if fact.answer is not None and c.states(chunks[i]):
                rest.append(i)  # another chunk that states it: its spans count too
                taken.add(i)
                continue
            if usable(i):
                rest.append(i)
                taken.add(i)
    order = same + rest
    if answer_chunk is not None:
        order.insert(int(rng.integers(len(order) + 1)), answer_chunk)
    if len(order) < 2:
        return None
    texts = [chunks[i] for i in order]
    spans = []
    if fact.answer is not None:
        for n, t in enumerate(texts):
            for s, e in c.spans(t):
                spans.append([n, s, e])
        if not spans:
            return None
    kind = fact.kind if fact.answer is not None else fact.kind + "_unanswerable"
    return {"question": question, "chunks": texts, "answer": fact.answer, "spans": spans, "source": fact.doc,
            "kind": kind}
