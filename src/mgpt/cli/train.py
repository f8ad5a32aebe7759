"""`mgpt train` and `mgpt finetune-lora`: the commands that run the training loop.

Both share every training option (schedule, evaluation, checkpoints, resume, log, signals) and
the run set-up (runs.py); they differ in what trains: the whole model, or only a LoRA adapter
on a frozen base. Both read the corpus prepared (prepared.py: rank 0 prepares it under mpiexec,
every rank reads the prepared file); only rank 0 writes. `prepare` prepares a corpus ahead.
"""

import click
import numpy as np

from .. import distributed
from ..data import MODES
from ..errors import MgptError
from ..kernels import ACTIVATIONS
from ..lora import DEFAULT_TARGETS, TARGETS, LoraConfig
from ..model import DEFAULT_PRESET, PRESETS, GPTConfig
from ..prepared import Corpus
from ..settings import TrainSettings
from ..span_kernels import ATTENTIONS
from .common import POSITIVE_INT, cache_dir_option, explicit_options
from .runs import Run, check_outputs, resumed, run_training, settings_from, training_options

CONFIG_OPTIONS = ("n_layer", "n_head", "n_embd", "block_size", "activation", "dropout")
KINDS = ("gpt", "span-reader")
LORA_DEFAULTS = TrainSettings(steps=1000, lr=2e-3, min_lr=2e-4, warmup=50, weight_decay=0.0)


@click.command(context_settings={"show_default": True})
@training_options(TrainSettings())
@click.option("--preset", type=click.Choice(list(PRESETS)), default=DEFAULT_PRESET, help="Model size; explicit flags override it.")
@click.option("--n-layer", type=POSITIVE_INT, help="Transformer blocks.")
@click.option("--n-head", type=POSITIVE_INT, help="Attention heads (must divide --n-embd).")
@click.option("--n-embd", type=POSITIVE_INT, help="Embedding width.")
@click.option("--block-size", type=POSITIVE_INT, help="Context length in characters.")
@click.option("--activation", type=click.Choice(list(ACTIVATIONS)), help=f"MLP activation [default: {GPTConfig.activation}].")
@click.option("--dropout", type=click.FloatRange(0, 1, max_open=True), help=f"Dropout rate [default: {GPTConfig.dropout:g}].")
@click.option("--mode", type=click.Choice(MODES), default="auto", help="docs: one document per line; stream: running text.")
@click.option("--init", "init_path", help="Start from this model's weights (full fine-tuning).")
@click.option("--vocab", "vocab_set", metavar="latin|FILE",
              help="Fixed vocabulary instead of the corpus's characters: 'latin' (printable ASCII, Latin-1, "
                   "typographic signs, placeholder) or the characters of a file.")
@click.option("--kind", type=click.Choice(KINDS), default="gpt",
              help="gpt: a language model; span-reader: a reader that points at answers in retrieved chunks "
                   "(CORPUS: JSON lines of examples, as rag-examples writes them; docs/RAG.md).")
@click.option("--attention", type=click.Choice(ATTENTIONS), default="split",
              help="span-reader: how heads see the (question, chunk) pair: split (half look left, half right; "
                   "the ablations' best, docs/RAG.md), both (every head both ways) or causal (left to right).")
@click.option("--match-features/--no-match-features", default=True,
              help="span-reader: mark the chunk's words that the question holds.")
def train(ctx, corpus, out, preset, mode, resume, init_path, vocab_set, kind, attention, match_features, log_path,
          quiet, drop_unknown, val_fraction, answer_after, cache_dir, **options):
    """Train a model on CORPUS (files, or - for stdin).

    \b
    Examples:
      mgpt train corpora/census1990_first_names.txt -o names.npz --steps 1000
      mgpt train big.txt -o big.npz       # prepared once into the cache (see mgpt prepare)
      cat notes/*.txt | mgpt train - -o notes.npz --preset small
      mgpt train shakespeare.txt -o s.npz --resume s-last.npz   # continue a run
      mgpt train domain.txt --init base.npz -o tuned.npz        # full fine-tuning
      mpiexec -n 4 mgpt train big.txt -o big.npz                # data-parallel (mgpt[mpi])
      mgpt train examples.jsonl --kind span-reader -o reader.npz  # a span reader (docs/RAG.md)
    """
    world = distributed.world()
    explicit = explicit_options(ctx, list(options) + ["preset", "mode", "kind", "attention", "match_features"])
    if (resume or init_path) and explicit & {"kind", "attention", "match_features"}:
        raise MgptError(f"{'--resume' if resume else '--init'} keeps its checkpoint's kind and reading; drop "
                        f"--kind, --attention and --match-features")
    if resume and init_path:
        raise MgptError("--resume and --init exclude each other: --resume continues a run, --init starts one")
    if vocab_set and (resume or init_path):
        raise MgptError(f"--vocab is for a new model; {'--resume' if resume else '--init'} keeps its checkpoint's "
                        f"vocabulary, drop --vocab")
    if world.is_root:
        check_outputs(out, log_path, inputs=[("--init", init_path)])
    config_flags = {k: options.pop(k) for k in CONFIG_OPTIONS}
    with Corpus(corpus, cache_dir, world, progress=not quiet) as data:
        if resume or init_path:
            run = continued_model(ctx, world, data, resume, init_path, preset, mode, config_flags, options, explicit,
                                  val_fraction)
        elif kind == "span-reader":
            run = new_span_reader(preset, vocab_set, attention, match_features, config_flags, options, explicit,
                                  val_fraction, mode)
        else:
            run = new_model(data.prepared(), preset, mode, vocab_set, config_flags, options, explicit, val_fraction)
        run_training(ctx, world, data, run, out, log_path, quiet, drop_unknown, answer_after)


def new_model(prepared, preset, mode, vocab_set, config_flags, options, explicit, val_fraction):
    """A model initialised from the seed: the preset's sizes, with the flags given over them."""
    from ..data import Vocab, choose_mode
    from ..model import GPT

    mode, reason = choose_mode(prepared.lines, mode)
    vocab = Vocab.from_charset(vocab_set) if vocab_set else Vocab.from_text(prepared.chars, mode)
    settings = settings_from(options, explicit)
    model = GPT(GPTConfig.from_preset(preset, len(vocab), **config_flags))
    model.init_weights(np.random.default_rng([settings.seed, 0]))
    return model_run(model, vocab, mode, settings, val_fraction, start=None, notes=[f"{mode} mode: {reason}"])


def new_span_reader(preset, vocab_set, attention, match_features, config_flags, options, explicit, val_fraction,
                    mode):
    """A span reader initialised from the seed: the preset's sizes (READER_PRESET unless --preset),
    the latin vocabulary unless --vocab."""
    from ..data import Vocab
    from ..span_reader import READER_PRESET, SpanReader, SpanReaderConfig

    if "mode" in explicit:
        raise MgptError(f"a span reader reads (question, chunk) pairs; drop --mode {mode}")
    vocab = Vocab.from_charset(vocab_set or "latin")
    settings = settings_from(options, explicit)
    sizes = {**READER_PRESET, **({} if "preset" not in explicit else PRESETS[preset])}
    sizes.update({k: v for k, v in config_flags.items() if v is not None})
    model = SpanReader(SpanReaderConfig(vocab_size=len(vocab), attention=attention,
                                        match_features=match_features, **sizes))
    model.init_weights(np.random.default_rng([settings.seed, 0]))
    return model_run(model, vocab, "pairs", settings, val_fraction, start=None,
                     notes=[f"span reader: attention {attention}, "
                            f"{'question-match features' if match_features else 'no match features'}"])


def continued_model(ctx, world, data, resume, init_path, preset, mode, config_flags, options, explicit, val_fraction):
    """The model of --resume (its run continued) or of --init (a new run from its weights)."""
    from ..checkpoint import PAIRS, load_model
    from ..data import text_fingerprint

    ck = load_model(resume or init_path)
    source = f"--resume {resume}" if resume else f"--init {init_path}"
    check_config_flags(ck.model.config, config_flags, explicit, preset, source)
    if "mode" in explicit and mode != ck.mode:
        raise MgptError(f"{source} is a {ck.mode}-mode model; drop --mode {mode}")
    start = (ck.fingerprint, ck.state.get("step", 0))
    # the prompt template is what the weights were trained to read: a continued run keeps it
    kept = {k: ck.state[k] for k in ("prompt_template",) if k in ck.state}
    if not resume:
        return model_run(ck.model, ck.vocab, ck.mode, settings_from(options, explicit), val_fraction, start=start,
                         notes=[f"full fine-tuning from {init_path} ({ck.mode} mode)"], inherited=ck.state,
                         source=source, meta={"init_from": {"path": init_path, "fingerprint": ck.fingerprint}, **kept})
    settings, val_fraction, state, notes = resumed(ctx, world, ck, options, explicit, val_fraction, resume)
    fingerprint = text_fingerprint(data.text()) if ck.mode == PAIRS else data.prepared().sha256
    if ck.state.get("corpus_sha256") not in (None, fingerprint):
        notes.insert(0, "warning: this corpus differs from the one the checkpoint was trained on; "
                        "the run continues on the new text")
    return model_run(ck.model, ck.vocab, ck.mode, settings, val_fraction, start=start, notes=notes, resume=state,
                     resume_path=resume, inherited=ck.state, source=source,
                     meta={k: ck.state[k] for k in ("init_from", "prompt_template") if k in ck.state})


def model_run(model, vocab, mode, settings, val_fraction, start, **more):
    """A Run in which every weight of the model trains."""
    from ..checkpoint import save_model

    def save(path, state, optimizer):
        save_model(path, model, vocab, mode, state, optimizer)

    def summary(train_split, val_split):
        c = model.config
        units = "questions" if mode == "pairs" else "characters"
        return (f"{model.num_params:,} parameters ({plural(c.n_layer, 'layer')}, {plural(c.n_head, 'head')}, "
                f"{c.n_embd} wide, block {c.block_size}); vocab {len(vocab)}; "
                f"{train_split.num_tokens:,} training / {val_split.num_tokens:,} validation {units}")

    return Run(model, model, vocab, mode, save, settings, val_fraction, "train", summary,
               {"mode": mode, "vocabulary": vocab.chars, "model config": model.config.to_dict()},
               ("starting checkpoint", start), **more)


def check_config_flags(config, config_flags, explicit, preset, source):
    """A checkpoint keeps its own config: refuse model flags and a --preset that contradict it."""
    for name in CONFIG_OPTIONS:
        if name in explicit and config_flags[name] != getattr(config, name):
            raise MgptError(f"{source} has {name}={getattr(config, name)}, but --{name.replace('_', '-')} "
                            f"{config_flags[name]} was given; drop the flag")
    if "preset" in explicit:
        differs = [k for k, v in PRESETS[preset].items() if getattr(config, k) != v]
        if differs:
            raise MgptError(f"{source} has another config than --preset {preset} "
                            f"({', '.join(f'{k}={getattr(config, k)}' for k in differs)}); drop --preset")


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


# --- prepare ------------------------------------------------------------------------------

@click.command()
@click.argument("corpus", nargs=-1, required=True)
@cache_dir_option()
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def prepare(corpus, cache_dir, quiet):
    """Prepare CORPUS (files) once: its token ids, kept in the cache that train, finetune-lora and
    eval read.

    \b
    train prepares a corpus the first time it reads it; prepare does it ahead, e.g. before a
    long run or an MPI job. A corpus that changes is prepared again.
    Examples:
      mgpt prepare big.txt
      MGPT_CACHE=/shared/mgpt mgpt prepare big.txt   # a folder every machine of an MPI job sees
    """
    from ..data import choose_mode

    if "-" in corpus:
        raise MgptError("prepare keeps files prepared; stdin is prepared by the command that reads it "
                        "(e.g. mgpt train -)")
    with Corpus(corpus, cache_dir, progress=not quiet) as data:
        prepared = data.prepared()
        mode, reason = choose_mode(prepared.lines, "auto")
        click.echo(prepared.describe())
        click.echo(f"{prepared.lines['lines']:,} non-blank lines; --mode auto would train in {mode} mode ({reason})")


# --- finetune-lora ------------------------------------------------------------------------

@click.command(name="finetune-lora", context_settings={"show_default": True})
@training_options(LORA_DEFAULTS)
@click.option("--base", "base_path", required=True, help="The frozen base model checkpoint.")
@click.option("--rank", type=int, default=LoraConfig.rank, help="Rank r of each A (d_in x r) @ B (r x d_out).")
@click.option("--alpha", type=float, help="Delta scale numerator [default: 2 x rank].")
@click.option("--targets", default=",".join(DEFAULT_TARGETS), help=f"Adapted weights, any of {','.join(TARGETS)}.")
@click.option("--layers", default="all", help="Adapted layers: 'all' or indices such as 0,2,3.")
@click.option("--lora-dropout", type=click.FloatRange(0, 1, max_open=True), default=0.0, help="Dropout on the adapter's input.")
@click.option("--rslora", is_flag=True, help="Scale by alpha/sqrt(rank) instead of alpha/rank.")
def finetune_lora(ctx, corpus, out, base_path, rank, alpha, targets, layers, lora_dropout, rslora,
                  resume, log_path, quiet, drop_unknown, val_fraction, answer_after, cache_dir, **options):
    """Train a LoRA adapter on CORPUS over a frozen base model.

    \b
    Only the adapter's A and B matrices train; the base file is never written. The adapter is
    saved alone (-o), tied to its base by the base's fingerprint.
    Examples:
      mgpt finetune-lora --base base.npz domain.txt -o adapter.npz
      mgpt finetune-lora --base base.npz domain.txt -o a.npz --rank 4 --targets q,k,v,o
      mgpt sample --ckpt base.npz --adapter adapter.npz -n 5
    """
    from ..checkpoint import load_adapter, load_model
    from ..lora import Adapter, validate

    world = distributed.world()
    explicit = explicit_options(ctx, list(options))
    if world.is_root:
        check_outputs(out, log_path, inputs=[("--base", base_path)])
    base = load_model(base_path)
    wanted = LoraConfig(rank, alpha if alpha is not None else 2.0 * rank, parse_targets(targets), parse_layers(layers),
                        lora_dropout, rslora)
    if resume:
        ack = load_adapter(resume, base=base)
        check_lora_flags(ctx, ack.adapter, resume, wanted)
        settings, val_fraction, state, notes = resumed(ctx, world, ack, options, explicit, val_fraction, resume)
        run = adapter_run(base, ack.adapter, settings, val_fraction, start=(ack.fingerprint, ack.state.get("step", 0)),
                          notes=notes, resume=state, resume_path=resume, inherited=ack.state, source=f"--resume {resume}")
    else:
        settings = settings_from(options, explicit)
        adapter = Adapter(validate(wanted, base.model.config), base.model.config)
        adapter.init_weights(np.random.default_rng([settings.seed, 1]))
        run = adapter_run(base, adapter, settings, val_fraction, start=None, inherited=base.state)
    with Corpus(corpus, cache_dir, world, progress=not quiet) as data:
        run_training(ctx, world, data, run, out, log_path, quiet, drop_unknown, answer_after)


def adapter_run(base, adapter, settings, val_fraction, start, **more):
    """A Run in which only the adapter trains, attached to the frozen model of `base`."""
    from ..checkpoint import save_adapter

    model, lc = base.model, adapter.config
    model.attach_adapter(adapter)

    def save(path, state, optimizer):
        save_adapter(path, adapter, base, state, optimizer)

    summary = (f"LoRA rank {lc.rank}, alpha {lc.alpha:g} ({lc.scaling_rule}), targets {','.join(lc.targets)}, "
               f"layers {','.join(map(str, lc.layers))}: {adapter.num_params:,} trainable parameters, "
               f"{adapter.num_params / model.num_params:.2%} of the base's {model.num_params:,}")
    return Run(model, adapter, base.vocab, base.mode, save, settings, val_fraction, "lora", lambda *splits: summary,
               {"base model": base.fingerprint, "LoRA config": lc.to_dict()}, ("starting adapter", start), **more)


def parse_targets(text):
    """--targets 'q, v,q' -> ('q', 'v'): in order, each once (lora.validate checks the names)."""
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def parse_layers(text):
    """--layers 'all' -> () (every layer, as LoraConfig reads it); '2,0' -> (2, 0)."""
    if text.strip() == "all":
        return ()
    try:
        layers = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        layers = ()
    if not layers:  # garbage, or nothing but commas: never silently "all layers"
        raise MgptError(f"--layers must be 'all' or comma-separated layer indices, got {text!r}")
    return layers


def check_lora_flags(ctx, adapter, resume, wanted):
    """On --resume the adapter's own settings hold: refuse LoRA flags that contradict them."""
    config = adapter.config
    every_layer = tuple(range(adapter.model_config.n_layer))
    stored = {"rank": config.rank, "alpha": config.alpha, "targets": ",".join(config.targets),
              "layers": ",".join(map(str, config.layers)), "lora_dropout": config.dropout, "rslora": config.rslora}
    asked = {"rank": wanted.rank, "alpha": wanted.alpha, "lora_dropout": wanted.dropout, "rslora": wanted.rslora,
             "targets": ",".join(wanted.targets), "layers": ",".join(map(str, sorted(set(wanted.layers or every_layer))))}
    for name in explicit_options(ctx, list(stored)):
        if asked[name] != stored[name]:
            flag = f"--{name.replace('_', '-')}" + ("" if isinstance(asked[name], bool) else f" {asked[name]}")
            raise MgptError(f"--resume {resume} has {name}={stored[name]}, but {flag} was given; drop the flag")
