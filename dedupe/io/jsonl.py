"""JSON Lines (streamed one line at a time) and JSON files (an array or a single object)."""

from __future__ import annotations

import json
import re
from itertools import chain
from typing import Any, Iterable, Iterator

from dedupe.io.files import InputFile, iter_lines
from dedupe.io.records import Located, ReadContext, to_article

# A \uD800-\uDFFF escape: JSON may encode half of a surrogate pair, which no UTF-8 file can hold.
_SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def parse_json(text: str) -> Any:
    """`json.loads`, with lone surrogates ("\\ud800" escapes) replaced by U+FFFD so that
    the values can be written out again as UTF-8."""
    value = json.loads(text)
    escaped = "\\u" in text and _SURROGATE_ESCAPE_RE.search(text)  # `in` first: a regex scan is slower
    return _replace_surrogates(value) if escaped else value


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE_RE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_replace_surrogates(key): _replace_surrogates(item) for key, item in value.items()}
    return value


def read_jsonl(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """One JSON object per line; blank lines are ignored, bad lines reported and skipped."""
    yield from _read_lines(file, ctx, iter_lines(file, ctx.problems))


def read_json(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """A JSON array of articles or one article object, read whole; or JSON Lines, streamed.

    It is JSON Lines when its first line is a whole object and more lines follow.
    """
    lines = iter_lines(file, ctx.problems)
    head = list(_through_next_content(lines))
    first = _as_object(head[-1][1]) if head else None
    if first is not None:
        more = list(_through_next_content(lines))
        if more:
            yield from _read_lines(file, ctx, chain(head, more, lines))
        else:
            yield from _located(first, file.where, file.label, file, ctx)
        return
    text = "\n".join(line for _, line in chain(head, lines))
    if not text.strip():
        ctx.problems.report(file.where, "empty file")
        return
    try:
        data = parse_json(text)
    except json.JSONDecodeError as error:
        ctx.problems.report(f"{file.where}:{error.lineno}",
                            f"invalid JSON: {error.msg} (column {error.colno})")
        return
    if isinstance(data, dict):
        yield from _located(data, file.where, file.label, file, ctx)
    elif isinstance(data, list):
        if not data:
            ctx.problems.report(file.where, "no records (an empty JSON array)")
        for number, record in enumerate(data, 1):
            where = f"{file.where}: record {number}"
            yield from _located(record, where, f"{file.label}:{number}", file, ctx)
    else:
        ctx.problems.report(file.where, f"expected a JSON array or object, got {_kind(data)}")


def _through_next_content(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Lines up to and including the next one that is not blank."""
    for number, line in lines:
        yield number, line
        if line.strip():
            return


def _as_object(line: str) -> dict | None:
    try:
        value = parse_json(line)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _read_lines(file: InputFile, ctx: ReadContext,
                lines: Iterable[tuple[int, str]]) -> Iterator[Located]:
    empty = True
    for number, line in lines:
        if not line or line.isspace():  # blank, without making a stripped copy
            continue
        empty = False
        where = f"{file.where}:{number}"
        try:
            record = parse_json(line)
        except json.JSONDecodeError as error:
            ctx.problems.report(where, f"invalid JSON: {error.msg} (column {error.colno})")
            continue
        yield from _located(record, where, f"{file.label}:{number}", file, ctx)
    if empty:
        ctx.problems.report(file.where, "empty file")


def _located(record: Any, where: str, fallback_id: str, file: InputFile,
             ctx: ReadContext) -> Iterator[Located]:
    if not isinstance(record, dict):
        ctx.problems.report(where, f"expected a JSON object, got {_kind(record)}")
        return
    article = to_article(record, where, fallback_id, file, ctx.fields, ctx.problems)
    if article is not None:
        yield where, article


def _kind(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
