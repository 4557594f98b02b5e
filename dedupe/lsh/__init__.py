"""Candidates: LSH banding tuned to a Jaccard threshold."""

from dedupe.lsh.banding import band_keys, candidate_pairs, unique_pairs
from dedupe.lsh.params import collision_probability, optimal_bands

__all__ = ["band_keys", "candidate_pairs", "collision_probability", "optimal_bands", "unique_pairs"]
