"""Parquet files, streamed in record batches of only the columns an article needs."""

from __future__ import annotations

from types import ModuleType
from typing import Iterator

from dedupe.errors import InputError
from dedupe.io.fields import CANONICAL, DEFAULT_CANDIDATES, resolve_columns
from dedupe.io.files import InputFile
from dedupe.io.records import Located, ReadContext, to_article

BATCH_ROWS = 1024
"""Rows converted to Python objects at a time."""


def require_pyarrow() -> ModuleType:
    """`pyarrow.parquet`, or an InputError that says how to install it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            "reading Parquet needs pyarrow: pip install 'news-dedupe[parquet]'") from None
    return pq


def read_parquet(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """One article a row; a file without a text column is an InputError."""
    pq = require_pyarrow()
    try:
        parquet = pq.ParquetFile(file.path)
    except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
        ctx.problems.report(file.where, f"not a readable Parquet file: {error}")
        return
    names = parquet.schema_arrow.names
    columns = resolve_columns(names, ctx.fields)
    if "text" not in columns:
        wanted = (f"column '{ctx.fields.text}'" if ctx.fields.text
                  else f"text column (one of {', '.join(DEFAULT_CANDIDATES['text'])})")
        raise InputError(f"{file.where}: no {wanted}; its columns are: {', '.join(names)}")
    if parquet.metadata.num_rows == 0:
        ctx.problems.report(file.where, "empty file")
        return
    # Rows are renamed to dedupe's own field names so that CANONICAL maps them.
    renames = [(getattr(CANONICAL, role), column) for role, column in columns.items()]
    number = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS,
                                      columns=list(dict.fromkeys(columns.values()))):
        for row in batch.to_pylist():
            number += 1
            record = {name: row[column] for name, column in renames}
            where = f"{file.where}: record {number}"
            article = to_article(record, where, f"{file.label}:{number}", file, CANONICAL,
                                 ctx.problems, keep_meta=False)
            if article is not None:
                yield where, article
