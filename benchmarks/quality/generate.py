"""The syndication simulator: a labelled clustering benchmark from real wire stories.

Every base story becomes a cluster of 2-8 outlet versions (the wire copy and variants, each
tagged with the hard case it tests in `meta["case"]`); around them are articles that must stay
apart from it (`meta["apart_from"]` names the labels): real same-topic stories of the same day,
real and generated templated reports, follow-ups reusing background paragraphs, and roundups
quoting three leads. Deterministic given the seed.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from benchmarks.planted.story import split_sentences
from benchmarks.quality import edits
from benchmarks.quality import lexicon as lx
from benchmarks.quality.ocr import misread, ocr
from benchmarks.quality.reuters import Record

JOIN_CASES = ("outlet", "truncated", "paragraphs", "merged_copy", "brief", "rewrite", "ocr")
"""Versions that must join their story (plus "wire", the base itself)."""
APART_CASES = ("same_topic", "real_template", "templated", "follow_up", "roundup")
"""Articles that must stay apart from the stories in their `apart_from`."""


def article(aid: str, source: str, title: str, paragraphs: list[str], published, label: str,
            case: str, base: str, apart_from: list[str] | None = None) -> dict[str, Any]:
    return {"id": aid, "source": source, "title": title,
            "text": "\n\n".join(p for p in paragraphs if p.strip()),
            "published": published.replace(microsecond=0).isoformat(), "cluster": label,
            "meta": {"case": case, "base": base, "apart_from": sorted(set(apart_from or []))}}


def _city(record: Record) -> str:
    return record.dateline.split(",")[0].strip(" -") or "NEW YORK"


def _with_dateline(paragraphs: list[str], line: str) -> list[str]:
    return [f"{line} {paragraphs[0]}"] + paragraphs[1:] if paragraphs else paragraphs


def wire_copy(record: Record, label: str, case: str = "wire", apart_from=None) -> dict[str, Any]:
    body = _with_dateline(list(record.paragraphs), record.dateline) if record.dateline else list(record.paragraphs)
    return article(record.id, "Reuters", record.title, body, record.published, label, case, record.id, apart_from)


def brief_paragraphs(paragraphs: list[str], rng: random.Random) -> list[str]:
    """The first one or two paragraphs (more when they are very short), 40-90 words."""
    out: list[str] = []
    for paragraph in paragraphs:
        if sum(len(p.split()) for p in out) >= 40 or (len(out) >= 2 and rng.random() < 0.5):
            break
        out.append(paragraph)
    while sum(len(p.split()) for p in out) > 90:
        sentences = split_sentences(out[-1])
        if len(sentences) > 1 and sum(len(p.split()) for p in out) - len(sentences[-1].split()) >= 40:
            out[-1] = " ".join(sentences[:-1])
        elif len(out) > 1 and sum(len(p.split()) for p in out[:-1]) >= 40:
            out.pop()
        else:
            keep = 90 - sum(len(p.split()) for p in out[:-1])
            out[-1] = " ".join(out[-1].split()[:keep])
    return out


def _paragraph_edits(paragraphs: list[str], rng: random.Random, outlet: str) -> list[str]:
    out = list(paragraphs)
    for _ in range(rng.randint(1, min(2, len(out) - 2))):
        if len(out) > 3:
            del out[rng.randrange(1, len(out))]
    if len(out) > 2:
        moved = out.pop(rng.randrange(1, len(out)))
        out.insert(rng.randrange(1, len(out) + 1), moved)
    for _ in range(rng.randint(1, 2)):
        local = rng.choice(lx.LOCAL_PARAGRAPHS).format(outlet=outlet)
        out.insert(rng.randrange(1, len(out) + 1), local)
    return out


def _merged_copy(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Another agency's wording of one paragraph merged in, replacing ours or next to it."""
    out = list(paragraphs)
    i = rng.randrange(len(out))
    theirs = " ".join(edits.reword(s, rng) for s in split_sentences(out[i]))
    if rng.random() < 0.5:
        out[i] = theirs
    else:
        out.insert(i + 1, theirs)
    return out


def variant(record: Record, label: str, case: str, k: int, rng: random.Random) -> dict[str, Any]:
    """One outlet version of the story, with the edits of `case` on top of the usual ones."""
    paragraphs = list(record.paragraphs)
    agency = rng.choice(lx.AGENCIES)
    if case == "ocr":
        published = record.published + timedelta(hours=rng.uniform(12, 36))
        if rng.random() < 0.4:
            paragraphs = paragraphs[:rng.randint(2, len(paragraphs))]
        paragraphs = _with_dateline(paragraphs, edits.dateline(_city(record), record.published, agency, rng))
        title = misread(edits.headline(record.title, rng), rng, 0.03)
        text = ocr(paragraphs, rng, rng.uniform(0.045, 0.095))
        return article(f"{record.id}~v{k}", rng.choice(lx.NEWSPAPERS), title, [text], published, label,
                       case, record.id)
    outlet = rng.choice(lx.OUTLETS)
    published = record.published + timedelta(hours=rng.uniform(0.2, 30))
    title = edits.headline(record.title, rng)
    if case == "truncated":
        paragraphs = paragraphs[:rng.randint(2, min(5, len(paragraphs) - 1))]
    elif case == "paragraphs":
        paragraphs = _paragraph_edits(paragraphs, rng, outlet)
    elif case == "merged_copy":
        paragraphs = _merged_copy(paragraphs, rng)
    elif case == "brief":
        paragraphs = brief_paragraphs(paragraphs, rng)
    elif case == "rewrite":
        paragraphs, _ = edits.rewrite(paragraphs, rng)
    paragraphs = edits.framing_edits(paragraphs, rng, rng.randint(1, 3))
    if rng.random() < 0.25:
        paragraphs = edits.house_style(paragraphs, rng)
    if rng.random() < 0.7:
        paragraphs = _with_dateline(paragraphs, edits.dateline(_city(record), record.published, agency, rng))
    if rng.random() < 0.4 and case != "brief":
        paragraphs = [edits.byline(rng)] + paragraphs
    if case == "merged_copy" or (rng.random() < 0.5 and case != "brief"):
        credit = "zc/wd (AP, AFP, Reuters)" if case == "merged_copy" else edits.credit_line(rng)
        paragraphs = paragraphs + [credit]
    return article(f"{record.id}~v{k}", outlet, title, paragraphs, published, label, case, record.id)


def story_versions(record: Record, label: str, rng: random.Random, size: int | None = None) -> list[dict]:
    """The wire copy and 1-7 outlet versions of one story."""
    size = size or rng.randint(2, 8)
    out = [wire_copy(record, label)]
    for k in range(1, size):
        out.append(variant(record, label, rng.choice(JOIN_CASES), k, rng))
    return out


def templated(record: Record, label: str, k: int, rng: random.Random) -> dict[str, Any]:
    """Another day's report of the same template: same sentences, new figures and date."""
    when = record.published + timedelta(days=rng.randint(1, 30), minutes=rng.randint(-90, 90))
    line = edits.new_date(record.dateline, record.published, when)
    body = [edits.new_date(edits.new_figures(p, rng), record.published, when) for p in record.paragraphs]
    body = _with_dateline(body, line) if line else body
    return article(f"{record.id}~t{k}", "Reuters", edits.new_figures(record.title, rng), body, when,
                   f"{label}~t{k}", "templated", record.id, [label])


def follow_up(record: Record, label: str, filler: Record, rng: random.Random) -> dict[str, Any]:
    """A later story under a new lead that reuses one or two background paragraphs."""
    days = rng.randint(1, 5)
    when = record.published + timedelta(days=days, hours=rng.uniform(-3, 3))
    topic = "the " + record.title.lower().split(" - ")[0]
    lead = rng.choice(lx.FOLLOW_UP_LEADS).format(weekday=lx.WEEKDAYS[when.weekday()], topic=topic, days=days)
    body = list(record.paragraphs[1:]) or list(record.paragraphs)
    start = rng.randrange(max(1, len(body) - 1))
    background = body[start:start + rng.randint(1, 2)]
    new = list(filler.paragraphs[:rng.randint(2, 4)])
    paragraphs = [edits._cap(lead)] + new[:1] + background + new[1:]
    title = edits.headline(f"NEW MOVES IN {record.title}", rng)
    return article(f"{record.id}~f", rng.choice(lx.OUTLETS), title, paragraphs, when, f"{label}~f",
                   "follow_up", record.id, [label])


def roundup(stories: list[tuple[Record, str]], n: int, rng: random.Random) -> dict[str, Any]:
    """A news-in-brief column quoting the leads of three stories."""
    when = max(r.published for r, _ in stories) + timedelta(hours=rng.uniform(2, 12))
    items = [f"{edits.headline(r.title, rng)} — {r.paragraphs[0]}" for r, _ in stories]
    return article(f"roundup-{n:03d}", rng.choice(lx.OUTLETS), rng.choice(lx.ROUNDUP_HEADLINES), items, when,
                   f"roundup-{n:03d}", "roundup", stories[0][0].id, [label for _, label in stories])


def _numbers(record: Record) -> int:
    return sum(any(c.isdigit() for c in w) for p in record.paragraphs for w in p.split())


def generate(bases: list[Record], seed: int, *, story_of: dict[str, str] | None = None,
             neighbours: dict[str, list[Record]] | None = None, fillers: list[Record] | None = None,
             families: list[list[Record]] | None = None, p_template: float = 0.3,
             p_follow_up: float = 0.25, roundup_every: int = 10) -> list[dict[str, Any]]:
    """Articles (dicts with `cluster` labels and `meta`) for these base stories."""
    story_of = story_of or {}
    neighbours, fillers, families = neighbours or {}, fillers or [], families or []

    def label_of(record: Record) -> str:
        return "story:" + story_of.get(record.id, record.id)

    out: list[dict[str, Any]] = []
    for i, record in enumerate(bases):
        rng = random.Random(f"{seed}/{record.id}")
        label = label_of(record)
        out += story_versions(record, label, rng)
        if _numbers(record) >= 3 and rng.random() < p_template:
            out.append(templated(record, label, 1, rng))
        if fillers and rng.random() < p_follow_up:
            out.append(follow_up(record, label, fillers[rng.randrange(len(fillers))], rng))
        for other in neighbours.get(record.id, []):
            other_label = label_of(other)
            out.append(wire_copy(other, other_label, "same_topic", [label]))
            if rng.random() < 0.4:
                out.append(variant(other, other_label, "outlet", 1, rng))
    for family in families:
        labels = [label_of(r) for r in family]
        for record, own in zip(family, labels):
            out.append(wire_copy(record, own, "real_template", [x for x in labels if x != own]))
    rng = random.Random(f"{seed}/roundups")
    order = list(bases)
    rng.shuffle(order)
    for n in range(len(order) // roundup_every):
        trio = order[3 * n:3 * n + 3]
        if len(trio) == 3:
            out.append(roundup([(r, label_of(r)) for r in trio], n + 1, rng))
    seen: set[str] = set()
    unique = []
    for item in out:  # a record can be both a neighbour and a template member: keep it once
        if item["id"] not in seen:
            seen.add(item["id"])
            unique.append(item)
    return unique
