"""Normalizing: clean text for matching and note which wire agencies it credits."""

from __future__ import annotations

from dataclasses import dataclass

from dedupe.text.agencies import credited_agencies, detect_agencies
from dedupe.text.boilerplate import find_furniture, strip_boilerplate, strip_furniture
from dedupe.text.normalize import normalize
from dedupe.text.tokenize import tokenize

__all__ = ["CleanText", "clean_for_matching", "detect_agencies", "normalize",
           "strip_boilerplate", "tokenize"]


@dataclass(frozen=True)
class CleanText:
    """An article's text ready for shingling, and the wire agencies it credits."""

    text: str
    agencies: tuple[str, ...]


def clean_for_matching(text: str, title: str | None = None) -> CleanText:
    """Normalize and strip boilerplate from a body; fall back to the title if nothing is
    left. Agencies are read from the title and the whole normalized body."""
    body = find_furniture(normalize(text))
    head = normalize(title) if title else ""
    cleaned = strip_furniture(body) or head
    agencies = credited_agencies(body)
    if head:
        agencies = detect_agencies(head) + agencies
    return CleanText(cleaned, tuple(dict.fromkeys(agencies)))
