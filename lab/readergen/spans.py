"""Training examples for the span reader: a question, the chunks a search brings for it, and where
the answer stands in them (mgpt/pairs.py reads them).

The same companies, documents, questions and simulated hybrid search as the generative reader's
lines (lines.py), with three differences: chunks are cut as `mgpt index` cuts them today (record
blocks by line), the reader reads more chunks (2 to 6, each on its own), and the target is a
place, not a string: every occurrence of the value in a chunk that states it (the value and the
product it belongs to), none in a chunk that holds the value for another product. A question no
chunk answers has no span: the reader learns to give the null.
"""

import random

from mgpt.retrieval.chunking import chunk_text
from mgpt.retrieval.prompt import one_line

from .generate import QUESTIONS_PER_COMPANY, in_company_order
from .lines import RETRIEVAL_HELP, Retriever, questions, supports, with_support
from .render import render_kb
from .world import make_company

CHUNKS_READ = (2, 3, 4, 4, 5, 6)


def occurrences(text, value):
    found, at = [], text.find(value)
    while at >= 0:
        found.append((at, at + len(value)))
        at = text.find(value, at + 1)
    return found


def kb_examples(company, files, stated, rng, count, edition, unanswerable_share=0.2, rows_and_lines=False,
                chunks_read=CHUNKS_READ):
    """Examples for one company: {question, chunks, answer, spans}. rows_and_lines as
    chunking.chunk_text takes it: False cuts as mgpt did when the data sets recorded before
    2026-12-07 were made (make_span_reader.py: their sha256), True as `mgpt index` cuts now.
    chunks_read: how many chunks a question may bring, one drawn per question."""
    chunk_size = rng.choice((140, 140, 140, 180, 120))
    chunks = [one_line(c) for _, text in files
              for c in chunk_text(text, chunk_size=chunk_size, rows_and_lines=rows_and_lines)]
    if not chunks:
        return []
    retriever = Retriever(chunks)
    examples = []
    for question, product, value in questions(company, stated, rng, count, unanswerable_share, edition):
        hits = retriever.search(question, rng.choice(chunks_read))
        if value is not None and rng.random() < RETRIEVAL_HELP:
            hits = with_support(rng, hits, chunks, product, value)
        texts = [chunks[i] for i in hits]
        spans = []
        if value is not None:
            spans = [[i, s, e] for i, t in enumerate(texts) if supports(t, product, value)
                     for s, e in occurrences(t, value)]
        examples.append({"question": question, "chunks": texts, "answer": value if spans else None, "spans": spans})
    return examples


def company_examples(seed, i, edition, rows_and_lines=False, chunks_read=CHUNKS_READ):
    rng = random.Random(f"spans/{seed}/{i}")
    company = make_company(rng, edition=edition)
    files, stated = render_kb(company, rng, edition)
    return kb_examples(company, files, stated, rng, rng.randint(*QUESTIONS_PER_COMPANY), edition,
                       rows_and_lines=rows_and_lines, chunks_read=chunks_read)


def _worker(args):
    seed, start, count, edition, rows_and_lines, chunks_read = args
    return [company_examples(seed, i, edition, rows_and_lines, chunks_read) for i in range(start, start + count)]


def generate_examples(n, seed, edition, processes=1, chunk=32, rows_and_lines=False, chunks_read=CHUNKS_READ):
    """Yields n examples: companies in order, `chunk` companies per task (the same on any
    number of processes)."""
    return in_company_order(_worker, lambda start: (seed, start, chunk, edition, rows_and_lines, chunks_read),
                            n, processes, chunk)
