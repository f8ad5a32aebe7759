"""`mgpt sample`, `eval`, `info` and `merge-lora`: the commands that use a trained model.

Each loads a checkpoint (with any adapters) through mgpt.checkpoint and prints its result on
stdout; notes go to stderr.
"""

import json
import os
import sys

import click

from ..errors import MgptError
from .common import ADAPTER_HELP, POSITIVE_INT, adapter_option, cache_dir_option, note, sampling_options


# --- sample -------------------------------------------------------------------------------

@click.command(context_settings={"show_default": True})
@click.option("--ckpt", required=True, help="Model checkpoint.")
@click.option("--prompt", default="", help="Text to start from; - reads it from stdin.")
@click.option("-n", "--num", type=POSITIVE_INT, default=1, help="Number of samples (decoded as one batch).")
@click.option("--max-new-tokens", type=POSITIVE_INT, help="Characters to generate [default: block size in docs mode, 500 in stream mode].")
@sampling_options(temperature=1.0, seed_help="Seed for reproducible samples.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per sample.")
@adapter_option
def sample(ckpt, prompt, num, max_new_tokens, temperature, top_k, top_p, seed, as_json, adapters):
    """Generate text from a trained model, on stdout.

    \b
    Examples:
      mgpt sample --ckpt names.npz -n 20
      mgpt sample --ckpt names.npz --prompt ka -n 5 --temperature 0.8
      mgpt sample --ckpt names.npz -n 1000 | sort | uniq -c | sort -rn | head
      echo "ROMEO:" | mgpt sample --ckpt s.npz --prompt - --max-new-tokens 300
      mgpt sample --ckpt base.npz --adapter domain.npz:0.8 -n 5
    """
    from ..checkpoint import load_with_adapters
    from ..sampling import generate

    ck = load_with_adapters(ckpt, adapters).require_language_model("sample")
    if prompt == "-":
        prompt = sys.stdin.read()
        if ck.mode == "docs":
            prompt = prompt.rstrip("\n")
    prompt, message = ck.vocab.fit(prompt, "prompt")
    if message:
        note(message)
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

@click.command(name="eval")
@click.option("--ckpt", required=True, help="Model checkpoint.")
@click.argument("corpus", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@adapter_option
@cache_dir_option()
def eval_command(ckpt, corpus, as_json, adapters, cache_dir):
    """Loss, bits per character and perplexity of a model on CORPUS.

    \b
    Every character is scored once: stream models over consecutive block windows, docs models
    over every line with its BOS, as training's val loss is.
    Example:
      mgpt eval --ckpt names.npz held_out_names.txt --json
      mgpt eval --ckpt base.npz --adapter domain.npz domain_test.txt
    """
    from ..checkpoint import load_with_adapters
    from ..evaluate import evaluate_corpus
    from ..prepared import Corpus

    ck = load_with_adapters(ckpt, adapters).require_language_model("score text (mgpt rag-eval measures it)")
    with Corpus(corpus, cache_dir) as data:
        result = evaluate_corpus(ck.model, ck.vocab, ck.mode, data.prepared(), ck.state.get("answer_after"))
    if as_json:
        click.echo(json.dumps(result))
    else:
        click.echo(f"loss {result['loss']:.4f}  bpc {result['bpc']:.4f}  perplexity {result['perplexity']:.3f}  "
                   f"({result['characters']:,} characters, {result['mode']} mode)")


# --- info ---------------------------------------------------------------------------------

@click.command()
@click.argument("path", required=False)
@click.option("--reader", is_flag=True, help="Describe the reader shipped with mgpt (what `ask` uses).")
@click.option("--path", "path_only", is_flag=True, help="With --reader: print only its file's path.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def info(path, reader, path_only, as_json):
    """Describe a checkpoint: config, size, vocabulary, training progress, fingerprint.

    \b
    Examples:
      mgpt info names.npz
      mgpt info --reader           # its training recipe and held-out figures too
    """
    from ..checkpoint import load

    if reader == bool(path):
        raise MgptError("give a checkpoint PATH, or --reader for the shipped reader")
    if path_only and not reader:
        raise MgptError("--path goes with --reader")
    if reader:
        from ..retrieval.reader import reader_path

        path = reader_path()
        if path_only:
            click.echo(path)
            return
    with load(path) as arrays:
        kind = arrays.text("kind")
    if kind == "adapter":
        record, lines = adapter_info(path)
    else:
        record, lines = model_info(path)
    click.echo(json.dumps(record, ensure_ascii=False) if as_json else "\n".join(lines))


READING = {"both": "both ways", "split": "both ways (heads split by direction)", "causal": "left to right"}


def model_info(path):
    from ..checkpoint import load_model

    ck = load_model(path)
    cfg, state = ck.model.config, ck.state
    kind = "reader" if ck.is_span_reader else "model"
    record = {"path": path, "kind": kind, "config": cfg.to_dict(), "parameters": ck.model.num_params,
              "mode": ck.mode, "vocab": ck.vocab.chars, "step": state.get("step"),
              "best_val_loss": state.get("best_val_loss"), "fingerprint": ck.fingerprint}
    settings = state.get("settings", {})
    lines = [
        f"checkpoint   {path} (mgpt {'span reader' if ck.is_span_reader else 'model'})",
        f"config       {cfg.n_layer} layers, {cfg.n_head} heads, {cfg.n_embd} wide, block {cfg.block_size}, "
        f"{cfg.activation}, dropout {cfg.dropout}",
        f"parameters   {ck.model.num_params:,}",
        f"mode         {ck.mode}",
        f"vocab        {len(ck.vocab)} ids: {ck.vocab.describe()}",
        f"step         {state.get('step')}" + (f" of {settings['steps']}" if "steps" in settings else ""),
        "best val     " + (f"{state['best_val_loss']:.4f}" if state.get("best_val_loss") is not None else "-"),
        f"fingerprint  {ck.fingerprint}",
    ]
    if ck.is_span_reader:  # how it reads (mgpt.span_reader, mgpt.pairs) and when it abstains
        from ..retrieval.span_answer import reader_confidence, reader_k

        record["min_confidence"], record["k"] = reader_confidence(ck), reader_k(ck)
        lines.append(f"reads        {record['k']} chunks a question, each with the question, attention "
                     f"{READING[cfg.attention]}, "
                     f"{'question-match features' if cfg.match_features else 'no match features'}; points at the "
                     f"answer's start and end, abstains under confidence {record['min_confidence']:g}")
    if "prompt_template" in state:  # what `ask` sends it (mgpt.retrieval.prompt)
        record["prompt_template"] = state["prompt_template"]
        lines.append(f"prompt       {state['prompt_template']} template")
    if "reader" in state:
        record["reader"] = state["reader"]
        lines += reader_lines(state["reader"])
    for key, label in (("init_from", "initialised from"), ):
        if key in state:
            lines.append(f"{label:<12} {state[key]['path']} ({state[key]['fingerprint'][:12]})")
            record[key] = state[key]
    if "merged_from" in state:
        merged = state["merged_from"]
        record["merged_from"] = merged
        lines.append(f"merged from  base {merged['base']['fingerprint'][:12]} + "
                     + ", ".join(f"{a['path']}:{a['weight']:g} ({a['fingerprint'][:12]})" for a in merged["adapters"]))
    return record, lines


def _data_set(name, data):
    """A data set of a recipe: generated lines (the generative reader's) or examples (a span reader's)."""
    parts = data.get("parts") or [data]
    seeds = "/".join(str(p.get("seed", "?")) for p in parts)
    unit = "examples" if any("examples" in p for p in parts) else "lines"
    return (f"{sum(p.get(unit, 0) for p in parts):,} {name} {unit} (seed {seeds}, "
            f"sha256 {str(data.get('sha256', '?'))[:12]})")


def reader_lines(reader):
    """What a reader checkpoint records of how it was made and how it did on held-out documents."""
    recipe = reader.get("recipe", {})
    data = recipe.get("data") or {}  # data set -> its generated lines, written in one part or several
    made = ", ".join(_data_set(name, d) for name, d in data.items())
    lines = [f"reader       trained on {made or 'generated lines'} by {recipe.get('generator', '?')}",
             f"trained by   {recipe.get('train', '?')}"]
    if recipe.get("train_wall_s"):
        lines.append(f"train time   {recipe['train_wall_s'] / 3600:.1f} h")
    for row in reader.get("heldout", []):
        lines.append(f"held out     {row['kb']}: exact match {row['em']:.0%} of {row['answerable']} answerable, "
                     f"abstains on {row['abstain_unanswerable']:.0%} of {row['unanswerable']} unanswerable "
                     f"and {row['abstain_answerable']:.0%} of the answerable")
    return lines


def adapter_info(path):
    from ..checkpoint import load_adapter

    ack = load_adapter(path)
    lc, state, base = ack.adapter.config, ack.state, ack.base_summary
    share = ack.adapter.num_params / base["parameters"]
    record = {"path": path, "kind": "adapter", "rank": lc.rank, "alpha": lc.alpha, "scaling": lc.scaling_rule,
              "targets": list(lc.targets), "layers": list(lc.layers), "lora_dropout": lc.dropout,
              "trainable_parameters": ack.adapter.num_params, "share_of_base": share,
              "base_parameters": base["parameters"], "base_fingerprint": ack.base_fingerprint,
              "step": state.get("step"), "best_val_loss": state.get("best_val_loss"), "fingerprint": ack.fingerprint}
    bc = base["config"]
    lines = [
        f"checkpoint   {path} (mgpt LoRA adapter)",
        f"rank         {lc.rank}, alpha {lc.alpha:g}, scaling {lc.scaling_rule} = {lc.scaling:g}",
        f"targets      {','.join(lc.targets)} in layers {','.join(map(str, lc.layers))}",
        f"parameters   {ack.adapter.num_params:,} trainable, {share:.2%} of the base's {base['parameters']:,}",
        f"base         {ack.base_fingerprint} ({base.get('path') or '?'}: {bc['n_layer']} layers, "
        f"{bc['n_embd']} wide, {base['mode']} mode)",
        f"step         {state.get('step')} of {state.get('settings', {}).get('steps', '?')}",
        "best val     " + (f"{state['best_val_loss']:.4f}" if state.get("best_val_loss") is not None else "-"),
        f"fingerprint  {ack.fingerprint}",
    ]
    return record, lines


# --- merge-lora ---------------------------------------------------------------------------

@click.command(name="merge-lora")
@click.option("--base", "base_path", required=True, help="The base model checkpoint.")
@click.option("--adapter", "adapters", multiple=True, required=True, help=ADAPTER_HELP)
@click.option("-o", "--out", required=True, help="The merged model checkpoint to write.")
def merge_lora(base_path, adapters, out):
    """Fold adapters into their base: an ordinary model checkpoint, no adapter needed.

    \b
    The deltas are summed in float64 and stored as float32; the new checkpoint records the base
    and adapters it came from (so merging the same adapter twice is refused).
    Example:
      mgpt merge-lora --base base.npz --adapter adapter.npz -o merged.npz
    """
    from ..checkpoint import check_writable, load_adapter, load_model, parse_adapter_spec, save_model

    check_writable(out)
    ck = load_model(base_path)
    base_fp = ck.fingerprint
    loaded = []
    for spec in adapters:
        path, weight = parse_adapter_spec(spec)
        if any(os.path.realpath(path) == os.path.realpath(p) for p, _, _ in loaded):
            raise MgptError(f"--adapter {path} is given twice; give it once with the weight you want (PATH:WEIGHT)")
        for option, source in (("--base", base_path), ("--adapter", path)):
            if os.path.realpath(out) == os.path.realpath(source):
                raise MgptError(f"-o {out} would overwrite {option} {source}; write the merged model to another file")
        loaded.append((path, weight, load_adapter(path, base=ck)))
    for path, weight, ack in loaded:
        ack.adapter.merge_into(ck.model, weight)
    previous = ck.state.get("merged_from", {}).get("adapters", [])
    # training state (optimizer, RNG, losses, corpus) described the base's run, not these weights
    state = {k: v for k, v in ck.state.items() if k in ("step", "mode", "init_from", "prompt_template", "min_confidence", "k")}
    state["merged_from"] = {
        "base": {"path": base_path, "fingerprint": base_fp},
        "adapters": previous + [{"path": p, "weight": w, "fingerprint": a.fingerprint} for p, w, a in loaded],
    }
    save_model(out, ck.model, ck.vocab, ck.mode, state)
    note(f"merged {len(loaded)} adapter(s) into {base_path}: wrote {out} ({ck.fingerprint[:12]})")
