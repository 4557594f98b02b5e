"""Run dedupe and the exact baseline on the generated benchmark, print and save the scores."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.quality.baseline import exact_union_find
from benchmarks.quality.build import build
from benchmarks.quality.reuters import REUTERS, load
from benchmarks.quality.score import cases_table, score, scores_table, worst_text
from dedupe.config import ClusterConfig
from dedupe.model import Article
from dedupe.pipeline import cluster_sketched, run, sketch_corpus
from dedupe.progress import NullProgress

RESULTS = Path(__file__).resolve().parent / "results.json"
SWEEP = {"threshold": (0.45, 0.5, 0.55), "containment": (0.7, 0.8), "join_similarity": (0.6, 0.65, 0.7, 1.01),
         "char_margin": (0.3, 0.4), "late_weight": (0.6, 0.7, 1.0)}
"""The parameter grid of --sweep (1.01 turns weaker joins off, late weight 1.0 the time discount)."""


def to_articles(items: list[dict[str, Any]]) -> list[Article]:
    return [Article(id=a["id"], source=a["source"], text=a["text"], title=a["title"],
                    published=datetime.fromisoformat(a["published"]), meta=dict(a["meta"])) for a in items]


def cluster_with_dedupe(items: list[dict[str, Any]], config: ClusterConfig) -> dict[str, str]:
    return run(to_articles(items), config).assignments


def write_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1, ensure_ascii=False)
        out.write("\n")
    os.replace(tmp, path)


def write_jsonl(path: Path, items: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def sweep(items: list[dict[str, Any]], base: ClusterConfig) -> list[dict[str, Any]]:
    """Score every configuration of the SWEEP grid (none of which changes the sketches, so
    the benchmark is sketched once)."""
    rows = []
    grid = list(itertools.product(*SWEEP.values()))
    corpus = sketch_corpus(to_articles(items), base, NullProgress())
    for n, values in enumerate(grid, start=1):
        config = replace(base, **dict(zip(SWEEP, values)))
        start = time.perf_counter()
        result = score(items, cluster_sketched(corpus, config).assignments)
        rows.append({**dict(zip(SWEEP, values)), **result["scores"], "seconds": time.perf_counter() - start,
                     "worst_join_recall": min(c["recall"] for c in result["cases"].values()
                                              if c["kind"] == "join" and c["recall"] is not None),
                     "false_merged_articles": sum(c.get("merged_articles", 0) for c in result["cases"].values())})
        print(f"[sweep {n}/{len(grid)}] {dict(zip(SWEEP, values))}: ARI {rows[-1]['ari']:.3f}", flush=True)
    rows.sort(key=lambda r: (-r["ari"], -r["pair_f1"]))
    return rows


def sweep_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(SWEEP) + " | ARI | pair P | pair R | pair F1 | B³ F1 | worst join recall | false-merged |",
             "|" + "---:|" * (len(SWEEP) + 7)]
    for r in rows:
        lines.append("| " + " | ".join(str(r[name]) for name in SWEEP) + f" | {r['ari']:.3f} | "
                     f"{r['pair_precision']:.3f} | {r['pair_recall']:.3f} | {r['pair_f1']:.3f} | {r['bcubed_f1']:.3f} | "
                     f"{r['worst_join_recall']:.3f} | {r['false_merged_articles']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Clustering quality on a generated syndication benchmark "
                                     "built from Reuters-21578 dev stories.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stories", type=int, default=400, help="base stories")
    parser.add_argument("--write", type=Path, help="also write the benchmark as JSONL here")
    parser.add_argument("--sweep", action="store_true", help="also run the ClusterConfig grid")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--corpus", type=Path, default=REUTERS)
    args = parser.parse_args(argv)

    clock = time.perf_counter()

    def stage(message: str) -> None:
        print(f"[{time.perf_counter() - clock:6.1f}s] {message}", flush=True)

    corpus = load(args.corpus)
    if corpus is None:
        print(f"skipped: {args.corpus} is not available")
        return 0
    stage(f"read {len(corpus.records):,} Reuters dev records ({corpus.resend_pairs} re-send pairs)")
    items, description = build(corpus, args.seed, args.stories)
    stage(f"generated {description['articles']:,} articles in {description['labels']:,} stories "
          f"from {description['base_stories']} base stories")
    if args.write:
        write_jsonl(args.write, items)
        stage(f"wrote {args.write}")
    config = ClusterConfig()
    start = time.perf_counter()
    results = {"dedupe": score(items, cluster_with_dedupe(items, config))}
    results["dedupe"]["seconds"] = time.perf_counter() - start
    stage(f"dedupe clustered and scored (ARI {results['dedupe']['scores']['ari']:.3f})")
    if not args.no_baseline:
        start = time.perf_counter()
        results["exact 5-gram J>=0.5"] = score(items, exact_union_find(items))
        results["exact 5-gram J>=0.5"]["seconds"] = time.perf_counter() - start
        stage(f"baseline clustered and scored (ARI {results['exact 5-gram J>=0.5']['scores']['ari']:.3f})")
    print()
    print(scores_table({name: r["scores"] for name, r in results.items()}))
    print()
    print(cases_table(results))
    print()
    print(worst_text(results["dedupe"]["worst"]))
    output = {"benchmark": description, "config": asdict(config), "results": results}
    if args.sweep:
        rows = sweep(items, config)
        output["sweep"] = rows
        print()
        print(sweep_table(rows))
    write_atomic(args.output, output)
    stage(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
