"""Clustering quality against labelled clusters: ARI, pairwise and B-cubed P/R/F1."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

import numpy as np
from scipy.sparse import coo_matrix


@dataclass(frozen=True)
class Scores:
    ari: float
    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    articles: int

    def to_json(self) -> dict[str, float]:
        return asdict(self)


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _ratio(num: float, den: float) -> float:
    return 1.0 if den == 0 else num / den


def _codes(labels: list[str]) -> np.ndarray:
    _, codes = np.unique(np.array(labels, dtype=object).astype(str), return_inverse=True)
    return codes


def evaluate(truth: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Scores over the articles present in both mappings (id → cluster label)."""
    ids = sorted(truth.keys() & predicted.keys())
    if not ids:
        raise ValueError("no article id is present in both the truth and the prediction")
    true = _codes([truth[i] for i in ids])
    pred = _codes([predicted[i] for i in ids])
    # Contingency table: n_ij = articles in predicted cluster i and true cluster j.
    table = coo_matrix((np.ones(len(ids)), (pred, true))).tocsr()
    table.sum_duplicates()
    cells = table.data
    pred_sizes = np.asarray(table.sum(axis=1)).ravel()
    true_sizes = np.asarray(table.sum(axis=0)).ravel()

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    together = pairs(cells)
    pair_p, pair_r = _ratio(together, pairs(pred_sizes)), _ratio(together, pairs(true_sizes))
    rows, cols = table.nonzero()
    weights = np.asarray(table[rows, cols]).ravel()
    bc_p = float((weights**2 / pred_sizes[rows]).sum() / len(ids))
    bc_r = float((weights**2 / true_sizes[cols]).sum() / len(ids))
    from sklearn.metrics import adjusted_rand_score  # lazy: importing scikit-learn takes ~2 s

    return Scores(
        ari=float(adjusted_rand_score(true, pred)),
        pair_precision=pair_p, pair_recall=pair_r, pair_f1=_f1(pair_p, pair_r),
        bcubed_precision=bc_p, bcubed_recall=bc_r, bcubed_f1=_f1(bc_p, bc_r),
        articles=len(ids),
    )


def clusters_from_pairs(pairs: list[tuple[str, str]], ids: list[str]) -> dict[str, str]:
    """Cluster labels as connected components of positive pairs (the NEWS-COPY convention);
    ids in no pair are singletons."""
    parent: dict[str, str] = {i: i for i in ids}
    for a, b in pairs:
        parent.setdefault(a, a)
        parent.setdefault(b, b)

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: root(i) for i in parent}
