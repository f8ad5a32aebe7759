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
import signal
import sys
import time
from dataclasses import asdict, dataclass

import numpy as np
from tqdm import tqdm

from . import distributed
from .data import eval_windows, pad_rows, sample_batch
from .kernels import IGNORE_INDEX
from .errors import MgptError
from .optim import AdamW, clip_grad_norm, learning_rate
from .runtime import tune_allocator


@dataclass
class TrainSettings:
    steps: int = 2000
    batch_size: int = 12
    lr: float = 1e-3
    min_lr: float = 1e-4
    warmup: int = 100
    beta1: float = 0.9
    beta2: float = 0.99
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    eval_every: int = 250
    eval_iters: int = 20
    save_every: int = 0
    seed: int = 1337


class TrainingInterrupted(Exception):
    """Raised after the state was saved on SIGINT/SIGTERM; exit code 128 + signal number."""

    def __init__(self, signum, step, path):
        super().__init__(f"interrupted at step {step}; state saved to {path}")
        self.signum, self.step, self.path = signum, step, path


def last_path(out_path):
    root, ext = os.path.splitext(out_path)
    return f"{root}-last{ext or '.npz'}"


class _StopSignals:
    """Turns SIGINT/SIGTERM into a flag the loop checks between steps, so a save is never torn."""

    def __init__(self):
        self.signum = None
        self._old = {}

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[sig] = signal.signal(sig, self._handle)
            except ValueError:  # not the main thread: leave signals alone
                pass
        return self

    def _handle(self, signum, frame):
        self.signum = signum

    def __exit__(self, *exc):
        for sig, handler in self._old.items():
            signal.signal(sig, handler)


def rank_rng(entropy, rank):
    """Rank 0 draws a single process's stream; rank r a child of it (NumPy's spawn key r).

    So one seed gives every rank its own batches and dropout masks, and a 1-rank run is exactly
    the single-process run.
    """
    if rank == 0:
        return np.random.default_rng(entropy)
    return np.random.default_rng(np.random.SeedSequence(entropy, spawn_key=(rank,)))


def loss_sums(model, batches):
    """(sum of per-token losses, token count) of (x, y) batches, without dropout."""
    total, count = 0.0, 0
    for x, y in batches:
        _, loss, _ = model.forward(x, y, for_backward=False)
        n = int(np.count_nonzero(y != IGNORE_INDEX))
        total += loss * n
        count += n
    return total, count


def mean_loss(model, batches):
    """Token-weighted mean loss of (x, y) batches, without dropout."""
    total, count = loss_sums(model, batches)
    return total / max(count, 1)


def evaluate_split(model, split, batch_size=32):
    """Mean loss over every character of a split (consecutive block windows); see eval_windows."""
    tune_allocator()
    rows, starts = eval_windows(split, model.config.block_size)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))  # similar lengths batch with little padding
    batches = (pad_rows([rows[i] for i in chunk], [starts[i] for i in chunk])
               for chunk in (order[j:j + batch_size] for j in range(0, len(order), batch_size)))
    return mean_loss(model, batches)


def estimate_losses(model, train_split, val_split, settings, step, world=distributed.Single()):
    """Mean loss over eval_iters random batches per split and rank, from an RNG of its own (seed,
    step, rank): token-weighted over every rank's batches, so every rank gets the same figures."""
    rng = rank_rng([settings.seed, step, 1], world.rank)
    T = model.config.block_size
    names, sums = [], []
    for name, split in (("train", train_split), ("val", val_split)):
        if split is None or len(split) == 0:
            continue
        batches = [sample_batch(split, settings.batch_size, T, rng) for _ in range(settings.eval_iters)]
        names.append(name)
        sums.extend(loss_sums(model, batches))
    sums = np.array(sums, dtype=np.float64)
    world.allreduce(sums)
    return {name: float(sums[2 * i] / max(sums[2 * i + 1], 1)) for i, name in enumerate(names)}


class Trainer:
    """Runs (or resumes) one training run of `model`, saving to out_path and its -last file.

    `trainable` is the flat (params, grads, decay_mask) triple the optimizer works on: the whole
    model for training, only the adapter for LoRA (so under MPI only the adapter's gradients
    travel). `save(path, state, optimizer)` writes a checkpoint of whatever is being trained.
    `world` (distributed.py) is this process's MPI world; only its rank 0 writes files, logs
    and the progress bar.
    """

    def __init__(self, model, train_split, val_split, settings, out_path, save_fn, trainable,
                 log_path=None, quiet=False, resume=None, describe="", world=None):
        self.world = world or distributed.world()
        self.model, self.settings = model, settings
        self.train_split, self.val_split = train_split, val_split
        self.out_path, self.last_path = out_path, last_path(out_path)
        self.save_fn = save_fn
        self.params, self.grads, decay_mask = trainable
        root = self.world.is_root
        self.log_path, self.quiet = (log_path if root else None), (quiet or not root)
        self.describe = describe
        if self.world.size > 1:
            self.describe = (f"{describe} " if describe else "") + \
                f"(batch {self.world.size * settings.batch_size} = {self.world.size} ranks x {settings.batch_size})"
        self.optimizer = AdamW(self.params.size, settings.beta1, settings.beta2,
                               weight_decay=settings.weight_decay, decay_mask=decay_mask)
        self.rng = rank_rng(settings.seed, self.world.rank)
        self.step, self.best_val_loss, self.last_val_loss = 0, None, None
        if resume is not None:
            self._restore(resume)
        for buffer in (self.params, self.optimizer.m, self.optimizer.v):
            self.world.bcast(buffer)  # every rank starts from rank 0's state

    def _restore(self, resume):
        state, m, v = resume
        if m is None or v is None or m.shape != self.params.shape:
            raise MgptError("checkpoint has no optimizer state to resume from")
        self.optimizer.m[...] = m
        self.optimizer.v[...] = v
        self.optimizer.t = state["optimizer_t"]
        self.step = state["step"]
        self.best_val_loss = state.get("best_val_loss")
        self.last_val_loss = state.get("val_loss")
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
            "best_val_loss": self.best_val_loss,
            "val_loss": self.last_val_loss,
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

    def _log(self, record):
        if self.log_file is not None:
            self.log_file.write(json.dumps(record) + "\n")
            self.log_file.flush()

    def _next_batch(self):
        s = self.settings
        return sample_batch(self.train_split, s.batch_size, self.model.config.block_size, self.rng)

    def _train_step(self, lr):
        """One optimizer step; returns (loss, grad norm, tokens), the same on every rank."""
        s, cfg = self.settings, self.model.config
        x, y = self._next_batch()
        self.grads[...] = 0
        adapter = self.model.adapter
        uses_dropout = cfg.dropout > 0 or (adapter is not None and adapter.dropout > 0)
        dropout_rng = self.rng if uses_dropout else None
        _, loss, cache = self.model.forward(x, y, rng=dropout_rng)
        self.model.backward(cache)
        tokens = int(np.count_nonzero(y != IGNORE_INDEX))
        if self.world.size > 1:
            loss, tokens = self._all_reduce(loss, tokens)
        norm = clip_grad_norm(self.grads, s.grad_clip)
        if not math.isfinite(loss):
            self._stop_non_finite(f"the training loss became {loss}", self.step + 1)
        if not math.isfinite(norm):
            self._stop_non_finite(f"the gradient norm became {norm}", self.step + 1)
        self.optimizer.step(self.params, self.grads, lr)
        return loss, norm, tokens

    def _all_reduce(self, loss, tokens):
        """Averages the gradients over every rank's tokens, as one process's loss over all of them.

        Each rank's loss is a mean over its own n_r tokens; scaled by n_r / N and summed, the
        gradients are those of the mean over all N tokens, padding or not. One small reduction
        carries the token counts and losses, one in-place Allreduce the gradients.
        """
        stats = np.array([tokens, loss * tokens], dtype=np.float64)
        self.world.allreduce(stats)
        total = stats[0]
        self.grads *= np.float32(tokens / total)
        t0 = time.perf_counter()
        self.world.allreduce(self.grads)
        self.allreduce_s = time.perf_counter() - t0
        return float(stats[1] / total), int(total)

    def _stop_signal(self, stop):
        """The signal to stop on before this step, or None: under MPI, as soon as any rank got one,
        so every rank stops at the same step (the launcher forwards a signal to all, not at once)."""
        if self.world.size == 1:
            return stop.signum
        flags = np.array([stop.signum is not None, stop.signum or 0], dtype=np.float64)
        self.world.allreduce(flags)
        signalled = int(flags[0])
        return (stop.signum or int(flags[1]) // signalled) if signalled else None

    def _stop_non_finite(self, what, step):
        """Stops before anything is saved, so the checkpoints on disk stay the last good ones."""
        kept = self.out_path if os.path.exists(self.out_path) else "no checkpoint yet"
        raise MgptError(f"{what} at step {step}: training stopped; the last good checkpoint is kept "
                        f"({kept}); lower --lr or --grad-clip")

    def _evaluate(self):
        losses = estimate_losses(self.model, self.train_split, self.val_split, self.settings, self.step, self.world)
        for name, value in losses.items():
            if not math.isfinite(value):
                self._stop_non_finite(f"the {name} loss became {value}", self.step)
        val = losses.get("val")
        self.last_val_loss = val
        improved = val is None or self.best_val_loss is None or val < self.best_val_loss
        if val is not None and improved:
            self.best_val_loss = val
        self._log({"event": "eval", "step": self.step, "train_loss": losses.get("train"), "val_loss": val,
                   "elapsed_s": time.perf_counter() - self.started})
        return losses, improved

    def run(self):
        tune_allocator()
        s = self.settings
        start_step = self.step
        self.started = time.perf_counter()
        mode = "a" if start_step > 0 else "w"
        try:
            self.log_file = open(self.log_path, mode) if self.log_path else None
        except OSError as e:
            raise MgptError(f"{self.log_path}: cannot write the log ({e.strerror}); choose another --log") from None
        bar = tqdm(total=s.steps, initial=start_step, disable=self.quiet, file=sys.stderr,
                   unit="step", dynamic_ncols=True, desc=self.describe or None)
        postfix = {}
        try:
            # overflow shows up as a non-finite loss, which stops the run with a clear message
            with _StopSignals() as stop, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                while self.step < s.steps:
                    t0 = time.perf_counter()
                    signum = self._stop_signal(stop)
                    if signum is not None:
                        self._save(self.last_path)
                        self.world.barrier()  # the file is whole before any rank exits
                        raise TrainingInterrupted(signum, self.step, self.last_path)
                    lr = learning_rate(self.step, s.lr, s.min_lr, s.warmup, s.steps)
                    loss, norm, tokens = self._train_step(lr)
                    self.step += 1
                    tok_s = tokens / max(time.perf_counter() - t0, 1e-9)
                    record = {"event": "step", "step": self.step, "loss": loss, "lr": lr,
                              "grad_norm": norm, "tokens_per_s": tok_s}
                    if self.world.size > 1:
                        record["allreduce_ms"] = self.allreduce_s * 1e3
                    self._log(record)
                    postfix.update(loss=f"{loss:.4f}", lr=f"{lr:.2e}", tok_s=f"{tok_s:,.0f}")
                    last_step = self.step == s.steps
                    if (s.eval_every and self.step % s.eval_every == 0) or last_step:
                        losses, improved = self._evaluate()
                        if "val" in losses:
                            postfix["val"] = f"{losses['val']:.4f}"
                        if improved:
                            self._save(self.out_path)
                        if not self.quiet:
                            val = losses.get("val")
                            bar.write(f"step {self.step}: train loss {losses['train']:.4f}"
                                      + (f", val loss {val:.4f}" if val is not None else ""),
                                      file=sys.stderr)
                    if last_step or (s.save_every and self.step % s.save_every == 0) or \
                            (s.eval_every and self.step % s.eval_every == 0):
                        self._save(self.last_path)
                    bar.set_postfix(postfix, refresh=False)
                    bar.update(1)
        finally:
            bar.close()
            if self.log_file is not None:
                self.log_file.close()
        return self


def evaluate_text(model, vocab, mode, text, answer_after=None):
    """Loss over every character of text, as `mgpt eval` reports it (see eval_windows); with
    answer_after (a model trained with --answer-after), over each line's answer only."""
    from .data import Split, answer_starts, encode_docs, fed_text

    vocab.check_known(fed_text(text, mode), "corpus")
    if mode == "docs":
        split = Split(docs=encode_docs(text, vocab),
                      scored_from=answer_starts(text, answer_after) if answer_after else None)
    else:
        split = Split(stream=vocab.encode(text))
    if split.num_tokens == 0 or (split.stream is not None and len(split.stream) < 2):
        raise MgptError("corpus is too short to evaluate: it needs at least two characters")
    loss = evaluate_split(model, split)
    return {"loss": loss, "bpc": loss / math.log(2), "perplexity": math.exp(loss),
            "characters": split.num_tokens, "mode": mode}
