"""Which field of an input record is the id, text, title, source, date, url and language."""

from __future__ import annotations

from dataclasses import dataclass, fields as dataclass_fields
from functools import lru_cache
from typing import Any, Iterable, Mapping

DEFAULT_CANDIDATES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "uid", "guid", "newid"),
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "site", "domain", "sitename", "newspaper"),
    "date": ("published", "date", "pubdate", "published_at", "publish_date", "datetime",
             "timestamp"),
    "url": ("url", "link"),
    "lang": ("lang", "language"),
}


@dataclass(frozen=True)
class FieldMap:
    """The input field to read for each article attribute.

    None means "the first of the usual names that the record has" (see DEFAULT_CANDIDATES,
    matched case-insensitively); a name given here is used exactly.
    """

    id: str | None = None
    text: str | None = None
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None

    def roles(self) -> Iterable[tuple[str, str | None]]:
        """(attribute, explicit field name or None) for every attribute."""
        return ((f.name, getattr(self, f.name)) for f in dataclass_fields(self))


CANONICAL = FieldMap(id="id", text="text", title="title", source="source", date="published",
                     url="url", lang="lang")
"""The names used by records that dedupe builds itself (text files, HTML pages, WARC)."""


def pick_fields(record: Mapping[str, Any], fields: FieldMap) -> dict[str, tuple[str, Any]]:
    """Map each attribute to (field name, value) for the fields this record has.

    A field named in `fields` counts when present; of the default candidates, the first
    with a value that is not None or blank wins.
    """
    found: dict[str, tuple[str, Any]] = {}
    for role, explicit, keys in _lookup_plan(fields, tuple(record)):
        for key in keys:
            value = record[key]
            if explicit or not _blank(value):
                found[role] = (key, value)
                break
    return found


@lru_cache(maxsize=256)
def _lookup_plan(fields: FieldMap, keys: tuple[str, ...]
                 ) -> tuple[tuple[str, bool, tuple[str, ...]], ...]:
    """Which keys to try for each attribute, worked out once per distinct set of keys."""
    lowered: dict[str, str] = {}
    for key in keys:
        lowered.setdefault(str(key).lower(), key)
    plan = []
    for role, name in fields.roles():
        if name is not None:
            plan.append((role, True, (name,) if name in keys else ()))
        else:
            candidates = (c if c in keys else lowered.get(c) for c in DEFAULT_CANDIDATES[role])
            plan.append((role, False, tuple(c for c in candidates if c is not None)))
    return tuple(plan)


def resolve_columns(columns: Iterable[str], fields: FieldMap) -> dict[str, str]:
    """Map each attribute to the column that holds it, for a table with known columns."""
    names = list(columns)
    lowered = {name.lower(): name for name in reversed(names)}
    chosen: dict[str, str] = {}
    for role, name in fields.roles():
        if name is not None:
            if name in names:
                chosen[role] = name
            continue
        for candidate in DEFAULT_CANDIDATES[role]:
            column = candidate if candidate in names else lowered.get(candidate)
            if column is not None:
                chosen[role] = column
                break
    return chosen


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and (not value or value.isspace()))  # no stripped copy
