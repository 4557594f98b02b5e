"""Reading an index back: its stories as `dedupe cluster` writes them, its articles for the
report, and a summary of what it holds."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

import zstandard

from dedupe.errors import InputError
from dedupe.index import schema
from dedupe.index.bands import BandSegments
from dedupe.index.index import Index
from dedupe.model import Article, Cluster, Pair
from dedupe.pipeline import ClusterResult

_DECOMPRESS = zstandard.ZstdDecompressor()


def _order(cluster: Cluster) -> tuple:
    """The order `dedupe cluster` lists clusters in: largest first, then by first
    publication (undated last), then by smallest member id."""
    return (-cluster.size, cluster.first_seen is None, cluster.first_seen or "", min(cluster.members))


def stored_result(index: Index) -> ClusterResult:
    """The index's stories, assignments (in the order articles were added) and verified
    pairs, with stable cluster ids."""
    with index.sql_guard(), schema.read(index.db):
        clusters = [Cluster(id=cluster_id, **json.loads(record))
                    for cluster_id, record in index.db.execute("SELECT id, record FROM clusters")]
        assignments = dict(index.db.execute("SELECT id, cluster FROM articles ORDER BY doc").fetchall())
        pairs = []
        for a, b, record in index.db.execute("SELECT x.id, y.id, p.record FROM pairs AS p "
                                             "JOIN articles AS x ON x.doc = p.a JOIN articles AS y ON y.doc = p.b"):
            first, second = sorted((a, b))
            pairs.append(Pair(first, second, **json.loads(record)))
    clusters.sort(key=_order)
    pairs.sort(key=lambda p: (p.a, p.b))
    return ClusterResult(clusters, assignments, pairs, {}, 0)


def renumbered(result: ClusterResult) -> ClusterResult:
    """The same result with the ids `dedupe cluster` gives: c00001 for the first cluster
    listed, and so on."""
    width = max(5, len(str(len(result.clusters))))
    new_id = {c.id: f"c{n:0{width}d}" for n, c in enumerate(result.clusters, start=1)}
    return ClusterResult([replace(c, id=new_id[c.id]) for c in result.clusters],
                         {doc: new_id[c] for doc, c in result.assignments.items()},
                         result.pairs, result.timings, result.candidates)


def stored_articles(index: Index, wanted: set[str] | None = None) -> Iterator[Article]:
    """The articles as they were read, in the order they were added (the index keeps them
    unless it was created with --no-text)."""
    if not index.store_text:
        raise InputError(f"{index.path}: the index keeps no article texts (created with --no-text); export the "
                         f"clusters and run: dedupe report CORPUS --clusters FILE -o FOLDER")
    with index.sql_guard(), schema.read(index.db):
        for article_id, blob in index.db.execute("SELECT id, article FROM articles ORDER BY doc"):
            if wanted is not None and article_id not in wanted:
                continue
            record = json.loads(_DECOMPRESS.decompress(blob))
            published = record.pop("published")
            yield Article(**record, published=datetime.fromisoformat(published) if published else None)


def stats(index: Index) -> dict[str, Any]:
    """What the index holds, as one flat dictionary."""
    db = index.db
    with index.sql_guard(), schema.read(db):
        articles, first_added, last_added, sources = db.execute(
            "SELECT COUNT(*), MIN(added), MAX(added), COUNT(DISTINCT source) FROM articles").fetchone()
        first, last = db.execute("SELECT MIN(published_ts), MAX(published_ts) FROM articles").fetchone()
        clusters = db.execute("SELECT COUNT(*) FROM clusters").fetchone()[0]
        stories, in_stories, largest = db.execute(
            "SELECT COUNT(*), COALESCE(SUM(size), 0), COALESCE(MAX(size), 0) FROM clusters WHERE size > 1").fetchone()
        joined = db.execute("SELECT COUNT(*) FROM articles WHERE status = 'joined'").fetchone()[0]
        pairs = db.execute("SELECT COUNT(*) FROM pairs").fetchone()[0]
        batches = db.execute("SELECT COUNT(*) FROM batches").fetchone()[0]
        segments = BandSegments(db).segments()
    size = sum(os.path.getsize(p) for p in (index.path, _wal(index.path)) if os.path.exists(p))
    return {
        "articles": articles, "sources": sources, "clusters": clusters, "stories": stories,
        "articles_in_stories": in_stories, "largest_story": largest, "joined_when_added": joined,
        "pairs": pairs, "batches": batches, "first_published": _iso(first, utc=True),
        "last_published": _iso(last, utc=True),
        "first_added": _iso(first_added), "last_added": _iso(last_added),
        "band_segments": len(segments), "band_keys": sum(keys for _, _, keys, _ in segments),
        "texts_kept": index.store_text, "bytes": size,
        "config": json.loads(schema.config_json(index.config)),
    }


def _wal(path: os.PathLike) -> str:
    return f"{os.fspath(path)}-wal"


def _iso(seconds: float | None, utc: bool = False) -> str | None:
    if seconds is None:
        return None
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return (moment if utc else moment.astimezone()).isoformat(timespec="seconds")
