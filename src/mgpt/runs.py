"""The run set-up that training a model and training an adapter share: outputs, corpus, split,
resume, notes.

The caller (mgpt.training) builds what trains (a model, or an adapter on a frozen base) into a
Run; run_training does the rest in the same order for both. Under mpiexec every rank reads the
same files and only rank 0 writes. Which options the user gave (`explicit`) decides what a
resumed run takes from its checkpoint.
"""

import os
import sys
from dataclasses import asdict, dataclass, field, fields

from . import distributed
from .errors import MgptError
from .options import flag
from .settings import TrainSettings
from .shards import default_shards, thread_note

SETTINGS = tuple(f.name for f in fields(TrainSettings))


def note(message, quiet=False):
    """A note on stderr, as every command writes them."""
    if not quiet:
        sys.stderr.write(f"mgpt: {message}\n")
        sys.stderr.flush()


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


def run_training(explicit, world, corpus, run, out, log_path, quiet, drop_unknown, answer_after, on_record=None):
    """Vocabulary, split, checks across ranks, the Trainer, and the run itself, on `corpus`
    (a prepared.Corpus); returns the Trainer once it has run. on_record(record) sees every
    record the log gets."""
    from .checkpoint import PAIRS
    from .data import split_corpus, text_fingerprint
    from .pairs import parse_examples, split_examples
    from .loop import Trainable, Trainer

    marker = answer_marker("answer_after" in explicit, run.inherited, answer_after, run.mode,
                           run.source if run.resume is not None else None)
    notes = list(run.notes)
    if run.mode == PAIRS:  # a span reader: the corpus is JSON lines of examples (mgpt/pairs.py)
        text = corpus.text()
        examples = parse_examples(text, "corpus")
        train_split, val_split = split_examples(examples, run.vocab, run.model.config,
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
    settings = run.settings
    if settings.shards is None:
        settings.shards = default_shards(run.model.config, settings.batch_size)
    if settings.shards > settings.batch_size:
        raise MgptError(f"{flag('shards')} {settings.shards} is more than {flag('batch_size')} {settings.batch_size}: "
                        f"each shard needs a row of the batch")
    if run.resume is None:
        notes += parallel_notes(world, run.settings)
    world.check_same({"corpus": meta["corpus_sha256"], **run.identity, "training options": asdict(run.settings),
                      "validation fraction": run.val_fraction, run.start[0]: run.start[1]})
    trainer = Trainer(run.model, train_split, val_split if len(val_split) else None, run.settings, out, save,
                      Trainable.of(run.weights), log_path=log_path, quiet=quiet, resume=run.resume,
                      describe=run.describe, world=world, on_record=on_record)
    notes += [thread_note(trainer.pool)] if len(trainer.pool.workers) > 1 else []
    return run_trainer(trainer, notes, run.resume_path)


def resumed(world, ck, options, explicit, val_fraction, resume):
    """(settings, val fraction, train.Resume, notes) of a run continued from checkpoint ck (a
    model's or an adapter's): its own settings unless flags say otherwise, its own split."""
    from .loop import Resume

    settings = settings_from(options, explicit, ck.state.get("settings"))
    if "shards" not in (ck.state.get("settings") or {}) and "shards" not in explicit:
        settings.shards = 1  # a run saved before shards took each step in one piece
    val_fraction = resumed_val_fraction("val_fraction" in explicit, ck.state, val_fraction, resume)
    notes = [f"resuming {resume} at step {ck.state.get('step', 0)} of {settings.steps}"]
    notes += parallel_notes(world, settings, ck.state, resume)
    return settings, val_fraction, Resume(ck.state, ck.optim_m, ck.optim_v), notes


def answer_marker(typed, state, answer_after, mode, resumed_from=None):
    """answer_after: as given (`typed`), else from the checkpoint the run continues (a resumed
    run, `resumed_from`, or an adapter's base); a docs-mode setting only."""
    stored = (state or {}).get("answer_after")
    option = flag("answer_after")
    if typed and resumed_from and answer_after != stored:
        raise MgptError(f"{resumed_from} was trained with {option} {stored!r}; drop {option}")
    marker = answer_after if typed else stored
    if typed and mode == "pairs":
        raise MgptError(f"{option} is for a model that writes its answers; a span reader points at them, drop it")
    if marker is not None and mode != "docs":
        raise MgptError(f"{option} needs docs mode (one prompt/answer per line), not {mode} mode")
    if typed and not marker:
        raise MgptError(f"{option} needs a non-empty marker, e.g. ' A: '")
    return marker


def resumed_val_fraction(typed, state, val_fraction, resume):
    """The split is part of the run: a resumed run keeps its own, and says so if asked otherwise."""
    stored = state.get("val_fraction", val_fraction)
    if typed and stored != val_fraction:
        option = flag("val_fraction")
        raise MgptError(f"{flag('resume')} {resume} was split with {option} {stored}; drop {option} {val_fraction}")
    return stored


def settings_from(options, explicit, stored=None):
    """Options given win; on resume the rest come from the checkpoint."""
    stored = stored or {}
    return TrainSettings(**{k: (options[k] if k in explicit or k not in stored else stored[k]) for k in SETTINGS})


def check_outputs(out, log_path, inputs=()):
    """Every output writable, and none of them an input model (read, never written)."""
    from .checkpoint import check_writable
    from .loop import last_path

    outputs = [(flag("out"), out), (flag("out"), last_path(out))] + ([(flag("log"), log_path)] if log_path else [])
    for option, path in outputs:
        check_writable(path, option)
        for input_option, source in inputs:
            if source and os.path.realpath(path) == os.path.realpath(source):
                raise MgptError(f"{option} {path} would overwrite {input_option} {source}; choose another {option}")


def fit_vocab(corpus, vocab, mode, drop_unknown, notes):
    """The prepared corpus in the model's vocabulary: unknown characters are an error, or dropped if
    asked (the corpus prepared again without them), or read as the placeholder when the vocabulary
    has one."""
    from .data import PLACEHOLDER, fed_chars, show_chars

    prepared = corpus.prepared()
    missing = vocab.unknown(fed_chars(prepared.chars, mode))
    if not missing:
        return prepared
    if not drop_unknown and not vocab.has_placeholder:
        raise MgptError(f"corpus has {len(missing)} character(s) the model's vocabulary lacks: "
                        f"{show_chars(missing)}; remove them or pass {flag('drop_unknown')} to skip them")
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
    """Says the notes, runs the loop, and says how it ended; returns the trainer. A signal saves
    the state and raises train.TrainingInterrupted (the CLI exits 130/143 on it)."""
    from .loop import TrainingInterrupted

    if trainer.step >= trainer.settings.steps:
        raise MgptError(f"{resume} is already at step {trainer.step}; pass a larger {flag('steps')} to train further")
    quiet = trainer.quiet  # every rank but 0 is quiet
    for message in notes:
        note(message, quiet)
    try:
        trainer.run()
    except TrainingInterrupted as e:
        note(f"{e}; resume with {flag('resume')} {e.path}", not trainer.world.is_root)
        raise
    if trainer.stopped:
        note(trainer.stopped, quiet)
    best = trainer.best_val_loss
    note(f"done: {trainer.out_path} holds the best checkpoint" + (f" (val loss {best:.4f})" if best is not None else "")
         + f", {trainer.last_path} the latest", quiet)
    return trainer
