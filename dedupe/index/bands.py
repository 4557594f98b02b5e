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
CHUNK = 64
"""Entries per stored chunk (768 bytes): a query reads one chunk per key and segment."""
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
        self._directories: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # segment -> (first keys, rowids)

    @staticmethod
    def create(db: sqlite3.Connection) -> None:
        # AUTOINCREMENT: a segment number is never reused, so a directory read earlier stays right.
        db.execute("CREATE TABLE IF NOT EXISTS band_segments (number INTEGER PRIMARY KEY AUTOINCREMENT, "
                   "level INTEGER NOT NULL, keys INTEGER NOT NULL, chunks INTEGER NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS band_chunks (segment INTEGER NOT NULL, first INTEGER NOT NULL, "
                   "keys BLOB NOT NULL, docs BLOB NOT NULL)")
        db.execute("CREATE UNIQUE INDEX IF NOT EXISTS band_chunks_first ON band_chunks (segment, first)")

    def segments(self) -> list[tuple[int, int, int, int]]:
        """(number, level, keys, chunks) of every segment, oldest first."""
        return self.db.execute("SELECT number, level, keys, chunks FROM band_segments ORDER BY number").fetchall()

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """Sorted distinct docs holding any of these keys."""
        probes = sorted_unique(keys.astype(np.int64, copy=False))
        if len(probes) == 0:
            return np.empty(0, dtype=np.int64)
        found, seek = [], []
        segments = self.segments()
        live = {number for number, _, _, _ in segments}
        self._directories = {n: d for n, d in self._directories.items() if n in live}  # merged away: forget
        for number, _, _, chunks in segments:
            if len(probes) * SCAN_RATIO > chunks:
                stored, docs = self._read(number)
                left, right = np.searchsorted(stored, probes, "left"), np.searchsorted(stored, probes, "right")
                hit = right > left
                starts, counts = left[hit], (right - left)[hit]
                within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
                found.append(docs[np.repeat(starts, counts) + within])
            else:
                seek.append(number)
        if seek:
            stored, docs = self._read_chunks(seek, probes)
            at = np.minimum(np.searchsorted(probes, stored), len(probes) - 1)
            found.append(docs[probes[at] == stored])
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
        return _unpack(self.db.execute("SELECT keys, docs FROM band_chunks WHERE segment = ? ORDER BY first",
                                       (number,)).fetchall())

    def _read_chunks(self, numbers: list[int], probes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Keys and docs of the chunks of these segments that may hold the probes: for each
        probe and segment, the chunk with the last first key not above it. Each segment's
        directory of chunks is read once: segments never change, they are only replaced."""
        wanted = []
        for number in numbers:
            firsts, rowids = self._directory(number)
            at = np.searchsorted(firsts, probes, side="right") - 1
            wanted.append(rowids[at[at >= 0]])
        chunks = sorted_unique(np.concatenate(wanted))
        return _unpack(self.db.execute("SELECT keys, docs FROM band_chunks WHERE rowid IN "
                                       "(SELECT value FROM json_each(?)) ORDER BY rowid",
                                       (json.dumps(chunks.tolist()),)).fetchall())

    def _directory(self, number: int) -> tuple[np.ndarray, np.ndarray]:
        if number not in self._directories:
            rows = self.db.execute("SELECT first, rowid FROM band_chunks WHERE segment = ? ORDER BY first",
                                   (number,)).fetchall()
            table = np.array(rows, dtype=np.int64).reshape(len(rows), 2)
            self._directories[number] = (table[:, 0].copy(), table[:, 1].copy())
        return self._directories[number]

    def _write(self, level: int, keys: np.ndarray, docs: np.ndarray) -> None:
        number = self.db.execute("INSERT INTO band_segments (level, keys, chunks) VALUES (?, 0, 0)",
                                 (level,)).lastrowid
        bounds = _chunk_bounds(keys)
        keys, docs = keys.astype("<i8"), docs.astype("<u4")
        self.db.executemany("INSERT INTO band_chunks VALUES (?, ?, ?, ?)", (
            (number, int(keys[start]), keys[start:end].tobytes(), docs[start:end].tobytes())
            for start, end in zip(bounds[:-1], bounds[1:])))
        self.db.execute("UPDATE band_segments SET keys = ?, chunks = ? WHERE number = ?",
                        (len(keys), len(bounds) - 1, number))

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


def _unpack(rows: list[tuple[bytes, bytes]]) -> tuple[np.ndarray, np.ndarray]:
    keys = np.frombuffer(b"".join(k for k, _ in rows), dtype="<i8")
    docs = np.frombuffer(b"".join(d for _, d in rows), dtype="<u4")
    return keys, docs.astype(np.int64)
