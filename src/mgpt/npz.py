"""Reading .npz files that strangers may have written, checking before allocating.

A checkpoint is shared, and its format is documented for other programs, so mgpt opens files it
did not write. Every member's .npy header (dtype and shape) is read first, alone, and checked
against the member's real size in the archive: an array is only read once the bytes it claims
are known to be there. So a forged header (a shape of 2**38 over a few kilobytes) is refused
before any memory is asked for, and reading never allocates more than the file holds. Pickled
(object) members are refused; duplicate names, truncated members and compressed members that
would expand beyond reason are refused. Every refusal is an MgptError naming the file and the
member.
"""

import zipfile

import numpy as np

from .errors import MgptError

MAX_EXPANSION = 64  # a deflated member may claim at most this many times its compressed size (plus 1 MiB)


class NpzReader:
    """The members of one .npz, by key (the member name without .npy), read on demand."""

    def __init__(self, path):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
            raise MgptError(f"{path}: not a readable .npz checkpoint (truncated or corrupt: {e})") from None
        self.members = {}
        for info in infos:
            key = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
            if key in self.members:
                raise MgptError(f"{path}: member {key!r} appears twice; the file is corrupt or forged")
            self.members[key] = info

    def close(self):
        self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __contains__(self, key):
        return key in self.members

    def _fail(self, key, why):
        raise MgptError(f"{self.path}: member {key!r} {why}; the file is corrupt or was not written by mgpt")

    def header(self, key):
        """(shape, dtype, data offset) of a member, from its header alone, checked against its size."""
        info = self.members.get(key)
        if info is None:
            raise KeyError(key)
        if info.compress_type != zipfile.ZIP_STORED and info.file_size > MAX_EXPANSION * info.compress_size + 2**20:
            self._fail(key, f"claims to expand {info.compress_size:,} bytes to {info.file_size:,}")
        try:
            with self.zip.open(info) as f:
                version = np.lib.format.read_magic(f)
                read = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}
                if version not in read:
                    self._fail(key, f"has .npy version {version}")
                shape, fortran, dtype = read[version](f)
                offset = f.tell()
        except MgptError:
            raise
        except Exception as e:  # parsing a stranger's header: whatever breaks, it is not a header
            self._fail(key, f"has no readable .npy header ({type(e).__name__})")
        if dtype.hasobject:
            self._fail(key, "holds Python objects (a pickle); mgpt never unpickles")
        if any(not isinstance(n, int) or n < 0 for n in shape):
            self._fail(key, f"has an impossible shape {shape}")
        claimed = int(np.prod(shape, dtype=object)) * dtype.itemsize
        if offset + claimed != info.file_size:
            self._fail(key, f"claims {claimed:,} bytes of data (shape {shape}, {dtype}) but holds "
                            f"{info.file_size - offset:,}")
        return shape, dtype, offset

    def array(self, key, shape=None, kinds="fiuU"):
        """The member as an array, after its header passed; `shape` and dtype kinds are required."""
        found, dtype, _ = self.header(key)
        if shape is not None and tuple(found) != tuple(shape):
            self._fail(key, f"has shape {tuple(found)}, expected {tuple(shape)}")
        if dtype.kind not in kinds:
            self._fail(key, f"has dtype {dtype}, expected one of kinds {kinds!r}")
        try:
            with self.zip.open(self.members[key]) as f:
                return np.lib.format.read_array(f, allow_pickle=False)
        except (ValueError, OSError, EOFError, zipfile.BadZipFile) as e:
            self._fail(key, f"cannot be read ({e})")

    def text(self, key, default=None):
        """A 0-d string member (default when absent)."""
        if key not in self.members and default is not None:
            return default
        array = self.array(key, shape=(), kinds="U")
        order = array.dtype.byteorder if array.dtype.byteorder in "<>" else "="
        codes = np.frombuffer(array.tobytes(), dtype=np.dtype("u4").newbyteorder(order))
        if codes.size and (codes.max() > 0x10FFFF or ((codes >= 0xD800) & (codes < 0xE000)).any()):
            self._fail(key, "holds code points that are not characters")
        return str(array)

    def integer(self, key):
        """A 0-d integer member."""
        return int(self.array(key, shape=(), kinds="iu"))
