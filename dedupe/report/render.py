"""Writing the HTML report: an index of clusters, and one page plus its JSON per cluster.

Pages are self-contained and offline: CSS and JS are inlined, and a Content-Security-Policy
allows no network at all and only the page's own script (by hash), so even an escaping bug
could not run injected script. Output depends only on the input: no clock, no randomness.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Sized
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from dedupe.errors import InputError
from dedupe.io.write import atomic_write
from dedupe.progress import NullProgress, Progress
from dedupe.report import view
from dedupe.report.names import safe_name

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src {script}; img-src data:; "
       "base-uri 'none'; form-action 'none'")


@dataclass(frozen=True)
class Page:
    """A compiled template with the stylesheet, script and policy it is inlined with."""

    template: Template
    css: Markup
    script: Markup
    csp: str

    def render(self, **context: Any) -> str:
        return self.template.render(css=self.css, script=self.script, csp=self.csp, **context)


def _static(name: str) -> str:
    text = resources.files("dedupe.report").joinpath("static", name).read_text(encoding="utf-8")
    if "</" in text or "<!--" in text:  # would end the inline <style> or <script> early
        raise RuntimeError(f"static/{name} must not contain '</' or '<!--'")
    return text


@lru_cache(maxsize=None)
def _pages() -> dict[str, Page]:
    """Compile the templates and read the static files once per process."""
    env = Environment(loader=PackageLoader("dedupe.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    css = Markup(_static("report.css"))
    pages = {}
    for name, script_file in (("index", "index.js"), ("cluster", "cluster.js")):
        script = _static(script_file)
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        pages[name] = Page(env.get_template(f"{name}.html"), css, Markup(script),
                           CSP.format(script=f"'sha256-{digest}'"))
    return pages


def _prepare(out_dir: Path) -> Path:
    """Create out_dir and out_dir/clusters; the parent of out_dir must already exist."""
    parent = out_dir.absolute().parent
    if not parent.is_dir():
        raise InputError(f"cannot write the report: directory {parent} does not exist")
    clusters = out_dir / "clusters"
    try:
        out_dir.mkdir(exist_ok=True)
        clusters.mkdir(exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"cannot write the report: {out_dir} exists and is not a directory") from None
    except OSError as error:
        raise InputError(f"cannot write the report in {out_dir}: {error.strerror or error}") from None
    return clusters


def _run_header(run_info: dict[str, Any], clusters: int) -> dict[str, Any]:
    corpus = run_info.get("corpus") or []
    if not isinstance(corpus, (list, tuple)):
        corpus = [corpus]
    options = run_info.get("options") if isinstance(run_info.get("options"), dict) else {}
    return {
        "corpus": [str(p) for p in corpus],
        "articles": run_info.get("articles", "unknown"),
        "clusters": run_info.get("clusters", clusters),
        "created_with": run_info.get("created_with", "dedupe"),
        "options": [(str(k), v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True, default=str))
                    for k, v in sorted(options.items(), key=lambda kv: str(kv[0]))],
    }


def _write(path: Path, text: str) -> None:
    with atomic_write(path) as stream:
        stream.write(text)


def _file_name(cluster_id: str, taken: set[str]) -> str:
    """A safe name that no earlier cluster has, even on a case-insensitive file system."""
    name = safe_name(cluster_id)
    if name.casefold() in taken:
        digest = hashlib.sha256(cluster_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = f"{name[:90]}-{digest}"
    taken.add(name.casefold())
    return name


def write_report(out_dir: Path, documents: Iterable[dict], run_info: dict,
                 progress: Progress | None = None) -> Path:
    """Write index.html and, per cluster, clusters/<name>.html and clusters/<name>.json.

    `documents` are cluster comparison documents (see the README), streamed: only one index
    line per cluster is kept in memory. Returns the path of index.html.
    """
    out_dir = Path(out_dir)
    clusters_dir = _prepare(out_dir)
    pages = _pages()
    task = (progress or NullProgress()).task("report", len(documents) if isinstance(documents, Sized) else None)
    index_rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    taken: set[str] = set()
    try:
        for position, doc in enumerate(documents):
            if not isinstance(doc, dict) or not isinstance(doc.get("cluster"), (str, int)):
                raise InputError(f"comparison document {position + 1} has no cluster id")
            cluster_id = str(doc["cluster"])
            if cluster_id in seen:
                raise InputError(f"cluster id {cluster_id!r} appears twice")
            seen.add(cluster_id)
            name = _file_name(cluster_id, taken)
            _write(clusters_dir / f"{name}.json", json.dumps(doc, ensure_ascii=False))
            _write(clusters_dir / f"{name}.html", pages["cluster"].render(page=view.cluster_page(doc), name=name))
            index_rows.append(view.index_row(doc, name))
            task.advance(1)
    finally:
        task.close()
    index = out_dir / "index.html"
    _write(index, pages["index"].render(run=_run_header(run_info or {}, len(index_rows)), rows=index_rows))
    _remove_stale(clusters_dir, taken)
    return index


def _remove_stale(clusters_dir: Path, names: set[str]) -> None:
    """Remove pages and documents an earlier run wrote for clusters this run does not have
    (`names` are the casefolded names written now)."""
    for path in clusters_dir.iterdir():
        if path.suffix in (".html", ".json") and path.stem.casefold() not in names and path.is_file():
            path.unlink()
