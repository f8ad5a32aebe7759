"""The performance tools whose figures docs/BENCHMARKS.md reports: the NumPy call counter and the
two-versions comparison. Each runs in a subprocess: the counter recompiles mgpt's modules in place."""

import os
import re
import subprocess
import sys

from support.cli import ENV

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(ROOT, "scripts")


def run_script(*args):
    return subprocess.run([sys.executable, os.path.join(SCRIPTS, args[0]), *args[1:]], capture_output=True,
                          text=True, env=ENV, timeout=300)


def test_the_call_counter_counts_the_engine_and_leaves_its_results_alone():
    """The counted step runs the recompiled engine: it must train as the plain engine does (the
    same loss after the same steps), and its count is a step's, the same on every run."""
    check = ("import numpy as np, runpy, sys\n"
             "from mgpt import config, model\n"
             "def losses():\n"
             "    gpt = model.GPT(config.GPTConfig.from_preset('micro', 66)); gpt.init_weights(np.random.default_rng(0))\n"
             "    x = np.random.default_rng(1).integers(0, 66, (4, 16)).astype(np.int32)\n"
             "    return gpt.forward(x, x)[1]\n"
             "plain = losses()\n"
             "sys.argv = ['count', '--repeat', '1', '--top', '1']\n"
             "runpy.run_path(" + repr(os.path.join(SCRIPTS, "count_numpy_calls.py")) + ", run_name='__main__')\n"
             "assert losses() == plain, (losses(), plain)\n")
    # run from scripts/, whose modules the script imports (python puts a script's folder on the path; runpy not)
    r = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, env=ENV, timeout=300,
                       cwd=SCRIPTS)
    assert r.returncode == 0, r.stderr
    counts = {int(n) for n in re.findall(r"per training step: (\d+) NumPy calls", r.stdout)}
    assert len(counts) == 1 and 100 < counts.pop() < 1000, r.stdout
    again = run_script("count_numpy_calls.py", "--repeat", "1", "--top", "1")
    assert again.returncode == 0, again.stderr
    assert re.findall(r"(\d+) NumPy calls", again.stdout) == re.findall(r"(\d+) NumPy calls", r.stdout)


def test_two_versions_take_turns(tmp_path):
    """The same source tree as both versions: both report, one figure per turn."""
    r = run_script("bench_versions.py", os.path.join(ROOT, "src"), "--new", os.path.join(ROOT, "src"),
                   "--cases", "micro:2")
    assert r.returncode == 0, r.stderr
    assert re.search(r"micro: old [\d.]+, new [\d.]+ ms a step", r.stderr), r.stderr
    assert r.stdout.count('"turns"') == 2


def test_the_nanogpt_comparison_without_nanogpt_says_so():
    r = run_script("bench_nanogpt.py")
    assert r.returncode == 0 and "no nanoGPT folder given" in r.stderr
    r = run_script("bench_nanogpt.py", SCRIPTS)  # a folder that is not a nanoGPT checkout
    assert r.returncode != 0 and "not a nanoGPT checkout" in r.stderr
