#!/usr/bin/env python3
"""Measure the reader on hand-written knowledge bases it has never seen (corpora/readerkb).

    python scripts/reader_eval.py                      # the shipped reader, every base, hybrid retrieval
    python scripts/reader_eval.py --ckpt out/reader/reader.npz --kb dev --thresholds
    python scripts/reader_eval.py --cli 10             # also time 10 `mgpt ask` commands per base
    python scripts/reader_eval.py --ckpt out/reader/reader-last.npz --template question-around --generated 400
                                                       # a training checkpoint (it names no template) on generated lines

For each base: index its folder into a fresh Milvus Lite database, then for every question
retrieve (hybrid, dense and BM25 side by side for recall@1 and recall@3) and answer with
exactly the library call `mgpt ask` makes. Reports exact match on answerable questions (with
retrieval, and with an empty context, constrained and free), how often answerable and
unanswerable questions abstain, how often the answer's chunk made it into the prompt, and the
latency of one answer in process and as a whole command. Writes everything, per question too,
to --out (JSON).

Exact match compares after SQuAD's normalisation (lowercase, no punctuation, no articles, single
spaces; Rajpurkar et al. 2016); the strict figure only ignores case, spaces and a final full stop.
`--thresholds` prints EM and abstention for a range of --min-confidence values (use it on the
development base only: the others are held out).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from mgpt.retrieval.evaluation import contains_answer, exact_match, percentile, rate, scored
from mgpt.retrieval.evaluation import summarize as summarize_rows

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

KB_ROOT = os.path.join(ROOT, "corpora", "readerkb")


def present(*names):
    """The bases whose folder and questions are both there (a base being written may not be yet)."""
    return tuple(n for n in names if os.path.isdir(os.path.join(KB_ROOT, n))
                 and os.path.isfile(os.path.join(KB_ROOT, f"{n}.jsonl")))


HELD_OUT = present("manual", "specs", "faq", "helpcentre", "pdfmanual")
# the only bases to choose by (dev4: an HTML help centre; dev5: a PDF manual and a Markdown quick start)
DEVELOPMENT = ("dev", "dev2", "dev3", "dev4", "dev5")


def strict_normalize(text):
    return " ".join(text.lower().split()).rstrip(".")


def holds_answer(hit, question):
    """A chunk holds the answer when it comes from the question's source file and contains it."""
    return os.path.basename(hit["source"]) == question["source"] and contains_answer(hit["text"], question["answers"])


def load_questions(name, questions_file=None):
    with open(os.path.join(KB_ROOT, questions_file or f"{name}.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def index_folders(store, paths, embedder, chunk_size=None):
    """The folders (a base's: os.path.join(KB_ROOT, name)) indexed into a new collection of the
    store, as `mgpt index` cuts them."""
    from mgpt.retrieval.chunking import DEFAULT_CHUNK_SIZE, DEFAULT_OVERLAP
    from mgpt.retrieval.embedding import NAME
    from mgpt.retrieval.indexing import index_files
    from mgpt.retrieval.sources import find_files

    files, folders = find_files(paths)
    store.create(NAME, embedder.dim)
    index_files(store, embedder, files, folders, chunk_size or DEFAULT_CHUNK_SIZE, DEFAULT_OVERLAP)


def answer_rank(store, embedder, question, k, mode):
    """The rank (from 1) of the first of the k chunks retrieved that holds the answer, or None."""
    from mgpt.retrieval.query import retrieve

    hits = retrieve(store, embedder, question["question"], k, mode)
    return next((i + 1 for i, h in enumerate(hits) if holds_answer(h, question)), None)


def evaluate_kb(name, ck, args, work):
    from mgpt.retrieval.answer import answer_question
    from mgpt.retrieval.embedding import DEFAULT_DIM, HashedNgramEmbedder
    from mgpt.retrieval.query import retrieve
    from mgpt.retrieval.store import Location, opened

    questions = load_questions(name, getattr(args, "questions", None))
    embedder = HashedNgramEmbedder(args.dim or DEFAULT_DIM)  # as `mgpt index` makes a base
    db, rows = os.path.join(work, f"{name}.db"), []
    with opened(Location(db=db), create=True) as store:
        index_folders(store, [os.path.join(KB_ROOT, name)], embedder, args.chunk_size)
        for q in questions:
            row = {"question": q["question"], "answers": q["answers"]}
            if q["answers"]:
                for mode in ("hybrid", "dense", "bm25"):
                    row[f"rank_{mode}"] = answer_rank(store, embedder, q, max(args.k, 3), mode)
            t0 = time.perf_counter()
            hits = retrieve(store, embedder, q["question"], args.k, args.retrieval)
            result = answer_question(ck, q["question"], hits, args.max_new_tokens, True, 0.0,
                                     reading=getattr(args, "reading", "packed"))
            row["seconds"] = time.perf_counter() - t0
            cited = [s["rank"] for s in result["sources"] if "span" in s]
            row.update(answer=result["answer"], model_answer=result["model_answer"],
                       confidence=result["confidence"], span_confidence=result.get("span_confidence"),
                       abstain_probability=result["abstain_probability"],
                       # what a calibrator of abstention may read (docs/RAG.md): the span's own probability, the
                       # retrieval rank of the chunk it cites and every hit's retrieval score
                       span_probability=result.get("span_probability"), cited_rank=cited[0] if cited else None,
                       retrieval_scores=[h.get("score") for h in hits],
                       in_prompt=any(holds_answer(s, q) for s in result["sources"] if s["in_prompt"])
                       if q["answers"] else None)
            if q["answers"]:
                bare = answer_question(ck, q["question"], [], args.max_new_tokens, True, 0.0)
                free = answer_question(ck, q["question"], [], args.max_new_tokens, False, 0.0)
                row.update(bare_answer=bare["answer"], free_bare_answer=free["answer"])
            rows.append(row)
    cli = time_cli(name, args, db, questions) if args.cli else None
    return summarize(name, rows, args.min_confidence, cli)


def evaluate_generated(ck, count, seed, max_new_tokens, edition=1):
    """The reader on freshly generated lines (another seed than training's): does it do the task
    it was trained on? Returns EM on the answerable lines and abstention on the rest."""
    from readergen.generate import company_lines

    from mgpt.extractive import extract
    from mgpt.retrieval.prompt import ANSWER, SEPARATOR, split_prompt, template_of

    rows, company = [], 0
    while len(rows) < count:
        for line in company_lines(seed, company, ck.model.config.block_size, max_new_tokens, template_of(ck), edition):
            at = line.rindex(ANSWER) + len(ANSWER)
            prompt, want = line[:at], line[at:]
            prompt, _ = ck.vocab.fit(prompt, "prompt")
            texts = split_prompt(prompt)[0].split(SEPARATOR)
            found = extract(ck.model, ck.vocab, [ck.vocab.bos] + list(ck.vocab.encode(prompt)), texts, max_new_tokens)
            rows.append({"want": want, "got": found.text.strip(), "confidence": found.probability})
        company += 1
    rows = rows[:count]
    answerable = [r for r in rows if r["want"]]
    return {"lines": len(rows), "em": sum(r["got"] == r["want"] for r in answerable) / max(len(answerable), 1),
            "abstain_unanswerable": sum(not r["got"] for r in rows if not r["want"]) / max(len(rows) - len(answerable), 1),
            "abstain_answerable": sum(not r["got"] for r in answerable) / max(len(answerable), 1), "rows": rows}


def time_cli(name, args, db, questions):
    """Wall time of whole `mgpt ask` commands, interpreter start included."""
    times = []
    for q in questions[:args.cli]:
        command = [sys.executable, "-m", "mgpt", "ask", q["question"], "--db", db, "-q", "-k", str(args.k)]
        if args.ckpt:
            command += ["--ckpt", args.ckpt]
        t0 = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return {"median_s": statistics.median(times), "p95_s": percentile(times, 0.95), "n": len(times)}


def decide(row, threshold):
    """The answer ask gives at this --min-confidence (None: abstained)."""
    if row["answer"] is None or row["confidence"] < threshold:
        return None
    return row["answer"]


def summarize(name, rows, threshold, cli=None):
    """rag-eval's summary of the answers given at this threshold (mgpt.retrieval.evaluation), under
    this script's keys, with what only the script measures: strict EM, no retrieval, recall@k."""
    s = summarize_rows([scored(r["question"], r["answers"], decide(r, threshold), r["in_prompt"], r["seconds"])
                        for r in rows])
    answerable = [r for r in rows if r["answers"]]
    n = len(answerable)
    strict = sum(exact_match(decide(r, threshold), r["answers"], strict_normalize) for r in answerable)
    out = {
        "kb": name, "answerable": n, "unanswerable": s["unanswerable"], "min_confidence": threshold,
        "exact": s["counts"]["exact"], "abstained_unanswerable": s["counts"]["abstained_unanswerable"],
        "em": s["exact_match"], "em_strict": rate(strict, n),
        "em_no_retrieval": rate(sum(exact_match(r["bare_answer"], r["answers"]) for r in answerable), n),
        "em_no_retrieval_free": rate(sum(exact_match(r["free_bare_answer"], r["answers"]) for r in answerable), n),
        "abstain_answerable": s["abstain_answerable"], "abstain_unanswerable": s["abstain_unanswerable"],
        "answer_in_prompt": s["chunk_recall"],
        "latency_in_process": {"median_s": s["latency_median_s"], "p95_s": s["latency_p95_s"]},
    }
    for mode in ("hybrid", "dense", "bm25"):
        ranks = [r[f"rank_{mode}"] for r in answerable]
        out[f"recall@1_{mode}"] = rate(sum(1 for x in ranks if x == 1), n)
        out[f"recall@3_{mode}"] = rate(sum(1 for x in ranks if x and x <= 3), n)
    if cli:
        out["latency_cli"] = cli
    out["rows"] = rows
    return out


def pct(x):
    return "n/a" if x is None else f"{x:.1%}"


def show(s):
    print(f"{s['kb']:8} EM {pct(s['em'])} (strict {pct(s['em_strict'])}) of {s['answerable']}; no retrieval "
          f"{pct(s['em_no_retrieval'])} (free {pct(s['em_no_retrieval_free'])}); abstains: answerable "
          f"{pct(s['abstain_answerable'])}, unanswerable {pct(s['abstain_unanswerable'])} of {s['unanswerable']}; "
          f"answer chunk in prompt {pct(s['answer_in_prompt'])}")
    print(f"{'':8} recall@1/@3 hybrid {pct(s['recall@1_hybrid'])}/{pct(s['recall@3_hybrid'])}, dense "
          f"{pct(s['recall@1_dense'])}/{pct(s['recall@3_dense'])}, bm25 {pct(s['recall@1_bm25'])}/"
          f"{pct(s['recall@3_bm25'])}; latency median {s['latency_in_process']['median_s'] * 1e3:.0f} ms, "
          f"p95 {s['latency_in_process']['p95_s'] * 1e3:.0f} ms"
          + (f"; whole command median {s['latency_cli']['median_s']:.2f} s, p95 {s['latency_cli']['p95_s']:.2f} s"
             if "latency_cli" in s else ""))


def options(argv=None):
    """This script's options (argv None: the command line's); reader_lora.py evaluates with them too."""
    from mgpt.retrieval.answer import DEFAULT_MAX_NEW_TOKENS, DEFAULT_MIN_CONFIDENCE
    from mgpt.retrieval.prompt import TEMPLATES

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ckpt", help="a model trained on the template [default: the shipped reader]")
    parser.add_argument("--kb", action="append", help=f"a base of corpora/readerkb [default: {', '.join(HELD_OUT)}]")
    parser.add_argument("--dev", action="store_true", help=f"the development bases ({', '.join(DEVELOPMENT)}) "
                        "instead of the held-out ones, with their total")
    parser.add_argument("-k", type=int, help="chunks to retrieve [default: ask's for the reader's kind]")
    parser.add_argument("--dim", type=int, help="index the bases at this embedding width [default: index's]")
    parser.add_argument("--chunk-size", type=int, help="index the bases in chunks of this size [default: index's]")
    parser.add_argument("--retrieval", default="hybrid", choices=("hybrid", "dense", "bm25"))
    parser.add_argument("--reading", default="packed", choices=("packed", "each"))
    parser.add_argument("--max-new-tokens", type=int, default=DEFAULT_MAX_NEW_TOKENS)
    parser.add_argument("--min-confidence", type=float, help="[default: the reader's own, as ask: "
                        f"{DEFAULT_MIN_CONFIDENCE} for a generative reader]")
    parser.add_argument("--thresholds", action="store_true", help="EM and abstention for several --min-confidence")
    parser.add_argument("--cli", type=int, default=0, help="time this many whole `mgpt ask` commands per base")
    parser.add_argument("--out", help="write the results here (JSON)")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--generated", type=int, default=0, help="also score this many freshly generated lines")
    parser.add_argument("--edition", type=int, default=1, choices=(1, 2, 3, 4, 5),
                        help="the generator edition of --generated")
    parser.add_argument("--template", choices=TEMPLATES,
                        help="the prompt template --ckpt was trained on [default: the one it names]")
    return parser.parse_args(argv)


def total(results):
    """One line for several bases: exact answers and abstentions counted over all their questions."""
    exact = sum(r["exact"] for r in results)
    answerable = sum(r["answerable"] for r in results)
    abstained = sum(r["abstained_unanswerable"] for r in results)
    unanswerable = sum(r["unanswerable"] for r in results)
    return (f"total    EM {exact} of {answerable} ({exact / answerable:.1%}); unanswerable that abstain "
            f"{abstained} of {unanswerable}")


# --thresholds: a generative reader's answer probability; a span reader's span against the null
THRESHOLDS = {False: (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5),
              True: (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)}


def resolve_defaults(args, ck):
    """-k and --min-confidence as ask takes them for this reader when not given."""
    from mgpt.retrieval.answer import DEFAULT_MIN_CONFIDENCE, default_k
    from mgpt.retrieval.span_answer import reader_confidence

    args.k = args.k or default_k(ck)
    if args.min_confidence is None:
        args.min_confidence = reader_confidence(ck) if ck.is_span_reader else DEFAULT_MIN_CONFIDENCE


def main():
    from mgpt.checkpoint import load_model
    from mgpt.retrieval.embedding import DEFAULT_DIM
    from mgpt.retrieval.reader import reader_path

    args = options()
    ck = load_model(args.ckpt or reader_path())
    resolve_defaults(args, ck)
    if args.template:  # a training checkpoint (make_reader.py ship writes the template into the shipped one)
        ck.state["prompt_template"] = args.template
    results = []
    if args.generated:
        g = evaluate_generated(ck, args.generated, "dev", args.max_new_tokens, args.edition)
        print(f"generated (edition {args.edition}): EM {g['em']:.1%} on answerable lines; abstains on {g['abstain_unanswerable']:.1%} of the "
              f"unanswerable and {g['abstain_answerable']:.1%} of the answerable ({g['lines']} lines)", flush=True)
    work = tempfile.mkdtemp(prefix="reader-eval-")
    try:
        bases = args.kb or (DEVELOPMENT if args.dev else HELD_OUT)
        if args.generated and not (args.kb or args.dev):  # generated lines alone
            bases = []
        for name in bases:
            s = evaluate_kb(name, ck, args, work)
            results.append(s)
            show(s)
            if args.show_misses:
                for r in s["rows"]:
                    got = decide(r, args.min_confidence)
                    ok = exact_match(got, r["answers"]) if r["answers"] else got is None
                    if not ok:
                        print(f"   miss: {r['question']!r} -> {got!r} (model {r['model_answer']!r}, "
                              f"p {r['confidence']:.2f}) want {r['answers']}")
            if args.thresholds:
                for t in THRESHOLDS[ck.is_span_reader]:
                    t_s = summarize(name, s["rows"], t)
                    print(f"   min-confidence {t:.2f}: EM {pct(t_s['em'])}, abstain answerable "
                          f"{pct(t_s['abstain_answerable'])}, unanswerable {pct(t_s['abstain_unanswerable'])}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if len(results) > 1:
        print(total(results))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"ckpt": args.ckpt or "shipped reader", "fingerprint": ck.fingerprint, "k": args.k,
                       "dim": args.dim or DEFAULT_DIM, "retrieval": args.retrieval, "results": results}, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
