"""What a report page shows, computed from one comparison document (pure; no HTML here).

The document's shape is in SCHEMA-draft.md. Optional fields (distinctive, similarity, summary,
published, title, url) may be missing or null; cells are matched to versions by id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from dedupe.report import charts
from dedupe.report.names import web_url

MAX_OUTLETS_SHOWN = 3
"""Outlets listed in an index row before "+N more"."""

_BADGES = {"added": "+ added", "minor": "minor edits"}
_QUIET = {"base", "same", "changed", "gap"}  # statuses shown by the text itself, without a badge
_STATUSES = {"base", "same", "changed", "minor", "gap", "added", "moved"}


@dataclass(frozen=True)
class Moment:
    """A publication time: UTC for ordering, and the label a reader sees."""

    utc: datetime
    label: str


def parse_moment(value: object) -> Moment | None:
    """Read an ISO 8601 date or time; times without an offset are taken as UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    aware = moment.tzinfo is not None
    utc = moment.astimezone(timezone.utc) if aware else moment.replace(tzinfo=timezone.utc)
    if len(text) <= 10:
        label = utc.strftime("%Y-%m-%d")
    else:
        label = utc.strftime("%Y-%m-%d %H:%M") + (" UTC" if aware else "")
    return Moment(utc, label)


@dataclass
class Version:
    id: str
    label: str
    source: str
    title: str | None
    published: Moment | None
    url: str | None
    agencies: list[str]
    words: int | None
    similarity: float | None
    distinctive: list[tuple[str, float]]
    text: str
    is_base: bool


@dataclass
class Cell:
    status: str
    label: str  # the version's label, for printing cells one under another
    parts: list[tuple[str, str, bool]]  # ("t" text | "i" inserted | "d" deleted, text, minor)
    badge: str | None = None
    badge_title: str | None = None

    @property
    def gap(self) -> bool:
        return self.status == "gap" or not self.parts

    @property
    def css(self) -> str:
        """The status as a CSS class name (unknown statuses from the document are not trusted)."""
        return self.status if self.status in _STATUSES else "other"


@dataclass
class Row:
    index: int
    kind: str
    paragraph: int | None
    mark: str
    cells: list[Cell]
    added_by: list[str] = field(default_factory=list)
    minor_only: bool = False


@dataclass
class Edit:
    kind: str
    kind_label: str
    label: str
    before: str
    after: str
    row: int | None
    minor: bool


@dataclass
class EditGroup:
    version: Version
    edits: list[Edit]


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _list(value: object) -> list:
    """A list field, or [] when it is missing or of another type."""
    return value if isinstance(value, list) else []


def _terms(value: object) -> list[tuple[str, float]]:
    return [(str(t[0]), float(t[1])) for t in _list(value)
            if isinstance(t, (list, tuple)) and len(t) == 2 and _number(t[1]) is not None]


def versions_of(doc: dict[str, Any]) -> list[Version]:
    """The versions, base first, with labels unique within the cluster."""
    raw = [v for v in _list(doc.get("versions")) if isinstance(v, dict)]
    base_id = doc.get("base")
    if raw and not any(v.get("id") == base_id for v in raw):
        base_id = raw[0].get("id")
    sources = [_text(v.get("source")) or str(v.get("id", "?")) for v in raw]
    versions = []
    for v, source in zip(raw, sources):
        vid = str(v.get("id", ""))
        title, words = v.get("title"), v.get("words")
        versions.append(Version(
            id=vid, label=f"{source} ({vid})" if sources.count(source) > 1 else source, source=source,
            title=title if isinstance(title, str) else None,
            published=parse_moment(v.get("published")), url=web_url(v.get("url")),
            agencies=[str(a) for a in _list(v.get("agencies"))],
            words=words if isinstance(words, int) and not isinstance(words, bool) else None,
            similarity=_number(v.get("similarity_to_base")), distinctive=_terms(v.get("distinctive")),
            text=_text(v.get("text")), is_base=v.get("id") == base_id))
    versions.sort(key=lambda v: not v.is_base)  # stable: base first, the rest as given
    return versions


def headline(versions: list[Version]) -> str | None:
    return versions[0].title if versions else None


def divergence(doc: dict[str, Any], versions: list[Version]) -> float | None:
    """1 − mean similarity to the base over the other versions (None for a singleton)."""
    scores = [v.similarity for v in versions if not v.is_base]
    if any(s is None for s in scores):
        matrix = doc.get("similarity")
        if isinstance(matrix, list) and len(matrix) == len(versions) and isinstance(matrix[0], list):
            scores = [_number(x) for x in matrix[0][1:]]
    scores = [s for s in scores if s is not None]
    return 1.0 - sum(scores) / len(scores) if scores else None


def framing_edits(doc: dict[str, Any]) -> int:
    return sum(1 for e in _list(doc.get("edits")) if isinstance(e, dict) and e.get("kind") != "minor")


def cell_parts(cell: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """The cell's text as plain, inserted and deleted pieces, from its word diff."""
    text = _text(cell.get("text"))
    diff = [s for s in _list(cell.get("diff")) if isinstance(s, dict)]
    if not diff:
        return [("t", text, False)] if text else []
    parts: list[tuple[str, str, bool]] = []
    for seg in diff:
        op, minor = seg.get("op"), bool(seg.get("minor"))
        before, after = _text(seg.get("before")), _text(seg.get("after"))
        if op in ("delete", "replace") and before:
            parts.append(("d", before, minor))
        if op in ("insert", "replace") and after:
            parts.append(("i", after, minor))
        elif op not in ("delete", "replace", "insert") and after:
            parts.append(("t", after, False))
    return parts


def _badge(cell: dict[str, Any]) -> tuple[str | None, str | None]:
    status = cell.get("status")
    if status == "moved":
        where = cell.get("moved_from") if isinstance(cell.get("moved_from"), dict) else {}
        paragraph = where.get("paragraph", cell.get("paragraph"))
        if isinstance(paragraph, int):
            return f"↕ moved from ¶{paragraph + 1}", f"In this version the sentence is in paragraph {paragraph + 1}."
        return "↕ moved", None
    if status in _QUIET or not isinstance(status, str):
        return None, None
    return _BADGES.get(status, status), None


def rows_of(doc: dict[str, Any], versions: list[Version]) -> list[Row]:
    rows = []
    for position, raw in enumerate(r for r in _list(doc.get("rows")) if isinstance(r, dict)):
        raw_cells = [c for c in _list(raw.get("cells")) if isinstance(c, dict)]
        by_id = {str(c.get("version")): c for c in raw_cells if "version" in c}
        cells = []
        for column, version in enumerate(versions):
            cell = by_id.get(version.id) if by_id else (raw_cells[column] if column < len(raw_cells) else None)
            if cell is None or cell.get("text") is None:
                cells.append(Cell("gap", version.label, []))
                continue
            status = str(cell.get("status") or "same")
            badge, title = _badge(cell)
            cells.append(Cell(status, version.label, cell_parts(cell), badge, title))
        index = raw.get("index") if isinstance(raw.get("index"), int) else position
        paragraph = raw.get("paragraph") if isinstance(raw.get("paragraph"), int) else None
        kind = str(raw.get("kind") or "sentence")
        added_by = [c.label for c in cells if c.status == "added"]
        if kind == "headline":
            mark = "Headline"
        elif paragraph is None:
            mark = "added"
        else:
            mark = f"¶{paragraph + 1}"
        statuses = {c.status for v, c in zip(versions, cells) if not v.is_base}
        rows.append(Row(index, kind, paragraph, mark, cells, added_by,
                        minor_only="minor" in statuses and statuses <= {"minor", "same"}))
    return rows


def edit_groups(doc: dict[str, Any], versions: list[Version]) -> list[EditGroup]:
    """Edits grouped by version, in version order (edits of unknown versions last)."""
    groups = {v.id: EditGroup(v, []) for v in versions}
    for raw in _list(doc.get("edits")):
        if not isinstance(raw, dict):
            continue
        vid = str(raw.get("version", ""))
        if vid not in groups:
            groups[vid] = EditGroup(Version(vid, vid, vid, None, None, None, [], None, None, [], "", False), [])
        kind = str(raw.get("kind") or "edit")
        groups[vid].edits.append(Edit(
            kind=kind, kind_label=kind.replace("_", " "), label=_text(raw.get("label")),
            before=_text(raw.get("before")), after=_text(raw.get("after")),
            row=raw.get("row") if isinstance(raw.get("row"), int) else None, minor=kind == "minor"))
    return [g for g in groups.values() if g.edits]


def lead_rows(rows: list[Row]) -> tuple[Row | None, list[Row]]:
    """The headline row and the rows of the base's first paragraph."""
    title = next((r for r in rows if r.kind == "headline"), None)
    return title, [r for r in rows if r.kind != "headline" and r.paragraph == 0]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def cluster_page(doc: dict[str, Any]) -> dict[str, Any]:
    """Everything the cluster page template needs."""
    versions = versions_of(doc)
    rows = rows_of(doc, versions)
    title_row, lead = lead_rows(rows)
    labels = [v.label for v in versions]
    dated = [(v.label, v.published.utc, v.published.label) for v in versions if v.published]
    base = versions[0] if versions else None
    return {
        "id": str(doc.get("cluster", "")),
        "headline": headline(versions),
        "base": base,
        "base_reason": _text(doc.get("base_reason")),
        "versions": versions,
        "outlets": list(dict.fromkeys(v.source for v in versions)),
        "single": len(versions) <= 1,
        "identical": bool(doc.get("identical")) and len(versions) > 1,
        "summary": [str(s) for s in _list(doc.get("summary"))],
        "rows": rows,
        "title_row": title_row,
        "lead_rows": lead,
        "groups": edit_groups(doc, versions),
        "heatmap": charts.heatmap(labels, doc.get("similarity")),
        "timeline": charts.timeline(dated),
        "has_distinctive": any(v.distinctive for v in versions),
        "paragraphs": paragraphs(base.text) if base else [],
        "many": len(versions) > 4,
    }


def index_row(doc: dict[str, Any], name: str) -> dict[str, Any]:
    """One line of the index table."""
    versions = versions_of(doc)
    outlets = list(dict.fromkeys(v.source for v in versions))
    moments = [v.published for v in versions if v.published]
    first = min(moments, key=lambda m: m.utc) if moments else None
    score = divergence(doc, versions)
    cluster_id = str(doc.get("cluster", ""))
    title = headline(versions)
    return {
        "id": cluster_id, "href": f"clusters/{name}.html", "size": len(versions),
        "outlets": outlets[:MAX_OUTLETS_SHOWN], "more": max(0, len(outlets) - MAX_OUTLETS_SHOWN),
        "all_outlets": ", ".join(outlets), "first_seen": first,
        "headline": title, "divergence": score,
        "bar": f"{100 * min(max(score, 0.0), 1.0):.1f}%" if score is not None else None,
        "edits": framing_edits(doc),
        "search": " ".join([cluster_id, title or "", *outlets]).casefold(),
    }
