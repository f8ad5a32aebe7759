#!/usr/bin/env python3
"""Build the reader that `mgpt ask` ships with, reproducibly.

    python scripts/make_reader.py data     # the generated training lines, one file per data set (same bytes on rerun)
    python scripts/make_reader.py train    # mgpt train on them, in five stages; each resumes its -last file
    python scripts/make_reader.py train --trial stage5  # a trial instead, not shipped (TRIALS), after the stages it needs
    cp src/mgpt/models/reader.npz out/reader/reader.npz  # on a new machine: a trial from the shipped reader
                                           # (one whose --init is {reader}) starts from it, not from stage 1
    python scripts/make_reader.py ship     # the best checkpoint, without optimizer state, with its recipe
                                           # -> src/mgpt/models/reader.npz, with the held-out figures of
                                           # scripts/reader_eval.py --ckpt out/reader/reader.npz --out out/reader/heldout.json

Everything lands in --out (default out/reader): train-<data set>.txt, stage1.npz ... stage4.npz and
reader.npz (each with its -last file and .jsonl log) and build.json (seeds, options, sha256 of the
lines, wall times). Training takes hours on 2 cores: each stage saves -last as it goes, and
running `train` again continues from there (the run ends with the same bytes as an uninterrupted one).
"""

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

BLOCK = 512
RESERVE = 48  # the answer's room in the block: ask's --max-new-tokens default
# The data sets: name -> parts, each (prompt template of mgpt.retrieval.prompt, generator seed, generator
# edition, lines), written one after the other (training draws lines at random, so the order is no curriculum).
# Edition 2 (lab/readergen/writer.py) adds numbers that answer nothing beside a question's words, words
# after values and staff; edition 3 (lab/readergen/data/services/, values/services.py) adds companies that sell services
# (courses, classes, tours, rooms); edition 4 cuts most chunks at 140 characters, words pages about "it" and
# writes tables across; edition 5 (lab/readergen/extras.py) lists accessories with their prices and
# names some sister models by their family alone. Each edition leaves the bytes of the earlier ones as they
# were. Edition 4's and 5's sets replay edition 1's pages (new companies) for a sixth of their lines. Why each
# data set, stage and trial is as it is, and what each taught: docs/RAG.md, "Lab history".
DATASETS = {
    "context-first": [("context-first", 0, 1, 320_000)],
    "question-around": [("question-around", 0, 1, 320_000)],
    "question-around-ed2": [("question-around", 1, 2, 120_000)],
    "question-around-ed3": [("question-around", 2, 3, 120_000)],
    "question-around-ed4": [("question-around", 3, 4, 100_000), ("question-around", 4, 1, 20_000)],
    "question-around-ed5": [("question-around", 5, 5, 100_000), ("question-around", 6, 1, 20_000)],
}
MODEL = ["--n-layer", "6", "--n-head", "6", "--n-embd", "192", "--block-size", str(BLOCK), "--vocab", "latin"]
COMMON = ["--mode", "docs", "--batch-size", "16", "--weight-decay", "0.1", "--eval-iters", "10",
          "--val-fraction", "0.01"]
# The stages of the shipped reader, each from the one before (--init): stage 1 learns the lines as text (every
# character scored), stage 2 learns to answer (scored on the answer alone, --answer-after), stage 3 reads the
# question-around template on two MPI ranks, stage 4 edition 2's lines, the fifth (`reader`) edition 4's with
# edition 1 replayed. Each stage is (name, data set, MPI ranks, options, until): it stops at step `until` of its
# --steps schedule.
STAGES = [
    ("stage1", "context-first", 1, MODEL + COMMON + [
        "--eval-every", "500", "--save-every", "100", "--steps", "3000", "--lr", "1.5e-3", "--min-lr", "1.5e-4",
        "--warmup", "300", "--seed", "1337"], 1600),
    ("stage2", "context-first", 1, ["--init", "{stage1}", "--answer-after", " A: "] + COMMON + [
        "--eval-every", "500", "--save-every", "100", "--steps", "2800", "--lr", "4e-4", "--min-lr", "4e-5",
        "--warmup", "100", "--seed", "1338"], 2800),
    ("stage3", "question-around", 2, ["--init", "{stage2}", "--answer-after", " A: "] + COMMON + [
        "--eval-every", "250", "--save-every", "50", "--steps", "2600", "--lr", "1.5e-4", "--min-lr", "1.5e-5",
        "--warmup", "50", "--seed", "1339"], 2600),
    ("stage4", "question-around-ed2", 2, ["--init", "{stage3}", "--answer-after", " A: "] + COMMON + [
        "--eval-every", "200", "--save-every", "50", "--steps", "3000", "--lr", "1.5e-4", "--min-lr", "1.5e-5",
        "--warmup", "50", "--seed", "1340"], 3000),
    ("reader", "question-around-ed4", 2, ["--init", "{stage4}", "--answer-after", " A: "] + COMMON + [
        "--eval-every", "200", "--save-every", "50", "--steps", "2200", "--lr", "1.5e-4", "--min-lr", "1.5e-5",
        "--warmup", "50", "--seed", "1342"], 2200),
]
# Stages tried and not shipped, kept so that they can be rerun and built on (what each showed: docs/RAG.md):
# stage5 on edition 3's lines from stage 4; stage6 on edition 5's with edition 1 replayed, from the shipped
# reader; stage6-deep on the same lines, from the shipped reader deepened to 8 layers (DEEPENED).
TRIALS = [
    ("stage5", "question-around-ed3", 2, ["--init", "{stage4}", "--answer-after", " A: "] + COMMON + [
        "--eval-every", "200", "--save-every", "50", "--steps", "2600", "--lr", "1.5e-4", "--min-lr", "1.5e-5",
        "--warmup", "50", "--seed", "1341"], 2600),
    ("stage6", "question-around-ed5", 2, ["--init", "{reader}", "--answer-after", " A: "] + COMMON + [
        "--eval-every", "200", "--save-every", "50", "--steps", "1600", "--lr", "1.5e-4", "--min-lr", "1.5e-5",
        "--warmup", "50", "--seed", "1343"], 1600),
    ("stage6-deep", "question-around-ed5", 2, ["--init", "{reader-8}", "--answer-after", " A: "] + COMMON + [
        "--eval-every", "200", "--save-every", "50", "--steps", "1200", "--lr", "1.5e-4", "--min-lr", "1.5e-5",
        "--warmup", "50", "--seed", "1344"], 1200),
]
# Models made from a run's model, not trained: name -> (the run, layer order). Layer i of the copy is layer
# order[i] of the run's model; a layer that repeats the one before it starts with its output projections (wo,
# proj) at zero, so the copy computes exactly what the run's model does, and training grows the new layers
# from there (capacity added without starting over).
DEEPENED = {"reader-8": ("reader", (0, 1, 2, 2, 3, 4, 4, 5))}
SHIPPED = os.path.join(ROOT, "src", "mgpt", "models", "reader.npz")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def record(out, **entries):
    path = os.path.join(out, "build.json")
    data = json.load(open(path)) if os.path.exists(path) else {}
    data.update(entries)
    with open(path + ".tmp", "w") as f:
        json.dump(data, f, indent=2)
    os.replace(path + ".tmp", path)
    return data


def lines_file(out, dataset):
    return os.path.join(out, f"train-{dataset}.txt")


def make_data(args):
    from readergen.generate import generate

    data = record(args.out).get("data", {})
    for name, parts in DATASETS.items():
        if args.dataset and name not in args.dataset:
            continue
        path, t0 = lines_file(args.out, name), time.time()
        if os.path.exists(path) and data.get(name, {}).get("sha256") == sha256(path):
            print(f"{path} is already written (sha256 as recorded)", flush=True)
            continue
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            for template, seed, edition, lines in parts:
                for line in generate(lines, seed, BLOCK, RESERVE, template, edition, processes=args.processes):
                    f.write(line + "\n")
        os.replace(path + ".tmp", path)
        digest = sha256(path)
        described = [{"template": t, "lines": n, "seed": s, "edition": e} for t, s, e, n in parts]
        data[name] = {**(described[0] if len(parts) == 1 else {"parts": described}), "block_size": BLOCK,
                      "reserve": RESERVE, "sha256": digest, "bytes": os.path.getsize(path),
                      "wall_s": round(time.time() - t0, 1)}
        total = sum(n for *_, n in parts)
        print(f"wrote {total:,} {name} lines to {path} ({os.path.getsize(path) / 1e6:.1f} MB, "
              f"sha256 {digest[:16]}...) in {time.time() - t0:.0f} s", flush=True)
        record(args.out, data=data)


def train(args):
    """Runs (or resumes) the last stage, or the trials asked for, and the stages they start from; a finished one
    is not run again."""
    from benchlib import mpiexec

    for name, dataset, ranks, options, until in _needed(args.trial or [STAGES[-1][0]], args.out):
        out = os.path.join(args.out, f"{name}.npz")
        last = os.path.join(args.out, f"{name}-last.npz")
        if os.path.exists(last) and _step(last) >= until:
            continue
        for made, (run, order) in DEEPENED.items():  # a deeper model this run starts from, made once
            path = os.path.join(args.out, f"{made}.npz")
            if "{%s}" % made in options and not os.path.exists(path):
                deepen(os.path.join(args.out, f"{run}.npz"), order, path)
        names = [r[0] for r in STAGES + TRIALS] + list(DEEPENED)
        options = [o.format(**{n: os.path.join(args.out, f"{n}.npz") for n in names}) if o.startswith("{") else o
                   for o in options]
        launcher = [mpiexec(), "-n", str(ranks)] if ranks > 1 else []  # MPICH's, from mgpt[mpi]
        command = [*launcher, sys.executable, "-m", "mgpt", "train", lines_file(args.out, dataset), "-o", out,
                   *options, "--log", os.path.join(args.out, f"{name}.jsonl")]
        if os.path.exists(last):
            command = _resumed(command) + ["--resume", last]
        t0 = time.time()
        print(" ".join(command), flush=True)
        code = _run_until(command, last, until)
        spent = time.time() - t0
        key = "trials" if name in args.trial else "train"  # the shipped recipe lists the stages alone
        runs = record(args.out).get(key, {})
        stage = runs.get(name, {})
        runs[name] = {"command": (f"mpiexec -n {ranks} " if launcher else "") + "mgpt "
                      + " ".join(_relative(c) for c in command[len(launcher) + 3:]),
                      "wall_s_total": round(stage.get("wall_s_total", 0) + spent, 1), "exit": code}
        record(args.out, **{key: runs})
        if code:
            sys.exit(code)


def _needed(wanted, out):
    """The runs to make, in order: those named and those they start from (--init), back to a checkpoint that
    is here without its -last file: copied in (on a new machine, the shipped reader as `reader`), so taken
    as finished."""
    runs = STAGES + TRIALS
    by_name, needed, todo = {r[0]: r for r in runs}, set(), list(wanted)
    while todo:
        name = todo.pop()
        if name in needed or (os.path.exists(os.path.join(out, f"{name}.npz"))
                              and not os.path.exists(os.path.join(out, f"{name}-last.npz"))):
            continue
        needed.add(name)
        starts = [o[1:-1] for o in by_name[name][3] if o.startswith("{")]
        todo += [DEEPENED[o][0] if o in DEEPENED else o for o in starts]
    return [r for r in runs if r[0] in needed]


def deepen(source, order, path):
    """The model of `source` with its blocks in `order` (see DEEPENED), written to path."""
    from mgpt.checkpoint import load_model, save_model
    from mgpt.config import GPTConfig
    from mgpt.model import GPT
    from mgpt.parameters import BLOCK_WEIGHTS

    ck = load_model(source)
    model = GPT(GPTConfig.from_dict({**ck.model.config.to_dict(), "n_layer": len(order)}))
    for name in ("wte", "wpe", "lnf", "lm_head"):
        model.p[name][...] = ck.model.p[name]
    for i, layer in enumerate(order):
        for weight in BLOCK_WEIGHTS:
            model.p[f"h{i}.{weight}"][...] = ck.model.p[f"h{layer}.{weight}"]
        if i and order[i - 1] == layer:
            model.p[f"h{i}.wo"][...] = 0
            model.p[f"h{i}.proj"][...] = 0
    save_model(path, model, ck.vocab, ck.mode, {})
    print(f"wrote {path}: {source} deepened to {len(order)} layers", flush=True)


def _run_until(command, last, until):
    """Runs a training command, interrupting it (it saves -last and exits) once -last reaches `until`."""
    # one BLAS thread: on a shared 2-core machine two threads wait on each other whenever the other
    # core is busy (measured: 2.1 s against 6.6-13.7 s a step); it also keeps the run's bytes
    # independent of the machine's core count
    process = subprocess.Popen(command, env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"})
    while process.poll() is None:
        time.sleep(20)
        try:
            reached = os.path.exists(last) and _step(last) >= until
        except Exception:  # -last is being replaced right now: look again next time
            reached = False
        if reached:
            process.send_signal(signal.SIGINT)
            process.wait()
            return 0
    return process.returncode


def _relative(argument):
    """Paths under the repository as the repository's (the recipe reads the same on any machine)."""
    return os.path.relpath(argument, ROOT) if argument.startswith(ROOT + os.sep) else argument


def _step(path):
    from mgpt.checkpoint import load

    with load(path) as arrays:
        return arrays.integer("step")


def _resumed(command):
    """A resumed run takes its model config, vocabulary and starting weights from the checkpoint."""
    out, skip = [], 0
    for item in command:
        if skip:
            skip -= 1
            continue
        if item in ("--n-layer", "--n-head", "--n-embd", "--block-size", "--vocab", "--init"):
            skip = 1
            continue
        out.append(item)
    return out


def ship(args):
    """The best checkpoint as package data: weights and vocabulary, no optimizer state."""
    from mgpt.checkpoint import load_model, save_model

    ck = load_model(os.path.join(args.out, "reader.npz"))
    build = record(args.out)
    figures = os.path.join(args.out, "heldout.json")
    runs = build.get("train", {})
    used = {dataset for _, dataset, *_ in STAGES}  # not the data sets only trials read
    data = {name: entry for name, entry in build.get("data", {}).items() if name in used}
    recipe = {"generator": "lab/readergen (scripts/make_reader.py)", "data": data,
              "train": " then ".join(r["command"] for r in runs.values()),
              "train_wall_s": sum(r.get("wall_s_total", 0) for r in runs.values())}
    state = {k: v for k, v in ck.state.items() if k in ("step", "best_val_loss", "val_loss", "mode", "answer_after",
                                                         "settings", "corpus_sha256", "train_tokens")}
    state["reader"] = {"recipe": recipe}
    state["prompt_template"] = DATASETS[STAGES[-1][1]][0][0]
    if os.path.exists(figures):  # reader_eval.py --out: the figures of each base, without its questions
        results = json.load(open(figures))["results"]
        state["reader"]["heldout"] = [{k: v for k, v in r.items() if k != "rows"} for r in results]
    os.makedirs(os.path.dirname(SHIPPED), exist_ok=True)
    save_model(SHIPPED, ck.model, ck.vocab, ck.mode, state)
    print(f"shipped {SHIPPED} ({os.path.getsize(SHIPPED) / 1e6:.1f} MB, fingerprint {ck.fingerprint[:12]})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stage", choices=("data", "train", "ship"))
    parser.add_argument("--out", default=os.path.join(ROOT, "out", "reader"))
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--dataset", action="append", default=[], choices=list(DATASETS),
                        help="data: write only this data set (default: all)")
    parser.add_argument("--trial", action="append", default=[], choices=[t[0] for t in TRIALS],
                        help="train: also run this trial stage (not shipped) after the stages")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    {"data": make_data, "train": train, "ship": ship}[args.stage](args)


if __name__ == "__main__":
    main()
