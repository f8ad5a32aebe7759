"""How well a span reader reads examples of the kind it was trained on: each question with its own
chunks (no retrieval), never abstaining. Beside reader_eval.py's figures on knowledge bases, this
says whether a miss comes from the reading or from the documents being unlike the training data.

    python scripts/reader_examples.py out/spans/generated-val.jsonl --sample 400
    python scripts/reader_examples.py out/spans/readerdocs/docs-qa-val.jsonl --ckpt out/spans/reader.npz

Files are JSON lines as `mgpt rag-examples` and make_span_reader.py write them ({"question",
"chunks", "answer" or null, "spans"}). An answer is exact when the span read, tidied as `ask` tidies
it, equals the answer after normalisation (evaluation.exact_match).
"""

import argparse
import json
import random
import sys

from mgpt.checkpoint import load_model
from mgpt.errors import MgptError
from mgpt.pairs import parse_examples
from mgpt.retrieval.evaluation import exact_match
from mgpt.retrieval.reader import reader_path
from mgpt.retrieval.span_answer import point, tidy_span


def read_examples(ck, examples):
    """(exact, answerable, unanswerable) over the examples, the best span always answered."""
    exact = answerable = 0
    for ex in examples:
        if not ex.spans:
            continue
        answerable += 1
        question, _ = ck.vocab.fit(ex.question, "question")
        found = point(ck, question, [ck.vocab.with_placeholders(c)[0] for c in ex.chunks])
        if found["chunk"] is None:
            continue
        text = ex.chunks[found["chunk"]]
        start, end = tidy_span(text, found["start"], found["end"])
        answers = {ex.chunks[i][s:e] for i, s, e in ex.spans}
        exact += bool(exact_match(text[start:end], answers))
    return exact, answerable, len(examples) - answerable


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("examples", help="JSON lines of examples")
    parser.add_argument("--ckpt", help="the span reader [default: the shipped one]")
    parser.add_argument("--sample", type=int, help="read this many examples drawn at random (seeded), not all")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        with open(args.examples, encoding="utf-8") as f:
            examples = parse_examples(f.read(), args.examples)
        args.ckpt = args.ckpt or reader_path()
        ck = load_model(args.ckpt)
    except (OSError, MgptError) as e:
        print(f"reader_examples: {e}", file=sys.stderr)
        return 2
    if not ck.is_span_reader:
        print(f"reader_examples: {args.ckpt} is not a span reader", file=sys.stderr)
        return 2
    if args.sample and args.sample < len(examples):
        examples = random.Random(args.seed).sample(examples, args.sample)
    exact, answerable, unanswerable = read_examples(ck, examples)
    result = {"examples": args.examples, "ckpt": args.ckpt, "exact": exact, "answerable": answerable,
              "unanswerable_skipped": unanswerable, "exact_match": exact / answerable if answerable else None}
    if args.json:
        print(json.dumps(result))
    else:
        share = f" ({exact / answerable:.1%})" if answerable else ""
        print(f"{args.examples}: exact {exact} of {answerable} answerable{share}, never abstaining; "
              f"{unanswerable} unanswerable not counted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
