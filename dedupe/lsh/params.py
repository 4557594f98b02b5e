"""Choosing bands × rows for a Jaccard threshold, as datasketch's MinHashLSH does."""

from __future__ import annotations

from functools import lru_cache

from scipy.integrate import quad


def _false_positive(threshold: float, bands: int, rows: int) -> float:
    area, _ = quad(lambda s: 1 - (1 - s**rows) ** bands, 0.0, threshold)
    return area


def _false_negative(threshold: float, bands: int, rows: int) -> float:
    area, _ = quad(lambda s: (1 - s**rows) ** bands, threshold, 1.0)
    return area


@lru_cache(maxsize=64)
def optimal_bands(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) with bands * rows <= num_perm minimising the weighted probability of
    false positives (below `threshold`) and false negatives (above it)."""
    best, best_error = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            error = (fp_weight * _false_positive(threshold, bands, rows)
                     + fn_weight * _false_negative(threshold, bands, rows))
            if error < best_error:
                best, best_error = (bands, rows), error
    return best


def collision_probability(similarity: float, bands: int, rows: int) -> float:
    """Probability that two sets of this Jaccard similarity share at least one band."""
    return 1 - (1 - similarity**rows) ** bands
