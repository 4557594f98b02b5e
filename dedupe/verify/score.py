"""Verifying candidates on the real shingle sets, so LSH false positives never become edges."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dedupe.minhash import EMPTY


CHAR_MIN_SHINGLES = 40
"""Word shingles the smaller article needs before character similarity counts: short
notices (dividends, earnings tables) share most of their characters by template."""


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
    char_jaccard: np.ndarray  # character n-gram Jaccard estimated from signatures (OCR-robust), float64

    def __len__(self) -> int:
        return len(self.pairs)

    @staticmethod
    def concat(parts: list[PairScores]) -> PairScores:
        return PairScores(*(np.concatenate([getattr(p, name) for p in parts])
                            for name in ("pairs", "jaccard", "containment", "min_size", "char_jaccard")))


def char_jaccard(char_signatures: np.ndarray | None, pairs: np.ndarray) -> np.ndarray:
    """Character n-gram Jaccard of each pair, estimated from MinHash signatures: the share
    of permutations on which they agree. Empty documents agree with nothing."""
    if char_signatures is None or len(pairs) == 0:
        return np.zeros(len(pairs))
    a, b = char_signatures[pairs[:, 0]], char_signatures[pairs[:, 1]]
    empty = (a == EMPTY).all(axis=1) | (b == EMPTY).all(axis=1)
    return np.where(empty, 0.0, (a == b).mean(axis=1))


def score_pairs(shingle_sets: list[np.ndarray], pairs: np.ndarray,
                char_signatures: np.ndarray | None = None) -> PairScores:
    """Exact word-shingle Jaccard and containment of each candidate pair, and the estimated
    character n-gram Jaccard when character signatures are given."""
    inter = np.fromiter((overlap(shingle_sets[i], shingle_sets[j]) for i, j in pairs.tolist()),
                        dtype=np.int64, count=len(pairs))
    sizes = np.fromiter((len(s) for s in shingle_sets), dtype=np.int64, count=len(shingle_sets))
    size_a, size_b = sizes[pairs[:, 0]], sizes[pairs[:, 1]]
    union = size_a + size_b - inter
    smaller = np.minimum(size_a, size_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, inter / union, 0.0)
        containment = np.where(smaller > 0, inter / smaller, 0.0)
    return PairScores(pairs, jaccard, containment, smaller, char_jaccard(char_signatures, pairs))


def similarity(scores: PairScores, min_containment_shingles: int) -> np.ndarray:
    """The story-level similarity of each pair: Jaccard, or, when the smaller article is long
    enough for them to mean something, containment or character n-gram Jaccard."""
    usable = scores.min_size >= min_containment_shingles
    words = np.where(usable, np.maximum(scores.jaccard, scores.containment), scores.jaccard)
    return np.where(scores.min_size >= CHAR_MIN_SHINGLES, np.maximum(words, scores.char_jaccard), words)


def is_duplicate(scores: PairScores, threshold: float, containment: float, min_containment_shingles: int,
                 char_threshold: float = 1.01) -> np.ndarray:
    """Which pairs are near-duplicates: Jaccard at or above `threshold`, a trimmed version
    whose shingles are at least `containment` inside the other, or (OCR'd copies, whose
    word shingles break) character n-gram Jaccard at or above `char_threshold`."""
    contained = (scores.containment >= containment) & (scores.min_size >= min_containment_shingles)
    by_characters = (scores.char_jaccard >= char_threshold) & (scores.min_size >= CHAR_MIN_SHINGLES)
    return (scores.jaccard >= threshold) | contained | by_characters
