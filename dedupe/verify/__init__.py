"""Verify: score candidate pairs on real text and keep the true near-duplicates."""

from dedupe.verify.apart import KeepApart
from dedupe.verify.score import PairScores, is_duplicate, overlap, score_pairs, similarity

__all__ = ["KeepApart", "PairScores", "is_duplicate", "overlap", "score_pairs", "similarity"]
