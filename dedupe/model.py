"""The records that flow between stages: plain dataclasses, serialised as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class Article:
    """One article as read from the corpus; `text` is kept as written."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Cluster:
    """One story: the ids of every article that carries it."""

    id: str
    members: list[str]
    representative: str
    first_seen: str | None
    last_seen: str | None
    sources: list[str]
    agencies: list[str]
    title: str | None = None
    """Headline of the representative article."""

    @property
    def size(self) -> int:
        return len(self.members)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "size": self.size, "representative": self.representative, "title": self.title,
                "first_seen": self.first_seen, "last_seen": self.last_seen, "sources": self.sources,
                "agencies": self.agencies, "members": self.members}


@dataclass(frozen=True)
class Pair:
    """A verified near-duplicate pair, scored on the real shingle sets."""

    a: str
    b: str
    jaccard: float
    containment: float
    char_jaccard: float = 0.0
    """Character n-gram Jaccard (estimated): how OCR'd copies are recognised."""

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "jaccard": round(self.jaccard, 4),
                "containment": round(self.containment, 4), "char_jaccard": round(self.char_jaccard, 4)}
