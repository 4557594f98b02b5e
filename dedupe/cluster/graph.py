"""From verified pairs to stories: connected components, then average linkage inside each."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from dedupe.cluster.linkage import split_by_average_linkage
from dedupe.verify import CharSketches, PairScores, Thresholds, score_pairs, similarity
from dedupe.verify.score import char_scores, estimated_containment

EXACT_LIMIT = 400
"""Components up to this size get every pair that LSH did not propose scored exactly;
larger ones use the MinHash estimate for those pairs."""
LINKAGE_LIMIT = 6000
"""Components larger than this are kept whole (their similarity matrix would not fit)."""


@lru_cache(maxsize=512)
def _upper_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """np.triu_indices(n, k=1), made once per component size (most components are small,
    and the call costs ~0.1 ms: more than the linkage of a small component)."""
    x, y = np.triu_indices(n, k=1)
    x.flags.writeable = y.flags.writeable = False
    return x, y


def components(n_docs: int, pairs: np.ndarray) -> np.ndarray:
    """Connected-component label of every document (singletons included)."""
    if len(pairs) == 0:
        return np.arange(n_docs, dtype=np.int64)
    graph = coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n_docs, n_docs))
    _, labels = connected_components(graph, directed=False)
    return labels.astype(np.int64)


def estimated_similarity(signatures: np.ndarray, sizes: np.ndarray, thresholds: Thresholds,
                         chars: CharSketches | None = None) -> np.ndarray:
    """Story similarity of every pair of documents from their signatures and set sizes."""
    n = len(sizes)
    matrix = np.empty((n, n))
    for row in range(n):
        jaccard = (signatures == signatures[row]).mean(axis=1)
        smaller = np.minimum(sizes, sizes[row])
        pairs = np.stack((np.full(n, row), np.arange(n)), axis=1)
        scores = PairScores(pairs, jaccard, estimated_containment(jaccard, sizes, np.full(n, sizes[row])), smaller,
                            *char_scores(chars, pairs))
        matrix[row] = similarity(scores, thresholds)
    return matrix


def _similarity_matrix(members: np.ndarray, local_pairs: np.ndarray, local_sims: np.ndarray,
                       shingle_sets: list[np.ndarray], signatures: np.ndarray, chars: CharSketches | None,
                       thresholds: Thresholds) -> np.ndarray:
    """Square story-similarity matrix of one component: scored pairs as scored, the others
    scored exactly (small components) or estimated from signatures (large ones)."""
    n = len(members)
    if n > EXACT_LIMIT:
        sizes = np.array([len(shingle_sets[m]) for m in members])
        matrix = estimated_similarity(signatures[members], sizes, thresholds,
                                      None if chars is None else chars.subset(members))
    else:
        matrix = np.full((n, n), np.nan)
        matrix[local_pairs[:, 0], local_pairs[:, 1]] = local_sims
        matrix[local_pairs[:, 1], local_pairs[:, 0]] = local_sims
        x, y = _upper_pairs(n)
        unknown = np.isnan(matrix[x, y])
        if unknown.any():
            todo = np.stack((x[unknown], y[unknown]), axis=1)
            values = similarity(score_pairs(shingle_sets, members[todo], chars), thresholds)
            matrix[todo[:, 0], todo[:, 1]] = values
            matrix[todo[:, 1], todo[:, 0]] = values
    matrix[local_pairs[:, 0], local_pairs[:, 1]] = local_sims
    matrix[local_pairs[:, 1], local_pairs[:, 0]] = local_sims
    np.fill_diagonal(matrix, 1.0)
    return matrix


def cluster_stories(n_docs: int, scores: PairScores, is_edge: np.ndarray, shingle_sets: list[np.ndarray],
                    signatures: np.ndarray, chars: CharSketches | None = None, *, rank: np.ndarray,
                    link_threshold: float, thresholds: Thresholds,
                    apart: Callable[[np.ndarray], np.ndarray] | None = None,
                    cannot_link: Callable[[np.ndarray], np.ndarray] | None = None,
                    discount: Callable[[np.ndarray], np.ndarray] | None = None) -> np.ndarray:
    """Story label of every document.

    `rank` orders documents independently of input order (the rank of their id), so that
    the result does not depend on the order the corpus was read in. Both callables take
    pairs (rows of document indices) and return a bool per pair: `apart` marks pairs whose
    similarity must not become an edge (the same outlet's template on another day);
    `cannot_link` marks pairs that must never end in one story, even through other
    articles (a template with new figures on another day, joined via a brief).
    `discount` returns a factor per pair that scales its similarity in average linkage
    (articles published days apart are less likely one story than the same day's).
    """
    if apart is not None and is_edge.any():
        is_edge = is_edge.copy()
        is_edge[is_edge] = ~apart(scores.pairs[is_edge])
    labels = components(n_docs, scores.pairs[is_edge])
    sims = similarity(scores, thresholds)
    same = labels[scores.pairs[:, 0]] == labels[scores.pairs[:, 1]]
    pair_comp = labels[scores.pairs[same, 0]]
    pair_order = np.argsort(pair_comp, kind="stable")
    pairs_sorted, sims_sorted, comps_sorted = scores.pairs[same][pair_order], sims[same][pair_order], pair_comp[pair_order]

    doc_order = np.lexsort((rank, labels))
    comp_starts = np.flatnonzero(np.concatenate(([True], labels[doc_order][1:] != labels[doc_order][:-1])))
    comp_ends = np.append(comp_starts[1:], n_docs)
    result = labels.copy()
    next_label = int(labels.max()) + 1 if n_docs else 0
    for start, end in zip(comp_starts, comp_ends):
        if end - start < 3 or end - start > LINKAGE_LIMIT:
            continue
        members = doc_order[start:end]
        comp = labels[members[0]]
        lo, hi = np.searchsorted(comps_sorted, [comp, comp + 1])
        local_pairs = _localize(members, pairs_sorted[lo:hi])
        matrix = _similarity_matrix(members, local_pairs, sims_sorted[lo:hi], shingle_sets, signatures,
                                    chars, thresholds)
        cannot = None
        x, y = _upper_pairs(len(members))
        if cannot_link is not None:
            far = cannot_link(np.stack((members[x], members[y]), axis=1))
            cannot = np.zeros(matrix.shape, dtype=bool)
            cannot[x[far], y[far]] = cannot[y[far], x[far]] = True
        if discount is not None:
            factor = discount(np.stack((members[x], members[y]), axis=1))
            matrix[x, y] *= factor
            matrix[y, x] *= factor
        groups = split_by_average_linkage(matrix, link_threshold, cannot)
        for group in range(1, int(groups.max()) + 1):
            result[members[groups == group]] = next_label
            next_label += 1
    return result


def _localize(members: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Pairs of global document indices rewritten as positions within `members`."""
    lookup = np.argsort(members)
    sorted_members = members[lookup]
    return lookup[np.searchsorted(sorted_members, pairs)]
