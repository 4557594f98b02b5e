"""`dedupe` command line: a thin layer over the library (see `dedupe --help`)."""

from __future__ import annotations

import json
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from dedupe.cli.console import RichProgress, err_console, out_console, print_error, print_problem, summary_table
from dedupe.config import ClusterConfig
from dedupe.errors import InputError, Problem, ProblemLog
from dedupe.eval import evaluate
from dedupe.eval.labels import read_labels
from dedupe.io import FieldMap, read_articles, write_jsonl, write_parquet
from dedupe.pipeline import ClusterResult, run

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode="rich",
    help="Find the same news story across many outlets and show how each changed it.",
)


class OutFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


class InFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    parquet = "parquet"
    warc = "warc"
    dir = "dir"


@contextmanager
def _guard(debug: bool) -> Iterator[None]:
    """Input errors become one red line and exit code 1; tracebacks only with --debug."""
    try:
        yield
    except InputError as err:
        if debug:
            traceback.print_exc()
        print_error(str(err))
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        print_error("interrupted")
        raise typer.Exit(130) from None
    except Exception as err:  # noqa: BLE001 - the CLI never shows a bare traceback
        if debug:
            raise
        print_error(f"internal error: {type(err).__name__}: {err} (run with --debug for details)")
        raise typer.Exit(1) from None


SHOWN_PROBLEMS = 20
"""Bad records printed as they are met; the rest are counted (and saved with --problems)."""


class _ProblemPrinter:
    def __init__(self) -> None:
        self.shown = 0

    def __call__(self, problem: Problem) -> None:
        if self.shown < SHOWN_PROBLEMS:
            print_problem(problem)
            self.shown += 1


def _write(path: Path, records: list[dict], fmt: OutFormat) -> None:
    (write_parquet if fmt is OutFormat.parquet else write_jsonl)(path, records)


def _print_summary(result: ClusterResult, problems: ProblemLog) -> None:
    clusters = result.clusters
    multi = [c for c in clusters if c.size > 1]
    rows = [
        ("articles", f"{len(result.assignments):,}"),
        ("bad records skipped", f"{problems.count:,}"),
        ("candidate pairs (LSH)", f"{result.candidates:,}"),
        ("verified near-duplicate pairs", f"{len(result.pairs):,}"),
        ("clusters", f"{len(clusters):,}"),
        ("stories with 2+ articles", f"{len(multi):,} ({sum(c.size for c in multi):,} articles)"),
    ]
    rows += [(f"time: {stage}", f"{seconds:.2f} s") for stage, seconds in result.timings.items()]
    err_console.print(summary_table(rows, "dedupe cluster"))
    if multi:
        largest = summary_table([], "largest stories", justify="left")
        for cluster in multi[:5]:
            largest.add_row(f"{cluster.id} ({cluster.size} articles)", (cluster.title or cluster.representative)[:80])
        err_console.print(largest)


@app.command()
def cluster(
    inputs: list[Path] = typer.Argument(..., help="Corpus files or directories (JSONL, CSV/TSV, Parquet, WARC, "
                                        "a folder of .txt/.json/.html; .gz/.zst too)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write one line per cluster."),
    assignments: Optional[Path] = typer.Option(None, help="Also write one line per article: {id, cluster}."),
    pairs: Optional[Path] = typer.Option(None, help="Also write every verified near-duplicate pair."),
    format_out: OutFormat = typer.Option(OutFormat.jsonl, "--format-out", help="Output format."),
    fmt: Optional[InFormat] = typer.Option(None, "--format", help="Input format (default: from the file name)."),
    id_field: Optional[str] = typer.Option(None, help="Field holding the article id."),
    text_field: Optional[str] = typer.Option(None, help="Field holding the body text."),
    title_field: Optional[str] = typer.Option(None, help="Field holding the headline."),
    source_field: Optional[str] = typer.Option(None, help="Field holding the outlet name."),
    date_field: Optional[str] = typer.Option(None, help="Field holding the publication date."),
    threshold: float = typer.Option(ClusterConfig.threshold, help="Jaccard similarity for a near-duplicate."),
    containment: float = typer.Option(ClusterConfig.containment,
                                      help="Share of a trimmed version found in the full one for a match."),
    ngram: int = typer.Option(ClusterConfig.ngram, help="Words per shingle."),
    num_perm: int = typer.Option(ClusterConfig.num_perm, help="MinHash permutations."),
    seed: int = typer.Option(ClusterConfig.seed, help="MinHash seed."),
    window: Optional[float] = typer.Option(None, help="Only match articles published at most this many days apart."),
    workers: int = typer.Option(ClusterConfig.workers, help="Processes for sketching (0: one per core)."),
    batch_size: int = typer.Option(ClusterConfig.batch_size, help="Articles per batch."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first bad record instead of skipping it."),
    problems_file: Optional[Path] = typer.Option(None, "--problems", help="Write every skipped record's problem "
                                                 "to this JSONL file."),
    rename_duplicate_ids: bool = typer.Option(False, help="Rename repeated ids (id~2) instead of skipping them."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or summary."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
) -> None:
    """Cluster articles into stories: which articles are the same story.

    Example:

        dedupe cluster corpora/sample/articles.jsonl -o clusters.jsonl --assignments assignments.jsonl
    """
    with _guard(debug):
        config = ClusterConfig(threshold=threshold, containment=containment, ngram=ngram, num_perm=num_perm,
                               seed=seed, window_days=window, workers=workers, batch_size=batch_size)
        problems = ProblemLog(strict=strict, on_problem=None if quiet else _ProblemPrinter(),
                              max_kept=None if problems_file else 10_000)
        fields = FieldMap(id=id_field, text=text_field, title=title_field, source=source_field, date=date_field)
        articles = read_articles(inputs, fmt=fmt.value if fmt else None, fields=fields, problems=problems,
                                 rename_duplicates=rename_duplicate_ids)
        with RichProgress(quiet=quiet) as progress:
            result = run(articles, config, progress)
        _write(output, [c.to_json() for c in result.clusters], format_out)
        if assignments:
            _write(assignments, [{"id": i, "cluster": c} for i, c in result.assignments.items()], format_out)
        if pairs:
            _write(pairs, [p.to_json() for p in result.pairs], format_out)
        if problems_file:
            write_jsonl(problems_file, [{"where": p.where, "message": p.message} for p in problems.problems])
        if not quiet:
            _print_summary(result, problems)
            if problems.count > SHOWN_PROBLEMS:
                hint = "" if problems_file else " (--problems FILE lists them all)"
                err_console.print(f"[yellow]{problems.count - SHOWN_PROBLEMS:,} more bad records not shown{hint}[/]")


@app.command("eval")
def eval_command(
    truth: Path = typer.Option(..., help="Ground truth: JSONL {id, cluster}, or a JSON list of [id_a, id_b] pairs."),
    pred: Path = typer.Option(..., help="Predicted assignments: JSONL {id, cluster} (from --assignments)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a table."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
) -> None:
    """Score predicted clusters against labels: ARI, pairwise and B-cubed precision/recall/F1.

    Example:

        dedupe eval --truth corpora/sample/labels.jsonl --pred assignments.jsonl
    """
    with _guard(debug):
        predicted = read_labels(pred)
        labels = read_labels(truth, known_ids=sorted(predicted))
        missing = len(predicted.keys() - labels.keys()) + len(labels.keys() - predicted.keys())
        if missing:
            err_console.print(f"[yellow]note:[/] {missing} ids are in only one of the two files and are not scored")
        try:
            scores = evaluate(labels, predicted)
        except ValueError as err:
            raise InputError(f"{truth} and {pred}: {err}") from None
        if as_json:
            typer.echo(json.dumps(scores.to_json()))
            return
        rows = [(name, f"{value:.4f}" if isinstance(value, float) else str(value))
                for name, value in scores.to_json().items()]
        out_console.print(summary_table(rows, "clustering quality"))


def main() -> None:
    app()
