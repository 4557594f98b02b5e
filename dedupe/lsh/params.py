"""Choosing bands × rows for a Jaccard threshold, as datasketch's MinHashLSH does."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

# Gauss-Legendre nodes integrate polynomials of degree < 2 * _NODES exactly; the
# integrands below have degree bands * rows <= num_perm, so for num_perm <= 2 * _NODES
# the areas are exact up to rounding (datasketch uses scipy's adaptive quad, which agrees
# to ~1e-10: far below the gaps between candidates).
_NODES = 160
_X, _W = np.polynomial.legendre.leggauss(_NODES)


def _area(function, low: float, high: float) -> np.ndarray:
    """Integral of `function(s)` (vectorized over rows of parameters) from low to high."""
    s = (high - low) / 2 * _X + (high + low) / 2
    return (high - low) / 2 * (function(s) @ _W)


@lru_cache(maxsize=64)
def optimal_bands(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) with bands * rows <= num_perm minimising the weighted probability of
    false positives (below `threshold`) and false negatives (above it)."""
    options = [(bands, rows) for bands in range(1, num_perm + 1) for rows in range(1, num_perm // bands + 1)]
    b = np.array([o[0] for o in options], dtype=np.float64)[:, None]
    r = np.array([o[1] for o in options], dtype=np.float64)[:, None]
    false_positive = _area(lambda s: 1 - (1 - s**r) ** b, 0.0, threshold)
    false_negative = _area(lambda s: (1 - s**r) ** b, threshold, 1.0)
    error = fp_weight * false_positive + fn_weight * false_negative
    return options[int(np.argmin(error))]  # the first of equal minima, as datasketch's loop keeps


def collision_probability(similarity: float, bands: int, rows: int) -> float:
    """Probability that two sets of this Jaccard similarity share at least one band."""
    return 1 - (1 - similarity**rows) ** bands
