"""Exact near-duplicate pairs by brute force, the reference that MinHash/LSH is measured against.

Every pair's word 5-gram Jaccard and containment is computed exactly with a sparse
document × shingle matrix product (no sampling, no LSH), then compared with the pairs
`dedupe cluster --pairs` reported.

    python benchmarks/exact_pairs.py                       # the Reuters dev corpus
    python benchmarks/exact_pairs.py --pairs pairs.jsonl   # also score dedupe's pairs
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from dedupe.minhash import shingle_set

REUTERS = Path(__file__).resolve().parents[2] / "shared/corpora/reuters21578/reuters21578-dev.jsonl"


def load(path: Path, min_words: int) -> tuple[list[str], list[str]]:
    ids, texts = [], []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if len(record.get("text", "").split()) >= min_words:
                ids.append(str(record["id"]))
                texts.append(record["text"])
    return ids, texts


def exact_scores(texts: list[str], n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(pairs, jaccard, containment) of every pair sharing at least one shingle."""
    sets = [shingle_set(t, n) for t in texts]
    rows = np.repeat(np.arange(len(sets)), [len(s) for s in sets])
    _, cols = np.unique(np.concatenate(sets), return_inverse=True)
    matrix = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)))
    inter = (matrix @ matrix.T).tocoo()
    keep = inter.row < inter.col
    a, b, common = inter.row[keep], inter.col[keep], inter.data[keep].astype(np.float64)
    sizes = np.array([len(s) for s in sets], dtype=np.float64)
    jaccard = common / (sizes[a] + sizes[b] - common)
    containment = common / np.minimum(sizes[a], sizes[b])
    return np.stack((a, b), axis=1), jaccard, containment


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=REUTERS)
    parser.add_argument("--pairs", type=Path, help="dedupe's --pairs output to score against the exact pairs")
    parser.add_argument("--ngram", type=int, default=5)
    parser.add_argument("--min-words", type=int, default=20)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} is not available", file=sys.stderr)
        return 0
    ids, texts = load(args.corpus, args.min_words)
    pairs, jaccard, containment = exact_scores(texts, args.ngram)
    similar = jaccard >= 0.5
    either = similar | (containment >= 0.8)
    print(f"{len(ids):,} articles with {args.min_words}+ words")
    print(f"exact pairs with Jaccard >= 0.5: {similar.sum():,}; Jaccard >= 0.5 or containment >= 0.8: {either.sum():,}")
    if args.pairs:
        found = set()
        for line in args.pairs.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found.add(tuple(sorted((record["a"], record["b"]))))
        key = [tuple(sorted((ids[a], ids[b]))) for a, b in pairs.tolist()]
        truth = {k for k, s in zip(key, similar) if s}
        loose = {k for k, j, c in zip(key, jaccard, containment) if j >= 0.4 or c >= 0.7}
        in_scope = {p for p in found if p[0] in set(ids) and p[1] in set(ids)}
        print(f"dedupe pairs: {len(found):,} ({len(in_scope):,} between articles of {args.min_words}+ words)")
        print(f"recall of exact Jaccard >= 0.5 pairs: {len(truth & found) / max(len(truth), 1):.4f}")
        print(f"share of dedupe's pairs with exact Jaccard >= 0.4 or containment >= 0.7: "
              f"{len(in_scope & loose) / max(len(in_scope), 1):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
