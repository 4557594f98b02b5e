"""Which shingle size to use by default: recall of edited copies against pairs among originals.

Takes Reuters dev stories of 100+ words, makes one seeded edited copy of each (a share of
words replaced, as rewording and OCR errors do, and the last paragraphs cut), mixes copies
and originals, clusters with each n-gram size, and reports:
- copy recall: share of (original, copy) pairs found as near-duplicates;
- extra pairs: verified pairs between two different originals (templated reports and
  re-sent stories: some are true duplicates, but a jump means look-alikes start to join).

    python benchmarks/choose_ngram.py [--edit 0.08] [--sizes 3,4,5,6]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from dedupe.config import ClusterConfig
from dedupe.model import Article
from dedupe.pipeline import run

REUTERS = Path(__file__).resolve().parents[2] / "shared/corpora/reuters21578/reuters21578-dev.jsonl"


def edited(text: str, rng: random.Random, share: float) -> str:
    words = text.split()
    vocabulary = ["the", "said", "company", "market", "year", "pct", "government", "new", "would", "share"]
    for pos in rng.sample(range(len(words)), int(len(words) * share)):
        words[pos] = rng.choice(vocabulary)
    keep = max(60, int(len(words) * rng.uniform(0.7, 1.0)))
    return " ".join(words[:keep])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edit", type=float, default=0.08, help="share of words replaced in each copy")
    parser.add_argument("--sizes", default="3,4,5,6,7")
    parser.add_argument("--limit", type=int, default=3000)
    args = parser.parse_args()
    if not REUTERS.exists():
        print(f"skipped: {REUTERS} is not available", file=sys.stderr)
        return 0
    rng = random.Random(20261130)
    originals = [json.loads(line) for line in REUTERS.open(encoding="utf-8")]
    originals = [r for r in originals if len(r["text"].split()) >= 100][: args.limit]
    articles = [Article(id=r["id"], source="reuters", text=r["text"]) for r in originals]
    articles += [Article(id=r["id"] + "~copy", source="copy", text=edited(r["text"], rng, args.edit))
                 for r in originals]
    print(f"{len(originals)} originals + {len(originals)} copies, {args.edit:.0%} of words replaced")
    print("| n | copy recall | extra pairs between originals |")
    print("|---|---|---|")
    for n in map(int, args.sizes.split(",")):
        result = run(articles, ClusterConfig(ngram=n, workers=1))
        pairs = {(p.a, p.b) for p in result.pairs}
        recall = sum((r["id"], r["id"] + "~copy") in pairs for r in originals) / len(originals)
        extra = sum("~" not in p.a and "~" not in p.b for p in result.pairs)
        print(f"| {n} | {recall:.4f} | {extra} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
