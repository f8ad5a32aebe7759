"""Run under `mpiexec` by tests/test_mpi.py: the real training code, with a window on every rank.

    python mpi_driver.py cli DUMP [--fail-rank R --fail-step K] [--inf-rank R --inf-step K] [--count-builds 1] -- ARGS...
        runs `mgpt ARGS` (the CLI, as a user would) and has each rank write the parameters it
        trained to DUMP.rankN.npy (with an adapter, the base model's to DUMP.base.rankN.npy); with --fail-rank,
        rank R raises a RuntimeError at step K; with --inf-rank, rank R's own training loss at
        step K is infinite; with --count-builds, each rank writes how many corpora it prepared
        (rather than found prepared) to DUMP.builds.rankN.
    python mpi_driver.py same-batches DUMP MODE GLOBAL_BATCH STEPS
        trains on batches drawn from one RNG shared by every rank: rank r of n takes rows
        r*b:(r+1)*b of each GLOBAL_BATCH (b = GLOBAL_BATCH / n), re-padded as its own batch, so
        n ranks see exactly the data one process sees; writes each rank's gradients and losses.
"""

import sys

import numpy as np

from mgpt import distributed, prepared
from mgpt.model import GPT
from mgpt.loop import Trainable, Trainer

NAMES = ("anna bella carla dora emma fiona greta hanna ida julia karla lena maria nora olga paula "
         "rosa sara tina ursula vera wanda xenia yara zora adam boris carl david emil felix georg "
         "hugo ivan jonas karl leon max nils otto maximiliana alexandrina bartholomew").split()


def cli(dump, argv):
    injected = {}
    while argv[0] != "--":
        injected[argv[0]] = int(argv[1])
        argv = argv[2:]
    run, train_step, forward, build = Trainer.run, Trainer._train_step, GPT.forward, prepared._build
    rank, taking, builds = distributed.world().rank, {}, []

    def dumping_run(self):
        result = run(self)
        np.save(f"{dump}.rank{rank}.npy", self.params)
        if self.model.adapter is not None:
            np.save(f"{dump}.base.rank{rank}.npy", self.model.params)
        if injected.get("--count-builds"):
            with open(f"{dump}.builds.rank{rank}", "w") as f:
                f.write(str(len(builds)))
        return result

    def counted_build(*args):
        builds.append(args)
        return build(*args)

    def failing_step(self, lr):
        taking["step"] = self.step + 1
        if rank == injected.get("--fail-rank") and taking["step"] == injected.get("--fail-step"):
            raise RuntimeError(f"injected failure on rank {rank} at step {taking['step']}")
        return train_step(self, lr)

    def blowing_forward(self, idx, targets=None, rng=None, for_backward=True):
        result = forward(self, idx, targets, rng, for_backward)
        training = targets is not None and rng is not None
        if training and rank == injected.get("--inf-rank") and taking.get("step") == injected.get("--inf-step"):
            return result[0], float("inf"), result[2]
        return result

    Trainer.run, Trainer._train_step, GPT.forward = dumping_run, failing_step, blowing_forward
    prepared._build = counted_build
    from mgpt.cli import main

    sys.argv = ["mgpt", *argv[1:]]
    main()


def same_batches(dump, mode, global_batch, steps):
    from mgpt.data import Vocab, pad_rows, split_corpus
    from mgpt.config import GPTConfig
    from mgpt.model import GPT
    from mgpt.prepared import Corpus
    from mgpt.settings import TrainSettings

    world = distributed.world()
    b = global_batch // world.size
    text = "\n".join(NAMES) + "\n" if mode == "docs" else " ".join(NAMES * 3) + "\n"
    if world.is_root:
        with open(f"{dump}.{mode}.txt", "w") as f:
            f.write(text)
    world.barrier()
    vocab = Vocab.from_text(text, mode)
    config = GPTConfig(vocab_size=len(vocab), n_layer=2, n_head=2, n_embd=16, block_size=8, dropout=0.0)
    with Corpus([f"{dump}.{mode}.txt"], world=world) as corpus:
        train_split, _ = split_corpus(corpus.prepared(), vocab, mode, 0.0, 1, config.block_size)
    model = GPT(config)
    model.init_weights(np.random.default_rng(3))
    shared = np.random.default_rng(11)  # the same draws on every rank
    grads, losses = [], []

    class SameBatches(Trainer):
        def _next_shards(self):
            T = config.block_size
            if mode == "docs":
                rows = [split_corpus_doc(train_split, i, T, shared)
                        for i in shared.integers(0, len(train_split), global_batch)]
            else:
                starts = shared.integers(0, len(train_split) - T, global_batch)
                rows = [train_split.window(0, s, s + T + 1) for s in starts]
            return [pad_rows(rows[world.rank * b:(world.rank + 1) * b])], [self.rng]

        def _train_step(self, lr):
            loss, norm, tokens = super()._train_step(lr)
            grads.append(self.grads.copy())
            losses.append(loss)
            return loss, norm, tokens

    settings = TrainSettings(steps=steps, batch_size=b, lr=1e-2, warmup=0, grad_clip=0.0, eval_every=0,
                             eval_iters=1, seed=5)
    trainer = SameBatches(model, train_split, None, settings, f"{dump}.ckpt.npz", lambda *a: None,
                          Trainable.of(model), quiet=True)
    trainer.run()
    np.savez(f"{dump}.rank{world.rank}.npz", grads=np.array(grads), losses=np.array(losses), params=model.params)


def split_corpus_doc(split, i, T, rng):
    """Document i as DocsSplit.sample cuts it: whole, or a random window of T + 1 when longer."""
    size = int(split.rows[i][1]) + 2
    if size > T + 1:
        start = int(rng.integers(0, size - T))
        return split.window(i, start, start + T + 1)
    return split.window(i, 0, size)


if __name__ == "__main__":
    if sys.argv[1] == "cli":
        cli(sys.argv[2], sys.argv[3:])
    else:
        same_batches(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
