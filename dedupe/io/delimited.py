"""CSV and TSV files with a header row; quoted fields may span lines."""

from __future__ import annotations

import csv
import sys
from typing import Iterator

from dedupe.io.files import InputFile, iter_lines
from dedupe.io.records import Located, ReadContext, to_article

# Whole articles sit in one field; the csv module's default limit is 128 KiB.
_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)


def read_csv(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """Comma-separated values, one article a row."""
    return _read_delimited(file, ctx, ",")


def read_tsv(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """Tab-separated values, one article a row."""
    return _read_delimited(file, ctx, "\t")


def _read_delimited(file: InputFile, ctx: ReadContext, delimiter: str) -> Iterator[Located]:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    lines = (text for _, text in iter_lines(file, ctx.problems, keep_ends=True))
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1  # the physical line where this row starts
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            ctx.problems.report(f"{file.where}:{start}", f"invalid CSV: {error}")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header is None:
            header = [name.strip() for name in row]
            continue
        where = f"{file.where}:{start}"
        if len(row) != len(header):
            ctx.problems.report(where, f"expected {len(header)} fields, got {len(row)}")
            continue
        record = {name: (value if value != "" else None) for name, value in zip(header, row)}
        article = to_article(record, where, f"{file.label}:{start}", file, ctx.fields,
                             ctx.problems)
        if article is not None:
            yield where, article
    if header is None:
        ctx.problems.report(file.where, "empty file")
