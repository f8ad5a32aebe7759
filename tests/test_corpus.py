"""Corpora prepared once (corpus.py, prepared.py): the text as read whatever the chunks, the
statistics auto mode reads, the cache (reuse, a changed corpus, an interrupted preparation),
errors with byte offsets, form feeds, and runs on prepared corpora (test_corpus_batches.py: their
splits and batches against the in-memory path).
"""

import hashlib
import os
import re
import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from mgpt import corpus as corpus_module
from mgpt import prepared as prepared_module
from mgpt.cli import cli
from mgpt.corpus import Source
from mgpt.data import Vocab, choose_mode, split_corpus
from mgpt.errors import MgptError
from mgpt.prepared import MANIFEST, TOKENS, prepare

from support.cli import ENV, NAMES, PROSE, assert_ok, assert_user_error, mgpt_run, read
from support.corpus import prep, write

TINY = ["--n-layer", "1", "--n-embd", "16", "--n-head", "2", "--block-size", "8", "--batch-size", "4",
        "--eval-iters", "2", "--warmup", "5", "-q"]
ODD = ["caf\u00e9 \u00fcber \u2603 na\u00efve\r\n", "\U0001F600 emoji\rline\n\n", "", "no newline at the end",
       "\t tabbed\n   \n\x0bvertical\x0cfeed\n", "\u00e9" * 7]


# --- the reference: the text as mgpt read it before, whole -----------------------------------

def reference_text(datas):
    """read_corpus: each file decoded, CRLF and CR as LF, ending with a newline; concatenated."""
    parts = []
    for data in datas:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        parts.append(text + "\n" if text and not text.endswith("\n") else text)
    return "".join(parts)


def reference_mode(text):
    lines = text.strip("\n").split("\n")
    nonempty = [line for line in lines if line.strip()]
    inner_blank = any(not line.strip() for line in lines)
    short = np.mean(np.array([len(line) for line in nonempty]) <= 64) >= 0.99
    return "docs" if not inner_blank and short and len(nonempty) >= 2 else "stream"


# --- helpers -------------------------------------------------------------------------------

def decoded(corpus):
    return "".join(corpus.chars[i] for i in corpus.tokens[:])


def entry_files(corpus):
    return sorted(os.listdir(corpus.entry))


# --- the text as read, whatever the chunks ---------------------------------------------------

@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 64, 1 << 22])
def test_prepared_text_is_the_text_as_read(tmp_path, monkeypatch, chunk):
    """A character, a CRLF or a CR split between two reads is read as one; each file ends with a
    newline; the hash is that of the text the in-memory path read."""
    monkeypatch.setattr(corpus_module, "CHUNK", chunk)
    datas = [d.encode("utf-8") for d in ODD] + [b"ab\r", b"\ncd\r\r\n"]
    corpus = prep(tmp_path, datas)
    text = reference_text(datas)
    assert decoded(corpus) == text
    assert corpus.chars == "".join(sorted(set(text)))
    assert corpus.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert corpus.tokens.dtype == np.uint8 and len(corpus.tokens) == len(text)


def test_ids_take_the_smallest_type(tmp_path):
    assert prep(tmp_path / "a", ["".join(map(chr, range(0x100, 0x200))) + "\n"]).tokens.dtype == np.uint16
    assert prep(tmp_path / "b", ["".join(map(chr, range(0x10000, 0x10000 + 70000))) + "\n"]).tokens.dtype == np.uint32


LINES = ["anna\nbob\n", "  \nanna\nbob\n", "\n\nanna\nbob\n\n\n", "anna\n\nbob\n", "anna\n \t\nbob\n",
         "x" * 65 + "\n" + "y\n" * 50, "x" * 65 + "\n" + "y\n" * 200, "one line only\n", "a\fb\nc\x0bd\n",
         PROSE, NAMES, "\u00e9t\u00e9\nhiver\n"]


@pytest.mark.parametrize("text", LINES)
@pytest.mark.parametrize("chunk", [3, 1 << 22])
def test_line_statistics_choose_the_mode_the_text_would(tmp_path, monkeypatch, text, chunk):
    monkeypatch.setattr(corpus_module, "CHUNK", chunk)
    corpus = prep(tmp_path, [text])
    assert choose_mode(corpus.lines, "auto")[0] == reference_mode(text)
    lines = [line for line in text.split("\n") if line.strip()]
    docs = corpus.docs()[:]
    assert [decoded(corpus)[s:s + n] for s, n in docs] == lines


# --- the cache -----------------------------------------------------------------------------

def test_a_second_preparation_reuses_the_cache(tmp_path):
    first = prep(tmp_path, [PROSE])
    stat = os.stat(os.path.join(first.entry, TOKENS))
    second = prepare([Source(str(tmp_path / "part0.txt"), "part0.txt")], str(tmp_path / "cache"), progress=False)
    assert first.seconds is not None and second.seconds is None and "prepared earlier" in second.describe()
    assert os.stat(os.path.join(second.entry, TOKENS)).st_ino == stat.st_ino  # not written again
    assert second.entry == first.entry and decoded(second) == PROSE


@pytest.mark.parametrize("change", ["append", "same size", "same size and mtime"])
def test_a_changed_corpus_is_prepared_again(tmp_path, change):
    sources = write(tmp_path, [PROSE])
    path, folder = sources[0].path, str(tmp_path / "cache")
    before = prepare(sources, folder, progress=False)
    st = os.stat(path)
    new = PROSE + "more\n" if change == "append" else PROSE.replace("river", "rover")
    with open(path, "w") as f:
        f.write(new)
    if change == "same size and mtime":  # only the sampled hash can tell
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert os.stat(path).st_mtime_ns == st.st_mtime_ns and os.path.getsize(path) == st.st_size
    after = prepare(sources, folder, progress=False)
    assert after.seconds is not None and after.entry == before.entry
    assert decoded(after) == new and after.sha256 != before.sha256
    assert decoded(before) == PROSE  # a run that had it open still reads the text it started on


def test_another_path_is_another_entry(tmp_path):
    first = prep(tmp_path, [PROSE])
    shutil.copy(tmp_path / "part0.txt", tmp_path / "copy.txt")
    second = prepare([Source(str(tmp_path / "copy.txt"), "copy.txt")], str(tmp_path / "cache"), progress=False)
    assert second.entry != first.entry and second.sha256 == first.sha256


@pytest.mark.parametrize("stage", ["encoding", "manifest"])
def test_an_interrupted_preparation_is_never_trusted(tmp_path, monkeypatch, stage):
    """Ctrl-C while the ids are written, or after they are and before the manifest: nothing a
    later run trusts, no temporary file left, and the next run prepares the corpus whole."""
    sources = write(tmp_path, [PROSE])
    folder = str(tmp_path / "cache")
    encode, publish = prepared_module.encode, prepared_module._publish

    def half_encode(sources, kept, drop, out, advance):
        out.write(b"\0" * 100)
        raise KeyboardInterrupt

    def no_manifest(entry, name, write):
        if name == MANIFEST:
            raise KeyboardInterrupt
        return publish(entry, name, write)

    if stage == "encoding":
        monkeypatch.setattr(prepared_module, "encode", half_encode)
    else:
        monkeypatch.setattr(prepared_module, "_publish", no_manifest)
    with pytest.raises(KeyboardInterrupt):
        prepare(sources, folder, progress=False)
    [entry] = os.listdir(folder)
    left = sorted(os.listdir(os.path.join(folder, entry)))
    assert left == (["lock"] if stage == "encoding" else ["lock", TOKENS])
    monkeypatch.setattr(prepared_module, "encode", encode)
    monkeypatch.setattr(prepared_module, "_publish", publish)
    again = prepare(sources, folder, progress=False)
    assert again.seconds is not None and decoded(again) == PROSE


def test_a_truncated_or_foreign_entry_is_prepared_again(tmp_path):
    corpus = prep(tmp_path, [PROSE])
    sources = [Source(str(tmp_path / "part0.txt"), "part0.txt")]
    with open(os.path.join(corpus.entry, TOKENS), "r+b") as f:
        f.truncate(10)
    assert prepare(sources, str(tmp_path / "cache"), progress=False).seconds is not None
    with open(os.path.join(corpus.entry, MANIFEST), "w") as f:
        f.write('{"format": 1}')
    again = prepare(sources, str(tmp_path / "cache"), progress=False)
    assert again.seconds is not None and decoded(again) == PROSE


def test_derived_arrays_are_kept_and_a_killed_derive_leaves_nothing_used(tmp_path):
    corpus = prep(tmp_path, [NAMES])
    open(os.path.join(corpus.entry, ".tmp-killed"), "wb").close()  # what a killed process leaves
    vocab = Vocab.from_text(NAMES, "docs")
    split_corpus(corpus, vocab, "docs", 0.1, 1, 8)
    assert entry_files(corpus) == ["docs.bin", "lock", MANIFEST, "split-1-0.1.bin", TOKENS]
    stat = os.stat(os.path.join(corpus.entry, "split-1-0.1.bin"))
    split_corpus(corpus, vocab, "docs", 0.1, 1, 8)
    assert os.stat(os.path.join(corpus.entry, "split-1-0.1.bin")).st_ino == stat.st_ino


def test_cache_location(tmp_path, monkeypatch):
    monkeypatch.delenv("MGPT_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert prepared_module.cache_folder() == str(tmp_path / "xdg" / "mgpt" / "corpora")
    monkeypatch.setenv("MGPT_CACHE", str(tmp_path / "env"))
    assert prepared_module.cache_folder() == str(tmp_path / "env")
    assert prepared_module.cache_folder(str(tmp_path / "flag")) == str(tmp_path / "flag")


def test_prepare_command_and_cache_dir(tmp_path):
    (tmp_path / "names.txt").write_text(NAMES)
    r = assert_ok(mgpt_run("prepare", "names.txt", "--cache-dir", "c", cwd=tmp_path))
    assert f"names.txt: {len(NAMES)} characters" in r.stdout and "docs mode" in r.stdout and "prepared in" in r.stdout
    assert len(os.listdir(tmp_path / "c")) == 1
    r = assert_ok(mgpt_run("train", "names.txt", "-o", "m.npz", *TINY, "--steps", 2, "--cache-dir", "c",
                           cwd=tmp_path))
    assert len(os.listdir(tmp_path / "c")) == 1
    assert_user_error(mgpt_run("prepare", "-", cwd=tmp_path, input=NAMES), "stdin")


def test_progress_bar_while_preparing(tmp_path, monkeypatch):
    (tmp_path / "prose.txt").write_text(PROSE)
    monkeypatch.setattr(prepared_module, "PROGRESS_FROM", 10)
    r = CliRunner().invoke(cli, ["prepare", str(tmp_path / "prose.txt"), "--cache-dir", str(tmp_path / "c")])
    assert r.exit_code == 0, r.output
    assert f"preparing {tmp_path / 'prose.txt'}" in r.stderr and "100%" in r.stderr


# --- errors, found while streaming --------------------------------------------------------

@pytest.mark.parametrize("chunk", [1, 3, 7, 1 << 22])
@pytest.mark.parametrize("data,offset", [
    ("\u00e9t\u00e9 ".encode() + b"\xe9", 6),  # a sequence cut short by the end of the file
    (("\u00e9" * 10).encode() + b"\xff" + b"abc", 20),
    (b"abc" * 5 + b"\xc3(", 15),
    (b"ok\n\x80oops\n", 3),
])
def test_invalid_utf8_is_found_at_its_byte_offset(tmp_path, monkeypatch, chunk, data, offset):
    monkeypatch.setattr(corpus_module, "CHUNK", chunk)
    with pytest.raises(MgptError, match=rf"part0\.txt: not valid UTF-8 at byte offset {offset};"):
        prep(tmp_path, [data])


@pytest.mark.parametrize("chunk", [1, 4, 1 << 22])
@pytest.mark.parametrize("data,char,offset", [
    (b"abc\x00def\n", "\\x00", 3), ("\u00e9\u00e9\x00".encode(), "\\x00", 4),
    (b"line\r\nmore\x1b[0m\n", "\\x1b", 10), ("\u00e9\n\x7f".encode(), "\\x7f", 3),
])
def test_control_characters_are_refused_at_their_byte_offset(tmp_path, monkeypatch, chunk, data, char, offset):
    monkeypatch.setattr(corpus_module, "CHUNK", chunk)
    with pytest.raises(MgptError, match=rf"control character '{re.escape(char)}' at byte offset {offset}: "
                                        r"this looks like binary data"):
        prep(tmp_path, [data])


def test_empty_and_whitespace_corpora(tmp_path):
    with pytest.raises(MgptError, match="is empty"):
        prep(tmp_path / "a", [b"", b""])
    with pytest.raises(MgptError, match="whitespace only"):
        prep(tmp_path / "b", [" \n\t\n\x0c\n", "\r\n"])


def test_cli_errors_are_one_line_with_the_byte_offset(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"anna\nbob\x00\n")
    (tmp_path / "names.txt").write_text(NAMES)
    assert_user_error(mgpt_run("train", "names.txt", "bin.txt", "-o", "m.npz", *TINY, cwd=tmp_path),
                      "bin.txt: control character '\\x00' at byte offset 8")
    assert_user_error(mgpt_run("prepare", "bin.txt", cwd=tmp_path), "byte offset 8")
    assert_user_error(mgpt_run("train", "-", "-o", "m.npz", *TINY, cwd=tmp_path, input="ok\n\x01\n"),
                      "<stdin>: control character '\\x01' at byte offset 3")
    assert sorted(os.listdir(tmp_path)) == ["bin.txt", "names.txt"]


GPL_LIKE = ("                    GNU GENERAL PUBLIC LICENSE\n  0. Definitions.\n\n  This License refers to the "
            "version.\n\x0c\n  1. Source Code.\n\n  The source code for a work means the form.\n\x0c\n") * 4


def test_form_feed_and_vertical_tab_are_text(tmp_path):
    """The GNU licence texts hold page breaks: train, eval, sample and info read them as characters."""
    (tmp_path / "gpl.txt").write_text(GPL_LIKE + "a\x0bb\n")
    assert_ok(mgpt_run("train", "gpl.txt", "-o", "m.npz", *TINY, "--steps", 3, cwd=tmp_path))
    info = assert_ok(mgpt_run("info", "m.npz", cwd=tmp_path)).stdout
    assert "\\x0b\\x0c" in info and "\x0c" not in info
    r = assert_ok(mgpt_run("eval", "--ckpt", "m.npz", "gpl.txt", "--json", cwd=tmp_path))
    assert '"mode": "stream"' in r.stdout
    assert_ok(mgpt_run("sample", "--ckpt", "m.npz", "--prompt", "\x0c", "--max-new-tokens", 5, cwd=tmp_path))


# --- runs on prepared corpora -------------------------------------------------------------

def test_cold_and_warm_cache_and_prepare_ahead_write_the_same_bytes(tmp_path):
    (tmp_path / "prose.txt").write_text(PROSE)
    common = ["prose.txt", *TINY, "--steps", 12, "--eval-every", 6, "--dropout", "0.1", "--seed", 3]
    env = {**ENV, "MGPT_CACHE": str(tmp_path / "c1")}
    cold = assert_ok(mgpt_run("train", *common, "-o", "cold.npz", cwd=tmp_path, env=env))
    warm = assert_ok(mgpt_run("train", *common, "-o", "warm.npz", cwd=tmp_path, env=env))
    assert_ok(mgpt_run("prepare", "prose.txt", "--cache-dir", "c2", cwd=tmp_path))
    assert_ok(mgpt_run("train", *common, "-o", "ahead.npz", "--cache-dir", "c2", cwd=tmp_path))
    assert read(tmp_path / "cold.npz") == read(tmp_path / "warm.npz") == read(tmp_path / "ahead.npz")
    assert read(tmp_path / "cold-last.npz") == read(tmp_path / "warm-last.npz") == read(tmp_path / "ahead-last.npz")
    assert cold.stderr == warm.stderr == ""  # -q


def test_stdin_is_prepared_in_a_scratch_folder_that_goes(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**ENV, "TMPDIR": str(scratch), "MGPT_CACHE": str(tmp_path / "cache")}
    r = assert_ok(mgpt_run("train", "-", "-o", "m.npz", *TINY[:-1], "--steps", 2, cwd=tmp_path, input=NAMES, env=env))
    assert f"mgpt: <stdin>: {len(NAMES)} characters" in r.stderr
    assert os.listdir(scratch) == [] and not (tmp_path / "cache").exists()


def test_a_placeholder_corpus_resumes_without_a_changed_corpus_warning(tmp_path):
    """corpus_sha256 is the hash of the corpus as read, before characters become the placeholder,
    as the resume check computes it."""
    (tmp_path / "snow.txt").write_text(PROSE + "\u2603 snow \u2603\n")
    r = assert_ok(mgpt_run("train", "snow.txt", "-o", "m.npz", *TINY[:-1], "--vocab", "latin", "--mode", "docs",
                           "--steps", 4, "--eval-every", 2, cwd=tmp_path))
    assert "read 2 occurrence(s) of 1 character(s) the vocabulary lacks as \ufffd: '\u2603'" in r.stderr
    r = assert_ok(mgpt_run("train", "snow.txt", "-o", "m.npz", "--resume", "m-last.npz", "--steps", 6, cwd=tmp_path))
    assert "differs" not in r.stderr


def test_drop_unknown_prepares_the_corpus_without_them(tmp_path):
    text = NAMES + "r\u00e9n\u00e9e\nqq\n"
    corpus = prep(tmp_path, [text], drop="\u00e9q")
    assert decoded(corpus) == text.replace("\u00e9", "").replace("q", "")
    assert corpus.sha256 == hashlib.sha256(text.encode()).hexdigest()  # the corpus as read
    assert corpus.lines["lines"] == len(NAMES.split()) + 1  # the line of q's is gone whole
