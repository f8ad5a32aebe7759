"""`mgpt rag-eval`: the reader measured on a user's own questions, retrieved and read as `ask` does.

It takes the store options and the retrieval option from rag.py, so that both commands say
where the chunks are the same way; the work is in mgpt.retrieval.evaluation.
"""

import json
import sys

import click

from ..retrieval.answer import default_confidence, default_k
from .common import POSITIVE_INT, adapter_option
from .rag import CONFIDENCE_HELP, K_HELP, retrieval_option, store_location, store_options


@click.command(name="rag-eval", context_settings={"show_default": True})
@click.argument("qa")
@click.option("--ckpt", help="The reader to measure [default: the reader shipped with mgpt].")
@store_options
@click.option("-k", "k", type=POSITIVE_INT, help=K_HELP)
@retrieval_option
@click.option("--min-confidence", type=click.FloatRange(0, 1), help=CONFIDENCE_HELP)
@adapter_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: the rates, counts and latency.")
@click.option("--rows", is_flag=True, help="Also each question: its answer and score (--json: a \"rows\" list).")
def rag_eval(ctx, qa, ckpt, db, uri, token, collection, k, retrieval, min_confidence, adapters, as_json, rows):
    """Measure the reader on your questions (QA: JSONL) over an indexed collection.

    \b
    QA holds one {"question": ..., "answer": ...} per line; answer is a string, a list of
    accepted strings, or null when the documents do not say. Each question is retrieved and
    read exactly as `mgpt ask` does it. Reports exact match and F1 (SQuAD normalisation) on
    the answerable questions, chunk recall (an accepted answer in a chunk the reader read),
    how often unanswerable and answerable questions abstain, and the latency of one question.
    Examples:
      mgpt rag-eval qa.jsonl --db kb.db
      mgpt rag-eval qa.jsonl --db kb.db --adapter ours.npz --json
    """
    from tqdm import tqdm

    from ..checkpoint import load_with_adapters
    from ..retrieval.evaluation import asking, evaluate, read_questions, summarize
    from ..retrieval.query import collection_embedder
    from ..retrieval.reader import reader_path
    from ..retrieval.store import opened

    questions = read_questions(qa)
    location = store_location(ctx, db, uri, token, collection)
    with opened(location) as store:
        embedder = collection_embedder(store)
        ck = load_with_adapters(ckpt or reader_path(), adapters)
        k = k or default_k(ck)
        min_confidence = default_confidence(ck) if min_confidence is None else min_confidence
        bar = tqdm(questions, unit="question", disable=None, file=sys.stderr, leave=False, desc="rag-eval")
        scored = evaluate(bar, asking(ck, store, embedder, k, retrieval, min_confidence))
    summary = {**summarize(scored), "k": k, "retrieval": retrieval, "min_confidence": min_confidence}
    if as_json:
        click.echo(json.dumps({**summary, **({"rows": scored} if rows else {})}, ensure_ascii=False))
        return
    if rows:
        for row in scored:
            click.echo(shown_row(row))
    for line in summary_lines(summary):
        click.echo(line)


def percent(value):
    return "n/a" if value is None else f"{value:.1%}"


def shown_row(row):
    """ok/wrong, the question and what the reader said (ok: exact, or abstained on an unanswerable one)."""
    ok = row["exact"] if row["answers"] else row["answer"] is None
    said = "(abstained)" if row["answer"] is None else row["answer"]
    wanted = ("" if ok else f"  [want {' | '.join(row['answers'])}; F1 {row['f1']:.2f}]" if row["answers"]
              else "  [want: the documents do not say]")
    return f"{'ok' if ok else 'wrong':5}  {row['question']} -> {said}{wanted}"


def summary_lines(s):
    c = s["counts"]
    return [
        f"{s['questions']} questions: {s['answerable']} answerable, {s['unanswerable']} unanswerable "
        f"(k {s['k']}, {s['retrieval']} retrieval, min-confidence {s['min_confidence']:g})",
        f"exact match   {percent(s['exact_match'])} ({c['exact']} of {s['answerable']})",
        f"F1            {percent(s['f1'])}",
        f"chunk recall  {percent(s['chunk_recall'])} (an accepted answer in a chunk the reader read)",
        f"abstains      {percent(s['abstain_unanswerable'])} of unanswerable ({c['abstained_unanswerable']} of "
        f"{s['unanswerable']}), {percent(s['abstain_answerable'])} of answerable ({c['abstained_answerable']} of "
        f"{s['answerable']})",
        f"latency       median {s['latency_median_s'] * 1e3:.0f} ms, p95 {s['latency_p95_s'] * 1e3:.0f} ms "
        f"(one question: retrieval and reading, in process)",
    ]
