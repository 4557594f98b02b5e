"""How stages report progress without knowing who is watching (the CLI draws rich bars)."""

from __future__ import annotations

from typing import Protocol


class Task(Protocol):
    def advance(self, amount: int = 1) -> None: ...

    def close(self) -> None: ...


class Progress(Protocol):
    def task(self, description: str, total: int | None = None) -> Task: ...


class _NullTask:
    def advance(self, amount: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


class NullProgress:
    """Progress that shows nothing: the library default."""

    def task(self, description: str, total: int | None = None) -> Task:
        return _NullTask()
