"""The training loop: batches -> forward/backward -> (all-reduce) -> clip -> AdamW, evaluation,
checkpoints, signals.

Everything a resumed run needs (weights, Adam moments, step, the RNG that orders the data and
draws dropout, best val loss) goes into every checkpoint, so an interrupted run resumed from
its `-last` file ends with the same bytes as one that was never interrupted.

Under MPI (distributed.py) every rank runs this loop on its own batches; the gradients are
averaged, weighted by tokens, so N ranks with batch b take the step one process would take with
batch N x b. Every decision (stop, save, best) is taken from reduced numbers, so ranks agree.
"""

import json
import math
import os
import sys
import time
from dataclasses import asdict
from typing import NamedTuple

import numpy as np
from tqdm import tqdm

from . import distributed
from .data import rank_rng
from .errors import AgreedStop, MgptError
from .evaluate import estimate_losses
from .optim import AdamW, clip_grad_norm, learning_rate
from .options import flag
from .runtime import tune_allocator
from .shards import ShardPool
from .stop_signals import StopSignals


class Trainable(NamedTuple):
    """The flat buffers the optimizer works on: the whole model's, or only an adapter's (so under
    MPI only the adapter's gradients travel)."""
    params: np.ndarray
    grads: np.ndarray
    decay_mask: np.ndarray  # True where weight decay applies
    weights: object  # the parameters.FlatParameters they belong to (a shard's replica has its own grads)

    @classmethod
    def of(cls, weights):
        """Every parameter of `weights` (parameters.FlatParameters), decay on its matrices."""
        return cls(weights.params, weights.grads, weights.decay_mask(), weights)


class Resume(NamedTuple):
    """What a checkpoint hands a resumed run: its saved state and its Adam moments."""
    state: dict
    m: np.ndarray
    v: np.ndarray


class TrainingInterrupted(Exception):
    """Raised after the state was saved on SIGINT/SIGTERM; exit code 128 + signal number."""

    def __init__(self, signum, step, path):
        super().__init__(f"interrupted at step {step}; state saved to {path}")
        self.signum, self.step, self.path = signum, step, path


def last_path(out_path):
    root, ext = os.path.splitext(out_path)
    return f"{root}-last{ext or '.npz'}"


def average_over_ranks(world, grads, loss, tokens):
    """Averages the gradients over every rank's tokens, as one process's loss over all of them;
    returns (loss, tokens) over all ranks and the seconds the gradients' Allreduce took.

    Each rank's loss is a mean over its own n_r tokens; scaled by n_r / N and summed, the
    gradients are those of the mean over all N tokens, padding or not. One small reduction
    carries the token counts and losses, one in-place Allreduce the gradients.
    """
    stats = np.array([tokens, loss * tokens], dtype=np.float64)
    world.allreduce(stats)
    total = stats[0]
    grads *= np.float32(tokens / total)
    t0 = time.perf_counter()
    world.allreduce(grads)
    return float(stats[1] / total), int(total), time.perf_counter() - t0


class _Progress:
    """What a run shows and records: the progress bar, the evaluation lines on stderr, the JSON log.

    Only rank 0 shows or logs anything; the others get quiet=True and no log_path.
    """

    def __init__(self, log_path, quiet, describe, on_record=None):
        self.log_path, self.quiet, self.describe, self.on_record = log_path, quiet, describe, on_record
        self.log_file, self.bar, self.postfix = None, None, {}
        self.started = None  # when the loop starts: evaluations log the time since

    def open(self, step, steps):
        """Appends to the log of a resumed run (step > 0), starts a new one otherwise."""
        self.started = time.perf_counter()
        try:
            self.log_file = open(self.log_path, "a" if step > 0 else "w") if self.log_path else None
        except OSError as e:
            raise MgptError(f"{self.log_path}: cannot write the log ({e.strerror}); choose another --log") from None
        self.bar = tqdm(total=steps, initial=step, disable=self.quiet, file=sys.stderr,
                        unit="step", dynamic_ncols=True, desc=self.describe or None)

    def log(self, record):
        if self.on_record is not None:
            self.on_record(dict(record))
        if self.log_file is not None:
            self.log_file.write(json.dumps(record) + "\n")
            self.log_file.flush()

    def step(self, record):
        self.log(record)
        self.postfix.update(loss=f"{record['loss']:.4f}", lr=f"{record['lr']:.2e}",
                            tok_s=f"{record['tokens_per_s']:,.0f}")

    def evaluation(self, step, losses):
        val = losses.get("val")
        self.log({"event": "eval", "step": step, "train_loss": losses.get("train"), "val_loss": val,
                  "elapsed_s": time.perf_counter() - self.started})
        if val is not None:
            self.postfix["val"] = f"{val:.4f}"
        if not self.quiet:
            self.bar.write(f"step {step}: train loss {losses['train']:.4f}"
                           + (f", val loss {val:.4f}" if val is not None else ""), file=sys.stderr)

    def advance(self):
        self.bar.set_postfix(self.postfix, refresh=False)
        self.bar.update(1)

    def close(self):
        if self.bar is not None:
            self.bar.close()
        if self.log_file is not None:
            self.log_file.close()


def _stop_non_finite(what, step, out_path):
    """Stops before anything is saved, so the checkpoints on disk stay the last good ones. Every
    rank sees the same reduced numbers, so every rank stops here at the same step."""
    kept = out_path if os.path.exists(out_path) else "no checkpoint yet"
    raise AgreedStop(f"{what} at step {step}: training stopped; the last good checkpoint is kept "
                    f"({kept}); lower --lr or --grad-clip")


class _Evaluation:
    """The periodic evaluation and what a run keeps of it (saved in every checkpoint): the best
    and the last val loss, and how many evaluations in a row found no better one. With
    settings.patience, `stopped` says why the run stops early once that many did."""

    def __init__(self, model, train_split, val_split, settings, world, progress, out_path, pool=None):
        if settings.patience and val_split is None:
            raise MgptError(f"{flag('patience')} compares validation losses, and this run holds out none; "
                            f"raise {flag('val_fraction')} or drop {flag('patience')}")
        self.model, self.train_split, self.val_split, self.settings = model, train_split, val_split, settings
        self.world, self.progress, self.out_path, self.pool = world, progress, out_path, pool
        self.best_val_loss, self.last_val_loss = None, None
        self.evals_since_best, self.stopped = 0, None

    def restore(self, state):
        self.best_val_loss = state.get("best_val_loss")
        self.last_val_loss = state.get("val_loss")
        self.evals_since_best = state.get("evals_since_best", 0)

    def state(self):
        return {"best_val_loss": self.best_val_loss, "val_loss": self.last_val_loss,
                "evals_since_best": self.evals_since_best}

    def run(self, step):
        """Estimates the losses at `step` and records the evaluation; returns whether the weights
        are the best yet (always, without a held-out split), which the caller keeps in out_path."""
        losses = estimate_losses(self.model, self.train_split, self.val_split, self.settings, step, self.world,
                                 self.pool)
        for name, value in losses.items():
            if not math.isfinite(value):
                _stop_non_finite(f"the {name} loss became {value}", step, self.out_path)
        val = self.last_val_loss = losses.get("val")
        improved = val is None or self.best_val_loss is None or val < self.best_val_loss
        if val is not None and improved:
            self.best_val_loss = val
        self.evals_since_best = 0 if improved else self.evals_since_best + 1
        self.progress.evaluation(step, losses)
        patience = self.settings.patience
        if patience and self.evals_since_best >= patience and step < self.settings.steps:
            self.stopped = (f"stopped early at step {step}: {patience} evaluation(s) without a better val loss "
                            f"than {self.best_val_loss:.4f} ({flag('patience')} {patience})")
            self.progress.log({"event": "stop", "step": step, "reason": "patience",
                               "evals_since_best": self.evals_since_best, "best_val_loss": self.best_val_loss,
                               "message": self.stopped})
        return improved


class Trainer:
    """Runs (or resumes) one training run of `model`, saving to out_path and its -last file.

    `trainable` (a Trainable) is what the optimizer updates; `save(path, state, optimizer)`
    writes a checkpoint of whatever is being trained; `resume` (a Resume) continues a saved
    run. `world` (distributed.py) is this process's MPI world; only its rank 0 writes files,
    logs and the progress bar (and calls on_record with each record the log gets). With
    settings.patience, the run stops early once that many evaluations in a row found no better
    val loss; `stopped` then says why.
    """

    def __init__(self, model, train_split, val_split, settings, out_path, save_fn, trainable,
                 log_path=None, quiet=False, resume=None, describe="", world=None, on_record=None):
        self.world = world or distributed.world()
        self.model, self.settings = model, settings
        self.train_split = train_split
        self.out_path, self.last_path = out_path, last_path(out_path)
        self.save_fn = save_fn
        self.params, self.grads = trainable.params, trainable.grads
        root = self.world.is_root
        self.quiet = quiet or not root
        if self.world.size > 1:
            describe = (f"{describe} " if describe else "") + \
                f"(batch {self.world.size * settings.batch_size} = {self.world.size} ranks x {settings.batch_size})"
        self.progress = _Progress(log_path if root else None, self.quiet, describe, on_record if root else None)
        self.optimizer = AdamW(self.params.size, settings.beta1, settings.beta2,
                               weight_decay=settings.weight_decay, decay_mask=trainable.decay_mask)
        self.rng = rank_rng(settings.seed, self.world.rank)
        self.step = 0
        self.pool = ShardPool(model, trainable.weights, settings.shards or 1)
        self.evaluation = _Evaluation(model, train_split, val_split, settings, self.world, self.progress, out_path,
                                      self.pool)
        self.allreduce_s = 0.0  # the last step's gradient all-reduce, under MPI
        if resume is not None:
            self._restore(resume)
        for buffer in (self.params, self.optimizer.m, self.optimizer.v):
            self.world.bcast(buffer)  # every rank starts from rank 0's state

    @property
    def best_val_loss(self):
        return self.evaluation.best_val_loss

    @property
    def stopped(self):
        """Why the run stopped early (settings.patience), or None."""
        return self.evaluation.stopped

    def _restore(self, resume):
        state = resume.state
        if resume.m is None or resume.v is None or resume.m.shape != self.params.shape:
            raise MgptError("checkpoint has no optimizer state to resume from")
        self.optimizer.m[...] = resume.m
        self.optimizer.v[...] = resume.v
        self.optimizer.t = state["optimizer_t"]
        self.step = state["step"]
        self.evaluation.restore(state)
        # each rank continues its own stream; a rank the saved run did not have starts a fresh one
        streams = state.get("rng_states") or [state["rng_state"]]
        if self.world.rank < len(streams):
            self.rng.bit_generator.state = streams[self.world.rank]
        else:
            self.rng = rank_rng([self.settings.seed, self.step], self.world.rank)

    def state(self):
        """The resumable state; collective under MPI (rank 0 gathers every rank's RNG)."""
        streams = self.world.gather(self.rng.bit_generator.state)
        state = {
            "step": self.step,
            "optimizer_t": self.optimizer.t,
            **self.evaluation.state(),
            "rng_state": self.rng.bit_generator.state,
            "settings": asdict(self.settings),
        }
        if self.world.size > 1:
            state.update(world_size=self.world.size, rng_states=streams)
        return state

    def _save(self, path):
        state = self.state()
        if self.world.is_root:
            self.save_fn(path, state, self.optimizer)

    def _next_shards(self):
        """The step's batch in its shards, and the rng each shard's dropout draws from: the run's own
        for one shard (a run without dropout leaves it untouched), else one seeded from it per shard."""
        s = self.settings
        shards = s.shards or 1
        batches = self.train_split.sample_shards(s.batch_size, self.model.config.block_size, self.rng, shards)
        if shards == 1:
            return batches, [self.rng]
        return batches, [np.random.default_rng(seed) for seed in self.rng.integers(0, 1 << 63, size=shards)]

    def _train_step(self, lr):
        """One optimizer step; returns (loss, grad norm, tokens), the same on every rank."""
        batches, rngs = self._next_shards()
        loss, tokens = self.pool.train(batches, rngs, self.train_split.scored)
        if self.world.size > 1:
            loss, tokens, self.allreduce_s = average_over_ranks(self.world, self.grads, loss, tokens)
        norm = clip_grad_norm(self.grads, self.settings.grad_clip)
        if not math.isfinite(loss):
            _stop_non_finite(f"the training loss became {loss}", self.step + 1, self.out_path)
        if not math.isfinite(norm):
            _stop_non_finite(f"the gradient norm became {norm}", self.step + 1, self.out_path)
        self.optimizer.step(self.params, self.grads, lr)
        return loss, norm, tokens

    def _one_step(self, stop):
        s = self.settings
        t0 = time.perf_counter()
        signum = self.world.first_signal(stop.signum)
        if signum is not None:
            self._save(self.last_path)
            self.world.barrier()  # the file is whole before any rank exits
            raise TrainingInterrupted(signum, self.step, self.last_path)
        lr = learning_rate(self.step, s.lr, s.min_lr, s.warmup, s.steps)
        loss, norm, tokens = self._train_step(lr)
        self.step += 1
        now = time.perf_counter()
        record = {"event": "step", "step": self.step, "loss": loss, "lr": lr, "grad_norm": norm,
                  "tokens": tokens, "tokens_per_s": tokens / max(now - t0, 1e-9),
                  "elapsed_s": now - self.progress.started}
        if self.world.size > 1:
            record["allreduce_ms"] = self.allreduce_s * 1e3
        self.progress.step(record)
        evaluates = self.step == s.steps or bool(s.eval_every and self.step % s.eval_every == 0)
        if evaluates and self.evaluation.run(self.step):
            self._save(self.out_path)  # the best weights yet
        if evaluates or (s.save_every and self.step % s.save_every == 0):
            self._save(self.last_path)
        self.progress.advance()

    def run(self):
        tune_allocator()
        self.progress.open(self.step, self.settings.steps)
        try:
            # overflow shows up as a non-finite loss, which stops the run with a clear message
            with StopSignals() as stop, self.pool, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                while self.step < self.settings.steps and not self.stopped:
                    self._one_step(stop)
        finally:
            self.progress.close()
        return self
