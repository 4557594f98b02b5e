"""Comparing every multi-version cluster of a run, one document per cluster, in parallel."""

from __future__ import annotations

from collections.abc import Iterator
from multiprocessing import get_context
from os import cpu_count

from dedupe.compare.document import compare_articles
from dedupe.errors import ProblemLog
from dedupe.model import Article

PARALLEL_FROM = 16
"""Clusters from which the comparison runs in worker processes."""

# What forked workers compare: set before the pool starts, inherited copy-on-write,
# so that articles are never pickled to the workers.
_jobs: list[tuple[list[Article], str, str | None]] = []


def _compare(index: int) -> dict:
    articles, cluster_id, base = _jobs[index]
    return compare_articles(articles, cluster_id, base=base)


def compare_clusters(clusters: list[dict], articles: dict[str, Article], problems: ProblemLog,
                     bases: frozenset[str] = frozenset(), workers: int = 0) -> Iterator[dict]:
    """The comparison document of each cluster, in the clusters' order.

    Members missing from `articles` are reported and left out; `bases` are article ids to
    use as the base of whichever cluster holds them; `workers` 0 means one per core.
    """
    global _jobs
    jobs = []
    for cluster in clusters:
        present = [articles[m] for m in cluster["members"] if m in articles]
        missing = [m for m in cluster["members"] if m not in articles]
        if missing:
            shown = ", ".join(repr(m) for m in missing[:3]) + (" …" if len(missing) > 3 else "")
            problems.report(f"cluster {cluster['id']}", f"{len(missing)} member(s) not in the corpus: {shown}")
        if present:
            jobs.append((present, cluster["id"], next((a.id for a in present if a.id in bases), None)))
    workers = workers or cpu_count() or 1
    if workers == 1 or len(jobs) < PARALLEL_FROM:
        for members, cluster_id, base in jobs:
            yield compare_articles(members, cluster_id, base=base)
        return
    _jobs = jobs
    try:
        with get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_compare, range(len(jobs)), chunksize=4)
    finally:
        _jobs = []
