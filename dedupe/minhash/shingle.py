"""Word n-gram shingles, hashed to 32 bits without a Python loop per shingle.

Each token is hashed once (FNV-1a 64 of its UTF-8 bytes, cached per vocabulary word);
the n token hashes of a shingle are folded polynomially and avalanched, all in numpy.
`shingle_hash` computes the same value for one shingle given as text, so it can be
passed to datasketch as `hashfunc`. Batch functions run compiled kernels when numba is
installed (see `backend`), with the same results.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from dedupe.arrays import sorted_unique
from dedupe.minhash.backend import kernels
from dedupe.minhash.signature import permutations, signatures
from dedupe.text.glyphs import LOOK_ALIKES, glyph_skeleton
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


def token_hashes(tokens: list[str]) -> np.ndarray:
    """64-bit hash of every token (uint64)."""
    cache = _token_cache
    try:
        values = [cache[t] for t in tokens]
    except KeyError:
        values = [cache.get(t) or token_hash(t) for t in tokens]
    return np.array(values, dtype=np.uint64)


class TokenHashes(NamedTuple):
    """Per text: the hash of each token (uint64) and whether the token is a number (bool)."""

    hashes: list[np.ndarray]
    is_number: list[np.ndarray]


def hash_texts(texts: Sequence[str]) -> TokenHashes:
    """Token hashes of many normalized texts, `token_hashes(tokenize(text))` for each, and
    which tokens are numbers (`token[0].isdigit()`).

    Compiled for ASCII text; in other texts, only the words with non-ASCII characters go
    through `tokenize`.
    """
    compiled = kernels()
    if compiled is None:
        return TokenHashes(*map(list, zip(*map(_regex_token_hashes, texts)))) if texts else TokenHashes([], [])
    if all(text.isascii() for text in texts):
        return TokenHashes(*compiled.hash_ascii_texts(texts))
    # Tokens never span whitespace, so a text can be tokenized piece by piece: its ASCII
    # stretches by the compiled kernel (all in one batch), its other words by the regex.
    runs: list[str] = []
    plans: list[list[int | str]] = []  # per text: indexes into runs, or non-ASCII words
    for text in texts:
        plan: list[int | str] = []
        for piece, is_ascii in [(text, True)] if text.isascii() else _ascii_stretches(text):
            if is_ascii:
                plan.append(len(runs))
                runs.append(piece)
            else:
                plan.append(piece)
        plans.append(plan)
    run_hashes, run_numbers = compiled.hash_ascii_texts(runs)
    hashes, is_number = [], []
    for plan in plans:
        parts = [(run_hashes[p], run_numbers[p]) if isinstance(p, int) else _regex_token_hashes(p) for p in plan]
        if len(parts) == 1:
            h, numbers = parts[0]
        elif parts:
            h, numbers = np.concatenate([h for h, _ in parts]), np.concatenate([n for _, n in parts])
        else:
            h, numbers = np.empty(0, np.uint64), np.empty(0, np.bool_)
        hashes.append(h)
        is_number.append(numbers)
    return TokenHashes(hashes, is_number)


def _ascii_stretches(text: str) -> list[tuple[str, bool]]:
    """The text cut at whitespace into ASCII stretches and words with other characters,
    in order, each with whether it is ASCII."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    pieces, done = [], 0
    for position in np.flatnonzero(codes > 127).tolist():
        if position < done:  # in the word before
            continue
        start, end = position, position + 1
        while start > done and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if start > done:
            pieces.append((text[done:start], True))
        pieces.append((text[start:end], False))
        done = end
    if done < len(text):
        pieces.append((text[done:], True))
    return pieces


def _regex_token_hashes(text: str) -> tuple[np.ndarray, np.ndarray]:
    tokens = tokenize(text)
    return token_hashes(tokens), np.fromiter((t[0].isdigit() for t in tokens), dtype=np.bool_, count=len(tokens))


def _avalanche(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer, keeping the high 32 bits."""
    h = h ^ (h >> _S33)
    h = h * _MIX1
    h = h ^ (h >> _S33)
    h = h * _MIX2
    h = h ^ (h >> _S33)
    return (h >> _S32).astype(np.uint32)


def fold_shingles(hashes: np.ndarray, n: int) -> np.ndarray:
    """Hashes of every n-gram of a token-hash sequence, in order (uint32).

    A sequence shorter than one shingle yields a single shingle of all its tokens, so that
    short texts stay distinct from each other instead of all becoming empty.
    """
    if len(hashes) == 0:
        return np.empty(0, dtype=np.uint32)
    width = min(n, len(hashes))
    count = len(hashes) - width + 1
    with np.errstate(over="ignore"):
        h = hashes[:count].copy()
        for j in range(1, width):
            h = h * _FOLD + hashes[j : j + count]
    return _avalanche(h)


def hash_shingles(tokens: list[str], n: int) -> np.ndarray:
    """Hashes of every word n-gram of `tokens`, in order (uint32)."""
    return fold_shingles(token_hashes(tokens), n)


def shingle_set(text: str, n: int) -> np.ndarray:
    """Sorted unique shingle hashes of normalized text."""
    return sorted_unique(hash_shingles(tokenize(text), n))


def shingle_hash(shingle: str | bytes) -> int:
    """Hash of one shingle given as its words (e.g. b"the minister said on tuesday").

    Equal to the matching element of `hash_shingles`; use it as datasketch's `hashfunc`.
    """
    if isinstance(shingle, bytes):
        shingle = shingle.decode("utf-8")
    tokens = tokenize(shingle)
    return int(hash_shingles(tokens, len(tokens))[0])


def batch_shingle_sets(hash_lists: Sequence[np.ndarray], n: int) -> list[np.ndarray]:
    """Sorted unique shingle hashes (uint32) of many token-hash sequences at once."""
    compiled = kernels()
    if compiled is not None:
        return compiled.batch_shingle_sets(hash_lists, n)
    return _batch_shingle_sets_numpy(hash_lists, n)


def _look_alike_codes() -> np.ndarray:
    codes = np.arange(128, dtype=np.uint64)
    for code, glyph in LOOK_ALIKES.items():
        codes[code] = ord(glyph)
    return codes


_LOOK_ALIKE_CODES = _look_alike_codes()


def char_shingle_sets(texts: Sequence[str], n: int) -> list[np.ndarray]:
    """Sorted unique hashes (uint32) of the character n-grams of each text's glyph
    skeleton (`dedupe.text.glyphs`): the OCR-robust channel. Code points are folded into
    shingles as word n-grams fold token hashes."""
    compiled = kernels()
    if compiled is not None:
        return compiled.char_shingle_sets(texts, n, _LOOK_ALIKE_CODES)
    skeletons = [np.frombuffer(glyph_skeleton(text).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
                 for text in texts]
    return _batch_shingle_sets_numpy(skeletons, n)


def char_sketches(texts: Sequence[str], n: int, num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures and sizes of the `char_shingle_sets` of the texts: what the
    character channel keeps (its sets are only counted, never stored)."""
    compiled = kernels()
    if compiled is not None:
        return compiled.char_sketches(texts, n, _LOOK_ALIKE_CODES, *permutations(num_perm, seed))
    sets = char_shingle_sets(texts, n)
    return signatures(sets, num_perm, seed), np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))


def _batch_shingle_sets_numpy(hash_lists: Sequence[np.ndarray], n: int) -> list[np.ndarray]:
    """Folding, mixing and de-duplicating run once over the whole batch instead of once per
    document; documents shorter than one shingle go through `fold_shingles`."""
    lengths = np.fromiter((len(h) for h in hash_lists), dtype=np.int64, count=len(hash_lists))
    out: list[np.ndarray] = [np.empty(0, dtype=np.uint32)] * len(hash_lists)
    for doc in np.flatnonzero((lengths > 0) & (lengths < n)).tolist():
        out[doc] = sorted_unique(fold_shingles(hash_lists[doc], n))
    full = np.flatnonzero(lengths >= n)
    if len(full) == 0:
        return out
    tokens = np.concatenate([hash_lists[d] for d in full.tolist()])
    doc_of = np.repeat(np.arange(len(full), dtype=np.uint64), lengths[full])
    count = len(tokens) - n + 1
    with np.errstate(over="ignore"):
        h = tokens[:count].copy()
        for j in range(1, n):
            h = h * _FOLD + tokens[j : j + count]
    # A window is a shingle of one document when it starts and ends in that document.
    inside = doc_of[:count] == doc_of[n - 1 :]
    keys = sorted_unique((doc_of[:count][inside] << _S32) | _avalanche(h[inside]).astype(np.uint64))
    docs = (keys >> _S32).astype(np.int64)
    values = (keys & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    bounds = np.searchsorted(docs, np.arange(len(full) + 1))
    for k, doc in enumerate(full.tolist()):
        out[doc] = values[bounds[k] : bounds[k + 1]]
    return out
