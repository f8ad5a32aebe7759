"""Pictures: loss curves from training logs, attention maps from checkpoints.

matplotlib is the `plot` extra and is imported only when a picture is drawn, so the rest of
mgpt runs without it. Figures are built on matplotlib's Figure directly (no pyplot, no global
state). Every check on the input runs before anything is drawn, and files are written
atomically, so a mistake leaves nothing behind.
"""

import io
import json
import math
import os
from typing import NamedTuple

import numpy as np

from .checkpoint import write_bytes, write_text
from .data import BOS
from .errors import MgptError
from .sampling import prompt_ids

DPI = 96  # CSS pixels per inch: a W x H picture is W x H pixels as PNG and as SVG (W x 0.75 pt)
PICTURE_FORMATS = {".png": "png", ".svg": "svg"}
X_AXES = {"step": "step", "tokens": "tokens trained", "seconds": "seconds of training"}
SHOWN = {" ": "\u2423", "\n": "\u21b5", "\t": "\u21e5"}  # characters that would be invisible on an axis


# --- files ---------------------------------------------------------------------------------

def picture_format(path, allowed=PICTURE_FORMATS):
    """The format a picture is written in, from its extension."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in allowed:
        raise MgptError(f"-o {path}: the format follows the extension: give a name ending in {' or '.join(allowed)}")
    return allowed[ext]


def new_figure(size):
    """An empty figure of size (width, height) in pixels."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MgptError("pictures need matplotlib: install the plot extra (pip install 'mgpt[plot]')") from None
    width, height = size
    return Figure(figsize=(width / DPI, height / DPI), dpi=DPI, layout="constrained")


def save_figure(figure, path):
    """Renders in memory, then writes at once: a failed drawing leaves no half-written file."""
    buffer = io.BytesIO()
    fmt = picture_format(path)
    figure.savefig(buffer, format=fmt, dpi=DPI, metadata={"Date": None} if fmt == "svg" else None)
    write_bytes(path, buffer.getvalue())


# --- training logs -------------------------------------------------------------------------

def read_log(path):
    """[(line number, record)] of a --log file. A last line that a run in progress is still
    writing (an unfinished object with no newline yet) is left out."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        raise MgptError(f"{path}: no such log file") from None
    except IsADirectoryError:
        raise MgptError(f"{path}: is a directory; give the file that mgpt train --log wrote") from None
    except UnicodeDecodeError as e:
        raise MgptError(f"{path}: not UTF-8 text (byte {e.start}); give the file that mgpt train --log wrote") from None
    except OSError as e:
        raise MgptError(f"{path}: cannot read it ({e.strerror})") from None
    if not text.strip():
        raise MgptError(f"{path}: the log is empty (has the run logged its first step yet?)")
    lines = text.split("\n")
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            if number == len(lines) and line.lstrip().startswith("{"):
                continue  # still being written
            raise MgptError(f"{path}: line {number} is not JSON: {line[:40]!r}") from None
        if not isinstance(record, dict):
            raise MgptError(f"{path}: line {number} is not a JSON object: {line[:40]!r}")
        records.append((number, record))
    return records


class Points(NamedTuple):
    """Records of one event in a run, as arrays: x positions and the values logged there."""
    step: np.ndarray
    tokens: np.ndarray  # tokens trained so far (cumulative); None where the log does not say
    seconds: np.ndarray  # None where the log does not say
    values: dict  # name -> array (NaN where a record has null)


class Run(NamedTuple):
    """One log's curves: its step records and its evaluations."""
    label: str
    path: str
    steps: Points
    evals: Points

    def x(self, axis, points):
        values = getattr(points, axis)
        if values is None:
            raise MgptError(f"{self.path}: --x {axis} needs each record's "
                            f"{'tokens' if axis == 'tokens' else 'elapsed_s'}, which logs of earlier mgpt versions "
                            "lack (docs/FORMAT.md); use --x step")
        return values


def _number(record, key, path, number, nullable=False):
    value = record.get(key)
    if value is None and nullable:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise MgptError(f"{path}: line {number}: a {record.get('event')!r} record needs a number for {key!r}, "
                        f"got {value!r}")
    return float(value)


def run_from_records(records, label, path):
    """A run's curves from its log records. A resumed run appends to its log: where it redid
    steps (it resumed from an earlier save), the older records of those steps are dropped, and
    where its clock started again at 0, its seconds continue from the last ones logged."""
    steps, evals = [], []
    offset = last_elapsed = last_seconds = 0.0
    for number, r in records:
        event = r.get("event")
        if event not in ("step", "eval"):
            continue
        step = _number(r, "step", path, number)
        if event == "step" and steps and step <= steps[-1]["step"]:
            steps = [s for s in steps if s["step"] < step]
            evals = [e for e in evals if e["step"] < step]
        seconds = None
        if r.get("elapsed_s") is not None:
            elapsed = _number(r, "elapsed_s", path, number)
            if elapsed < last_elapsed:
                offset = last_seconds
            last_elapsed, last_seconds = elapsed, elapsed + offset
            seconds = last_seconds
        if event == "step":
            steps.append({"step": step, "loss": _number(r, "loss", path, number), "seconds": seconds,
                          "lr": _number(r, "lr", path, number, nullable=True),
                          "tokens": _number(r, "tokens", path, number) if "tokens" in r else None})
        else:
            evals.append({"step": step, "seconds": seconds,
                          "train_loss": _number(r, "train_loss", path, number, nullable=True),
                          "val_loss": _number(r, "val_loss", path, number, nullable=True)})
    if not steps and not any(math.isfinite(e["train_loss"]) or math.isfinite(e["val_loss"]) for e in evals):
        raise MgptError(f"{path}: no loss records (\"event\": \"step\" or \"eval\"); is it a log "
                        "that mgpt train --log wrote?")
    counts = [s["tokens"] for s in steps]
    tokens = np.cumsum(counts) if steps and None not in counts else None
    eval_tokens = None
    if tokens is not None:  # the tokens trained by the step each evaluation followed
        before = np.searchsorted([s["step"] for s in steps], [e["step"] for e in evals], side="right") - 1
        eval_tokens = np.where(before >= 0, tokens[before], 0.0)
    return Run(label, path, _points(steps, ("loss", "lr"), tokens),
               _points(evals, ("train_loss", "val_loss"), eval_tokens))


def _points(rows, names, tokens):
    seconds = [row["seconds"] for row in rows]
    return Points(np.array([row["step"] for row in rows], dtype=float), tokens,
                  None if None in seconds else np.array(seconds, dtype=float),
                  {name: np.array([row[name] for row in rows], dtype=float) for name in names})


def read_run(path, label):
    return run_from_records(read_log(path), label, path)


def run_labels(paths):
    """Each log's file name, or its path as given where two logs share a file name."""
    names = [os.path.basename(p) for p in paths]
    return [n if names.count(n) == 1 else p for n, p in zip(names, paths)]


def trailing_mean(values, window):
    """The mean of each value and the window - 1 before it (fewer at the start): the curve
    never looks ahead of the step it is drawn at."""
    sums = np.concatenate([[0.0], np.cumsum(values)])
    end = np.arange(1, len(values) + 1)
    start = np.maximum(end - window, 0)
    return (sums[end] - sums[start]) / (end - start)


def loss_figure(runs, x_axis="step", smooth=None, show_lr=False, logy=False, size=(800, 500)):
    """Train loss (each step, or each evaluation's estimate when the log has no steps) and val
    loss (marked points) of every run, overlaid; the learning rate on a second axis with show_lr."""
    figure = new_figure(size)
    ax = figure.add_subplot()
    lr_ax = ax.twinx() if show_lr else None
    for i, run in enumerate(runs):
        color = f"C{i % 10}"
        if len(run.steps.step):
            loss = run.steps.values["loss"]
            ax.plot(run.x(x_axis, run.steps), trailing_mean(loss, smooth) if smooth else loss, color=color,
                    lw=1, alpha=0.85, label=f"{run.label} train" + (f" (mean of {smooth} steps)" if smooth else ""))
        else:
            train = run.evals.values["train_loss"]
            ax.plot(run.x(x_axis, run.evals), train, color=color, marker=".", label=f"{run.label} train")
        val = run.evals.values["val_loss"]
        logged = np.isfinite(val)
        if logged.any():
            ax.plot(run.x(x_axis, run.evals)[logged], val[logged], color=color, ls="--", marker="o", ms=4,
                    label=f"{run.label} val")
        if lr_ax is not None and len(run.steps.step):
            lr_ax.plot(run.x(x_axis, run.steps), run.steps.values["lr"], color=color, ls=":", lw=1,
                       label=f"{run.label} lr")
    ax.set_xlabel(X_AXES[x_axis])
    ax.set_ylabel("loss (nats per character)")
    if logy:
        ax.set_yscale("log")
    ax.grid(alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    if lr_ax is not None:
        lr_ax.set_ylabel("learning rate")
        more = lr_ax.get_legend_handles_labels()
        handles, labels = handles + more[0], labels + more[1]
    ax.legend(handles, labels, fontsize="small")
    return figure


# --- attention maps --------------------------------------------------------------------------

class AttentionMap(NamedTuple):
    """Attention weights of some layers and heads over one prompt."""
    labels: list  # each token as shown on the axes
    layers: list
    heads: list
    weights: np.ndarray  # (len(layers), len(heads), T, T): row = query, column = key

    def to_json(self):
        return {"labels": self.labels, "layers": self.layers, "heads": self.heads,
                "weights": np.round(self.weights.astype(float), 5).tolist()}

    @classmethod
    def from_json(cls, data):
        return cls(data["labels"], data["layers"], data["heads"], np.array(data["weights"], dtype=float))


def _chosen(index, count, option, what):
    if index is None:
        return list(range(count))
    if index >= count:
        what = what if count != 1 else what.rstrip("s")  # "1 layer", "2 layers"
        raise MgptError(f"{option} {index}: the model has {count} {what} ({option} 0 to {count - 1})")
    return [index]


def attention_map(ck, prompt, layer=None, head=None):
    """The weights of `layer` and `head` (every one when None) of the model of checkpoint `ck`
    (adapters included) over the tokens it reads for `prompt`, as sampling feeds them."""
    cfg = ck.model.config
    layers = _chosen(layer, cfg.n_layer, "--layer", "layers")
    heads = _chosen(head, cfg.n_head, "--head", "heads")
    if not prompt:
        raise MgptError("--prompt is empty: give the text whose attention to draw")
    ids = prompt_ids(ck.vocab, ck.mode, prompt)
    if len(ids) > cfg.block_size:
        raise MgptError(f"--prompt is {len(ids)} tokens long{' with its BOS' if ck.mode == 'docs' else ''}; "
                        f"the model reads at most {cfg.block_size}: give a shorter prompt")
    weights = ck.model.attention_weights(np.array([ids], dtype=np.int32))[:, 0]  # (n_layer, H, T, T)
    labels = [BOS if i == ck.vocab.bos else SHOWN.get(ck.vocab.chars[i], ck.vocab.chars[i]) for i in ids]
    return AttentionMap(labels, layers, heads, weights[layers][:, heads])


def attention_figure(amap, size=None):
    """A grid of heatmaps, layers down and heads across; each row of a map is a query (the
    token that looks), each column a key (the token looked at)."""
    rows, cols, T = len(amap.layers), len(amap.heads), len(amap.labels)
    panel = int(np.clip(14 * T + 90, 200, 420))
    figure = new_figure(size or (min(cols * panel + 90, 2400), min(rows * panel + 30, 2400)))
    axes = figure.subplots(rows, cols, squeeze=False)
    fontsize = float(np.clip(240 / T, 4, 10))
    for r, layer in enumerate(amap.layers):
        for c, head in enumerate(amap.heads):
            ax = axes[r, c]
            image = ax.imshow(amap.weights[r, c], vmin=0.0, vmax=1.0, cmap="viridis")
            ax.set_title(f"layer {layer}, head {head}", fontsize="medium")
            ax.set_xticks(range(T), amap.labels if r == rows - 1 else [], fontsize=fontsize,
                          rotation=90 if max(map(len, amap.labels)) > 1 else 0)
            ax.set_yticks(range(T), amap.labels if c == 0 else [], fontsize=fontsize)
            if r == rows - 1:
                ax.set_xlabel("key (looked at)")
            if c == 0:
                ax.set_ylabel("query (looking)")
    figure.colorbar(image, ax=axes, shrink=0.8, label="attention weight")
    return figure


def save_attention(amap, path, size=None):
    """A picture (.png, .svg) or the weights themselves (.json), by the extension."""
    if picture_format(path, {**PICTURE_FORMATS, ".json": "json"}) == "json":
        write_text(path, json.dumps(amap.to_json(), ensure_ascii=False) + "\n")
    else:
        save_figure(attention_figure(amap, size), path)
