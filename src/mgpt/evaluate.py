"""Losses of a model on text: the training loop's periodic estimate and `mgpt eval`'s full pass.

Evaluation runs without dropout and keeps no activations for a backward pass. It knows
nothing of the optimizer or the loop, so `mgpt eval` never loads them.
"""

import math
from itertools import chain, islice

import numpy as np

from . import distributed
from .data import fed_chars, rank_rng, scored as count_scored, whole_corpus
from .errors import MgptError
from .runtime import tune_allocator


def loss_sums(model, batches, scored=count_scored):
    """(sum of per-token losses, token count) of (x, y) batches, without dropout; scored(y) counts
    what a batch's loss is a mean over."""
    return summed((model.forward(x, y, for_backward=False)[1], scored(y)) for x, y in batches)


def summed(losses):
    """(sum of per-token losses, token count) of (mean loss, count) pairs, added in their order."""
    total, count = 0.0, 0
    for loss, n in losses:
        total += loss * n
        count += n
    return total, count


def mean_loss(model, batches):
    """Token-weighted mean loss of (x, y) batches, without dropout."""
    total, count = loss_sums(model, batches)
    return total / max(count, 1)


def evaluate_split(model, split, batch_size=32):
    """Mean loss over every scored character of a split (its whole_batches: consecutive block
    windows, shortest first, so that similar rows share a batch with little padding)."""
    tune_allocator()
    return mean_loss(model, split.whole_batches(model.config.block_size, batch_size))


def estimate_losses(model, train_split, val_split, settings, step, world=distributed.Single(), pool=None):
    """Mean loss over eval_iters random batches per split and rank, from an RNG of its own (seed,
    step, rank): token-weighted over every rank's batches, so every rank gets the same figures.
    With settings.full_val, the val loss is instead over the whole split (its batches dealt out
    to the ranks in turn). A shards.ShardPool spreads the batches over its threads (the same
    figures, added in order)."""
    rng = rank_rng([settings.seed, step, 1], world.rank)
    T = model.config.block_size
    names, sums = [], []
    for name, split in (("train", train_split), ("val", val_split)):
        if split is None or len(split) == 0:
            continue
        if name == "val" and settings.full_val:
            batches = islice(split.whole_batches(T, settings.batch_size), world.rank, None, world.size)
        else:
            batches = (split.sample(settings.batch_size, T, rng) for _ in range(settings.eval_iters))
        names.append(name)
        sums.extend(_loss_sums(model, batches, split.scored, pool))
    sums = np.array(sums, dtype=np.float64)
    world.allreduce(sums)
    return {name: float(sums[2 * i] / max(sums[2 * i + 1], 1)) for i, name in enumerate(names)}


def _loss_sums(model, batches, scored, pool, group=16):
    """loss_sums of batches, on the pool's threads in groups of `group` when there is a pool."""
    if pool is None:
        return loss_sums(model, batches, scored)
    groups = iter(lambda: list(islice(batches, group)), [])
    return summed(chain.from_iterable(pool.losses(g, scored) for g in groups))


def evaluate_corpus(model, vocab, mode, corpus, answer_after=None):
    """Loss over every character of a prepared corpus, as `mgpt eval` reports it (see eval_windows);
    with answer_after (a model trained with --answer-after), over each line's answer only."""
    vocab.check_known(fed_chars(corpus.chars, mode), "corpus")
    split = whole_corpus(corpus, vocab, mode, answer_after)
    if split.num_tokens == 0:
        raise MgptError("corpus is too short to evaluate: it needs at least two characters")
    loss = evaluate_split(model, split)
    return {"loss": loss, "bpc": loss / math.log(2), "perplexity": math.exp(loss),
            "characters": split.num_tokens, "mode": mode}
