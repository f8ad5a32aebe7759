"""`mgpt train` and `mgpt finetune-lora`: the commands that run the training loop.

Both share every training option (schedule, evaluation, checkpoints, resume, log, signals); they
differ in what trains: the whole model, or only a LoRA adapter on a frozen base. Under mpiexec
both train data-parallel: every rank reads the same files, only rank 0 writes.
"""

import os
import sys
from dataclasses import asdict, fields

import click
import numpy as np

from .. import distributed
from ..errors import MgptError
from ..settings import TrainSettings
from .common import FRACTION, NONNEG_FLOAT, NONNEG_INT, POSITIVE_FLOAT, POSITIVE_INT, explicit_options, given, note

CONFIG_OPTIONS = ("n_layer", "n_head", "n_embd", "block_size", "activation", "dropout")
SETTINGS = tuple(f.name for f in fields(TrainSettings))
LORA_DEFAULTS = TrainSettings(steps=1000, lr=2e-3, min_lr=2e-4, warmup=50, weight_decay=0.0)


def training_options(defaults):
    """The options both commands share, with each command's defaults."""
    d = asdict(defaults)
    options = [
        click.argument("corpus", nargs=-1, required=True),
        click.option("-o", "--out", required=True, help="Checkpoint to write (best val loss); NAME-last.npz keeps the latest state."),
        click.option("--steps", type=POSITIVE_INT, default=d["steps"], help="Total optimizer steps of the run."),
        click.option("--batch-size", type=POSITIVE_INT, default=d["batch_size"]),
        click.option("--lr", type=POSITIVE_FLOAT, default=d["lr"], help="Peak learning rate."),
        click.option("--min-lr", type=NONNEG_FLOAT, default=d["min_lr"], help="Learning rate at the end of the cosine decay."),
        click.option("--warmup", type=NONNEG_INT, default=d["warmup"], help="Linear warmup steps."),
        click.option("--beta1", type=FRACTION, default=d["beta1"]),
        click.option("--beta2", type=FRACTION, default=d["beta2"]),
        click.option("--weight-decay", type=NONNEG_FLOAT, default=d["weight_decay"], help="AdamW decay on matrices."),
        click.option("--grad-clip", type=NONNEG_FLOAT, default=d["grad_clip"], help="Global gradient-norm clip (0: off)."),
        click.option("--eval-every", type=POSITIVE_INT, default=d["eval_every"], help="Steps between evaluations (and checkpoints)."),
        click.option("--eval-iters", type=POSITIVE_INT, default=d["eval_iters"], help="Batches per evaluation."),
        click.option("--val-fraction", type=FRACTION, default=0.1, help="Held out for validation."),
        click.option("--seed", type=NONNEG_INT, default=d["seed"]),
        click.option("--save-every", type=POSITIVE_INT, help="Also save NAME-last.npz every N steps."),
        click.option("--drop-unknown", is_flag=True, help="Skip corpus characters the base model's vocabulary lacks."),
        click.option("--answer-after", metavar="MARKER",
                     help="docs mode: score only what follows the last MARKER of each line (prompt/answer lines, "
                          "e.g. ' A: ') [default: the whole line; finetune-lora: as its base]."),
        click.option("--resume", help="Continue a run exactly from its checkpoint (NAME-last.npz)."),
        click.option("--log", "log_path", type=click.Path(dir_okay=False), help="Write one JSON object per step/eval here."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar or notes."),
        click.pass_context,
    ]

    def decorate(f):
        for option in reversed(options):
            f = option(f)
        return f
    return decorate


def answer_marker(ctx, state, answer_after, mode, source=None):
    """--answer-after: from the command line, else from the checkpoint the run continues (a
    resumed run, or an adapter's base); a docs-mode setting only."""
    typed = given(ctx, "answer_after")
    stored = (state or {}).get("answer_after")
    if typed and source and source.startswith("--resume") and answer_after != stored:
        raise MgptError(f"{source} was trained with --answer-after {stored!r}; drop --answer-after")
    marker = answer_after if typed else stored
    if marker is not None and mode != "docs":
        raise MgptError(f"--answer-after needs docs mode (one prompt/answer per line), not {mode} mode")
    if typed and not marker:
        raise MgptError("--answer-after needs a non-empty marker, e.g. ' A: '")
    return marker


def resumed_val_fraction(ctx, state, val_fraction, resume):
    """The split is part of the run: a resumed run keeps its own, and says so if asked otherwise."""
    stored = state.get("val_fraction", val_fraction)
    if given(ctx, "val_fraction") and stored != val_fraction:
        raise MgptError(f"--resume {resume} was split with --val-fraction {stored}; drop --val-fraction {val_fraction}")
    return stored


def settings_from(options, explicit, stored=None):
    """Flags given on the command line win; on resume the rest come from the checkpoint."""
    stored = stored or {}
    return TrainSettings(**{k: (options[k] if k in explicit or k not in stored else stored[k]) for k in SETTINGS})


def check_outputs(out, log_path, inputs=()):
    """Every output writable, and none of them an input model (read, never written)."""
    from ..checkpoint import check_writable
    from ..train import last_path

    outputs = [("-o", out), ("-o", last_path(out))] + ([("--log", log_path)] if log_path else [])
    for option, path in outputs:
        check_writable(path, option)
        for input_option, source in inputs:
            if source and os.path.realpath(path) == os.path.realpath(source):
                raise MgptError(f"{option} {path} would overwrite {input_option} {source}; choose another {option}")


def fit_vocab(text, vocab, mode, drop_unknown, notes):
    """The corpus in the model's vocabulary: unknown characters are an error, or dropped if asked,
    or read as the placeholder when the vocabulary has one."""
    from ..data import PLACEHOLDER, fed_text, show_chars

    missing = vocab.unknown(fed_text(text, mode))
    if not missing:
        return text
    if vocab.has_placeholder and not drop_unknown:
        count = sum(text.count(c) for c in missing)
        notes.append(f"read {count:,} occurrence(s) of {len(missing)} character(s) the vocabulary lacks as "
                     f"{PLACEHOLDER}: {show_chars(missing)}")
        return "".join(PLACEHOLDER if c in set(missing) else c for c in text)
    if not drop_unknown:
        raise MgptError(f"corpus has {len(missing)} character(s) the model's vocabulary lacks: "
                        f"{show_chars(missing)}; remove them or pass --drop-unknown to skip them")
    dropped = sum(text.count(c) for c in missing)
    notes.append(f"dropped {dropped:,} occurrence(s) of {len(missing)} character(s) the model's vocabulary "
                 f"lacks: {show_chars(missing)}")
    return "".join(c for c in text if c not in set(missing))


def check_config_flags(config, config_flags, explicit, preset, source):
    from ..model import PRESETS

    for name in CONFIG_OPTIONS:
        if name in explicit and config_flags[name] != getattr(config, name):
            raise MgptError(f"{source} has {name}={getattr(config, name)}, but --{name.replace('_', '-')} "
                            f"{config_flags[name]} was given; drop the flag")
    if "preset" in explicit:
        differs = [k for k, v in PRESETS[preset].items() if getattr(config, k) != v]
        if differs:
            raise MgptError(f"{source} has another config than --preset {preset} "
                            f"({', '.join(f'{k}={getattr(config, k)}' for k in differs)}); drop --preset")


def read_corpus_on(world, paths):
    """Every rank reads the files itself; stdin reaches only rank 0 under mpiexec, which shares it."""
    from ..data import read_corpus

    if world.size > 1 and "-" in paths:
        return world.bcast_object(read_corpus(paths) if world.is_root else None)
    return read_corpus(paths)


def parallel_notes(world, settings, state=None, resume=None):
    """How an MPI run splits the work, and what changes when it resumes on another rank count."""
    notes, b = [], settings.batch_size
    if world.size > 1:
        notes.append(f"data-parallel on {world.size} ranks: batch {b} per rank, {world.size * b} per step; "
                     f"BLAS threads per rank: {distributed.blas_threads() or 'the BLAS default'}")
    saved = (state or {}).get("world_size", 1)
    if resume and saved != world.size:
        notes.append(f"{resume} was trained on {saved} rank(s) and resumes on {world.size}: each step now takes "
                     f"{world.size * b} examples instead of {saved * b}, and the data order differs from an "
                     f"uninterrupted run")
    return notes


def run_trainer(trainer, notes, resume):
    """Prints the notes, runs the loop, and turns a signal into a saved state and exit 130/143."""
    from ..train import TrainingInterrupted

    if trainer.step >= trainer.settings.steps:
        raise MgptError(f"{resume} is already at step {trainer.step}; pass a larger --steps to train further")
    quiet = trainer.quiet  # every rank but 0 is quiet
    for message in notes:
        note(message, quiet)
    try:
        trainer.run()
    except TrainingInterrupted as e:
        if trainer.world.is_root:
            click.echo(f"mgpt: {e}; resume with --resume {e.path}", err=True)
        sys.exit(128 + e.signum)
    best = trainer.best_val_loss
    note(f"done: {trainer.out_path} holds the best checkpoint" + (f" (val loss {best:.4f})" if best is not None else "")
         + f", {trainer.last_path} the latest", quiet)


@click.command(context_settings={"show_default": True})
@training_options(TrainSettings())
@click.option("--preset", type=click.Choice(["micro", "baby", "small"]), default="baby", help="Model size; explicit flags override it.")
@click.option("--n-layer", type=POSITIVE_INT, help="Transformer blocks.")
@click.option("--n-head", type=POSITIVE_INT, help="Attention heads (must divide --n-embd).")
@click.option("--n-embd", type=POSITIVE_INT, help="Embedding width.")
@click.option("--block-size", type=POSITIVE_INT, help="Context length in characters.")
@click.option("--activation", type=click.Choice(["relu", "gelu"]), help="MLP activation [default: relu].")
@click.option("--dropout", type=click.FloatRange(0, 1, max_open=True), help="Dropout rate [default: 0].")
@click.option("--mode", type=click.Choice(["auto", "docs", "stream"]), default="auto", help="docs: one document per line; stream: running text.")
@click.option("--init", "init_path", help="Start from this model's weights (full fine-tuning).")
@click.option("--vocab", "vocab_set", metavar="latin|FILE",
              help="Fixed vocabulary instead of the corpus's characters: 'latin' (printable ASCII, Latin-1, "
                   "typographic signs, placeholder) or the characters of a file.")
def train(ctx, corpus, out, preset, mode, resume, init_path, vocab_set, log_path, quiet, drop_unknown, val_fraction,
          answer_after, **options):
    """Train a model on CORPUS (files, or - for stdin).

    \b
    Examples:
      mgpt train corpora/census1990_first_names.txt -o names.npz --steps 1000
      cat notes/*.txt | mgpt train - -o notes.npz --preset small
      mgpt train shakespeare.txt -o s.npz --resume s-last.npz   # continue a run
      mgpt train domain.txt --init base.npz -o tuned.npz        # full fine-tuning
      mpiexec -n 4 mgpt train big.txt -o big.npz                # data-parallel (mgpt[mpi])
    """
    from ..checkpoint import load_model, save_model
    from ..data import Vocab, choose_mode, split_corpus, text_fingerprint
    from ..model import GPT, GPTConfig, PRESETS
    from ..train import Resume, Trainable, Trainer

    world = distributed.world()
    explicit = explicit_options(ctx, list(options) + ["preset", "mode"])
    if resume and init_path:
        raise MgptError("--resume and --init exclude each other: --resume continues a run, --init starts one")
    if vocab_set and (resume or init_path):
        raise MgptError(f"--vocab is for a new model; {'--resume' if resume else '--init'} keeps its checkpoint's "
                        f"vocabulary, drop --vocab")
    if world.is_root:
        check_outputs(out, log_path, inputs=[("--init", init_path)])
    notes = []  # printed once every input is known to be good, so a user error is one line
    text = read_corpus_on(world, corpus)
    config_flags = {k: options.pop(k) for k in CONFIG_OPTIONS}
    resume_state, state_extra, start, stored_state, source = None, {}, None, None, None
    if resume or init_path:
        ck = load_model(resume or init_path)
        source = f"--resume {resume}" if resume else f"--init {init_path}"
        check_config_flags(ck.model.config, config_flags, explicit, preset, source)
        if "mode" in explicit and mode != ck.mode:
            raise MgptError(f"{source} is a {ck.mode}-mode model; drop --mode {mode}")
        model, vocab, mode = ck.model, ck.vocab, ck.mode
        start = (ck.fingerprint, ck.state.get("step", 0))
        stored_state = ck.state
        if resume:
            settings = settings_from(options, explicit, ck.state.get("settings"))
            val_fraction = resumed_val_fraction(ctx, ck.state, val_fraction, resume)
            resume_state = Resume(ck.state, ck.optim_m, ck.optim_v)
            state_extra = {k: ck.state[k] for k in ("init_from",) if k in ck.state}
            if ck.state.get("corpus_sha256") not in (None, text_fingerprint(text)):
                notes.append("warning: this corpus differs from the one the checkpoint was trained on; "
                             "the run continues on the new text")
            notes.append(f"resuming {resume} at step {ck.state.get('step', 0)} of {settings.steps}")
            notes += parallel_notes(world, settings, ck.state, resume)
        else:
            settings = settings_from(options, explicit)
            state_extra = {"init_from": {"path": init_path, "fingerprint": ck.fingerprint}}
            notes.append(f"full fine-tuning from {init_path} ({mode} mode)")
    else:
        mode, reason = choose_mode(text, mode)
        notes.append(f"{mode} mode: {reason}")
        vocab = Vocab.from_charset(vocab_set) if vocab_set else Vocab.from_text(text, mode)
        sizes = dict(PRESETS[preset])
        sizes.update({k: v for k, v in config_flags.items() if v is not None})
        settings = settings_from(options, explicit)
        model = GPT(GPTConfig(vocab_size=len(vocab), **sizes))
        model.init_weights(np.random.default_rng([settings.seed, 0]))
    config = model.config
    marker = answer_marker(ctx, stored_state, answer_after, mode, source)
    text = fit_vocab(text, vocab, mode, drop_unknown, notes)
    train_split, val_split = split_corpus(text, vocab, mode, val_fraction, settings.seed, config.block_size, marker)
    meta = {"mode": mode, "val_fraction": val_fraction, "corpus_sha256": text_fingerprint(text),
            "train_tokens": train_split.num_tokens, **state_extra}
    if marker:
        meta["answer_after"] = marker

    def save(path, state, optimizer):
        save_model(path, model, vocab, mode, {**state, **meta}, optimizer)

    notes.append(f"{model.num_params:,} parameters ({plural(config.n_layer, 'layer')}, {plural(config.n_head, 'head')}, "
                 f"{config.n_embd} wide, block {config.block_size}); vocab {len(vocab)}; "
                 f"{train_split.num_tokens:,} training / {val_split.num_tokens:,} validation characters")
    if not resume:
        notes += parallel_notes(world, settings)
    world.check_same({"corpus": meta["corpus_sha256"], "mode": mode, "vocabulary": vocab.chars,
                      "model config": config.to_dict(), "training options": asdict(settings),
                      "validation fraction": val_fraction, "starting checkpoint": start})
    trainer = Trainer(model, train_split, val_split if len(val_split) else None, settings, out, save,
                      Trainable(model.params, model.grads, model.decay_mask()), log_path=log_path,
                      quiet=quiet, resume=resume_state, describe="train", world=world)
    run_trainer(trainer, notes, resume)


@click.command(name="finetune-lora", context_settings={"show_default": True})
@training_options(LORA_DEFAULTS)
@click.option("--base", "base_path", required=True, help="The frozen base model checkpoint.")
@click.option("--rank", type=int, default=8, help="Rank r of each A (d_in x r) @ B (r x d_out).")
@click.option("--alpha", type=float, help="Delta scale numerator [default: 2 x rank].")
@click.option("--targets", default="q,v", help="Adapted weights, any of q,k,v,o,fc,proj.")
@click.option("--layers", default="all", help="Adapted layers: 'all' or indices such as 0,2,3.")
@click.option("--lora-dropout", type=click.FloatRange(0, 1, max_open=True), default=0.0, help="Dropout on the adapter's input.")
@click.option("--rslora", is_flag=True, help="Scale by alpha/sqrt(rank) instead of alpha/rank.")
def finetune_lora(ctx, corpus, out, base_path, rank, alpha, targets, layers, lora_dropout, rslora,
                  resume, log_path, quiet, drop_unknown, val_fraction, answer_after, **options):
    """Train a LoRA adapter on CORPUS over a frozen base model.

    \b
    Only the adapter's A and B matrices train; the base file is never written. The adapter is
    saved alone (-o), tied to its base by the base's fingerprint.
    Examples:
      mgpt finetune-lora --base base.npz domain.txt -o adapter.npz
      mgpt finetune-lora --base base.npz domain.txt -o a.npz --rank 4 --targets q,k,v,o
      mgpt sample --ckpt base.npz --adapter adapter.npz -n 5
    """
    from ..checkpoint import load_adapter, load_model, save_adapter
    from ..data import split_corpus, text_fingerprint
    from ..lora import Adapter, LoraConfig, validate
    from ..train import Resume, Trainable, Trainer

    world = distributed.world()
    explicit = explicit_options(ctx, list(options))
    if world.is_root:
        check_outputs(out, log_path, inputs=[("--base", base_path)])
    notes = []
    base = load_model(base_path)
    text = read_corpus_on(world, corpus)
    model, vocab, mode = base.model, base.vocab, base.mode
    resume_state, start, marker_state, source = None, None, base.state, None
    if resume:
        ack = load_adapter(resume, base=base)
        marker_state, source = ack.state, f"--resume {resume}"
        adapter = ack.adapter
        _check_lora_flags(ctx, adapter, resume, rank, alpha, targets, layers, lora_dropout, rslora)
        settings = settings_from(options, explicit, ack.state.get("settings"))
        val_fraction = resumed_val_fraction(ctx, ack.state, val_fraction, resume)
        resume_state = Resume(ack.state, ack.optim_m, ack.optim_v)
        start = (ack.fingerprint, ack.state.get("step", 0))
        notes.append(f"resuming {resume} at step {ack.state.get('step', 0)} of {settings.steps}")
        notes += parallel_notes(world, settings, ack.state, resume)
    else:
        layer_list = () if layers.strip() == "all" else _parse_layers(layers)
        target_list = tuple(t.strip() for t in targets.split(",") if t.strip())
        lora_config = validate(LoraConfig(rank, alpha if alpha is not None else 2.0 * rank, target_list,
                                          layer_list, lora_dropout, rslora), model.config)
        settings = settings_from(options, explicit)
        adapter = Adapter(lora_config, model.config)
        adapter.init_weights(np.random.default_rng([settings.seed, 1]))
    model.attach_adapter(adapter)
    marker = answer_marker(ctx, marker_state, answer_after, mode, source)
    text = fit_vocab(text, vocab, mode, drop_unknown, notes)
    train_split, val_split = split_corpus(text, vocab, mode, val_fraction, settings.seed, model.config.block_size,
                                          marker)
    meta = {"mode": mode, "val_fraction": val_fraction, "corpus_sha256": text_fingerprint(text),
            "train_tokens": train_split.num_tokens}
    if marker:
        meta["answer_after"] = marker

    def save(path, state, optimizer):
        save_adapter(path, adapter, base, {**state, **meta}, optimizer)

    lc = adapter.config
    notes.append(f"LoRA rank {lc.rank}, alpha {lc.alpha:g} ({lc.scaling_rule}), targets {','.join(lc.targets)}, "
                 f"layers {','.join(map(str, lc.layers))}: {adapter.num_params:,} trainable parameters, "
                 f"{adapter.num_params / model.num_params:.2%} of the base's {model.num_params:,}")
    if not resume:
        notes += parallel_notes(world, settings)
    world.check_same({"corpus": meta["corpus_sha256"], "base model": base.fingerprint,
                      "LoRA config": lc.to_dict(), "training options": asdict(settings),
                      "validation fraction": val_fraction, "starting adapter": start})
    trainer = Trainer(model, train_split, val_split if len(val_split) else None, settings, out, save,
                      Trainable(adapter.params, adapter.grads, np.ones_like(adapter.params)), log_path=log_path,
                      quiet=quiet, resume=resume_state, describe="lora", world=world)
    run_trainer(trainer, notes, resume)


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


def _parse_layers(text):
    try:
        layers = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        layers = ()
    if not layers:  # garbage, or nothing but commas: never silently "all layers"
        raise MgptError(f"--layers must be 'all' or comma-separated layer indices, got {text!r}")
    return layers


def _check_lora_flags(ctx, adapter, resume, rank, alpha, targets, layers, lora_dropout, rslora):
    """On --resume the adapter's own settings hold: refuse LoRA flags that contradict them."""
    config = adapter.config
    stored = {"rank": config.rank, "alpha": config.alpha, "targets": ",".join(config.targets),
              "layers": ",".join(map(str, config.layers)), "lora_dropout": config.dropout, "rslora": config.rslora}
    all_layers = range(adapter.model_config.n_layer)
    wanted = {"rank": rank, "alpha": alpha, "lora_dropout": lora_dropout, "rslora": rslora,
              "targets": ",".join(dict.fromkeys(t.strip() for t in targets.split(",") if t.strip())),
              "layers": ",".join(map(str, sorted(set(all_layers if layers.strip() == "all" else _parse_layers(layers)))))}
    for name in explicit_options(ctx, list(stored)):
        if wanted[name] != stored[name]:
            flag = f"--{name.replace('_', '-')}" + ("" if isinstance(wanted[name], bool) else f" {wanted[name]}")
            raise MgptError(f"--resume {resume} has {name}={stored[name]}, but {flag} was given; drop the flag")
