"""Edits visible from the alignment's shape: paragraphs added, dropped and moved,
truncation, headline and lead rewrites, and differences in agency credits."""

from __future__ import annotations

from rapidfuzz import fuzz

from dedupe.align import Alignment, Cell, Sentence
from dedupe.compare.edits import Edit, shorten
from dedupe.text import tokenize

LEAD_REWRITE = 0.85
"""A lead whose similarity to the base's lead is below this was rewritten, not edited."""
OPENING_WORDS = 3
"""A lead whose first words differ ("Boeing said its order..." → "Its order...") was rewritten too."""


def insertion_point(alignment: Alignment, column: int, row_index: int) -> tuple[int, int]:
    """Where text missing from a version would have stood: the end of its previous cell."""
    for row in reversed(alignment.rows[1:row_index]):
        cell = row.cells[column]
        if cell.span is not None and cell.status != "moved":
            return (cell.span[1], cell.span[1])
    return (0, 0)


def covering(cells: list[Cell]) -> tuple[int, int]:
    """The stretch of a version's text that holds these cells: in base order, they may
    stand in the version in another order (sentences reordered, a paragraph scattered)."""
    return min(c.span[0] for c in cells), max(c.span[1] for c in cells)


def headline_edit(alignment: Alignment, column: int, minor: bool) -> Edit | None:
    base, cell = alignment.rows[0].cells[0], alignment.rows[0].cells[column]
    if cell.text is None or base.text is None or cell.text == base.text:
        return None
    kind = "minor" if minor else "headline_changed"
    label = "headline punctuation or case" if minor else f"headline rewritten: “{shorten(cell.text, 80)}”"
    return Edit(kind, cell.version, base.text, cell.text, None, label, 0)


def replaced_lead(alignment: Alignment, column: int) -> list[Cell]:
    """The version's own first paragraph when none of the base's lead matched it at all."""
    lead_rows = [r for r in alignment.rows[1:] if r.paragraph == 0]
    if any(r.cells[column].text is not None for r in lead_rows):
        return []
    return [r.cells[column] for r in alignment.rows[1:]
            if r.cells[column].status == "added" and r.cells[column].paragraph == 0]


def _opening(text: str) -> list[str]:
    """The first words of a lead, which readers see first: changing them rewrites the lead."""
    return tokenize(text)[:OPENING_WORDS]


def lead_edit(alignment: Alignment, column: int) -> Edit | None:
    """The first paragraph rewritten as a whole (not just a word changed in it)."""
    rows = [r for r in alignment.rows[1:] if r.paragraph == 0]
    base = " ".join(r.cells[0].text for r in rows if r.cells[0].text)
    cells = ([r.cells[column] for r in rows if r.cells[column].text and r.cells[column].status != "moved"]
             or replaced_lead(alignment, column))
    if not base or not cells:
        return None
    after = " ".join(c.text for c in cells)
    # The lead sentence carries the lead: rewriting it rewrites the lead, however long the paragraph.
    first_base, first_after = rows[0].cells[0].text or base, cells[0].text
    if (fuzz.ratio(first_base.casefold(), first_after.casefold()) / 100 >= LEAD_REWRITE
            and _opening(base) == _opening(after)):
        return None
    return Edit("lead_changed", cells[0].version, base, after, covering(cells),
                f"lead rewritten: “{shorten(after, 80)}”", alignment.rows.index(rows[0]))


def _paragraphs_of(rows, column: int) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for index, row in rows:
        cell = row.cells[column]
        if cell.paragraph is not None:
            found.setdefault(cell.paragraph, []).append(index)
    return found


def last_kept_paragraph(alignment: Alignment, column: int) -> int:
    """The last base paragraph a version still carries (-1 if none): after it, it was cut."""
    kept = [r.paragraph for r in alignment.rows[1:] if r.paragraph is not None and r.cells[column].text is not None]
    return max(kept) if kept else -1


def paragraph_edits(alignment: Alignment, column: int, version_sentences: list[Sentence],
                    base_paragraph_count: int) -> list[Edit]:
    """Dropped, added and moved paragraphs and sentences, and truncation, for one version."""
    rows = list(enumerate(alignment.rows))[1:]
    version_id = alignment.versions[column]
    edits: list[Edit] = []
    last_kept = last_kept_paragraph(alignment, column)
    # A lead the alignment could not pair is reported as rewritten, unless it reads the same;
    # then its paragraphs count as dropped and added like any other.
    lead_replaced = bool(replaced_lead(alignment, column)) and lead_edit(alignment, column) is not None

    base_paragraphs = _paragraphs_of([(i, r) for i, r in rows if r.paragraph is not None], 0)
    for paragraph, indices in sorted(base_paragraphs.items()):
        cells = [alignment.rows[i].cells[column] for i in indices]
        base_text = " ".join(alignment.rows[i].cells[0].text for i in indices)
        if paragraph > last_kept or (paragraph == 0 and lead_replaced):
            continue  # reported once as the truncation or the rewritten lead
        if all(c.text is None for c in cells):
            edits.append(Edit("paragraph_dropped", version_id, base_text, "",
                              insertion_point(alignment, column, indices[0]),
                              f"paragraph {paragraph + 1} dropped: “{shorten(base_text)}”", indices[0]))
        elif all(c.status == "moved" for c in cells if c.text is not None) and all(c.text for c in cells):
            to = cells[0].paragraph
            edits.append(Edit("paragraph_moved", version_id, base_text, " ".join(c.text for c in cells),
                              covering(cells), f"paragraph {paragraph + 1} moved to position {to + 1}", indices[0]))
        else:
            for i, cell in zip(indices, cells):
                base_cell = alignment.rows[i].cells[0]
                if cell.text is None:
                    edits.append(Edit("sentence_dropped", version_id, base_cell.text, "",
                                      insertion_point(alignment, column, i),
                                      f"sentence dropped: “{shorten(base_cell.text)}”", i))
                elif cell.status == "moved":
                    edits.append(Edit("sentence_moved", version_id, base_cell.text, cell.text, cell.span,
                                      f"sentence moved to paragraph {cell.paragraph + 1}", i))
    # A version that keeps none of the base's paragraphs (an empty body) is truncated too,
    # after the lead if it wrote its own.
    if max(last_kept + 1, int(lead_replaced)) < base_paragraph_count:
        cut = [i for i, r in rows if r.paragraph is not None and r.paragraph > last_kept]
        label = (f"stops after paragraph {last_kept + 1} of {base_paragraph_count}" if last_kept >= 0
                 else f"keeps none of the base's {base_paragraph_count} paragraph" + "s" * (base_paragraph_count > 1))
        edits.append(Edit("truncated", version_id, "", "", insertion_point(alignment, column, cut[0]), label, cut[0]))
    edits += _added(alignment, column, version_sentences, skip_first=lead_replaced)
    return edits


def _added(alignment: Alignment, column: int, version_sentences: list[Sentence], skip_first: bool) -> list[Edit]:
    """Whole paragraphs a version added, or single added sentences (not a rewritten lead)."""
    added = [(i, r.cells[column]) for i, r in enumerate(alignment.rows) if r.cells[column].status == "added"]
    per_paragraph: dict[int, int] = {}
    for sentence in version_sentences:
        per_paragraph[sentence.paragraph] = per_paragraph.get(sentence.paragraph, 0) + 1
    edits, by_paragraph = [], {}
    for index, cell in added:
        by_paragraph.setdefault(cell.paragraph, []).append((index, cell))
    for paragraph, items in sorted(by_paragraph.items()):
        if paragraph == 0 and skip_first:
            continue
        count = sum(len(c.sentences) for _, c in items)
        if count == per_paragraph.get(paragraph, 0):
            text = " ".join(c.text for _, c in items)
            edits.append(Edit("paragraph_added", items[0][1].version, "", text,
                              (items[0][1].span[0], items[-1][1].span[1]),
                              f"paragraph added: “{shorten(text)}”", items[0][0]))
        else:
            edits += [Edit("sentence_added", c.version, "", c.text, c.span, f"sentence added: “{shorten(c.text)}”", i)
                      for i, c in items]
    return edits


def credit_edit(version_id: str, base_agencies: list[str], agencies: list[str]) -> Edit | None:
    if list(base_agencies) == list(agencies):
        return None
    before, after = ", ".join(base_agencies) or "no agency", ", ".join(agencies) or "no agency"
    return Edit("credit_changed", version_id, before, after, None, f"credits {after} where the base credits {before}")
