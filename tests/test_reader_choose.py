"""scripts/reader_choose.py: k and the abstention threshold chosen from development answers."""

import json

import numpy as np

import reader_choose


def _record(path, k, answerable, unanswerable, read=None):
    """A reader_eval --out file: answerable rows (confidence, right?) and unanswerable confidences;
    read: whether each answerable question's chunk was among those read (default: all)."""
    read = read or [True] * len(answerable)
    rows = [{"answers": ["42"], "answer": "42" if right else "7", "confidence": c, "in_prompt": r}
            for (c, right), r in zip(answerable, read)]
    rows += [{"answers": [], "answer": "9", "confidence": c} for c in unanswerable]
    path.write_text(json.dumps({"k": k, "results": [{"rows": rows}]}))
    return str(path)


def test_the_threshold_meets_the_abstention_bar_and_keeps_the_most_exact_answers(tmp_path):
    # unanswerable confidences 0.1 .. 0.5: 80% of them abstain from 0.41 up
    a = _record(tmp_path / "a.json", 8, [(0.9, True), (0.45, True), (0.6, False)], [0.1, 0.2, 0.3, 0.4, 0.5])
    best_each, chosen = reader_choose.choose([a])
    k, t, (exact, n, held, m, silent), meets, recall = best_each[0]
    assert (k, t, meets, recall) == (8, 0.41, True, 1.0)
    assert (exact, n, held, m, silent) == (2, 3, 4, 5, 0)
    assert chosen == best_each[0]


def test_more_exact_answers_win_and_ties_go_to_the_smaller_k(tmp_path):
    few = _record(tmp_path / "k4.json", 4, [(0.9, True), (0.05, True)], [0.1] * 5)
    more = _record(tmp_path / "k16.json", 16, [(0.9, True), (0.8, True)], [0.1] * 5)
    same = _record(tmp_path / "k8.json", 8, [(0.9, True), (0.8, True)], [0.1] * 5)
    assert reader_choose.choose([few, more])[1][0] == 16
    assert reader_choose.choose([more, same])[1][0] == 8



def test_only_a_k_that_reads_the_answers_chunk_for_nine_in_ten_questions_is_chosen_when_one_does(tmp_path):
    answers = [(0.9, True)] * 9 + [(0.9, False)]
    short = _record(tmp_path / "k4.json", 4, answers, [0.1] * 5, read=[True] * 8 + [False] * 2)
    long = _record(tmp_path / "k12.json", 12, [(0.9, True)] * 8 + [(0.9, False)] * 2, [0.1] * 5)
    assert reader_choose.choose([short, long])[1][0] == 12
    shorter = _record(tmp_path / "k2.json", 2, [(0.9, True)] * 8 + [(0.9, False)] * 2, [0.1] * 5,
                      read=[True] * 5 + [False] * 5)
    assert reader_choose.choose([short, shorter])[1][0] == 4  # none reaches 90%: the most exact answers


def test_without_a_threshold_that_reaches_the_bar_the_most_right_decisions(tmp_path):
    # an unanswerable question as confident as the best answer: abstaining on 80% loses every answer
    a = _record(tmp_path / "a.json", 8, [(0.95, True), (0.95, True)], [0.99, 0.99])
    best_each, _ = reader_choose.choose([a])
    _, t, (exact, _, held, _, _), meets, _ = best_each[0]
    assert not meets and (exact, held) == (2, 0) and t == 0.0


def test_a_calibrator_learns_what_the_margin_misses_and_is_judged_on_bases_it_did_not_see(tmp_path):
    """Right answers come from the first-ranked chunk, wrong ones from the fifth, at the same margin:
    the calibrator (fitted on the other bases) separates them, the raw confidence cannot."""
    rng = np.random.default_rng(0)

    def base():
        rows = []
        for i in range(40):
            is_right = i % 2 == 0
            rows.append({"answers": ["42"], "answer": "42" if is_right else "7", "confidence": float(rng.uniform(0.6, 0.9)),
                         "span_probability": 0.3, "abstain_probability": 0.1, "cited_rank": 1 if is_right else 5})
        return {"rows": rows}

    record = {"k": 8, "results": [base(), base(), base()]}
    out = reader_choose.calibrated(record)
    for raw, fitted in zip(record["results"], out["results"]):
        wrong = [r["confidence"] for r in fitted["rows"] if r["answer"] == "7"]
        kept = [r["confidence"] for r in fitted["rows"] if r["answer"] == "42"]
        assert max(wrong) < 0.5 < min(kept)
        assert raw["rows"][0]["confidence"] != fitted["rows"][0]["confidence"]  # the input is left as it was


def test_the_calibrator_to_ship_is_fitted_on_every_base_at_the_chosen_k(tmp_path):
    """--calibrator-out: the chosen k's answers from all bases fit it; its weights turn the
    features of a right answer higher than a wrong one's, and ship reads its k."""
    rows = [{"answers": ["42"], "answer": "42" if i % 2 == 0 else "7", "confidence": 0.7, "span_probability": 0.3,
             "abstain_probability": 0.1, "cited_rank": 1 if i % 2 == 0 else 6, "in_prompt": True} for i in range(40)]
    files = []
    for k in (4, 12):
        path = tmp_path / f"k{k}.json"
        path.write_text(json.dumps({"k": k, "results": [{"kb": "a", "rows": rows[:20]}, {"kb": "b", "rows": rows[20:]}]}))
        files.append(str(path))
    out = tmp_path / "cal.json"
    import sys
    from unittest import mock

    with mock.patch.object(sys, "argv", ["reader_choose.py", "--calibrate", "--calibrator-out", str(out), *files]):
        assert reader_choose.main() == 0
    calibrator = json.loads(out.read_text())
    assert calibrator["k"] == 4 and calibrator["fitted_on"] == ["a", "b"] and calibrator["questions"] == 40
    w, b = np.array(calibrator["weights"]), calibrator["bias"]
    right, wrong = (reader_choose.features(rows[i]) for i in (0, 1))
    assert w @ right + b > 0 > w @ wrong + b
