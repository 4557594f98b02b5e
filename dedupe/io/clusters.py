"""Reading a clusters file written by `dedupe cluster` (JSONL, or Parquet)."""

from __future__ import annotations

import json
from pathlib import Path

from dedupe.errors import InputError, ProblemLog
from dedupe.io.jsonl import parse_json


def read_clusters(path: Path, problems: ProblemLog) -> list[dict]:
    """Clusters as dicts with at least `id` and `members` (a list of article ids)."""
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.suffix == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise InputError("reading Parquet needs pyarrow: pip install 'news-dedupe[parquet]'") from None
        rows = pq.read_table(path).to_pylist()
        numbered = [(f"{path}: record {n}", row) for n, row in enumerate(rows, start=1)]
    else:
        numbered = []
        with path.open(encoding="utf-8-sig", errors="replace") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    numbered.append((f"{path}:{number}", parse_json(line)))
                except json.JSONDecodeError as err:
                    problems.report(f"{path}:{number}", f"not valid JSON: {err.msg}")
    clusters = []
    for where, record in numbered:
        members = record.get("members") if isinstance(record, dict) else None
        if not isinstance(members, list) or "id" not in record or not members:
            problems.report(where, "expected a cluster with an \"id\" and a non-empty \"members\" list")
            continue
        clusters.append({**record, "id": str(record["id"]), "members": [str(m) for m in members]})
    if not clusters:
        raise InputError(f"{path}: no clusters found")
    return clusters
