"""The `mgpt` command line: Click commands parse and validate, then call the library.

A user's mistake (MgptError, or a Click usage error) becomes one line on stderr and exit 2.
"""

import json
import os
import sys

import click
import numpy as np

from . import __version__
from .errors import MgptError

POSITIVE_INT = click.IntRange(min=1)
NONNEG_INT = click.IntRange(min=0)
POSITIVE_FLOAT = click.FloatRange(min=0, min_open=True)
NONNEG_FLOAT = click.FloatRange(min=0)
FRACTION = click.FloatRange(min=0, max=1, max_open=True)


class MgptGroup(click.Group):
    """Turns every user error into `mgpt: error: ...` on one line, exit code 2."""

    def main(self, args=None, prog_name=None, **kwargs):
        try:
            rv = super().main(args=args, prog_name=prog_name or "mgpt", standalone_mode=False, **kwargs)
        except MgptError as e:
            fail(str(e))
        except click.exceptions.NoArgsIsHelpError as e:
            click.echo(e.ctx.get_help(), err=True)
            sys.exit(2)
        except click.UsageError as e:
            command = e.ctx.command_path if e.ctx is not None else "mgpt"
            fail(f"{e.format_message()} (see '{command} --help')")
        except click.ClickException as e:
            fail(e.format_message())
        except click.exceptions.Abort:
            fail("aborted", code=130)
        except BrokenPipeError:  # `mgpt sample ... | head`
            sys.stderr.close()
            sys.exit(0)
        sys.exit(rv if isinstance(rv, int) else 0)


def fail(message, code=2):
    click.echo(f"mgpt: error: {message}", err=True)
    sys.exit(code)


def note(message, quiet=False):
    if not quiet:
        click.echo(f"mgpt: {message}", err=True)


@click.group(cls=MgptGroup, context_settings={"help_option_names": ["-h", "--help"],
                                               "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="mgpt")
def cli():
    """Train, sample and evaluate a character-level GPT, in NumPy, from the shell.

    \b
    Quick start:
      mgpt train corpora/census1990_first_names.txt -o names.npz
      mgpt sample --ckpt names.npz -n 10
    """


# --- train --------------------------------------------------------------------------------

CONFIG_OPTIONS = ("n_layer", "n_head", "n_embd", "block_size", "activation", "dropout")


@cli.command(context_settings={"show_default": True})
@click.argument("corpus", nargs=-1, required=True)
@click.option("-o", "--out", required=True, help="Checkpoint to write (best val loss); NAME-last.npz keeps the latest state.")
@click.option("--preset", type=click.Choice(["micro", "baby", "small"]), default="baby", help="Model size; explicit flags override it.")
@click.option("--n-layer", type=POSITIVE_INT, help="Transformer blocks.")
@click.option("--n-head", type=POSITIVE_INT, help="Attention heads (must divide --n-embd).")
@click.option("--n-embd", type=POSITIVE_INT, help="Embedding width.")
@click.option("--block-size", type=POSITIVE_INT, help="Context length in characters.")
@click.option("--activation", type=click.Choice(["relu", "gelu"]), help="MLP activation [default: relu].")
@click.option("--dropout", type=click.FloatRange(0, 1, max_open=True), help="Dropout rate [default: 0].")
@click.option("--mode", type=click.Choice(["auto", "docs", "stream"]), default="auto", help="docs: one document per line; stream: running text.")
@click.option("--steps", type=POSITIVE_INT, default=2000, help="Total optimizer steps of the run.")
@click.option("--batch-size", type=POSITIVE_INT, default=12)
@click.option("--lr", type=POSITIVE_FLOAT, default=1e-3, help="Peak learning rate.")
@click.option("--min-lr", type=NONNEG_FLOAT, default=1e-4, help="Learning rate at the end of the cosine decay.")
@click.option("--warmup", type=NONNEG_INT, default=100, help="Linear warmup steps.")
@click.option("--beta1", type=FRACTION, default=0.9)
@click.option("--beta2", type=FRACTION, default=0.99)
@click.option("--weight-decay", type=NONNEG_FLOAT, default=0.1, help="AdamW decay on matrices.")
@click.option("--grad-clip", type=NONNEG_FLOAT, default=1.0, help="Global gradient-norm clip (0: off).")
@click.option("--eval-every", type=POSITIVE_INT, default=250, help="Steps between evaluations (and checkpoints).")
@click.option("--eval-iters", type=POSITIVE_INT, default=20, help="Batches per evaluation.")
@click.option("--val-fraction", type=FRACTION, default=0.1, help="Held out for validation.")
@click.option("--seed", type=NONNEG_INT, default=1337)
@click.option("--save-every", type=POSITIVE_INT, help="Also save NAME-last.npz every N steps.")
@click.option("--resume", type=click.Path(dir_okay=True), help="Continue a run exactly from its checkpoint.")
@click.option("--log", "log_path", type=click.Path(dir_okay=False), help="Write one JSON object per step/eval here.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or notes.")
@click.pass_context
def train(ctx, corpus, out, preset, mode, resume, log_path, quiet, **options):
    """Train a model on CORPUS (files, or - for stdin).

    \b
    Examples:
      mgpt train corpora/census1990_first_names.txt -o names.npz --steps 1000
      cat notes/*.txt | mgpt train - -o notes.npz --preset small
      mgpt train shakespeare.txt -o s.npz --resume s-last.npz   # continue a run
    """
    from .checkpoint import check_writable, load_model, save_model
    from .data import Vocab, choose_mode, read_corpus, split_corpus, text_fingerprint
    from .model import GPT, GPTConfig, PRESETS
    from .train import Trainer, TrainSettings, TrainingInterrupted, last_path

    explicit = {name for name in list(options) + ["preset", "mode"]
                if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE}
    check_writable(out)
    check_writable(last_path(out))
    if log_path:
        check_writable(log_path, "--log")
    notes = []  # printed once every input is known to be good, so a user error is one line
    text = read_corpus(corpus)
    config_flags = {k: options.pop(k) for k in CONFIG_OPTIONS}
    val_fraction = options.pop("val_fraction")
    settings_fields = set(TrainSettings.__dataclass_fields__)
    resume_state = None
    if resume:
        ck = load_model(resume)
        config, vocab, mode = ck.model.config, ck.vocab, ck.mode
        for name in CONFIG_OPTIONS:
            if name in explicit and config_flags[name] != getattr(config, name):
                raise MgptError(f"--resume {resume} was trained with {name}={getattr(config, name)}, "
                                f"but --{name.replace('_', '-')} {config_flags[name]} was given; drop the flag")
        if "preset" in explicit:
            differs = [k for k, v in PRESETS[preset].items() if getattr(config, k) != v]
            if differs:
                raise MgptError(f"--resume {resume} has another config than --preset {preset} "
                                f"({', '.join(f'{k}={getattr(config, k)}' for k in differs)}); drop --preset")
        stored = ck.state.get("settings", {})
        settings = TrainSettings(**{k: (options[k] if k in explicit or k not in stored else stored[k])
                                    for k in settings_fields})
        val_fraction = ck.state.get("val_fraction", val_fraction)
        if ck.state.get("corpus_sha256") not in (None, text_fingerprint(text)):
            notes.append("warning: this corpus differs from the one the checkpoint was trained on; "
                         "the run continues on the new text")
        model = ck.model
        resume_state = (ck.state, ck.optim_m, ck.optim_v)
        notes.append(f"resuming {resume} at step {ck.state.get('step', 0)} of {settings.steps}")
    else:
        mode, reason = choose_mode(text, mode)
        notes.append(f"{mode} mode: {reason}")
        vocab = Vocab.from_text(text, mode)
        sizes = dict(PRESETS[preset])
        sizes.update({k: v for k, v in config_flags.items() if v is not None})
        config = GPTConfig(vocab_size=len(vocab), **sizes)
        settings = TrainSettings(**{k: options[k] for k in settings_fields})
        model = GPT(config)
        model.init_weights(np.random.default_rng([settings.seed, 0]))
    if mode == "docs":
        vocab.check_known(text.replace("\n", ""), "corpus")
    else:
        vocab.check_known(text, "corpus")
    train_split, val_split = split_corpus(text, vocab, mode, val_fraction, settings.seed, config.block_size)
    meta = {"mode": mode, "val_fraction": val_fraction, "corpus_sha256": text_fingerprint(text),
            "train_tokens": train_split.num_tokens}

    def save(path, state, optimizer):
        save_model(path, model, vocab, mode, {**state, **meta}, optimizer)

    notes.append(f"{model.num_params:,} parameters ({config.n_layer} layers, {config.n_head} heads, "
                 f"{config.n_embd} wide, block {config.block_size}); vocab {len(vocab)}; "
                 f"{train_split.num_tokens:,} training / {val_split.num_tokens:,} validation characters")
    trainer = Trainer(model, train_split, val_split if len(val_split) else None, settings, out, save,
                      (model.params, model.grads, model.decay_mask()), log_path=log_path,
                      quiet=quiet, resume=resume_state, describe="train")
    if trainer.step >= settings.steps:
        raise MgptError(f"{resume} is already at step {trainer.step}; pass a larger --steps to train further")
    for message in notes:
        note(message, quiet)
    try:
        trainer.run()
    except TrainingInterrupted as e:
        click.echo(f"mgpt: {e}; resume with --resume {e.path}", err=True)
        sys.exit(128 + e.signum)
    best = trainer.best_val_loss
    note(f"saved {out}" + (f" (best val loss {best:.4f})" if best is not None else "")
         + f" and {trainer.last_path}", quiet)


# --- sample -------------------------------------------------------------------------------

@cli.command(context_settings={"show_default": True})
@click.option("--ckpt", required=True, help="Model checkpoint.")
@click.option("--prompt", default="", help="Text to start from; - reads it from stdin.")
@click.option("-n", "--num", type=POSITIVE_INT, default=1, help="Number of samples (decoded as one batch).")
@click.option("--max-new-tokens", type=POSITIVE_INT, help="Characters to generate [default: block size in docs mode, 500 in stream mode].")
@click.option("--temperature", type=NONNEG_FLOAT, default=1.0, help="0 means greedy.")
@click.option("--top-k", type=POSITIVE_INT, help="Sample only from the k most likely characters.")
@click.option("--top-p", type=click.FloatRange(0, 1, min_open=True), help="Nucleus sampling mass.")
@click.option("--seed", type=NONNEG_INT, help="Seed for reproducible samples.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per sample.")
def sample(ckpt, prompt, num, max_new_tokens, temperature, top_k, top_p, seed, as_json):
    """Generate text from a trained model, on stdout.

    \b
    Examples:
      mgpt sample --ckpt names.npz -n 20
      mgpt sample --ckpt names.npz --prompt ka -n 5 --temperature 0.8
      mgpt sample --ckpt names.npz -n 1000 | sort | uniq -c | sort -rn | head
      echo "ROMEO:" | mgpt sample --ckpt s.npz --prompt - --max-new-tokens 300
    """
    from .checkpoint import load_model
    from .sampling import generate

    ck = load_model(ckpt)
    if prompt == "-":
        prompt = sys.stdin.read()
        if ck.mode == "docs":
            prompt = prompt.rstrip("\n")
    samples = generate(ck.model, ck.vocab, ck.mode, prompt, num, max_new_tokens, temperature,
                       top_k, top_p, seed)
    out = sys.stdout
    try:
        for i, text in enumerate(samples):
            if as_json:
                out.write(json.dumps({"prompt": prompt, "text": text}, ensure_ascii=False) + "\n")
            elif ck.mode == "docs":
                out.write(text + "\n")
            else:
                out.write(text + ("\n" if not text.endswith("\n") else "") + ("\n" if i < len(samples) - 1 else ""))
        out.flush()
    except BrokenPipeError:  # `mgpt sample ... | head` closed the pipe: that is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())  # so the exit flush is silent too


# --- eval ---------------------------------------------------------------------------------

@cli.command(name="eval")
@click.option("--ckpt", required=True, help="Model checkpoint.")
@click.argument("corpus", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_command(ckpt, corpus, as_json):
    """Loss, bits per character and perplexity of a model on CORPUS.

    \b
    Every character is scored once: stream models over consecutive block windows, docs models
    over every line with its BOS, as training's val loss is.
    Example:
      mgpt eval --ckpt names.npz held_out_names.txt --json
    """
    from .checkpoint import load_model
    from .data import read_corpus
    from .train import evaluate_text

    ck = load_model(ckpt)
    result = evaluate_text(ck.model, ck.vocab, ck.mode, read_corpus(corpus))
    if as_json:
        click.echo(json.dumps(result))
    else:
        click.echo(f"loss {result['loss']:.4f}  bpc {result['bpc']:.4f}  perplexity {result['perplexity']:.3f}  "
                   f"({result['characters']:,} characters, {result['mode']} mode)")


# --- info ---------------------------------------------------------------------------------

@cli.command()
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def info(path, as_json):
    """Describe a checkpoint: config, size, vocabulary, training progress, fingerprint.

    \b
    Example:
      mgpt info names.npz
    """
    from .checkpoint import load_model

    ck = load_model(path)
    cfg, state = ck.model.config, ck.state
    record = {"path": path, "kind": "model", "config": cfg.to_dict(), "parameters": ck.model.num_params,
              "mode": ck.mode, "vocab": ck.vocab.chars, "step": state.get("step"),
              "best_val_loss": state.get("best_val_loss"), "fingerprint": ck.fingerprint}
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False))
        return
    settings = state.get("settings", {})
    lines = [
        f"checkpoint   {path} (mgpt model)",
        f"config       {cfg.n_layer} layers, {cfg.n_head} heads, {cfg.n_embd} wide, block {cfg.block_size}, "
        f"{cfg.activation}, dropout {cfg.dropout}",
        f"parameters   {ck.model.num_params:,}",
        f"mode         {ck.mode}",
        f"vocab        {len(ck.vocab)} ids: {ck.vocab.describe()}",
        f"step         {state.get('step')} of {settings.get('steps', '?')}",
        "best val     " + (f"{state['best_val_loss']:.4f}" if state.get("best_val_loss") is not None else "-"),
        f"fingerprint  {ck.fingerprint}",
    ]
    click.echo("\n".join(lines))


def main():
    cli.main()
