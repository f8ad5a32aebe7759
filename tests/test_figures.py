"""scripts/figures.py: every picture in docs/img/ drawn from docs/data/ alone, and that data
agrees with the tables of docs/BENCHMARKS.md it was recorded for."""

import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest

from support.cli import ENV
from support.images import png_size

pytest.importorskip("matplotlib", reason="the plot extra is not installed: pip install '.[plot]'")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "docs", "data")
import figures  # noqa: E402  (after the skip: it imports matplotlib)

RAG = {"eval": {"recall@1": 0.8, "recall@2": 0.9, "recall@3": 1.0, "recall@5": 1.0, "em_with_retrieval": 0.88,
                "em_without_retrieval": 0.0, "answer_in_prompt": 1.0}}


def data(name):
    with open(os.path.join(DATA, name)) as f:
        return json.load(f)


def bar_heights(ax):
    return [patch.get_height() for patch in ax.patches]


def test_every_picture_is_drawn_from_its_data_and_a_missing_one_is_skipped(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "rag.json").unlink(missing_ok=True)
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "figures.py"), "--data", tmp_path / "data",
                        "--img", tmp_path / "img"], capture_output=True, text=True, env=ENV, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"skipped rag.png: no rag.json in {tmp_path / 'data'} yet" in r.stderr
    drawn = sorted(os.listdir(tmp_path / "img"))
    assert drawn == sorted(name for name, (source, _) in figures.FIGURES.items()
                           if os.path.exists(tmp_path / "data" / source))
    assert len(drawn) >= 7  # everything but the RAG figure is recorded
    for name in drawn:
        assert png_size(tmp_path / "img" / name)[0] >= 400


def pinned_matplotlib():
    with open(os.path.join(ROOT, "pyproject.toml")) as f:
        return re.search(r'"matplotlib==([^"]+)"', f.read()).group(1)


def test_the_shipped_pictures_are_the_ones_the_data_draws(tmp_path):
    """docs/img holds what figures.py draws from docs/data now: no one edited one without the other.
    Byte for byte, so only with the matplotlib the plot extra pins (other versions draw otherwise)."""
    import matplotlib

    if matplotlib.__version__ != pinned_matplotlib():
        pytest.skip(f"matplotlib {matplotlib.__version__} is not the pinned {pinned_matplotlib()}")
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "figures.py"), "--img", tmp_path],
                       capture_output=True, text=True, env=ENV, timeout=300)
    assert r.returncode == 0, r.stderr
    for name in os.listdir(tmp_path):
        with open(os.path.join(ROOT, "docs", "img", name), "rb") as shipped:
            assert shipped.read() == (tmp_path / name).read_bytes(), f"docs/img/{name} is stale: run make figures"


def test_quality_curves_are_the_recorded_estimates():
    for run in ("shakespeare", "names"):
        recorded = data(f"quality-{run}.json")
        figure = figures.draw_quality(os.path.join(DATA, f"quality-{run}.json"))
        lines = {line.get_label(): line for line in figure.axes[0].lines}
        assert list(lines[f"{run} train"].get_xdata()) == [p["step"] for p in recorded["curve"]]
        assert list(lines[f"{run} train"].get_ydata()) == [p["train_loss"] for p in recorded["curve"]]
        assert list(lines[f"{run} val"].get_ydata()) == [p["val_loss"] for p in recorded["curve"]]
        assert list(lines[f"bar {recorded['bar']}"].get_ydata()) == [recorded["bar"]] * 2


def test_lora_figure():
    recorded = data("lora.json")
    line = figures.draw_lora(os.path.join(DATA, "lora.json")).axes[0].lines[0]
    assert list(line.get_xdata()) == [row["rank"] for row in recorded["lora"]]
    np.testing.assert_allclose(line.get_ydata(), [100 * row["gap_closed"] for row in recorded["lora"]])


def test_speed_figure():
    recorded = data("speed.json")
    train_ax, sample_ax = figures.draw_speed(os.path.join(DATA, "speed.json")).axes
    assert bar_heights(train_ax) == [row[engine]["ms_per_step"] for engine in ("mgpt", "torch")
                                     for row in recorded["training"]]
    cached = [row for row in recorded["training"][-1]["sampling"] if row["kv_cache"]]
    assert bar_heights(sample_ax) == [row[f"{engine}_tokens_per_s"] for engine in ("mgpt", "torch") for row in cached]


def test_mpi_figure():
    recorded = data("mpi.json")
    measured_ax, projected_ax = figures.draw_mpi(os.path.join(DATA, "mpi.json")).axes
    rates = {(r["preset"], r["ranks"], r["blas_threads"]): r["tokens_per_s"] for r in recorded["runs"]}
    presets = [row["preset"] for row in recorded["summary"]]
    np.testing.assert_allclose(bar_heights(measured_ax), [rates[p, ranks, threads] / rates[p, 1, 1]
                                                          for ranks, threads in ((2, 1), (1, 2)) for p in presets])
    lines = {line.get_label(): line for line in projected_ax.lines}
    for row in recorded["summary"]:
        for network, points in row["projection"].items():
            assert list(lines[f"{row['preset']}, {network}"].get_ydata()) == [p["speedup"] for p in points]


def test_rag_figure(tmp_path):
    (tmp_path / "rag.json").write_text(json.dumps(RAG))
    recall_ax, answer_ax = figures.draw_rag(str(tmp_path / "rag.json")).axes
    assert list(recall_ax.lines[0].get_xdata()) == [1, 2, 3, 5]
    assert list(recall_ax.lines[0].get_ydata()) == [80.0, 90.0, 100.0, 100.0]
    assert bar_heights(answer_ax) == [88.0, 0.0]


def test_the_data_agrees_with_the_benchmark_tables():
    """Each recorded figure appears, as the table prints it, in docs/BENCHMARKS.md."""
    with open(os.path.join(ROOT, "docs", "BENCHMARKS.md")) as f:
        doc = f.read()
    shown = []
    for run in ("shakespeare", "names"):
        for point in data(f"quality-{run}.json")["curve"]:
            shown += [f"{point['train_loss']:.3f}", f"{point['val_loss']:.3f}"]
    lora = data("lora.json")
    shown += [f"{lora['base_loss']:.4f}", f"{lora['full']['loss']:.4f}"]
    shown += [f"{row['loss']:.4f} | {row['gap_closed']:.1%} | {row['trainable']:,} ({row['trainable_share']:.2%})"
              for row in lora["lora"]]
    shown += [f"{row['tokens_per_s']:,} tokens/s" for row in data("mpi.json")["runs"]]
    missing = [text for text in shown if text not in doc]
    assert not missing, f"docs/data and docs/BENCHMARKS.md disagree on: {missing}"


def test_a_benchmark_run_over_some_presets_keeps_the_others(tmp_path):
    import benchlib

    path = str(tmp_path / "speed.json")
    seeded = {"source": "seeded", "training": [{"preset": "micro", "ms": 1}, {"preset": "small", "ms": 9}]}
    benchlib.write_json(path, seeded)
    benchlib.write_json(path, {"training": [{"preset": "small", "ms": 8}]}, rows_by_preset=("training",))
    with open(path) as f:
        written = json.load(f)
    assert written["training"] == [{"preset": "micro", "ms": 1}, {"preset": "small", "ms": 8}]
    assert written["source"] == "training: presets small from this run, the others from an earlier one (seeded)"
    benchlib.write_json(path, {"training": [{"preset": "micro", "ms": 2}, {"preset": "baby", "ms": 5}]},
                        rows_by_preset=("training",))
    with open(path) as f:
        written = json.load(f)
    # the file's order stays, a preset it did not hold comes last
    assert written["training"] == [{"preset": "micro", "ms": 2}, {"preset": "small", "ms": 8}, {"preset": "baby", "ms": 5}]
