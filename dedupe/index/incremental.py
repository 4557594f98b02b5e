"""Placing a batch of new articles among the indexed ones, exactly as one batch run would.

The batch run's stories are a function of each connected part ("component") of the graph
of related pairs: candidates are pairs of articles sharing an LSH band, every score is a
function of the two articles, and average linkage runs inside a component. So a new batch
only changes the components it links to. We take the batch, every indexed article sharing a
band with it, and the whole components of those, and run `cluster_sketched` on that part
alone: its stories are the ones a run over the whole corpus would find for these articles.

Components are kept per article as a label (the smallest doc in it). The label may cover a
superset of a true component (the index never splits labels apart), which only makes the
affected part larger, never the result different.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from dedupe.cluster import components
from dedupe.config import ClusterConfig
from dedupe.index.bands import article_keys, has_text
from dedupe.index.rows import concat, take
from dedupe.lsh import candidate_pairs, unique_pairs
from dedupe.model import Cluster
from dedupe.pipeline import (ClusterResult, band_locally, cluster_sketched, find_candidates, score_locally,
                             verify_candidates)
from dedupe.progress import Progress
from dedupe.verify import PairScores, is_duplicate, score_pairs, similarity

EXACT_SCORES = 500
"""Earlier members of a story a new article is scored against when LSH proposed none of them."""
THREADED_BANDING = 50_000
"""Articles from which banding runs its channels in threads."""
_NO_PAIRS = np.empty((0, 2), dtype=np.int64)


@dataclass(frozen=True)
class Placement:
    """Where one new article went: the story it joined, or a new one."""

    id: str
    status: str  # "joined" an existing story, "new" story, or already "indexed"
    cluster: str | None
    score: float | None = None  # story similarity to the closest earlier member
    match: str | None = None  # that member's id

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "cluster": self.cluster,
                "score": None if self.score is None else round(self.score, 4), "match": self.match}


class Indexed(Protocol):
    """What placing needs to read from the index."""

    def neighbours(self, keys: np.ndarray) -> np.ndarray:
        """Docs holding any of these band keys (a superset of the candidates is fine)."""

    def component_members(self, docs: np.ndarray) -> np.ndarray:
        """Every doc sharing a component with any of `docs` (them included), sorted."""

    def load(self, docs: np.ndarray) -> tuple[Any, list[str]]:
        """The sketched Corpus of these docs (None for none) and their current cluster ids,
        in the given order."""

    def clusters(self, docs: np.ndarray) -> list[str]:
        """Current cluster ids of these docs."""

    def seq(self, cluster_ids: set[str]) -> dict[str, int]:
        """Creation number of each stable cluster id."""


@dataclass
class Outcome:
    """The affected part of the index, clustered again, with the new articles in it."""

    docs: np.ndarray  # doc number of each article of `corpus`, ascending
    is_new: np.ndarray  # bool: part of the batch (added or re-added)
    corpus: Any  # dedupe.pipeline.Corpus
    result: ClusterResult
    component: np.ndarray  # component label (a doc number) of each article
    stable: list[str | None]  # stable id of each result cluster; None: it needs a new one
    before: dict[str, str]  # article id -> cluster id before, for the indexed articles
    joined: dict[int, tuple[float, str] | None]  # position of each batch article -> (score, match) or None

    def cluster_of(self) -> dict[str, int]:
        """Article id -> position of its cluster in `result.clusters`."""
        return {member: k for k, c in enumerate(self.result.clusters) for member in c.members}


def place(batch: Any, batch_docs: np.ndarray, replaced: np.ndarray, indexed: Indexed,
          config: ClusterConfig) -> Outcome:
    """Cluster `batch` (a sketched Corpus whose articles get `batch_docs`) together with the
    part of the index it touches. `replaced` are batch docs already indexed (re-added):
    the rest of their old component is affected too."""
    keys = article_keys(batch, config)[has_text(batch)]
    neighbours = np.setdiff1d(indexed.neighbours(keys.ravel()), batch_docs)
    touched = np.union1d(neighbours, replaced)
    members = np.setdiff1d(indexed.component_members(touched) if len(touched) else touched, batch_docs)
    stored, member_clusters = indexed.load(members)
    replaced_clusters = indexed.clusters(replaced)

    docs = np.concatenate((batch_docs, members)).astype(np.int64)
    order = np.argsort(docs, kind="stable")
    docs = docs[order]
    is_new = order < len(batch_docs)
    corpus = take(batch if stored is None else concat(batch, stored), order)

    ids = corpus.ids
    before = dict(zip([ids[i] for i in np.flatnonzero(~is_new).tolist()], member_clusters))
    replaced_cluster = dict(zip(replaced.tolist(), replaced_clusters))
    before.update((article_id, replaced_cluster[doc]) for article_id, doc in zip(batch.ids, batch_docs.tolist())
                  if doc in replaced_cluster)
    return recluster(docs, corpus, before, indexed, config, is_new=is_new)


def recluster(docs: np.ndarray, corpus: Any, before: dict[str, str], indexed: Indexed, config: ClusterConfig,
              progress: Progress | None = None, is_new: np.ndarray | None = None) -> Outcome:
    """Stories, components and stable ids of a union of whole components (`docs` ascending,
    `corpus` in that order); `before` holds the current cluster of the indexed articles."""
    is_new = np.zeros(len(docs), dtype=bool) if is_new is None else is_new
    scored: list[PairScores] = []

    def keep_scores(part_corpus: Any, chunks: list[np.ndarray]) -> Iterator[PairScores]:
        for part in score_locally(part_corpus, chunks):
            scored.append(part)
            yield part

    banding = band_locally if len(docs) > THREADED_BANDING else _band_serially
    result = cluster_sketched(corpus, config, progress, banding=banding, scoring=keep_scores)
    if sum(len(part) for part in scored) == result.candidates:
        scores = PairScores.concat(scored) if scored else score_pairs(corpus.shingle_sets, _NO_PAIRS, corpus.chars)
    else:  # the run scored its candidates some other way: score them here
        scores, _ = verify_candidates(corpus, find_candidates(corpus, config, banding), config)
    stable = stable_ids(result.clusters, before, indexed.seq(set(before.values())))
    return Outcome(docs, is_new, corpus, result, _component_labels(docs, scores, config), stable, before,
                   _joined(corpus, is_new, result, scores, config) if is_new.any() else {})


def _band_serially(channels: list[np.ndarray], bands: int, rows: int, include: np.ndarray) -> np.ndarray:
    """`band_locally` without its threads, which cost more than they save on a small batch."""
    return unique_pairs(np.concatenate([candidate_pairs(sigs, bands, rows, include) for sigs in channels]))


def _linked(scores: PairScores, config: ClusterConfig) -> np.ndarray:
    """Pairs that may join one story: near-duplicates and pairs related enough for average
    linkage (`cluster_corpus` takes a subset of these: it also keeps some pairs apart)."""
    return is_duplicate(scores, config.thresholds) | (similarity(scores, config.thresholds) >= config.join_similarity)


def _component_labels(docs: np.ndarray, scores: PairScores, config: ClusterConfig) -> np.ndarray:
    labels = components(len(docs), scores.pairs[_linked(scores, config)])
    smallest = np.full(int(labels.max()) + 1 if len(labels) else 0, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(smallest, labels, docs)
    return smallest[labels]


def stable_ids(clusters: list[Cluster], before: dict[str, str], seq: dict[str, int]) -> list[str | None]:
    """The stored id each recomputed cluster keeps: the one it shares most articles with
    (ties: the older id, then the cluster listed first), each id used once. A new article
    joining a story keeps its id; a split leaves it with the larger part; a merge keeps the
    id of the larger (then older) story."""
    overlaps = []
    for k, cluster in enumerate(clusters):
        counts = Counter(before[m] for m in cluster.members if m in before)
        overlaps.extend((-count, seq.get(old, 0), k, old) for old, count in counts.items())
    overlaps.sort()
    chosen: list[str | None] = [None] * len(clusters)
    used: set[str] = set()
    for _, _, k, old in overlaps:
        if chosen[k] is None and old not in used:
            chosen[k] = old
            used.add(old)
    return chosen


def _joined(corpus: Any, is_new: np.ndarray, result: ClusterResult, scores: PairScores,
            config: ClusterConfig) -> dict[int, tuple[float, str] | None]:
    """For each batch article: its similarity to the closest earlier member of its story and
    that member's id, or None for a new story. Pairs LSH proposed are used when there are
    any, else the earlier members are scored exactly."""
    ids = corpus.ids
    position = {doc_id: i for i, doc_id in enumerate(ids)}
    story = np.empty(len(ids), dtype=np.int64)
    for k, cluster in enumerate(result.clusters):
        story[[position[m] for m in cluster.members]] = k
    sims = similarity(scores, config.thresholds)
    best: dict[int, tuple[float, str]] = {}
    for (i, j), sim in zip(scores.pairs.tolist(), sims.tolist()):
        if story[i] != story[j] or is_new[i] == is_new[j]:
            continue
        new, old = (i, j) if is_new[i] else (j, i)
        _keep_best(best, new, sim, ids[old])
    earlier: dict[int, list[int]] = {}
    for i in np.flatnonzero(~is_new).tolist():
        earlier.setdefault(int(story[i]), []).append(i)
    missing = [i for i in np.flatnonzero(is_new).tolist() if i not in best and story[i] in earlier]
    if missing:
        todo = np.array([(i, j) for i in missing for j in earlier[int(story[i])][:EXACT_SCORES]], dtype=np.int64)
        exact = similarity(score_pairs(corpus.shingle_sets, todo, corpus.chars), config.thresholds)
        for (i, j), sim in zip(todo.tolist(), exact.tolist()):
            _keep_best(best, i, sim, ids[j])
    return {i: best.get(i) for i in np.flatnonzero(is_new).tolist()}


def _keep_best(best: dict[int, tuple[float, str]], new: int, sim: float, old_id: str) -> None:
    current = best.get(new)
    if current is None or (-sim, old_id) < (-current[0], current[1]):
        best[new] = (sim, old_id)
