"""Training lines from a company's own question/answer pairs, for a LoRA adapter on the reader.

For a span reader a line is an example as mgpt/pairs.py reads it (JSON: the question, the chunks
`ask` would read, the answer); for a generative reader, the prompt and the answer, as below.

Each pair becomes exactly the line `ask` would build for its question (the same retrieval, the
same prompt fitted to the reader's block), followed by the answer. The answer must be a verbatim
span of the documents: when retrieval did not bring a chunk that holds it, the best-ranked chunk
that does (among the top SEARCH_DEPTH) takes the first place, so the line teaches reading rather
than guessing. A pair whose answer is null teaches the abstention (the empty answer). A pair
whose answer no chunk holds verbatim is skipped, and said so.
"""

import json

from ..errors import MgptError
from .answer import context_texts
from .prompt import fit_context, one_line, template_of

SEARCH_DEPTH = 20


def qa_lines(path):
    """(line number, question, record) for each non-blank line of a JSONL question file, one at a
    time, so that the caller's checks of the answer still report the first bad line (read_pairs
    here, read_questions in evaluation.py)."""
    try:
        with open(path, encoding="utf-8") as f:
            raw = f.read().splitlines()
    except OSError as e:
        raise MgptError(f"{path}: cannot read ({e.strerror})") from None
    except UnicodeDecodeError as e:
        raise MgptError(f"{path}: not UTF-8 text (byte offset {e.start})") from None
    found = False
    for number, line in enumerate(raw, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise MgptError(f"{path}:{number}: not JSON ({e.msg})") from None
        question = record.get("question") if isinstance(record, dict) else None
        if not isinstance(question, str) or not question.strip():
            raise MgptError(f"{path}:{number}: needs a non-empty \"question\" string")
        found = True
        yield number, question, record
    if not found:
        raise MgptError(f"{path}: no question/answer pairs; write one JSON object per line: "
                        f"{{\"question\": \"...\", \"answer\": \"...\"}}")


def read_pairs(path):
    """[(question, answer or None)] from JSONL {"question": ..., "answer": ...}; bad lines are errors."""
    pairs = []
    for number, question, record in qa_lines(path):
        answer = record.get("answer")
        if answer is not None and (not isinstance(answer, str) or not answer.strip()):
            raise MgptError(f"{path}:{number}: \"answer\" must be a non-empty string, or null for "
                            f"\"the documents do not say\"")
        pairs.append((one_line(question), one_line(answer) if answer is not None else None))
    return pairs


def example_line(ck, question, answer, hits, k, reserve):
    """The training line for one pair, or None when no chunk holds the answer verbatim."""
    question, _ = ck.vocab.fit(question, "question")
    block, template = ck.model.config.block_size, template_of(ck)
    if answer is None:
        return fit_context(context_texts(ck, hits[:k])[0], question, block, reserve, template)[1]
    answer, _ = ck.vocab.fit(answer, "answer")
    texts, _ = context_texts(ck, hits)
    holders = [i for i, t in enumerate(texts) if answer in t]
    if not holders:
        return None
    order = list(range(min(k, len(texts))))
    _, prompt, context = fit_context([texts[i] for i in order], question, block, reserve, template)
    if not any(answer in c for c in context):
        order = [holders[0]] + [i for i in order if i != holders[0]][:k - 1]
        _, prompt, context = fit_context([texts[i] for i in order], question, block, reserve, template)
        if not any(answer in c for c in context):
            return None  # the chunk with the answer is cut short: it does not fit the block
    return prompt + answer


def span_example(question, answer, hits, k):
    """The JSON line of one pair for a span reader (the k chunks ask would read), or None when no
    chunk holds the answer verbatim. As for the generative reader, a chunk of the top SEARCH_DEPTH
    that holds the answer takes the first place when the top k missed it."""
    texts = [one_line(hit["text"]) for hit in hits]
    chosen = list(range(min(k, len(texts))))
    if answer is not None and not any(answer in texts[i] for i in chosen):
        holders = [i for i, t in enumerate(texts) if answer in t]
        if not holders:
            return None
        chosen = [holders[0]] + chosen[:k - 1]
    return json.dumps({"question": question, "chunks": [texts[i] for i in chosen], "answer": answer},
                      ensure_ascii=False)
