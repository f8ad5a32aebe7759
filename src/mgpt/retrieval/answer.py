"""Answering a question: retrieved chunks -> prompt (see prompt.py) -> the model's answer.

Retrieval is done by the caller, so the same code answers with and without it (the
no-retrieval baseline is the same model with an empty context).
"""

from ..data import show_chars
from ..errors import MgptError
from .prompt import fit_context, one_line, restrict_to_vocab

DEFAULT_MAX_NEW_TOKENS = 32


def answer_question(ck, question, hits, max_new_tokens=DEFAULT_MAX_NEW_TOKENS, temperature=0.0,
                    top_k=None, top_p=None, seed=None):
    """Returns {question, answer, prompt, sources, notes}; sources are the hits, each marked
    `in_prompt` when its text (or, truncated, its beginning) made it into the prompt."""
    from ..sampling import generate

    question = one_line(question)
    if not question:
        raise MgptError("the question is empty")
    ck.vocab.check_known(question, "question")
    block = ck.model.config.block_size
    known, notes, texts = set(ck.vocab.chars), [], []
    unknown = set()
    for hit in hits:
        text, dropped = restrict_to_vocab(one_line(hit["text"]), known)
        unknown.update(dropped)
        texts.append(text)
    kept, prompt, truncated = fit_context(texts, question, block, max_new_tokens)
    if unknown:
        notes.append(f"context: replaced {len(unknown)} character(s) the model has never seen: {show_chars(unknown)}")
    if hits and len(kept) < len(hits):
        notes.append(f"context: {len(kept)} of {len(hits)} chunk(s) fit the model's block of {block} characters"
                     + (" (the best one cut short)" if truncated else ""))
    text = generate(ck.model, ck.vocab, ck.mode, prompt, 1, max_new_tokens, temperature, top_k, top_p, seed)[0]
    if ck.mode == "docs":
        text = text[len(prompt):]
    answer = text.split("\n", 1)[0].strip()
    sources = [{**hit, "rank": i + 1, "in_prompt": i in kept} for i, hit in enumerate(hits)]
    return {"question": question, "answer": answer, "prompt": prompt, "sources": sources, "notes": notes}
