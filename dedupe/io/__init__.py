"""Reading stage: stream `Article` records from JSONL, JSON, CSV/TSV, Parquet, WARC and
directories of text/HTML files (gzip/zstd transparently); write results atomically."""

from dedupe.io.dates import parse_date
from dedupe.io.fields import DEFAULT_CANDIDATES, FieldMap
from dedupe.io.read import EXTENSIONS, READERS, detect_format, read_articles
from dedupe.io.write import atomic_write, write_jsonl, write_parquet

__all__ = [
    "DEFAULT_CANDIDATES",
    "EXTENSIONS",
    "READERS",
    "FieldMap",
    "atomic_write",
    "detect_format",
    "parse_date",
    "read_articles",
    "write_jsonl",
    "write_parquet",
]
