"""LSH band keys on disk: which indexed articles share a band with new ones.

Every MinHash signature channel of the sketched corpus (whole text, lead, characters) is cut
into the bands `dedupe.lsh.optimal_bands` chooses for the clustering run, and each
(channel, band, key) becomes one salted 64-bit key per article. A lookup only has to return
a superset of the true candidates: `find_candidates` recomputes the candidates themselves
from the articles found, so the index proposes exactly the pairs the batch run does.

About 110 keys per article is too many for one SQL row each: a batch of new articles would
cost a B-tree probe and an insert per key. Keys are kept instead as sorted runs
("segments") of (key, doc), stored in chunks of about `CHUNK` entries; an SQL index on each
chunk's first key finds the chunk a key is in, numpy searches inside it. A batch writes one
new segment; every `FANOUT` segments of one level are merged into one of the next, so each
key is rewritten once per level and a lookup reads a handful of segments. Lookups of many
keys read whole segments; lookups of a few keys (a query) read only the chunks they need.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import numpy as np

from dedupe.arrays import sorted_unique
from dedupe.config import ClusterConfig
from dedupe.lsh import band_keys, optimal_bands

FANOUT = 8
"""Segments of one level merged into one segment of the next."""
CHUNK = 256
"""Entries per stored chunk (3 KB: one key and one doc each)."""
SCAN_RATIO = 4
"""A lookup reads a whole segment when it has more than one key per this many chunks."""
_SALT = np.uint64(0x9E3779B97F4A7C15)


def signature_channels(corpus) -> list[np.ndarray]:
    """Every (articles, num_perm) uint32 signature array of a Corpus, in field order, nested
    dataclasses (the character channel) included."""
    found: list[np.ndarray] = []

    def visit(data) -> None:
        for field in dataclasses.fields(data):
            value = getattr(data, field.name)
            if dataclasses.is_dataclass(value):
                visit(value)
            elif isinstance(value, np.ndarray) and value.ndim == 2 and value.dtype == np.uint32:
                found.append(value)

    visit(corpus)
    return found


def article_keys(corpus, config: ClusterConfig) -> np.ndarray:
    """Salted band keys of every article, int64 of shape (articles, channels x bands)."""
    bands, rows = optimal_bands(min(config.lsh_threshold, config.threshold), config.num_perm)
    parts = []
    for channel, signatures in enumerate(signature_channels(corpus)):
        salt = (np.arange(bands, dtype=np.uint64) + np.uint64(channel * bands + 1)) * _SALT
        parts.append(band_keys(signatures, bands, rows) ^ salt)
    if not parts:
        return np.empty((len(corpus.ids), 0), dtype=np.int64)
    return np.ascontiguousarray(np.concatenate(parts, axis=1)).view(np.int64)


def has_text(corpus) -> np.ndarray:
    """Articles that can be candidates at all: the ones with shingles (empty articles would
    all share every band)."""
    return np.array([len(s) > 0 for s in corpus.shingle_sets], dtype=bool)


class BandSegments:
    """The band keys of an index, as segments of (key, doc) sorted by key."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @staticmethod
    def create(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS band_segments (number INTEGER PRIMARY KEY, level INTEGER NOT NULL, "
                   "keys INTEGER NOT NULL, chunks INTEGER NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS band_chunks (segment INTEGER NOT NULL, first INTEGER NOT NULL, "
                   "data BLOB NOT NULL)")
        db.execute("CREATE UNIQUE INDEX IF NOT EXISTS band_chunks_first ON band_chunks (segment, first)")

    def segments(self) -> list[tuple[int, int, int, int]]:
        """(number, level, keys, chunks) of every segment, oldest first."""
        return self.db.execute("SELECT number, level, keys, chunks FROM band_segments ORDER BY number").fetchall()

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """Sorted distinct docs holding any of these keys."""
        probes = sorted_unique(keys.astype(np.int64, copy=False))
        found = []
        for number, _, _, chunks in self.segments():
            if len(probes) == 0:
                break
            if len(probes) * SCAN_RATIO > chunks:
                stored, docs = self._read(number)
            else:
                stored, docs = self._read_chunks(number, probes)
            left = np.searchsorted(stored, probes, side="left")
            right = np.searchsorted(stored, probes, side="right")
            hit = right > left
            if hit.any():
                starts, counts = left[hit], (right - left)[hit]
                within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
                found.append(docs[np.repeat(starts, counts) + within])
        return sorted_unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)

    def add(self, docs: np.ndarray, keys: np.ndarray) -> None:
        """Store each doc's keys (one row of `keys` per doc) as a new segment, then merge
        levels that are full. Runs inside the caller's transaction."""
        flat = keys.ravel()
        owners = np.repeat(docs.astype(np.int64), keys.shape[1])
        order = np.argsort(flat, kind="stable")
        if len(order):
            self._write(0, flat[order], owners[order])
        self._compact()

    def _read(self, number: int) -> tuple[np.ndarray, np.ndarray]:
        """Keys and docs of a whole segment, sorted by key."""
        return _unpack([data for (data,) in self.db.execute(
            "SELECT data FROM band_chunks WHERE segment = ? ORDER BY first", (number,))])

    def _read_chunks(self, number: int, probes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Keys and docs of the chunks of a segment that may hold these keys, sorted by key."""
        rows = self.db.execute(
            "SELECT data FROM band_chunks WHERE segment = ?1 AND first IN (SELECT (SELECT c.first FROM band_chunks AS c "
            "WHERE c.segment = ?1 AND c.first <= p.value ORDER BY c.first DESC LIMIT 1) FROM json_each(?2) AS p) "
            "ORDER BY first", (number, json.dumps(probes.tolist()))).fetchall()
        return _unpack([data for (data,) in rows])

    def _write(self, level: int, keys: np.ndarray, docs: np.ndarray) -> None:
        number = self.db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM band_segments").fetchone()[0]
        bounds = _chunk_bounds(keys)
        self.db.executemany("INSERT INTO band_chunks VALUES (?, ?, ?)", (
            (number, int(keys[start]), _pack(keys[start:end], docs[start:end]))
            for start, end in zip(bounds[:-1], bounds[1:])))
        self.db.execute("INSERT INTO band_segments VALUES (?, ?, ?, ?)", (number, level, len(keys), len(bounds) - 1))

    def _compact(self) -> None:
        while True:
            full = self.db.execute("SELECT level FROM band_segments GROUP BY level HAVING COUNT(*) >= ? "
                                   "ORDER BY level LIMIT 1", (FANOUT,)).fetchone()
            if full is None:
                return
            numbers = [n for n, level, _, _ in self.segments() if level == full[0]]
            parts = [self._read(n) for n in numbers]
            keys = np.concatenate([k for k, _ in parts])
            docs = np.concatenate([d for _, d in parts])
            order = np.argsort(keys, kind="stable")  # timsort: merges the sorted runs in linear time
            for number in numbers:
                self.db.execute("DELETE FROM band_chunks WHERE segment = ?", (number,))
                self.db.execute("DELETE FROM band_segments WHERE number = ?", (number,))
            self._write(full[0] + 1, keys[order], docs[order])


def _chunk_bounds(keys: np.ndarray) -> list[int]:
    """Chunk start positions, about CHUNK apart, never inside a run of equal keys: a key is
    in exactly one chunk, the last one whose first key is not above it."""
    starts = np.arange(CHUNK, len(keys), CHUNK)
    after_run = np.searchsorted(keys, keys[starts - 1], side="right")  # the start itself unless a run crosses it
    return sorted_unique(np.concatenate(([0], after_run, [len(keys)]))).tolist()


def _pack(keys: np.ndarray, docs: np.ndarray) -> bytes:
    return keys.astype("<i8").tobytes() + docs.astype("<u4").tobytes()


def _unpack(blobs: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    if not blobs:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    keys, docs = [], []
    for blob in blobs:
        count = len(blob) // 12
        keys.append(np.frombuffer(blob, dtype="<i8", count=count))
        docs.append(np.frombuffer(blob, dtype="<u4", count=count, offset=8 * count))
    return np.concatenate(keys), np.concatenate(docs).astype(np.int64)
