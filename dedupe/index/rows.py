"""A sketched corpus as one stored row per article, without knowing what the sketches are.

The index stores each article's share of `dedupe.pipeline.Corpus`: its id, metadata and every
sketch. What a Corpus holds is read from the Corpus itself: its `Layout` lists every leaf
field (those of nested dataclasses such as the character channel included) and how to store
it: a list of arrays (shingle sets) as each article's array, an array with a row per article
(signatures) as that row, anything else (ids, titles, dates, agencies) as JSON. Arrays keep
their dtype and shape, so when the sketch stage changes what it computes, what is stored
changes with it and this code does not.

Everything here works on whole columns: taking, concatenating, encoding and decoding a batch
costs a few numpy calls per field, not a Python loop per field per article.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import struct
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import numpy as np

_HEAD = struct.Struct("<I")  # length of the JSON part of a row


@dataclass(frozen=True)
class Leaf:
    """One stored field: where it is in the Corpus and how it is stored."""

    path: tuple[str, ...]
    kind: str  # "json", "arrays" (a list of arrays), "rows" (one array, a row per article), "none"
    dtype: str = ""
    shape: tuple[int, ...] = ()  # the shape of one article's row ("rows")


@dataclass(frozen=True)
class Layout:
    """What a Corpus holds, field by field: its class, nested classes and leaves."""

    classes: tuple[tuple[tuple[str, ...], str], ...]  # (path, "module:Class") of the Corpus and nested dataclasses
    leaves: tuple[Leaf, ...]

    @staticmethod
    def of(corpus: Any) -> Layout:
        """The layout of a Corpus, from a sample that has at least one article."""
        classes: list[tuple[tuple[str, ...], str]] = []
        leaves: list[Leaf] = []

        def visit(data: Any, path: tuple[str, ...]) -> None:
            classes.append((path, f"{type(data).__module__}:{type(data).__qualname__}"))
            for field in dataclasses.fields(data):
                value, where = getattr(data, field.name), (*path, field.name)
                if value is None:
                    leaves.append(Leaf(where, "none"))
                elif dataclasses.is_dataclass(value):
                    visit(value, where)
                elif isinstance(value, np.ndarray):
                    leaves.append(Leaf(where, "rows", value.dtype.str, tuple(value.shape[1:])))
                elif value and all(isinstance(item, np.ndarray) for item in value):
                    leaves.append(Leaf(where, "arrays", value[0].dtype.str))
                else:
                    leaves.append(Leaf(where, "json"))

        visit(corpus, ())
        return Layout(tuple(classes), tuple(leaves))

    def to_json(self) -> str:
        return json.dumps({"classes": [[list(p), c] for p, c in self.classes],
                           "leaves": [[list(leaf.path), leaf.kind, leaf.dtype, list(leaf.shape)] for leaf in self.leaves]})

    @staticmethod
    def from_json(text: str) -> Layout:
        data = json.loads(text)
        return Layout(tuple((tuple(p), c) for p, c in data["classes"]),
                      tuple(Leaf(tuple(p), k, d, tuple(s)) for p, k, d, s in data["leaves"]))

    def encode(self, corpus: Any) -> list[bytes]:
        """One stored row per article: a JSON list (the JSON fields' values and each array's
        length), then the arrays' bytes."""
        count = len(corpus.ids)
        heads: list[list[Any]] = [[] for _ in range(count)]
        bodies: list[list[bytes]] = [[] for _ in range(count)]
        for leaf in self.leaves:
            column = _get(corpus, leaf.path)
            if leaf.kind == "json":
                for head, value in zip(heads, column):
                    head.append(_plain(value))
            elif leaf.kind == "arrays":
                for head, body, array in zip(heads, bodies, column):
                    head.append(len(array))
                    body.append(array.astype(leaf.dtype, copy=False).tobytes())
            elif leaf.kind == "rows":
                data = np.ascontiguousarray(column, dtype=leaf.dtype).tobytes()
                step = len(data) // count if count else 0
                for i, body in enumerate(bodies):
                    body.append(data[i * step:(i + 1) * step])
        rows = []
        for head, body in zip(heads, bodies):
            text = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            rows.append(b"".join((_HEAD.pack(len(text)), text, *body)))
        return rows

    def decode(self, rows: list[bytes]) -> Any:
        """The Corpus of these stored rows, in order."""
        heads, offsets = [], []
        for row in rows:
            (size,) = _HEAD.unpack_from(row)
            heads.append(json.loads(row[_HEAD.size:_HEAD.size + size]))
            offsets.append(_HEAD.size + size)
        values: dict[tuple[str, ...], Any] = {}
        slot = 0
        for leaf in self.leaves:
            if leaf.kind == "none":
                values[leaf.path] = None
                continue
            if leaf.kind == "json":
                values[leaf.path] = [_restore(head[slot]) for head in heads]
                slot += 1
            elif leaf.kind == "arrays":
                dtype, column = np.dtype(leaf.dtype), []
                for i, (head, row) in enumerate(zip(heads, rows)):
                    length = head[slot]
                    column.append(np.frombuffer(row, dtype=dtype, count=length, offset=offsets[i]))
                    offsets[i] += length * dtype.itemsize
                values[leaf.path] = column
                slot += 1
            else:
                dtype = np.dtype(leaf.dtype)
                step = int(np.prod(leaf.shape, dtype=np.int64)) * dtype.itemsize
                data = b"".join(row[at:at + step] for row, at in zip(rows, offsets))
                offsets = [at + step for at in offsets]
                values[leaf.path] = np.frombuffer(data, dtype=dtype).reshape(len(rows), *leaf.shape)
        return self._build((), values)

    def _build(self, path: tuple[str, ...], values: dict[tuple[str, ...], Any]) -> Any:
        cls = _class(dict(self.classes)[path])
        fields = {}
        for field in dataclasses.fields(cls):
            where = (*path, field.name)
            fields[field.name] = self._build(where, values) if where in dict(self.classes) else values[where]
        return cls(**fields)


def take(corpus: Any, positions: np.ndarray | list[int]) -> Any:
    """The articles at these positions of a Corpus (any dataclass of per-article columns)."""
    positions = np.asarray(positions, dtype=np.int64)
    fields = {}
    for field in dataclasses.fields(corpus):
        value = getattr(corpus, field.name)
        if value is None:
            fields[field.name] = None
        elif dataclasses.is_dataclass(value):
            fields[field.name] = take(value, positions)
        elif isinstance(value, np.ndarray):
            fields[field.name] = value[positions]
        else:
            fields[field.name] = [value[i] for i in positions.tolist()]
    return type(corpus)(**fields)


def concat(first: Any, second: Any) -> Any:
    """The articles of two Corpora of one layout, one after the other."""
    fields = {}
    for field in dataclasses.fields(first):
        a, b = getattr(first, field.name), getattr(second, field.name)
        if a is None or b is None:
            fields[field.name] = None
        elif dataclasses.is_dataclass(a):
            fields[field.name] = concat(a, b)
        elif isinstance(a, np.ndarray):
            fields[field.name] = np.concatenate((a, b))
        else:
            fields[field.name] = list(a) + list(b)
    return type(first)(**fields)


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        data = getattr(data, name)
    return data


def _plain(value: Any) -> Any:
    """A JSON value for a field value; dates and tuples are tagged so they come back as such."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [_plain(item) for item in value]}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot store a sketch value of type {type(value).__name__}")


def _restore(value: Any) -> Any:
    if isinstance(value, dict):
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$tuple" in value:
            return tuple(_restore(item) for item in value["$tuple"])
    if isinstance(value, list):
        return [_restore(item) for item in value]
    return value


@lru_cache(maxsize=64)
def _class(path: str) -> type:
    module, _, name = path.partition(":")
    target: Any = importlib.import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target
