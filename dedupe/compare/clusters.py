"""Comparing every multi-version cluster of a run, one document per cluster."""

from __future__ import annotations

from collections.abc import Iterator

from dedupe.compare.document import compare_articles
from dedupe.errors import ProblemLog
from dedupe.model import Article


def compare_clusters(clusters: list[dict], articles: dict[str, Article], problems: ProblemLog,
                     bases: frozenset[str] = frozenset()) -> Iterator[dict]:
    """The comparison document of each cluster, in the clusters' order.

    Members missing from `articles` are reported and left out; `bases` are article ids to
    use as the base of whichever cluster holds them.
    """
    for cluster in clusters:
        present = [articles[m] for m in cluster["members"] if m in articles]
        missing = [m for m in cluster["members"] if m not in articles]
        if missing:
            shown = ", ".join(repr(m) for m in missing[:3]) + (" …" if len(missing) > 3 else "")
            problems.report(f"cluster {cluster['id']}", f"{len(missing)} member(s) not in the corpus: {shown}")
        if not present:
            continue
        chosen = next((a.id for a in present if a.id in bases), None)
        yield compare_articles(present, cluster["id"], base=chosen)
