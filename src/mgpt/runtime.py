"""Process-level tuning that the kernels' speed depends on.

Training allocates the same large temporaries every step. glibc serves blocks above its mmap
threshold (128 KiB at first) with fresh mmap calls, so every step page-faults its activations
in again; on a 2-core machine that was ~40% of a baby-model step. Raising the thresholds keeps
freed blocks in the heap for reuse. The change only affects this process.
"""

import ctypes
import ctypes.util
import sys

_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD = -1, -2, -3
_tuned = False


def tune_allocator(threshold=1 << 30):
    """Idempotent; a no-op where the C library is not glibc."""
    global _tuned
    if _tuned or not sys.platform.startswith("linux"):
        return
    _tuned = True
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    if not mallopt(_M_MMAP_THRESHOLD, threshold):
        mallopt(_M_MMAP_THRESHOLD, 32 << 20)  # the most some glibc versions accept
    mallopt(_M_TRIM_THRESHOLD, threshold)
    mallopt(_M_TOP_PAD, 64 << 20)
