"""Strip the wire furniture that makes different stories look alike, or one story look
different: datelines, bylines, agency credits, copyright notices, captions, link lines."""

from __future__ import annotations

from functools import lru_cache

from dedupe.text import credits


def strip_boilerplate(text: str) -> str:
    """Remove boilerplate from normalized text, keeping every news sentence."""
    paragraphs = [_strip_photo_credit(p) for p in text.split("\n\n") if not is_furniture(p)]
    if paragraphs:
        paragraphs[0] = strip_dateline(paragraphs[0])
    _strip_trailers(paragraphs)
    return "\n\n".join(p for p in paragraphs if p)


@lru_cache(maxsize=4096)  # clean_for_matching asks twice: to strip, and to find agencies
def is_furniture(paragraph: str) -> bool:
    """A paragraph that is entirely byline, credit, copyright, caption or link line."""
    return (credits.is_byline(paragraph) or credits.is_credit_line(paragraph)
            or credits.is_copyright_line(paragraph) or credits.is_caption(paragraph)
            or credits.is_link_line(paragraph))


def strip_dateline(paragraph: str) -> str:
    """'PARIS, Nov 12 (Reuters) - The ...' -> 'The ...'."""
    match = credits.match_dateline(paragraph)
    return paragraph if match is None else paragraph[match.end():]


def _strip_photo_credit(paragraph: str) -> str:
    """Cut a photo credit off the end of a long paragraph that a caption was merged into."""
    match = credits.photo_credit_at_end(paragraph)
    return paragraph if match is None else paragraph[:match.start()].rstrip()


def _strip_trailers(paragraphs: list[str]) -> None:
    """Cut trailing credits ('REUTER', 'zc/wd (AP, AFP)', '(Reporting by ...)') in place."""
    while paragraphs:
        last = strip_trailer(paragraphs[-1])
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
