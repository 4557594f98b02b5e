"""Average linkage inside a connected component, so that one bridging article (a roundup
quoting three stories) cannot chain unrelated stories into one cluster.

Single linkage (plain connected components) joins two groups through any one edge.
Average linkage joins them only when the *mean* similarity over all their cross pairs is
high: a roundup that resembles one member of each story barely moves that mean.
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform


CANNOT_LINK = 1e9
"""Distance of a pair that must never share a group: so large that any group containing
such a pair has an average distance far above every cut."""


def split_by_average_linkage(similarity: np.ndarray, link_threshold: float,
                             cannot_link: np.ndarray | None = None) -> np.ndarray:
    """Group labels (0..k-1, in order of first member) for a square similarity matrix;
    groups whose average similarity is below `link_threshold` are kept apart, and so are
    groups holding a pair marked in `cannot_link` (a templated report and its earlier day)."""
    n = similarity.shape[0]
    if n < 3:
        return np.zeros(n, dtype=np.int64)
    distance = 1.0 - np.clip(similarity, 0.0, 1.0)
    if cannot_link is not None:
        distance[cannot_link] = CANNOT_LINK
    np.fill_diagonal(distance, 0.0)
    cut = 1.0 - link_threshold + 1e-12
    if distance.max() <= cut - 1e-9:
        # Every merge height is a mean of pairwise distances, all below the cut: one group
        # (the common case, a story's copies all alike), without building the tree.
        return np.zeros(n, dtype=np.int64)
    tree = linkage(squareform(distance, checks=False), method="average")
    raw = fcluster(tree, t=cut, criterion="distance")
    return _relabel_in_order(raw)


def _relabel_in_order(raw: np.ndarray) -> np.ndarray:
    """Labels renumbered by first appearance, so that they do not depend on scipy's choice."""
    _, first, inverse = np.unique(raw, return_index=True, return_inverse=True)
    rank = np.argsort(np.argsort(first))
    return rank[inverse].astype(np.int64)
