"""Data-parallel training under a real `mpiexec -n 2`: agreement, equivalence, failures, resume.

Each launch runs in its own session with a timeout that kills the whole process group, so a
hang fails the test instead of the suite. Models are tiny; the file runs in well under a minute.
"""

import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "mpi_driver.py")
MPIEXEC = shutil.which("mpiexec", path=os.path.dirname(sys.executable)) or shutil.which("mpiexec")
HAVE_MPI = importlib.util.find_spec("mpi4py") is not None and MPIEXEC is not None
needs_mpi = pytest.mark.skipif(not HAVE_MPI, reason="needs mpi4py and an mpiexec: pip install -e '.[mpi]' "
                                                    "(make test installs it)")
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
       "PYTHONIOENCODING": "utf-8"}
for name in ("PMI_SIZE", "PMI_RANK", "OMPI_COMM_WORLD_SIZE"):  # the tests launch their own worlds
    ENV.pop(name, None)
TIMEOUT = 90  # a hang, not a slow machine: every launch here takes seconds
TINY = ["--n-layer", "1", "--n-embd", "16", "--n-head", "2", "--block-size", "8", "--batch-size", "4",
        "--eval-iters", "2", "--warmup", "5"]
NAMES = "\n".join("anna bella carla dora emma fiona greta hanna ida julia karla lena maria nora olga paula "
                  "rosa sara tina ursula vera wanda xenia yara zora adam boris carl david emil felix georg "
                  "hugo ivan jonas karl leon max nils otto".split()) + "\n"
MGPT = [sys.executable, "-m", "mgpt"]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def launch(cmd, cwd, stdin=None, env=ENV, timeout=TIMEOUT):
    """Runs cmd in a new session; past the timeout the whole process group is killed."""
    started = time.monotonic()
    cmd = [str(part) for part in cmd]
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = p.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        pytest.fail(f"{' '.join(cmd)} still ran after {timeout}s: a hang\n{err[-3000:]}")
    return Run(p.returncode, out, err, time.monotonic() - started)


def mpi(*args, n=2):
    return [MPIEXEC, "-n", str(n), *map(str, args)]


def ok(run):
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stderr[-3000:]}"
    return run


def state_of(path):
    with np.load(path, allow_pickle=False) as npz:
        return json.loads(str(npz["state"])), npz["params/wte"].copy()


@pytest.fixture
def work(tmp_path):
    (tmp_path / "names.txt").write_text(NAMES)
    return tmp_path


# --- agreement and equivalence ------------------------------------------------------------

@needs_mpi
def test_ranks_hold_identical_parameters_and_only_rank_0_writes(work):
    """Dropout differs per rank (its own RNG), yet every step leaves the ranks bit-identical."""
    run = ok(launch(mpi(sys.executable, DRIVER, "cli", "dump", "--", "train", "names.txt", "-o", "m.npz",
                        *TINY, "--steps", "25", "--eval-every", "10", "--dropout", "0.1", "--log", "m.jsonl"),
                    cwd=work))
    rank0, rank1 = np.load(work / "dump.rank0.npy"), np.load(work / "dump.rank1.npy")
    assert rank0.tobytes() == rank1.tobytes()
    state, wte = state_of(work / "m-last.npz")
    assert state["step"] == 25 and state["world_size"] == 2 and len(state["rng_states"]) == 2
    assert state["rng_states"][0] != state["rng_states"][1]  # each rank drew its own batches
    assert np.array_equal(wte.ravel(), rank0[:wte.size])
    # notes and the log come from rank 0 alone; the log has one line per step and evaluation
    assert run.stderr.count("data-parallel on 2 ranks: batch 4 per rank, 8 per step") == 1
    assert run.stderr.count("mgpt: done:") == 1 and "(batch 8 = 2 ranks x 4)" in run.stderr
    records = [json.loads(line) for line in (work / "m.jsonl").read_text().splitlines()]
    steps = [r for r in records if r["event"] == "step"]
    assert [r["step"] for r in steps] == list(range(1, 26)) and all("allreduce_ms" in r for r in steps)
    assert [r["step"] for r in records if r["event"] == "eval"] == [10, 20, 25]
    assert sorted(os.listdir(work)) == ["dump.rank0.npy", "dump.rank1.npy", "m-last.npz", "m.jsonl",
                                        "m.npz", "names.txt"]
    # each step's tokens are both ranks' (one rank's 4 rows of 8 hold 32 at most), and the log draws
    assert sum(r["tokens"] for r in steps) > 25 * 32
    if importlib.util.find_spec("matplotlib") is not None:  # the plot extra (tests/test_plot.py: the curves)
        ok(launch([*MGPT, "plot", "m.jsonl", "--x", "tokens", "--lr", "-o", "m.png"], cwd=work))


@needs_mpi
def test_full_val_deals_the_validation_split_out_to_the_ranks(work):
    """Each rank scores its turn of the split's batches; the reduced figure is the whole split's."""
    from mgpt.checkpoint import load_model
    from mgpt.data import split_corpus
    from mgpt.evaluate import evaluate_split
    from mgpt.prepared import Corpus

    ok(launch(mpi(*MGPT, "train", "names.txt", "-o", "m.npz", *TINY, "--batch-size", "2", "--mode", "docs",
                  "--steps", "20", "--eval-every", "10", "--full-val", "--log", "m.jsonl", "-q"), cwd=work))
    last = load_model(str(work / "m-last.npz"))
    with Corpus([str(work / "names.txt")]) as corpus:
        _, val = split_corpus(corpus.prepared(), last.vocab, "docs", 0.1, 1337, 8)
    assert len(list(val.whole_batches(8, 2))) == 2  # a batch for each rank
    evals = [json.loads(line) for line in (work / "m.jsonl").read_text().splitlines() if '"eval"' in line]
    assert evals[-1]["val_loss"] == pytest.approx(evaluate_split(last.model, val), rel=1e-6)


@needs_mpi
@pytest.mark.parametrize("mode", ["docs", "stream"])
def test_rank_0_prepares_the_corpus_and_every_rank_reads_it(work, mode):
    """Rank 0 prepares while the other waits, then finds it prepared: one entry, one preparation,
    the same bytes as one process trains (the corpus as every rank reads it is the same)."""
    env = {**ENV, "MGPT_CACHE": str(work / "cache")}
    ok(launch(mpi(sys.executable, DRIVER, "cli", "dump", "--count-builds", "1", "--", "train", "names.txt", "-o",
                  "m.npz", *TINY, "--steps", "6", "--mode", mode, "-q"), cwd=work, env=env))
    assert [(work / f"dump.builds.rank{r}").read_text() for r in (0, 1)] == ["1", "0"]
    [entry] = os.listdir(work / "cache")
    assert "tokens.bin" in os.listdir(work / "cache" / entry)
    ok(launch(mpi(sys.executable, DRIVER, "cli", "again", "--count-builds", "1", "--", "train", "names.txt", "-o",
                  "m2.npz", *TINY, "--steps", "6", "--mode", mode, "-q"), cwd=work, env=env))
    assert [(work / f"again.builds.rank{r}").read_text() for r in (0, 1)] == ["0", "0"]
    assert (work / "m.npz").read_bytes() == (work / "m2.npz").read_bytes()


@needs_mpi
@pytest.mark.parametrize("mode", ["docs", "stream"])
def test_two_ranks_with_batch_b_match_one_rank_with_batch_2b(work, mode):
    """The same rows: rank r takes rows r*b:(r+1)*b of the 2b batch. In docs mode the two halves
    pad to different lengths and hold different token counts, which only a token-weighted
    average gets right (a plain mean of the two ranks' gradients is off by ~1e-2 here)."""
    ok(launch([sys.executable, DRIVER, "same-batches", "one", mode, 8, 6], cwd=work))
    ok(launch(mpi(sys.executable, DRIVER, "same-batches", "two", mode, 8, 6), cwd=work))
    one, two, two1 = (np.load(work / name) for name in ("one.rank0.npz", "two.rank0.npz", "two.rank1.npz"))
    assert two["params"].tobytes() == two1["params"].tobytes()
    np.testing.assert_allclose(two["grads"], one["grads"], rtol=0, atol=1e-6)
    np.testing.assert_allclose(two["losses"], one["losses"], rtol=1e-6)
    np.testing.assert_allclose(two["params"], one["params"], rtol=0, atol=2e-5)


# --- a failing rank ends the job ----------------------------------------------------------

@needs_mpi
def test_bad_corpus_on_one_rank_ends_the_job_at_once(work):
    (work / "bad.txt").write_bytes(b"anna\nbo\xe9b\n")
    args = ["train", "-o", "m.npz", *TINY, "--steps", "500", "-q"]
    run = launch([MPIEXEC, "-n", "1", *MGPT, *args, "names.txt", ":", "-n", "1", *MGPT, *args, "bad.txt"], cwd=work)
    assert run.returncode == 2, run.stderr
    assert "mgpt: error: rank 1 of 2: bad.txt: not valid UTF-8 at byte offset 7" in run.stderr
    assert "Traceback" not in run.stderr and run.seconds < 30
    assert not (work / "m.npz").exists()


@needs_mpi
def test_ranks_given_different_corpora_are_refused(work):
    (work / "other.txt").write_text(NAMES.upper())
    args = ["train", "-o", "m.npz", *TINY, "--steps", "500", "-q"]
    run = launch([MPIEXEC, "-n", "1", *MGPT, *args, "names.txt", ":", "-n", "1", *MGPT, *args, "other.txt"], cwd=work)
    assert run.returncode == 2, run.stderr
    assert "has another corpus than rank 0; every rank must run the same command on the same files" in run.stderr
    assert run.seconds < 30


@needs_mpi
def test_exception_on_one_rank_ends_the_job_at_once(work):
    run = launch(mpi(sys.executable, DRIVER, "cli", "dump", "--fail-rank", "1", "--fail-step", "5", "--",
                     "train", "names.txt", "-o", "m.npz", *TINY, "--steps", "100000", "-q"), cwd=work)
    assert run.returncode != 0
    assert "RuntimeError: injected failure on rank 1 at step 5" in run.stderr
    assert run.seconds < 30
    assert not (work / "dump.rank0.npy").exists()


def snapshot(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


@needs_mpi
def test_non_finite_loss_stops_every_rank(work):
    """Only rank 1's own loss turns infinite, at step 9. The stop is decided from the reduced
    loss, which every rank shares: all ranks stop at that step, in order (no MPI Abort), rank 0
    says why once, every rank exits 2, and the checkpoints on disk stay as they were."""
    ok(launch(mpi(*MGPT, "train", "names.txt", "-o", "m.npz", *TINY, "--steps", "6", "--eval-every", "3", "-q"),
              cwd=work))
    before = snapshot(work)
    run = launch(mpi(sys.executable, DRIVER, "cli", "dump", "--inf-rank", "1", "--inf-step", "9", "--",
                     "train", "names.txt", "-o", "m.npz", "--resume", "m-last.npz", "--steps", "50", "-q"),
                 cwd=work, timeout=45)
    assert run.returncode == 2, run.stderr
    assert run.stderr.splitlines() == [
        "mgpt: error: the training loss became inf at step 9: training stopped; the last good checkpoint is kept "
        "(m.npz); lower --lr or --grad-clip"], run.stderr
    assert snapshot(work) == before  # no checkpoint written, and no rank finished its run


# --- checkpoints and resume ---------------------------------------------------------------

@needs_mpi
def test_mpi_checkpoint_loads_samples_and_resumes_in_one_process(work):
    """Launched as the issue shows it (python -m mpi4py -m mgpt), the corpus on stdin."""
    ok(launch(mpi(sys.executable, "-m", "mpi4py", "-m", "mgpt", "train", "-", "-o", "m.npz", *TINY,
                  "--steps", "20", "--eval-every", "10", "-q"), cwd=work, stdin=NAMES))
    ok(launch([*MGPT, "info", "m.npz"], cwd=work))
    sample = ok(launch([*MGPT, "sample", "--ckpt", "m.npz", "-n", "3", "--seed", "1"], cwd=work))
    assert len(sample.stdout.splitlines()) == 3
    run = ok(launch([*MGPT, "train", "names.txt", "-o", "m.npz", "--resume", "m-last.npz", "--steps", "30"],
                    cwd=work))
    assert "m-last.npz was trained on 2 rank(s) and resumes on 1: each step now takes 4 examples instead of 8" \
           in run.stderr
    state, _ = state_of(work / "m-last.npz")
    assert state["step"] == 30 and "world_size" not in state
    # and back onto 2 ranks: rank 1 starts a fresh stream
    run = ok(launch(mpi(*MGPT, "train", "names.txt", "-o", "m.npz", "--resume", "m-last.npz", "--steps", "40"),
                    cwd=work))
    assert run.stderr.count("was trained on 1 rank(s) and resumes on 2: each step now takes 8 examples instead of 4") == 1
    state, _ = state_of(work / "m-last.npz")
    assert state["step"] == 40 and state["world_size"] == 2


def interrupt(work, args, steps):
    """Starts a 2-rank run, sends SIGINT to mpiexec mid-training; returns (steps, stopped_at).

    If training finished before the signal arrived (a fast machine), retries with more steps.
    """
    for _ in range(5):
        for name in os.listdir(work):
            if name.startswith("run"):
                os.unlink(work / name)
        p = subprocess.Popen(mpi(*MGPT, *args, "--steps", steps, "-o", "run.npz", "--log", "run.jsonl"),
                             cwd=work, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
        log, deadline = work / "run.jsonl", time.monotonic() + TIMEOUT
        while p.poll() is None and time.monotonic() < deadline:
            if log.exists() and log.read_text().count('"step"') >= 30:
                break
            time.sleep(0.005)
        p.send_signal(signal.SIGINT)
        try:
            _, err = p.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            pytest.fail("the interrupted MPI run did not end: a hang")
        if p.returncode == 0:
            steps *= 4
            continue
        assert p.returncode == 130, err
        assert err.count("interrupted at step") == 1 and "--resume run-last.npz" in err, err
        stopped_at = int(re.search(r"interrupted at step (\d+)", err).group(1))
        state, _ = state_of(work / "run-last.npz")
        assert state["step"] == stopped_at and 0 < stopped_at < steps
        return steps, stopped_at
    pytest.fail("training always finished before the signal arrived")


@needs_mpi
def test_interrupted_mpi_run_resumes_exactly(work):
    """Every rank stops at the same step, rank 0 saves every rank's RNG; resumed on 2 ranks, the
    run ends with the bytes of an uninterrupted 2-rank run."""
    args = ["train", "names.txt", *TINY, "--seed", "5", "--eval-every", "37", "--dropout", "0.1", "-q"]
    steps, _ = interrupt(work, args, steps=400)
    ok(launch(mpi(*MGPT, *args, "--steps", steps, "-o", "run.npz", "--resume", "run-last.npz"), cwd=work))
    ok(launch(mpi(*MGPT, *args, "--steps", steps, "-o", "ref.npz"), cwd=work))
    assert (work / "run.npz").read_bytes() == (work / "ref.npz").read_bytes()
    assert (work / "run-last.npz").read_bytes() == (work / "ref-last.npz").read_bytes()


@needs_mpi
def test_finetune_lora_under_mpi_trains_only_the_adapter(work):
    from mgpt.checkpoint import load_adapter, load_model

    ok(launch([*MGPT, "train", "names.txt", "-o", "base.npz", *TINY, "--steps", "10", "-q"], cwd=work))
    base = (work / "base.npz").read_bytes()
    run = ok(launch(mpi(sys.executable, DRIVER, "cli", "dump", "--", "finetune-lora", "--base", "base.npz",
                        "names.txt", "-o", "a.npz", "--rank", "2", "--lora-dropout", "0.1", *TINY[-6:],
                        "--steps", "15", "--eval-every", "5"), cwd=work))
    assert "data-parallel on 2 ranks" in run.stderr
    rank0, rank1 = np.load(work / "dump.rank0.npy"), np.load(work / "dump.rank1.npy")
    assert rank0.tobytes() == rank1.tobytes()
    assert rank0.size == 2 * (16 * 2 + 2 * 16)  # what trained: q and v of the one layer, rank 2, 16 wide
    adapter = load_adapter(str(work / "a-last.npz")).adapter
    assert rank0.tobytes() == adapter.params.tobytes()
    assert all(np.abs(adapter.p[name]).max() > 0 for name in adapter.p if name.endswith(".B"))  # B left zero
    # the base's weights did not move on any rank, nor did its file
    base_params = load_model(str(work / "base.npz")).model.params
    for rank in (0, 1):
        assert np.load(work / f"dump.base.rank{rank}.npy").tobytes() == base_params.tobytes()
    assert (work / "base.npz").read_bytes() == base
    ok(launch([*MGPT, "sample", "--ckpt", "base.npz", "--adapter", "a.npz", "-n", "2", "--seed", "1"], cwd=work))


# --- single process, and set-up -----------------------------------------------------------

def test_single_process_never_imports_mpi4py(work):
    for args in (["train", "--help"], ["train", "names.txt", "-o", "m.npz", *TINY, "--steps", "3", "-q"]):
        run = ok(launch([sys.executable, "-X", "importtime", "-m", "mgpt", *args], cwd=work))
        modules = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
        assert "mgpt.cli" in modules
        assert not [m for m in modules if m.startswith("mpi4py")], args


def test_launcher_without_mpi4py_says_what_to_install(work):
    stub = work / "stub" / "mpi4py"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('no MPI here')\n")
    env = {**ENV, "PMI_SIZE": "2", "PMI_RANK": "0", "PYTHONPATH": str(work / "stub")}
    run = launch([*MGPT, "train", "names.txt", "-o", "m.npz", *TINY, "-q"], cwd=work, env=env)
    assert run.returncode == 2
    assert run.stderr == ("mgpt: error: launched as 2 MPI ranks, but mpi4py is not installed; "
                          "install it with pip install 'mgpt[mpi]'\n")


THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def blas_threads_after_import(work, world, pin_to_one_core=False):
    """The BLAS thread variables a process announced as `world` (launcher variables) has once
    mgpt is imported."""
    pin = "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); " if pin_to_one_core else ""
    code = f"import os; {pin}import mgpt; print(' '.join(os.environ.get(v, '-') for v in {THREADS!r}))"
    env = {k: v for k, v in ENV.items() if k not in THREADS}
    return ok(launch([sys.executable, "-c", code], cwd=work, env={**env, **world})).stdout.split()


def test_blas_threads_are_the_cores_shared_by_the_ranks_on_this_machine(work):
    """cores // ranks on this machine (as the launcher announces them), at least one, and nothing
    outside MPI or where the user chose."""
    cores = len(os.sched_getaffinity(0))
    if cores < 2:
        pytest.skip("needs 2 cores: on 1 every rule gives 1 thread")
    cases = [({"PMI_SIZE": "2", "MPI_LOCALNRANKS": "1"}, cores),  # two machines, one rank each
             ({"PMI_SIZE": "4", "MPI_LOCALNRANKS": "2"}, cores // 2),
             ({"OMPI_COMM_WORLD_SIZE": "2", "OMPI_COMM_WORLD_LOCAL_SIZE": "1"}, cores),
             ({"PMI_SIZE": "2"}, cores // 2),  # no local count: every rank on this machine
             ({"PMI_SIZE": str(4 * cores)}, 1)]
    for world, threads in cases:
        assert blas_threads_after_import(work, world) == [str(threads)] * 3, world
    assert blas_threads_after_import(work, {"PMI_SIZE": "2", "MPI_LOCALNRANKS": "1"}, pin_to_one_core=True) == ["1"] * 3
    assert blas_threads_after_import(work, {}) == ["-"] * 3
    assert blas_threads_after_import(work, {"PMI_SIZE": "2", "OMP_NUM_THREADS": "3"}) == ["-", "3", "-"]


@needs_mpi
def test_blas_threads_per_rank(work):
    """cores // ranks-on-this-machine each, unless the user chose a number."""
    probe = ["-c", "import mgpt, os; e = os.environ; open('threads.' + e['PMI_RANK'], 'w').write("
                   "e['OPENBLAS_NUM_THREADS'] + ' ' + e['OMP_NUM_THREADS'])"]
    env = {k: v for k, v in ENV.items() if k not in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    per_rank = str(max(1, len(os.sched_getaffinity(0)) // 2))
    for chosen, expected in ({}, per_rank), ({"OPENBLAS_NUM_THREADS": "3", "OMP_NUM_THREADS": "3"}, "3"):
        ok(launch(mpi(sys.executable, *probe), cwd=work, env={**env, **chosen}))
        for rank in (0, 1):
            assert (work / f"threads.{rank}").read_text() == f"{expected} {expected}"


@needs_mpi
def test_ranks_cut_their_batches_in_shards(work):
    """Two ranks of two shards each: the ranks agree bit for bit, the run records its shards and
    takes the same bytes again."""
    args = ["train", "names.txt", *TINY, "--steps", "12", "--eval-every", "6", "--dropout", "0.1", "--shards", "2"]
    for out in ("a.npz", "b.npz"):
        ok(launch(mpi(sys.executable, DRIVER, "cli", "dump", "--", *args, "-o", out), cwd=work))
        rank0, rank1 = np.load(work / "dump.rank0.npy"), np.load(work / "dump.rank1.npy")
        assert rank0.tobytes() == rank1.tobytes()
    state, _ = state_of(work / "a-last.npz")
    assert state["settings"]["shards"] == 2 and state["world_size"] == 2
    assert (work / "a-last.npz").read_bytes() == (work / "b-last.npz").read_bytes()
