"""Answering a question: retrieved chunks -> prompt (see prompt.py) -> the model's answer, cited.

The answer is extracted (see mgpt.extractive): a verbatim span of one chunk in the prompt, with
the chunk and the span's character offsets as its citation. The reader abstains, and `ask`
says the documents do not say, when the model writes the empty answer or gives its answer a
probability under `min_confidence`.

Retrieval is done by the caller, so the same code answers with and without it (the
no-retrieval baseline is the same model with an empty context).
"""

from typing import NamedTuple

from ..errors import MgptError
from .prompt import fit_context, one_line, restrict_to_vocab, template_of

DEFAULT_MAX_NEW_TOKENS = 48
# Answers the model itself gives less than this probability are treated as abstentions. Chosen on
# the development knowledge base (corpora/readerkb/dev, never the held-out ones) as the highest
# threshold that loses none of the reader's exact answers there (docs/RAG.md).
DEFAULT_MIN_CONFIDENCE = 0.15
NOT_IN_DOCUMENTS = "The documents do not say."
# Chunks ask retrieves; those that fit the block go into the prompt.
DEFAULT_ASK_K = 3


def default_k(ck):
    """How many chunks `ask` retrieves for this reader: a span reader reads each of them (as many as
    its file says, span_answer.reader_k), a generative one packs the best that fit its block."""
    from .span_answer import reader_k

    return reader_k(ck) if ck.is_span_reader else DEFAULT_ASK_K


def default_confidence(ck):
    """The confidence under which `ask` abstains for this reader: a span reader's own (chosen on
    development bases and kept in its file), else DEFAULT_MIN_CONFIDENCE."""
    from .span_answer import reader_confidence

    return reader_confidence(ck) if ck.is_span_reader else DEFAULT_MIN_CONFIDENCE


def context_texts(ck, hits):
    """The chunks as the model reads them: one line each, unknown characters as the placeholder
    (one for one, so offsets hold) or, for a vocabulary without one, as spaces."""
    texts, unknown = [], set()
    for hit in hits:
        text = one_line(hit["text"])
        if ck.vocab.has_placeholder:
            text, missing = ck.vocab.with_placeholders(text)
        else:
            text, missing = restrict_to_vocab(text, set(ck.vocab.chars))
        unknown.update(missing)
        texts.append(text)
    return texts, unknown


READINGS = ("packed", "each")
DEFAULT_READING = "packed"


class Reading(NamedTuple):
    """One pass of the reader: the extraction, the hits its prompt holds, the prompt."""
    found: object  # an mgpt.extractive.Extraction
    kept: list  # indices into the hits, in prompt order
    prompt: str


def read(ck, question, texts, indices, max_new_tokens, constrained, sampling):
    """The reader on one prompt built from texts[indices] (the best that fit the block)."""
    from ..extractive import extract

    kept, prompt, in_prompt = fit_context([texts[i] for i in indices], question, ck.model.config.block_size,
                                          max_new_tokens, template_of(ck))
    ids = [ck.vocab.bos] + list(ck.vocab.encode(prompt))
    found = extract(ck.model, ck.vocab, ids, in_prompt, max_new_tokens, constrained, *sampling)
    return Reading(found, [indices[i] for i in kept], prompt)


def answer_question(ck, question, hits, max_new_tokens=DEFAULT_MAX_NEW_TOKENS, constrained=True,
                    min_confidence=None, temperature=0.0, top_k=None, top_p=None, seed=None,
                    reading=DEFAULT_READING):
    """Returns {question, answer, abstained, confidence, abstain_probability, model_answer,
    prompt, sources, notes}; answer is None when abstained. sources are the hits, each marked
    `in_prompt`, and the cited one carries `span`: [start, end) of the answer in its text.

    reading: "packed" puts the best-ranked chunks that fit into one prompt (as the reader was
    trained); "each" reads every chunk in a prompt of its own and keeps the answer the model
    gives the highest probability (as multi-passage readers do), abstaining if every prompt does.
    """
    from ..data import show_chars

    if ck.is_span_reader:
        from .span_answer import answer_with_spans

        return answer_with_spans(ck, question, hits, min_confidence=min_confidence)
    if min_confidence is None:
        min_confidence = default_confidence(ck)
    if ck.mode != "docs":
        raise MgptError("ask needs a docs-mode model trained on the prompt template (one line per example)")
    question = one_line(question)
    if not question:
        raise MgptError("the question is empty; ask something, e.g. mgpt ask \"How much does the Aster 700 cost?\"")
    notes = []
    question, message = ck.vocab.fit(question, "question")
    if message:
        notes.append(message)
    texts, unknown = context_texts(ck, hits)
    if unknown:
        notes.append(f"context: {len(unknown)} character(s) the model has no id for: {show_chars(unknown)}")
    sampling = (temperature, top_k, top_p, seed)
    if reading == "each" and hits:
        readings = [read(ck, question, texts, [i], max_new_tokens, constrained, sampling) for i in range(len(hits))]
    else:
        readings = [read(ck, question, texts, list(range(len(hits))), max_new_tokens, constrained, sampling)]
        if hits and len(readings[0].kept) < len(hits):
            notes.append(f"context: {len(readings[0].kept)} of {len(hits)} chunk(s) fit the model's block of "
                         f"{ck.model.config.block_size} characters")
    answered = [r for r in readings if r.found.text.strip()]
    best = max(answered, key=lambda r: r.found.probability) if answered else readings[0]
    found, span, cited = best.found, None, None
    answer = found.text.strip()
    if answer and found.source is not None:
        cited = best.kept[found.source]
        start = found.start + (len(found.text) - len(found.text.lstrip()))
        span = (start, start + len(answer))
        if ck.vocab.has_placeholder:  # the document's own characters, placeholders undone
            answer = one_line(hits[cited]["text"])[span[0]:span[1]]
    abstained = not answer or found.probability < min_confidence
    in_prompt = {i for r in readings for i in r.kept}
    sources = []
    for rank, hit in enumerate(hits):
        source = {**hit, "rank": rank + 1, "in_prompt": rank in in_prompt}
        if span is not None and not abstained and rank == cited:
            source["span"] = list(span)
        sources.append(source)
    return {"question": question, "answer": None if abstained else answer, "abstained": abstained,
            "confidence": found.probability, "abstain_probability": found.abstain_probability,
            "model_answer": found.text, "prompt": best.prompt, "sources": sources, "notes": notes}
