"""Property-based tests of what mgpt reads from strangers: checkpoints, adapters, corpora and
documents to index (see scripts/fuzz_targets.py). A few dozen examples per target keep this to seconds;
scripts/fuzz.py runs thousands and records the count in docs/BENCHMARKS.md.
"""

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings

import fuzz_targets as F
from support.cli import ENV

SUITE = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@SUITE
@given(F.hostile_checkpoints("model"))
def test_hostile_checkpoints_are_refused_before_allocating(tmp_path_factory, data):
    F.load_checkpoint_bytes(data, "model", tmp_path_factory.mktemp("ck"))


@SUITE
@given(F.hostile_checkpoints("adapter"))
def test_hostile_adapters_are_refused_before_allocating(tmp_path_factory, data):
    F.load_checkpoint_bytes(data, "adapter", tmp_path_factory.mktemp("ad"))


@SUITE
@given(F.hostile_corpora())
def test_hostile_corpora_are_refused_or_read(tmp_path_factory, data):
    F.read_corpus_bytes(data, tmp_path_factory.mktemp("corpus"))


@SUITE
@given(F.hostile_documents())
def test_hostile_documents_are_skipped_or_read(tmp_path_factory, document):
    F.read_document_bytes(*document, tmp_path_factory.mktemp("doc"))


@SUITE
@given(F.hostile_logs())
def test_hostile_training_logs_are_plotted_or_refused(tmp_path_factory, data):
    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    F.plot_log_bytes(data, tmp_path_factory.mktemp("log"))


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("fastapi", reason="the serve extra (FastAPI) is not installed")
    pytest.importorskip("httpx", reason="httpx (test extra) is not installed")
    c = F.serve_client()
    yield c
    c.__exit__(None, None, None)


@SUITE
@given(request=F.hostile_requests())
def test_hostile_request_bodies_get_a_4xx_never_a_5xx(client, request):
    F.post_request(client, *request)


def test_a_forged_header_is_one_line_from_the_command_line(tmp_path):
    """The issue's own cases through the CLI: a 2**38 shape over a few kilobytes, an absurd config."""
    import io
    import json
    import zipfile

    import numpy as np

    cases = {"huge-member.npz": ("params/wte.npy", F.forged_header((2**38,), "<f4", b"\0" * 4096)),
             "huge-config.npz": ("config.npy", F.npy_bytes(np.array(json.dumps(
                 {"vocab_size": 6, "n_layer": 2000, "n_head": 32, "n_embd": 4096, "block_size": 8}), dtype=np.str_)))}
    for name, (member, data) in cases.items():
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            for filename, original in F.MEMBERS["model"]:
                z.writestr(zipfile.ZipInfo(filename), data if filename == member else original)
        (tmp_path / name).write_bytes(buffer.getvalue())
        for command in (["info", name], ["sample", "--ckpt", name, "-n", "1"]):
            r = subprocess.run([sys.executable, "-m", "mgpt", *command], cwd=tmp_path, capture_output=True,
                               text=True, env=ENV, timeout=60)
            assert r.returncode == 2 and len(r.stderr.splitlines()) == 1, (name, command, r.stderr)
            assert r.stderr.startswith(f"mgpt: error: {name}: "), r.stderr


def test_a_string_member_with_impossible_code_points_is_refused(tmp_path):
    """Found by scripts/fuzz.py: a <U member holding 0x110000 made str() raise SystemError."""
    import io
    import zipfile

    import numpy as np

    raw = bytearray(F.npy_bytes(np.array("abc", dtype="<U3")))
    raw[-4:] = (0x110000).to_bytes(4, "little")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for filename, original in F.MEMBERS["model"]:
            z.writestr(zipfile.ZipInfo(filename), bytes(raw) if filename == "kind.npy" else original)
    path = tmp_path / "m.npz"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(F.MgptError, match="code points that are not characters"):
        F.load_model(str(path))
