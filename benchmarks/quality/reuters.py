"""Real base text for the quality benchmark: Reuters-21578 dev stories and their ground truth.

Ground truth for real records: distinct Reuters ids are distinct stories, EXCEPT pairs whose
exact word 5-gram Jaccard is >= 0.9 and that were filed on the same date, which are re-sends
of one story (the wire repeats a story with a corrected word or a new slug). Everything here is
computed exactly over the whole dev file, so the rule does not depend on what was sampled.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from benchmarks.exact_pairs import exact_scores
from benchmarks.planted.bases import reflow

REUTERS = Path(__file__).resolve().parents[3] / "shared/corpora/reuters21578/reuters21578-dev.jsonl"
RESEND_JACCARD = 0.9
"""Same-date pairs at or above this exact word 5-gram Jaccard are re-sends of one story."""
LOOKALIKE_JACCARD = 0.5
"""Non-re-send pairs at or above this are look-alikes: templates (another day) or updates."""
MIN_WORDS = 8


@dataclass(frozen=True)
class Record:
    id: str
    title: str
    dateline: str
    paragraphs: tuple[str, ...]
    published: datetime
    topics: tuple[str, ...]
    places: tuple[str, ...]

    @property
    def day(self) -> str:
        return self.published.date().isoformat()

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass
class Reuters:
    """The dev file with its exact look-alike structure."""

    records: list[Record]
    by_id: dict[str, Record] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    """Reuters id -> ground-truth story id (the smallest id of its re-send group)."""
    lookalikes: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    """Reuters id -> other records of another story with exact Jaccard >= LOOKALIKE_JACCARD."""
    resend_pairs: int = 0


def parse_published(stamp: str) -> datetime:
    """'26-FEB-1987 15:01:01.79' -> aware UTC datetime."""
    return datetime.strptime(stamp.strip().split(".")[0], "%d-%b-%Y %H:%M:%S").replace(tzinfo=timezone.utc)


def read_records(path: Path = REUTERS) -> list[Record]:
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            raw = json.loads(line)
            paragraphs = tuple(p for p in reflow(raw.get("text") or "").split("\n\n") if p.strip())
            if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
                continue
            records.append(Record(
                id=str(raw["id"]), title=" ".join((raw.get("title") or "").split()),
                dateline=" ".join((raw.get("dateline") or "").split()), paragraphs=paragraphs,
                published=parse_published(raw["published"]), topics=tuple(raw.get("topics") or ()),
                places=tuple(raw.get("places") or ())))
    return records


def load(path: Path = REUTERS) -> Reuters | None:
    """The dev file with re-send groups and look-alikes, or None when it is absent."""
    if not path.exists():
        return None
    records = read_records(path)
    corpus = Reuters(records, by_id={r.id: r for r in records})
    pairs, jaccard, _ = exact_scores(["\n\n".join(r.paragraphs) for r in records], 5)
    parent = list(range(len(records)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    close = jaccard >= LOOKALIKE_JACCARD
    for (a, b), j in zip(pairs[close].tolist(), jaccard[close].tolist()):
        if j >= RESEND_JACCARD and records[a].day == records[b].day:
            corpus.resend_pairs += 1
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    for (a, b), j in zip(pairs[close].tolist(), jaccard[close].tolist()):
        if root(a) != root(b):
            corpus.lookalikes.setdefault(records[a].id, []).append((records[b].id, j))
            corpus.lookalikes.setdefault(records[b].id, []).append((records[a].id, j))
    corpus.story_of = {r.id: records[root(i)].id for i, r in enumerate(records)}
    return corpus


def is_template_pair(a: Record, b: Record) -> bool:
    """Same wording once figures are masked (word 5-gram Jaccard >= 0.6), filed 20+ hours
    apart: another day's report of a template (a daily Fed operation, a dividend notice),
    not an update or a re-run of one story across midnight. The figures may coincide:
    the same Fed operation on another day is still another day's report."""
    if abs((a.published - b.published).total_seconds()) < 20 * 3600:
        return False
    sa, sb = _masked_shingles(a), _masked_shingles(b)
    return len(sa & sb) / max(len(sa | sb), 1) >= 0.6


def template_families(corpus: Reuters) -> list[list[str]]:
    """Groups of real templated reports: components of template pairs, without any record
    that also has another kind of look-alike (an update filed the same day, a reworded
    re-run): those have an ambiguous ground truth under the id rule and are left out."""
    template: dict[str, list[str]] = defaultdict(list)
    ambiguous = set()
    for rid, others in corpus.lookalikes.items():
        for other, _ in others:
            if is_template_pair(corpus.by_id[rid], corpus.by_id[other]):
                template[rid].append(other)
            else:
                ambiguous.add(rid)
    seen: set[str] = set()
    families = []
    for start in sorted(template, key=_id_key):
        if start in seen or start in ambiguous:
            continue
        family, stack = [], [start]
        seen.add(start)
        while stack:
            current = stack.pop()
            family.append(current)
            for other in template[current]:
                if other not in seen and other not in ambiguous:
                    seen.add(other)
                    stack.append(other)
        days = {corpus.by_id[m].day for m in family}
        titles = [set(_masked_title(corpus.by_id[m]).split()) for m in family]
        distinct = all(len(a & b) < 0.5 * len(a | b) for i, a in enumerate(titles) for b in titles[i + 1:])
        # A look-alike with a similar headline a few days later is as often a re-run as a
        # template, so a family counts when it recurs on 4+ days (the daily Fed operation)
        # or when its headlines differ (dividend notices of different companies).
        if len(days) >= 4 or (distinct and len(family) >= 2):
            families.append(sorted(family, key=_id_key))
    return families


def _masked_title(record: Record) -> str:
    return " ".join("#" if any(c.isdigit() for c in w) else w for w in record.title.lower().split())


def _masked_shingles(record: Record) -> set[tuple[str, ...]]:
    words = ["#" if any(c.isdigit() for c in w) else w.lower() for p in record.paragraphs for w in p.split()]
    return {tuple(words[i:i + 5]) for i in range(max(len(words) - 4, 1))}


def _figures(record: Record) -> tuple[str, ...]:
    return tuple(sorted(w.strip(".,;:()") for p in record.paragraphs for w in p.split()
                        if any(c.isdigit() for c in w)))


def _id_key(rid: str) -> tuple[int, str]:
    digits = "".join(c for c in rid if c.isdigit())
    return (int(digits) if digits else 0, rid)


def is_clean_base(record: Record, corpus: Reuters, min_words: int = 120) -> bool:
    """A prose story of `min_words`+ words, 3+ paragraphs, few figures, no look-alikes."""
    if record.words < min_words or len(record.paragraphs) < 3 or record.id in corpus.lookalikes:
        return False
    text = " ".join(record.paragraphs)
    numbers = sum(any(c.isdigit() for c in w) for w in text.split())
    return numbers / max(record.words, 1) <= 0.12 and bool(record.title)


def sorted_ids(ids) -> list[str]:
    return sorted(ids, key=_id_key)


__all__ = ["REUTERS", "Record", "Reuters", "load", "template_families", "is_clean_base",
           "parse_published", "sorted_ids", "np"]
