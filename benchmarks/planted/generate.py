"""Plant known edits of every kind into copies of base stories.

    stories = generate(load_sample() + load_reuters(300, seed=1), seed=1)

Each version gets 1-3 edits of different kinds, the kinds planted least so far tried first
so that every kind ends up with about the same number of instances; with `ocr=True` about
half the versions also get OCR-style character noise in a few untouched sentences (recorded
in `noise`, not in `edits`).
"""

from __future__ import annotations

import copy
import random
import re
from collections import Counter
from dataclasses import dataclass, field

from benchmarks.planted.bases import Base
from benchmarks.planted.edits import KINDS, PLANTERS, _open_sentences
from benchmarks.planted.story import Draft, parse_story

EDITS_PER_VERSION = (1, 2, 2, 3)
OCR_SHARE = 0.5
_OCR_CONFUSIONS = [("m", "rn"), ("rn", "m"), ("e", "c"), ("h", "b"), ("c", "e"), ("i", "l"),
                   ("d", "cl"), ("ll", "II"), ("o", "u")]


@dataclass
class Version:
    id: str
    source: str
    title: str | None
    text: str
    edits: list[dict]
    noise: list[dict] = field(default_factory=list)


@dataclass
class PlantedStory:
    id: str
    base: Base
    versions: list[Version]


def generate(bases: list[Base], seed: int, versions_per_story: int = 6, stories: int | None = None,
             ocr: bool = False) -> list[PlantedStory]:
    """`stories` stories (default: one per base; bases are reused when there are fewer),
    each with `versions_per_story` edited versions. Same arguments, same output."""
    rng = random.Random(seed)
    counts: Counter[str] = Counter({kind: 0 for kind in KINDS})
    planted = []
    for n in range(len(bases) if stories is None else stories):
        base = bases[n % len(bases)] if bases else None
        if base is None:
            break
        story_id = f"s{n}"
        original = parse_story(base.title, base.text)
        versions = []
        for v in range(1, versions_per_story + 1):
            draft = copy.deepcopy(original)
            edits = _plant(draft, rng, counts, rng.choice(EDITS_PER_VERSION))
            noise = _add_ocr_noise(draft, rng) if ocr and rng.random() < OCR_SHARE else []
            versions.append(Version(f"{story_id}-v{v}", f"Outlet {v}", draft.title, draft.text, edits, noise))
        planted.append(PlantedStory(story_id, base, versions))
    return planted


def _plant(draft: Draft, rng: random.Random, counts: Counter[str], wanted: int) -> list[dict]:
    order = sorted(KINDS, key=lambda kind: (counts[kind], rng.random()))
    edits = []
    for kind in order:
        if len(edits) == wanted:
            break
        edit = PLANTERS[kind](draft, rng)
        if edit is not None:
            counts[kind] += 1
            edits.append(edit)
    return edits


def _add_ocr_noise(draft: Draft, rng: random.Random) -> list[dict]:
    """Misread one or two letters in one to three sentences no edit has touched."""
    open_sentences = [s for _, s in _open_sentences(draft)]
    noise = []
    for sentence in rng.sample(open_sentences, min(len(open_sentences), rng.randint(1, 3))):
        words = [m for m in re.finditer(r"\b[a-z]{5,}\b", sentence.text)]
        for match in rng.sample(words, min(len(words), rng.randint(1, 2))):
            word = match.group(0)
            confusions = [(a, b) for a, b in _OCR_CONFUSIONS if a in word]
            if not confusions:
                continue
            a, b = rng.choice(confusions)
            at = rng.choice([m.start() for m in re.finditer(re.escape(a), word)])
            noisy = word[:at] + b + word[at + len(a):]
            sentence.text = sentence.text[:match.start()] + noisy + sentence.text[match.end():]
            noise.append({"kind": "ocr_noise", "before": word, "after": noisy})
            break  # offsets after this word moved: one misreading per pass is enough
        sentence.touched = True
    return noise
