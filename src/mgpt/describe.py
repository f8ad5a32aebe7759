"""What `mgpt info` and Model.info() say of a checkpoint: a record (JSON) and the lines people read."""

from .checkpoint import load


def describe(path):
    """(record, lines) of a model, reader or adapter checkpoint."""
    with load(path) as arrays:
        kind = arrays.text("kind")
    return adapter_info(path) if kind == "adapter" else model_info(path)


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


READING = {"both": "both ways", "split": "both ways (heads split by direction)", "causal": "left to right"}


def model_info(path):
    from .checkpoint import load_model

    ck = load_model(path)
    cfg, state = ck.model.config, ck.state
    kind = "reader" if ck.is_span_reader else "model"
    record = {"path": path, "kind": kind, "config": cfg.to_dict(), "parameters": ck.model.num_params,
              "mode": ck.mode, "vocab": ck.vocab.chars, "step": state.get("step"),
              "best_val_loss": state.get("best_val_loss"), "fingerprint": ck.fingerprint}
    settings = state.get("settings", {})
    if settings:
        record["settings"] = settings
    lines = [
        f"checkpoint   {path} (mgpt {'span reader' if ck.is_span_reader else 'model'})",
        f"config       {plural(cfg.n_layer, 'layer')}, {plural(cfg.n_head, 'head')}, {cfg.n_embd} wide, "
        f"block {cfg.block_size}, "
        f"{cfg.activation}, dropout {cfg.dropout}",
        f"parameters   {ck.model.num_params:,}",
        f"mode         {ck.mode}",
        f"vocab        {len(ck.vocab)} ids: {ck.vocab.describe()}",
        f"step         {state.get('step')}" + (f" of {settings['steps']}" if "steps" in settings else ""),
        *training_line(settings),
        "best val     " + (f"{state['best_val_loss']:.4f}" if state.get("best_val_loss") is not None else "-"),
        f"fingerprint  {ck.fingerprint}",
    ]
    if ck.is_span_reader:  # how it reads (mgpt.span_reader, mgpt.pairs) and when it abstains
        from .retrieval.span_answer import reader_calibrator, reader_confidence, reader_k

        record["min_confidence"], record["k"] = reader_confidence(ck), reader_k(ck)
        calibrator = reader_calibrator(ck)
        record["calibrated"] = calibrator is not None
        features = "question-match features" if cfg.match_features else "no match features"
        if cfg.word_buckets:
            features += f", hashed word features: {cfg.word_buckets} buckets"
        lines.append(f"reads        {record['k']} chunks a question, each with the question, attention "
                     f"{READING[cfg.attention]}, {features}; points at the "
                     f"answer's start and end, abstains under "
                     + (f"a calibrated confidence of {record['min_confidence']:g} (a logistic calibrator fitted on "
                        f"{ck.state['calibrator'].get('questions', '?')} development questions)" if calibrator is not None
                        else f"confidence {record['min_confidence']:g}"))
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


def training_line(settings):
    """How the run trains (what a resumed run keeps): batch, learning rate, seed and the shards of
    each step; nothing for a checkpoint that records no settings."""
    if "batch_size" not in settings:
        return []
    shards = settings.get("shards") or 1
    return [f"training     batch {settings['batch_size']}, lr {settings['lr']:g} to {settings['min_lr']:g}, "
            f"seed {settings['seed']}, {plural(shards, 'shard')} a step"]


def _data_set(name, data):
    """A data set of a recipe: generated lines (the generative reader's) or examples (a span reader's)."""
    parts = data.get("parts") or [data]
    seeds = "/".join(str(p.get("seed", "?")) for p in parts)
    unit = "examples" if any("examples" in p for p in parts) else "lines"
    origin = f"{len(data['bases'])} knowledge bases written for training" if "bases" in data else f"seed {seeds}"
    return (f"{sum(p.get(unit, 0) for p in parts):,} {name} {unit} ({origin}, "
            f"sha256 {str(data.get('sha256', '?'))[:12]})")


def _command(command):
    """A recorded command with a file repeated in a row (a data set weighted N times) written once, xN."""
    words, out = command.split(" "), []
    for word in words:
        if out and out[-1][0] == word:
            out[-1][1] += 1
        else:
            out.append([word, 1])
    return " ".join(word if n == 1 else f"{word} (x{n})" for word, n in out)


def reader_lines(reader):
    """What a reader checkpoint records of how it was made and how it did on held-out documents."""
    recipe = reader.get("recipe", {})
    data = recipe.get("data") or {}  # data set -> its generated lines, written in one part or several
    made = ", ".join(_data_set(name, d) for name, d in data.items())
    lines = [f"reader       trained on {made or 'generated lines'} by {recipe.get('generator', '?')}",
             f"trained by   {_command(recipe.get('train', '?'))}"]
    if recipe.get("train_wall_s"):
        lines.append(f"train time   {recipe['train_wall_s'] / 3600:.1f} h")
    for row in reader.get("heldout", []):
        lines.append(f"held out     {row['kb']}: exact match {row['em']:.0%} of {row['answerable']} answerable, "
                     f"abstains on {row['abstain_unanswerable']:.0%} of {row['unanswerable']} unanswerable "
                     f"and {row['abstain_answerable']:.0%} of the answerable")
    return lines


def adapter_info(path):
    from .checkpoint import load_adapter

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
        f"base         {ack.base_fingerprint} ({base.get('path') or '?'}: {plural(bc['n_layer'], 'layer')}, "
        f"{bc['n_embd']} wide, {base['mode']} mode)",
        f"step         {state.get('step')} of {state.get('settings', {}).get('steps', '?')}",
        "best val     " + (f"{state['best_val_loss']:.4f}" if state.get("best_val_loss") is not None else "-"),
        f"fingerprint  {ack.fingerprint}",
    ]
    return record, lines
