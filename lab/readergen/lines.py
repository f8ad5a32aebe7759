"""Training lines for the reader: questions about an invented company's documents, the chunks a
hybrid search would retrieve for them, and the answer the model should write.

Each line is exactly what `mgpt ask` sends (the same chunker, the same prompt functions, the
same fit to the block), followed by the answer: the value, copied from a chunk in the prompt
that states it, or nothing (the abstention answer) when no chunk in the prompt does, whether
the documents never say it or retrieval missed it (SQuAD 2.0's idea).

Retrieval is simulated in process the way the store does it: BM25 over words and the hashed
n-gram embedder, fused by reciprocal rank (k = 60), so the distractors are the chunks a real
search would bring: sister products, the same field of another product, the same page.
"""

import math
import re
from collections import Counter

import numpy as np

from mgpt.retrieval.embedding import HashedNgramEmbedder
from mgpt.errors import MgptError
from mgpt.retrieval.prompt import fit_context, one_line

from .extras import accessory_subjects, ghost_accessory
from .prose_chunks import chunk_as_prose
from .writer import cap
from .lexicon import SERVICE_CATEGORIES
from .snapshots import features, option
from .world import field_spec, long_name

_WORD = re.compile(r"\w+")
RRF_K = 60
RETRIEVAL_HELP = 0.75  # share of missed answer chunks put back (see with_support)
EMBEDDER = HashedNgramEmbedder(1024)  # the width the editions were frozen with, whatever the store's default


class Retriever:
    """BM25 (k1 1.2, b 0.75, as Milvus) and cosine over hashed n-grams, fused by RRF."""

    def __init__(self, chunks):
        self.chunks = chunks
        self.docs = [Counter(_WORD.findall(c.lower())) for c in chunks]
        self.lengths = np.array([sum(d.values()) for d in self.docs], dtype=np.float64)
        self.avg = max(self.lengths.mean(), 1.0)
        df = Counter(w for d in self.docs for w in d)
        n = len(chunks)
        self.idf = {w: math.log(1 + (n - f + 0.5) / (f + 0.5)) for w, f in df.items()}
        self.vectors = EMBEDDER.embed(chunks)

    def bm25(self, query):
        words = _WORD.findall(query.lower())
        scores = np.zeros(len(self.chunks))
        for i, d in enumerate(self.docs):
            s = 0.0
            for w in words:
                tf = d.get(w, 0)
                if tf:
                    s += self.idf[w] * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * self.lengths[i] / self.avg))
            scores[i] = s
        return scores

    def search(self, query, k):
        dense = self.vectors @ EMBEDDER.embed([query])[0]
        sparse = self.bm25(query)
        fused = np.zeros(len(self.chunks))
        for scores, keep in ((dense, np.ones(len(dense), bool)), (sparse, sparse > 0)):
            order = [i for i in np.argsort(-scores, kind="stable") if keep[i]]
            for rank, i in enumerate(order[:max(k * 2, 10)]):
                fused[i] += 1.0 / (RRF_K + rank + 1)
        return [int(i) for i in np.argsort(-fused, kind="stable")[:k]]


def user_subjects(product, company, edition=1):
    """How a customer names the product: fully, partly, by family or by category when unambiguous,
    and from edition 4 on as "it" when the company has no other."""
    if product.category == "accessory":  # edition 5
        return accessory_subjects(product)
    others = [p for p in company.products if p is not product]
    forms = [f"the {product.name}", product.name, f"the {long_name(product)}", product.name.lower(),
             f"my {product.name}", f"the {product.name.lower()}"]
    if product.suffix and len(product.suffix) >= 3 and not any(p.suffix == product.suffix for p in others):
        forms += [f"the {product.suffix}", f"the {product.suffix} model"]
    if not any(p.family == product.family for p in others):
        forms += [f"the {product.family}", f"the {product.family} {product.noun}"]
        if product.service:
            forms += [product.family.lower(), f"{product.family.lower()} {product.noun}"]
    if not any(p.category == product.category for p in others):
        forms += [f"the {product.noun}", f"your {product.noun}"]
    if "it_for_an_only_product" in features(edition) and not others:
        forms += ["it", "it", "this one"]
    return forms


def question_text(rng, template, subject):
    q = template.replace("{s}", subject) if subject else template
    q = cap(q)
    roll = rng.random()
    if roll < 0.15:
        q = q.lower()
    elif roll < 0.3:
        q = q.rstrip("?").rstrip()
    elif roll < 0.34:
        q = rng.choice(("hi, ", "hello - ", "quick question: ", "Hi! ", "Please tell me: ")) + q
    elif roll < 0.37:
        q = q.rstrip("?") + rng.choice(("??", " ?", "?!"))
    return one_line(q)


def supports(chunk, product, value):
    """Whether a chunk states this fact: the value, and the product it belongs to by name."""
    return value in chunk and (product is None or product.name in chunk)


def questions(company, stated, rng, count, unanswerable_share, edition=1):
    """(question, product or None, value or None) triples; value None: nothing states it."""
    facts = [(p, n, p.facts[n]) for p in company.products + company.accessories for n in p.facts
             if (p.name, n) in stated]
    facts += [(None, n, v) for n, v in company.facts.items() if (None, n) in stated]
    missing = [(p, n) for p in company.products for n in p.unstated]
    missing += [(p, n) for p in company.products for n in p.facts if (p.name, n) not in stated]
    missing += [(None, n) for n in company.unstated]
    missing += [(None, n) for n in company.facts if (None, n) not in stated]
    out = []
    for _ in range(count):
        if (missing and rng.random() < unanswerable_share) or not facts:
            if not missing:
                break
            product, name = rng.choice(missing)
            value = None
        else:
            product, name, value = rng.choice(facts)
        f = field_spec(name)
        subject = rng.choice(user_subjects(product, company, edition)) if product else None
        templates = [t for t in f.questions if ("{s}" in t) == (product is not None)] or list(f.questions)
        out.append((question_text(rng, rng.choice(templates), subject), product, value))
    if company.products and rng.random() < 0.5:  # a sister model the company does not make
        p = rng.choice(company.products)
        if p.service:  # a course or tour it does not offer
            taken = {q.family for q in company.products}
            offered = SERVICE_CATEGORIES[p.category]["descriptors"]
            ghost = f"{rng.choice([d for d in offered if d not in taken])} {p.noun}"
        else:
            taken = {q.suffix for q in company.products}
            suffix = rng.choice([s for s in ("4", "600", "X5", "Ultra", "Neo", "S9") if s not in taken])
            ghost = f"{p.family} {suffix}"
        if p.facts:
            f = field_spec(rng.choice(list(p.facts)))
            templates = [t for t in f.questions if "{s}" in t]
            if templates:
                out.append((question_text(rng, rng.choice(templates), rng.choice((f"the {ghost}", ghost))),
                            None, None))
    if company.accessories and rng.random() < 0.3:  # edition 5: the price of an accessory not listed
        template = rng.choice([t for t in field_spec("price").questions if "{s}" in t])
        item = ghost_accessory(rng, company)
        out.append((question_text(rng, template, rng.choice((f"the {item}", f"a {item}", item))), None, None))
    return out


def with_support(rng, hits, chunks, product, value):
    """A retriever better than the simulation: the chunk that states the fact, at rank 1 most
    often, else 2 or 3 (where a real search puts it when a sister product's chunk wins)."""
    if any(supports(chunks[i], product, value) for i in hits):
        return hits
    good = [i for i, c in enumerate(chunks) if supports(c, product, value)]
    if not good:
        return hits
    rank = min(rng.choices((0, 1, 2), weights=(55, 30, 15))[0], len(hits) - 1)
    hits = list(hits)
    hits[rank] = rng.choice(good)
    return hits


def kb_lines(company, files, stated, rng, block_size, reserve, count, template, unanswerable_share=0.2, edition=1):
    """Training lines for one company: prompt as `ask` builds it + answer ('' to abstain)."""
    # edition 4 cuts smaller chunks more often: on the development bases 120-160 read better than 180
    chunk_size = rng.choice(option(edition, "chunk_sizes"))
    chunks = []
    for _, text in files:
        # editions 1-5 were chunked before mgpt cut record blocks (`key: value` lines) line by line;
        # read as prose, as then, they keep their bytes
        chunks.extend(chunk_as_prose(text, chunk_size))
    if not chunks:
        return []
    retriever = Retriever(chunks)
    lines = []
    for question, product, value in questions(company, stated, rng, count, unanswerable_share, edition):
        k = rng.choice((2, 3, 3, 3, 4, 5))
        hits = retriever.search(question, k)
        if value is not None and rng.random() < RETRIEVAL_HELP:
            hits = with_support(rng, hits, chunks, product, value)
        texts = [one_line(chunks[i]) for i in hits]
        try:
            _, prompt, context = fit_context(texts, question, block_size, reserve, template)
        except MgptError:  # a question too long for the block: not a line
            continue
        answer = ""
        if value is not None and any(supports(c, product, value) for c in context):
            answer = value
        lines.append(prompt + answer)
    return lines
