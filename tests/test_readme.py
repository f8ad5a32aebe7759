"""The README's examples run as written: every Python example of "From Python" (one script, in a
scratch folder beside the project's corpora), the RAG commands and the LoRA example's data
preparation. `mgpt` and `python` in the shell examples are this interpreter (a shim folder first
on PATH); nothing else is substituted."""

import importlib.util
import json
import os
import re
import subprocess
import sys

import pytest

from support.cli import ENV

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpora")
needs_milvus = pytest.mark.skipif(importlib.util.find_spec("pymilvus") is None or
                                  importlib.util.find_spec("milvus_lite") is None,
                                  reason="pymilvus/milvus-lite not installed: pip install '.[rag]'")


def section(title):
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start:end if end > 0 else None]


def blocks(text, language):
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def command_lines(text, starts):
    """The lines of the sh blocks in text that start with one of `starts`."""
    return [line for block in blocks(text, "sh") for line in block.splitlines() if line.startswith(starts)]


@pytest.fixture
def shell(tmp_path):
    """A scratch folder holding a link to the project's corpora, and an environment whose `mgpt`
    and `python` are this interpreter."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "mgpt").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m mgpt "$@"\n')
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    for shim in bin_dir.iterdir():
        shim.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    (work / "corpora").symlink_to(os.path.join(ROOT, "corpora"))
    env = {**ENV, "PATH": f"{bin_dir}{os.pathsep}{ENV.get('PATH', '')}"}
    src = os.path.join(ROOT, "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env = {k: v for k, v in env.items() if not k.startswith("MGPT_MILVUS_")}
    return work, env


def sh(line, cwd, env):
    r = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"{line}\nexit {r.returncode}\n{r.stdout}\n{r.stderr}"
    return r


@needs_milvus
def test_python_examples_run_and_sample_as_the_cli(shell):
    work, env = shell
    code = "\n".join(blocks(section("From Python"), "python"))
    assert "mgpt.train(" in code and "KnowledgeBase(" in code and ".sample(" in code and ".ask(" in code
    script = code + "\nimport json\njson.dump({'names': names, 'answer': answer.answer}, open('seen.json', 'w'))\n"
    (work / "example.py").write_text(script)
    r = sh(f'"{sys.executable}" example.py', work, env)
    assert "IndexReport(added=37" in r.stdout
    seen = json.loads((work / "seen.json").read_text())
    assert seen["answer"] == "349 EUR"
    claimed = re.search(r"# = (mgpt sample [^\n]*)", code).group(1)
    assert sh(claimed, work, env).stdout.splitlines() == seen["names"]


@needs_milvus
def test_rag_examples_run_as_written(shell):
    work, env = shell
    lines = command_lines(section("Retrieval-augmented generation (RAG)"),
                          ("mgpt index corpora/kb --db", "mgpt retrieve", "mgpt ask", "mgpt info --reader"))
    assert len(lines) == 6, lines
    out = [sh(line, work, env) for line in lines]
    assert "added 37" in out[0].stdout
    assert "tents.md #1" in out[1].stdout and "Kestrel 2 tent. price: 349 EUR" in out[1].stdout
    assert out[2].stdout == "349 EUR\n" and "corpora/kb/tents.md #1, characters" in out[2].stderr
    abstaining = json.loads(out[3].stdout)
    assert abstaining["answer"] is None and abstaining["abstained"] is True
    looked = [line for line in out[4].stderr.splitlines() if "looked at" in line]
    assert looked and all("tents.md" in line for line in looked)  # --source: only tents.md was read
    assert "held out" in out[5].stdout


@needs_milvus
def test_source_glob_that_matches_nothing_says_so(shell):
    work, env = shell
    sh("mgpt index corpora/kb --db kb.db -q", work, env)
    r = subprocess.run(["bash", "-c", "mgpt retrieve 'price' --db kb.db --source '*.pdf'"], cwd=work, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip().startswith("mgpt: error: no indexed document matches --source '*.pdf'")
    r = subprocess.run(["bash", "-c", "mgpt ask 'How much is it?' --db kb.db --source '[ab].md'"], cwd=work, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith("mgpt: error: --source '[ab].md': only * and ? are wildcards here")


@pytest.mark.skipif(not os.path.isdir(SHARED), reason="../shared/corpora is absent (a fresh clone)")
def test_lora_data_preparation_is_bench_loras_split(shell, tmp_path):
    work, env = shell
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "corpora").symlink_to(SHARED)
    lines = command_lines(section("Fine-tuning with LoRA: a worked example"), ("python -c",))
    assert len(lines) == 1
    sh(lines[0], work, env)
    import bench_lora
    expected = bench_lora.write_domain(str(tmp_path))
    for split in ("train", "test"):
        assert (work / f"domain_{split}.txt").read_text() == open(expected[split]).read()
    assert len((work / "domain_test.txt").read_text().split()) == 3203
