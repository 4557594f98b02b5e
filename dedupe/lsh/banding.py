"""LSH banding by sorting: documents whose signatures agree on a whole band are candidates.

Each band's rows are folded into one 64-bit key; a stable sort groups equal keys, and all
pairs inside a group are emitted without a Python loop per document. This finds the same
candidate pairs as datasketch's MinHashLSH with the same bands and rows.
"""

from __future__ import annotations

import numpy as np

from dedupe.arrays import sorted_unique

_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(29)


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """uint64 key of every (document, band): shape (n_docs, bands)."""
    n = signatures.shape[0]
    keys = np.zeros((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            # Row r of every band: columns r, r + rows, ... (one (n, bands) slice at a time,
            # not a uint64 copy of the whole matrix: 0.9 GB per channel at 1M articles).
            keys ^= signatures[:, r : bands * rows : rows]
            keys *= _MIX
            keys ^= keys >> _SHIFT
    return keys


def _pairs_in_groups(members: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """All (i, j) pairs, i < j, of `members` sharing a key; keys must be sorted."""
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    sizes = np.diff(np.append(starts, len(keys)))
    multi = sizes > 1
    if not multi.any():
        return np.empty((0, 2), dtype=np.int64)
    # Keep only documents in groups of two or more before the pairing passes.
    keep = np.repeat(multi, sizes)
    members, sizes = members[keep], sizes[multi]
    group_of = np.repeat(np.arange(len(sizes)), sizes)
    out = []
    # Offset d pairs position p with p + d inside the same group: max(group size) - 1
    # vectorized passes emit every within-group pair exactly once.
    for d in range(1, int(sizes.max())):
        left = np.flatnonzero(group_of[:-d] == group_of[d:])
        if len(left) == 0:
            break
        out.append(np.stack((members[left], members[left + d]), axis=1))
    pairs = np.concatenate(out)
    return np.sort(pairs, axis=1)


def candidate_pairs(signatures: np.ndarray, bands: int, rows: int, include: np.ndarray | None = None) -> np.ndarray:
    """Unique candidate pairs (i, j), i < j, as an int64 array of shape (n, 2), sorted.

    `include` (bool per document) leaves out documents that must not be matched,
    such as empty ones whose signatures would all collide.
    """
    docs = np.arange(signatures.shape[0]) if include is None else np.flatnonzero(include)
    if len(docs) < 2:
        return np.empty((0, 2), dtype=np.int64)
    return band_pairs(docs, band_keys(signatures if len(docs) == signatures.shape[0] else signatures[docs],
                                      bands, rows))


SMALL = 128
"""Up to this many documents, every pair's keys are compared at once instead of sorting
each band: an incremental index query reclusters a few dozen articles, and ~110 sorts of
tiny arrays cost more in numpy calls than the comparisons."""


def band_pairs(docs: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Unique pairs of `docs` that share a key in any column of `keys` (one per band)."""
    if len(docs) <= SMALL:
        shared = (keys[:, None, :] == keys[None, :, :]).any(axis=2)
        first, second = np.nonzero(np.triu(shared, k=1))
        return unique_pairs(np.sort(np.stack((docs[first], docs[second]), axis=1).astype(np.int64), axis=1))
    found = [np.empty((0, 2), dtype=np.int64)]
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        found.append(_pairs_in_groups(docs[order], keys[order, band]))
    return unique_pairs(np.concatenate(found))


def unique_pairs(pairs: np.ndarray) -> np.ndarray:
    """Sorted unique rows of an (n, 2) pair array with i < j in each row."""
    if len(pairs) == 0:
        return np.empty((0, 2), dtype=np.int64)
    codes = sorted_unique((pairs[:, 0].astype(np.int64) << 32) | pairs[:, 1].astype(np.int64))
    return np.stack((codes >> 32, codes & 0xFFFFFFFF), axis=1)
