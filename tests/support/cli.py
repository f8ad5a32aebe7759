"""The `mgpt` command line as a user runs it, for every test module that does: real `python -m mgpt`
subprocesses with one BLAS thread, their exit codes and outputs checked, and the tiny corpora and
model options most of those tests train on."""

import os
import subprocess
import sys

NAMES = """anna
bella
carla
dora
emma
fiona
greta
hanna
ida
julia
karla
lena
maria
nora
olga
paula
rosa
sara
tina
ursula
vera
wanda
xenia
yara
zora
adam
boris
carl
david
emil
felix
georg
hugo
ivan
jonas
karl
leon
max
nils
otto
""".replace("\n\n", "\n")

PROSE = """The river ran past the old mill and under the stone bridge, where the children
stood every morning to watch the water carry leaves toward the sea.

In the afternoon the miller came out, wiped his hands on his apron, and told them stories
about the winter the river froze so hard that a horse and cart could cross it.

Nobody believed him, but everybody listened, because the stories were better than the
truth and the truth was only water, leaves, and the long slow turning of the wheel.
"""

TINY = ["--n-layer", "1", "--n-embd", "16", "--n-head", "2", "--block-size", "8"]
FAST = ["--batch-size", "4", "--eval-iters", "2", "--warmup", "5", "-q"]
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
       "PYTHONIOENCODING": "utf-8"}


def mgpt_run(*args, cwd=None, input=None, timeout=120, env=ENV):
    return subprocess.run([sys.executable, "-m", "mgpt", *map(str, args)], cwd=cwd, input=input,
                          capture_output=True, text=True, env=env, timeout=timeout)


def mgpt_popen(*args, cwd=None):
    return subprocess.Popen([sys.executable, "-m", "mgpt", *map(str, args)], cwd=cwd, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def assert_ok(r):
    assert r.returncode == 0, f"exit {r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    return r


def assert_user_error(r, *needles):
    """Exit 2, exactly one line on stderr, `mgpt: error: ...` naming the problem, no traceback."""
    assert r.returncode == 2, f"exit {r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{r.stderr}"
    assert lines[0].startswith("mgpt: error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], f"{needle!r} not in {lines[0]!r}"
    assert r.stdout == "", r.stdout
    return lines[0]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def snapshot(folder):
    """{name: bytes} of every file in folder: to check a failed command lost and added nothing."""
    return {name: read(os.path.join(folder, name)) for name in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, name))}


def train(corpus, out, *extra, steps=30, cwd=None):
    return assert_ok(mgpt_run("train", corpus, "-o", out, *TINY, *FAST, "--steps", steps,
                              "--eval-every", 10, *extra, cwd=cwd))
