"""`dedupe index`: a persistent, incremental index of sketched articles and their stories.

A thin layer over `dedupe.index` (see docs/index.md). It shares the readers, options, error
handling and output writers of `dedupe cluster`, so an input that `cluster` accepts is added
the same way, and `export` writes exactly the files `cluster` writes.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from dedupe.cli import options as opt
from dedupe.cli.common import (build_report, check_folders, corpus_reader, finish_problems, guard, problem_log,
                               report_folder, run_info, write_cluster_outputs)
from dedupe.cli.console import RichProgress, err_console, out_console, summary_table
from dedupe.config import ClusterConfig
from dedupe.errors import InputError
from dedupe.index import Index, Placement, renumbered, stats, stored_articles, stored_result
from dedupe.index.index import BATCH_SIZE, WAIT_SECONDS
from dedupe.io import FieldMap, parse_date, write_jsonl
from dedupe.model import Article

index_app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode="rich",
    help="A persistent index: add articles over time, match new ones against everything seen before.",
)

IndexFile = typer.Argument(..., help="The index file (SQLite); `add` creates it.")
Wait = typer.Option(WAIT_SECONDS, "--wait", help="Seconds to wait while another process writes to the index.")
AddBatch = typer.Option(BATCH_SIZE, "--batch-size", help="Articles per batch: sketched together, committed in one "
                        "transaction.")
Output = typer.Option(None, "--output", "-o", help="Write JSONL here instead of to standard output.")


def _articles(inputs: list[Path], fmt: opt.InFormat | None, fields: FieldMap, problems,
              rename: bool) -> Iterator[Article]:
    """The articles of the inputs; an input with no readable article is an error, before the
    index is touched."""
    articles = corpus_reader(inputs, fmt, fields, problems, rename)()
    first = next(articles, None)
    if first is None:
        skipped = f" ({problems.count:,} bad records skipped)" if problems.count else ""
        raise InputError(f"no articles read from {', '.join(map(str, inputs))}{skipped}")
    return chain([first], articles)


def _requested(threshold, containment, ngram, num_perm, seed, window, template_hours) -> dict:
    """The clustering options given on the command line, as ClusterConfig fields."""
    given = {"threshold": threshold, "containment": containment, "ngram": ngram, "num_perm": num_perm,
             "seed": seed, "window_days": window, "template_hours": template_hours}
    requested = {name: value for name, value in given.items() if value is not None}
    if template_hours == 0:  # 0 turns the rule off, as in `dedupe cluster`
        requested["template_hours"] = None
    return requested


class _Statuses(dict):
    """How many placements of each status went by."""

    def seen(self, placement: Placement) -> Placement:
        self[placement.status] = self.get(placement.status, 0) + 1
        return placement

    def describe(self) -> str:
        parts = [f"{self.get('joined', 0):,} joined an existing story", f"{self.get('new', 0):,} new"]
        if self.get("indexed"):
            parts.append(f"{self['indexed']:,} already indexed")
        return ", ".join(parts)


def _print_placements(placements: Iterable[Placement], output: Path | None) -> _Statuses:
    """One JSON line per placement, to standard output or (atomically) to a file."""
    counts = _Statuses()
    records = (counts.seen(p).to_json() for p in placements)
    if output is not None:
        write_jsonl(output, records)
        return counts
    try:
        for record in records:
            typer.echo(json.dumps(record, ensure_ascii=False))
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped (`| head`): stop too, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return counts


@index_app.command()
def add(
    index: Path = IndexFile,
    inputs: opt.Corpus = ...,
    update: bool = typer.Option(False, "--update", help="Replace articles whose id is already indexed (default: "
                                "skip them)."),
    keep_text: bool = typer.Option(False, "--keep-text", help="Keep each article as read in the index, so that "
                                   "`dedupe index report` needs no corpus (when creating the index)."),
    fmt: opt.Format = None, id_field: opt.IdField = None, text_field: opt.TextField = None,
    title_field: opt.TitleField = None, source_field: opt.SourceField = None, date_field: opt.DateField = None,
    threshold: opt.Threshold = None, containment: opt.Containment = None, ngram: opt.Ngram = None,
    num_perm: opt.NumPerm = None, seed: opt.Seed = None, window: opt.Window = None,
    template_hours: opt.TemplateHours = None,
    workers: opt.Workers = 0, batch_size: int = AddBatch, wait: float = Wait,
    strict: opt.Strict = False, problems_file: opt.ProblemsFile = None,
    rename_duplicate_ids: opt.RenameDuplicates = False, quiet: opt.Quiet = False, debug: opt.Debug = False,
) -> None:
    """Add articles to the index (created on first use), each placed in the story it joins.

    Articles are sketched and committed batch by batch; ids already indexed are skipped (or
    replaced, with --update). Clustering options are fixed when the index is created.

    Example:

        dedupe index add news.db corpora/sample/articles.jsonl
    """
    with guard(debug):
        if batch_size < 1:
            raise InputError(f"--batch-size must be at least 1, got {batch_size}")
        requested = _requested(threshold, containment, ngram, num_perm, seed, window, template_hours)
        config = ClusterConfig(**requested)
        check_folders(problems_file)
        problems = problem_log(strict, quiet, problems_file)
        fields = FieldMap(id_field, text_field, title_field, source_field, date_field)
        articles = _articles(inputs, fmt, fields, problems, rename_duplicate_ids)
        started = time.perf_counter()
        with Index.open(index, create=True, config=config, store_text=keep_text, wait=wait) as ix:
            ix.check_options(requested)
            if keep_text and not ix.store_text:
                raise InputError(f"{index}: the index was created without --keep-text; it cannot keep texts now")
            with RichProgress(quiet=quiet) as progress:
                summary = ix.add(articles, update=update, batch_size=batch_size, workers=workers, progress=progress)
            totals = stats(ix) if not quiet else None
        seconds = time.perf_counter() - started
        if totals is not None:
            read = summary.added + summary.updated + summary.skipped
            rows = [("articles added", f"{summary.added:,}"), ("replaced (--update)", f"{summary.updated:,}"),
                    ("already indexed, skipped", f"{summary.skipped:,}"),
                    ("joined an existing story", f"{summary.joined:,}"),
                    ("bad records skipped", f"{problems.count:,}"), ("batches", f"{summary.batches:,}"),
                    ("time", f"{seconds:.2f} s ({read / seconds:,.0f} articles/s)"),
                    ("index: articles", f"{totals['articles']:,}"), ("index: clusters", f"{totals['clusters']:,}"),
                    ("index: stories with 2+ articles", f"{totals['stories']:,}")]
            err_console.print(summary_table(rows, f"dedupe index add {escape(str(index))}"))
        finish_problems(problems, problems_file, quiet)


@index_app.command()
def query(
    index: Path = IndexFile,
    inputs: opt.Corpus = ...,
    output: Optional[Path] = Output,
    fmt: opt.Format = None, id_field: opt.IdField = None, text_field: opt.TextField = None,
    title_field: opt.TitleField = None, source_field: opt.SourceField = None, date_field: opt.DateField = None,
    workers: opt.Workers = 0, batch_size: int = AddBatch, wait: float = Wait,
    strict: opt.Strict = False, problems_file: opt.ProblemsFile = None,
    rename_duplicate_ids: opt.RenameDuplicates = False, quiet: opt.Quiet = False, debug: opt.Debug = False,
) -> None:
    """Which indexed story each article would join, or "new"; nothing is added.

    One JSON line per article: {id, status ("joined", "new" or "indexed"), cluster, score,
    match}, where score is the story similarity to the closest indexed member, match its id.

    Example:

        dedupe index query news.db today.jsonl
    """
    with guard(debug):
        check_folders(output, problems_file)
        problems = problem_log(strict, quiet, problems_file)
        fields = FieldMap(id_field, text_field, title_field, source_field, date_field)
        articles = _articles(inputs, fmt, fields, problems, rename_duplicate_ids)
        with Index.open(index, wait=wait) as ix, RichProgress(quiet=quiet) as progress:
            counts = _print_placements(ix.query(articles, batch_size=batch_size, workers=workers,
                                                progress=progress), output)
        if not quiet:
            err_console.print(f"{sum(counts.values()):,} articles: {counts.describe()}")
        finish_problems(problems, problems_file, quiet)


class By(str, Enum):
    added = "added"
    published = "published"


@index_app.command()
def match(
    index: Path = IndexFile,
    since: Optional[str] = typer.Option(None, help="Only articles added (or published, with --by published) at "
                                        "or after this date or time, e.g. 2024-05-01 or 2024-05-01T06:00."),
    by: By = typer.Option(By.added, "--by", help="Which date --since applies to."),
    output: Optional[Path] = Output,
    wait: float = Wait, quiet: opt.Quiet = False, debug: opt.Debug = False,
) -> None:
    """Which story each recently added article joined, or "new".

    One JSON line per article, in the order they were added: {id, status ("joined" or "new",
    when it was added), cluster (its current stable id), score, match}.

    Example:

        dedupe index match news.db --since 2024-05-01
    """
    with guard(debug):
        check_folders(output)
        moment = _since(since)
        with Index.open(index, wait=wait) as ix:
            counts = _print_placements(ix.placements(moment, by.value), output)
        if not quiet:
            err_console.print(f"{sum(counts.values()):,} articles: {counts.describe()}")


def _since(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = parse_date(text)
    except ValueError:
        moment = None
    if moment is None:
        raise InputError(f"--since: not a date or time: {text!r} (try 2024-05-01 or 2024-05-01T06:00)")
    return moment  # without a time zone: UTC, as for publication dates


@index_app.command("stats")
def stats_command(
    index: Path = IndexFile,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a table."),
    wait: float = Wait, debug: opt.Debug = False,
) -> None:
    """What the index holds: articles, stories, pairs, dates, size and settings.

    Example:

        dedupe index stats news.db
    """
    with guard(debug):
        with Index.open(index, wait=wait) as ix:
            figures = stats(ix)
        if as_json:
            typer.echo(json.dumps(figures))
            return
        config = figures.pop("config")
        rows = [(name.replace("_", " "), f"{value:,}" if isinstance(value, int) and not isinstance(value, bool)
                 else str(value)) for name, value in figures.items()]
        rows.append(("settings", ", ".join(f"{k}={v}" for k, v in config.items())))
        out_console.print(summary_table(rows, f"index {escape(str(index))}", justify="left"))


@index_app.command()
def export(
    index: Path = IndexFile,
    output: Path = typer.Option(..., "--output", "-o", help="Where to write one line per cluster."),
    assignments: Optional[Path] = typer.Option(None, help="Also write one line per article: {id, cluster}."),
    pairs: Optional[Path] = typer.Option(None, help="Also write every verified near-duplicate pair."),
    format_out: opt.FormatOut = opt.OutFormat.jsonl,
    recompute: bool = typer.Option(False, "--recompute", help="Cluster every indexed article again in one run "
                                   "first (stable ids are kept), and store the result."),
    renumber: bool = typer.Option(False, "--renumber", help="Number clusters c00001... in output order, as "
                                  "`dedupe cluster` does, instead of the index's stable ids."),
    wait: float = Wait, quiet: opt.Quiet = False, debug: opt.Debug = False,
) -> None:
    """Write the index's clusters, assignments and pairs as `dedupe cluster` writes them.

    Clusters keep the index's stable ids (--renumber: c00001... as `dedupe cluster` numbers
    them); assignments are in the order articles were added.

    Example:

        dedupe index export news.db -o clusters.jsonl --assignments assignments.jsonl
    """
    with guard(debug):
        check_folders(output, assignments, pairs)
        with Index.open(index, wait=wait) as ix:
            if recompute:
                with RichProgress(quiet=quiet) as progress:
                    ix.recompute(progress)
            result = stored_result(ix)
        write_cluster_outputs(renumbered(result) if renumber else result, output, assignments, pairs, format_out)
        if not quiet:
            stories = sum(1 for c in result.clusters if c.size > 1)
            err_console.print(f"{len(result.clusters):,} clusters ({stories:,} stories with 2+ articles) of "
                              f"{len(result.assignments):,} articles written to {escape(str(output))}")


@index_app.command()
def report(
    index: Path = IndexFile,
    inputs: Optional[list[Path]] = typer.Argument(None, help="The corpus the articles came from (not needed when "
                                                  "the index was created with --keep-text)."),
    output: Path = typer.Option(..., "--output", "-o", help="Report folder to write (created if missing)."),
    base: opt.Base = None, singletons: opt.Singletons = False, workers: opt.Workers = 0,
    fmt: opt.Format = None, id_field: opt.IdField = None, text_field: opt.TextField = None,
    title_field: opt.TitleField = None, source_field: opt.SourceField = None, date_field: opt.DateField = None,
    wait: float = Wait, strict: opt.Strict = False, problems_file: opt.ProblemsFile = None,
    rename_duplicate_ids: opt.RenameDuplicates = False, quiet: opt.Quiet = False, debug: opt.Debug = False,
) -> None:
    """Write the HTML report of the index's stories, as `dedupe report` does.

    Article texts come from the corpus given, or from the index if it keeps them (--keep-text).

    Example:

        dedupe index report news.db corpora/sample/articles.jsonl -o reports/news
    """
    with guard(debug):
        check_folders(problems_file)
        problems = problem_log(strict, quiet, problems_file)
        with Index.open(index, wait=wait) as ix:
            if not inputs and not ix.store_text:
                raise InputError(f"{index}: the index keeps no article texts (it was created without --keep-text); "
                                 f"give the corpus: dedupe index report {index} CORPUS... -o {output}")
            clusters = [c.to_json() for c in stored_result(ix).clusters]
            if inputs:
                fields = FieldMap(id_field, text_field, title_field, source_field, date_field)
                read = corpus_reader(inputs, fmt, fields, problems, rename_duplicate_ids)
            else:
                read = lambda: stored_articles(ix)  # noqa: E731
            info = run_info(inputs or [index], sum(len(c["members"]) for c in clusters), clusters,
                            {"index": str(index)})
            report_folder(output)
            with RichProgress(quiet=quiet) as progress:
                pages = build_report(output, clusters, read, problems, base, singletons, info, progress, workers)
        if not quiet:
            err_console.print(f"report with {pages:,} stories written to {escape(str(output / 'index.html'))}")
        finish_problems(problems, problems_file, quiet)
