"""The run set-up `train` and `finetune-lora` share: options, outputs, corpus, split, resume, notes.

A command builds what trains (a model, or an adapter on a frozen base) into a Run; run_training
does the rest in the same order for both. Under mpiexec every rank reads the same files and
only rank 0 writes.
"""

import os
import sys
from dataclasses import asdict, dataclass, field, fields

import click

from .. import distributed
from ..errors import MgptError
from ..settings import TrainSettings
from .common import FRACTION, NONNEG_FLOAT, NONNEG_INT, POSITIVE_FLOAT, POSITIVE_INT, cache_dir_option, given, note

SETTINGS = tuple(f.name for f in fields(TrainSettings))


@dataclass
class Run:
    """What one command trains, and what it starts from."""
    model: object  # the GPT the loop runs (with its adapter attached, for LoRA)
    weights: object  # what the optimizer updates: the model, or the adapter (FlatParameters)
    vocab: object
    mode: str
    save: object  # save(path, state, optimizer) writes a checkpoint of `weights`
    settings: TrainSettings
    val_fraction: float
    describe: str  # the progress bar's label
    summary: object  # (train split, val split) -> the note that describes model and data
    identity: dict  # what every rank must share besides corpus, options and split (check_same)
    start: tuple  # (what, value) of the starting point every rank must share
    notes: list = field(default_factory=list)  # found while building, printed before training
    resume: object = None  # a train.Resume when the run continues a saved one
    resume_path: str = None
    inherited: dict = None  # the state whose --answer-after the run keeps unless given
    source: str = None  # '--resume PATH' or '--init PATH', for messages
    meta: dict = field(default_factory=dict)  # more state every checkpoint of the run keeps


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
        cache_dir_option(),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar or notes."),
        click.pass_context,
    ]

    def decorate(f):
        for option in reversed(options):
            f = option(f)
        return f
    return decorate


def run_training(ctx, world, corpus, run, out, log_path, quiet, drop_unknown, answer_after):
    """Vocabulary, split, checks across ranks, the Trainer, and the run itself, on `corpus`
    (a prepared.Corpus)."""
    from ..checkpoint import PAIRS
    from ..data import split_corpus, text_fingerprint
    from ..pairs import parse_examples, split_examples
    from ..train import Trainable, Trainer

    marker = answer_marker(ctx, run.inherited, answer_after, run.mode, run.source)
    notes = list(run.notes)
    if run.mode == PAIRS:  # a span reader: the corpus is JSON lines of examples (mgpt/pairs.py)
        text = corpus.text()
        examples = parse_examples(text, "corpus")
        train_split, val_split = split_examples(examples, run.vocab, run.model.config.match_features,
                                                run.val_fraction, run.settings.seed)
        fingerprint = text_fingerprint(text)
    else:
        prepared = fit_vocab(corpus, run.vocab, run.mode, drop_unknown, notes)
        train_split, val_split = split_corpus(prepared, run.vocab, run.mode, run.val_fraction, run.settings.seed,
                                              run.model.config.block_size, marker)
        fingerprint = prepared.sha256
        notes.insert(0, prepared.describe())
    meta = {"mode": run.mode, "val_fraction": run.val_fraction, "corpus_sha256": fingerprint,
            "train_tokens": train_split.num_tokens, **run.meta}
    if marker:
        meta["answer_after"] = marker

    def save(path, state, optimizer):
        run.save(path, {**state, **meta}, optimizer)

    notes.append(run.summary(train_split, val_split))
    if run.resume is None:
        notes += parallel_notes(world, run.settings)
    world.check_same({"corpus": meta["corpus_sha256"], **run.identity, "training options": asdict(run.settings),
                      "validation fraction": run.val_fraction, run.start[0]: run.start[1]})
    trainer = Trainer(run.model, train_split, val_split if len(val_split) else None, run.settings, out, save,
                      Trainable.of(run.weights), log_path=log_path, quiet=quiet, resume=run.resume,
                      describe=run.describe, world=world)
    run_trainer(trainer, notes, run.resume_path)


def resumed(ctx, world, ck, options, explicit, val_fraction, resume):
    """(settings, val fraction, train.Resume, notes) of a run continued from checkpoint ck (a
    model's or an adapter's): its own settings unless flags say otherwise, its own split."""
    from ..train import Resume

    settings = settings_from(options, explicit, ck.state.get("settings"))
    val_fraction = resumed_val_fraction(ctx, ck.state, val_fraction, resume)
    notes = [f"resuming {resume} at step {ck.state.get('step', 0)} of {settings.steps}"]
    notes += parallel_notes(world, settings, ck.state, resume)
    return settings, val_fraction, Resume(ck.state, ck.optim_m, ck.optim_v), notes


def answer_marker(ctx, state, answer_after, mode, source=None):
    """--answer-after: from the command line, else from the checkpoint the run continues (a
    resumed run, or an adapter's base); a docs-mode setting only."""
    typed = given(ctx, "answer_after")
    stored = (state or {}).get("answer_after")
    if typed and source and source.startswith("--resume") and answer_after != stored:
        raise MgptError(f"{source} was trained with --answer-after {stored!r}; drop --answer-after")
    marker = answer_after if typed else stored
    if typed and mode == "pairs":
        raise MgptError("--answer-after is for a model that writes its answers; a span reader points at them, drop it")
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


def fit_vocab(corpus, vocab, mode, drop_unknown, notes):
    """The prepared corpus in the model's vocabulary: unknown characters are an error, or dropped if
    asked (the corpus prepared again without them), or read as the placeholder when the vocabulary
    has one."""
    from ..data import PLACEHOLDER, fed_chars, show_chars

    prepared = corpus.prepared()
    missing = vocab.unknown(fed_chars(prepared.chars, mode))
    if not missing:
        return prepared
    if not drop_unknown and not vocab.has_placeholder:
        raise MgptError(f"corpus has {len(missing)} character(s) the model's vocabulary lacks: "
                        f"{show_chars(missing)}; remove them or pass --drop-unknown to skip them")
    counts = dict(zip(prepared.chars, prepared.counts().tolist()))
    occurrences = f"{sum(counts[c] for c in missing):,} occurrence(s) of {len(missing)} character(s)"
    if not drop_unknown:
        notes.append(f"read {occurrences} the vocabulary lacks as {PLACEHOLDER}: {show_chars(missing)}")
        return prepared
    notes.append(f"dropped {occurrences} the model's vocabulary lacks: {show_chars(missing)}")
    return corpus.prepared(drop="".join(missing))


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
