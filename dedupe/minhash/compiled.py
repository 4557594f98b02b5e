"""Compiled (numba) kernels for sketching: the same hashes, shingles and signatures as the
numpy code in `shingle.py` and `signature.py`, bit for bit, several times faster.

Optional: this module imports only when numba is installed (the `fast` extra); `backend`
decides whether it is used. Kernels are compiled for fixed types when this module is
imported and cached on disk (next to it, or in numba's user cache dir when that is
read-only), so later runs load them in about a second and worker processes forked
afterwards inherit them ready to run.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

import numba
import numpy as np
from numba import njit, prange, types

# GNU OpenMP, numba's default on Linux, aborts a forked child that runs a parallel
# region after its parent did; the pipeline forks its workers, so use a fork-safe layer.
if "NUMBA_THREADING_LAYER" not in os.environ:
    numba.config.THREADING_LAYER = "forksafe"

# Same constants as shingle.py and signature.py (tests check that they agree).
_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)
_FOLD = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_FMIX32_1 = np.uint32(0x85EBCA6B)
_FMIX32_2 = np.uint32(0xC2B2AE35)
_EMPTY = np.uint32(0xFFFFFFFF)

_COMMA, _DOT, _APOSTROPHE = ord(","), ord("."), ord("'")
_TEXT = types.Array(types.uint8, 1, "C", readonly=True)  # bytes of the texts
_PERMUTATION = types.Array(types.uint32, 1, "C", readonly=True)  # a or b of signature.permutations
_CODE_POINTS = types.Array(types.uint32, 1, "C", readonly=True)  # UTF-32 of the texts


def set_threads(threads: int) -> None:
    """Threads the parallel kernels use in the calling thread (1 in forked workers)."""
    numba.set_num_threads(max(1, min(threads, numba.config.NUMBA_NUM_THREADS)))


# --- tokens ------------------------------------------------------------------------------

_OTHER, _LETTER, _DIGIT, _JOINER = 0, 1, 2, 3


def _byte_classes() -> np.ndarray:
    classes = np.full(256, _OTHER, dtype=np.uint8)
    classes[ord("a") : ord("z") + 1] = _LETTER
    classes[ord("A") : ord("Z") + 1] = _LETTER
    classes[ord("0") : ord("9") + 1] = _DIGIT
    classes[[_APOSTROPHE, _DOT, _COMMA]] = _JOINER
    return classes


_CLASSES = _byte_classes()


@njit(types.uint64(_TEXT, types.intp, types.intp), cache=True)
def _comma_number_hash(text, first, end):
    """Hash of the number text[first:end], which has commas, as `tokenize` unifies it:
    the commas dropped when each is followed by exactly three characters before the next
    comma or the end ("1,000" as "1000"), else read as decimal points ("3,5" as "3.5")."""
    thousands = True
    run = -1  # characters since the last comma; -1 before the first comma
    for i in range(first, end):
        if text[i] == _COMMA:
            thousands = thousands and run in (-1, 3)
            run = 0
        elif run >= 0:
            run += 1
    thousands = thousands and run == 3
    h = _FNV_OFFSET
    for i in range(first, end):
        c = text[i]
        if c == _COMMA:
            if thousands:
                continue
            c = np.uint8(_DOT)
        h = (h ^ np.uint64(c)) * _FNV_PRIME
    return h


@njit(types.intp(_TEXT, types.intp, types.intp, types.intp, types.uint64[::1], types.boolean[::1]),
      cache=True)
def _hash_text_tokens(text, s, end, t, hashes, is_number):
    """Token hashes of the ASCII text text[s:end], as `tokenize` and `token_hash` make
    them, written from hashes[t] on (t <= s); returns where they end.

    One branch-free pass per byte: a token is a run of bytes of one class (letters or
    digits); an apostrophe joins two letters and a dot or comma two digits, as in the
    regex. Each byte is folded into the running hash; the hash is stored at every byte
    and the token count advances when a token ends, so word lengths cause no branch
    mispredictions. The stores stay below `end`: a token ends only after a byte of it.
    """
    classes = _CLASSES
    h = _FNV_OFFSET
    prev = _OTHER  # class of the token the previous byte belongs to
    first = s  # where the current token starts
    commas = False  # the current token is a number with commas
    for i in range(s, end):
        c = text[i]
        k = classes[c]
        if k == _JOINER:
            kind = _LETTER if c == _APOSTROPHE else _DIGIT
            joins = prev == kind and i + 1 < end and classes[text[i + 1]] == kind
            k = kind if joins else _OTHER
            commas = commas or (joins and c == _COMMA)  # rehashed by _comma_number_hash
        boundary = np.intp(k != prev)
        hashes[t] = h
        is_number[t] = prev == _DIGIT
        if commas and boundary:
            hashes[t] = _comma_number_hash(text, first, i)
            commas = False
        t += boundary & np.intp(prev != _OTHER)
        first += (i - first) * boundary
        # Arithmetic instead of a branch: the hash chain is the critical path.
        keep = np.uint64(boundary) - np.uint64(1)  # all ones inside a token
        folded = ((h & keep) | (_FNV_OFFSET & ~keep)) ^ np.uint64(c | 32)  # | 32 folds A-Z
        h = folded * _FNV_PRIME
        prev = k
    if prev != _OTHER:  # the last token ends with the text
        hashes[t] = _comma_number_hash(text, first, end) if commas else h
        is_number[t] = prev == _DIGIT
        t += 1
    return t


@njit(types.void(_TEXT, types.int64[::1], types.intp, types.uint64[::1], types.boolean[::1], types.int64[::1]),
      cache=True, parallel=True)
def _hash_ascii_tokens(text, starts, chunk, hashes, is_number, counts):
    """Token hashes of the ASCII texts text[starts[d]:starts[d+1]]; counts[d] = how many.
    Texts go in chunks of `chunk`, one thread each, and a chunk's hashes are written back
    to back from the slot of its first byte (a text has at most as many tokens as bytes)."""
    texts = len(starts) - 1
    for c in prange((texts + chunk - 1) // chunk):
        t = starts[c * chunk]
        for d in range(c * chunk, min(texts, (c + 1) * chunk)):
            end = _hash_text_tokens(text, starts[d], starts[d + 1], t, hashes, is_number)
            counts[d] = end - t
            t = end


_CHUNK = 32  # texts per parallel task
_scratch = threading.local()


def _scratch_buffer(name: str, size: int, dtype: type) -> np.ndarray:
    """A reusable array of at least `size` items for this thread: the token scratch has a
    slot per byte of the batch, and faulting in fresh pages of it every batch costs as
    much as tokenizing."""
    buffer = getattr(_scratch, name, None)
    if buffer is None or len(buffer) < size:
        buffer = np.empty(max(size, 1), dtype=dtype)
        setattr(_scratch, name, buffer)
    return buffer


def _ascii_bytes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The ASCII texts back to back as bytes, and where each starts (one more: the end)."""
    data = np.frombuffer("".join(texts).encode("ascii"), dtype=np.uint8)
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in texts], out=starts[1:])
    return data, starts


def hash_ascii_texts(texts: Sequence[str]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Token hashes (uint64) and number flags (bool) of ASCII texts, per text; equal to
    `token_hashes(tokenize(text))` and `[t[0].isdigit() for t in tokenize(text)]`."""
    data, starts = _ascii_bytes(texts)
    hashes = _scratch_buffer("hashes", len(data), np.uint64)
    is_number = _scratch_buffer("is_number", len(data), np.bool_)
    counts = np.empty(len(texts), dtype=np.int64)
    if len(texts):
        _hash_ascii_tokens(data, starts, _CHUNK, hashes, is_number, counts)
    # Out of the scratch, back to back: one copy per chunk.
    bounds = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=bounds[1:])
    chunk_starts = starts[:-1:_CHUNK].copy()
    packed_starts = bounds[:-1:_CHUNK].copy()
    chunk_counts = np.add.reduceat(counts, np.arange(0, len(texts), _CHUNK)) if len(texts) else counts
    packed_hashes = np.empty(bounds[-1], dtype=np.uint64)
    packed_numbers = np.empty(bounds[-1], dtype=np.bool_)
    _pack(hashes, chunk_starts, chunk_counts, packed_starts, packed_hashes)
    _pack(is_number, chunk_starts, chunk_counts, packed_starts, packed_numbers)
    edges = bounds.tolist()
    return ([packed_hashes[s:e] for s, e in zip(edges, edges[1:])],
            [packed_numbers[s:e] for s, e in zip(edges, edges[1:])])


@njit(["void(uint64[::1], int64[::1], int64[::1], int64[::1], uint64[::1])",
       "void(boolean[::1], int64[::1], int64[::1], int64[::1], boolean[::1])"], cache=True, parallel=True)
def _pack(scattered, starts, counts, out_starts, out):
    """Copy the runs scattered[starts[r]:starts[r] + counts[r]] to out[out_starts[r]:]."""
    for r in prange(len(counts)):
        out[out_starts[r] : out_starts[r] + counts[r]] = scattered[starts[r] : starts[r] + counts[r]]


# --- shingles ----------------------------------------------------------------------------

@njit(inline="always", cache=True)
def _shingle_hashes(tokens, start, count, width, out):
    """out[i] = hash of the shingle tokens[start + i:start + i + width], for i < count: the
    polynomial fold of its token hashes, avalanched by MurmurHash3's 64-bit finalizer, high
    32 bits (as shingle.fold_shingles). Folded a token position at a time across all
    shingles, so that the loops vectorize."""
    for i in range(count):
        out[i] = tokens[start + i]
    for j in range(1, width):
        for i in range(count):
            out[i] = out[i] * _FOLD + tokens[start + i + j]
    for i in range(count):
        h = out[i]
        h ^= h >> np.uint64(33)
        h *= _MIX1
        h ^= h >> np.uint64(33)
        h *= _MIX2
        h ^= h >> np.uint64(33)
        out[i] = h >> np.uint64(32)


@njit(inline="always", cache=True)
def _fmix32(h):
    """MurmurHash3's 32-bit finalizer, as datasketch mixes a hash before permuting it."""
    h ^= h >> np.uint32(16)
    h = np.uint32(h * _FMIX32_1)
    h ^= h >> np.uint32(13)
    h = np.uint32(h * _FMIX32_2)
    return h ^ (h >> np.uint32(16))


@njit("void(uint32[::1], uint32[::1])", cache=True)
def _radix_sort(values, scratch):
    """Sort uint32 values in place, one byte at a time (4 stable counting passes); several
    times faster than quicksort on the few hundred shingles of an article."""
    counts = np.zeros((4, 256), dtype=np.int64)
    for v in values:
        counts[0, v & 255] += 1
        counts[1, (v >> 8) & 255] += 1
        counts[2, (v >> 16) & 255] += 1
        counts[3, v >> 24] += 1
    source, target = values, scratch[: len(values)]
    for p in range(4):
        total = 0
        for digit in range(256):
            total, counts[p, digit] = total + counts[p, digit], total
        shift = np.uint32(8 * p)
        for v in source:
            digit = (v >> shift) & 255
            target[counts[p, digit]] = v
            counts[p, digit] += 1
        source, target = target, source  # after 4 passes the result is back in values


@njit("void(uint64[::1], int64[::1], int64[::1], intp, uint32[::1], int64[::1], int64[::1])",
      cache=True, parallel=True)
def _shingle_sets(tokens, begins, ends, n, out, out_starts, sizes):
    """Sorted unique shingle hashes of each document tokens[begins[d]:ends[d]], written
    from out[out_starts[d]] on; sizes[d] = how many. Folding and avalanche as in
    shingle.fold_shingles."""
    for d in prange(len(begins)):
        s, e, o = begins[d], ends[d], out_starts[d]
        if e == s:
            sizes[d] = 0
            continue
        width = min(n, e - s)
        count = e - s - width + 1
        hashes = np.empty(count, dtype=np.uint64)
        _shingle_hashes(tokens, s, count, width, hashes)
        values = out[o : o + count]
        values[:] = hashes
        _radix_sort(values, np.empty(count, dtype=np.uint32))
        unique = 1
        for i in range(1, count):
            if values[i] != values[unique - 1]:
                values[unique] = values[i]
                unique += 1
        sizes[d] = unique


def batch_shingle_sets(hash_lists: Sequence[np.ndarray], n: int) -> list[np.ndarray]:
    """Sorted unique shingle hashes (uint32) of many token-hash sequences; equal to
    `shingle.batch_shingle_sets`."""
    lengths = np.fromiter((len(h) for h in hash_lists), dtype=np.int64, count=len(hash_lists))
    starts = np.zeros(len(hash_lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    tokens = np.concatenate(hash_lists).astype(np.uint64, copy=False) if starts[-1] else np.empty(0, np.uint64)
    return _packed_shingle_sets(tokens, starts[:-1], starts[1:], n)


def _packed_shingle_sets(tokens: np.ndarray, begins: np.ndarray, ends: np.ndarray, n: int) -> list[np.ndarray]:
    """Shingle sets of the token runs tokens[begins[d]:ends[d]]."""
    lengths = ends - begins
    windows = np.where(lengths >= n, lengths - n + 1, np.minimum(lengths, 1))
    out_starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(windows, out=out_starts[1:])
    out = np.empty(out_starts[-1], dtype=np.uint32)
    sizes = np.empty(len(lengths), dtype=np.int64)
    if len(lengths):
        _shingle_sets(tokens, np.ascontiguousarray(begins), np.ascontiguousarray(ends), n, out, out_starts, sizes)
    begin = out_starts[:-1].tolist()
    return [out[b : b + size] for b, size in zip(begin, sizes.tolist())]


# --- characters --------------------------------------------------------------------------

_R, _N, _M, _C, _L, _D, _V, _W = (np.uint64(ord(c)) for c in "rnmcldvw")
_NO_GLYPH = np.uint64(0xFFFFFFFF)  # above every code point


@njit(types.intp(types.uint64[::1], types.intp, types.intp, types.uint64, types.uint64, types.uint64),
      cache=True)
def _replace_pair(codes, s, n, first, second, glyph):
    """codes[s:s+n] with each `first second` replaced by `glyph`, left to right as
    str.replace does, in place; returns the new length."""
    out, i = 0, 0
    while i < n:
        c = codes[s + i]
        if c == first and i + 1 < n and codes[s + i + 1] == second:
            c = glyph
            i += 1
        codes[s + out] = c
        out += 1
        i += 1
    return out


@njit(types.void(_CODE_POINTS, types.int64[::1], types.boolean[::1], types.uint64[::1],
                 types.uint64[::1], types.int64[::1]), cache=True, parallel=True)
def _skeletons(codes, starts, alnum, look_alike, out, sizes):
    """The glyph skeleton (see dedupe.text.glyphs) of each case-folded text
    codes[starts[d]:starts[d+1]], written from out[starts[d]] on; sizes[d] = its length."""
    for d in prange(len(starts) - 1):
        s, e = starts[d], starts[d + 1]
        n = 0
        for i in range(s, e):
            c = codes[i]
            if alnum[c]:
                out[s + n] = c
                n += 1
        n = _replace_pair(out, s, n, _R, _N, _M)
        n = _replace_pair(out, s, n, _C, _L, _D)
        n = _replace_pair(out, s, n, _V, _V, _W)
        kept, last = 0, _NO_GLYPH
        for i in range(n):
            c = out[s + i]
            if c < 128:
                c = look_alike[c]
            if c != last:
                out[s + kept] = c
                kept += 1
                last = c
        sizes[d] = kept


_alnum = np.empty(0, dtype=np.bool_)


def _alnum_table(highest: int) -> np.ndarray:
    """str.isalnum of every code point up to `highest` (the BMP at least; all of Unicode
    once a text needs it), which is what the skeleton's `[\\W_]` removes."""
    global _alnum
    if highest >= len(_alnum):
        size = 0x10000 if highest < 0x10000 else 0x110000
        _alnum = np.fromiter((chr(c).isalnum() for c in range(size)), dtype=np.bool_, count=size)
    return _alnum


def _skeleton_codes(texts: Sequence[str], look_alike: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Glyph skeletons of the texts as code points: (buffer, begins, sizes), the skeleton of
    text d being buffer[begins[d]:begins[d] + sizes[d]]."""
    folded = [text.casefold() for text in texts]
    codes = np.frombuffer("".join(folded).encode("utf-32-le"), dtype=np.uint32)
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(f) for f in folded], out=starts[1:])
    skeletons = np.empty(len(codes), dtype=np.uint64)
    sizes = np.zeros(len(texts), dtype=np.int64)
    if len(codes):
        _skeletons(codes, starts, _alnum_table(int(codes.max())), look_alike, skeletons, sizes)
    return skeletons, starts[:-1], sizes


def char_shingle_sets(texts: Sequence[str], n: int, look_alike: np.ndarray) -> list[np.ndarray]:
    """Shingle sets of the character n-grams of each text's glyph skeleton; equal to
    `shingle.batch_shingle_sets` over the code points of `glyph_skeleton(text)`.
    `look_alike[c]` is the glyph an ASCII code point c is written as."""
    skeletons, begins, sizes = _skeleton_codes(texts, look_alike)
    return _packed_shingle_sets(skeletons, begins, begins + sizes, n)


@njit(inline="always", cache=True)
def _sketch_run(tokens, s, length, n, a, b, out):
    """MinHash signature (into out) and number of distinct shingles of the token run
    tokens[s:s + length], without sorting: the minimum over a multiset is the minimum over
    its set, and a small hash table counts the distinct shingles. Same shingles and
    permutations as `_shingle_sets` + `_signatures`."""
    if length == 0:
        out[:] = _EMPTY
        return 0
    width = min(n, length)
    count = length - width + 1
    hashes = np.empty(count, dtype=np.uint64)
    _shingle_hashes(tokens, s, count, width, hashes)
    slots = 1
    while slots < 2 * count:
        slots *= 2
    mask = slots - 1
    table = np.zeros(slots, dtype=np.uint64)  # shingle hash + 1; 0 is an empty slot
    mixed = np.empty(count, dtype=np.uint32)
    distinct = 0
    for i in range(count):
        key = hashes[i] + np.uint64(1)
        slot = np.intp(hashes[i]) & mask
        while table[slot] != 0 and table[slot] != key:
            slot = (slot + 1) & mask
        if table[slot] == 0:
            table[slot] = key
            distinct += 1
        mixed[i] = _fmix32(np.uint32(hashes[i]))
    for k in range(len(a)):
        ak, bk = a[k], b[k]
        low = _EMPTY
        for i in range(count):
            low = min(low, np.uint32(mixed[i] * ak + bk))
        out[k] = low
    return distinct


@njit(types.void(types.uint64[::1], types.int64[::1], types.int64[::1], types.intp, _PERMUTATION, _PERMUTATION,
                 types.uint32[:, ::1], types.int64[::1]), cache=True, parallel=True)
def _sketch_runs(tokens, begins, lengths, n, a, b, out, sizes):
    """`_sketch_run` of each token run tokens[begins[d]:begins[d] + lengths[d]]."""
    for d in prange(len(begins)):
        sizes[d] = _sketch_run(tokens, begins[d], lengths[d], n, a, b, out[d])


@njit(inline="always", cache=True)
def _emit_glyph(skeleton, size, code, look_alike):
    """Append the glyph of ASCII `code` to skeleton[:size] unless it repeats the last one."""
    glyph = look_alike[code]
    if size == 0 or skeleton[size - 1] != glyph:
        skeleton[size] = glyph
        size += 1
    return size


@njit(types.void(_TEXT, types.int64[::1], types.intp, types.uint64[::1], _PERMUTATION, _PERMUTATION,
                 types.uint32[:, ::1], types.int64[::1]), cache=True, parallel=True)
def _ascii_char_sketches(text, starts, n, look_alike, a, b, out, sizes):
    """`char_sketches` of the ASCII texts text[starts[d]:starts[d+1]], skeleton and all in
    one pass per text: letters and digits kept and lower-cased, the digraphs rn, cl and vv
    merged (their letters are disjoint and none is made by another's merge, so one greedy
    left-to-right pass equals str.replace run for each in turn), look-alikes mapped and
    repeats collapsed as `_skeletons` does."""
    for d in prange(len(starts) - 1):
        s, e = starts[d], starts[d + 1]
        skeleton = np.empty(e - s, dtype=np.uint64)
        size, pending = 0, np.uint64(0)  # pending: the first letter of a possible digraph
        for i in range(s, e):
            c = np.uint64(text[i])
            if 65 <= c <= 90:
                c += np.uint64(32)
            elif not (97 <= c <= 122 or 48 <= c <= 57):
                continue
            if pending:
                if (pending == _R and c == _N) or (pending == _C and c == _L) or (pending == _V and c == _V):
                    size = _emit_glyph(skeleton, size, _M if c == _N else (_D if c == _L else _W), look_alike)
                    pending = np.uint64(0)
                    continue
                size = _emit_glyph(skeleton, size, pending, look_alike)
                pending = np.uint64(0)
            if c == _R or c == _C or c == _V:
                pending = c
            else:
                size = _emit_glyph(skeleton, size, c, look_alike)
        if pending:
            size = _emit_glyph(skeleton, size, pending, look_alike)
        sizes[d] = _sketch_run(skeleton, 0, size, n, a, b, out[d])


def char_sketches(texts: Sequence[str], n: int, look_alike: np.ndarray, a: np.ndarray,
                  b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures (under permutations a, b) and set sizes of the character n-gram
    sets of `char_shingle_sets`, computed without building the sets. ASCII texts (most)
    take the one-pass kernel; the others are skeletonized from their code points."""
    out = np.empty((len(texts), len(a)), dtype=np.uint32)
    counts = np.zeros(len(texts), dtype=np.int64)
    a, b = np.ascontiguousarray(a), np.ascontiguousarray(b)
    is_ascii = [text.isascii() for text in texts]
    ascii_rows = [d for d, plain in enumerate(is_ascii) if plain]
    other_rows = [d for d, plain in enumerate(is_ascii) if not plain]
    if ascii_rows:
        chosen = texts if len(ascii_rows) == len(texts) else [texts[d] for d in ascii_rows]
        data, starts = _ascii_bytes(chosen)
        rows = np.empty((len(chosen), len(a)), dtype=np.uint32)
        sizes = np.zeros(len(chosen), dtype=np.int64)
        _ascii_char_sketches(data, starts, n, look_alike, a, b, rows, sizes)
        out[ascii_rows], counts[ascii_rows] = rows, sizes
    if other_rows:
        skeletons, begins, lengths = _skeleton_codes([texts[d] for d in other_rows], look_alike)
        rows = np.empty((len(other_rows), len(a)), dtype=np.uint32)
        sizes = np.zeros(len(other_rows), dtype=np.int64)
        _sketch_runs(skeletons, begins, lengths, n, a, b, rows, sizes)
        out[other_rows], counts[other_rows] = rows, sizes
    return out, counts


# --- signatures --------------------------------------------------------------------------

@njit(types.void(types.uint32[::1], types.int64[::1], _PERMUTATION, _PERMUTATION, types.uint32[:, ::1]),
      cache=True, parallel=True)
def _signatures(hashes, starts, a, b, out):
    """Minimum of a*fmix32(h)+b mod 2**32 over each document's hashes, per permutation."""
    for d in prange(len(starts) - 1):
        s, e = starts[d], starts[d + 1]
        mixed = np.empty(e - s, dtype=np.uint32)
        for i in range(e - s):
            mixed[i] = _fmix32(hashes[s + i])
        # Permutations outermost: the inner loop is a vectorized min over the document.
        for k in range(len(a)):
            ak, bk = a[k], b[k]
            low = _EMPTY
            for i in range(e - s):
                v = np.uint32(mixed[i] * ak + bk)
                low = min(low, v)
            out[d, k] = low


def signatures(shingle_sets: Sequence[np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash signatures (uint32, one row per set) under permutations (a, b); equal to
    `signature.signatures`. An empty set gets the all-EMPTY row."""
    out = np.empty((len(shingle_sets), len(a)), dtype=np.uint32)
    if not len(shingle_sets):
        return out
    starts = np.zeros(len(shingle_sets) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in shingle_sets], out=starts[1:])
    hashes = np.concatenate(shingle_sets).astype(np.uint32, copy=False) if starts[-1] else np.empty(0, np.uint32)
    _signatures(hashes, starts, np.ascontiguousarray(a), np.ascontiguousarray(b), out)
    return out


# --- verification ------------------------------------------------------------------------

@njit(types.void(types.uint32[::1], types.int64[::1], types.int64[:, ::1], types.int64[::1]),
      cache=True, parallel=True)
def _overlaps(values, starts, pairs, out):
    """out[p] = size of the intersection of the sorted sets values[starts[i]:starts[i+1]]
    and values[starts[j]:starts[j+1]] for (i, j) = pairs[p] (a merge walk)."""
    for p in prange(len(pairs)):
        i, j = pairs[p, 0], pairs[p, 1]
        a, a_end, b, b_end = starts[i], starts[i + 1], starts[j], starts[j + 1]
        count = 0
        while a < a_end and b < b_end:
            x, y = values[a], values[b]
            count += x == y
            a += x <= y
            b += y <= x
        out[p] = count


def overlaps(sets: Sequence[np.ndarray], pairs: np.ndarray) -> np.ndarray:
    """Intersection size of sets[i] and sets[j] (sorted unique uint32) for each (i, j)."""
    out = np.empty(len(pairs), dtype=np.int64)
    if len(pairs) == 0:
        return out
    starts = np.zeros(len(sets) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in sets], out=starts[1:])
    values = np.concatenate(sets).astype(np.uint32, copy=False) if starts[-1] else np.empty(0, np.uint32)
    _overlaps(values, starts, np.ascontiguousarray(pairs, dtype=np.int64), out)
    return out
