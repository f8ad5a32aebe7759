"""The prompt template that `mgpt ask` sends and that a RAG model is trained on.

One line, so a docs-mode model sees it as one document:

    C: <chunk 1> | <chunk 2> | ... Q: <question> A: <answer>

C is the retrieved context, best-ranked chunk first, chunks separated by " | "; the model
writes the answer after "A: " and ends it with BOS (docs mode) or a newline (stream mode).
Without retrieval the context is empty ("C:  Q: ..."). The whole prompt plus the answer must
fit the model's block: chunks are taken in rank order while they fit, a chunk that does not fit
is skipped for the next, and if not even the best one fits, its beginning is kept.
"""

from ..errors import MgptError

CONTEXT, QUESTION, ANSWER, SEPARATOR = "C: ", " Q: ", " A: ", " | "


def format_prompt(chunks, question):
    return CONTEXT + SEPARATOR.join(chunks) + QUESTION + question + ANSWER


def format_example(chunks, question, answer):
    """A training line: what `ask` would send, followed by the answer the model should write."""
    return format_prompt(chunks, question) + answer


def one_line(text):
    return " ".join(text.split())


def fit_context(chunks, question, block_size, reserve):
    """(kept chunk indices, prompt, truncated): the best-ranked chunks that leave `reserve`
    characters for the answer in a block of block_size (one position goes to BOS)."""
    budget = block_size - 1 - reserve
    bare = len(format_prompt([], question))
    if bare > budget:
        raise MgptError(f"the question leaves no room in the model's block of {block_size} characters "
                        f"({bare} for the template and question + {reserve} for the answer + 1 for BOS); "
                        f"shorten it or lower --max-new-tokens")
    kept, used = [], bare
    for i, chunk in enumerate(chunks):
        cost = len(chunk) + (len(SEPARATOR) if kept else 0)
        if used + cost <= budget:
            kept.append(i)
            used += cost
    if kept or not chunks:
        return kept, format_prompt([chunks[i] for i in kept], question), False
    room = budget - bare
    head = chunks[0][:room]
    if " " in head[room // 2:]:
        head = head[:head.rindex(" ")]
    return [0], format_prompt([head] if head else [], question), True


def restrict_to_vocab(text, known):
    """Replaces characters the model has never seen by spaces (or drops them, if it never saw a
    space either); returns (text, sorted unknown characters)."""
    dropped = sorted({c for c in text if c not in known})
    if not dropped:
        return text, []
    gone, filler = set(dropped), " " if " " in known else ""
    return one_line("".join(filler if c in gone else c for c in text)), dropped
