"""Compare: classify how each version of a story differs from the base, and summarise it."""

from dedupe.compare.document import compare_articles
from dedupe.compare.edits import KINDS, Edit

__all__ = ["KINDS", "Edit", "compare_articles"]
