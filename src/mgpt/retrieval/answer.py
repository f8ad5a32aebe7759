"""Answering a question: retrieved chunks -> prompt (see prompt.py) -> the model's answer, cited.

The answer is extracted (see mgpt.extractive): a verbatim span of one chunk in the prompt, with
the chunk and the span's character offsets as its citation. The reader abstains, and `ask`
says the documents do not say, when the model writes the empty answer or gives its answer a
probability under `min_confidence`.

Retrieval is done by the caller, so the same code answers with and without it (the
no-retrieval baseline is the same model with an empty context).
"""

from ..errors import MgptError
from .prompt import CONTEXT, QUESTION, fit_context, one_line, restrict_to_vocab

DEFAULT_MAX_NEW_TOKENS = 48
# Answers the model itself gives less than this probability are treated as abstentions; chosen
# from measurements on generated development lines and the development knowledge base (docs/RAG.md).
DEFAULT_MIN_CONFIDENCE = 0.15
NOT_IN_DOCUMENTS = "The documents do not say."


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


def answer_question(ck, question, hits, max_new_tokens=DEFAULT_MAX_NEW_TOKENS, constrained=True,
                    min_confidence=DEFAULT_MIN_CONFIDENCE, temperature=0.0, top_k=None, top_p=None, seed=None):
    """Returns {question, answer, abstained, confidence, abstain_probability, prompt, sources,
    notes}; answer is None when abstained. sources are the hits, each marked `in_prompt`, and
    the cited one carries `span`: [start, end) of the answer in its text."""
    from ..data import show_chars
    from ..extractive import extract

    if ck.mode != "docs":
        raise MgptError("ask needs a docs-mode model trained on the prompt template (one line per example)")
    question = one_line(question)
    if not question:
        raise MgptError("the question is empty; ask something, e.g. mgpt ask \"How much does the Aster 700 cost?\"")
    notes = []
    question, message = ck.vocab.fit(question, "question")
    if message:
        notes.append(message)
    block = ck.model.config.block_size
    texts, unknown = context_texts(ck, hits)
    kept, prompt, truncated = fit_context(texts, question, block, max_new_tokens)
    if unknown:
        notes.append(f"context: {len(unknown)} character(s) the model has no id for: {show_chars(unknown)}")
    if hits and len(kept) < len(hits):
        notes.append(f"context: {len(kept)} of {len(hits)} chunk(s) fit the model's block of {block} characters"
                     + (" (the best one cut short)" if truncated else ""))
    in_prompt = [prompt[len(CONTEXT):prompt.rindex(QUESTION)]] if truncated else [texts[i] for i in kept]
    ids = [ck.vocab.bos] + list(ck.vocab.encode(prompt))
    found = extract(ck.model, ck.vocab, ids, in_prompt, max_new_tokens, constrained, temperature, top_k, top_p, seed)
    answer, span = found.text.strip(), None
    if answer and found.source is not None:
        start = found.start + (len(found.text) - len(found.text.lstrip()))
        span = (start, start + len(answer))
        if ck.vocab.has_placeholder:  # the document's own characters, placeholders undone
            answer = one_line(hits[kept[found.source]]["text"])[span[0]:span[1]]
    abstained = not answer or found.probability < min_confidence
    sources = []
    for rank, hit in enumerate(hits):
        source = {**hit, "rank": rank + 1, "in_prompt": rank in kept}
        if span is not None and not abstained and rank == kept[found.source]:
            source["span"] = list(span)
        sources.append(source)
    return {"question": question, "answer": None if abstained else answer, "abstained": abstained,
            "confidence": found.probability, "abstain_probability": found.abstain_probability,
            "model_answer": found.text, "prompt": prompt, "sources": sources, "notes": notes}
