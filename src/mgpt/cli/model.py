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
@click.option("--stop", metavar="STRING", help="End each sample where STRING first appears in what it generates "
              "(STRING left out).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per sample.")
@adapter_option
def sample(ckpt, prompt, num, max_new_tokens, temperature, top_k, top_p, seed, stop, as_json, adapters):
    """Generate text from a trained model, on stdout.

    \b
    Examples:
      mgpt sample --ckpt names.npz -n 20
      mgpt sample --ckpt names.npz --prompt ka -n 5 --temperature 0.8
      mgpt sample --ckpt names.npz -n 1000 | sort | uniq -c | sort -rn | head
      echo "ROMEO:" | mgpt sample --ckpt s.npz --prompt - --max-new-tokens 300
      mgpt sample --ckpt s.npz --prompt "ROMEO:" --stop $'\\n\\n'   # up to the first blank line
      mgpt sample --ckpt base.npz --adapter domain.npz:0.8 -n 5
    """
    from ..api import load

    model = load(ckpt, adapters)
    model.checkpoint.require_language_model("sample")  # a reader is refused before stdin is read
    if prompt == "-":
        prompt = sys.stdin.read()
        if model.mode == "docs":
            prompt = prompt.rstrip("\n")
    samples = model.sample(prompt, num, max_new_tokens, temperature, top_k, top_p, seed, stop=stop)
    prompt = model.fit_prompt(prompt)[0]
    out = sys.stdout
    try:
        for i, text in enumerate(samples):
            if as_json:
                out.write(json.dumps({"prompt": prompt, "text": text}, ensure_ascii=False) + "\n")
            elif model.mode == "docs":
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
    from ..api import load

    result = load(ckpt, adapters).eval_files(corpus, cache_dir)
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
    from ..describe import describe

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
    record, lines = describe(path)
    click.echo(json.dumps(record, ensure_ascii=False) if as_json else "\n".join(lines))


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
    state = {k: v for k, v in ck.state.items() if k in ("step", "mode", "init_from", "prompt_template", "min_confidence", "k",
                                                         "calibrator")}
    state["merged_from"] = {
        "base": {"path": base_path, "fingerprint": base_fp},
        "adapters": previous + [{"path": p, "weight": w, "fingerprint": a.fingerprint} for p, w, a in loaded],
    }
    save_model(out, ck.model, ck.vocab, ck.mode, state)
    note(f"merged {len(loaded)} adapter(s) into {base_path}: wrote {out} ({ck.fingerprint[:12]})")
