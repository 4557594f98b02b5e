"""A story as the generator edits it: paragraphs of sentences, with the quotations, the
wire furniture and the parts already edited marked, so planted edits never overlap."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dedupe.text import normalize
from dedupe.text.boilerplate import is_furniture, split_trailer

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jan feb mar apr jun jul aug sep sept oct nov dec gen col lt sgt gov sen rep "
    "inc corp co ltd no u.s u.k u.n a.m p.m vs etc jr sr prof mt ft pct approx dept".split())
# A sentence ends at . ! ? (maybe closed by a quote or bracket) before a capital, digit or quote.
_BOUNDARY_RE = re.compile(r"(?<=[.!?])[\"”’)]?( )(?=[\"“‘(]?[A-Z0-9])")
_DATELINE_RE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ.'/-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'/-]+){0,3}"
    r"(?:, (?:[A-Z][\w.]*|\d{1,2})(?: (?:[A-Z][\w.]*|\d{1,2})){0,2}){0,3}"
    r"(?: \([^()]{1,40}\))? ?[—–-] ")


@dataclass
class Sentence:
    text: str
    quotes: list[tuple[int, int]]
    """Character ranges of quotations (marks included) that overlap this sentence."""
    balanced: bool
    """Every quotation that touches this sentence opens and closes inside it."""
    touched: bool = False

    def outside_quotes(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.quotes)


@dataclass
class Paragraph:
    sentences: list[Sentence]
    origin: int | None
    """Index of this paragraph in the base; None for a paragraph a version added."""
    prefix: str = ""
    """Dateline kept apart from the editable sentences."""
    suffix: str = ""
    """Trailing credit ('REUTER') kept apart from the editable sentences."""
    furniture: bool = False
    moved: bool = False
    fixed: bool = False
    """Jumped over by a moved paragraph: may be edited inside but not dropped or cut."""
    quote_edit: bool = False
    """A sentence was already added to or dropped from this paragraph."""

    @property
    def body(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def text(self) -> str:
        return self.prefix + self.body + self.suffix

    @property
    def touched(self) -> bool:
        return any(s.touched for s in self.sentences) or self.quote_edit

    @property
    def free(self) -> bool:
        """Untouched body text: may be dropped, moved or cut."""
        return not (self.furniture or self.touched or self.moved or self.fixed or self.origin is None)


@dataclass
class Draft:
    """One version being built from the base; `gaps` are (before, after) paragraph pairs
    that became neighbours when a paragraph between them was dropped."""

    title: str | None
    paragraphs: list[Paragraph]
    gaps: set[tuple[int, int]] = field(default_factory=set)
    title_touched: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs if p.text)

    def body_positions(self) -> list[int]:
        return [i for i, p in enumerate(self.paragraphs) if not p.furniture]


def split_sentences(paragraph: str) -> list[str]:
    """Split on sentence ends, never after a known abbreviation or a single initial."""
    pieces, start = [], 0
    for match in _BOUNDARY_RE.finditer(paragraph):
        word = paragraph[:match.start(1)].rstrip("\"”’)").rsplit(" ", 1)[-1].rstrip(".!?").lower()
        if word in _ABBREVIATIONS or len(word) == 1:
            continue
        pieces.append(paragraph[start:match.start(1)])
        start = match.end(1)
    pieces.append(paragraph[start:])
    return [p for p in pieces if p]


def quote_ranges(paragraph: str) -> list[tuple[int, int]]:
    """Quotations as (start, end) with their marks; one left open runs to the paragraph end."""
    ranges, open_at = [], None
    for i, char in enumerate(paragraph):
        if char == "“" or (char == '"' and open_at is None):
            open_at = i if open_at is None else open_at
        elif (char == "”" or char == '"') and open_at is not None:
            ranges.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        ranges.append((open_at, len(paragraph)))
    return ranges


def parse_paragraph(text: str, origin: int | None, prefix: str = "", suffix: str = "") -> Paragraph:
    sentences, offset = [], 0
    ranges = quote_ranges(text)
    for piece in split_sentences(text):
        start = text.index(piece, offset)
        end = start + len(piece)
        offset = end
        touching = [(a, b) for a, b in ranges if a < end and b > start]
        balanced = all(a >= start and b <= end and b - a >= 2 and text[b - 1] in "\"”" for a, b in touching)
        local = [(max(a, start) - start, min(b, end) - start) for a, b in touching]
        sentences.append(Sentence(piece, local, balanced))
    return Paragraph(sentences, origin, prefix, suffix)


def parse_story(title: str | None, text: str) -> Draft:
    """Split a base text into paragraphs; furniture (bylines, credits, captions) is kept
    whole, the dateline and a trailing credit are set apart from the sentences."""
    raw = text.split("\n\n")
    furniture = [is_furniture(normalize(p)) for p in raw]
    body = [i for i, f in enumerate(furniture) if not f]
    paragraphs = []
    for i, para in enumerate(raw):
        if furniture[i]:
            paragraphs.append(Paragraph([Sentence(para, [], True, touched=True)], i, furniture=True))
            continue
        prefix = suffix = ""
        if body and i == body[0]:
            match = _DATELINE_RE.match(para)
            if match and match.end() < len(para):
                prefix, para = para[:match.end()], para[match.end():]
        if body and i == body[-1]:
            kept, trailer = split_trailer(para)
            if trailer and para.startswith(kept) and kept.strip():
                cut = len(kept)
                para, suffix = para[:cut], para[cut:]
        paragraphs.append(parse_paragraph(para, i, prefix, suffix))
    return Draft(title, paragraphs)
