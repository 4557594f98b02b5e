"""A seeded news corpus of any size with ground truth, streamed to JSONL or Parquet.

Originals are independent stories (Zipf words, log-normal lengths around 400 words) from
wire agencies or outlets; about a quarter of all articles are wire reprints of an earlier
original (see `reprint`), published a few hours later and interleaved with other stories.
Only the reprints still waiting to be emitted are held in memory, never the corpus.
The truth file has one line per article: {"id", "cluster", "edits"}; articles of one story
share `cluster`.
"""

from __future__ import annotations

import heapq
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from dedupe.bench.reprint import AGENCIES, Story, reprint
from dedupe.bench.words import Lexicon, article_length, paragraphs
from dedupe.io.write import atomic_write
from dedupe.progress import NullProgress, Progress

START = datetime(2024, 1, 1, tzinfo=timezone.utc)
REPRINTED = 0.15
"""Share of originals that are reprinted; with 1 / 0.45 reprints each on average, ~25% of
all articles are reprints."""
MEAN_REPRINTS = 1 / 0.45
OUTLETS = 500
PARQUET_ROWS = 20_000


@dataclass(frozen=True)
class Generated:
    """What a corpus holds: counts for the results file."""

    articles: int
    reprints: int
    stories: int
    words: int

    @property
    def reprint_share(self) -> float:
        return self.reprints / self.articles if self.articles else 0.0


def _record(doc_id: str, story: Story, source: str, published: datetime) -> dict:
    return {"id": doc_id, "source": source, "title": story.title, "text": "\n\n".join(story.paragraphs),
            "published": published.isoformat()}


def generate(size: int, seed: int = 1) -> Iterator[tuple[dict, dict]]:
    """(article, truth) records of a `size`-article corpus, in publication order."""
    rng = np.random.default_rng(seed)
    lexicon = Lexicon(seed)
    pending: list[tuple[int, int, str, Story, datetime]] = []  # (due position, tiebreak, story id, ...)
    emitted = originals = 0
    while emitted < size:
        if pending and pending[0][0] <= emitted:
            _, _, story_id, original, published = heapq.heappop(pending)
            outlet = f"outlet-{int(rng.integers(OUTLETS)):03d}"
            story, edits = reprint(original, outlet, rng, lexicon)
            moment = published + timedelta(minutes=float(rng.uniform(5, 720)))
            yield (_record(f"a{emitted:07d}", story, outlet, moment),
                   {"id": f"a{emitted:07d}", "cluster": story_id, "edits": edits})
            emitted += 1
            continue
        doc_id = f"a{emitted:07d}"
        wire = rng.random() < 0.7
        agency = AGENCIES[int(rng.integers(len(AGENCIES)))] if wire else None
        title_words = lexicon.sample(rng, int(rng.integers(6, 13)))
        title = " ".join(title_words)
        story = Story(title[:1].upper() + title[1:], paragraphs(lexicon.sample(rng, article_length(rng)), rng), agency)
        published = START + timedelta(seconds=30 * emitted)
        source = agency or f"outlet-{int(rng.integers(OUTLETS)):03d}"
        yield _record(doc_id, story, source, published), {"id": doc_id, "cluster": doc_id, "edits": []}
        originals += 1
        emitted += 1
        if rng.random() < REPRINTED:
            for _ in range(int(rng.geometric(1 / MEAN_REPRINTS))):
                due = emitted + int(rng.integers(1, 300))
                heapq.heappush(pending, (due, int(rng.integers(1 << 62)), doc_id, story, published))


def _partial(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def _stats_path(path: Path) -> Path:
    return path.with_name(path.name + ".stats.json")


def write_corpus(path: Path, truth_path: Path, size: int, seed: int = 1,
                 progress: Progress | None = None) -> Generated:
    """Write the corpus (JSONL, or Parquet when `path` ends in .parquet), its truth (JSONL)
    and its counts (PATH.stats.json), each under a temporary name renamed when complete."""
    task = (progress or NullProgress()).task(f"generate {size:,} articles", total=size)
    reprints = words = 0
    stories: set[str] = set()
    sink = _ParquetSink(_partial(path)) if path.suffix == ".parquet" else _JsonlSink(_partial(path))
    with sink, _partial(truth_path).open("w", encoding="utf-8") as truth_out:
        for number, (article, truth) in enumerate(generate(size, seed), start=1):
            sink.write(article)
            truth_out.write(json.dumps(truth) + "\n")
            reprints += truth["cluster"] != truth["id"]
            stories.add(truth["cluster"])
            words += article["text"].count(" ") + 1
            if number % 1000 == 0:
                task.advance(1000)
        task.advance(size % 1000)
    task.close()
    generated = Generated(size, reprints, len(stories), words)
    os.replace(_partial(path), path)
    os.replace(_partial(truth_path), truth_path)
    with atomic_write(_stats_path(path)) as stats:
        stats.write(json.dumps(asdict(generated)))
    return generated


def existing_corpus(path: Path, truth_path: Path) -> Generated | None:
    """The counts of a corpus `write_corpus` completed at these paths earlier, or None."""
    stats = _stats_path(path)
    if not (path.exists() and truth_path.exists() and stats.exists()):
        return None
    return Generated(**json.loads(stats.read_text(encoding="utf-8")))


class _JsonlSink:
    def __init__(self, path: Path) -> None:
        self._file = path.open("w", encoding="utf-8")

    def write(self, record: dict) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def __enter__(self) -> _JsonlSink:
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()


class _ParquetSink:
    """Row groups of PARQUET_ROWS articles, so memory stays bounded."""

    def __init__(self, path: Path) -> None:
        from dedupe.io.parquet import require_pyarrow

        require_pyarrow()
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._schema = pa.schema([(name, pa.string()) for name in ("id", "source", "title", "text", "published")])
        self._writer = pq.ParquetWriter(path, self._schema)
        self._rows: list[dict] = []

    def write(self, record: dict) -> None:
        self._rows.append(record)
        if len(self._rows) >= PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def __enter__(self) -> _ParquetSink:
        return self

    def __exit__(self, *exc) -> None:
        self._flush()
        self._writer.close()
