"""Planters for edits to whole paragraphs and to the credits: dropped, added, moved,
truncated, credit changed. Same contract as the planters in `edits`."""

from __future__ import annotations

import random
import re

from benchmarks.planted import lexicon as lx
from benchmarks.planted.story import Draft, Paragraph, Sentence, parse_paragraph
from dedupe.text import detect_agencies, normalize

Edit = dict


# -- paragraphs ---------------------------------------------------------------------------

def _middle(draft: Draft) -> list[int]:
    """List positions of body paragraphs that are neither the first nor the last."""
    return draft.body_positions()[1:-1]


def plant_paragraph_dropped(draft: Draft, rng: random.Random) -> Edit | None:
    ps = draft.paragraphs
    found = [i for i in _middle(draft) if ps[i].free
             and ps[i - 1].origin is not None and ps[i + 1].origin is not None]
    if not found:
        return None
    i = rng.choice(found)
    para = ps.pop(i)
    draft.gaps.add((id(ps[i - 1]), id(ps[i])))
    return {"kind": "paragraph_dropped", "before": para.text, "after": "", "paragraph": para.origin}


def plant_paragraph_added(draft: Draft, rng: random.Random) -> Edit | None:
    ps = draft.paragraphs
    found = [i for i in draft.body_positions()[1:]
             if ps[i - 1].origin is not None and ps[i].origin is not None
             and (id(ps[i - 1]), id(ps[i])) not in draft.gaps]
    if not found:
        return None
    i = rng.choice(found)
    text = rng.choice(lx.ADDED_PARAGRAPHS)
    para = parse_paragraph(text, None)
    for sentence in para.sentences:
        sentence.touched = True
    ps.insert(i, para)
    return {"kind": "paragraph_added", "before": "", "after": text}


def plant_paragraph_moved(draft: Draft, rng: random.Random) -> Edit | None:
    ps = draft.paragraphs
    body = draft.body_positions()
    moves = []
    for j in range(1, len(body) - 1):
        if not ps[body[j]].free:
            continue
        for t in range(1, len(body) - 1):
            lo, hi = min(j, t), max(j, t)
            span = [ps[body[k]] for k in range(lo, hi + 1)]
            if abs(t - j) >= 2 and all(p.origin is not None for p in span) and not any(
                    (id(a), id(b)) in draft.gaps for a, b in zip(span, span[1:])):
                moves.append((j, t))
    if not moves:
        return None
    j, t = rng.choice(moves)
    para = ps[body[j]]
    for k in range(min(j, t), max(j, t) + 1):
        ps[body[k]].fixed = True
    ps.pop(body[j])
    rest = [i for i, p in enumerate(ps) if not p.furniture]
    ps.insert(rest[t], para)
    para.moved = True
    return {"kind": "paragraph_moved", "before": para.text, "after": para.text,
            "paragraph": para.origin, "to": t}


def plant_truncated(draft: Draft, rng: random.Random) -> Edit | None:
    ps = draft.paragraphs
    body = draft.body_positions()
    cuts = [k for k in range(2, len(body) - 1)
            if all(ps[i].free for i in body[k:])
            and not any(next_ in {id(ps[i]) for i in body[k:]} for _, next_ in draft.gaps)]
    if not cuts:
        return None
    k = rng.choice(cuts)
    removed = [ps[i] for i in body[k:]]
    ps[body[k - 1]].suffix = removed[-1].suffix  # a trailing 'REUTER' stays at the end
    for para in removed:
        ps.remove(para)
    return {"kind": "truncated", "before": "", "after": "", "after_paragraph": k,
            "paragraphs_removed": len(removed),
            "scope": {"before": "\n\n".join(p.body for p in removed), "after": ""}}


# -- credits ------------------------------------------------------------------------------

_AGENCY_IN_DATELINE_RE = re.compile(r"\(([^()]{1,40})\)")


def plant_credit_changed(draft: Draft, rng: random.Random) -> Edit | None:
    before_agencies = set(detect_agencies(normalize(draft.text)))
    new_agency = rng.choice([a for a in lx.AGENCIES if a not in before_agencies] or ["dpa"])
    body = draft.body_positions()
    first = draft.paragraphs[body[0]] if body else None
    options = ["line"] + (["dateline"] if first is not None and first.prefix else [])
    way = rng.choice(options)
    if way == "dateline":
        old_prefix = first.prefix
        match = _AGENCY_IN_DATELINE_RE.search(first.prefix)
        if match:
            old, new = match.group(0), f"({match.group(1)}, {new_agency})"
            first.prefix = first.prefix[:match.start()] + new + first.prefix[match.end():]
        else:
            old, new = "", f"({new_agency})"
            place = first.prefix.rstrip().rsplit(" ", 1)[0]
            first.prefix = f"{place} {new} {first.prefix[len(place):].lstrip()}"
        undo = lambda: setattr(first, "prefix", old_prefix)  # noqa: E731
    else:
        known = sorted(before_agencies & set(lx.AGENCIES), key=lx.AGENCIES.index)
        old, new = "", f"{rng.choice(lx.INITIALS)} ({', '.join(known + [new_agency])})"
        draft.paragraphs.append(Paragraph([Sentence(new, [], True, touched=True)], None, furniture=True))
        undo = draft.paragraphs.pop
    if set(detect_agencies(normalize(draft.text))) == before_agencies:
        undo()  # the comparison could not see this credit change: plant another kind instead
        return None
    return {"kind": "credit_changed", "before": old, "after": new}
