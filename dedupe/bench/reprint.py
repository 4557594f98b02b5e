"""Wire reprints: the edits an outlet makes when it runs an agency story.

Each variant gets a new headline and a random subset of: a dateline, a byline, a trimmed
end, a dropped paragraph, copy-edited words, typos, an outlet tag line, an agency credit
line, and paragraphs split or merged differently. The kinds applied are recorded so that
misses can be traced to them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dedupe.bench.words import Lexicon

CITIES = ("WASHINGTON", "LONDON", "PARIS", "BEIJING", "NEW YORK", "BERLIN", "TOKYO", "MOSCOW", "CAIRO",
          "NAIROBI", "SYDNEY", "MEXICO CITY", "NEW DELHI", "BRUSSELS", "GENEVA", "SAO PAULO")
AGENCIES = ("AP", "Reuters", "AFP")
_CREDIT = {"AP": "Associated Press", "Reuters": "Reuters", "AFP": "Agence France-Presse"}
_COPY_EDITS = {"said": "says", "told": "said", "percent": "per cent", "government": "administration",
               "people": "residents", "officials": "authorities", "president": "leader"}


@dataclass
class Story:
    """An article's parts before they are joined into text."""

    title: str
    paragraphs: list[str]
    agency: str | None


def _dateline(story: Story, rng: np.random.Generator) -> None:
    city = CITIES[int(rng.integers(len(CITIES)))]
    agency = story.agency or AGENCIES[int(rng.integers(len(AGENCIES)))]
    story.paragraphs[0] = f"{city} ({agency}) — {story.paragraphs[0]}"


def _byline(story: Story, rng: np.random.Generator, lexicon: Lexicon) -> None:
    first, last = (lexicon.names[int(i)] for i in rng.integers(len(lexicon.names), size=2))
    story.paragraphs.insert(0, f"By {first} {last}, {_CREDIT.get(story.agency or '', 'Staff')}")


def _trim(story: Story, rng: np.random.Generator) -> None:
    keep = max(2, int(np.ceil(len(story.paragraphs) * rng.uniform(0.6, 0.95))))
    story.paragraphs = story.paragraphs[:keep]


def _drop_paragraph(story: Story, rng: np.random.Generator) -> None:
    if len(story.paragraphs) > 4:
        del story.paragraphs[int(rng.integers(1, len(story.paragraphs) - 1))]


def _copy_edit(story: Story, rng: np.random.Generator, lexicon: Lexicon) -> None:
    rate = rng.uniform(0.005, 0.03)
    edited = []
    for paragraph in story.paragraphs:
        words = paragraph.split(" ")
        for i in np.flatnonzero(rng.random(len(words)) < rate).tolist():
            words[i] = _COPY_EDITS.get(words[i], lexicon.sample(rng, 1)[0])
        edited.append(" ".join(words))
    story.paragraphs = edited


def _typos(story: Story, rng: np.random.Generator) -> None:
    for _ in range(int(rng.integers(1, 4))):
        p = int(rng.integers(len(story.paragraphs)))
        text = story.paragraphs[p]
        if len(text) > 10:
            i = int(rng.integers(1, len(text) - 1))
            story.paragraphs[p] = text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def _tagline(story: Story, rng: np.random.Generator, outlet: str) -> None:
    lines = (f"Copyright {outlet}. All rights reserved.", f"Follow {outlet} for the latest news.",
             f"This story was first published by {outlet}.", "Additional reporting by staff.")
    story.paragraphs.append(lines[int(rng.integers(len(lines)))])


def _credit_line(story: Story, rng: np.random.Generator) -> None:
    chosen = [a for a in AGENCIES if rng.random() < 0.6] or [story.agency or "AP"]
    story.paragraphs.append(f"zc/wd ({', '.join(chosen)})")


def _rebreak(story: Story, rng: np.random.Generator) -> None:
    merged: list[str] = []
    for paragraph in story.paragraphs:
        if merged and rng.random() < 0.3:
            merged[-1] += " " + paragraph
        else:
            merged.append(paragraph)
    story.paragraphs = merged


def reprint(original: Story, outlet: str, rng: np.random.Generator, lexicon: Lexicon) -> tuple[Story, list[str]]:
    """An outlet's version of `original` and the kinds of edits it got."""
    story = Story(_headline(original.title, rng, lexicon), list(original.paragraphs), original.agency)
    edits = ["headline"]
    steps = (("trim", 0.45, lambda: _trim(story, rng)),
             ("drop_paragraph", 0.2, lambda: _drop_paragraph(story, rng)),
             ("copy_edit", 0.6, lambda: _copy_edit(story, rng, lexicon)),
             ("typos", 0.2, lambda: _typos(story, rng)),
             ("dateline", 0.5, lambda: _dateline(story, rng)),
             ("byline", 0.2, lambda: _byline(story, rng, lexicon)),
             ("tagline", 0.4, lambda: _tagline(story, rng, outlet)),
             ("credit_line", 0.15, lambda: _credit_line(story, rng)),
             ("rebreak", 0.3, lambda: _rebreak(story, rng)))
    for name, chance, apply in steps:
        if rng.random() < chance:
            apply()
            edits.append(name)
    return story, edits


def _headline(title: str, rng: np.random.Generator, lexicon: Lexicon) -> str:
    """A rewritten headline: about half of the words kept, the rest new."""
    words = title.split(" ")
    keep = sorted(rng.choice(len(words), size=max(1, len(words) // 2), replace=False).tolist())
    fresh = lexicon.sample(rng, int(rng.integers(2, 6)))
    out = " ".join([words[i] for i in keep] + fresh)
    return out[:1].upper() + out[1:]
