"""The CLI's edge: rich progress bars, one-line errors, the summary table."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn,
                           TimeElapsedColumn)
from rich.table import Table
from rich.text import Text

from dedupe.errors import Problem

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)


def print_error(message: str) -> None:
    # Messages quote file names and ids, which may hold "[/]": print them, not parse them.
    err_console.print(f"[bold red]error:[/] {escape(message)}", markup=True, soft_wrap=True, emoji=False)


def print_problem(problem: Problem) -> None:
    err_console.print(f"[yellow]skipped[/] {escape(str(problem))}", markup=True, soft_wrap=True, emoji=False)


class RateColumn(ProgressColumn):
    """Items per second."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f}/s", style="progress.data.speed")


class _RichTask:
    def __init__(self, bars: Progress, task_id) -> None:
        self._bars, self._id = bars, task_id

    def advance(self, amount: int = 1) -> None:
        self._bars.advance(self._id, amount)

    def close(self) -> None:
        task = next(t for t in self._bars.tasks if t.id == self._id)
        if task.total is None:
            self._bars.update(self._id, total=task.completed)
        self._bars.stop_task(self._id)


class RichProgress:
    """A bar per stage on stderr; silent when stderr is not a terminal and `quiet`."""

    def __init__(self, quiet: bool = False) -> None:
        self._bars = Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            RateColumn(), TimeElapsedColumn(),
            console=err_console, disable=quiet or not sys.stderr.isatty(), transient=False,
        )

    def __enter__(self) -> RichProgress:
        self._bars.start()
        return self

    def __exit__(self, *exc) -> None:
        self._bars.stop()

    def task(self, description: str, total: int | None = None) -> _RichTask:
        return _RichTask(self._bars, self._bars.add_task(description, total=total))


def summary_table(rows: list[tuple[str, str]], title: str, justify: str = "right") -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify=justify)
    for key, value in rows:
        table.add_row(key, value)
    return table
