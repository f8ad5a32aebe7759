"""Choose how many chunks the span reader reads (k) and the confidence it abstains under, on the
development bases' answers (never the held-out ones).

    python scripts/reader_eval.py --ckpt R --dev -k 4 --min-confidence 0 --out dev-k4.json   # one per k
    python scripts/reader_choose.py dev-k4.json dev-k8.json ...

Each file holds every question's answer and confidence at one k (its rows). For every k and every
threshold (0 to 0.099 in steps of 0.001, then to 0.99 in steps of 0.01), the questions'
decisions are totalled over the bases:
exact answers, unanswerable questions that abstain, answerable ones that abstain. The choice
follows issue 27's bars. k: only those at which the answer's chunk is among the chunks read for
at least 90% of the answerable questions (all of them when no k reaches it). The threshold: among
those at which at least 80% of the unanswerable questions abstain, the one that keeps the most
exact answers (ties: the smaller k, which answers sooner, then the lower threshold); if no
threshold reaches 80%, the most right decisions (an exact answer, or an unanswerable question
that abstains). Prints the table at each k's chosen threshold and the choice as
make_span_reader.py ship takes it. With --calibrate the confidences are a logistic calibrator's
(span_answer.abstention_features), each base's fitted on the other bases, so the threshold is
chosen on confidences its own base did not fit; --calibrator-out writes the one to ship, fitted
on every base at the chosen k.
"""

import argparse
import copy
import json
import sys

import numpy as np

from reader_eval import decide

from mgpt.retrieval.evaluation import exact_match
from mgpt.retrieval.span_answer import abstention_features

UNANSWERABLE_ABSTAIN = 0.8
CHUNK_RECALL = 0.9
# finer where confidences crowd: with many chunks read, the null takes most of the mass
THRESHOLDS = [t / 1000 for t in range(100)] + [t / 100 for t in range(10, 100)]


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


def choose(files, calibrate=False):
    """[(k, threshold, tally, whether the threshold meets the abstention bar, chunk recall)] of each
    file at its best threshold, and the chosen one of them."""
    best_each = []
    for path in files:
        record = json.load(open(path))
        if calibrate:
            record = calibrated(record)
        tallies = [(t, tally(record["results"], t)) for t in THRESHOLDS]
        meeting = [(t, c) for t, c in tallies if c[2] >= UNANSWERABLE_ABSTAIN * c[3]]
        if meeting:
            t, c = max(meeting, key=lambda tc: (tc[1][0], -tc[0]))
        else:
            t, c = max(tallies, key=lambda tc: (tc[1][0] + tc[1][2], -tc[0]))
        best_each.append((record["k"], t, c, bool(meeting), chunk_recall(record["results"])))
    recalled = [e for e in best_each if e[4] >= CHUNK_RECALL] or best_each
    chosen = max(recalled, key=lambda e: (e[3], e[2][0] if e[3] else e[2][0] + e[2][2], -e[0], -e[1]))
    return best_each, chosen


def chunk_recall(results):
    """The share of answerable questions whose answer's chunk was among those read."""
    rows = [r for base in results for r in base["rows"] if r["answers"]]
    return sum(bool(r["in_prompt"]) for r in rows) / max(len(rows), 1)


def features(row):
    """What the reader's calibrator reads of one answer (span_answer.abstention_features), from an
    evaluation row (files written before span_confidence was recorded: their confidence is it)."""
    span_confidence = row.get("span_confidence", row["confidence"])
    return abstention_features(span_confidence, row.get("span_probability"), row.get("abstain_probability"),
                               row.get("cited_rank"))


def fit_logistic(x, y, l2=1.0, steps=50):
    """Weights and bias of an L2-regularised logistic regression (Newton's method), on standardised x."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        penalty = np.r_[np.full(len(w) - 1, l2), 0.0]
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        w -= np.linalg.solve(hess, grad)
    return w[:-1] / scale, w[-1] - (w[:-1] / scale) @ mean


def right(row):
    """1 where answering is right: the answer is exact (an unanswerable question is never)."""
    return float(bool(row["answers"]) and row["answer"] is not None and bool(exact_match(row["answer"], row["answers"])))


def fit_calibrator(record):
    """The calibrator to ship: fitted on every development base's answers at one k."""
    rows = [r for base in record["results"] for r in base["rows"]]
    w, bias = fit_logistic(np.array([features(r) for r in rows]), np.array([right(r) for r in rows]))
    return {"weights": [float(x) for x in w], "bias": float(bias), "k": record["k"],
            "fitted_on": [base["kb"] for base in record["results"]], "questions": len(rows)}


def calibrated(record):
    """The record with each base's confidences replaced by a calibrator's fitted on the other bases
    (leave one base out), so the choice made on them is not made on the data that fitted them."""
    out = copy.deepcopy(record)
    for b, base in enumerate(out["results"]):
        train = [r for o, other in enumerate(record["results"]) if o != b for r in other["rows"]]
        w, bias = fit_logistic(np.array([features(r) for r in train]), np.array([right(r) for r in train]))
        for row in base["rows"]:
            row["confidence"] = float(1 / (1 + np.exp(-(np.array(features(row)) @ w + bias))))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", help="reader_eval.py --dev --out files, one per k")
    parser.add_argument("--calibrate", action="store_true",
                        help="confidences of a logistic calibrator, each base's fitted on the others")
    parser.add_argument("--calibrator-out", metavar="FILE",
                        help="with --calibrate: write the calibrator fitted on every base at the chosen k "
                             "(JSON, for make_span_reader.py ship --calibrator)")
    args = parser.parse_args()
    if args.calibrator_out and not args.calibrate:
        parser.error("--calibrator-out needs --calibrate")
    best_each, chosen = choose(args.files, args.calibrate)
    for k, t, (exact, n, held, m, silent), meets, recall in sorted(best_each):
        print(f"k {k:>2}: answer's chunk read {recall:.1%}; min-confidence {t:.3f}: exact {exact} of {n}, "
              f"unanswerable abstaining {held} of {m}, answerable abstaining {silent} of {n}"
              + ("" if meets else " (no threshold reaches 80%)"))
    k, t, *_ = chosen
    print(f"chosen: -k {k} --min-confidence {t:.3f}")
    if args.calibrator_out:
        record = next(r for r in map(lambda p: json.load(open(p)), args.files) if r["k"] == k)
        calibrator = fit_calibrator(record)
        with open(args.calibrator_out, "w") as f:
            json.dump(calibrator, f, indent=1)
        print(f"calibrator fitted on {calibrator['questions']} questions of {', '.join(calibrator['fitted_on'])} "
              f"-> {args.calibrator_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
