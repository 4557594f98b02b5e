"""Verifying candidates on the real shingle sets, so LSH false positives never become edges."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """Size of the intersection of two sorted arrays of unique values."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 0:
        return 0
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return int(np.count_nonzero(b[at] == a))


@dataclass(frozen=True)
class PairScores:
    """Exact similarities of candidate pairs, aligned with the pair array."""

    pairs: np.ndarray  # (n, 2) int64 document indices, i < j
    jaccard: np.ndarray  # float64
    containment: np.ndarray  # |A ∩ B| / min(|A|, |B|), float64
    min_size: np.ndarray  # shingles of the smaller document, int64

    def __len__(self) -> int:
        return len(self.pairs)

    @staticmethod
    def concat(parts: list[PairScores]) -> PairScores:
        return PairScores(*(np.concatenate([getattr(p, name) for p in parts])
                            for name in ("pairs", "jaccard", "containment", "min_size")))


def score_pairs(shingle_sets: list[np.ndarray], pairs: np.ndarray) -> PairScores:
    """Exact Jaccard and containment of each candidate pair."""
    inter = np.fromiter((overlap(shingle_sets[i], shingle_sets[j]) for i, j in pairs.tolist()),
                        dtype=np.int64, count=len(pairs))
    sizes = np.fromiter((len(s) for s in shingle_sets), dtype=np.int64, count=len(shingle_sets))
    size_a, size_b = sizes[pairs[:, 0]], sizes[pairs[:, 1]]
    union = size_a + size_b - inter
    smaller = np.minimum(size_a, size_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, inter / union, 0.0)
        containment = np.where(smaller > 0, inter / smaller, 0.0)
    return PairScores(pairs, jaccard, containment, smaller)


def similarity(scores: PairScores, min_containment_shingles: int) -> np.ndarray:
    """The story-level similarity of each pair: Jaccard, or containment of the smaller
    article when it is long enough for containment to mean something."""
    usable = scores.min_size >= min_containment_shingles
    return np.where(usable, np.maximum(scores.jaccard, scores.containment), scores.jaccard)


def is_duplicate(scores: PairScores, threshold: float, containment: float, min_containment_shingles: int) -> np.ndarray:
    """Which pairs are near-duplicates: Jaccard at or above `threshold`, or a trimmed
    version whose shingles are at least `containment` inside the other."""
    contained = (scores.containment >= containment) & (scores.min_size >= min_containment_shingles)
    return (scores.jaccard >= threshold) | contained
