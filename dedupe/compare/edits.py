"""The Edit record: one difference of one version from the base, with its kind and label."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = (
    "headline_changed", "lead_changed", "attribution_verb", "hedge", "loaded_term", "quote_dropped",
    "quote_changed", "quote_added", "number_changed", "entity_changed", "paragraph_added",
    "paragraph_dropped", "paragraph_moved", "truncated", "credit_changed", "minor",
    "sentence_added", "sentence_dropped", "sentence_moved", "wording_changed",
)
"""Every edit kind. Kinds are only ever added to this list, never renamed."""


@dataclass(frozen=True)
class Edit:
    kind: str
    version: str
    before: str
    after: str
    span: tuple[int, int] | None  # offsets of `after` in the version's text; None for the headline
    label: str
    row: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "version": self.version, "before": self.before, "after": self.after,
                "span": list(self.span) if self.span is not None else None, "label": self.label, "row": self.row}


def shorten(text: str, limit: int = 60) -> str:
    """Text for a label: one line, at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
