"""Planted-edit benchmark: plant known edits into base stories, run dedupe's comparison on
each story and report precision and recall per edit kind.

    python benchmarks/planted/score.py [--seed 1] [--stories 300] [--versions 6] [--ocr]

Base stories: the earliest article of each sample cluster with 3+ members, then Reuters dev
stories of 150-600 words (read from ../shared/corpora when present). Writes a markdown table
to stdout and everything to benchmarks/planted/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.planted.bases import load_reuters, load_sample  # noqa: E402
from benchmarks.planted.edits import KINDS  # noqa: E402
from benchmarks.planted.generate import PlantedStory, generate  # noqa: E402
from benchmarks.planted.match import score  # noqa: E402
from dedupe.model import Article  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results.json"
FIRST_PUBLISHED = datetime(2026, 3, 10, 8, 0, tzinfo=timezone.utc)
SHOWN = 10


def articles_for(story: PlantedStory) -> list[Article]:
    """The base (published first) and its versions, an hour apart, as the comparison reads them."""
    base = Article(id=f"{story.id}-v0", source="Outlet 0", text=story.base.text, title=story.base.title,
                   published=FIRST_PUBLISHED, lang="en")
    return [base] + [Article(id=v.id, source=v.source, text=v.text, title=v.title,
                             published=FIRST_PUBLISHED + timedelta(hours=n), lang="en")
                     for n, v in enumerate(story.versions, start=1)]


def planted_edits(stories: list[PlantedStory]) -> tuple[list[dict], list[dict]]:
    edits = [{**e, "version": v.id, "story": s.id} for s in stories for v in s.versions for e in v.edits]
    noise = [{**n, "version": v.id, "story": s.id} for s in stories for v in s.versions for n in v.noise]
    return edits, noise


def run_comparison(stories: list[PlantedStory]) -> tuple[list[dict], list[float], list[str]]:
    """Every detected edit (with its story), seconds per story, and one line per failure."""
    from dedupe.compare import compare_articles

    detected, seconds, problems = [], [], []
    for story in stories:
        articles = articles_for(story)
        start = time.perf_counter()
        try:
            doc = compare_articles(articles, cluster_id=story.id, base=None)
        except Exception as error:  # noqa: BLE001 - one bad story must not end the benchmark
            problems.append(f"{story.id}: {type(error).__name__}: {error}")
            continue
        seconds.append(time.perf_counter() - start)
        if doc.get("base") != articles[0].id:
            problems.append(f"{story.id}: base is {doc.get('base')!r}, expected {articles[0].id!r}")
        detected += [{**e, "story": story.id} for e in doc.get("edits", [])]
    return detected, seconds, problems


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(result: dict[str, Any]) -> str:
    lines = ["| kind | planted | detected | precision | recall |", "|---|---:|---:|---:|---:|"]
    for kind in KINDS:
        row = result["kinds"][kind]
        lines.append(f"| {kind} | {row['planted']} | {row['detected']} | {_cell(row['precision'])} "
                     f"| {_cell(row['recall'])} |")
    overall = result["overall"]
    lines.append(f"| **overall** | {overall['planted']} | {overall['detected']} "
                 f"| **{_cell(overall['precision'])}** | **{_cell(overall['recall'])}** |")
    return "\n".join(lines)


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"


def worst(result: dict[str, Any]) -> str:
    """Misses and false detections from the kinds that fare worst, for a person to debug."""
    rank = {k: min(v["precision"] if v["precision"] is not None else 1.0,
                   v["recall"] if v["recall"] is not None else 1.0) for k, v in result["kinds"].items()}
    lines = []
    for title, items in (("misses", result["misses"]), ("false detections", result["false_detections"])):
        items = sorted(items, key=lambda e: (rank.get(e["kind"], 1.0), e["kind"], e["version"]))
        lines.append(f"\n{SHOWN} worst {title} (of {len(items)}):")
        for e in items[:SHOWN]:
            extra = f"  [detected as: {', '.join(e['detected_as'])}]" if e.get("detected_as") else ""
            lines.append(f"- {e['version']} {e['kind']}: {_short(e.get('before'))!r} -> "
                         f"{_short(e.get('after'))!r}{extra}")
    return "\n".join(lines)


def write_atomic(path: Path, data: Any) -> None:
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1, ensure_ascii=False)
        out.write("\n")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stories", type=int, default=300, help="stories in all (sample first, then Reuters)")
    parser.add_argument("--versions", type=int, default=6, help="edited versions per story")
    parser.add_argument("--ocr", action="store_true", help="add OCR noise to other sentences of half the versions")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    bases = load_sample()
    bases += load_reuters(max(0, args.stories - len(bases)), seed=args.seed)
    if len(bases) < args.stories:
        print(f"{len(bases)} base stories: reusing them for {args.stories} stories")
    stories = generate(bases, seed=args.seed, versions_per_story=args.versions, stories=args.stories, ocr=args.ocr)
    planted, noise = planted_edits(stories)
    print(f"{len(stories)} stories, {sum(len(s.versions) for s in stories)} versions, {len(planted)} planted edits"
          + (f", {len(noise)} OCR misreadings" if args.ocr else ""))

    detected, seconds, problems = run_comparison(stories)
    result = score(planted, detected, noise)
    per_story = sum(seconds) / len(seconds) if seconds else None
    print(table(result))
    print(f"\ncomparison: {_cell(per_story)} s per story ({len(seconds)} stories of {args.versions + 1} "
          f"versions); {result['unscored_detections']} wording_changed detections (not scored)"
          + f"; {len(result['implied_detections'])} detections inside a larger planted change (not scored)"
          + (f"; {result['noise_detections']} detections of OCR noise (not scored)" if args.ocr else ""))
    for problem in problems[:SHOWN]:
        print(f"problem: {problem}")
    print(worst(result))
    write_atomic(args.output, {
        "seed": args.seed, "stories": len(stories), "versions_per_story": args.versions, "ocr": args.ocr,
        "bases": {"sample": sum(b.origin == "sample" for b in bases), "reuters": sum(b.origin == "reuters" for b in bases)},
        "seconds_per_story": per_story, "problems": problems, **result})
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
