"""The RAG demonstration on the camping-gear knowledge base, measured, with the shipped reader.

1. indexes corpora/kb with `mgpt index` into Milvus Lite;
2. on corpora/kb_questions.jsonl reports retrieval recall@k (a chunk holding the answer and
   its subject among the top k), and answer exact match with retrieval (`ask`) and without
   it (the same reader, empty context);
3. freshness: copies the knowledge base, changes facts in the copy, re-indexes it with
   `mgpt index` and asks again with `mgpt ask`: the answers follow, with no training.

    python scripts/rag_demo.py                      # the reader shipped with mgpt (about a minute)
    python scripts/rag_demo.py --ckpt model.npz     # any model trained on the prompt template

Evaluation loops call the library in-process (the functions `mgpt retrieve` and `mgpt ask`
call) so that 84 questions do not pay 84 interpreter starts; indexing and the freshness check
run the real commands.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys

import benchlib  # this folder
from mgpt.checkpoint import load_model
from mgpt.retrieval.answer import DEFAULT_MAX_NEW_TOKENS, answer_question
from mgpt.retrieval.query import collection_embedder, retrieve
from mgpt.retrieval.reader import reader_path
from mgpt.retrieval.store import Location, opened

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FRESH_EDITS = [  # (file, old text, new text, question, new answer)
    ("tents.md", "price: 349 EUR", "price: 379 EUR", "What is the price of the Kestrel 2 tent?", "379 EUR"),
    ("lanterns.md", "colours: yellow and white", "colours: red and white",
     "What colours does the Glow 200 lantern come in?", "red and white"),
    ("faq.md", "The returns window is 30 days.", "The returns window is 45 days.", "What is the returns window?",
     "45 days"),
]


def mgpt(*args, **kw):
    r = subprocess.run([sys.executable, "-m", "mgpt", *map(str, args)], capture_output=True, text=True, cwd=ROOT, **kw)
    if r.returncode != 0:
        sys.exit(f"mgpt {' '.join(map(str, args))} failed ({r.returncode}):\n{r.stderr}")
    return r


def normalize(answer):
    """Exact match ignores case, repeated spaces and a trailing full stop (None: abstained)."""
    return None if answer is None else " ".join(answer.lower().split()).rstrip(".;, ")


def say(message):
    print(message, file=sys.stderr, flush=True)


def evaluate(ck, db, questions, ks, max_new_tokens):
    with opened(Location(db=db)) as store:
        embedder = collection_embedder(store)
        kmax = max(ks)
        rows = []
        for q in questions:
            hits = retrieve(store, embedder, q["question"], kmax)
            holds = [q["answer"] in h["text"] and q["subject"] in h["text"] for h in hits]
            rank = holds.index(True) + 1 if True in holds else None
            with_r = answer_question(ck, q["question"], hits[:3], max_new_tokens)
            without = answer_question(ck, q["question"], [], max_new_tokens, constrained=False)
            rows.append({"id": q["id"], "question": q["question"], "expected": q["answer"], "rank": rank,
                         "with": with_r["answer"], "without": without["answer"],
                         "in_prompt": sum(s["in_prompt"] for s in with_r["sources"]),
                         "em_with": normalize(with_r["answer"]) == normalize(q["answer"]),
                         "em_without": normalize(without["answer"]) == normalize(q["answer"])})
    n = len(rows)
    report = {f"recall@{k}": sum(r["rank"] is not None and r["rank"] <= k for r in rows) / n for k in ks}
    report["em_with_retrieval"] = sum(r["em_with"] for r in rows) / n
    report["em_without_retrieval"] = sum(r["em_without"] for r in rows) / n
    report["answer_in_prompt"] = sum(r["rank"] is not None and r["rank"] <= r["in_prompt"] for r in rows) / n
    return report, rows


def freshness(out, model):
    """Ask, change the facts in a copy of the documents, re-index, ask again: no training."""
    kb = os.path.join(out, "kb_copy")
    db = os.path.join(out, "fresh.db")
    shutil.rmtree(kb, ignore_errors=True)
    shutil.rmtree(db, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "corpora", "kb"), kb)
    mgpt("index", kb, "--db", db)

    def ask(question):
        r = mgpt("ask", question, *(["--ckpt", model] if model else []), "--db", db, "--json")
        return json.loads(r.stdout)["answer"]

    before = [ask(q) for _, _, _, q, _ in FRESH_EDITS]
    for name, old, new, _, _ in FRESH_EDITS:
        path = os.path.join(kb, name)
        with open(path) as f:
            text = f.read()
        assert old in text, (name, old)
        with open(path, "w") as f:
            f.write(text.replace(old, new))
    reindex = mgpt("index", kb, "--db", db).stdout.strip()
    say(f"$ mgpt index (after the edits): {reindex}")
    after = [ask(q) for _, _, _, q, _ in FRESH_EDITS]
    rows = [{"question": q, "before": b, "after": a, "expected_after": want,
             "follows": normalize(a) == normalize(want)} for (_, _, _, q, want), b, a in zip(FRESH_EDITS, before, after)]
    return {"reindex": reindex, "rows": rows}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=os.path.join(ROOT, "out", "rag"))
    p.add_argument("--ckpt", help="a model trained on the prompt template [default: the shipped reader]")
    benchlib.json_option(p, "rag.json")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    results = {"machine": f"{platform.node()}: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                          f"Python {platform.python_version()}", "model": args.ckpt or "the shipped reader"}
    db = os.path.join(args.out, "kb.db")
    shutil.rmtree(db, ignore_errors=True)
    results["index"] = mgpt("index", os.path.join(ROOT, "corpora", "kb"), "--db", db).stdout.strip()
    say(f"$ mgpt index corpora/kb --db {db}: {results['index']}")
    ck = load_model(args.ckpt or reader_path())
    with open(os.path.join(ROOT, "corpora", "kb_questions.jsonl")) as f:
        questions = [json.loads(line) for line in f if line.strip()]
    results["eval"], rows = evaluate(ck, db, questions, (1, 2, 3, 5), DEFAULT_MAX_NEW_TOKENS)
    results["fresh"] = freshness(args.out, args.ckpt)
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump({**results, "questions": rows}, f, indent=1)
    benchlib.write_json(benchlib.json_path(args, "rag.json"), results)  # scripts/figures.py draws docs/img/rag.png
    for r in rows:
        mark = "ok " if r["em_with"] else "-- "
        print(f"{mark}{r['question']:<58} want {r['expected']!r:<24} got {r['with']!r:<24} "
              f"no-retrieval {r['without']!r}  rank {r['rank']}")
    e = results["eval"]
    print(f"\n{len(rows)} questions: recall@1 {e['recall@1']:.1%}, recall@3 {e['recall@3']:.1%}, "
          f"recall@5 {e['recall@5']:.1%}; answer in the prompt {e['answer_in_prompt']:.1%}")
    ratio = e["em_with_retrieval"] / e["em_without_retrieval"] if e["em_without_retrieval"] else float("inf")
    times = f"{ratio:.1f}x" if e["em_without_retrieval"] else "without retrieval it got none right"
    print(f"exact match: {e['em_with_retrieval']:.1%} with retrieval, {e['em_without_retrieval']:.1%} without ({times})")
    for r in results["fresh"]["rows"]:
        print(f"freshness: {r['question']} {r['before']!r} -> {r['after']!r} "
              f"({'follows the edit' if r['follows'] else 'does NOT follow'})")
    bars = {"recall@3 >= 90%": e["recall@3"] >= 0.9, "EM with >= 50%": e["em_with_retrieval"] >= 0.5,
            "EM with >= 5x without": e["em_with_retrieval"] > 0 and e["em_with_retrieval"] >= 5 * e["em_without_retrieval"],
            "freshness": all(r["follows"] for r in results["fresh"]["rows"])}
    print("bars: " + ", ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in bars.items()))


if __name__ == "__main__":
    main()
