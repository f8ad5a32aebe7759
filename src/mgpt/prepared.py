"""Corpora prepared once, kept in a cache, and read where a batch needs them by every run and
every MPI rank.

Reading and encoding a large corpus at every start costs minutes and gigabytes, on every rank.
Preparing it (corpus.py's two passes) costs that once; afterwards a run reads only the windows
it draws (FileArray), from the page cache that every rank shares. An entry is trusted only when
whole: its files are renamed into place and its manifest, written last, names the sources' size,
mtime and a sampled hash, so a changed corpus is prepared again and an interrupted preparation
is never used.
"""

import copy
import fcntl
import hashlib
import json
import operator
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager

import numpy as np

from .corpus import CHUNK, Lines, Source, encode, id_dtype, open_source, read_text, refuse_nothing, scan
from .distributed import Single, root_first
from .errors import MgptError

FORMAT = 2  # of the entry: one of another format is prepared again (2: docs-mode splits kept as rows)
PROGRESS_FROM = 16 << 20  # a corpus this large shows a bar while prepared; a smaller one takes a second
SAMPLED, SAMPLE_BYTES = 16, 1 << 16  # the blocks hashed to notice a changed file of the same size and mtime
MANIFEST, TOKENS, DOCS, COUNTS = "manifest.json", "tokens.bin", "docs.bin", "counts.bin"
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def cache_folder(cache_dir=None):
    """Where prepared corpora are kept: --cache-dir, else $MGPT_CACHE, else ~/.cache/mgpt/corpora
    (under $XDG_CACHE_HOME when set)."""
    if cache_dir or os.environ.get("MGPT_CACHE"):
        return cache_dir or os.environ["MGPT_CACHE"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mgpt", "corpora")


def _signature(source):
    """What tells a changed file: size, mtime and the hash of SAMPLED blocks spread over it."""
    with open_source(source) as f:
        st = os.fstat(f.fileno())
        digest = hashlib.sha256()
        for k in range(SAMPLED + 1):
            f.seek(max(st.st_size * k // SAMPLED - (k == SAMPLED) * SAMPLE_BYTES, 0))
            digest.update(f.read(SAMPLE_BYTES))
    return {"path": os.path.realpath(source.path), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "sampled": digest.hexdigest()}


def prepare(sources, folder, drop="", progress=True):
    """The corpus of `sources` without the characters in `drop`, prepared in the cache `folder`
    unless an entry of the same files, unchanged, is there already."""
    signatures = [_signature(s) for s in sources]
    key = hashlib.sha256(json.dumps([[s["path"] for s in signatures], drop]).encode()).hexdigest()[:24]
    entry = os.path.join(folder, key)
    try:
        os.makedirs(entry, exist_ok=True)
    except OSError as e:
        raise MgptError(f"cannot create the corpus cache {entry} ({e.strerror}); set MGPT_CACHE or "
                        f"--cache-dir to a writable folder") from None
    with _locked(entry, shared=True):
        manifest = _valid(entry, signatures)
        if manifest:
            return Prepared(entry, manifest, sources)
    with _locked(entry):
        manifest = _valid(entry, signatures)  # another process may have prepared it meanwhile
        if manifest:
            return Prepared(entry, manifest, sources)
        started = time.perf_counter()
        manifest = _build(entry, sources, signatures, drop, progress)
        return Prepared(entry, manifest, sources, seconds=time.perf_counter() - started)


def _valid(entry, signatures):
    """The entry's manifest if it is whole and its sources are unchanged, else None."""
    try:
        with open(os.path.join(entry, MANIFEST), encoding="utf-8") as f:
            manifest = json.load(f)
        size = os.path.getsize(os.path.join(entry, TOKENS))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("sources") != signatures:
        return None
    return manifest if size == manifest["tokens"] * np.dtype(manifest["dtype"]).itemsize else None


def _build(entry, sources, signatures, drop, progress):
    _clear(entry, lambda name: name != "lock")  # an older preparation, or one interrupted
    total = sum(s["size"] for s in signatures)
    with _bar(2 * total, f"preparing {', '.join(s.name for s in sources)}", progress) as advance:
        chars, sha256 = scan(sources, advance)
        refuse_nothing(chars, sources)
        kept = "".join(c for c in chars if c not in drop)
        count, lines = _publish(entry, TOKENS, lambda f: encode(sources, kept, drop, f, advance))
    for source, signature in zip(sources, signatures):
        st = os.stat(source.path)
        if (st.st_size, st.st_mtime_ns) != (signature["size"], signature["mtime_ns"]):
            os.unlink(os.path.join(entry, TOKENS))
            raise MgptError(f"{source.name} changed while it was being prepared; run again once it is written")
    manifest = {"format": FORMAT, "sources": signatures, "drop": drop, "chars": kept,
                "dtype": id_dtype(len(kept)).name, "tokens": count, "sha256": sha256, "lines": lines}
    _publish(entry, MANIFEST, lambda f: f.write(json.dumps(manifest, indent=1).encode("utf-8")))
    return manifest


def _clear(entry, which):
    """Removes the entry's files `which` names; only a process that holds the lock alone may."""
    for name in os.listdir(entry):
        if which(name):
            os.unlink(os.path.join(entry, name))


@contextmanager
def _locked(entry, shared=False):
    """Preparing and deriving hold the entry's lock alone; opening shares it (so no file is replaced
    between reading the manifest and opening the files it names). A process that dies releases it."""
    try:
        fd = os.open(os.path.join(entry, "lock"), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as e:
        raise MgptError(f"cannot use the corpus cache {entry} ({e.strerror}); set MGPT_CACHE or --cache-dir "
                        f"to a writable folder") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _publish(entry, name, write):
    """write(f) into a temporary file, fsync, renamed to name, the folder synced: never a
    half-written file, and a file is on disk before the next one (the manifest last) is written."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=entry)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), 0o666 & ~_UMASK)  # mkstemp makes 0600 files; a shared cache needs the usual
            result = write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, os.path.join(entry, name))
        folder = os.open(entry, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        return result
    except OSError as e:
        raise MgptError(f"cannot write the prepared corpus in {entry} ({e.strerror}); free some space or set "
                        f"MGPT_CACHE or --cache-dir to another folder") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextmanager
def _bar(total, label, enabled):
    """advance(bytes) for a progress bar on stderr, or None (small corpora, or not asked)."""
    if not enabled or total < 2 * PROGRESS_FROM:
        yield None
        return
    from tqdm import tqdm  # only here: eval of a small file never loads it

    with tqdm(total=total, desc=label, unit="B", unit_scale=True, file=sys.stderr, dynamic_ncols=True) as bar:
        yield bar.update


def _size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return None


class FileArray:
    """An array kept in a file, read where it is indexed (os.pread: an int or a slice of rows),
    never memory-mapped.

    On a kernel whose page cache holds large folios (Linux 6.x on ext4), each page fault of a
    mapped file maps a whole folio, up to 2 MB: the first step of a 1 GB corpus, 36 random windows,
    grew a mapping's resident memory by 70 MB. A read leaves the data in the page cache, which
    every process and MPI rank shares, and this process's own memory as it was.
    """

    def __init__(self, path, dtype, shape):
        self.file = open(path, "rb")  # kept open: stdin's scratch folder may go while it is read
        self.dtype, self.shape, self.first = np.dtype(dtype), tuple(shape), 0
        self.row_bytes = self.dtype.itemsize * int(np.prod(self.shape[1:]))

    def __len__(self):
        return self.shape[0]

    def part(self, start, stop):
        """Rows start..stop-1 as an array of their own (nothing is read)."""
        view = copy.copy(self)
        view.first, view.shape = self.first + start, (stop - start, *self.shape[1:])
        return view

    def __getitem__(self, key):
        if not isinstance(key, slice):
            i = operator.index(key)
            i += len(self) if i < 0 else 0
            return self[i:i + 1][0]
        start, stop, step = key.indices(len(self))
        if step != 1:
            raise ValueError("a FileArray reads contiguous rows only")
        size, offset = max(stop - start, 0) * self.row_bytes, (self.first + start) * self.row_bytes
        data = os.pread(self.file.fileno(), size, offset)
        return np.frombuffer(data, dtype=self.dtype).reshape(-1, *self.shape[1:])


class Prepared:
    """A prepared corpus: its characters, hash and line statistics, its ids in a FileArray."""

    def __init__(self, entry, manifest, sources, seconds=None):
        self.entry, self.sources, self.seconds = entry, sources, seconds  # seconds: None if prepared earlier
        self.chars, self.sha256, self.lines = manifest["chars"], manifest["sha256"], manifest["lines"]
        self.dtype = np.dtype(manifest["dtype"])
        self.tokens = FileArray(os.path.join(entry, TOKENS), self.dtype, (manifest["tokens"],))

    def describe(self):
        names = ", ".join(s.name for s in self.sources)
        when = f"prepared in {self.seconds:.1f} s" if self.seconds is not None else "prepared earlier"
        return f"{names}: {len(self.tokens):,} characters, {len(self.chars)} distinct; {when} ({self.entry})"

    def id_chunks(self):
        """The ids in chunks, for a pass over all of them."""
        with open(os.path.join(self.entry, TOKENS), "rb") as f:
            while data := f.read(CHUNK):
                yield np.frombuffer(data, dtype=self.dtype)

    def derived(self, name, dtype, shape, write):
        """A FileArray kept beside the ids: write(f) makes its bytes, once, under the entry's lock (so
        write must not derive another array)."""
        path = os.path.join(self.entry, name)
        whole = int(np.prod(shape)) * np.dtype(dtype).itemsize
        with _locked(self.entry, shared=True):
            if _size(path) == whole:
                return FileArray(path, dtype, shape)
        with _locked(self.entry):
            if _size(path) != whole:
                _clear(self.entry, lambda name: name.startswith(".tmp-"))  # left by a process that was killed
                _publish(self.entry, name, write)
            return FileArray(path, dtype, shape)

    def docs(self):
        """(n, 2): the start and length of each non-blank line, the documents of docs mode."""
        def write(f):
            lines = Lines(self.chars)
            for ids in self.id_chunks():
                starts, lengths, inked = lines.feed(ids)
                f.write(np.stack([starts[inked], lengths[inked]], axis=1).astype(np.int64).tobytes())
        return self.derived(DOCS, np.int64, (self.lines["lines"], 2), write)

    def counts(self):
        """How often each character occurs."""
        def write(f):
            total = np.zeros(len(self.chars), dtype=np.int64)
            for ids in self.id_chunks():
                total += np.bincount(ids, minlength=len(self.chars))
            f.write(total.tobytes())
        return self.derived(COUNTS, np.int64, (len(self.chars),), write)[:]

    def occurrences(self, chars):
        """Where the string chars starts in the text, in order (every occurrence, overlaps included)."""
        pattern = [self.chars.find(c) for c in chars]
        if not chars or -1 in pattern:
            return np.zeros(0, dtype=np.int64)
        found, tail, at = [np.zeros(0, dtype=np.int64)], np.zeros(0, dtype=self.dtype), 0
        for ids in self.id_chunks():
            window = np.concatenate([tail, ids])  # the last len-1 ids of the chunk before, then this one
            hits = np.flatnonzero(window[:len(window) - len(pattern) + 1] == pattern[0])
            for k, want in enumerate(pattern[1:], start=1):
                hits = hits[window[hits + k] == want]
            found.append(hits + at - len(tail))
            at += len(ids)
            tail = window[len(window) - len(pattern) + 1:]
        return np.concatenate(found)


class Corpus:
    """The corpus a command names: files, or - for stdin; prepared (rank 0 first under MPI, the
    others then find it in the cache), each set of dropped characters once per command.

    stdin is copied into a scratch folder (under $TMPDIR) and prepared there, at every run; the
    folder is removed when the command ends.
    """

    def __init__(self, paths, cache_dir=None, world=None, progress=True):
        if not paths:
            raise MgptError("no corpus given: pass one or more files, or - to read stdin")
        if list(paths).count("-") > 1:
            raise MgptError("- (stdin) is given twice; name it once")
        self.paths, self.world, self.progress = list(paths), world or Single(), progress
        self.folder, self.scratch, self._prepared, self._text = cache_folder(cache_dir), None, {}, None

    def __enter__(self):
        stdin = None
        if "-" in self.paths:
            self.scratch = self.folder = tempfile.mkdtemp(prefix="mgpt-stdin-")
            stdin = os.path.join(self.scratch, "stdin.txt")
            self._spool_stdin(stdin)
        self.sources = [Source(stdin, "<stdin>") if p == "-" else Source(p, p) for p in self.paths]
        return self

    def __exit__(self, *exc):
        if self.scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def _spool_stdin(self, path):
        """stdin (rank 0's under mpiexec, passed on chunk by chunk) copied into path."""
        with open(path, "wb") as f:
            while chunk := self.world.bcast_object(sys.stdin.buffer.read(CHUNK) if self.world.is_root else None):
                f.write(chunk)

    def prepared(self, drop=""):
        if drop not in self._prepared:
            self._prepared[drop] = root_first(self.world, lambda: prepare(
                self.sources, self.folder, drop, self.progress and self.world.is_root))
        return self._prepared[drop]

    def text(self):
        if self._text is None:
            self._text = read_text(self.sources)
        return self._text

