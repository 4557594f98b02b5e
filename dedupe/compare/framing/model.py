"""What the framing checks report: findings about one change, and quotes in a sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One classified difference between a base text and a version.

    `offset` locates `after` inside the change block's version text when the finding is
    only part of the block (None: the whole block)."""

    kind: str
    before: str
    after: str
    label: str
    offset: tuple[int, int] | None = None


@dataclass(frozen=True)
class Quote:
    """Quoted words in a sentence, who said them if the sentence tells, and where they are
    (`start`/`end` include the quote marks). `continued`: the quotation opened in an earlier
    sentence and this sentence only closes it."""

    text: str
    speaker: str | None
    start: int
    end: int
    continued: bool = False

    @property
    def words(self) -> int:
        """Length in words: one or two words are scare quotes rather than a quotation."""
        return len(self.text.split())
