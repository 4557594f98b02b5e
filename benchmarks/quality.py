"""Clustering quality on a labelled syndication benchmark generated from real wire copy.

    python benchmarks/quality.py [--seed 1] [--stories 400] [--write bench.jsonl] [--sweep]

Base stories are Reuters-21578 dev stories (read from ../shared/corpora at run time, never
copied; "skipped" and exit 0 when absent). Each becomes a story of 2-8 outlet versions
(re-headlined, truncated, briefs, rewrites, merged copy, heavy OCR...) next to articles that
must stay apart (same-topic stories, templated reports, follow-ups, roundups). Prints ARI,
pairwise and B-cubed scores for dedupe's defaults and for exact union-find over word 5-gram
Jaccard >= 0.5, per-case recall and false merges, the worst merges and splits; writes
benchmarks/quality/results.json. The code lives in the `benchmarks.quality` package; this
file only runs it (`from benchmarks.quality.run import main` to import it).
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root
    sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    from benchmarks.quality.run import main

    sys.exit(main())
