"""`mgpt plot`: loss curves drawn from real logs of tiny runs made here.

The curves are read back from the figure's own data (matplotlib's Line2D), never from pixels;
the files are checked to be PNG or SVG of the size asked for.
"""

import json
import shutil
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from support.cli import ENV, FAST, NAMES, TINY, assert_ok, assert_user_error, mgpt_popen, mgpt_run, snapshot, train
from support.images import png_size, svg_size

pytest.importorskip("matplotlib", reason="the plot extra is not installed: pip install '.[plot]'")

from mgpt import plot  # noqa: E402


def records(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    """Two real runs of 40 steps with their logs: a.jsonl (lr 1e-2) and b.jsonl (lr 3e-3)."""
    d = tmp_path_factory.mktemp("logs")
    (d / "names.txt").write_text(NAMES)
    for name, lr in (("a", "1e-2"), ("b", "3e-3")):
        train(d / "names.txt", d / f"{name}.npz", "--mode", "docs", "--lr", lr, "--log", d / f"{name}.jsonl",
              steps=40)
    return d


@pytest.fixture
def work(tmp_path, logs):
    for name in ("a.jsonl", "b.jsonl", "names.txt"):
        shutil.copy(logs / name, tmp_path / name)
    return tmp_path


def lines_by_label(figure):
    return {line.get_label(): line for ax in figure.axes for line in ax.lines}


# --- what the log holds --------------------------------------------------------------------

def test_step_records_count_tokens_and_time(logs):
    steps = [r for r in records(logs / "a.jsonl") if r["event"] == "step"]
    assert [r["step"] for r in steps] == list(range(1, 41))
    assert all(0 < r["tokens"] <= 4 * 8 and isinstance(r["tokens"], int) for r in steps)  # batch 4, block 8
    elapsed = [r["elapsed_s"] for r in steps]
    assert elapsed == sorted(elapsed) and elapsed[0] > 0


# --- the plotted series are the logged values ------------------------------------------------

def test_curves_are_the_logged_values(logs):
    log = records(logs / "a.jsonl")
    steps = [r for r in log if r["event"] == "step"]
    evals = [r for r in log if r["event"] == "eval"]
    run = plot.read_run(str(logs / "a.jsonl"), "a")
    lines = lines_by_label(plot.loss_figure([run], show_lr=True))
    assert list(lines["a train"].get_xdata()) == [r["step"] for r in steps]
    assert list(lines["a train"].get_ydata()) == [r["loss"] for r in steps]
    assert list(lines["a val"].get_xdata()) == [10, 20, 30, 40] == [r["step"] for r in evals]
    assert list(lines["a val"].get_ydata()) == [r["val_loss"] for r in evals]
    assert lines["a val"].get_marker() == "o"
    assert list(lines["a lr"].get_ydata()) == [r["lr"] for r in steps]
    figure = plot.loss_figure([run], show_lr=True)
    assert figure.axes[1].get_ylabel() == "learning rate" and figure.axes[1].lines[0].get_label() == "a lr"


@pytest.mark.parametrize("x_axis", ["tokens", "seconds"])
def test_other_x_axes(logs, x_axis):
    log = records(logs / "a.jsonl")
    steps = [r for r in log if r["event"] == "step"]
    lines = lines_by_label(plot.loss_figure([plot.read_run(str(logs / "a.jsonl"), "a")], x_axis))
    if x_axis == "tokens":
        expected = np.cumsum([r["tokens"] for r in steps])
        expected_val = [expected[r["step"] - 1] for r in log if r["event"] == "eval"]
    else:
        expected = [r["elapsed_s"] for r in steps]
        expected_val = [r["elapsed_s"] for r in log if r["event"] == "eval"]
    np.testing.assert_array_equal(lines["a train"].get_xdata(), expected)
    np.testing.assert_array_equal(lines["a val"].get_xdata(), expected_val)


def test_smoothing_is_a_trailing_mean(logs):
    losses = [r["loss"] for r in records(logs / "a.jsonl") if r["event"] == "step"]
    run = plot.read_run(str(logs / "a.jsonl"), "a")
    line = lines_by_label(plot.loss_figure([run], smooth=5))["a train (mean of 5 steps)"]
    expected = [np.mean(losses[max(0, i - 4):i + 1]) for i in range(len(losses))]
    np.testing.assert_allclose(line.get_ydata(), expected, rtol=1e-12)


def test_a_resumed_run_is_one_curve(tmp_path):
    """Steps 1-25 logged, the run died and resumed from its save at step 20: steps 21-40 again,
    with the clock starting again at 0."""
    def step(n, loss, t):
        return {"event": "step", "step": n, "loss": loss, "lr": 1e-3, "tokens": 10, "elapsed_s": t}
    lines = [step(n, 10.0 - n / 10, n) for n in range(1, 26)]
    lines.insert(20, {"event": "eval", "step": 20, "train_loss": 8.0, "val_loss": 8.5, "elapsed_s": 20.5})
    lines += [step(n, 5.0 - n / 10, n - 20) for n in range(21, 41)]
    (tmp_path / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    run = plot.read_run(str(tmp_path / "r.jsonl"), "r")
    assert list(run.steps.step) == list(range(1, 41))
    assert list(run.steps.values["loss"][20:]) == [5.0 - n / 10 for n in range(21, 41)]  # the redone steps
    assert list(run.steps.tokens) == list(range(10, 410, 10))
    assert list(run.steps.seconds[:20]) == list(range(1, 21))
    assert list(run.steps.seconds[20:]) == [25 + n - 20 for n in range(21, 41)]  # 25 s before the restart
    assert list(run.evals.step) == [20] and list(run.evals.tokens) == [200]


def test_a_real_resumed_run(work):
    train("names.txt", "r.npz", "--log", "r.jsonl", steps=20, cwd=work)
    train("names.txt", "r.npz", "--log", "r.jsonl", "--resume", "r-last.npz", steps=40, cwd=work)
    run = plot.read_run(str(work / "r.jsonl"), "r")
    assert list(run.steps.step) == list(range(1, 41)) and list(run.evals.step) == [10, 20, 30, 40]
    assert np.all(np.diff(run.steps.seconds) > 0) and np.all(np.diff(run.steps.tokens) > 0)


def test_a_log_still_being_written(work):
    full = (work / "a.jsonl").read_text()
    (work / "p.jsonl").write_text(full + '{"event": "step", "step": 41, "lo')
    assert_ok(mgpt_run("plot", "p.jsonl", "-o", "p.png", cwd=work))
    assert list(plot.read_run(str(work / "p.jsonl"), "p").steps.step) == list(range(1, 41))


def test_a_run_in_progress(work):
    """Plots the log of a run that is training now, then stops the run."""
    proc = mgpt_popen("train", "names.txt", "-o", "live.npz", *TINY, *FAST, "--steps", "100000",
                      "--eval-every", "5", "--log", "live.jsonl", cwd=work)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not (work / "live.jsonl").exists()
                                               or '"eval"' not in (work / "live.jsonl").read_text()):
            time.sleep(0.1)
        for _ in range(2):
            r = assert_ok(mgpt_run("plot", "live.jsonl", "-o", "live.png", cwd=work))
            assert "evaluations" in r.stderr
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)


def test_mpi_records_plot_like_any_other(tmp_path):
    """Rank 0's log adds allreduce_ms to each step; tokens count every rank's."""
    lines = [{"event": "step", "step": n, "loss": 3.0 - n / 10, "lr": 1e-3, "grad_norm": 1.0, "tokens": 64,
              "tokens_per_s": 1e4, "elapsed_s": n / 10, "allreduce_ms": 0.04} for n in range(1, 11)]
    (tmp_path / "m.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    lines_out = lines_by_label(plot.loss_figure([plot.read_run(str(tmp_path / "m.jsonl"), "m")], "tokens"))
    assert list(lines_out["m train"].get_xdata()) == list(range(64, 704, 64))


# --- the command -----------------------------------------------------------------------------

@pytest.mark.parametrize("name, size_of", [("c.png", png_size), ("c.svg", svg_size)])
def test_the_file_is_a_picture_of_the_asked_size(work, name, size_of):
    r = assert_ok(mgpt_run("plot", "a.jsonl", "b.jsonl", "-o", name, "--size", "640x400", "--lr", "--logy",
                           "--smooth", "3", "--x", "tokens", cwd=work))
    assert size_of(work / name) == (640, 400)
    assert r.stderr == f"mgpt: wrote {name}: 2 run(s), 80 steps, 8 evaluations\n" and r.stdout == ""


def test_default_size_and_labels(work):
    assert_ok(mgpt_run("plot", "a.jsonl", "b.jsonl", "--label", "fast", "--label", "slow", "-o", "c.png", cwd=work))
    assert png_size(work / "c.png") == (800, 500)
    runs = [plot.read_run(str(work / f), label) for f, label in (("a.jsonl", "fast"), ("b.jsonl", "slow"))]
    assert set(lines_by_label(plot.loss_figure(runs))) == {"fast train", "fast val", "slow train", "slow val"}
    assert plot.run_labels(["x/a.jsonl", "y/a.jsonl", "b.jsonl"]) == ["x/a.jsonl", "y/a.jsonl", "b.jsonl"]


# --- bad input: exit 2, one line, nothing written --------------------------------------------

BAD_LOGS = {
    "empty": ("", "the log is empty"),
    "blank": ("\n\n", "the log is empty"),
    "not-json": ('{"event": "step", "step": 1, "loss": 2.0}\nhello\n{"event": "step", "step": 2, "loss": 1.9}\n',
                 "bad.jsonl: line 2 is not JSON"),
    "not-an-object": ("[1, 2]\n", "line 1 is not a JSON object"),
    "no-loss-events": ('{"event": "start"}\n{"event": "eval", "step": 5, "train_loss": null, "val_loss": null}\n',
                       "no loss records"),
    "loss-not-a-number": ('{"event": "step", "step": 1, "loss": "low"}\n', "line 1: a 'step' record needs a number"),
}


@pytest.mark.parametrize("case", sorted(BAD_LOGS))
def test_bad_log(work, case):
    text, needle = BAD_LOGS[case]
    (work / "bad.jsonl").write_text(text)
    before = snapshot(work)
    assert_user_error(mgpt_run("plot", "a.jsonl", "bad.jsonl", "-o", "c.png", cwd=work), needle)
    assert snapshot(work) == before


@pytest.mark.parametrize("args, needle", [
    (["missing.jsonl"], "missing.jsonl: no such log file"),
    (["."], "is a directory"),
    (["a.jsonl", "-o", "c.jpg"], "give a name ending in .png or .svg"),
    (["a.jsonl", "--label", "one", "--label", "two"], "--label is given 2 time(s) for 1 log(s)"),
    (["old.jsonl", "--x", "tokens"], "--x tokens needs each record's tokens"),
    (["old.jsonl", "--x", "seconds"], "--x seconds needs each record's elapsed_s"),
    (["a.jsonl", "--size", "800"], "is not a size such as 800x500"),
    (["a.jsonl", "--smooth", "0"], "--smooth"),
    (["a.jsonl", "-o", "nofolder/c.png"], "does not exist"),
])
def test_bad_arguments(work, args, needle):
    old = [{k: v for k, v in r.items() if r["event"] == "eval" or k not in ("tokens", "elapsed_s")}
           for r in records(work / "a.jsonl")]
    (work / "old.jsonl").write_text("".join(json.dumps(r) + "\n" for r in old))  # a log of earlier versions
    before = snapshot(work)
    out = [] if "-o" in args else ["-o", "c.png"]
    assert_user_error(mgpt_run("plot", *args, *out, cwd=work), needle)
    assert snapshot(work) == before


@pytest.mark.parametrize("command", ["plot", "attention"])
def test_help_has_examples(command):
    r = assert_ok(mgpt_run(command, "--help"))
    assert "Examples:" in r.stdout and f"mgpt {command} " in r.stdout


def test_without_matplotlib_one_line_names_the_extra(work):
    code = ("import sys; sys.modules['matplotlib'] = None; from mgpt.cli import main; "
            "sys.argv = ['mgpt', 'plot', 'a.jsonl', '-o', 'c.png']; main()")
    r = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, env=ENV, timeout=60)
    assert_user_error(r, "pip install 'mgpt[plot]'")
    assert not (work / "c.png").exists()
