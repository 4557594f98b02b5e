"""Evaluation of clusters against ground truth."""

from dedupe.eval.metrics import Scores, clusters_from_pairs, evaluate

__all__ = ["Scores", "clusters_from_pairs", "evaluate"]
