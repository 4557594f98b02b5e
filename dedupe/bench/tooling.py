"""What every benchmarked tool shares: reading the corpus the plain way, the same word
n-gram shingles, a union-find, a stage stopwatch, and its settings."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dedupe.text import tokenize


@dataclass(frozen=True)
class Settings:
    """The same for all tools: shingle size, permutations, seed, Jaccard threshold."""

    ngram: int = 4
    num_perm: int = 128
    seed: int = 1
    threshold: float = 0.5
    workers: int = 0


def read_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of every article, read as a user would: json.loads per line, or pyarrow batches."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(columns=["id", "text"], batch_size=10_000):
            yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist())
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield record["id"], record["text"]


def shingles(text: str, n: int) -> list[str]:
    """Word n-grams of dedupe's tokenizer, as strings; a text shorter than n words is one
    shingle (as `dedupe.minhash.fold_shingles` does)."""
    tokens = tokenize(text)
    if len(tokens) < n:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


class UnionFind:
    """Connected components of candidate pairs, the usual last step of a MinHash dedup."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def labels(self) -> list[int]:
        return [self.find(x) for x in range(len(self.parent))]


@dataclass
class Stopwatch:
    """Seconds per stage, summed over many short laps."""

    stages: dict[str, float] = field(default_factory=dict)
    _clock: float = field(default_factory=time.perf_counter)

    def start(self) -> None:
        self._clock = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.stages[stage] = self.stages.get(stage, 0.0) + now - self._clock
        self._clock = now
