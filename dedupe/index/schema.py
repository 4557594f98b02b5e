"""The index database: connection settings, tables, transactions, and what it was built with.

One SQLite file in WAL mode (readers never wait for the writer, a killed writer leaves only
uncommitted frames behind). Writers take the lock up front (`BEGIN IMMEDIATE`), so two `add`
runs at once take turns batch by batch instead of failing on a lock upgrade.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from dedupe.config import ClusterConfig
from dedupe.errors import InputError
from dedupe.index.bands import BandSegments, article_keys
from dedupe.index.rows import Layout
from dedupe.model import Article
from dedupe.progress import NullProgress

FORMAT = 1
"""Layout version of the tables; an index of another version is refused, not misread."""
RUNTIME_OPTIONS = ("workers", "batch_size")
"""Config fields that may differ between runs on one index; all others are fixed at creation."""

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    doc INTEGER PRIMARY KEY,            -- insertion order
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    published TEXT,                     -- ISO 8601
    published_ts REAL,                  -- epoch seconds
    added REAL NOT NULL,                -- epoch seconds when added (or last updated)
    batch INTEGER NOT NULL,
    component INTEGER NOT NULL,         -- connected part of the near-duplicate graph (a superset)
    cluster TEXT NOT NULL,              -- stable cluster id
    status TEXT NOT NULL,               -- when added: 'joined' an existing story, or 'new'
    score REAL,                         -- similarity to the closest earlier member ('joined')
    match TEXT,                         -- that member's id
    sketch BLOB NOT NULL,               -- the article's row of the sketched Corpus (rows.py)
    article BLOB                        -- zstd-compressed JSON of the article as read (absent with --no-text)
);
CREATE INDEX IF NOT EXISTS articles_component ON articles (component);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles (cluster);
CREATE INDEX IF NOT EXISTS articles_added ON articles (added);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_ts);
CREATE TABLE IF NOT EXISTS clusters (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,        -- creation order of stable ids
    size INTEGER NOT NULL,
    record TEXT NOT NULL,               -- the Cluster's fields but its id, as JSON
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS pairs (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    record TEXT NOT NULL,               -- the Pair's scores, as JSON
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pairs_b ON pairs (b);
CREATE TABLE IF NOT EXISTS batches (
    batch INTEGER PRIMARY KEY,
    finished REAL NOT NULL,
    added INTEGER NOT NULL,
    updated INTEGER NOT NULL
);
"""

_PROBE = [
    Article("probe-1", "probe", "WASHINGTON (Reuters) - The central bank raised its key rate by 0.25 percentage "
            "point on Tuesday, its third increase this year, officials said, as inflation stayed at 4.1 pct. "
            "Analysts had expected the move; Señora Müller said the 1,240 jobs were safe.\n\nzc/wd (AP, AFP)",
            title="Central bank raises rates"),
    Article("probe-2", "probe", "Tbe centra1 bank raised its kev rate bv 0.25 percentage point on Tuesdav.",
            title=None),
    Article("probe-3", "probe", "", title=None),
]


def connect(path: Path, wait: float) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) that waits up to `wait`
    seconds for another process's lock."""
    db = None
    try:
        db = sqlite3.connect(str(path), timeout=wait, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # with WAL: consistent after any crash, durable per checkpoint
        db.execute("PRAGMA cache_size=-262144")
        db.execute("PRAGMA mmap_size=1073741824")
        db.execute("PRAGMA temp_store=MEMORY")
    except sqlite3.Error as err:
        if db is not None:
            db.close()
        raise database_error(path, err, wait) from None
    return db


def database_error(path: Path, err: sqlite3.Error, wait: float | None = None) -> InputError:
    """A one-line message for what SQLite reports."""
    message = str(err)
    if "locked" in message or "busy" in message:
        waited = f" for more than {wait:g} s" if wait is not None else ""
        return InputError(f"{path}: the index is locked by another process{waited} (see --wait)")
    if "not a database" in message or "malformed" in message:
        return InputError(f"{path}: not a dedupe index or damaged ({message})")
    if "unable to open" in message:
        return InputError(f"{path}: cannot open the index ({message})")
    return InputError(f"{path}: {message}")


@contextmanager
def write(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: all of it is committed, or none of it."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:  # SQLite may have rolled back already (a full disk, an I/O error)
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


@contextmanager
def read(db: sqlite3.Connection) -> Iterator[None]:
    """One read transaction: a consistent snapshot while another process writes."""
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")


def create(db: sqlite3.Connection, path: Path, config: ClusterConfig, store_text: bool) -> None:
    """Create the tables and record the settings, unless another process just did; refuse a
    database that holds other tables."""
    digest, stored_layout = fingerprint(config), layout(config).to_json()  # sketches: before taking the lock
    with write(db):
        if has_tables(db):
            return
        if db.execute("SELECT 1 FROM sqlite_master").fetchone() is not None:
            raise InputError(f"{path}: not a dedupe index (an SQLite database with other tables)")
        for statement in _TABLES.split(";"):  # not executescript: it would commit
            if statement.strip():
                db.execute(statement)
        BandSegments.create(db)
        set_meta(db, "format", str(FORMAT))
        set_meta(db, "config", config_json(config))
        set_meta(db, "fingerprint", digest)
        set_meta(db, "layout", stored_layout)
        set_meta(db, "store_text", "1" if store_text else "0")
        set_meta(db, "next_cluster", "1")


def get_meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def has_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is not None


def config_json(config: ClusterConfig) -> str:
    fixed = {k: v for k, v in dataclasses.asdict(config).items() if k not in RUNTIME_OPTIONS}
    return json.dumps(fixed, sort_keys=True)


def config_from_json(text: str) -> ClusterConfig:
    """The stored settings; fields this version does not know are dropped, new ones default."""
    known = {f.name for f in dataclasses.fields(ClusterConfig)}
    return ClusterConfig(**{k: v for k, v in json.loads(text).items() if k in known})


def fingerprint(config: ClusterConfig) -> str:
    """A digest of what the sketch stage and LSH banding make of a few fixed texts: it changes
    when either does, and sketches or band keys from two schemes must never be compared."""
    return _fingerprint(dataclasses.replace(config, workers=1, batch_size=len(_PROBE)))


def layout(config: ClusterConfig) -> Layout:
    """What the sketch stage of this version stores per article."""
    return Layout.of(_probe_corpus(dataclasses.replace(config, workers=1, batch_size=len(_PROBE))))


@lru_cache(maxsize=8)
def _fingerprint(config: ClusterConfig) -> str:
    corpus = _probe_corpus(config)
    found = Layout.of(corpus)
    digest = hashlib.sha256(found.to_json().encode("utf-8"))
    for row in found.encode(corpus):
        digest.update(row)
    digest.update(article_keys(corpus, config).tobytes())  # stored band keys must match new ones
    return digest.hexdigest()[:24]


@lru_cache(maxsize=8)
def _probe_corpus(config: ClusterConfig) -> Any:
    from dedupe.pipeline import sketch_corpus

    return sketch_corpus(iter(_PROBE), config, NullProgress())
