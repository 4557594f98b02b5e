"""Turning one input record (a dict of fields) into an `Article`, reporting what is wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterator, Mapping

from dedupe.errors import ProblemLog
from dedupe.io.dates import parse_date
from dedupe.io.fields import FieldMap, pick_fields
from dedupe.io.files import InputFile
from dedupe.model import Article


@dataclass(frozen=True)
class ReadContext:
    """What every reader is given besides the file: the field map and the problem log."""

    fields: FieldMap
    problems: ProblemLog
    forced_fmt: str | None = None
    """The user's --format, applied to every file inside an input directory."""


Located = tuple[str, Article]
"""An article with where it was read ("path:line" or "path: record N")."""
Reader = Callable[[InputFile, ReadContext], Iterator[Located]]

# Text a reader sees as blank: white space, zero-width and bidi formatting characters, BOMs.
_BLANK_RE = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]*")
# The host of "https://user@www.host.com:80/path", or of "host.com/path" without a scheme.
_HOST_RE = re.compile(r"\s*(?:(?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?(?:[^/?#@\s]*@)?"
                      r"(\[[^\]/]*\]|[^/?#:@\s]+)")


def to_article(record: Mapping[str, Any], where: str, fallback_id: str, file: InputFile,
               fields: FieldMap, problems: ProblemLog, keep_meta: bool = True) -> Article | None:
    """Build the article, or report the problem at `where` and return None to skip it.

    A record without text is kept only when it has a title (title-only wire briefs).
    Fields that are not mapped to an attribute go to `meta` when `keep_meta`.
    """
    found = pick_fields(record, fields)
    if fields.text is not None and "text" not in found:
        problems.report(where, f"no text field '{fields.text}'")
        return None
    try:
        text = _as_text(_value(found, "text"))
        title = _as_text(_value(found, "title")).strip() or None
    except TypeError as error:
        problems.report(where, str(error))
        return None
    if _BLANK_RE.fullmatch(text):
        if title is None:
            problems.report(where, "empty text")
            return None
        text = ""
    url = _optional_str(found, "url")
    return Article(
        id=_as_id(_value(found, "id")) or fallback_id,
        source=_optional_str(found, "source") or _host(url) or file.default_source,
        text=text,
        title=title,
        url=url,
        published=_published(found, where, problems),
        lang=_optional_str(found, "lang"),
        meta=_meta(record, found) if keep_meta else {},
    )


def _value(found: dict[str, tuple[str, Any]], role: str) -> Any:
    return found[role][1] if role in found else None


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bytes):
        text = value.decode("utf-8", errors="replace")
    elif isinstance(value, (list, tuple)):  # paragraphs
        text = "\n\n".join(str(part) for part in value if part is not None)
    elif isinstance(value, (int, float)):
        text = str(value)
    else:
        raise TypeError(f"text is a {type(value).__name__}, not a string")
    return text.replace("\x00", "") if "\x00" in text else text


def _as_id(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 12.0 from a float column is the id "12"
    return str(value).strip()


def _optional_str(found: dict[str, tuple[str, Any]], role: str) -> str | None:
    value = _value(found, role)
    if value is None:
        return None
    return str(value).strip() or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    match = _HOST_RE.match(url)
    if not match:
        return None
    host = match.group(1).lower()
    return host[4:] if host.startswith("www.") else host


def _published(found: dict[str, tuple[str, Any]], where: str,
               problems: ProblemLog) -> datetime | None:
    value = _value(found, "date")
    try:
        return parse_date(value)
    except ValueError:
        problems.report(where, f"invalid date '{value}'")
        return None


def _meta(record: Mapping[str, Any], found: dict[str, tuple[str, Any]]) -> dict[str, Any]:
    used = {name for name, _ in found.values()}
    return {key: value for key, value in record.items() if key not in used}
