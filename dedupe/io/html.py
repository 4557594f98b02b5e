"""The title and main text of an HTML page: trafilatura when installed, else a small parser."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from types import ModuleType

_SKIPPED = {"script", "style", "nav", "header", "footer", "noscript", "aside", "template"}
_BREAKS = {"p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "table", "tr", "ul", "ol"}


def extract_html(html: str) -> tuple[str | None, str]:
    """(title from <title>, main text); the text is "" when the page has none."""
    page = _PageParser()
    page.feed(html)
    page.close()
    title = page.title()
    extracted = trafilatura_extract(html)
    if extracted is not None and extracted[1].strip():
        return title or extracted[0], extracted[1]
    return title, page.text()


def trafilatura_extract(html: str | bytes, url: str | None = None
                        ) -> tuple[str | None, str] | None:
    """(title, text) by trafilatura; None when trafilatura is not installed.

    The text is "" when trafilatura finds no article in the page.
    """
    trafilatura = _trafilatura()
    if trafilatura is None:
        return None
    found = trafilatura.extract(html, url=url, output_format="json", with_metadata=True)
    if not found:
        return None, ""
    data = json.loads(found)
    return data.get("title") or None, data.get("text") or ""


@lru_cache(maxsize=1)
def _trafilatura() -> ModuleType | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


class _PageParser(HTMLParser):
    """Collects <title> and the text of paragraphs outside navigation and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._title: list[str] = []
        self._paragraphs: list[str] = []
        self._loose: list[str] = []  # text outside <p>, used when a page has no <p>
        self._current: list[str] | None = None
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BREAKS or tag == "br":
            self._end_paragraph()
            self._loose.append("\n")
            if tag == "p":
                self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BREAKS:
            self._end_paragraph()
            self._loose.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif self._skip_depth == 0:
            (self._current if self._current is not None else self._loose).append(data)

    def _end_paragraph(self) -> None:
        if self._current is not None:
            paragraph = _collapse("".join(self._current))
            if paragraph:
                self._paragraphs.append(paragraph)
            self._current = None

    def title(self) -> str | None:
        return _collapse("".join(self._title)) or None

    def text(self) -> str:
        self._end_paragraph()
        if self._paragraphs:
            return "\n\n".join(self._paragraphs)
        lines = (_collapse(line) for line in "".join(self._loose).split("\n"))
        return "\n\n".join(line for line in lines if line)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
