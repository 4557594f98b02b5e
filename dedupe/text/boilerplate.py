"""Strip the wire furniture that makes different stories look alike, or one story look
different: datelines, bylines, agency credits, copyright notices, captions, link lines."""

from __future__ import annotations

import re
from typing import NamedTuple

from dedupe.text import credits


class Furniture(NamedTuple):  # not a dataclass: one is made per text, and a tuple is cheaper
    """Where the furniture of one normalized text is, found once both for stripping it and
    for reading the agencies it credits."""

    paragraphs: list[str]
    is_furniture: list[bool]
    lead: int  # the first paragraph that is not furniture, -1 if there is none
    tail: int  # the last one
    dateline: re.Match[str] | None  # opening the lead
    trailer: tuple[str, str]  # the tail split before the credits at its very end
    photo_credits: dict[int, re.Match[str]]  # paragraph index -> the photo credit ending it


def find_furniture(text: str) -> Furniture:
    """Find the furniture of normalized `text`, one paragraph at a time."""
    paragraphs = text.split("\n\n")
    # Most paragraphs fail the quick test, and so are no furniture and end in no photo credit.
    plain = [not credits.may_be_furniture(p) for p in paragraphs]
    furniture = [not is_plain and is_furniture(p) for p, is_plain in zip(paragraphs, plain)]
    story = [i for i, is_furn in enumerate(furniture) if not is_furn]
    if not story:
        return Furniture(paragraphs, furniture, -1, -1, None, ("", ""), {})
    lead, tail = story[0], story[-1]
    photo_credits = {}
    for i in story:
        match = None if plain[i] else credits.photo_credit_at_end(paragraphs[i])
        if match is not None:
            photo_credits[i] = match
    return Furniture(paragraphs, furniture, lead, tail, credits.match_dateline(paragraphs[lead]),
                     split_trailer(paragraphs[tail]), photo_credits)


def strip_boilerplate(text: str) -> str:
    """Remove boilerplate from normalized text, keeping every news sentence."""
    return strip_furniture(find_furniture(text))


def strip_furniture(found: Furniture) -> str:
    """The text of `found` without its furniture."""
    paragraphs = [_strip_photo_credit(p, found.photo_credits.get(i))
                  for i, p in enumerate(found.paragraphs) if not found.is_furniture[i]]
    if paragraphs:
        # A photo credit cut off the lead changes where its dateline can end.
        lead = paragraphs[0]
        dateline = (found.dateline if lead == found.paragraphs[found.lead]
                    else credits.match_dateline(lead))
        paragraphs[0] = lead if dateline is None else lead[dateline.end():]
    _strip_trailers(paragraphs, found)
    return "\n\n".join(p for p in paragraphs if p)


def is_furniture(paragraph: str) -> bool:
    """A paragraph that is entirely byline, credit, copyright, caption or link line."""
    return credits.may_be_furniture(paragraph) and (
        credits.is_byline(paragraph) or credits.is_credit_line(paragraph)
        or credits.is_copyright_line(paragraph) or credits.is_caption(paragraph)
        or credits.is_link_line(paragraph))


def strip_dateline(paragraph: str) -> str:
    """'PARIS, Nov 12 (Reuters) - The ...' -> 'The ...'."""
    match = credits.match_dateline(paragraph)
    return paragraph if match is None else paragraph[match.end():]


def _strip_photo_credit(paragraph: str, credit: re.Match[str] | None) -> str:
    """Cut a photo credit off the end of a long paragraph that a caption was merged into."""
    return paragraph if credit is None else paragraph[:credit.start()].rstrip()


def _strip_trailers(paragraphs: list[str], found: Furniture) -> None:
    """Cut trailing credits ('REUTER', 'zc/wd (AP, AFP)', '(Reporting by ...)') in place."""
    while paragraphs:
        last = paragraphs[-1]
        # The tail was split already, unless a dateline or photo credit was cut off it.
        last = found.trailer[0] if last == found.paragraphs[found.tail] else strip_trailer(last)
        if last:
            paragraphs[-1] = last
            return
        paragraphs.pop()


def strip_trailer(paragraph: str) -> str:
    """`paragraph` without the credits at its very end."""
    return split_trailer(paragraph)[0]


def split_trailer(paragraph: str) -> tuple[str, str]:
    """Split `paragraph` into its text and the credits at its very end ('' if none)."""
    end = len(paragraph)
    while end and credits.may_end_in_trailer(paragraph[:end]):
        start = max(0, end - credits.TAIL_CHARS)
        match = next((m for m in (p.search(paragraph, start, end) for p in credits.TRAILER_RES)
                      if m is not None), None)
        if match is None:
            break
        end = len(paragraph[:match.start()].rstrip())
    return paragraph[:end], paragraph[end:]
