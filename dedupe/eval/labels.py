"""Reading cluster labels: JSONL `{"id", "cluster"}` lines, or a JSON list of positive pairs."""

from __future__ import annotations

import json
from pathlib import Path

from dedupe.errors import InputError
from dedupe.eval.metrics import clusters_from_pairs


def read_labels(path: Path, known_ids: list[str] | None = None) -> dict[str, str]:
    """id → cluster label. A pair list (`[[id_a, id_b], ...]`) becomes connected components;
    `known_ids` (e.g. the predicted ids) are singletons unless a pair joins them."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read labels: {err}") from None
    if text.lstrip().startswith("["):
        return _pairs_file(path, text, known_ids or [])
    labels: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            doc, cluster = str(record["id"]), str(record["cluster"])
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{number}: expected {{\"id\": ..., \"cluster\": ...}}: {err}") from None
        if doc in labels:
            raise InputError(f"{path}:{number}: id {doc!r} is labelled twice")
        labels[doc] = cluster
    if not labels:
        raise InputError(f"{path}: no labels found")
    return labels


def _pairs_file(path: Path, text: str, known_ids: list[str]) -> dict[str, str]:
    try:
        pairs = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{err.lineno}: not valid JSON: {err.msg}") from None
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise InputError(f"{path}: expected a list of [id_a, id_b] pairs")
    return clusters_from_pairs([(str(a), str(b)) for a, b in pairs], known_ids)
