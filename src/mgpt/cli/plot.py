"""`mgpt plot` and `mgpt attention`: pictures of a run's losses and of a model's attention.

Both need the `plot` extra (matplotlib), which mgpt.plot imports only when it draws; each
command checks its input, then draws, then writes the file, so a mistake writes nothing.
"""

import sys

import click

from ..errors import MgptError
from .common import POSITIVE_INT, NONNEG_INT, adapter_option, note


class PictureSize(click.ParamType):
    """WIDTHxHEIGHT in pixels, e.g. 800x500."""
    name = "WxH"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        width, sep, height = str(value).lower().partition("x")
        if sep and width.isdigit() and height.isdigit() and 100 <= int(width) <= 8000 and 100 <= int(height) <= 8000:
            return int(width), int(height)
        self.fail(f"{value!r} is not a size such as 800x500 (pixels, 100 to 8000 each way)", param, ctx)


def size_option(default, help_default):
    return click.option("--size", type=PictureSize(), default=default,
                        help=f"Picture size in pixels, WIDTHxHEIGHT [default: {help_default}].")


def check_output(out, formats):
    """Fails on a bad -o before any input is read."""
    from ..checkpoint import check_writable
    from ..plot import picture_format

    picture_format(out, formats)
    check_writable(out)


@click.command()
@click.argument("logs", nargs=-1, required=True)
@click.option("-o", "--out", required=True, help="Picture to write: .png or .svg.")
@click.option("--x", "x_axis", type=click.Choice(["step", "tokens", "seconds"]), default="step",
              show_default=True, help="What the horizontal axis counts.")
@click.option("--label", "labels", multiple=True, help="A run's name in the legend; one per LOG, in order "
              "[default: the file name].")
@click.option("--smooth", type=POSITIVE_INT, help="Draw the step loss as the mean of the last N steps.")
@click.option("--lr", "show_lr", is_flag=True, help="Draw the learning rate too, on a second axis.")
@click.option("--logy", is_flag=True, help="Logarithmic loss axis.")
@size_option((800, 500), "800x500")
def plot(logs, out, x_axis, labels, smooth, show_lr, logy, size):
    """Loss curves of training logs (mgpt train --log), several runs overlaid.

    \b
    The step loss is a line, the validation loss marked points. A log still being written, a
    resumed run's log and an MPI run's log all work.
    Examples:
      mgpt plot metrics.jsonl -o curves.png
      mgpt plot a.jsonl b.jsonl --label "lr 1e-3" --label "lr 3e-3" --smooth 50 -o ab.svg
      mgpt plot metrics.jsonl --x tokens --lr --logy -o curves.png
    """
    from .. import plot as pictures
    from ..plot import PICTURE_FORMATS

    check_output(out, PICTURE_FORMATS)
    if labels and len(labels) != len(logs):
        raise MgptError(f"--label is given {len(labels)} time(s) for {len(logs)} log(s): give one per log, in order")
    runs = [pictures.read_run(path, label) for path, label in zip(logs, labels or pictures.run_labels(logs))]
    pictures.save_figure(pictures.loss_figure(runs, x_axis, smooth, show_lr, logy, size), out)
    note(f"wrote {out}: {len(runs)} run(s), {sum(len(r.steps.step) for r in runs):,} steps, "
         f"{sum(len(r.evals.step) for r in runs):,} evaluations")


@click.command()
@click.option("--ckpt", required=True, help="Model checkpoint.")
@click.option("--prompt", required=True, help="The text whose attention to draw; - reads it from stdin.")
@click.option("-o", "--out", required=True,
              help="Picture to write (.png or .svg), or .json for the weights themselves.")
@click.option("--layer", type=NONNEG_INT, help="Only this layer, from 0 [default: every layer].")
@click.option("--head", type=NONNEG_INT, help="Only this head, from 0 [default: every head].")
@adapter_option
@size_option(None, "by the grid")
def attention(ckpt, prompt, out, layer, head, adapters, size):
    """Heatmaps of the attention weights over a prompt: layers down, heads across.

    \b
    Each row is a token of the prompt looking back (the query), each column a token it looks at
    (the key); docs-mode models read BOS before the prompt, as sampling feeds them. The weights
    are the softmax of the same attention kernel that trains the model.
    Examples:
      mgpt attention --ckpt names.npz --prompt emma -o attention.png
      mgpt attention --ckpt s.npz --prompt "ROMEO: " --layer 3 --head 0 -o head.svg
      mgpt attention --ckpt base.npz --adapter domain.npz --prompt anna -o weights.json
    """
    from ..checkpoint import load_with_adapters
    from ..plot import PICTURE_FORMATS, attention_map, save_attention

    check_output(out, {**PICTURE_FORMATS, ".json": "json"})
    ck = load_with_adapters(ckpt, adapters).require_language_model("draw causal attention over a prompt")
    if prompt == "-":
        prompt = sys.stdin.read().rstrip("\n") if ck.mode == "docs" else sys.stdin.read()
    amap = attention_map(ck, prompt, layer, head)
    save_attention(amap, out, size)
    note(f"wrote {out}: {len(amap.layers)} layer(s) x {len(amap.heads)} head(s) over {len(amap.labels)} tokens")
