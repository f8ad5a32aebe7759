"""The prompt templates that `mgpt ask` sends and that a RAG model is trained on.

One line, so a docs-mode model sees it as one document. Two templates:

    context-first:   C: <chunk 1> | <chunk 2> | ... Q: <question> A: <answer>
    question-around: Q: <question> C: <chunk 1> | <chunk 2> | ... Q: <question> A: <answer>

C is the retrieved context, best-ranked chunk first, chunks separated by " | "; the model
writes the answer after "A: " and ends it with BOS (docs mode) or a newline (stream mode).
Question-around is the shipped reader's: a causal model reads every chunk already knowing the
question, so the chunk's own characters can mark where the answer is (Liu et al. 2023, "Lost in
the Middle", found the question before and after the documents helps decoder-only readers
find a value). A checkpoint names its template in its state ("prompt_template"); one that
does not was trained on context-first. Without retrieval the context is empty ("C:  Q: ...").
The whole prompt plus the answer must fit the model's block: chunks are taken in rank order
while they fit, a chunk that does not fit is skipped for the next, and if not even the best one
fits, its beginning is kept.
"""

from ..errors import MgptError

CONTEXT, QUESTION, ANSWER, SEPARATOR = "C: ", " Q: ", " A: ", " | "
CONTEXT_FIRST, QUESTION_AROUND = "context-first", "question-around"
TEMPLATES = (CONTEXT_FIRST, QUESTION_AROUND)


def template_of(ck):
    """The template a checkpoint was trained on."""
    template = ck.state.get("prompt_template", CONTEXT_FIRST)
    if template not in TEMPLATES:
        raise MgptError(f"the model names an unknown prompt template {template!r} (known: {', '.join(TEMPLATES)})")
    return template


def _lead(question, template):
    return QUESTION.lstrip() + question + " " if template == QUESTION_AROUND else ""


def format_prompt(chunks, question, template=CONTEXT_FIRST):
    return _lead(question, template) + CONTEXT + SEPARATOR.join(chunks) + QUESTION + question + ANSWER


def split_prompt(prompt):
    """(context, question) of a prompt in either template: the context is the chunks' text,
    separators included."""
    end = prompt.rindex(ANSWER)
    at = prompt.rindex(QUESTION, 0, end)
    question = prompt[at + len(QUESTION):end]
    lead = _lead(question, QUESTION_AROUND)
    start = len(lead) if prompt.startswith(lead + CONTEXT) else 0
    return prompt[start + len(CONTEXT):at], question


def one_line(text):
    return " ".join(text.split())


def fit_context(chunks, question, block_size, reserve, template=CONTEXT_FIRST):
    """(kept chunk indices, prompt, context texts): the best-ranked chunks that leave `reserve`
    characters for the answer in a block of block_size (one position goes to BOS). The context
    texts are the chunks as the prompt holds them (the best one's beginning when it had to be cut)."""
    budget = block_size - 1 - reserve
    bare = len(format_prompt([], question, template))
    if bare > budget:
        fixed = len(format_prompt([], "", template))
        copies = len(format_prompt([], "?", template)) - fixed  # how often the template holds the question
        longest = max((budget - fixed) // copies, 0)
        raise MgptError(f"the question is {len(question)} characters; it leaves no room in the model's block of "
                        f"{block_size} characters, which holds a question of at most {longest} with {reserve} kept "
                        f"for the answer; shorten it or lower --max-new-tokens")
    kept, used = [], bare
    for i, chunk in enumerate(chunks):
        cost = len(chunk) + (len(SEPARATOR) if kept else 0)
        if used + cost <= budget:
            kept.append(i)
            used += cost
    if kept or not chunks:
        texts = [chunks[i] for i in kept]
        return kept, format_prompt(texts, question, template), texts
    room = budget - bare
    head = chunks[0][:room]
    if " " in head[room // 2:]:
        head = head[:head.rindex(" ")]
    texts = [head] if head else []
    return [0], format_prompt(texts, question, template), texts


def restrict_to_vocab(text, known):
    """Replaces characters the model has never seen by spaces (or drops them, if it never saw a
    space either); returns (text, sorted unknown characters)."""
    dropped = sorted({c for c in text if c not in known})
    if not dropped:
        return text, []
    gone, filler = set(dropped), " " if " " in known else ""
    return one_line("".join(filler if c in gone else c for c in text)), dropped
