"""The alignment of N versions of one story: rows of units, one cell per version."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Sentence:
    """One sentence of a version, with its place in the version's text."""

    text: str
    paragraph: int
    start: int
    end: int


@dataclass
class Segment:
    """One piece of a word-level diff between the base's and a version's text of a row."""

    op: str  # "equal", "insert", "delete" or "replace"
    before: str
    after: str
    minor: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"op": self.op, "before": self.before, "after": self.after, "minor": self.minor}


@dataclass
class Cell:
    """A version's text for one row, or a gap (`sentences` empty)."""

    version: str
    sentences: list[int] = field(default_factory=list)
    text: str | None = None
    paragraph: int | None = None
    span: tuple[int, int] | None = None
    status: str = "gap"  # base, same, minor, changed, gap, added, moved
    moved_from: int | None = None
    diff: list[Segment] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version, "text": self.text, "paragraph": self.paragraph,
            "span": list(self.span) if self.span else None, "status": self.status,
            "moved_from": None if self.moved_from is None else {"paragraph": self.moved_from},
            "diff": [s.to_json() for s in self.diff],
        }


@dataclass
class Row:
    """One unit of the story (the headline, or one or more base sentences) across versions."""

    kind: str  # "headline" or "sentence"
    paragraph: int | None
    cells: list[Cell]
    base_sentences: list[int] = field(default_factory=list)

    def to_json(self, index: int) -> dict[str, Any]:
        return {"index": index, "kind": self.kind, "paragraph": self.paragraph,
                "cells": [c.to_json() for c in self.cells]}


@dataclass
class Alignment:
    """Rows in story order; cells in the order of `versions` (the base first)."""

    base: str
    versions: list[str]
    rows: list[Row]
