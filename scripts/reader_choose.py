"""Choose how many chunks the span reader reads (k) and the confidence it abstains under, on the
development bases' answers (never the held-out ones).

    python scripts/reader_eval.py --ckpt R --dev -k 4 --min-confidence 0 --out dev-k4.json   # one per k
    python scripts/reader_choose.py dev-k4.json dev-k8.json ...

Each file holds every question's answer and confidence at one k (its rows). For every k and every
threshold from 0 to 0.99 in steps of 0.01, the questions' decisions are totalled over the bases:
exact answers, unanswerable questions that abstain, answerable ones that abstain. The choice
follows issue 27's abstention bar: among the thresholds at which at least 80% of the
unanswerable questions abstain, the one that keeps the most exact answers (ties: the smaller k,
which answers sooner, then the lower threshold); if no threshold reaches 80%, the most right
decisions (an exact answer, or an unanswerable question that abstains). Prints the table at each
k's chosen threshold and the choice as make_span_reader.py ship takes it.
"""

import argparse
import json
import sys

from reader_eval import decide

from mgpt.retrieval.evaluation import exact_match

UNANSWERABLE_ABSTAIN = 0.8
THRESHOLDS = [t / 100 for t in range(100)]


def tally(results, threshold):
    """(exact, answerable, abstained unanswerable, unanswerable, abstained answerable) over the bases."""
    exact = answerable = held = unanswerable = silent = 0
    for base in results:
        for row in base["rows"]:
            got = decide(row, threshold)
            if row["answers"]:
                answerable += 1
                exact += bool(exact_match(got, row["answers"]))
                silent += got is None
            else:
                unanswerable += 1
                held += got is None
    return exact, answerable, held, unanswerable, silent


def choose(files):
    """[(k, threshold, tally)] of each file at its best threshold, and the chosen one."""
    best_each = []
    for path in files:
        record = json.load(open(path))
        tallies = [(t, tally(record["results"], t)) for t in THRESHOLDS]
        meeting = [(t, c) for t, c in tallies if c[2] >= UNANSWERABLE_ABSTAIN * c[3]]
        if meeting:
            t, c = max(meeting, key=lambda tc: (tc[1][0], -tc[0]))
        else:
            t, c = max(tallies, key=lambda tc: (tc[1][0] + tc[1][2], -tc[0]))
        best_each.append((record["k"], t, c, bool(meeting)))
    chosen = max(best_each, key=lambda e: (e[3], e[2][0] if e[3] else e[2][0] + e[2][2], -e[0], -e[1]))
    return best_each, chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", help="reader_eval.py --dev --out files, one per k")
    args = parser.parse_args()
    best_each, chosen = choose(args.files)
    for k, t, (exact, n, held, m, silent), meets in sorted(best_each):
        print(f"k {k:>2}: min-confidence {t:.2f}: exact {exact} of {n}, unanswerable abstaining {held} of {m}, "
              f"answerable abstaining {silent} of {n}" + ("" if meets else " (no threshold reaches 80%)"))
    k, t, *_ = chosen
    print(f"chosen: -k {k} --min-confidence {t:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
