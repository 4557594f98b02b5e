"""Word n-gram shingles, hashed to 32 bits without a Python loop per shingle.

Each token is hashed once (FNV-1a 64 of its UTF-8 bytes, cached per vocabulary word);
the n token hashes of a shingle are folded polynomially and avalanched, all in numpy.
`shingle_hash` computes the same value for one shingle given as text, so it can be
passed to datasketch as `hashfunc`.
"""

from __future__ import annotations

import numpy as np

from dedupe.text.tokenize import tokenize

_FNV_OFFSET = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_MASK64 = (1 << 64) - 1
_FOLD = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier of the polynomial fold
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)
_S32 = np.uint64(32)
_CACHE_LIMIT = 2_000_000

_token_cache: dict[str, int] = {}


def token_hash(token: str) -> int:
    """64-bit FNV-1a of the token's UTF-8 bytes."""
    cached = _token_cache.get(token)
    if cached is not None:
        return cached
    h = _FNV_OFFSET
    for byte in token.encode("utf-8"):
        h = ((h ^ byte) * _FNV_PRIME) & _MASK64
    if len(_token_cache) >= _CACHE_LIMIT:
        _token_cache.clear()
    _token_cache[token] = h
    return h


def _token_hashes(tokens: list[str]) -> np.ndarray:
    get = _token_cache.get
    return np.fromiter((get(t) or token_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))


def _avalanche(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer, keeping the high 32 bits."""
    h = h ^ (h >> _S33)
    h = h * _MIX1
    h = h ^ (h >> _S33)
    h = h * _MIX2
    h = h ^ (h >> _S33)
    return (h >> _S32).astype(np.uint32)


def hash_shingles(tokens: list[str], n: int) -> np.ndarray:
    """Hashes of every word n-gram of `tokens`, in order (uint32).

    A text shorter than one shingle yields a single shingle of all its tokens, so that
    short texts stay distinct from each other instead of all becoming empty.
    """
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    t = _token_hashes(tokens)
    width = min(n, len(t))
    count = len(t) - width + 1
    with np.errstate(over="ignore"):
        h = t[:count].copy()
        for j in range(1, width):
            h = h * _FOLD + t[j : j + count]
    return _avalanche(h)


def shingle_set(text: str, n: int) -> np.ndarray:
    """Sorted unique shingle hashes of normalized text."""
    return np.unique(hash_shingles(tokenize(text), n))


def shingle_hash(shingle: str | bytes) -> int:
    """Hash of one shingle given as its words (e.g. b"the minister said on tuesday").

    Equal to the matching element of `hash_shingles`; use it as datasketch's `hashfunc`.
    """
    if isinstance(shingle, bytes):
        shingle = shingle.decode("utf-8")
    tokens = tokenize(shingle)
    return int(hash_shingles(tokens, len(tokens))[0])
