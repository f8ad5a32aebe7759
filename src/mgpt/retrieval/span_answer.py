"""Answering with the span reader: every retrieved chunk read on its own with the question, in one
batch; the best span across all of them against the null.

The reader gives each character of each chunk a start and an end score, and each chunk's null
position both. As in training, the scores of all the chunks share one softmax (Clark and Gardner
2017), so a span's probability compares across chunks: P(span) = P_start(i) P_end(j), and the
null's is P_start(any null) P_end(any null). The answer is the likeliest span of at most
`max_answer` characters that starts and ends at word edges (pairs.edges, as in training). Its
span confidence is P(span) / (P(span) + P(null)), the span against the null alone. A reader
shipped with a calibrator (a logistic regression fitted on the development bases, kept in its
state) turns that, the span's and the null's own probabilities and the cited chunk's retrieval
rank into its confidence, the probability that the answer is right; the reader abstains under
`min_confidence` (chosen on the development bases and kept in its state too, docs/RAG.md).
"""

import numpy as np

from ..errors import MgptError
from ..pairs import MAX_QUESTION, encode_pair, make_batch
from .prompt import one_line

DEFAULT_MAX_ANSWER = 64
DEFAULT_MIN_CONFIDENCE = 0.5
DEFAULT_SPAN_K = 8  # chunks read for a question unless the reader's file says (make_span_reader.py ship)


_CLOSES = {")": "(", "]": "[", "}": "{"}
_OPENS = {v: k for k, v in _CLOSES.items()}


def tidy_span(text, start, end):
    """(start, end) without a bracket the span does not both open and close, nor the spaces and
    ',;:' that trimming it leaves: '29 kg)' from '(about 29 kg)' reads 29 kg. Edges (pairs.edges)
    let a span end on ')' because some answers hold one ('libc (-lc)'); a lone one is a reading
    slip, not part of the answer. A span that would come out empty is kept as it was."""
    s, e = start, end
    while e > s:
        span = text[s:e]
        if span[-1] in _CLOSES and span.count(span[-1]) > span.count(_CLOSES[span[-1]]):
            e -= 1
        elif span[0] in _OPENS and span.count(span[0]) > span.count(_OPENS[span[0]]):
            s += 1
        elif span[-1] in " ,;:" or span[0] == " ":
            e, s = (e - 1, s) if span[-1] in " ,;:" else (e, s + 1)
        else:
            return s, e
    return start, end


def logsumexp(x):
    if x.size == 0:
        return -np.inf
    m = x.max()
    return float(m + np.log(np.exp(x - m).sum()))


def best_span(start, end, may_start, may_end, max_answer):
    """(score, i, j) of the best span i..j (inclusive) of one chunk's scores, or None."""
    n = len(start)
    if not n or not may_start.any() or not may_end.any():
        return None
    s = np.where(may_start, start, -np.inf)
    e = np.where(may_end, end, -np.inf)
    width = min(max_answer, n)
    padded = np.concatenate((e, np.full(width, -np.inf)))
    ends = np.lib.stride_tricks.sliding_window_view(padded, width)[:n]  # ends[i, d] = e[i + d]
    scores = s[:, None] + ends
    flat = int(np.argmax(scores))
    i, d = divmod(flat, width)
    if not np.isfinite(scores[i, d]):
        return None
    return float(scores[i, d]), i, i + d


def read_chunks(ck, question, texts):
    """Start and end scores (R, T) of each chunk with the question, and each chunk's row."""
    cfg = ck.model.config
    rows = [encode_pair(ck.vocab, question, text, cfg.block_size, cfg.match_features, word_buckets=cfg.word_buckets)
            for text in texts]
    batch, _ = make_batch([rows], ck.vocab.bos)
    scores = ck.model.forward(batch).astype(np.float64)
    return scores[..., 0], scores[..., 1], rows


def point(ck, question, texts, max_answer=DEFAULT_MAX_ANSWER):
    """The best span over all texts and the null: {chunk, start, end, log_margin, probability,
    null_probability}; chunk is None when no text has a span."""
    if not texts:
        return {"chunk": None, "start": None, "end": None, "log_margin": -np.inf, "probability": 0.0,
                "null_probability": 1.0}
    start, end, rows = read_chunks(ck, question, texts)
    starts, ends, best = [start[:, 0]], [end[:, 0]], None
    for r, row in enumerate(rows):
        n = len(row.ids) - row.chunk_at
        s, e = start[r, row.chunk_at:row.chunk_at + n], end[r, row.chunk_at:row.chunk_at + n]
        starts.append(s[row.may_start])
        ends.append(e[row.may_end])
        found = best_span(s, e, row.may_start, row.may_end, max_answer)
        if found and (best is None or found[0] > best[0]):
            best = (found[0], r, found[1], found[2] + 1)
    log_z = logsumexp(np.concatenate(starts)) + logsumexp(np.concatenate(ends))
    null = logsumexp(start[:, 0]) + logsumexp(end[:, 0])
    if best is None:
        return {"chunk": None, "start": None, "end": None, "log_margin": -np.inf, "probability": 0.0,
                "null_probability": float(np.exp(null - log_z))}
    score, r, i, j = best
    return {"chunk": r, "start": int(i), "end": int(j), "log_margin": score - null,
            "probability": float(np.exp(score - log_z)),
            "null_probability": float(np.exp(null - log_z))}


def _reader_setting(ck, key, default, low, high, whole=False):
    """A number the reader's file keeps in its state, checked: a damaged file is one clear error."""
    value = ck.state.get(key, default)
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high
            or (whole and value != int(value))):
        raise MgptError(f"the reader's {key} is {value!r}, not {'a whole number' if whole else 'a number'} from "
                        f"{low:g} to {high:g}: its file is damaged; train or ship it again")
    return int(value) if whole else float(value)


def reader_confidence(ck):
    """The confidence under which a reader abstains: the one chosen for it and kept in its state
    (make_span_reader.py ship, on the development bases), else 0.5 (the span against the null)."""
    return _reader_setting(ck, "min_confidence", DEFAULT_MIN_CONFIDENCE, 0.0, 1.0)


def abstention_features(span_confidence, span_probability, null_probability, cited_rank):
    """What the calibrator reads of one answer: the span against the null (log odds), the span's and
    the null's own log probabilities and the log of the cited chunk's retrieval rank (1 = first)."""
    c = min(max(span_confidence, 1e-9), 1 - 1e-9)
    return [float(np.log(c / (1 - c))), float(np.log(max(span_probability or 0.0, 1e-9))),
            float(np.log(max(null_probability or 0.0, 1e-9))), float(np.log(cited_rank or 1))]


def reader_calibrator(ck):
    """(weights, bias) of the reader's calibrator, or None when it was shipped without one."""
    calibrator = ck.state.get("calibrator")
    if calibrator is None:
        return None
    try:
        weights = np.array(calibrator["weights"], dtype=np.float64)
        bias = float(calibrator["bias"])
        ok = weights.shape == (4,) and np.isfinite(weights).all() and np.isfinite(bias)
    except (TypeError, KeyError, ValueError):
        ok = False
    if not ok:
        raise MgptError("the reader's calibrator is not four weights and a bias: its file is damaged; ship it again")
    return weights, bias


def calibrated(ck, span_confidence, features):
    """The reader's confidence: its calibrator's probability over abstention_features, else the
    span confidence itself."""
    calibrator = reader_calibrator(ck)
    if calibrator is None:
        return span_confidence
    weights, bias = calibrator
    return float(1.0 / (1.0 + np.exp(-(np.dot(weights, features) + bias))))


def reader_k(ck):
    """How many chunks the reader reads a question: the k chosen with it (make_span_reader.py ship,
    on the development bases: recall of the answer's chunk against latency), else DEFAULT_SPAN_K."""
    return _reader_setting(ck, "k", DEFAULT_SPAN_K, 1, 100, whole=True)


def answer_with_spans(ck, question, hits, max_answer=DEFAULT_MAX_ANSWER, min_confidence=None):
    """answer_question's result for a span reader: every hit is read (in_prompt true for all).
    span_confidence is P(span) / (P(span) + P(null)), confidence the calibrated one (the same
    without a calibrator); min_confidence None: the reader's own."""
    if min_confidence is None:
        min_confidence = reader_confidence(ck)
    question = one_line(question)
    if not question:
        raise MgptError("the question is empty; ask something, e.g. mgpt ask \"How much does the Aster 700 cost?\"")
    if len(question) > MAX_QUESTION:
        raise MgptError(f"the question is {len(question)} characters; the reader reads questions of at most "
                        f"{MAX_QUESTION}; shorten it")
    notes = []
    read_question, message = ck.vocab.fit(question, "question")
    if message:
        notes.append(message)
    texts = [one_line(hit["text"]) for hit in hits]
    fitted, unknown = [], set()
    for text in texts:
        fit, missing = ck.vocab.with_placeholders(text)
        unknown.update(missing)
        fitted.append(fit)
    if unknown and not ck.vocab.has_placeholder:
        raise MgptError("the reader's vocabulary has no placeholder for characters it lacks")
    if unknown:
        from ..data import show_chars

        notes.append(f"context: {len(unknown)} character(s) the model has no id for: {show_chars(unknown)}")
    found = point(ck, read_question, fitted, max_answer)
    span_confidence = float(1.0 / (1.0 + np.exp(-found["log_margin"]))) if np.isfinite(found["log_margin"]) else 0.0
    confidence = 0.0
    if found["chunk"] is not None:
        features = abstention_features(span_confidence, found["probability"], found["null_probability"],
                                       found["chunk"] + 1)
        confidence = calibrated(ck, span_confidence, features)
    abstained = bool(found["chunk"] is None or confidence < min_confidence)
    answer, model_answer = None, ""
    if found["chunk"] is not None:
        found["start"], found["end"] = tidy_span(texts[found["chunk"]], found["start"], found["end"])
        model_answer = texts[found["chunk"]][found["start"]:found["end"]]
        if not abstained:
            answer = model_answer
    sources = []
    for rank, hit in enumerate(hits):
        source = {**hit, "rank": rank + 1, "in_prompt": True}
        if answer is not None and rank == found["chunk"]:
            source["span"] = [found["start"], found["end"]]
        sources.append(source)
    return {"question": question, "answer": answer, "abstained": abstained, "confidence": confidence,
            "span_confidence": span_confidence,
            "span_probability": found["probability"], "abstain_probability": found["null_probability"],
            "model_answer": model_answer, "prompt": None, "sources": sources, "notes": notes}
