"""`dedupe` command line: a thin layer over the library (see `dedupe --help`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from dedupe.cli import options as opt
from dedupe.cli.bench import bench
from dedupe.cli.index import index_app
from dedupe.cli.common import (build_report, check_folders, corpus_reader, finish_problems, guard, problem_log,
                               report_folder, run_info, write_cluster_outputs)
from dedupe.cli.console import RichProgress, err_console, out_console, summary_table
from dedupe.checkpoint import SketchCheckpoint
from dedupe.config import ClusterConfig
from dedupe.errors import InputError, ProblemLog
from dedupe.eval import evaluate
from dedupe.eval.labels import read_labels
from dedupe.io import FieldMap
from dedupe.io.clusters import read_clusters
from dedupe.pipeline import ClusterResult, run as run_pipeline

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode="rich",
    help="Find the same news story across many outlets and show how each changed it.",
)
D = opt.DEFAULTS
app.command()(bench)
app.add_typer(index_app, name="index")
def _config(threshold: float, containment: float, ngram: int, num_perm: int, seed: int, window: float | None,
            template_hours: float | None, workers: int, batch_size: int) -> ClusterConfig:
    """The clustering options of `cluster` and `run`; `--template-hours 0` turns that rule off."""
    return ClusterConfig(threshold=threshold, containment=containment, ngram=ngram, num_perm=num_perm, seed=seed,
                         window_days=window, template_hours=template_hours or None, workers=workers,
                         batch_size=batch_size)


def _require_articles(result: ClusterResult, inputs: list[Path], problems: ProblemLog) -> None:
    """Nothing to cluster is bad input, not an empty success."""
    if not result.assignments:
        skipped = f" ({problems.count:,} bad records skipped)" if problems.count else ""
        raise InputError(f"no articles read from {', '.join(map(str, inputs))}{skipped}")


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
            largest.add_row(f"{cluster.id} ({cluster.size} articles)",
                            escape((cluster.title or cluster.representative)[:80]))
        err_console.print(largest)


@app.command()
def cluster(
    inputs: opt.Corpus,
    output: Path = typer.Option(..., "--output", "-o", help="Where to write one line per cluster."),
    assignments: Optional[Path] = typer.Option(None, help="Also write one line per article: {id, cluster}."),
    pairs: Optional[Path] = typer.Option(None, help="Also write every verified near-duplicate pair."),
    format_out: opt.FormatOut = opt.OutFormat.jsonl,
    fmt: opt.Format = None, id_field: opt.IdField = None, text_field: opt.TextField = None,
    title_field: opt.TitleField = None, source_field: opt.SourceField = None, date_field: opt.DateField = None,
    threshold: opt.Threshold = D.threshold, containment: opt.Containment = D.containment, ngram: opt.Ngram = D.ngram,
    num_perm: opt.NumPerm = D.num_perm, seed: opt.Seed = D.seed, window: opt.Window = None,
    template_hours: opt.TemplateHours = D.template_hours,
    workers: opt.Workers = D.workers, batch_size: opt.BatchSize = D.batch_size,
    strict: opt.Strict = False, problems_file: opt.ProblemsFile = None,
    rename_duplicate_ids: opt.RenameDuplicates = False, quiet: opt.Quiet = False, debug: opt.Debug = False,
    checkpoint: Optional[Path] = typer.Option(
        None, help="Keep every batch's sketches in this folder and reuse those already there: run the same "
                   "command again after a crash to resume, or cluster again with other thresholds without "
                   "sketching again."),
    resume: bool = typer.Option(
        False, "--resume", help="Checkpoint in OUTPUT.checkpoint/ (see --checkpoint) and resume from it if an "
                                "earlier run was interrupted; it is deleted when the run succeeds."),
    engine: opt.Engine = opt.EngineName.local,
    scheduler: Optional[str] = typer.Option(
        None, help="With --engine dask: the scheduler's address (tcp://host:8786); default: a local cluster of "
                   "--workers processes."),
) -> None:
    """Cluster articles into stories: which articles are the same story.

    Example:

        dedupe cluster corpora/sample/articles.jsonl -o clusters.jsonl --assignments assignments.jsonl
    """
    with guard(debug):
        config = _config(threshold, containment, ngram, num_perm, seed, window, template_hours, workers, batch_size)
        check_folders(output, assignments, pairs, problems_file, checkpoint)
        problems = problem_log(strict, quiet, problems_file)
        fields = FieldMap(id_field, text_field, title_field, source_field, date_field)
        read = corpus_reader(inputs, fmt, fields, problems, rename_duplicate_ids)
        saved = _checkpoint(checkpoint, resume, output, config, quiet)
        if scheduler is not None and engine is not opt.EngineName.dask:
            raise InputError("--scheduler needs --engine dask")
        with RichProgress(quiet=quiet) as progress:
            if engine is opt.EngineName.dask:
                from dedupe.dask_engine import run_dask  # Dask loads only for this engine

                result = run_dask(read(), config, progress, scheduler, saved)
            else:
                result = run_pipeline(read(), config, progress, saved)
        _require_articles(result, inputs, problems)
        write_cluster_outputs(result, output, assignments, pairs, format_out)
        if saved is not None and not quiet:
            err_console.print(f"checkpoint {escape(str(saved.folder))}: {saved.reused:,} batches reused, "
                              f"{saved.saved:,} sketched and saved")
        if saved is not None and checkpoint is None:
            saved.remove()  # --resume: the run it protected is done
        if not quiet:
            _print_summary(result, problems)
        finish_problems(problems, problems_file, quiet)


def _checkpoint(folder: Path | None, resume: bool, output: Path, config: ClusterConfig,
                quiet: bool) -> SketchCheckpoint | None:
    """The checkpoint of `--checkpoint DIR` or `--resume`, if either is given."""
    if folder is None and not resume:
        return None
    folder = folder or output.with_name(output.name + ".checkpoint")
    saved = SketchCheckpoint(folder, config)
    found = len(list(saved.folder.glob("batch-*.npz")))
    if found and not quiet:
        err_console.print(f"resuming from checkpoint {escape(str(folder))} ({found:,} batches saved)")
    return saved


@app.command()
def report(
    inputs: opt.Corpus,
    clusters_file: Path = typer.Option(..., "--clusters", help="Clusters written by `dedupe cluster` (JSONL or Parquet)."),
    output: Path = typer.Option(..., "--output", "-o", help="Report folder to write (created if missing)."),
    base: opt.Base = None, singletons: opt.Singletons = False, workers: opt.Workers = D.workers,
    fmt: opt.Format = None, id_field: opt.IdField = None, text_field: opt.TextField = None,
    title_field: opt.TitleField = None, source_field: opt.SourceField = None, date_field: opt.DateField = None,
    strict: opt.Strict = False, problems_file: opt.ProblemsFile = None,
    rename_duplicate_ids: opt.RenameDuplicates = False, quiet: opt.Quiet = False, debug: opt.Debug = False,
) -> None:
    """Write the HTML report of how each outlet changed each story, for clusters already found.

    Example:

        dedupe report corpora/sample/articles.jsonl --clusters clusters.jsonl -o reports/sample
    """
    with guard(debug):
        problems = problem_log(strict, quiet, problems_file)
        fields = FieldMap(id_field, text_field, title_field, source_field, date_field)
        clusters = read_clusters(clusters_file, problems)
        read = corpus_reader(inputs, fmt, fields, problems, rename_duplicate_ids)
        info = run_info(inputs, sum(len(c["members"]) for c in clusters), clusters, {"clusters": str(clusters_file)})
        with RichProgress(quiet=quiet) as progress:
            pages = build_report(output, clusters, read, problems, base, singletons, info, progress, workers)
        if not quiet:
            err_console.print(f"report with {pages:,} stories written to {escape(str(output / 'index.html'))}")
        finish_problems(problems, problems_file, quiet)


@app.command("run")
def run_command(
    inputs: opt.Corpus,
    output: Path = typer.Option(..., "--output", "-o", help="Report folder to write (created if missing)."),
    base: opt.Base = None, singletons: opt.Singletons = False,
    fmt: opt.Format = None, id_field: opt.IdField = None, text_field: opt.TextField = None,
    title_field: opt.TitleField = None, source_field: opt.SourceField = None, date_field: opt.DateField = None,
    threshold: opt.Threshold = D.threshold, containment: opt.Containment = D.containment, ngram: opt.Ngram = D.ngram,
    num_perm: opt.NumPerm = D.num_perm, seed: opt.Seed = D.seed, window: opt.Window = None,
    template_hours: opt.TemplateHours = D.template_hours,
    workers: opt.Workers = D.workers, batch_size: opt.BatchSize = D.batch_size,
    strict: opt.Strict = False, problems_file: opt.ProblemsFile = None,
    rename_duplicate_ids: opt.RenameDuplicates = False, quiet: opt.Quiet = False, debug: opt.Debug = False,
) -> None:
    """Cluster a corpus and write the HTML report in one go: the main job.

    Writes OUT/index.html, a page and a JSON document per story in OUT/clusters/, and
    OUT/clusters.jsonl, OUT/assignments.jsonl and OUT/pairs.jsonl.

    Example:

        dedupe run corpora/sample/articles.jsonl -o reports/sample
    """
    with guard(debug):
        config = _config(threshold, containment, ngram, num_perm, seed, window, template_hours, workers, batch_size)
        problems = problem_log(strict, quiet, problems_file)
        fields = FieldMap(id_field, text_field, title_field, source_field, date_field)
        check_folders(problems_file)
        report_folder(output)
        read = corpus_reader(inputs, fmt, fields, problems, rename_duplicate_ids)
        with RichProgress(quiet=quiet) as progress:
            result = run_pipeline(read(), config, progress)
            _require_articles(result, inputs, problems)
            write_cluster_outputs(result, output / "clusters.jsonl", output / "assignments.jsonl",
                                  output / "pairs.jsonl", opt.OutFormat.jsonl)
            clusters = [c.to_json() for c in result.clusters]
            options = {k: getattr(config, k) for k in ("threshold", "containment", "ngram", "num_perm", "seed",
                                                        "window_days", "template_hours")}
            info = run_info(inputs, len(result.assignments), clusters, options)
            quiet_problems = ProblemLog(strict=strict)  # the second reading repeats the first one's problems
            build_report(output, clusters, corpus_reader(inputs, fmt, fields, quiet_problems, rename_duplicate_ids),
                         problems, base, singletons, info, progress, workers)
        if not quiet:
            _print_summary(result, problems)
            err_console.print(f"report written to {escape(str(output / 'index.html'))}")
        finish_problems(problems, problems_file, quiet)


@app.command("eval")
def eval_command(
    truth: Path = typer.Option(..., help="Ground truth: JSONL {id, cluster}, or a JSON list of [id_a, id_b] pairs."),
    pred: Path = typer.Option(..., help="Predicted assignments: JSONL {id, cluster} (from --assignments)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a table."),
    debug: opt.Debug = False,
) -> None:
    """Score predicted clusters against labels: ARI, pairwise and B-cubed precision/recall/F1.

    Example:

        dedupe eval --truth corpora/sample/labels.jsonl --pred assignments.jsonl
    """
    with guard(debug):
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
