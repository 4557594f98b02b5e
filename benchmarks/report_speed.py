"""Speed of comparing and rendering: one 50-version cluster, and a report of 1,000 clusters.

Versions are seeded edits of ~800-word stories built from Reuters dev sentences when the
corpus is present (else from the sample corpus): paragraphs dropped, moved and added,
words swapped, the end cut. Prints seconds per stage; writes the report to a temp folder.

    python benchmarks/report_speed.py [--versions 50] [--clusters 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from dedupe.compare import compare_articles
from dedupe.compare.clusters import compare_clusters
from dedupe.errors import ProblemLog
from dedupe.model import Article
from dedupe.report import write_report

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared/corpora/reuters21578/reuters21578-dev.jsonl"
T0 = datetime(2026, 3, 1, tzinfo=timezone.utc)


def sentences() -> list[str]:
    source = REUTERS if REUTERS.exists() else ROOT / "corpora/sample/articles.jsonl"
    found = []
    for line in source.open(encoding="utf-8"):
        text = " ".join(json.loads(line)["text"].split())
        found += [s.strip() + "." for s in text.split(". ") if 8 <= len(s.split()) <= 40]
    return found


def story(pool: list[str], rng: random.Random, words: int = 800) -> list[str]:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(rng.sample(pool, 2))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def version(paragraphs: list[str], pool: list[str], rng: random.Random) -> list[str]:
    edited = list(paragraphs)
    if rng.random() < 0.5:
        del edited[rng.randrange(1, len(edited))]
    if rng.random() < 0.5:
        edited.insert(rng.randrange(1, len(edited)), rng.choice(pool))
    if rng.random() < 0.4:
        moved = edited.pop(rng.randrange(1, len(edited)))
        edited.insert(rng.randrange(1, len(edited)), moved)
    for _ in range(rng.randint(1, 6)):
        k = rng.randrange(len(edited))
        words = edited[k].split()
        words[rng.randrange(len(words))] = rng.choice(["claimed", "reportedly", "regime", "17", "Smith"])
        edited[k] = " ".join(words)
    if rng.random() < 0.3:
        edited = edited[: rng.randint(3, len(edited))]
    return edited


def cluster(name: str, size: int, pool: list[str], rng: random.Random) -> list[Article]:
    base = story(pool, rng)
    texts = [base] + [version(base, pool, rng) for _ in range(size - 1)]
    return [Article(id=f"{name}-{k}", source=f"Outlet {k}", text="\n\n".join(t), title=f"Story {name} ({k})",
                    published=T0 + timedelta(minutes=7 * k)) for k, t in enumerate(texts)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--cluster-size", type=int, default=6, help="versions per cluster in the big report")
    parser.add_argument("--workers", type=int, default=0, help="comparison processes (0: one per core)")
    args = parser.parse_args()
    rng = random.Random(20261130)
    pool = sentences()

    big = cluster("big", args.versions, pool, rng)
    start = time.perf_counter()
    document = compare_articles(big, "big")
    compared = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as out:
        write_report(Path(out) / "one", [document], {"articles": len(big), "clusters": 1})
        rendered = time.perf_counter() - start - compared
    words = sum(len(a.text.split()) for a in big) / len(big)
    print(f"one cluster of {args.versions} versions (~{words:.0f} words each): "
          f"compare {compared:.2f} s + render {rendered:.2f} s = {compared + rendered:.2f} s")

    clusters = [cluster(f"c{n:04d}", args.cluster_size, pool, rng) for n in range(args.clusters)]
    articles = {a.id: a for c in clusters for a in c}
    listed = [{"id": c[0].id.split("-")[0], "members": [a.id for a in c]} for c in clusters]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        # As `dedupe report` does: workers compare while the main process renders.
        documents = compare_clusters(listed, articles, ProblemLog(), workers=args.workers)
        write_report(Path(out) / "many", documents, {"articles": len(articles), "clusters": len(clusters)})
    total = time.perf_counter() - start
    print(f"report of {args.clusters} clusters x {args.cluster_size} versions (compare + render, "
          f"{args.workers or 'all'} cores): {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
