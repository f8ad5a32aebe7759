"""A training step on every core of one process: the batch cut into S shards, each run forward and
backward by a replica of the model that shares its weights and keeps gradients of its own, on a
thread of its own; the shards' gradients then summed in shard order, each weighted by its share of
the batch's tokens, so the step is the one a single pass over the whole batch takes (up to float
rounding). A step's bytes depend on S, which the run records, never on how many threads ran it.

NumPy releases the GIL inside its loops and BLAS calls, so the shards' threads run at once. BLAS
runs one thread each meanwhile (threadpoolctl): OpenBLAS's own workers, spinning between calls,
would otherwise fight the shards for the same cores.
"""

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .distributed import cores_per_rank

# A shard must hold this many activations a layer (rows x block x width) for a thread of its own to
# pay for the GIL it waits for between NumPy calls (measured: docs/BENCHMARKS.md, "Every core in one process").
MIN_SHARD_WORK = 1 << 15


def cut_rows(x, y, shards):
    """A batch of rows (x, y) in `shards` parts of consecutive rows, as a step's shards take them."""
    return [(x[part], y[part]) for part in np.array_split(np.arange(len(x)), shards)]


def default_shards(config, batch_size, cores=None):
    """As many shards as this rank has cores, where each still holds enough work; else 1."""
    cores = cores_per_rank() if cores is None else cores
    work = batch_size * config.block_size * config.n_embd
    return max(1, min(cores, batch_size, work // MIN_SHARD_WORK))


class ShardPool:
    """`shards` workers, each (model, the weights that train) with gradients of its own (the model
    itself where there is one shard), run on up to `threads` threads (default: this rank's cores)."""

    def __init__(self, model, weights, shards, threads=None):
        if shards == 1:
            self.workers = [(model, weights)]
        else:
            replicas = [model.replica() for _ in range(shards)]
            self.workers = [(r, r if weights is model else r.adapter) for r in replicas]
        self.grads = weights.grads
        self.threads = max(1, min(shards, cores_per_rank() if threads is None else threads))
        self._executor = self._blas = None

    def __enter__(self):
        if self.threads > 1:
            from threadpoolctl import threadpool_limits

            self._blas = threadpool_limits(1, user_api="blas")
            self._executor = ThreadPoolExecutor(self.threads, thread_name_prefix="mgpt-shard")
        return self

    def __exit__(self, *exc):
        if self._executor is not None:
            self._executor.shutdown()
            self._blas.restore_original_limits()
            self._executor = self._blas = None

    def _each(self, fn, count):
        """[fn(worker, item) for item in range(count)]: item i on worker i % workers, each worker on
        one thread and its items in order, so the results are the same whatever the threads."""
        n = len(self.workers)
        if self._executor is None:
            return [fn(i % n, i) for i in range(count)]
        lanes = [[i for i in range(count) if i % n % self.threads == t] for t in range(self.threads)]
        errors = np.geterr()  # a thread starts with NumPy's defaults, not its caller's

        def run_lane(items):
            with np.errstate(**errors):
                return [fn(i % n, i) for i in items]

        out = [None] * count
        for items, results in zip(lanes, self._executor.map(run_lane, lanes)):
            for i, result in zip(items, results):
                out[i] = result
        return out

    def train(self, batches, rngs, scored):
        """Forward and backward of batch i (one per worker) with rngs[i]; leaves the token-weighted
        sum of the workers' gradients in the trained weights' and returns (mean loss, tokens)."""
        def run(w, i):
            model, weights = self.workers[w]
            x, y = batches[i]
            weights.grads[...] = 0
            _, loss, cache = model.forward(x, y, rng=rngs[i])
            model.backward(cache)
            return loss, scored(y)

        results = self._each(run, len(batches))
        if len(results) == 1:
            return results[0]
        tokens = sum(n for _, n in results)
        if tokens == 0:
            return float("nan"), 0
        shares = [n / tokens for _, n in results]
        cut = np.linspace(0, self.grads.size, self.threads + 1).astype(int)
        self._each(lambda _, part: self._weighted_sum(shares, slice(cut[part], cut[part + 1])), self.threads)
        return sum(loss * share for (loss, _), share in zip(results, shares) if share), tokens

    def _weighted_sum(self, shares, here):
        """grads[here] = the sum of shares[i] x worker i's gradients there, in worker order (a shard
        with nothing scored adds nothing)."""
        out, first, dtype = self.grads[here], True, self.grads.dtype.type
        for (_, weights), share in zip(self.workers, shares):
            if not share:
                continue
            if first:
                np.multiply(weights.grads[here], dtype(share), out=out)
                first = False
            else:
                out += weights.grads[here] * dtype(share)

    def losses(self, batches, scored):
        """[(mean loss, tokens)] of each batch without dropout, spread over the workers."""
        def run(w, i):
            x, y = batches[i]
            _, loss, _ = self.workers[w][0].forward(x, y, for_backward=False)
            return loss, scored(y)

        return self._each(run, len(batches))


def thread_note(pool):
    """What a run of several shards says of them."""
    shards = len(pool.workers)
    if pool.threads > 1:
        return f"{shards} shards a step on {pool.threads} threads, BLAS at 1 thread each"
    return f"{shards} shards a step, one after another (1 core)"
