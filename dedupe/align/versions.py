"""Aligning N versions of one story to a base version, sentence by sentence.

Each version is paired with the base separately (a star alignment, as CollateX does with a
witness against the base text): an in-order dynamic-programming alignment of fuzzy-matching
sentences, then out-of-order matches reported as moves, then split and merged sentences.
The pairings are combined into rows: groups of base sentences, one cell per version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from dedupe.align.model import Alignment, Cell, Row, Segment, Sentence
from dedupe.align.words import diff_words

MATCH = 0.5
"""Similarity (rapidfuzz ratio / 100) from which two sentences can be the same unit in order."""
MOVE = 0.75
"""Similarity from which an out-of-order pair is the same sentence, moved."""
JOIN_GAIN = 0.08
"""How much joining a neighbour must improve a match to count as a split or merge."""
BETTER_ELSEWHERE = 0.2
"""How much better a sentence's best partner must be to forbid pairing it with another."""
SHARE_ADDED = 0.6
"""Similarity from which sentences added by two versions share one row."""


@dataclass
class Pairing:
    """How one version's sentences map onto the base's."""

    matches: dict[int, list[int]] = field(default_factory=dict)  # base sentence → version sentences
    moved: set[int] = field(default_factory=set)  # base sentences matched out of order
    merged: list[tuple[int, int]] = field(default_factory=list)  # base sentences sharing one version sentence


def _similarity(base: list[str], version: list[str]) -> np.ndarray:
    if not base or not version:
        return np.zeros((len(base), len(version)))
    return cdist([s.casefold() for s in base], [s.casefold() for s in version], scorer=fuzz.ratio,
                 dtype=np.float32) / 100.0


def _in_order(sim: np.ndarray) -> list[tuple[int, int]]:
    """Monotone matching maximising the summed excess similarity over MATCH."""
    n, m = sim.shape
    # A pair is not matched in order when either sentence has a far better partner
    # elsewhere: that partner is the same sentence, moved (templated paragraphs of a
    # report look alike, and must not be paired with each other).
    best = np.maximum(sim.max(axis=1, initial=0)[:, None], sim.max(axis=0, initial=0)[None, :])
    allowed = (sim >= MATCH) & (sim >= best - BETTER_ELSEWHERE)
    gain = np.where(allowed, sim - MATCH + 1e-3, -np.inf)
    table = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        step = np.maximum(table[i - 1, 1:], table[i - 1, :-1] + gain[i - 1])
        table[i, 1:] = np.maximum.accumulate(np.maximum(step, table[i, 0]))
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        if table[i, j] == table[i, j - 1]:
            j -= 1
        elif table[i, j] == table[i - 1, j]:
            i -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _joined(sentences: list[Sentence], indices: list[int]) -> str:
    return " ".join(sentences[k].text for k in sorted(indices))


def pair_versions(base: list[Sentence], version: list[Sentence]) -> Pairing:
    """Map a version's sentences onto the base's: in order, moved, split and merged."""
    sim = _similarity([s.text for s in base], [s.text for s in version])
    pairing = Pairing()
    for i, j in _in_order(sim):
        pairing.matches[i] = [j]
    used = {j for js in pairing.matches.values() for j in js}
    # Out of order: the best remaining pairs above MOVE, greedily.
    free_b = [i for i in range(len(base)) if i not in pairing.matches]
    free_v = [j for j in range(len(version)) if j not in used]
    if free_b and free_v:
        sub = sim[np.ix_(free_b, free_v)]
        for flat in np.argsort(-sub, axis=None, kind="stable"):
            a, b = divmod(int(flat), len(free_v))
            if sub[a, b] < MOVE:
                break
            i, j = free_b[a], free_v[b]
            if i in pairing.matches or j in used:
                continue
            pairing.matches[i] = [j]
            pairing.moved.add(i)
            used.add(j)
    _moves_by_paragraph(base, version, pairing)
    _attach_splits(base, version, pairing, sim, used)
    _attach_merges(base, version, pairing, sim)
    return pairing


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest non-decreasing subsequence (the earliest such, deterministic)."""
    best = [1] * len(values)
    back = [-1] * len(values)
    for k in range(len(values)):
        for prev in range(k):
            if values[prev] <= values[k] and best[prev] + 1 > best[k]:
                best[k], back[k] = best[prev] + 1, prev
    if not values:
        return set()
    k = max(range(len(values)), key=lambda x: (best[x], -x))
    chosen = set()
    while k >= 0:
        chosen.add(k)
        k = back[k]
    return chosen


def _moves_by_paragraph(base: list[Sentence], version: list[Sentence], pairing: Pairing) -> None:
    """Decide moves paragraph by paragraph: the fewest base paragraphs out of order moved.

    The sentence-level alignment keeps the longest chain of sentences in order, so one long
    paragraph moved past two short ones would look like the two short ones moving. Here
    whole paragraphs are ranked by where they landed, and only those off the longest
    increasing run of paragraphs count as moved.
    """
    landed: dict[int, list[int]] = {}
    for i, js in pairing.matches.items():
        landed.setdefault(base[i].paragraph, []).append(version[js[0]].paragraph)
    order = sorted(landed)
    if len(order) < 2:
        return
    target = [min(landed[p]) for p in order]
    in_order = {order[k] for k in _longest_increasing(target)}
    home = {p: min(landed[p]) for p in order}
    moved = set()
    for i, js in pairing.matches.items():
        paragraph = base[i].paragraph
        if paragraph not in in_order or (i in pairing.moved and version[js[0]].paragraph != home[paragraph]):
            moved.add(i)
    pairing.moved = moved


def _attach_splits(base, version, pairing: Pairing, sim: np.ndarray, used: set[int]) -> None:
    """A version sentence left over next to a matched one may be the other half of a split."""
    owner = {js[0]: i for i, js in pairing.matches.items()}
    for j in range(len(version)):
        if j in used:
            continue
        for neighbour in (j - 1, j + 1):
            i = owner.get(neighbour)
            if i is None or version[neighbour].paragraph != version[j].paragraph:
                continue
            joined = _joined(version, pairing.matches[i] + [j])
            if fuzz.ratio(base[i].text.casefold(), joined.casefold()) / 100 >= max(sim[i, neighbour], MATCH) + JOIN_GAIN:
                pairing.matches[i] = sorted(pairing.matches[i] + [j])
                used.add(j)
                break


def _attach_merges(base, version, pairing: Pairing, sim: np.ndarray) -> None:
    """A base sentence left over next to a matched one may have been merged into its match."""
    for i in range(len(base)):
        if i in pairing.matches:
            continue
        for neighbour in (i - 1, i + 1):
            js = pairing.matches.get(neighbour)
            if not js or neighbour in pairing.moved or base[neighbour].paragraph != base[i].paragraph:
                continue
            joined = _joined(base, [i, neighbour])
            best = max(sim[neighbour, j] for j in js)
            if fuzz.ratio(joined.casefold(), _joined(version, js).casefold()) / 100 >= max(best, MATCH) + JOIN_GAIN:
                pairing.matches[i] = list(js)
                pairing.merged.append((min(i, neighbour), max(i, neighbour)))
                break


def _row_groups(n_base: int, pairings: list[Pairing]) -> list[list[int]]:
    """Consecutive base sentences that some version merged become one row."""
    joined_with_next = np.zeros(max(n_base, 1), dtype=bool)
    for pairing in pairings:
        for a, b in pairing.merged:
            joined_with_next[a:b] = True
    groups, current = [], []
    for i in range(n_base):
        current.append(i)
        if not joined_with_next[i]:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _cell(version_id: str, version: list[Sentence], indices: list[int], status: str) -> Cell:
    chosen = [version[k] for k in sorted(set(indices))]
    return Cell(version=version_id, sentences=sorted(set(indices)), text=" ".join(s.text for s in chosen),
                paragraph=chosen[0].paragraph, span=(chosen[0].start, chosen[-1].end), status=status)


def align_versions(ids: list[str], titles: list[str | None], sentences: list[list[Sentence]]) -> Alignment:
    """Rows of the story across versions; the first id is the base."""
    base = sentences[0]
    pairings = [pair_versions(base, s) for s in sentences[1:]]
    groups = _row_groups(len(base), pairings)
    headline = Row("headline", None, [Cell(v, text=t, status="base" if k == 0 else "gap" if t is None else "same")
                                       for k, (v, t) in enumerate(zip(ids, titles))])
    rows = [headline]
    for group in groups:
        cells = [_cell(ids[0], base, group, "base")]
        for vid, version, pairing in zip(ids[1:], sentences[1:], pairings):
            matched = [j for i in group for j in pairing.matches.get(i, [])]
            if not matched:
                cells.append(Cell(vid))
                continue
            moved = any(i in pairing.moved for i in group)
            cell = _cell(vid, version, matched, "moved" if moved else "same")
            if moved:
                cell.moved_from = cell.paragraph
            cells.append(cell)
        rows.append(Row("sentence", base[group[0]].paragraph, cells, base_sentences=group))
    rows = _insert_added(rows, ids, sentences, pairings)
    _diff_cells(rows)
    return Alignment(base=ids[0], versions=list(ids), rows=rows)


def _insert_added(rows: list[Row], ids: list[str], sentences: list[list[Sentence]],
                  pairings: list[Pairing]) -> list[Row]:
    """Rows for sentences only a version has, placed after that version's previous sentence."""
    after_row: dict[int, list[Row]] = {}
    for k, (version, pairing) in enumerate(zip(sentences[1:], pairings), start=1):
        used = {j for js in pairing.matches.values() for j in js}
        row_of = {j: r for r, row in enumerate(rows) if row.kind == "sentence"
                  for j in row.cells[k].sentences if row.cells[k].status != "moved"}
        anchor, run = 0, []
        for j in range(len(version) + 1):
            if j < len(version) and j not in used:
                if run and version[run[-1]].paragraph != version[j].paragraph:
                    _place(after_row, anchor, ids, k, version, run)
                    run = []
                run.append(j)
                continue
            if run:
                _place(after_row, anchor, ids, k, version, run)
                run = []
            if j < len(version) and j in row_of:
                anchor = row_of[j]
    ordered = []
    for r, row in enumerate(rows):
        ordered.append(row)
        ordered.extend(after_row.get(r, []))
    return ordered


def _place(after_row: dict[int, list[Row]], anchor: int, ids: list[str], k: int, version: list[Sentence],
           run: list[int]) -> None:
    cell = _cell(ids[k], version, run, "added")
    for row in after_row.get(anchor, []):
        other = next(c for c in row.cells if c.text is not None)
        if row.cells[k].text is None and fuzz.ratio(other.text.casefold(), cell.text.casefold()) / 100 >= SHARE_ADDED:
            row.cells[k] = cell
            return
    cells = [Cell(v) for v in ids]
    cells[k] = cell
    after_row.setdefault(anchor, []).append(Row("sentence", None, cells))


def _diff_cells(rows: list[Row]) -> None:
    """Word-level differences of every cell against the base cell of its row."""
    for row in rows:
        base = row.cells[0]
        for cell in row.cells[1:]:
            if cell.text is None or base.text is None or cell.status == "added":
                continue
            if cell.text == base.text:  # most cells of most versions: nothing to diff
                cell.diff = [Segment("equal", base.text, cell.text)]
                continue
            cell.diff, blocks = diff_words(base.text, cell.text)
            if cell.status == "same" and blocks:
                cell.status = "changed"
