"""Speed of the persistent index: adding articles against `dedupe cluster`, and query latency.

Generates a seeded corpus (`dedupe.bench.corpus`, a quarter of it reprints) of SIZE articles
plus QUERIES more, then:

1. `dedupe cluster` over the SIZE articles (its own process): articles per second;
2. `dedupe index add` of the same articles into a new index, in batches of --batch-size
   (its own process; with --increments K, K runs of SIZE/K articles each): articles per second;
3. query latency: the QUERIES held-out articles (later articles, some reprints of indexed
   stories, some new) placed one at a time with `Index.query` in this process, after one
   warm-up query; median, 90th percentile and maximum in milliseconds.

Prints a markdown table and writes the figures as JSON (--json). The issue's targets: the add
rate at least 50% of the cluster rate at 100k articles, and a median query under 20 ms with
1M articles indexed:

    python benchmarks/index_speed.py --size 20000
    python benchmarks/index_speed.py --size 100000 --json benchmarks/index/results-100k.json
    python benchmarks/index_speed.py --size 1000000 --skip-cluster --work-dir /big/disk

The 1M run needs about 3 GB for the corpus and 6 GB for the index in --work-dir.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dedupe.bench.corpus import write_corpus
from dedupe.errors import ProblemLog
from dedupe.index import Index
from dedupe.io import read_articles

DEDUPE = [sys.executable, "-m", "dedupe"]


def timed(command: list[str]) -> float:
    """Wall-clock seconds of a command run in its own process (which must succeed)."""
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr}")
    return seconds


def split_lines(source: Path, parts: int, folder: Path) -> list[Path]:
    """The corpus in `parts` consecutive files, streamed."""
    total = sum(1 for _ in source.open(encoding="utf-8"))
    size = -(-total // parts)
    paths = [folder / f"increment-{k:03d}.jsonl" for k in range(parts)]
    handles = [path.open("w", encoding="utf-8") for path in paths]
    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            handles[number // size].write(line)
    for handle in handles:
        handle.close()
    return paths


def corpus(folder: Path, size: int, queries: int, seed: int) -> tuple[Path, Path]:
    """SIZE articles to index and the QUERIES articles that follow them, as two JSONL files."""
    whole, indexed, held_out = folder / "whole.jsonl", folder / "corpus.jsonl", folder / "queries.jsonl"
    if not (indexed.exists() and held_out.exists()):
        write_corpus(whole, folder / "truth.jsonl", size + queries, seed)
        with whole.open(encoding="utf-8") as lines, indexed.open("w", encoding="utf-8") as first, \
                held_out.open("w", encoding="utf-8") as rest:
            for number, line in enumerate(lines):
                (first if number < size else rest).write(line)
        whole.unlink()
    return indexed, held_out


def query_latency(index: Path, queries: Path) -> dict[str, float]:
    articles = list(read_articles([queries], problems=ProblemLog()))
    with Index.open(index) as ix:
        list(ix.query(articles[:1], workers=1))  # loads the kernels and checks the sketch scheme
        seconds, joined = [], 0
        for article in articles:
            started = time.perf_counter()
            (placement,) = ix.query([article], workers=1)
            seconds.append(time.perf_counter() - started)
            joined += placement.status == "joined"
    ms = sorted(s * 1000 for s in seconds)
    return {"queries": len(ms), "joined": joined, "median_ms": statistics.median(ms),
            "p90_ms": ms[int(0.9 * (len(ms) - 1))], "max_ms": ms[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000, help="Articles to index.")
    parser.add_argument("--queries", type=int, default=200, help="Held-out articles to query one by one.")
    parser.add_argument("--batch-size", type=int, default=5000, help="Articles per index batch (transaction).")
    parser.add_argument("--increments", type=int, default=1, help="Separate `index add` runs (default: one).")
    parser.add_argument("--workers", type=int, default=0, help="Sketching processes for both (0: one per core).")
    parser.add_argument("--seed", type=int, default=1, help="Corpus seed.")
    parser.add_argument("--skip-cluster", action="store_true", help="Do not run `dedupe cluster` (for 1M).")
    parser.add_argument("--work-dir", type=Path, help="Keep the corpus and index here (default: a temporary "
                        "folder, removed afterwards); an existing corpus of the same size is reused.")
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args()

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="index-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        indexed, held_out = corpus(work, args.size, args.queries, args.seed)
        workers = ["--workers", str(args.workers)]
        figures: dict = {"size": args.size, "batch_size": args.batch_size, "increments": args.increments,
                         "cpus": os.cpu_count()}
        if not args.skip_cluster:
            seconds = timed([*DEDUPE, "cluster", str(indexed), "-o", str(work / "clusters.jsonl"), "-q", *workers])
            figures["cluster_seconds"] = round(seconds, 2)
            figures["cluster_rate"] = round(args.size / seconds)
        index = work / "index.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{index}{suffix}").unlink(missing_ok=True)
        parts = [indexed] if args.increments == 1 else split_lines(indexed, args.increments, work)
        seconds = sum(timed([*DEDUPE, "index", "add", str(index), str(part), "--batch-size", str(args.batch_size),
                             "-q", *workers]) for part in parts)
        figures["add_seconds"] = round(seconds, 2)
        figures["add_rate"] = round(args.size / seconds)
        if "cluster_rate" in figures:
            figures["add_vs_cluster"] = round(figures["add_rate"] / figures["cluster_rate"], 3)
        figures["index_bytes"] = sum(os.path.getsize(p) for p in work.glob("index.db*"))
        figures.update({k: round(v, 2) if isinstance(v, float) else v
                        for k, v in query_latency(index, held_out).items()})
    finally:
        if args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    print("| figure | value |\n|---|---|")
    for key, value in figures.items():
        print(f"| {key} | {value:,} |" if isinstance(value, (int, float)) else f"| {key} | {value} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
