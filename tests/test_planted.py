"""The planted-edit benchmark: its generator plants honest edits, its scorer is fair."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/ is not a package

from benchmarks.planted.bases import REUTERS, Base, load_reuters, load_sample, reflow  # noqa: E402
from benchmarks.planted.edits import KINDS  # noqa: E402
from benchmarks.planted.generate import generate  # noqa: E402
from benchmarks.planted.match import score  # noqa: E402
from benchmarks.planted.story import parse_story, split_sentences  # noqa: E402

SENTENCE_KINDS = {"attribution_verb", "hedge", "loaded_term", "number_changed", "entity_changed",
                  "minor", "quote_changed", "lead_changed", "quote_added"}


@pytest.fixture(scope="module")
def bases() -> list[Base]:
    return load_sample()


@pytest.fixture(scope="module")
def stories(bases):
    return generate(bases, seed=3, versions_per_story=6, stories=36)


def _sentences(text: str) -> list[str]:
    return [s for p in text.split("\n\n") for s in split_sentences(p)]


def test_same_seed_gives_identical_output_and_another_seed_does_not(bases):
    first = [asdict(s) for s in generate(bases, seed=11, versions_per_story=3, ocr=True)]
    again = [asdict(s) for s in generate(bases, seed=11, versions_per_story=3, ocr=True)]
    other = [asdict(s) for s in generate(bases, seed=12, versions_per_story=3, ocr=True)]
    assert first == again
    assert first != other


def test_every_kind_is_planted_in_a_small_run(stories):
    counts = Counter(e["kind"] for s in stories for v in s.versions for e in v.edits)
    assert set(counts) == set(KINDS)
    assert min(counts.values()) >= 10


def test_each_version_has_one_to_three_edits_of_different_kinds(stories):
    for story in stories:
        for version in story.versions:
            kinds = [e["kind"] for e in version.edits]
            assert 1 <= len(kinds) <= 3 and len(set(kinds)) == len(kinds)
            assert (version.text, version.title) != (story.base.text, story.base.title)


def test_planted_before_is_in_the_base_and_after_is_in_the_version(stories):
    for story in stories:
        base = f"{story.base.title}\n{story.base.text}"
        for version in story.versions:
            text = f"{version.title}\n{version.text}"
            for edit in version.edits:
                assert edit["before"] in base, (version.id, edit)
                assert edit["after"] in text, (version.id, edit)
                if edit["kind"] in {"paragraph_dropped", "quote_dropped"}:
                    assert edit["before"] not in version.text, (version.id, edit)


def test_truncation_cuts_at_least_two_paragraphs_after_the_second(stories):
    truncated = [(s, v, e) for s in stories for v in s.versions for e in v.edits if e["kind"] == "truncated"]
    assert truncated
    for story, version, edit in truncated:
        assert edit["after_paragraph"] >= 2 and edit["paragraphs_removed"] >= 2
        base_body = [p for p in parse_story(None, story.base.text).paragraphs if not p.furniture]
        assert base_body[-1].body not in version.text
        assert len(version.text.split()) < len(story.base.text.split())


def test_edits_in_one_version_do_not_overlap(stories):
    for story in stories:
        base_sentences = set(_sentences(story.base.text))
        for version in story.versions:
            changed = [s for s in _sentences(version.text) if s not in base_sentences]
            in_sentences = [e for e in version.edits if e["kind"] in SENTENCE_KINDS]
            assert len(changed) >= len(in_sentences), (version.id, version.edits)
            for edit in version.edits:
                if edit["kind"] == "paragraph_moved":  # moved untouched
                    assert edit["before"] in version.text


def test_ocr_noise_never_lands_on_an_edited_sentence(bases):
    for story in generate(bases, seed=5, versions_per_story=6, ocr=True):
        for version in story.versions:
            for noise in version.noise:
                assert noise["after"] in version.text
                assert all(noise["after"] not in e["after"] for e in version.edits)


def test_reuters_paragraphs_are_reflowed_from_indented_lines():
    wire = "First line of\nthe lead.\n    Second paragraph\nwraps here.\n    Third."
    assert reflow(wire) == "First line of the lead.\n\nSecond paragraph wraps here.\n\nThird."


@pytest.mark.skipif(not REUTERS.exists(), reason="Reuters dev corpus not available")
def test_reuters_bases_are_prose_of_150_to_600_words():
    reuters = load_reuters(20, seed=1)
    assert len(reuters) == 20
    for base in reuters:
        assert 150 <= len(base.text.split()) <= 610 and "\n\n" in base.text
    stories = generate(reuters, seed=1, versions_per_story=2)
    assert all(v.edits for s in stories for v in s.versions)


# -- scorer ---------------------------------------------------------------------------------

PLANTED = [
    {"version": "s1-v1", "kind": "attribution_verb", "before": "said", "after": "claimed"},
    {"version": "s1-v1", "kind": "quote_changed", "before": "We will stay, whatever it costs,",
     "after": "We will stay,"},
    {"version": "s1-v2", "kind": "truncated", "before": "", "after": "", "after_paragraph": 3},
    {"version": "s1-v2", "kind": "minor", "before": "U.S.", "after": "US"},
]


def test_perfect_detection_scores_one_for_every_planted_kind():
    detected = [{**e, "span": [0, 1]} for e in PLANTED]
    result = score(PLANTED, detected)
    assert result["overall"]["precision"] == result["overall"]["recall"] == 1.0
    for kind in {e["kind"] for e in PLANTED}:
        assert result["kinds"][kind]["precision"] == result["kinds"][kind]["recall"] == 1.0


def test_detections_match_on_overlapping_text_not_exact_words():
    detected = [
        {"version": "s1-v1", "kind": "attribution_verb", "before": "Ruiz said", "after": "Ruiz claimed"},
        {"version": "s1-v1", "kind": "quote_changed", "before": "whatever it costs", "after": ""},
        {"version": "s1-v2", "kind": "truncated", "before": "last paragraphs", "after": ""},
        {"version": "s1-v2", "kind": "minor", "before": "the U.S. dollar", "after": "the US dollar"},
    ]
    assert score(PLANTED, detected)["overall"]["recall"] == 1.0


def test_a_wrong_kind_is_a_miss_and_a_false_detection():
    detected = [{**e} for e in PLANTED]
    detected[0]["kind"] = "loaded_term"
    result = score(PLANTED, detected)
    assert result["kinds"]["attribution_verb"]["recall"] == 0.0
    assert result["kinds"]["loaded_term"]["precision"] == 0.0
    assert [m["kind"] for m in result["misses"]] == ["attribution_verb"]
    assert result["misses"][0]["detected_as"] == ["loaded_term"]
    assert [d["kind"] for d in result["false_detections"]] == ["loaded_term"]


def test_a_different_word_or_version_does_not_match():
    detected = [{"version": "s1-v1", "kind": "attribution_verb", "before": "said", "after": "insisted"},
                {"version": "s1-v3", "kind": "minor", "before": "U.S.", "after": "US"}]
    result = score(PLANTED, detected)
    assert result["overall"]["matched"] == 0 and result["overall"]["detected"] == 2


def test_each_detection_matches_at_most_one_planted_edit():
    planted = [{"version": "v", "kind": "hedge", "before": "", "after": "reportedly"}] * 2
    result = score(planted, [{"version": "v", "kind": "hedge", "before": "", "after": "reportedly"}])
    assert result["overall"]["matched"] == 1 and result["kinds"]["hedge"]["recall"] == 0.5


def test_wording_changed_is_not_scored_but_a_planted_edit_found_only_as_it_is_missed():
    detected = [{"version": "s1-v1", "kind": "wording_changed", "before": "said", "after": "claimed"}]
    result = score(PLANTED[:1], detected)
    assert result["overall"]["detected"] == 0 and result["unscored_detections"] == 1
    assert result["kinds"]["attribution_verb"]["recall"] == 0.0
    assert result["misses"][0]["detected_as"] == ["wording_changed"]


def test_ocr_noise_reported_as_minor_is_not_a_false_detection():
    noise = [{"version": "s1-v1", "kind": "ocr_noise", "before": "government", "after": "goverrnent"}]
    detected = [{"version": "s1-v1", "kind": "minor", "before": "government", "after": "goverrnent"},
                {"version": "s1-v1", "kind": "entity_changed", "before": "government", "after": "goverrnent"}]
    result = score([], detected, noise)
    assert result["noise_detections"] == 1 and result["overall"]["detected"] == 1


def test_a_quote_inside_a_dropped_paragraph_is_neither_a_hit_nor_a_false_detection():
    planted = [{"version": "v", "kind": "paragraph_dropped", "after": "",
                "before": 'He said, "We will stay, whatever it costs." Talks resume on Monday.'}]
    detected = [{"version": "v", "kind": "paragraph_dropped", "before": planted[0]["before"], "after": ""},
                {"version": "v", "kind": "quote_dropped", "before": "We will stay, whatever it costs.", "after": ""}]
    result = score(planted, detected)
    assert result["overall"]["detected"] == 1 and result["overall"]["precision"] == 1.0
    assert [d["kind"] for d in result["implied_detections"]] == ["quote_dropped"]


def test_a_whole_change_reported_as_another_kind_is_still_a_false_detection():
    planted = [{"version": "v", "kind": "lead_changed", "before": "Rain fell on Monday.", "after": "On Monday, rain fell."}]
    detected = [{"version": "v", "kind": "wording_changed", "before": "Rain fell on Monday.", "after": "On Monday, rain fell."},
                {"version": "v", "kind": "entity_changed", "before": "Rain fell on Monday.", "after": "On Monday, rain fell."}]
    result = score(planted, detected)
    assert result["kinds"]["lead_changed"]["recall"] == 0.0 and result["kinds"]["entity_changed"]["precision"] == 0.0
