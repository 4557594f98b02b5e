"""`read_articles`: the one reader registry, format detection, and corpus-wide id checks."""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Callable, Iterator, Sequence

import zstandard

from dedupe.errors import InputError, ProblemLog
from dedupe.io.delimited import read_csv, read_tsv
from dedupe.io.documents import read_html, read_txt
from dedupe.io.fields import FieldMap
from dedupe.io.files import InputFile, open_binary, plain_name, stem
from dedupe.io.jsonl import read_json, read_jsonl
from dedupe.io.parquet import read_parquet, require_pyarrow
from dedupe.io.records import Located, ReadContext, Reader
from dedupe.io.warc import read_warc, require_warc
from dedupe.model import Article


def read_directory(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """Every supported file under a directory, recursively, in sorted order.

    Hidden files and directories, and files of other kinds, are passed over.
    """
    root = file.path
    count = 0
    for path in _directory_files(root, ctx.problems):
        fmt = ctx.forced_fmt or detect_format(path, look_inside=False)
        if fmt is None or fmt == "dir":
            continue
        count += 1
        relative = path.relative_to(root)
        source = relative.parts[0] if len(relative.parts) > 1 else file.default_source
        yield from _read_file(InputFile(path, relative.as_posix(), source), fmt, ctx)
    if count == 0:
        kinds = ", ".join(sorted(EXTENSIONS))
        ctx.problems.report(file.where, f"no supported files in directory ({kinds})")


READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "tsv": read_tsv,
    "parquet": read_parquet,
    "warc": read_warc,
    "dir": read_directory,
    "txt": read_txt,
    "html": read_html,
}
"""Format name → reader. "txt" and "html" are one article per file, as found in directories."""

EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
    ".parquet": "parquet", ".warc": "warc", ".txt": "txt", ".html": "html", ".htm": "html",
}
"""File suffix (after removing .gz/.zst/.zstd) → format name."""

_REQUIREMENTS: dict[str, Callable[[], object]] = {"parquet": require_pyarrow,
                                                  "warc": require_warc}
_READ_ERRORS = (OSError, EOFError, zlib.error, zstandard.ZstdError)


def read_articles(inputs: Sequence[str | Path], *, fmt: str | None = None,
                  fields: FieldMap = FieldMap(), problems: ProblemLog,
                  rename_duplicates: bool = False) -> Iterator[Article]:
    """Stream the articles of every input in order; bad records go to `problems`.

    A missing input, an unknown format or a missing optional dependency raises InputError
    at once, before anything is read. Duplicate ids are problems (the later copy is skipped)
    unless `rename_duplicates`, which renames them "id~2", "id~3", ...
    """
    if fmt is not None and fmt not in READERS:
        raise InputError(f"unknown format '{fmt}'; choose one of: {', '.join(READERS)}")
    plan = [_plan(Path(name), fmt) for name in inputs]
    for _, file_fmt in plan:
        _REQUIREMENTS.get(file_fmt, lambda: None)()
    if fmt is not None and fmt in _REQUIREMENTS:
        _REQUIREMENTS[fmt]()
    ctx = ReadContext(fields, problems, forced_fmt=fmt if fmt != "dir" else None)
    return _unique_ids(plan, ctx, rename_duplicates)


def detect_format(path: Path, look_inside: bool = True) -> str | None:
    """The format named by the file's suffix; else, if `look_inside`, by its first bytes."""
    name = plain_name(path)
    if name.endswith(".warc"):
        return "warc"
    fmt = EXTENSIONS.get(Path(name).suffix)
    if fmt is None and look_inside:
        fmt = _sniff_format(path)
    return fmt


def _plan(path: Path, fmt: str | None) -> tuple[InputFile, str]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        source = path.name or path.resolve().name
        return InputFile(path, "", source), "dir"
    if fmt == "dir":
        raise InputError(f"{path}: format 'dir' needs a directory")
    file_fmt = fmt or detect_format(path)
    if file_fmt is None:
        raise InputError(f"{path}: cannot tell the format from the file name; give it with "
                         f"--format ({', '.join(READERS)})")
    return InputFile(path, path.name, stem(path)), file_fmt


def _unique_ids(plan: list[tuple[InputFile, str]], ctx: ReadContext,
                rename: bool) -> Iterator[Article]:
    first_seen: dict[str, str] = {}
    copies: dict[str, int] = {}
    for file, fmt in plan:
        for where, article in _read_file(file, fmt, ctx):
            if article.id in first_seen:
                if not rename:
                    ctx.problems.report(where, f"duplicate id '{article.id}' "
                                        f"(first seen at {first_seen[article.id]})")
                    continue
                article.id = _next_copy_id(article.id, first_seen, copies)
            first_seen[article.id] = where
            yield article


def _next_copy_id(article_id: str, taken: dict[str, str], copies: dict[str, int]) -> str:
    number = copies.get(article_id, 1)
    while True:
        number += 1
        candidate = f"{article_id}~{number}"
        if candidate not in taken:
            copies[article_id] = number
            return candidate


def _read_file(file: InputFile, fmt: str, ctx: ReadContext) -> Iterator[Located]:
    try:
        if fmt != "dir" and file.path.stat().st_size == 0:
            ctx.problems.report(file.where, "empty file")
            return
        yield from READERS[fmt](file, ctx)
    except _READ_ERRORS as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        ctx.problems.report(file.where, f"cannot read: {reason}")


def _directory_files(root: Path, problems: ProblemLog) -> list[Path]:
    def unreadable(error: OSError) -> None:
        problems.report(str(error.filename), f"cannot read directory: {error.strerror}")

    found: list[Path] = []
    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(Path(folder, name) for name in names if not name.startswith("."))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _sniff_format(path: Path) -> str | None:
    try:
        with open_binary(path) as handle:
            head = handle.read(64)
    except _READ_ERRORS:
        return None
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"PAR1"):
        return "parquet"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return {b"{": "jsonl", b"[": "json"}.get(start)
