"""Pairs that are not the same story whatever their text: too far apart in time, or one
templated report published again on another day.

A wire service's daily notes ("Fed adds reserves via customer repurchases"), dividend
notices and market reports reuse the same sentences with new figures each day. Their texts
can be near-identical, yet each day's report is its own story. Two signs give them away: the
same outlet publishing the near-identical text again a day later (an outlet does not reprint
its own story on another day), or the figures differing while the words stay.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dedupe.verify.score import overlap

MIN_NUMBERS = 2
"""Figures each article needs before differing figures can mark a template."""
SHARED_NUMBERS = 0.5
"""Share of the smaller set of figures two reports of one story have in common at least."""


@dataclass(frozen=True)
class KeepApart:
    published: np.ndarray  # epoch seconds per document, NaN when unknown
    sources: np.ndarray  # source code per document
    numbers: list[np.ndarray]  # sorted hashes of the figures in each document
    window_seconds: float | None = None
    repeat_seconds: float | None = None
    same_source_seconds: float | None = None  # the same outlet's text this much later is another report

    def __call__(self, pairs: np.ndarray) -> np.ndarray:
        """True for each pair (rows of document indices) that must stay apart."""
        a, b = pairs[:, 0], pairs[:, 1]
        with np.errstate(invalid="ignore"):
            gap = np.abs(self.published[a] - self.published[b])  # NaN (unknown) compares False
            apart = gap > self.window_seconds if self.window_seconds is not None else np.zeros(len(a), bool)
            if self.repeat_seconds is None:
                return apart
            later = gap > self.repeat_seconds
        if self.same_source_seconds is not None:
            with np.errstate(invalid="ignore"):
                apart |= (gap > self.same_source_seconds) & (self.sources[a] == self.sources[b])
        check = later & ~apart
        apart[check] = mostly_different(self.numbers, pairs[check])
        return apart


def mostly_different(values: list[np.ndarray], pairs: np.ndarray, at_least: int = MIN_NUMBERS) -> np.ndarray:
    """True for pairs whose articles both carry at least `at_least` of the given values
    (sorted hashes of figures, or of names) and share less than half of the smaller set."""
    found = np.zeros(len(pairs), dtype=bool)
    for k, (a, b) in enumerate(pairs.tolist()):
        x, y = values[a], values[b]
        smaller = min(len(x), len(y))
        found[k] = smaller >= at_least and overlap(x, y) < SHARED_NUMBERS * smaller
    return found


@dataclass(frozen=True)
class LateDiscount:
    """Similarity factor of pairs published far apart: a story's copies appear within a day
    or two, so an article that resembles both the day's copies and a report from a week later
    belongs with the day's copies."""

    published: np.ndarray  # epoch seconds per document, NaN when unknown
    after_seconds: float
    weight: float

    def __call__(self, pairs: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore"):
            late = np.abs(self.published[pairs[:, 0]] - self.published[pairs[:, 1]]) > self.after_seconds
        return np.where(late, self.weight, 1.0)
