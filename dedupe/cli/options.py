"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dedupe.config import ClusterConfig


class OutFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


class InFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    parquet = "parquet"
    warc = "warc"
    dir = "dir"


Corpus = Annotated[list[Path], typer.Argument(help="Corpus files or directories (JSONL, CSV/TSV, Parquet, WARC, "
                                              "a folder of .txt/.json/.html; .gz/.zst too).")]
Format = Annotated[Optional[InFormat], typer.Option("--format", help="Input format (default: from the file name).")]
IdField = Annotated[Optional[str], typer.Option(help="Field holding the article id.")]
TextField = Annotated[Optional[str], typer.Option(help="Field holding the body text.")]
TitleField = Annotated[Optional[str], typer.Option(help="Field holding the headline.")]
SourceField = Annotated[Optional[str], typer.Option(help="Field holding the outlet name.")]
DateField = Annotated[Optional[str], typer.Option(help="Field holding the publication date.")]
Strict = Annotated[bool, typer.Option("--strict", help="Stop at the first bad record instead of skipping it.")]
ProblemsFile = Annotated[Optional[Path], typer.Option("--problems", help="Write every skipped record's problem "
                                                      "to this JSONL file.")]
RenameDuplicates = Annotated[bool, typer.Option(help="Rename repeated ids (id~2) instead of skipping them.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")]
Debug = Annotated[bool, typer.Option(help="Show a traceback on errors.")]
Threshold = Annotated[float, typer.Option(help="Jaccard similarity of word n-grams for a near-duplicate.")]
Containment = Annotated[float, typer.Option(help="Share of a trimmed version found in the full one for a match.")]
Ngram = Annotated[int, typer.Option(help="Words per shingle.")]
NumPerm = Annotated[int, typer.Option(help="MinHash permutations.")]
Seed = Annotated[int, typer.Option(help="MinHash seed.")]
TemplateHours = Annotated[Optional[float], typer.Option(help="Near-identical articles more than this many hours apart "
                                                      "are separate reports of a template when they come from "
                                                      "the same outlet or their figures differ (0: off).")]
Window = Annotated[Optional[float], typer.Option(help="Only match articles published at most this many days apart.")]
Workers = Annotated[int, typer.Option(help="Processes for sketching (0: one per core).")]
BatchSize = Annotated[int, typer.Option(help="Articles per batch.")]
Engine = Annotated[EngineName, typer.Option(help="Where the stages run: this machine's processes, or a Dask "
                                             "cluster (pip install 'news-dedupe[dask]').")]
FormatOut = Annotated[OutFormat, typer.Option("--format-out", help="Output format.")]
Base = Annotated[Optional[list[str]], typer.Option("--base", help="Article id to use as the base version of its "
                                                   "cluster (repeatable; default: the earliest published).")]
Singletons = Annotated[bool, typer.Option(help="Also give single-article clusters a page in the report.")]

DEFAULTS = ClusterConfig()
