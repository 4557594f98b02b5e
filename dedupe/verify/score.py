"""Verifying candidates on the real shingle sets, so LSH false positives never become edges."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dedupe.minhash import EMPTY
from dedupe.minhash.backend import kernels


CHAR_MIN_SHINGLES = 40
"""Word shingles the smaller article needs before character similarity counts: short
notices (dividends, earnings tables) share most of their characters by template."""


@dataclass(frozen=True)
class CharSketches:
    """The character channel of a corpus: MinHash signatures of the glyph skeletons'
    character n-grams, and how many distinct n-grams each skeleton has."""

    signatures: np.ndarray  # (docs, num_perm) uint32
    sizes: np.ndarray  # (docs,) int64

    def subset(self, docs: np.ndarray) -> CharSketches:
        return CharSketches(self.signatures[docs], self.sizes[docs])


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
    char_containment: np.ndarray  # character n-grams of the smaller article in the larger, estimated, float64

    def __len__(self) -> int:
        return len(self.pairs)

    @staticmethod
    def concat(parts: list[PairScores]) -> PairScores:
        return PairScores(*(np.concatenate([getattr(p, name) for p in parts])
                            for name in ("pairs", "jaccard", "containment", "min_size", "char_jaccard",
                                         "char_containment")))


def char_scores(chars: CharSketches | None, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Character n-gram Jaccard and containment of each pair, estimated from MinHash
    signatures (the share of permutations on which they agree) and the set sizes.
    Empty documents agree with nothing."""
    if chars is None or len(pairs) == 0:
        return np.zeros(len(pairs)), np.zeros(len(pairs))
    a, b = chars.signatures[pairs[:, 0]], chars.signatures[pairs[:, 1]]
    empty = (a == EMPTY).all(axis=1) | (b == EMPTY).all(axis=1)
    jaccard = np.where(empty, 0.0, (a == b).mean(axis=1))
    return jaccard, estimated_containment(jaccard, chars.sizes[pairs[:, 0]], chars.sizes[pairs[:, 1]])


def estimated_containment(jaccard: np.ndarray, size_a: np.ndarray, size_b: np.ndarray) -> np.ndarray:
    """|A ∩ B| / min(|A|, |B|) from the Jaccard of A and B and their sizes."""
    size_a, size_b = size_a.astype(np.float64), size_b.astype(np.float64)
    smaller = np.minimum(size_a, size_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        inter = jaccard * (size_a + size_b) / (1.0 + jaccard)
        return np.where(smaller > 0, np.minimum(inter / smaller, 1.0), 0.0)


def score_pairs(shingle_sets: list[np.ndarray], pairs: np.ndarray,
                chars: CharSketches | None = None) -> PairScores:
    """Exact word-shingle Jaccard and containment of each candidate pair, and the estimated
    character n-gram Jaccard and containment when the character channel is given."""
    inter, size_a, size_b = _overlaps(shingle_sets, pairs)
    union = size_a + size_b - inter
    smaller = np.minimum(size_a, size_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, inter / union, 0.0)
        containment = np.where(smaller > 0, inter / smaller, 0.0)
    return PairScores(pairs, jaccard, containment, smaller, *char_scores(chars, pairs))


def _overlaps(shingle_sets: list[np.ndarray], pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Intersection size of each pair's sets, and the sizes of both sets."""
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    docs, local = np.unique(pairs, return_inverse=True)  # only the documents these pairs name
    local = local.reshape(pairs.shape)
    sets = [shingle_sets[d] for d in docs.tolist()]
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    compiled = kernels()
    if compiled is not None:
        inter = compiled.overlaps(sets, local)
    else:
        inter = np.fromiter((overlap(sets[i], sets[j]) for i, j in local.tolist()), dtype=np.int64, count=len(local))
    return inter, sizes[local[:, 0]], sizes[local[:, 1]]


@dataclass(frozen=True)
class Thresholds:
    """When a scored pair is a near-duplicate (the verify part of `ClusterConfig`)."""

    jaccard: float = 0.5
    containment: float = 0.8
    min_containment_shingles: int = 12
    char_jaccard: float = 1.01  # above 1: the character channel is off
    char_containment: float = 1.01
    char_margin: float = 0.4


def ocr_like(scores: PairScores, thresholds: Thresholds) -> np.ndarray:
    """Pairs whose characters agree far more than their words: the copies differ by
    misread glyphs, not by rewording (which breaks characters and words alike) or by the
    new names and figures of a template."""
    margin = thresholds.char_margin
    return (scores.min_size >= CHAR_MIN_SHINGLES) & (
        ((scores.char_jaccard >= thresholds.char_jaccard) & (scores.char_jaccard - scores.jaccard >= margin))
        | ((scores.char_containment >= thresholds.char_containment)
           & (scores.char_containment - scores.containment >= margin)))


def word_similarity(jaccard: np.ndarray, containment: np.ndarray, min_size: np.ndarray,
                    min_containment_shingles: int) -> np.ndarray:
    """Jaccard, or containment when the smaller article is long enough for it to mean something."""
    return np.where(min_size >= min_containment_shingles, np.maximum(jaccard, containment), jaccard)


def similarity(scores: PairScores, thresholds: Thresholds) -> np.ndarray:
    """The story-level similarity of each pair: its word similarity, or for OCR'd copies
    the character similarity that the misread glyphs left intact."""
    words = word_similarity(scores.jaccard, scores.containment, scores.min_size, thresholds.min_containment_shingles)
    chars = np.maximum(scores.char_jaccard, scores.char_containment)
    return np.where(ocr_like(scores, thresholds), np.maximum(words, chars), words)


def is_duplicate(scores: PairScores, thresholds: Thresholds, characters: bool = True) -> np.ndarray:
    """Which pairs are near-duplicates: Jaccard at or above the threshold, a trimmed version
    whose shingles are mostly inside the other, or (with `characters`) an OCR'd copy whose
    word shingles broke while its characters still agree."""
    contained = ((scores.containment >= thresholds.containment)
                 & (scores.min_size >= thresholds.min_containment_shingles))
    found = (scores.jaccard >= thresholds.jaccard) | contained
    return found | ocr_like(scores, thresholds) if characters else found
