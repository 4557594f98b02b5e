"""Word-level differences inside one aligned row, from token opcodes (rapidfuzz)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from dedupe.align.model import Segment

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Block:
    """One change between base and version text: the words replaced, added or removed,
    with their character offsets in each text."""

    before: str
    after: str
    before_span: tuple[int, int]
    after_span: tuple[int, int]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _gap_offset(tokens: list[tuple[str, int, int]], index: int, text: str) -> int:
    """Where an insertion before token `index` sits in the text."""
    if index < len(tokens):
        return tokens[index][1]
    return len(text.rstrip()) if tokens else 0


def diff_words(before: str, after: str) -> tuple[list[Segment], list[Block]]:
    """Segments that cover both texts in order, and the change blocks among them.

    Consecutive insertions and deletions form one block, so "said on Tuesday" →
    "claimed" is one replacement rather than a deletion and an insertion.
    """
    a, b = _tokens(before), _tokens(after)
    opcodes = Indel.opcodes([t[0] for t in a], [t[0] for t in b])
    segments: list[Segment] = []
    blocks: list[Block] = []
    a_pos = b_pos = 0  # character cursors, so that whitespace stays with the segments
    pending: list = []

    def flush() -> None:
        nonlocal a_pos, b_pos
        if not pending:
            return
        i1, i2 = pending[0][1], pending[-1][2]
        j1, j2 = pending[0][3], pending[-1][4]
        a_start = a[i1][1] if i1 < i2 else _gap_offset(a, i1, before)
        a_end = a[i2 - 1][2] if i1 < i2 else a_start
        b_start = b[j1][1] if j1 < j2 else _gap_offset(b, j1, after)
        b_end = b[j2 - 1][2] if j1 < j2 else b_start
        if a_start > a_pos or b_start > b_pos:
            segments.append(Segment("equal", before[a_pos:a_start], after[b_pos:b_start]))
        op = "replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert")
        segments.append(Segment(op, before[a_start:a_end], after[b_start:b_end]))
        blocks.append(Block(before[a_start:a_end], after[b_start:b_end], (a_start, a_end), (b_start, b_end)))
        a_pos, b_pos = a_end, b_end
        pending.clear()

    for op in opcodes:
        if op.tag == "equal":
            flush()
            a_end, b_end = a[op.src_end - 1][2], b[op.dest_end - 1][2]
            segments.append(Segment("equal", before[a_pos:a_end], after[b_pos:b_end]))
            a_pos, b_pos = a_end, b_end
        else:
            pending.append((op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    flush()
    if a_pos < len(before) or b_pos < len(after):
        segments.append(Segment("equal", before[a_pos:], after[b_pos:]))
    return _merge_equal(segments), blocks


def _merge_equal(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and segment.op == "equal" and merged[-1].op == "equal":
            merged[-1] = Segment("equal", merged[-1].before + segment.before, merged[-1].after + segment.after)
        else:
            merged.append(segment)
    return merged
