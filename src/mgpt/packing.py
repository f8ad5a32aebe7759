"""Pieces of unequal length side by side in rows, so a batch pays for its characters, not for
padding each piece to the longest: the span reader's (question, chunk) pairs (pairs.make_batch)
and the GPT's short documents in docs mode (data.DocsSplit). Each piece keeps its own positions
and is seen only by itself (a segment of its row), so the numbers are those of the padded batch.
"""

from typing import NamedTuple

import numpy as np

from .kernels import IGNORE_INDEX


def pack(lengths, width):
    """(row, offset) for pieces of these lengths (each <= width) in rows of `width`: longest first,
    each into the first row with room (first-fit decreasing), so rows are nearly full."""
    places, fill = [None] * len(lengths), []
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        row = next((r for r, used in enumerate(fill) if used + lengths[i] <= width), len(fill))
        if row == len(fill):
            fill.append(0)
        places[i] = (row, fill[row])
        fill[row] += lengths[i]
    return places


class PackedDocs(NamedTuple):
    """Documents side by side, per position (R, T): ids, the position within its document, and
    segments (which document of the row it belongs to, -1 for padding). The GPT reads each
    document on its own, causally (model.py)."""
    ids: np.ndarray
    positions: np.ndarray
    segments: np.ndarray


def pack_docs(rows, firsts, width):
    """(PackedDocs x, y) of documents (rows: ids with their BOS, each at most width + 1 long; firsts:
    each one's first scored target, as pad_rows takes them) packed in rows of `width`; None where
    that would take as many positions as padding every row to the longest (documents as long as
    the block)."""
    lengths = [len(row) - 1 for row in rows]
    places = pack(lengths, width)
    R = max(r for r, _ in places) + 1
    T = max(at + n for (_, at), n in zip(places, lengths))
    if R * T >= len(rows) * max(lengths):
        return None
    ids, positions = np.zeros((R, T), np.int32), np.zeros((R, T), np.int32)
    segments, y = np.full((R, T), -1, np.int32), np.full((R, T), IGNORE_INDEX, np.int32)
    in_row = [0] * R
    for row, first, (r, at), n in zip(rows, firsts, places, lengths):
        first = min(first, n)
        ids[r, at:at + n], positions[r, at:at + n], segments[r, at:at + n] = row[:-1], np.arange(n), in_row[r]
        y[r, at + first:at + n] = row[1 + first:]
        in_row[r] += 1
    return PackedDocs(ids, positions, segments), y
