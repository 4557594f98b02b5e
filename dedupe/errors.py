"""Input problems: reported with file and line, skipped, or fatal in strict mode."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


class InputError(Exception):
    """A problem with the user's input or options; the CLI prints it and exits 1."""


@dataclass(frozen=True)
class Problem:
    where: str  # "path:line", "path" or "record <id>"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ProblemLog:
    """Collects bad records so that the good ones are still processed.

    In strict mode the first problem raises `InputError` instead.
    `on_problem` lets the CLI print each problem as it happens.
    """

    strict: bool = False
    on_problem: Callable[[Problem], None] | None = None
    problems: list[Problem] = field(default_factory=list)
    max_kept: int | None = 10_000
    """Problems kept in `problems` (None: all); `count` counts every one."""
    count: int = 0

    def report(self, where: str, message: str) -> None:
        problem = Problem(where, message)
        if self.strict:
            raise InputError(str(problem))
        self.count += 1
        if self.max_kept is None or len(self.problems) < self.max_kept:
            self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)
