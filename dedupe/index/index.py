"""`Index`: add sketched articles to an SQLite index, place new ones among them, read it back."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import zstandard

from dedupe.config import ClusterConfig
from dedupe.errors import InputError
from dedupe.index import schema
from dedupe.index.bands import BandSegments, article_keys, has_text
from dedupe.index.incremental import Outcome, Placement, place, recluster
from dedupe.index.rows import Layout, take
from dedupe.index.sketching import chunks, sketched_batches
from dedupe.model import Article
from dedupe.progress import NullProgress, Progress

BATCH_SIZE = 5000
"""Articles sketched and committed together: one transaction each."""
WAIT_SECONDS = 600.0
"""How long a command waits for another process's write lock before giving up."""
_PARAMS = 900  # SQLite host parameters per statement, well below every version's limit
_COMPRESS = zstandard.ZstdCompressor(level=3)


@dataclass
class AddSummary:
    added: int = 0
    updated: int = 0
    skipped: int = 0  # already indexed
    joined: int = 0  # added articles that joined an existing story
    batches: int = 0


def cluster_id(seq: int) -> str:
    """Stable cluster ids: 's' and a creation number, never reused."""
    return f"s{seq:06d}"


class Index:
    """An SQLite index of sketched articles and of the stories they form (docs/index.md)."""

    def __init__(self, path: Path, db: sqlite3.Connection, config: ClusterConfig, store_text: bool,
                 layout: Layout) -> None:
        self.path, self.db, self.config, self.store_text, self.layout = path, db, config, store_text, layout
        self.bands = BandSegments(db)
        self._sketches_checked = False

    @classmethod
    def open(cls, path: Path, *, create: bool = False, config: ClusterConfig | None = None,
             store_text: bool = False, wait: float = WAIT_SECONDS) -> Index:
        """Open an index; with `create`, make it first if the file does not exist yet."""
        path = Path(path)
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not an index file")
        if not path.exists():
            if not create:
                raise InputError(f"{path}: no such index (create it with: dedupe index add {path} CORPUS...)")
            if not path.absolute().parent.is_dir():
                raise InputError(f"cannot create {path}: directory {path.parent} does not exist")
        db = schema.connect(path, wait)
        try:
            if not schema.has_tables(db):
                if not create:
                    raise InputError(f"{path}: not a dedupe index")
                schema.create(db, path, config or ClusterConfig(), store_text)
            stored_format = schema.get_meta(db, "format")
            if stored_format != str(schema.FORMAT):
                raise InputError(f"{path}: index format {stored_format} is not the format this version reads "
                                 f"({schema.FORMAT}); build the index again")
            stored = schema.config_from_json(schema.get_meta(db, "config") or "{}")
            index = cls(path, db, stored, schema.get_meta(db, "store_text") == "1",
                        Layout.from_json(schema.get_meta(db, "layout") or "{}"))
        except sqlite3.Error as err:
            db.close()
            raise schema.database_error(path, err, wait) from None
        except InputError:
            db.close()
            raise
        return index

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def sql_guard(self) -> Iterator[None]:
        """SQLite's errors (a lock held too long, a damaged file) as one-line input errors."""
        try:
            yield
        except sqlite3.Error as err:
            raise schema.database_error(self.path, err) from None

    def check_options(self, requested: dict[str, Any]) -> None:
        """Refuse settings that differ from the ones the index was built with."""
        for name, value in requested.items():
            if value is not None and getattr(self.config, name) != value:
                flag = "--" + name.replace("_days", "").replace("_", "-")
                raise InputError(f"{self.path}: the index was built with {flag} {getattr(self.config, name)}; "
                                 f"another value needs a new index")

    def check_sketches(self) -> None:
        """Refuse to mix sketches from another version of the sketch stage."""
        if self._sketches_checked:
            return
        with self.sql_guard():
            stored = schema.get_meta(self.db, "fingerprint")
        if stored != schema.fingerprint(self.config):
            raise InputError(f"{self.path}: the index was built by a version of dedupe that sketches texts "
                             f"differently; build it again from the corpus")
        self._sketches_checked = True

    # --- adding ---------------------------------------------------------------------------

    def add(self, articles: Iterable[Article], *, update: bool = False, batch_size: int = BATCH_SIZE,
            workers: int = 0, progress: Progress | None = None) -> AddSummary:
        """Sketch and add articles batch by batch, one transaction each. An id already in the
        index is skipped, or with `update` replaced by the new version."""
        self.check_sketches()
        summary = AddSummary()
        task = (progress or NullProgress()).task("sketch + add to index")

        def unseen(batches: Iterator[list[Article]]) -> Iterator[list[Article]]:
            for batch in batches:  # spare sketching what is indexed (checked again under the lock)
                with self.sql_guard(), schema.read(self.db):
                    present = self._present([a.id for a in batch])
                todo = [a for a in batch if a.id not in present]
                summary.skipped += len(batch) - len(todo)
                task.advance(len(batch) - len(todo))
                if todo:
                    yield todo

        batches = chunks(articles, batch_size)
        for batch, corpus in sketched_batches(batches if update else unseen(batches), self.config, workers):
            self._add_batch(batch, corpus, update, summary)
            task.advance(len(batch))
        task.close()
        return summary

    def _add_batch(self, articles: list[Article], corpus: Any, update: bool, summary: AddSummary) -> None:
        with self.sql_guard(), schema.write(self.db):
            present = self._present([a.id for a in articles])
            keep = [i for i, a in enumerate(articles) if update or a.id not in present]
            summary.skipped += len(articles) - len(keep)
            if not keep:
                return
            if len(keep) < len(articles):
                corpus, articles = take(corpus, keep), [articles[i] for i in keep]
            next_doc = self.db.execute("SELECT COALESCE(MAX(doc), 0) + 1 FROM articles").fetchone()[0]
            fresh = iter(range(next_doc, next_doc + len(articles)))
            docs = np.array([present[a.id] if a.id in present else next(fresh) for a in articles], dtype=np.int64)
            replaced = np.array(sorted(present[a.id] for a in articles if a.id in present), dtype=np.int64)
            outcome = place(corpus, docs, replaced, self, self.config)
            joined = self._save(outcome, articles, corpus, replaced)
            summary.added += len(articles) - len(replaced)
            summary.updated += len(replaced)
            summary.joined += joined
            summary.batches += 1

    def _save(self, outcome: Outcome, articles: list[Article], batch: Any, replaced: np.ndarray) -> int:
        """Write a placed batch and the new stories of the part it touched; return how many
        of its articles joined an existing story."""
        now = time.time()
        number = self.db.execute("SELECT COALESCE(MAX(batch), 0) + 1 FROM batches").fetchone()[0]
        ids = self._allocate(outcome.stable)
        story = outcome.cluster_of()
        corpus, by_id = outcome.corpus, {a.id: a for a in articles}
        replaced_set = set(replaced.tolist())
        inserts, updates, moves = [], [], []
        joined = 0
        sketches = dict(zip(batch.ids, self.layout.encode(batch)))
        for i, doc in enumerate(outcome.docs.tolist()):
            article_id = corpus.ids[i]
            cluster, component = ids[story[article_id]], int(outcome.component[i])
            if not outcome.is_new[i]:
                moves.append((component, cluster, doc))
                continue
            found = outcome.joined[i]
            joined += found is not None
            article = by_id[article_id]
            published = article.published
            values = (article.source, published.isoformat() if published else None,
                      published.timestamp() if published else None, now, number, component, cluster,
                      "joined" if found else "new", found[0] if found else None, found[1] if found else None,
                      sketches[article_id], self._article_blob(article))
            if doc in replaced_set:
                updates.append((*values, doc))
            else:
                inserts.append((doc, article_id, *values))
        self.db.executemany("INSERT INTO articles (doc, id, source, published, published_ts, added, batch, "
                            "component, cluster, status, score, match, sketch, article) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts)
        self.db.executemany("UPDATE articles SET source = ?, published = ?, published_ts = ?, added = ?, batch = ?, "
                            "component = ?, cluster = ?, status = ?, score = ?, match = ?, sketch = ?, article = ? "
                            "WHERE doc = ?", updates)
        self.db.executemany("UPDATE articles SET component = ?1, cluster = ?2 WHERE doc = ?3 "
                            "AND (component != ?1 OR cluster != ?2)", moves)
        self._save_clusters(outcome, ids, now)
        for doc in replaced.tolist():
            self.db.execute("DELETE FROM pairs WHERE a = ? OR b = ?", (doc, doc))
        self._save_pairs(outcome, only_new=True)
        keys, text = article_keys(batch, self.config), has_text(batch)
        doc_of = dict(zip(corpus.ids, outcome.docs.tolist()))
        batch_docs = np.array([doc_of[doc_id] for doc_id in batch.ids], dtype=np.int64)
        self.bands.add(batch_docs[text], keys[text])
        self.db.execute("INSERT INTO batches VALUES (?, ?, ?, ?)",
                        (number, now, len(articles) - len(replaced), len(replaced)))
        return joined

    def _allocate(self, stable: list[str | None]) -> list[str]:
        """Stable ids for the clusters, new ones numbered on from the last."""
        next_seq = int(schema.get_meta(self.db, "next_cluster") or 1)
        ids = []
        for old in stable:
            if old is None:
                old = cluster_id(next_seq)
                next_seq += 1
            ids.append(old)
        schema.set_meta(self.db, "next_cluster", str(next_seq))
        return ids

    def _save_clusters(self, outcome: Outcome, ids: list[str], now: float) -> None:
        records = []
        for cluster_id_, cluster in zip(ids, outcome.result.clusters):
            record = {f.name: getattr(cluster, f.name) for f in dataclasses.fields(cluster) if f.name != "id"}
            records.append((cluster_id_, int(cluster_id_[1:]), cluster.size,
                            json.dumps(record, ensure_ascii=False), now, now))
        self.db.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                            "size = excluded.size, record = excluded.record, updated = excluded.updated "
                            "WHERE record != excluded.record", records)
        for old in set(outcome.before.values()) - set(ids):
            if self.db.execute("SELECT 1 FROM articles WHERE cluster = ? LIMIT 1", (old,)).fetchone() is None:
                self.db.execute("DELETE FROM clusters WHERE id = ?", (old,))

    def _save_pairs(self, outcome: Outcome, only_new: bool) -> None:
        """The verified pairs of the new articles (`only_new`), or all of them."""
        corpus = outcome.corpus
        doc_of = dict(zip(corpus.ids, outcome.docs.tolist()))
        new = {corpus.ids[i] for i in np.flatnonzero(outcome.is_new).tolist()}
        rows = []
        for pair in outcome.result.pairs:
            if not only_new or pair.a in new or pair.b in new:
                a, b = sorted((doc_of[pair.a], doc_of[pair.b]))
                scores = {f.name: getattr(pair, f.name) for f in dataclasses.fields(pair) if f.name not in ("a", "b")}
                rows.append((a, b, json.dumps(scores)))
        self.db.executemany("INSERT OR REPLACE INTO pairs VALUES (?, ?, ?)", rows)

    def recompute(self, progress: Progress | None = None) -> None:
        """Cluster every indexed article again in one run, as `dedupe cluster` would, and
        store the result (stable ids kept by overlap). Holds the write lock meanwhile."""
        self.check_sketches()
        with self.sql_guard(), schema.write(self.db):
            docs, rows, before = [], [], {}
            for doc, article_id, cluster, sketch in self.db.execute(
                    "SELECT doc, id, cluster, sketch FROM articles ORDER BY doc"):
                docs.append(doc)
                rows.append(sketch)
                before[article_id] = cluster
            if not rows:
                return
            outcome = recluster(np.array(docs, dtype=np.int64), self.layout.decode(rows), before, self,
                                self.config, progress)
            ids = self._allocate(outcome.stable)
            story = outcome.cluster_of()
            self.db.executemany("UPDATE articles SET component = ?1, cluster = ?2 WHERE doc = ?3 "
                                "AND (component != ?1 OR cluster != ?2)",
                                [(int(outcome.component[i]), ids[story[article_id]], doc) for i, (doc, article_id)
                                 in enumerate(zip(docs, outcome.corpus.ids))])
            self._save_clusters(outcome, ids, time.time())
            self.db.execute("DELETE FROM pairs")
            self._save_pairs(outcome, only_new=False)

    def _article_blob(self, article: Article) -> bytes | None:
        if not self.store_text:
            return None
        record = {field.name: getattr(article, field.name) for field in dataclasses.fields(article)}
        record["published"] = article.published.isoformat() if article.published else None
        return _COMPRESS.compress(json.dumps(record, ensure_ascii=False, default=str).encode("utf-8"))

    # --- what placing reads (incremental.Indexed) ------------------------------------------

    def neighbours(self, keys: np.ndarray) -> np.ndarray:
        return self.bands.lookup(keys)

    def component_members(self, docs: np.ndarray) -> np.ndarray:
        found = self.db.execute("SELECT doc FROM articles WHERE component IN (SELECT component FROM articles "
                                "WHERE doc IN (SELECT value FROM json_each(?))) ORDER BY doc", (_json(docs),))
        return np.array([doc for (doc,) in found], dtype=np.int64)

    def load(self, docs: np.ndarray) -> tuple[Any, list[str]]:
        if len(docs) == 0:
            return None, []
        found = {doc: (cluster, sketch) for doc, cluster, sketch in self.db.execute(
            "SELECT doc, cluster, sketch FROM articles WHERE doc IN (SELECT value FROM json_each(?))", (_json(docs),))}
        ordered = [found[doc] for doc in docs.tolist()]
        return self.layout.decode([sketch for _, sketch in ordered]), [cluster for cluster, _ in ordered]

    def clusters(self, docs: np.ndarray) -> list[str]:
        if len(docs) == 0:
            return []
        found = dict(self.db.execute("SELECT doc, cluster FROM articles WHERE doc IN (SELECT value FROM json_each(?))",
                                     (_json(docs),)).fetchall())
        return [found[doc] for doc in docs.tolist()]

    def seq(self, cluster_ids: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        wanted = sorted(cluster_ids)
        for start in range(0, len(wanted), _PARAMS):
            part = wanted[start:start + _PARAMS]
            found.update(self.db.execute(f"SELECT id, seq FROM clusters WHERE id IN ({','.join('?' * len(part))})",
                                         part).fetchall())
        return found

    def _present(self, ids: list[str]) -> dict[str, int]:
        """Doc number of each of these ids that is indexed."""
        found: dict[str, int] = {}
        for start in range(0, len(ids), _PARAMS):
            part = ids[start:start + _PARAMS]
            found.update(self.db.execute(f"SELECT id, doc FROM articles WHERE id IN ({','.join('?' * len(part))})",
                                         part).fetchall())
        return found

    # --- placing without adding, and what was placed ---------------------------------------

    def query(self, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE, workers: int = 0,
              progress: Progress | None = None) -> Iterator[Placement]:
        """Where each article would go if it were added (nothing is written). Articles of one
        input are placed together, as one `add` batch would be; an id already indexed
        is answered from the index."""
        self.check_sketches()
        task = (progress or NullProgress()).task("query")
        for batch, corpus in sketched_batches(chunks(articles, batch_size), self.config, workers):
            with self.sql_guard(), schema.read(self.db):
                answers = self._query_batch(batch, corpus)
            yield from answers
            task.advance(len(batch))
        task.close()

    def _query_batch(self, articles: list[Article], corpus: Any) -> list[Placement]:
        present = self._present([a.id for a in articles])
        answers: dict[str, Placement] = {}
        if present:
            for placement in self._stored(f"doc IN ({','.join('?' * len(present))})", list(present.values())):
                answers[placement.id] = dataclasses.replace(placement, status="indexed")
        keep = [i for i, a in enumerate(articles) if a.id not in present]
        if keep:
            if len(keep) < len(articles):
                corpus = take(corpus, keep)
            first = self.db.execute("SELECT COALESCE(MAX(doc), 0) + 1 FROM articles").fetchone()[0]
            docs = np.arange(first, first + len(keep), dtype=np.int64)
            outcome = place(corpus, docs, np.empty(0, dtype=np.int64), self, self.config)
            story = outcome.cluster_of()
            for i in np.flatnonzero(outcome.is_new).tolist():
                article_id = outcome.corpus.ids[i]
                found = outcome.joined[i]
                if found is None:
                    answers[article_id] = Placement(article_id, "new", None)
                    continue
                cluster = outcome.stable[story[article_id]] or outcome.before.get(found[1])
                answers[article_id] = Placement(article_id, "joined", cluster, found[0], found[1])
        return [answers[a.id] for a in articles]

    def placements(self, since: datetime | None = None, by: str = "added") -> Iterator[Placement]:
        """Every article added (or published, `by="published"`) at or after `since`, in the
        order they were added: the story it joined (its current id) or 'new'."""
        column = {"added": "added", "published": "published_ts"}[by]
        with self.sql_guard(), schema.read(self.db):
            if since is None:
                yield from self._stored("1", [])
            else:
                yield from self._stored(f"{column} >= ?", [since.timestamp()])

    def _stored(self, where: str, params: list) -> list[Placement]:
        return [Placement(*row) for row in self.db.execute(
            f"SELECT id, status, cluster, score, match FROM articles WHERE {where} ORDER BY doc", params)]


def _json(docs: np.ndarray) -> str:
    return json.dumps(docs.tolist())
