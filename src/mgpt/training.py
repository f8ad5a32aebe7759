"""Training from options: what `mgpt train`, `mgpt finetune-lora`, mgpt.train and
mgpt.finetune_lora all call, so a run is the same from the shell and from Python.

Each takes the options as a dict (every one, defaults included) and the set of those the caller
gave (`explicit`): on --resume the rest come from the checkpoint. check_options checks every
value once, for both callers, naming the option as the caller knows it (options.flag). Both read
the corpus prepared (prepared.py: rank 0 prepares it under mpiexec, every rank reads the
prepared file); only rank 0 writes.
"""

from dataclasses import asdict

import numpy as np

from . import distributed
from .data import MODES
from .describe import plural
from .errors import MgptError
from .kernels import ACTIVATIONS
from .lora import DEFAULT_TARGETS, LoraConfig
from .config import DEFAULT_PRESET, PRESETS, GPTConfig
from .options import FRACTION, NONNEG_FLOAT, NONNEG_INT, POSITIVE_FLOAT, POSITIVE_INT, Rule, check_choice, flag
from .prepared import Corpus
from .runs import Run, check_outputs, resumed, run_training, settings_from
from .settings import TrainSettings
from .span_kernels import ATTENTIONS
from .word_hash import MAX_BUCKETS

CONFIG_OPTIONS = ("n_layer", "n_head", "n_embd", "block_size", "activation", "dropout")
KINDS = ("gpt", "span-reader")
LORA_SETTINGS = TrainSettings(steps=1000, lr=2e-3, min_lr=2e-4, warmup=50, weight_decay=0.0)


def _shared_defaults(settings):
    return {**asdict(settings), "save_every": None, "val_fraction": 0.1, "resume": None, "log": None,
            "quiet": False, "drop_unknown": False, "answer_after": None, "cache_dir": None}


# every option with its default: the command line's defaults are these
TRAIN_DEFAULTS = {**_shared_defaults(TrainSettings()), "preset": DEFAULT_PRESET, **dict.fromkeys(CONFIG_OPTIONS),
                  "mode": "auto", "init": None, "vocab": None, "kind": "gpt", "attention": "split",
                  "match_features": True, "word_buckets": 0}
LORA_DEFAULTS = {**_shared_defaults(LORA_SETTINGS), "rank": LoraConfig.rank, "alpha": None,
                 "targets": ",".join(DEFAULT_TARGETS), "layers": "all", "lora_dropout": 0.0, "rslora": False}
RULES = {
    "steps": POSITIVE_INT, "batch_size": POSITIVE_INT, "lr": POSITIVE_FLOAT, "min_lr": NONNEG_FLOAT,
    "warmup": NONNEG_INT, "beta1": FRACTION, "beta2": FRACTION, "weight_decay": NONNEG_FLOAT,
    "grad_clip": NONNEG_FLOAT, "eval_every": POSITIVE_INT, "eval_iters": POSITIVE_INT, "val_fraction": FRACTION,
    "seed": NONNEG_INT, "save_every": POSITIVE_INT, "patience": POSITIVE_INT, "shards": POSITIVE_INT,
    "n_layer": POSITIVE_INT, "n_head": POSITIVE_INT, "n_embd": POSITIVE_INT, "block_size": POSITIVE_INT,
    "dropout": FRACTION, "rank": Rule(int), "alpha": Rule(float), "lora_dropout": FRACTION,
    "word_buckets": Rule(int, 0, MAX_BUCKETS),  # and not 1: SpanReaderConfig says so
}
CHOICES = {"preset": tuple(PRESETS), "mode": MODES, "kind": KINDS, "attention": ATTENTIONS,
           "activation": tuple(ACTIVATIONS)}


def check_options(values):
    """The options with each value checked (and text read as a number where one is due)."""
    checked = dict(values)
    for name, value in values.items():
        if name in RULES:
            checked[name] = RULES[name].check(name, value)
        elif name in CHOICES and value is not None:
            check_choice(name, value, CHOICES[name])
    return checked


def corpus_paths(corpus):
    """A corpus as a list of paths: one path, or several ('-': stdin)."""
    return [str(corpus)] if isinstance(corpus, (str, bytes)) or hasattr(corpus, "__fspath__") \
        else [str(p) for p in corpus]


# --- a model ------------------------------------------------------------------------------

def train_model(corpus, out, values, explicit, on_record=None):
    """Trains a model (new, --init or --resume) on corpus; returns the Trainer once it ran."""
    world = distributed.world()
    o = check_options(values)
    resume, init, kind = o["resume"], o["init"], o["kind"]
    if (resume or init) and explicit & {"kind", "attention", "match_features", "word_buckets"}:
        raise MgptError(f"{flag('resume') if resume else flag('init')} keeps its checkpoint's kind and reading; drop "
                        f"{flag('kind')}, {flag('attention')}, {flag('match_features')} and {flag('word_buckets')}")
    if "word_buckets" in explicit and kind != "span-reader":
        raise MgptError(f"{flag('word_buckets')} is for a span reader ({flag('kind')} span-reader); drop it")
    if resume and init:
        raise MgptError(f"{flag('resume')} and {flag('init')} exclude each other: {flag('resume')} continues a run, "
                        f"{flag('init')} starts one")
    if o["vocab"] and (resume or init):
        raise MgptError(f"{flag('vocab')} is for a new model; {flag('resume') if resume else flag('init')} keeps its "
                        f"checkpoint's vocabulary, drop {flag('vocab')}")
    if world.is_root:
        check_outputs(out, o["log"], inputs=[(flag("init"), init)])
    with Corpus(corpus_paths(corpus), o["cache_dir"], world, progress=not o["quiet"]) as data:
        if resume or init:
            run = continued_model(world, data, o, explicit)
        elif kind == "span-reader":
            run = new_span_reader(o, explicit)
        else:
            run = new_model(data.prepared(), o, explicit)
        return run_training(explicit, world, data, run, out, o["log"], o["quiet"], o["drop_unknown"],
                            o["answer_after"], on_record)


def config_flags(o):
    return {k: o[k] for k in CONFIG_OPTIONS}


def new_model(prepared, o, explicit):
    """A model initialised from the seed: the preset's sizes, with the options given over them."""
    from .data import Vocab, choose_mode
    from .model import GPT

    mode, reason = choose_mode(prepared.lines, o["mode"])
    vocab = Vocab.from_charset(o["vocab"]) if o["vocab"] else Vocab.from_text(prepared.chars, mode)
    settings = settings_from(o, explicit)
    model = GPT(GPTConfig.from_preset(o["preset"], len(vocab), **config_flags(o)))
    model.init_weights(np.random.default_rng([settings.seed, 0]))
    return model_run(model, vocab, mode, settings, o["val_fraction"], start=None, notes=[f"{mode} mode: {reason}"])


def new_span_reader(o, explicit):
    """A span reader initialised from the seed: the preset's sizes (READER_PRESET unless a preset
    is given), the latin vocabulary unless another is."""
    from .data import Vocab
    from .span_reader import READER_PRESET, SpanReader, SpanReaderConfig

    if "mode" in explicit:
        raise MgptError(f"a span reader reads (question, chunk) pairs; drop {flag('mode')} {o['mode']}")
    vocab = Vocab.from_charset(o["vocab"] or "latin")
    settings = settings_from(o, explicit)
    sizes = {**READER_PRESET, **({} if "preset" not in explicit else PRESETS[o["preset"]])}
    sizes.update({k: v for k, v in config_flags(o).items() if v is not None})
    attention, match_features, buckets = o["attention"], o["match_features"], o["word_buckets"]
    model = SpanReader(SpanReaderConfig(vocab_size=len(vocab), attention=attention,
                                        match_features=match_features, word_buckets=buckets, **sizes))
    model.init_weights(np.random.default_rng([settings.seed, 0]))
    return model_run(model, vocab, "pairs", settings, o["val_fraction"], start=None,
                     notes=[f"span reader: attention {attention}, "
                            f"{'question-match features' if match_features else 'no match features'}"
                            + (f", hashed word features: {buckets} buckets" if buckets else "")])


def continued_model(world, data, o, explicit):
    """The model of resume (its run continued) or of init (a new run from its weights)."""
    from .checkpoint import PAIRS, load_model
    from .data import text_fingerprint

    resume, init = o["resume"], o["init"]
    ck = load_model(resume or init)
    source = f"{flag('resume')} {resume}" if resume else f"{flag('init')} {init}"
    check_config_flags(ck.model.config, o, explicit, source)
    if "mode" in explicit and o["mode"] != ck.mode:
        raise MgptError(f"{source} is a {ck.mode}-mode model; drop {flag('mode')} {o['mode']}")
    start = (ck.fingerprint, ck.state.get("step", 0))
    # the prompt template is what the weights were trained to read: a continued run keeps it
    kept = {k: ck.state[k] for k in ("prompt_template",) if k in ck.state}
    if not resume:
        return model_run(ck.model, ck.vocab, ck.mode, settings_from(o, explicit), o["val_fraction"], start=start,
                         notes=[f"full fine-tuning from {init} ({ck.mode} mode)"], inherited=ck.state,
                         source=source, meta={"init_from": {"path": init, "fingerprint": ck.fingerprint}, **kept})
    settings, val_fraction, state, notes = resumed(world, ck, o, explicit, o["val_fraction"], resume)
    fingerprint = text_fingerprint(data.text()) if ck.mode == PAIRS else data.prepared().sha256
    if ck.state.get("corpus_sha256") not in (None, fingerprint):
        notes.insert(0, "warning: this corpus differs from the one the checkpoint was trained on; "
                        "the run continues on the new text")
    return model_run(ck.model, ck.vocab, ck.mode, settings, val_fraction, start=start, notes=notes, resume=state,
                     resume_path=resume, inherited=ck.state, source=source,
                     meta={k: ck.state[k] for k in ("init_from", "prompt_template") if k in ck.state})


def model_run(model, vocab, mode, settings, val_fraction, start, **more):
    """A Run in which every weight of the model trains."""
    from .checkpoint import save_model

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


def check_config_flags(config, o, explicit, source):
    """A checkpoint keeps its own config: refuse model options and a preset that contradict it."""
    for name in CONFIG_OPTIONS:
        if name in explicit and o[name] != getattr(config, name):
            raise MgptError(f"{source} has {name}={getattr(config, name)}, but {flag(name)} "
                            f"{o[name]} was given; drop the flag")
    if "preset" in explicit:
        preset = o["preset"]
        differs = [k for k, v in PRESETS[preset].items() if getattr(config, k) != v]
        if differs:
            raise MgptError(f"{source} has another config than {flag('preset')} {preset} "
                            f"({', '.join(f'{k}={getattr(config, k)}' for k in differs)}); drop {flag('preset')}")


# --- an adapter ---------------------------------------------------------------------------

def train_adapter(base_path, corpus, out, values, explicit, on_record=None):
    """Trains (or resumes) a LoRA adapter over the frozen model of base_path; returns the Trainer."""
    from .checkpoint import load_adapter, load_model
    from .lora import Adapter, validate

    world = distributed.world()
    o = check_options(values)
    resume = o["resume"]
    if world.is_root:
        check_outputs(out, o["log"], inputs=[(flag("base"), base_path)])
    base = load_model(base_path)
    rank, alpha = o["rank"], o["alpha"]
    wanted = LoraConfig(rank, alpha if alpha is not None else 2.0 * rank, parse_targets(o["targets"]),
                        parse_layers(o["layers"]), o["lora_dropout"], o["rslora"])
    if resume:
        ack = load_adapter(resume, base=base)
        check_lora_flags(explicit, ack.adapter, resume, wanted)
        settings, val_fraction, state, notes = resumed(world, ack, o, explicit, o["val_fraction"], resume)
        run = adapter_run(base, ack.adapter, settings, val_fraction, start=(ack.fingerprint, ack.state.get("step", 0)),
                          notes=notes, resume=state, resume_path=resume, inherited=ack.state,
                          source=f"{flag('resume')} {resume}")
    else:
        settings = settings_from(o, explicit)
        adapter = Adapter(validate(wanted, base.model.config), base.model.config)
        adapter.init_weights(np.random.default_rng([settings.seed, 1]))
        run = adapter_run(base, adapter, settings, o["val_fraction"], start=None, inherited=base.state)
    with Corpus(corpus_paths(corpus), o["cache_dir"], world, progress=not o["quiet"]) as data:
        return run_training(explicit, world, data, run, out, o["log"], o["quiet"], o["drop_unknown"],
                            o["answer_after"], on_record)


def adapter_run(base, adapter, settings, val_fraction, start, **more):
    """A Run in which only the adapter trains, attached to the frozen model of `base`."""
    from .checkpoint import save_adapter

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
    """targets 'q, v,q' -> ('q', 'v'): in order, each once (lora.validate checks the names); a list
    or tuple of names is taken as it is."""
    parts = text.split(",") if isinstance(text, str) else list(text)
    return tuple(dict.fromkeys(t.strip() for t in parts if t.strip()))


def parse_layers(text):
    """layers 'all' -> () (every layer, as LoraConfig reads it); '2,0' (or [2, 0]) -> (2, 0)."""
    if not isinstance(text, str):
        text = ",".join(map(str, text))
    if text.strip() == "all":
        return ()
    try:
        layers = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        layers = ()
    if not layers:  # garbage, or nothing but commas: never silently "all layers"
        raise MgptError(f"{flag('layers')} must be 'all' or comma-separated layer indices, got {text!r}")
    return layers


def check_lora_flags(explicit, adapter, resume, wanted):
    """On resume the adapter's own settings hold: refuse LoRA options that contradict them."""
    config = adapter.config
    every_layer = tuple(range(adapter.model_config.n_layer))
    stored = {"rank": config.rank, "alpha": config.alpha, "targets": ",".join(config.targets),
              "layers": ",".join(map(str, config.layers)), "lora_dropout": config.dropout, "rslora": config.rslora}
    asked = {"rank": wanted.rank, "alpha": wanted.alpha, "lora_dropout": wanted.dropout, "rslora": wanted.rslora,
             "targets": ",".join(wanted.targets), "layers": ",".join(map(str, sorted(set(wanted.layers or every_layer))))}
    for name in sorted(explicit & set(stored), key=list(stored).index):
        if asked[name] != stored[name]:
            option = flag(name) + ("" if isinstance(asked[name], bool) else f" {asked[name]}")
            raise MgptError(f"{flag('resume')} {resume} has {name}={stored[name]}, but {option} was given; "
                            f"drop the flag")
