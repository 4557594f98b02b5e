"""Persistence: an SQLite index of sketched articles, their LSH band keys and their stories,
so that new articles are added and matched against everything seen before without reading
the corpus again (docs/index.md).

Adding a batch clusters it together with the part of the index it touches, which gives the
stories one `dedupe cluster` run over everything would give; stories keep stable ids.
"""

from dedupe.index.export import renumbered, stats, stored_articles, stored_result
from dedupe.index.incremental import Placement, stable_ids
from dedupe.index.index import AddSummary, Index

__all__ = ["AddSummary", "Index", "Placement", "renumbered", "stable_ids", "stats", "stored_articles",
           "stored_result"]
