"""Writing results atomically: a reader never sees a half-written file."""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from dedupe.errors import InputError

# Files made by mkstemp are private (0600); finished files get the usual umask instead.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then fsync and rename it over `path`.

    On an exception the temporary file is removed and any old file is left untouched.
    Missing parent directories are not created: that is an InputError.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: directory {folder} does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(handle, mode, encoding=encoding) as stream:
            yield stream
            _disk_step(path, stream.flush)
            _disk_step(path, os.fsync, stream.fileno())
        _disk_step(path, os.chmod, temp_name, _mode_for(path))
        _disk_step(path, os.replace, temp_name, path)  # after closing: Windows needs that
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _sync_directory(folder)


def _disk_step(path: Path, step: Callable[..., Any], *args: Any) -> None:
    """Run one step of finishing the file; an OSError here is the disk's, told as InputError."""
    try:
        step(*args)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> int:
    """Write one JSON object per line (UTF-8, not ASCII-escaped); return how many."""
    count = 0
    with atomic_write(path) as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False, default=_json_default))
            stream.write("\n")
            count += 1
    return count


def write_parquet(path: str | Path, records: list[dict[str, Any]]) -> int:
    """Write records as one Parquet table (column types inferred by pyarrow); return how many."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            "writing Parquet needs pyarrow: pip install 'news-dedupe[parquet]'") from None
    table = pa.Table.from_pylist(records)
    with atomic_write(path, "wb") as stream:
        pq.write_table(table, stream)
    return len(records)


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777  # keep the permissions of the file replaced
    except OSError:
        return 0o666 & ~_UMASK


def _sync_directory(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
