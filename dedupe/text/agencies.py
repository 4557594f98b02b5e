"""Which wire agencies an article credits, read only from credit contexts.

A sentence that mentions an agency ("told Reuters", "said Bloomberg") is not a credit; a
dateline "(AP)", a list "(AP, AFP, Reuters)", a byline, a credit or copyright line, a photo
credit "(AP Photo/...)" and a trailing "REUTER" are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dedupe.text import credits
from dedupe.text.agency_table import (
    AGENCIES,
    AGENCY,
    AGENCY_RE,
    canonical_agency,
    is_ambiguous,
)
from dedupe.text.boilerplate import is_furniture, split_trailer

__all__ = ["AGENCIES", "detect_agencies"]

_PAREN_LIST_RE = re.compile(rf"\(\s*{AGENCY}(?:\s*(?:,|/|;|&|\band\b)\s*{AGENCY})*\s*\)")
_REUTERS_STYLE_CREDIT_RE = re.compile(
    r"\(?(?:[Aa]dditional\s)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s(?:by|from)\b"
)

_DATELINE_DASH_RE = re.compile(r"\s?-\s")

Found = tuple[int, str]  # (position in the text, canonical agency name)


def detect_agencies(text: str) -> list[str]:
    """Canonical names of the agencies that normalized `text` credits, in order of first
    appearance, without duplicates."""
    paragraphs = text.split("\n\n")
    furniture = [is_furniture(p) for p in paragraphs]
    content = [i for i, is_furn in enumerate(furniture) if not is_furn]
    lead, tail = (content[0], content[-1]) if content else (-1, -1)
    found: list[Found] = []
    offset = 0
    for i, paragraph in enumerate(paragraphs):
        if furniture[i]:
            hits = _in_furniture(paragraph)
        else:
            hits = _in_story(paragraph, is_lead=i == lead, is_tail=i == tail)
        found.extend((offset + pos, name) for pos, name in hits)
        offset += len(paragraph) + 2
    found.sort(key=lambda hit: hit[0])
    return list(dict.fromkeys(name for _, name in found))


def _in_furniture(paragraph: str) -> Iterator[Found]:
    """Every agency named in a byline, credit, copyright, caption or link line."""
    if credits.is_caption(paragraph) and not credits.is_credit_line(paragraph):
        yield from _in_photo_credits(paragraph)
        return
    hits = list(_names_in(paragraph, 0, allow_ambiguous=True))
    if not hits and _REUTERS_STYLE_CREDIT_RE.match(paragraph):
        hits = [(0, "Reuters")]  # "(Reporting by Jane Doe; Editing by John Roe)"
    yield from hits


def _in_story(paragraph: str, is_lead: bool, is_tail: bool) -> Iterator[Found]:
    """Agencies credited inside a paragraph of the story itself."""
    if is_lead:
        match = credits.match_dateline(paragraph)
        group = "agency" if match is not None and match.group("agency") else "wire"
        if match is not None and match.group(group) is not None:
            yield from _names_in(match.group(group), match.start(group), True)
    if "(" in paragraph:
        for match in _PAREN_LIST_RE.finditer(paragraph):
            hits = list(_names_in(match.group(), match.start(), allow_ambiguous=True))
            if len(hits) > 1 or _DATELINE_DASH_RE.match(paragraph, match.end()):
                yield from hits  # "(AP, AFP)"; a lone "(EPA)" is usually an abbreviation
    yield from _in_photo_credits(paragraph)
    if is_tail:
        kept, trailer = split_trailer(paragraph)
        yield from _names_in(trailer, len(kept), allow_ambiguous=True)


def _in_photo_credits(paragraph: str) -> Iterator[Found]:
    for match in credits.photo_credits(paragraph):
        yield match.start(), canonical_agency(match.group("agency") or match.group("reuters"))
    match = credits.photo_credit_at_end(paragraph)
    if match is not None:
        yield from _names_in(match.group(), match.start(), allow_ambiguous=True)


def _names_in(text: str, offset: int, allow_ambiguous: bool) -> Iterator[Found]:
    for match in AGENCY_RE.finditer(text):
        alias = match.group()
        name = canonical_agency(alias)
        if name is not None and (allow_ambiguous or not is_ambiguous(alias)):
            yield offset + match.start(), name
