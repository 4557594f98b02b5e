"""Verify: score candidate pairs on real text and keep the true near-duplicates."""

from dedupe.verify.apart import KeepApart
from dedupe.verify.score import (CharSketches, PairScores, Thresholds, is_duplicate, ocr_like, overlap, score_pairs,
                                 similarity)

__all__ = ["CharSketches", "KeepApart", "PairScores", "Thresholds", "is_duplicate", "ocr_like", "overlap",
           "score_pairs", "similarity"]
