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
from dedupe.text.boilerplate import Furniture, find_furniture

__all__ = ["AGENCIES", "credited_agencies", "detect_agencies"]

_PAREN_LIST_RE = re.compile(rf"\(\s*{AGENCY}(?:\s*(?:,|/|;|&|\band\b)\s*{AGENCY})*\s*\)")
_REUTERS_STYLE_CREDIT_RE = re.compile(
    r"\(?(?:[Aa]dditional\s)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s(?:by|from)\b"
)

_DATELINE_DASH_RE = re.compile(r"\s?-\s")

Found = tuple[int, str]  # (position in the text, canonical agency name)


def detect_agencies(text: str) -> list[str]:
    """Canonical names of the agencies that normalized `text` credits, in order of first
    appearance, without duplicates."""
    return credited_agencies(find_furniture(text))


def credited_agencies(found: Furniture) -> list[str]:
    """`detect_agencies` for a text whose furniture was found already."""
    hits: list[Found] = []
    offset = 0
    for i, paragraph in enumerate(found.paragraphs):
        if found.is_furniture[i]:
            in_paragraph = list(_in_furniture(paragraph))
        else:
            in_paragraph = _in_story(paragraph, i, found)
        if in_paragraph:
            hits.extend((offset + pos, name) for pos, name in in_paragraph)
        offset += len(paragraph) + 2
    if not hits:
        return []
    hits.sort(key=lambda hit: hit[0])
    return list(dict.fromkeys(name for _, name in hits))


def _in_furniture(paragraph: str) -> Iterator[Found]:
    """Every agency named in a byline, credit, copyright, caption or link line."""
    if credits.is_caption(paragraph) and not credits.is_credit_line(paragraph):
        yield from _in_photo_credits(paragraph, credits.photo_credit_at_end(paragraph))
        return
    hits = list(_names_in(paragraph, 0, allow_ambiguous=True))
    if not hits and _REUTERS_STYLE_CREDIT_RE.match(paragraph):
        hits = [(0, "Reuters")]  # "(Reporting by Jane Doe; Editing by John Roe)"
    yield from hits


def _in_story(paragraph: str, i: int, found: Furniture) -> list[Found]:
    """Agencies credited inside paragraph `i` of the story itself."""
    hits: list[Found] = []  # most paragraphs credit none, so each search below is guarded
    if i == found.lead and found.dateline is not None:
        hits.extend(_in_dateline(found.dateline))
    if "(" in paragraph:
        hits.extend(_in_agency_lists(paragraph))
    at_end = found.photo_credits.get(i)
    if at_end is not None or credits.may_have_photo_credits(paragraph):
        hits.extend(_in_photo_credits(paragraph, at_end))
    if i == found.tail and found.trailer[1]:
        kept, trailer = found.trailer
        hits.extend(_names_in(trailer, len(kept), allow_ambiguous=True))
    return hits


def _in_dateline(match: re.Match[str]) -> Iterator[Found]:
    group = "agency" if match.group("agency") else "wire"
    if match.group(group) is not None:
        yield from _names_in(match.group(group), match.start(group), True)


def _in_agency_lists(paragraph: str) -> Iterator[Found]:
    for match in _PAREN_LIST_RE.finditer(paragraph):
        hits = list(_names_in(match.group(), match.start(), allow_ambiguous=True))
        if len(hits) > 1 or _DATELINE_DASH_RE.match(paragraph, match.end()):
            yield from hits  # "(AP, AFP)"; a lone "(EPA)" is usually an abbreviation


def _in_photo_credits(paragraph: str, at_end: re.Match[str] | None) -> Iterator[Found]:
    """Agencies in the photo credits of `paragraph`, which ends in photo credit `at_end`."""
    for match in credits.photo_credits(paragraph):
        yield match.start(), canonical_agency(match.group("agency") or match.group("reuters"))
    if at_end is not None:
        yield from _names_in(at_end.group(), at_end.start(), allow_ambiguous=True)


def _names_in(text: str, offset: int, allow_ambiguous: bool) -> Iterator[Found]:
    for match in AGENCY_RE.finditer(text):
        alias = match.group()
        name = canonical_agency(alias)
        if name is not None and (allow_ambiguous or not is_ambiguous(alias)):
            yield offset + match.start(), name
