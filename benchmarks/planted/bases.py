"""Base stories for the planted-edit benchmark: the sample corpus and Reuters wire copy."""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpora/sample"
REUTERS = REPO.parent / "shared/corpora/reuters21578/reuters21578-dev.jsonl"
MIN_WORDS, MAX_WORDS = 150, 600
MIN_PARAGRAPHS = 4
MAX_NUMBER_SHARE = 0.12  # tables of prices are not stories
_NUMBER_WORD_RE = re.compile(r"\S*\d\S*")


@dataclass(frozen=True)
class Base:
    id: str
    title: str | None
    text: str
    """Paragraphs separated by blank lines, single spaces inside a paragraph."""
    origin: str


def load_sample(folder: Path = SAMPLE, min_members: int = 3) -> list[Base]:
    """The earliest-published article of every labelled cluster with `min_members`+ members."""
    labels = {}
    with (folder / "labels.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            labels[record["id"]] = record["cluster"]
    members = defaultdict(list)
    with (folder / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            members[labels[record["id"]]].append(record)
    bases = []
    for cluster in sorted(members):
        if len(members[cluster]) >= min_members:
            first = min(members[cluster], key=lambda r: (r["published"], r["id"]))
            text = "\n\n".join(" ".join(p.split()) for p in first["text"].split("\n\n") if p.strip())
            bases.append(Base(first["id"], first.get("title"), text, "sample"))
    return bases


def reflow(wire: str) -> str:
    """Reuters hard-wraps lines and indents the first line of each paragraph: one
    paragraph per indented line, its lines joined by spaces."""
    paragraphs = re.split(r"\n(?=[ \t])", wire.strip("\n"))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _is_prose(text: str) -> bool:
    words = len(text.split())
    numbers = len(_NUMBER_WORD_RE.findall(text))
    return (MIN_WORDS <= words <= MAX_WORDS and numbers / words <= MAX_NUMBER_SHARE
            and text.count("\n\n") + 1 >= MIN_PARAGRAPHS)


def load_reuters(limit: int, seed: int, path: Path = REUTERS) -> list[Base]:
    """Up to `limit` Reuters stories of 150-600 words, chosen by `seed`; [] when the file
    is absent. The dateline is put back in front of the body, as on the wire."""
    if not path.exists():
        print(f"skipped Reuters: {path} is not available; running on the sample corpus only")
        return []
    bases = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not MIN_WORDS <= len(record["text"].split()) <= MAX_WORDS:
                continue
            text = reflow(record["text"])
            if not _is_prose(text):
                continue
            dateline = " ".join((record.get("dateline") or "").split())
            if dateline:
                text = f"{dateline} {text}"
            bases.append(Base(record["id"], record.get("title"), text, "reuters"))
    return random.Random(seed).sample(bases, min(limit, len(bases)))
