"""Measuring the reader on a user's own questions (`mgpt rag-eval`, scripts/reader_eval.py).

Every question is retrieved and read exactly as `mgpt ask` does it, timed, and scored: exact
match and token F1 after SQuAD's normalisation (Rajpurkar et al. 2016), whether a chunk the
reader read held an accepted answer, whether it abstained. Only the keys `answer`, `abstained`
and `sources` (`in_prompt`, `text`) of answer_question's result are read, so any reader that
answer_question dispatches to is measured the same way.
"""

import re
import statistics
import string
import time
from collections import Counter
from typing import NamedTuple

from ..errors import MgptError
from .examples import qa_lines

_PUNCTUATION = set(string.punctuation) | set("€£°–—’‘“”…")
_ARTICLES = re.compile(r"\b(a|an|the)\b")


class Question(NamedTuple):
    where: str  # "qa.jsonl:7", for messages
    text: str
    answers: list  # accepted answers; [] when the documents do not say


def read_questions(path):
    """[Question] from JSONL {"question": ..., "answer": ...}; answer is a string, a list of
    accepted strings, or null (unanswerable). Bad lines are errors that name the line."""
    questions = []
    for number, question, record in qa_lines(path):
        where = f"{path}:{number}"
        if "answer" not in record:
            raise MgptError(f"{where}: needs an \"answer\": a string, a list of accepted strings, or null for "
                            f"\"the documents do not say\"")
        answers = _accepted(record["answer"])
        if answers is None:
            raise MgptError(f"{where}: \"answer\" must be a non-empty string, a list of them (accepted answers), "
                            f"or null for \"the documents do not say\"")
        questions.append(Question(where, question, answers))
    return questions


def _accepted(answer):
    """The accepted answers of an "answer" value ([] for null), or None when it is none of those."""
    if answer is None:
        return []
    answers = [answer] if isinstance(answer, str) else answer if isinstance(answer, list) else []
    return answers if answers and all(isinstance(a, str) and a.strip() for a in answers) else None


def normalize(text):
    """SQuAD's normalisation: lowercase, no punctuation (typographic signs too), no articles, single spaces."""
    text = "".join(c for c in text.lower() if c not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def exact_match(prediction, answers, normalize=normalize):
    """Whether the prediction (None: abstained) equals an accepted answer after normalisation."""
    return prediction is not None and any(normalize(prediction) == normalize(a) for a in answers)


def f1(prediction, answers):
    """SQuAD's token F1, the best over the accepted answers; 0 for an abstention."""
    if prediction is None:
        return 0.0
    predicted = normalize(prediction).split()
    best = 0.0
    for answer in answers:
        wanted = normalize(answer).split()
        if not predicted or not wanted:  # an answer that normalises to nothing: all or nothing
            best = max(best, float(predicted == wanted))
            continue
        same = sum((Counter(predicted) & Counter(wanted)).values())
        if same:
            precision, recall = same / len(predicted), same / len(wanted)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


def contains_answer(text, answers):
    """Whether the text holds an accepted answer verbatim: whitespace collapsed, case-sensitive
    (the reader copies spans, so a chunk that differs in case does not give it the answer)."""
    text = " ".join(text.split())
    return any(" ".join(a.split()) in text for a in answers)


def percentile(values, q):
    """The value at rank q (0-1) of the sorted values, nearest rank, no interpolation."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def rate(count, total):
    """count / total, or None when no question stands behind it."""
    return count / total if total else None


def scored(question, answers, answer, chunk_in_prompt, seconds):
    """One question's row: the answer given (None: abstained) and how it scores."""
    return {"question": question, "answers": answers, "answer": answer,
            "exact": exact_match(answer, answers) if answers else None,
            "f1": f1(answer, answers) if answers else None,
            "chunk_in_prompt": bool(chunk_in_prompt) if answers else None, "seconds": seconds}


def evaluate(questions, ask):
    """A scored row per Question; ask(question) returns answer_question's result. Each call is
    timed (retrieval and reading, in process). A question the reader refuses (too long, say)
    is an error that names its line."""
    rows = []
    for q in questions:
        start = time.perf_counter()
        try:
            result = ask(q.text)
        except MgptError as e:
            raise MgptError(f"{q.where}: {e}") from None
        seconds = time.perf_counter() - start
        read = any(contains_answer(s["text"], q.answers) for s in result["sources"] if s["in_prompt"])
        rows.append(scored(q.text, q.answers, None if result["abstained"] else result["answer"], read, seconds))
    return rows


def asking(ck, store, embedder, k, retrieval, min_confidence):
    """ask(question) -> answer_question's result, with the retrieval and reading of `mgpt ask`
    (its defaults for everything not given here)."""
    from .answer import answer_question
    from .query import retrieve

    def ask(question):
        return answer_question(ck, question, retrieve(store, embedder, question, k, retrieval),
                               min_confidence=min_confidence)
    return ask


def summarize(rows):
    """The rates over scored rows (at least one; fractions, None where no question stands behind
    one), the counts behind them and the latency of one question."""
    answerable = [r for r in rows if r["answers"]]
    unanswerable = [r for r in rows if not r["answers"]]
    counts = {"exact": sum(r["exact"] for r in answerable),
              "chunk_in_prompt": sum(r["chunk_in_prompt"] for r in answerable),
              "abstained_answerable": sum(r["answer"] is None for r in answerable),
              "abstained_unanswerable": sum(r["answer"] is None for r in unanswerable)}
    seconds = [r["seconds"] for r in rows]
    return {"questions": len(rows), "answerable": len(answerable), "unanswerable": len(unanswerable),
            "exact_match": rate(counts["exact"], len(answerable)),
            "f1": rate(sum(r["f1"] for r in answerable), len(answerable)),
            "chunk_recall": rate(counts["chunk_in_prompt"], len(answerable)),
            "abstain_answerable": rate(counts["abstained_answerable"], len(answerable)),
            "abstain_unanswerable": rate(counts["abstained_unanswerable"], len(unanswerable)),
            "latency_median_s": statistics.median(seconds), "latency_p95_s": percentile(seconds, 0.95),
            "counts": counts}
