"""Geometry of the inline SVG charts (heatmap, timeline); the templates draw them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

VALUES_UP_TO = 15
"""Versions up to which each heatmap cell also shows its value as text."""
LABEL_CHARS = 28
_LIGHT, _DARK = (247, 251, 255), (8, 48, 107)  # ends of a blue scale


@dataclass(frozen=True)
class HeatCell:
    x: int
    y: int
    fill: str
    ink: str
    value: str
    title: str


def _short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _isolate(label: str) -> str:
    """Wrap in FSI…PDI: SVG text has no <bdi>, and a U+202E in an outlet name must not
    reverse the numbers and times drawn beside it."""
    return f"\u2068{label}\u2069"


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def shade(value: float) -> tuple[str, str]:
    """Fill for a similarity in [0, 1] and the text colour (black or white) that contrasts more."""
    t = min(max(value, 0.0), 1.0)
    rgb = tuple(round(a + (b - a) * t) for a, b in zip(_LIGHT, _DARK))
    lum = _luminance(rgb)  # type: ignore[arg-type]
    ink = "#000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#fff"
    return "#%02x%02x%02x" % rgb, ink


def heatmap(labels: list[str], matrix: Any) -> dict[str, Any] | None:
    """Cells of a versions × versions similarity grid, or None when the matrix is missing or misshapen."""
    n = len(labels)
    if n < 2 or not isinstance(matrix, list) or len(matrix) != n:
        return None
    if not all(isinstance(row, list) and len(row) == n for row in matrix):
        return None
    size = 34 if n <= VALUES_UP_TO else max(8, 520 // n)
    left = 14 + 7 * max(len(f"{i + 1}. {_short(l)}") for i, l in enumerate(labels))
    top = 24
    numbers = [[v if isinstance(v, (int, float)) and not isinstance(v, bool) else None for v in row]
               for row in matrix]
    # Versions of one story are mostly alike: start the colour scale near the lowest value
    # (floored to a tenth) so that the differences between them stay visible.
    low = min((v for row in numbers for v in row if v is not None), default=0.0)
    low = min(max(math.floor(low * 10) / 10, 0.0), 0.9)
    cells = []
    for i, row in enumerate(numbers):
        for j, number in enumerate(row):
            fill, ink = shade((number - low) / (1 - low)) if number is not None else ("#ddd", "#000")
            text = f"{number:.2f}" if number is not None else "n/a"
            cells.append(HeatCell(left + j * size, top + i * size, fill, ink, text,
                                  f"{_isolate(labels[i])} vs {_isolate(labels[j])}: {text}"))
    return {
        "n": n, "size": size, "low": f"{low:.1f}", "left": left, "top": top, "cells": cells,
        "show_values": n <= VALUES_UP_TO, "show_columns": size >= 14,
        "rows": [(i + 1, f"{i + 1}. {_isolate(_short(l))}", top + i * size + size // 2) for i, l in enumerate(labels)],
        "columns": [(j + 1, left + j * size + size // 2) for j in range(n)],
        "width": left + n * size + 4, "height": top + n * size + 4,
    }


def _delay(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"+{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"+{hours} h {minutes:02d} min"
    return f"+{hours // 24} d {hours % 24} h"


def timeline(points: list[tuple[str, datetime, str]]) -> dict[str, Any] | None:
    """Dots on a time axis, one line per version, for (label, UTC time, time label) points.

    None when fewer than two versions have a date.
    """
    if len(points) < 2:
        return None
    points = sorted(points, key=lambda p: (p[1], p[0]))
    start, end = points[0][1], points[-1][1]
    span = (end - start).total_seconds()
    width, margin, top, step = 760, 24, 40, 22
    usable = width - 2 * margin
    dots = []
    for k, (label, moment, when) in enumerate(points):
        offset = (moment - start).total_seconds()
        x = margin + (usable * offset / span if span else usable / 2)
        after = _delay(offset) if offset else "first"
        dots.append({
            "x": round(x, 1), "y": top + 12 + k * step, "right": x < width / 2,
            "text": f"{_isolate(_short(label))} · {when}" + (f" ({after})" if offset else ""),
            "title": f"{_isolate(label)}: {when}"})
    return {"width": width, "height": top + 12 + len(points) * step, "axis": top, "margin": margin,
            "end_x": width - margin, "start": points[0][2], "end": points[-1][2], "dots": dots}
