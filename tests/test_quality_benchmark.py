"""The quality benchmark's generator: deterministic, every hard case with the right labels."""

from __future__ import annotations

import random
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/ is not a package

from benchmarks.quality.generate import APART_CASES, JOIN_CASES, brief_paragraphs, generate, variant  # noqa: E402
from benchmarks.quality.ocr import misread, ocr  # noqa: E402
from benchmarks.quality.reuters import Record  # noqa: E402

WHEN = datetime(1987, 3, 2, 11, 0, tzinfo=timezone.utc)
SENTENCES = [
    "The Ministry of Harbours said on Monday it would spend 120 mln dlrs on new cranes at the port of Valdoria.",
    "Officials said the plan, which follows two years of talks with shipping companies, would double capacity.",
    "A spokesman for the dock workers union said the members had not been consulted and would meet next week.",
    "The port handled 4.5 mln tonnes of cargo last year, up 12 pct from 1985, the ministry said in a statement.",
    "Shipping companies have complained that delays at the port cost them about 30 mln dlrs a year in fees.",
    "The cranes will be bought from a Japanese supplier and delivered over three years, the ministry said.",
    "Analysts said the investment was overdue because the old equipment often broke down in bad weather.",
]


def record(n: int) -> Record:
    rng = random.Random(n)
    paragraphs = []
    for p in range(5):
        picked = rng.sample(SENTENCES, 2)
        paragraphs.append(f"Story {n} part {p}: " + " ".join(picked).replace("Valdoria", f"Port{n}"))
    return Record(id=f"base-{n}", title=f"HARBOUR {n} TO BUY NEW CRANES FOR 120 MLN DLRS",
                  dateline="VALDORIA, March 2 -", paragraphs=tuple(paragraphs), published=WHEN,
                  topics=("ship",), places=("valdoria",))


@pytest.fixture(scope="module")
def bases() -> list[Record]:
    return [record(n) for n in range(1, 13)]


@pytest.fixture(scope="module")
def articles(bases) -> list[dict]:
    return generate(bases, seed=7, neighbours={"base-1": [record(50)]}, fillers=[record(60), record(61)],
                    families=[[record(70), record(71)]], p_template=1.0, p_follow_up=1.0, roundup_every=3)


def by_case(articles: list[dict], case: str) -> list[dict]:
    return [a for a in articles if a["meta"]["case"] == case]


def test_same_seed_gives_identical_benchmark(bases, articles):
    again = generate(bases, seed=7, neighbours={"base-1": [record(50)]}, fillers=[record(60), record(61)],
                     families=[[record(70), record(71)]], p_template=1.0, p_follow_up=1.0, roundup_every=3)
    assert again == articles
    other = generate(bases, seed=8, p_template=1.0, p_follow_up=1.0, roundup_every=3)
    assert [a["text"] for a in other] != [a["text"] for a in articles]


def test_every_case_is_produced_with_unique_ids(articles):
    cases = {a["meta"]["case"] for a in articles}
    assert {"wire", *APART_CASES} <= cases
    assert len({a["id"] for a in articles}) == len(articles)
    for a in articles:
        datetime.fromisoformat(a["published"])
        assert "\n\n" in a["text"] or a["meta"]["case"] in ("brief", "real_template", "same_topic")


@pytest.mark.parametrize("case", JOIN_CASES)
def test_each_version_case_shares_its_base_label(bases, case):
    rng = random.Random(case)
    for base in bases[:3]:
        version = variant(base, "story:" + base.id, case, 1, rng)
        assert version["cluster"] == "story:" + base.id
        assert version["meta"] == {"case": case, "base": base.id, "apart_from": []}


def test_brief_is_headline_and_lead_of_40_to_90_words(bases):
    for base in bases:
        words = sum(len(p.split()) for p in brief_paragraphs(list(base.paragraphs), random.Random(base.id)))
        assert 40 <= words <= 90
        brief = variant(base, "x", "brief", 1, random.Random(1))
        assert base.paragraphs[0].split()[4] in brief["text"]


def test_roundup_has_its_own_label_and_quotes_three_leads(articles, bases):
    labels = {a["cluster"] for a in articles if a["meta"]["case"] == "wire"}
    for roundup in by_case(articles, "roundup"):
        assert roundup["cluster"] not in labels
        assert len(roundup["meta"]["apart_from"]) == 3
        assert set(roundup["meta"]["apart_from"]) <= labels
        leads = [b.paragraphs[0] for b in bases if "story:" + b.id in roundup["meta"]["apart_from"]]
        assert all(lead in roundup["text"] for lead in leads)


def test_follow_up_has_its_own_label_and_reuses_background(articles, bases):
    follow_ups = by_case(articles, "follow_up")
    assert len(follow_ups) == len(bases)
    for item in follow_ups:
        base = next(b for b in bases if b.id == item["meta"]["base"])
        assert item["cluster"] != "story:" + base.id and item["meta"]["apart_from"] == ["story:" + base.id]
        reused = [p for p in base.paragraphs[1:] if p in item["text"]]
        assert 1 <= len(reused) <= 2
        assert item["published"] > base.published.isoformat()


def test_templated_report_is_another_day_with_new_figures(articles, bases):
    for item in by_case(articles, "templated"):
        base = next(b for b in bases if b.id == item["meta"]["base"])
        assert item["cluster"] != "story:" + base.id
        assert datetime.fromisoformat(item["published"]).date() != base.published.date()
        assert "120 mln" not in item["text"] or "4.5 mln" not in item["text"]


def test_real_neighbours_and_templates_keep_their_own_labels(articles):
    (neighbour,) = by_case(articles, "same_topic")
    assert neighbour["cluster"] == "story:base-50" and neighbour["meta"]["apart_from"] == ["story:base-1"]
    templates = by_case(articles, "real_template")
    assert {t["cluster"] for t in templates} == {"story:base-70", "story:base-71"}


def test_ocr_misreads_4_to_10_percent_of_characters(bases):
    for base in bases:
        clean = "\n\n".join(base.paragraphs)
        rate = random.Random(base.id).uniform(0.045, 0.095)
        noisy = misread(clean, random.Random(base.id), rate)
        assert 0.04 <= Levenshtein.distance(clean, noisy) / len(clean) <= 0.10


def test_ocr_wraps_into_hyphenated_column_lines():
    rng = random.Random(3)
    text = ocr([" ".join(SENTENCES)] * 3, rng, 0.06)
    lines = text.split("\n")
    assert max(len(line) for line in lines) <= 48
    assert any(line.endswith("-") for line in lines)
