"""Where a change block sits in its two sentences, and how positions map between them.

The aligner hands over a block as text only; re-diffing the two sentences (with the
aligner's own `diff_words`) finds its character spans again, so that a check can look at
the words around the block ("tax relief" -> "tax cuts" changes only one word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dedupe.align import diff_words
from dedupe.compare.framing.lexicons import Phrase, phrase_key, word_key

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[%$€£¥]")

Span = tuple[int, int]


@dataclass(frozen=True)
class Word:
    """One word of a sentence: its text, case-folded key and character span."""

    text: str
    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Change:
    """One change block located in the base and version sentences."""

    base: str
    version: str
    before: Span  # span of the block's words in `base`
    after: Span  # span of the block's words in `version`
    segments: tuple[tuple[Span, Span, bool], ...]  # (base span, version span, equal) covering both
    earlier: tuple[tuple[Span, Span], ...]  # spans of the blocks before this one


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words (and %, currency signs) of `text[start:end]`, with spans in `text`."""
    return [Word(m.group(), word_key(m.group()), m.start(), m.end())
            for m in _WORD.finditer(text, start, len(text) if end is None else end)]


def overlaps(span: Span, block: Span) -> bool:
    """A span touches a block; an empty block (insertion point) must fall strictly inside."""
    if block[0] == block[1]:
        return span[0] < block[0] < span[1]
    return span[0] < block[1] and span[1] > block[0]


@lru_cache(maxsize=256)
def _diff(base: str, version: str) -> tuple[tuple[tuple[Span, Span, bool], ...], tuple[tuple[Span, Span], ...]]:
    segments, blocks = diff_words(base, version)
    spans, b, v = [], 0, 0
    for segment in segments:
        spans.append(((b, b + len(segment.before)), (v, v + len(segment.after)), segment.op == "equal"))
        b, v = b + len(segment.before), v + len(segment.after)
    return tuple(spans), tuple((block.before_span, block.after_span) for block in blocks)


def locate(before: str, after: str, base: str, version: str) -> Change:
    """The block `before` -> `after` in its sentences; the texts themselves if not found."""
    if before.strip() != base.strip() or after.strip() != version.strip():
        segments, blocks = _diff(base, version)
        for index, (b_span, v_span) in enumerate(blocks):
            if base[slice(*b_span)] == before and version[slice(*v_span)] == after:
                return Change(base, version, b_span, v_span, segments, blocks[:index])
    whole = (((0, len(before)), (0, len(after)), False),)
    return Change(before, after, (0, len(before)), (0, len(after)), whole, ())


def to_version(change: Change, position: int, end: bool = False) -> int:
    """The version position matching a base position (a block maps to its whole span)."""
    return _map(change, position, end, source=0)


def to_base(change: Change, position: int, end: bool = False) -> int:
    return _map(change, position, end, source=1)


def _map(change: Change, position: int, end: bool, source: int) -> int:
    target = 1 - source
    for spans in change.segments:
        (s0, s1), (t0, t1) = spans[source], spans[target]
        if s0 <= position < s1 or (end and s0 < position <= s1):
            if spans[2]:
                return min(t0 + position - s0, t1)
            return t1 if end else t0
    return len(change.version if target else change.base)


def find_phrases(items: list[Word], lexicon) -> list[tuple[Phrase, int, int]]:
    """Longest lexicon phrases in a word list: (phrase, first word index, end index)."""
    longest = max((len(p) for p in lexicon), default=0)
    found, i = [], 0
    keys = [w.key for w in items]
    while i < len(keys):
        for size in range(min(longest, len(keys) - i), 0, -1):
            phrase = tuple(keys[i:i + size])
            if phrase in lexicon:
                found.append((phrase, i, i + size))
                i += size
                break
        else:
            i += 1
    return found


def count_phrase(text: str, phrase: Phrase) -> int:
    """How often a phrase occurs (as whole words) in a text."""
    keys = phrase_key(text)
    n = len(phrase)
    return sum(1 for i in range(len(keys) - n + 1) if keys[i:i + n] == phrase)
