#!/usr/bin/env python3
"""Train a span reader (mgpt/span_reader.py) on example files (mgpt/pairs.py's JSON lines).

    python scripts/train_span_reader.py out/spans/ed5.jsonl -o out/spans/a.npz --steps 2000 --save-every 50
    python scripts/train_span_reader.py out/spans/ed5.jsonl -o out/spans/a.npz --resume out/spans/a-last.npz

The training loop is mgpt's (train.Trainer: AdamW, cosine schedule, evaluation, -last checkpoints,
Ctrl-C saves, byte-exact resume). Validation is a seeded 1% of the examples.
"""

import argparse
import json
import os
import sys
from dataclasses import asdict

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from mgpt.checkpoint import load_model, save_model  # noqa: E402
from mgpt.data import CHARSETS, Vocab  # noqa: E402
from mgpt.pairs import PairSplit, read_examples  # noqa: E402
from mgpt.settings import TrainSettings  # noqa: E402
from mgpt.span_reader import SpanReader, SpanReaderConfig  # noqa: E402
from mgpt.train import Resume, Trainable, Trainer, TrainingInterrupted  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="+")
    parser.add_argument("-o", "--out", required=True)
    parser.add_argument("--n-layer", type=int, default=4)
    parser.add_argument("--n-head", type=int, default=4)
    parser.add_argument("--n-embd", type=int, default=128)
    parser.add_argument("--block-size", type=int, default=320)
    parser.add_argument("--dropout", type=float, default=0.0)
    parser.add_argument("--attention", default="both", choices=("both", "causal", "split"))
    parser.add_argument("--no-match", action="store_true", help="no question-match types (ablation)")
    parser.add_argument("--init", help="start from this reader's weights")
    parser.add_argument("--resume")
    parser.add_argument("--log")
    parser.add_argument("--val-fraction", type=float, default=0.01)
    parser.add_argument("-q", "--quiet", action="store_true")
    for name, value in asdict(TrainSettings(batch_size=16, eval_iters=10, eval_every=200)).items():
        parser.add_argument("--" + name.replace("_", "-"), type=type(value), default=value)
    args = parser.parse_args()

    examples = [e for path in args.data for e in read_examples(path)]
    order = np.random.default_rng([args.seed, 7]).permutation(len(examples))
    n_val = int(round(len(examples) * args.val_fraction))
    val = [examples[i] for i in order[:n_val]]
    train = [examples[i] for i in order[n_val:]]
    settings = TrainSettings(**{k: getattr(args, k) for k in asdict(TrainSettings())})
    resume, state = None, {}
    if args.resume or args.init:
        ck = load_model(args.resume or args.init)
        model, vocab = ck.model, ck.vocab
        if args.resume:
            resume = Resume(ck.state, ck.optim_m, ck.optim_v)
            state = {k: v for k, v in ck.state.items() if k in ("init_from", "data")}
        else:
            state = {"init_from": {"path": args.init, "fingerprint": ck.fingerprint}}
    else:
        vocab = Vocab(CHARSETS["latin"])
        config = SpanReaderConfig(vocab_size=len(vocab), n_layer=args.n_layer, n_head=args.n_head,
                                  n_embd=args.n_embd, block_size=args.block_size, dropout=args.dropout,
                                  attention=args.attention, match_features=not args.no_match)
        model = SpanReader(config)
        model.init_weights(np.random.default_rng([settings.seed, 0]))
    state.setdefault("data", [os.path.relpath(p, ROOT) for p in args.data])
    match = model.config.match_features
    train_split = PairSplit(train, vocab, match)
    val_split = PairSplit(val, vocab, match)

    def save(path, run_state, optimizer):
        save_model(path, model, vocab, "pairs", {**run_state, **state}, optimizer)

    if not args.quiet:
        c = model.config
        print(f"{model.num_params:,} parameters ({c.n_layer} layers, {c.n_head} heads, {c.n_embd} wide, block "
              f"{c.block_size}, attention {c.attention}, "
              f"{'question-match types' if c.match_features else 'no match types'}); {len(train):,} training "
              f"and {len(val):,} validation questions", file=sys.stderr)
    trainer = Trainer(model, train_split, val_split, settings, args.out, save, Trainable.of(model),
                      log_path=args.log, quiet=args.quiet, resume=resume, describe="span reader")
    try:
        trainer.run()
    except TrainingInterrupted as e:
        print(str(e), file=sys.stderr)
        sys.exit(128 + e.signum)
    print(json.dumps({"step": trainer.step, "best_val_loss": trainer.best_val_loss}))


if __name__ == "__main__":
    main()
