"""Helpers shared by the `dedupe` commands (main and `dedupe index`): error guard,
problem reporting, corpus reading, output writing and report building."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from dedupe import __version__
from dedupe.cli import options as opt
from dedupe.cli.console import err_console, print_error, print_problem
from dedupe.errors import InputError, Problem, ProblemLog
from dedupe.io import FieldMap, read_articles, write_jsonl, write_parquet
from dedupe.model import Article
from dedupe.pipeline import ClusterResult

SHOWN_PROBLEMS = 20
"""Bad records printed as they are met; the rest are counted (and saved with --problems)."""


@contextmanager
def guard(debug: bool) -> Iterator[None]:
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


class _ProblemPrinter:
    def __init__(self) -> None:
        self.shown = 0

    def __call__(self, problem: Problem) -> None:
        if self.shown < SHOWN_PROBLEMS:
            print_problem(problem)
            self.shown += 1


def problem_log(strict: bool, quiet: bool, problems_file: Path | None) -> ProblemLog:
    return ProblemLog(strict=strict, on_problem=None if quiet else _ProblemPrinter(),
                      max_kept=None if problems_file else 10_000)


def finish_problems(problems: ProblemLog, problems_file: Path | None, quiet: bool) -> None:
    if problems_file:
        write_jsonl(problems_file, [{"where": p.where, "message": p.message} for p in problems.problems])
    if not quiet and problems.count > SHOWN_PROBLEMS:
        hint = "" if problems_file else " (--problems FILE lists them all)"
        err_console.print(f"[yellow]{problems.count - SHOWN_PROBLEMS:,} more problems not shown{hint}[/]")


def corpus_reader(inputs: list[Path], fmt: opt.InFormat | None, fields: FieldMap, problems: ProblemLog,
                  rename: bool) -> Callable[[], Iterator[Article]]:
    """A way to stream the corpus (again): `run` reads it once to cluster, once to report."""
    return lambda: read_articles(inputs, fmt=fmt.value if fmt else None, fields=fields, problems=problems,
                                 rename_duplicates=rename)


def write_records(path: Path, records: list[dict], fmt: opt.OutFormat) -> None:
    (write_parquet if fmt is opt.OutFormat.parquet else write_jsonl)(path, records)


def write_cluster_outputs(result: ClusterResult, output: Path, assignments: Path | None, pairs: Path | None,
                          fmt: opt.OutFormat) -> None:
    write_records(output, [c.to_json() for c in result.clusters], fmt)
    if assignments:
        write_records(assignments, [{"id": i, "cluster": c} for i, c in result.assignments.items()], fmt)
    if pairs:
        write_records(pairs, [p.to_json() for p in result.pairs], fmt)


def check_folders(*outputs: Path | None) -> None:
    """Fail before a long run, not after it, when an output's folder is missing."""
    for path in outputs:
        if path is not None and not path.absolute().parent.is_dir():
            raise InputError(f"cannot write {path}: directory {path.parent} does not exist")


def report_folder(output: Path) -> None:
    """Create the report folder (not its parents), or say in one line why it cannot be."""
    if not output.parent.is_dir():
        raise InputError(f"cannot write {output}: directory {output.parent} does not exist")
    try:
        output.mkdir(exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"cannot write the report: {output} exists and is not a directory") from None
    except OSError as err:
        raise InputError(f"cannot write the report in {output}: {err.strerror or err}") from None


def build_report(out_dir: Path, clusters: list[dict], read: Callable[[], Iterator[Article]], problems: ProblemLog,
                 bases: list[str] | None, singletons: bool, info: dict, progress, workers: int) -> int:
    from dedupe.compare.clusters import compare_clusters  # comparison and jinja2 only load for reports
    from dedupe.report import write_report

    chosen = [c for c in clusters if singletons or len(c["members"]) > 1]
    wanted = {m for c in chosen for m in c["members"]}
    articles = {a.id: a for a in read() if a.id in wanted}
    documents = compare_clusters(chosen, articles, problems, frozenset(bases or ()), workers)
    write_report(out_dir, documents, info, progress)
    return len(chosen)


def run_info(inputs: list[Path], articles: int, clusters: list[dict], options: dict) -> dict:
    return {"corpus": [str(p) for p in inputs], "articles": articles, "clusters": len(clusters),
            "stories": sum(1 for c in clusters if len(c["members"]) > 1),
            "created_with": f"dedupe {__version__}", "options": options}
