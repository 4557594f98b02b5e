"""MinHash signatures for a batch of documents at once.

Uses datasketch's default "affine32" scheme (datasketch ≥ 2.0): each 32-bit shingle hash
is pre-mixed with the MurmurHash3 32-bit finalizer, then permuted as `a * h + b mod 2**32`
with odd `a`; the signature is the minimum per permutation. With the same `num_perm`,
`seed` and shingle hashes, the result is bit-identical to `datasketch.MinHash`, so our
signatures can be loaded into datasketch's indexes. Compiled when numba is installed
(see `backend`), with the same results.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from dedupe.minhash.backend import kernels

EMPTY = np.uint32(0xFFFFFFFF)
"""Signature value of an empty set (datasketch's max hash)."""

@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) parameters datasketch draws for `MinHash(num_perm, seed)` (affine32)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, as datasketch applies it before permuting."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(shingle_sets: Sequence[np.ndarray], num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """One MinHash signature per document (rows), uint32 of shape (len(shingle_sets), num_perm).

    A document without shingles gets the all-`EMPTY` signature.
    """
    a, b = permutations(num_perm, seed)
    compiled = kernels()
    if compiled is not None:
        return compiled.signatures(shingle_sets, a, b)
    return _signatures_numpy(shingle_sets, a, b)


def _signatures_numpy(shingle_sets: Sequence[np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    num_perm = len(a)
    out = np.full((len(shingle_sets), num_perm), EMPTY, dtype=np.uint32)
    sizes = np.fromiter((len(s) for s in shingle_sets), dtype=np.int64, count=len(shingle_sets))
    docs = np.flatnonzero(sizes)
    if len(docs) == 0:
        return out
    hashes = fmix32(np.concatenate([shingle_sets[d] for d in docs]).astype(np.uint32, copy=False))
    offsets = np.concatenate(([0], np.cumsum(sizes[docs])[:-1]))
    # The permutation loop is outermost: each pass is one vectorized sweep over every
    # shingle of the batch, which is ~7x faster than a (shingles x permutations) matrix.
    with np.errstate(over="ignore"):
        for k in range(num_perm):
            out[docs, k] = np.minimum.reduceat(hashes * a[k] + b[k], offsets)
    return out
