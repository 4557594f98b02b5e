"""Files that hold one article each: plain text and HTML pages."""

from __future__ import annotations

from typing import Iterator

from dedupe.io.fields import CANONICAL
from dedupe.io.files import InputFile, read_text
from dedupe.io.html import extract_html
from dedupe.io.records import Located, ReadContext, to_article

TITLE_MAX_CHARS = 200
"""A first line at most this long, followed by a blank line, is the title of a text file."""


def read_txt(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """A plain-text article; its id is the file's path relative to the input directory."""
    title, text = split_title(read_text(file, ctx.problems).replace("\r\n", "\n"))
    yield from _one_article(file, ctx, {"id": file.label, "title": title, "text": text})


def read_html(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """An HTML page: title from <title>, text from the page's main content."""
    title, text = extract_html(read_text(file, ctx.problems))
    yield from _one_article(file, ctx, {"id": file.label, "title": title, "text": text})


def split_title(text: str) -> tuple[str | None, str]:
    """Take a short first line followed by a blank line as the title."""
    first, _, rest = text.lstrip("\n").partition("\n")
    blank, sep, body = rest.partition("\n")
    if sep and first.strip() and len(first.strip()) < TITLE_MAX_CHARS and not blank.strip():
        return first.strip(), body.lstrip("\n")
    return None, text


def _one_article(file: InputFile, ctx: ReadContext, record: dict) -> Iterator[Located]:
    article = to_article(record, file.where, file.label, file, CANONICAL, ctx.problems,
                         keep_meta=False)
    if article is not None:
        yield file.where, article
