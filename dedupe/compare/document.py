"""Comparing the versions of one story: alignment, classified edits, similarity, summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import numpy as np

from dedupe.align import Alignment, Cell, Sentence, align_versions, split_sentences
from dedupe.compare.edits import Edit
from dedupe.compare.framing import (added_quotes, classify_block, compare_quotes, distinctive_terms, find_quotes,
                                    summarize)
from dedupe.compare.structure import (insertion_point, credit_edit, headline_edit, last_kept_paragraph, lead_edit,
                                      paragraph_edits)
from dedupe.errors import InputError
from dedupe.minhash import shingle_set
from dedupe.model import Article
from dedupe.text import clean_for_matching
from dedupe.verify import overlap

_EPOCH = datetime(1, 1, 1, tzinfo=timezone.utc)


@dataclass
class Version:
    article: Article
    text: str  # normalized body without boilerplate: what is aligned and what spans point into
    agencies: list[str]
    sentences: list[Sentence]


def prepare(article: Article) -> Version:
    """The version's text as the clustering saw it (no title fallback: the title is row 0)."""
    clean = clean_for_matching(article.text or "")
    return Version(article, clean.text, list(clean.agencies), split_sentences(clean.text))


def choose_base(versions: list[Version], base: str | None) -> tuple[list[Version], str]:
    """The base first, then the others by publication time and id; and why that base."""
    by_time = sorted(versions, key=lambda v: (v.article.published is None, v.article.published or _EPOCH,
                                              -len(v.text.split()), v.article.id))
    if base is not None:
        chosen = next((v for v in versions if v.article.id == base), None)
        if chosen is None:
            raise InputError(f"--base {base!r} is not an article of this cluster")
        reason = "chosen with --base"
    else:
        chosen = by_time[0]
        reason = "earliest published" if chosen.article.published else "most complete (no dates)"
    return [chosen] + [v for v in by_time if v is not chosen], reason


def _similarity_matrix(versions: list[Version]) -> np.ndarray:
    """Story similarity of every pair: Jaccard of word 4-grams, or containment of the shorter."""
    sets = [shingle_set(v.text, 4) for v in versions]
    n = len(sets)
    matrix = np.eye(n)
    for a in range(n):
        for b in range(a + 1, n):
            common = overlap(sets[a], sets[b])
            union = len(sets[a]) + len(sets[b]) - common
            smaller = min(len(sets[a]), len(sets[b]))
            value = max(common / union if union else 1.0, common / smaller if smaller else 0.0)
            matrix[a, b] = matrix[b, a] = round(value, 3)
    return matrix


def _in_version(cell: Cell, sentences: list[Sentence], position: int) -> int:
    """Where `position` in a cell's text is in the version's text. The cell joins its
    sentences with one space, while the version may have a paragraph break, no space (CJK)
    or another row's sentence between them."""
    start = 0
    for k in cell.sentences:
        sentence = sentences[k]
        if position <= start + len(sentence.text):
            return sentence.start + max(position - start, 0)
        start += len(sentence.text) + 1
    return sentences[cell.sentences[-1]].end


def _word_edits(alignment: Alignment, column: int, sentences: list[Sentence]) -> list[Edit]:
    """Classified word-level changes inside every aligned row of one version."""
    edits = []
    for index, row in enumerate(alignment.rows[1:], start=1):
        cell, base = row.cells[column], row.cells[0]
        if not cell.diff or base.text is None or cell.status == "added":
            continue
        cursor, all_minor = 0, True
        for segment in cell.diff:
            start = cursor
            cursor += len(segment.after)
            if segment.op == "equal":
                continue
            findings = classify_block(segment.before, segment.after, base.text, cell.text)
            segment.minor = all(f.kind == "minor" for f in findings)
            all_minor &= segment.minor
            for f in findings:
                lo, hi = (start + f.offset[0], start + f.offset[1]) if f.offset else (start, cursor)
                span = (_in_version(cell, sentences, lo), _in_version(cell, sentences, hi))
                edits.append(Edit(f.kind, cell.version, f.before, f.after, span, f.label, index))
        if all_minor and cell.status == "changed":
            cell.status = "minor"
    return edits


DISTINCTIVE_CHARS = 200_000
"""Text per version that distinctive terms are computed on (a scanned book page can be megabytes)."""
MIN_QUOTE_WORDS = 4
"""Shorter quotations are scare quotes ("Ring of Fire"), not someone's words."""


def _quotes(text: str) -> list:
    return [q for q in find_quotes(text) if len(q.text.split()) >= MIN_QUOTE_WORDS]


def _quote_edits(alignment: Alignment, column: int, base: Version, version: Version) -> list[Edit]:
    """Quotations dropped, shortened or paraphrased (not those cut with a truncated end), and added."""
    edits = []
    last_kept = last_kept_paragraph(alignment, column)
    # A quote is looked for where it can be: in its own row, or in text only this version has.
    # Not elsewhere, where the same words may stand in a sentence the base has too.
    added = " ".join(r.cells[column].text for r in alignment.rows[1:] if r.cells[column].status == "added")
    for index, row in enumerate(alignment.rows[1:], start=1):
        base_cell, cell = row.cells[0], row.cells[column]
        if base_cell.text is None or base_cell.text == cell.text or (row.paragraph is not None and row.paragraph > last_kept):
            continue  # nothing to look for, or cut with the truncated end
        span = cell.span or insertion_point(alignment, column, index)
        for f in compare_quotes(_quotes(base_cell.text), f"{cell.text or ''}\n\n{added}"):
            edits.append(Edit(f.kind, cell.version, f.before, f.after, span, f.label, index))
    # Only text the version changed or added can hold a new quotation.
    touched = {k for r in alignment.rows[1:] if r.cells[column].status in ("changed", "added")
               for k in r.cells[column].sentences}
    version_quotes = [q for k in sorted(touched) for q in _quotes(version.sentences[k].text)]
    for f in added_quotes(base.text, version_quotes):
        start = version.text.find(f.after)
        edits.append(Edit(f.kind, version.article.id, f.before, f.after,
                          (start, start + len(f.after)) if start >= 0 else None, f.label, None))
    return edits


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def compare_articles(articles: list[Article], cluster_id: str, base: str | None = None) -> dict[str, Any]:
    """The comparison document of one cluster (see README, "Cluster comparison documents")."""
    versions, reason = choose_base([prepare(a) for a in articles], base)
    ids = [v.article.id for v in versions]
    alignment = align_versions(ids, [v.article.title for v in versions], [v.sentences for v in versions])
    base_version = versions[0]
    base_paragraphs = 1 + max((s.paragraph for s in base_version.sentences), default=-1)
    edits: list[Edit] = []
    for column, version in enumerate(versions[1:], start=1):
        title_diff = alignment.rows[0].cells[column]
        minor_title = (title_diff.text is not None and base_version.article.title is not None
                       and all(f.kind == "minor" for f in classify_block(base_version.article.title, title_diff.text,
                                                                          base_version.article.title, title_diff.text)))
        found = [headline_edit(alignment, column, minor_title), lead_edit(alignment, column),
                 credit_edit(version.article.id, base_version.agencies, version.agencies)]
        edits += [e for e in found if e is not None]
        edits += paragraph_edits(alignment, column, version.sentences, base_paragraphs)
        edits += _word_edits(alignment, column, version.sentences)
        edits += _quote_edits(alignment, column, base_version, version)
        if title_diff.text is not None and title_diff.text != base_version.article.title:
            title_diff.status = "minor" if minor_title else "changed"
    similarity = _similarity_matrix(versions)
    distinctive = distinctive_terms({v.article.id: v.text[:DISTINCTIVE_CHARS] for v in versions})
    version_docs = [{
        "id": v.article.id, "source": v.article.source, "title": v.article.title, "published": _iso(v.article.published),
        "url": v.article.url, "agencies": v.agencies, "text": v.text, "words": len(v.text.split()),
        "similarity_to_base": float(similarity[0, k]), "distinctive": [[t, s] for t, s in distinctive.get(v.article.id, [])],
    } for k, v in enumerate(versions)]
    edit_docs = [e.to_json() for e in edits]
    identical = all(v.text == base_version.text and v.article.title == base_version.article.title for v in versions)
    return {
        "cluster": cluster_id, "base": ids[0], "base_reason": reason, "identical": identical,
        "versions": version_docs, "similarity": similarity.tolist(),
        "rows": [row.to_json(i) for i, row in enumerate(alignment.rows)],
        "edits": edit_docs, "summary": summarize(edit_docs, version_docs, ids[0]),
    }
