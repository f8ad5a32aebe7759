"""scripts/reader_choose.py: k and the abstention threshold chosen from development answers."""

import json

import reader_choose


def _record(path, k, answerable, unanswerable):
    """A reader_eval --out file: answerable rows (confidence, right?) and unanswerable confidences."""
    rows = [{"answers": ["42"], "answer": "42" if right else "7", "confidence": c} for c, right in answerable]
    rows += [{"answers": [], "answer": "9", "confidence": c} for c in unanswerable]
    path.write_text(json.dumps({"k": k, "results": [{"rows": rows}]}))
    return str(path)


def test_the_threshold_meets_the_abstention_bar_and_keeps_the_most_exact_answers(tmp_path):
    # unanswerable confidences 0.1 .. 0.5: 80% of them abstain from 0.41 up
    a = _record(tmp_path / "a.json", 8, [(0.9, True), (0.45, True), (0.6, False)], [0.1, 0.2, 0.3, 0.4, 0.5])
    best_each, chosen = reader_choose.choose([a])
    k, t, (exact, n, held, m, silent), meets = best_each[0]
    assert (k, t, meets) == (8, 0.41, True)
    assert (exact, n, held, m, silent) == (2, 3, 4, 5, 0)
    assert chosen == best_each[0]


def test_more_exact_answers_win_and_ties_go_to_the_smaller_k(tmp_path):
    few = _record(tmp_path / "k4.json", 4, [(0.9, True), (0.05, True)], [0.1] * 5)
    more = _record(tmp_path / "k16.json", 16, [(0.9, True), (0.8, True)], [0.1] * 5)
    same = _record(tmp_path / "k8.json", 8, [(0.9, True), (0.8, True)], [0.1] * 5)
    assert reader_choose.choose([few, more])[1][0] == 16
    assert reader_choose.choose([more, same])[1][0] == 8


def test_without_a_threshold_that_reaches_the_bar_the_most_right_decisions(tmp_path):
    # an unanswerable question as confident as the best answer: abstaining on 80% loses every answer
    a = _record(tmp_path / "a.json", 8, [(0.95, True), (0.95, True)], [0.99, 0.99])
    best_each, _ = reader_choose.choose([a])
    _, t, (exact, _, held, _, _), meets = best_each[0]
    assert not meets and (exact, held) == (2, 0) and t == 0.0
