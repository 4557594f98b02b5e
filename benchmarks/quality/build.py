"""Choose the real material of the benchmark from the Reuters dev file and generate it."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from benchmarks.quality.generate import generate
from benchmarks.quality.reuters import Record, Reuters, is_clean_base, sorted_ids, template_families


def _is_plain(record: Record, corpus: Reuters, min_words: int) -> bool:
    return record.words >= min_words and record.id not in corpus.lookalikes and bool(record.title)


def build(corpus: Reuters, seed: int, stories: int = 400) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(articles, description) of the benchmark for `seed` with `stories` base stories."""
    rng = random.Random(f"{seed}/choose")
    families = [[corpus.by_id[i] for i in f] for f in template_families(corpus)]
    in_family = {r.id for f in families for r in f}
    candidates = [r for r in corpus.records if is_clean_base(r, corpus) and r.id not in in_family]
    bases, stories_in = [], set()
    for record in rng.sample(candidates, len(candidates)):
        if len(bases) < stories and corpus.story_of[record.id] not in stories_in:
            bases.append(record)
            stories_in.add(corpus.story_of[record.id])  # one base per story: re-sends are one story
    order = {rid: n for n, rid in enumerate(sorted_ids(r.id for r in bases))}
    bases.sort(key=lambda r: order[r.id])
    used = {r.id for r in bases} | in_family
    stories_in |= {corpus.story_of[i] for i in in_family}
    by_day_topic: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in corpus.records:
        if record.id not in used and _is_plain(record, corpus, 40):
            for key in record.topics or record.places[:1]:
                by_day_topic[(record.day, key)].append(record)
    neighbours: dict[str, list[Record]] = {}
    for base in bases:
        pool = sorted({r.id: r for key in (base.topics or base.places[:1])
                       for r in by_day_topic.get((base.day, key), [])
                       if r.id not in used and corpus.story_of[r.id] not in stories_in}.values(),
                      key=lambda r: r.id)
        if pool and rng.random() < 0.6:
            pick = rng.choice(pool)
            used.add(pick.id)
            stories_in.add(corpus.story_of[pick.id])
            neighbours[base.id] = [pick]
    fillers = [r for r in corpus.records if corpus.story_of[r.id] not in stories_in and _is_plain(r, corpus, 80)
               and len(r.paragraphs) >= 3]
    articles = generate(bases, seed, story_of=corpus.story_of, neighbours=neighbours, fillers=fillers,
                        families=families)
    description = {"seed": seed, "base_stories": len(bases), "articles": len(articles),
                   "labels": len({a["cluster"] for a in articles}),
                   "same_topic_neighbours": sum(map(len, neighbours.values())),
                   "real_template_families": len(families), "real_template_reports": len(in_family),
                   "resend_pairs_in_dev": corpus.resend_pairs}
    return articles, description
