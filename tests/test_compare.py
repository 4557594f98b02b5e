"""Comparing the versions of one story: structural edits, base choice, documents, bad input."""

from datetime import datetime, timedelta, timezone

import pytest

from dedupe.compare import KINDS, compare_articles
from dedupe.errors import InputError
from dedupe.model import Article

T0 = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
PARAGRAPHS = [
    "LIMA, Peru (AP) — A magnitude 6.7 earthquake struck southern Peru on Tuesday, killing at least 14 people.",
    "The quake hit at dawn at a depth of 38 kilometers. It was felt as far away as Tacna.",
    "\"We have confirmed 14 dead and more than 90 injured,\" said Ana Ruiz, the regional governor.",
    "Rescuers worked through the morning with shovels and bare hands. A church tower collapsed in Yanque.",
    "The national grid operator said power had been restored to most of the region by evening.",
    "Aftershocks continued to rattle the region. Schools will stay closed on Wednesday.",
]


def article(doc_id: str, paragraphs: list[str], minutes: int = 0, title: str = "Quake kills 14 in Peru",
            source: str | None = None) -> Article:
    return Article(id=doc_id, source=source or doc_id, text="\n\n".join(paragraphs), title=title,
                   published=T0 + timedelta(minutes=minutes))


def kinds_for(doc: dict, version: str) -> list[str]:
    return [e["kind"] for e in doc["edits"] if e["version"] == version]


def compare(*versions: Article, base: str | None = None) -> dict:
    return compare_articles([article("wire", PARAGRAPHS), *versions], "c1", base=base)


def test_earliest_version_is_the_base_and_the_document_says_why():
    doc = compare(article("late", PARAGRAPHS, minutes=90))
    assert doc["base"] == "wire" and doc["base_reason"] == "earliest published"
    assert [v["id"] for v in doc["versions"]] == ["wire", "late"]


def test_base_can_be_chosen_and_must_be_a_member():
    assert compare(article("late", PARAGRAPHS, minutes=90), base="late")["base"] == "late"
    with pytest.raises(InputError, match="not an article of this cluster"):
        compare(article("late", PARAGRAPHS, minutes=90), base="elsewhere")


def test_identical_versions_say_so_and_have_no_edits():
    doc = compare(article("copy", PARAGRAPHS, minutes=5))
    assert doc["identical"] is True and doc["edits"] == []


def test_truncated_version_reports_where_it_stops_and_nothing_else_for_the_tail():
    doc = compare(article("short", PARAGRAPHS[:3], minutes=5))
    assert kinds_for(doc, "short") == ["truncated"]
    assert "after paragraph 3 of 6" in doc["edits"][0]["label"]


def test_dropped_middle_paragraph_is_paragraph_dropped():
    doc = compare(article("cut", PARAGRAPHS[:4] + PARAGRAPHS[5:], minutes=5))
    dropped = [e for e in doc["edits"] if e["kind"] == "paragraph_dropped"]
    assert len(dropped) == 1 and "grid operator" in dropped[0]["before"]


def test_dropped_quote_paragraph_is_also_quote_dropped_with_speaker():
    doc = compare(article("noquote", PARAGRAPHS[:2] + PARAGRAPHS[3:], minutes=5))
    quotes = [e for e in doc["edits"] if e["kind"] == "quote_dropped"]
    assert len(quotes) == 1 and "Ana Ruiz" in quotes[0]["label"]


def test_added_paragraph_is_paragraph_added_with_its_span():
    extra = "In Arequipa, volunteers set up soup kitchens for families who lost their homes."
    doc = compare(article("local", PARAGRAPHS[:4] + [extra] + PARAGRAPHS[4:], minutes=5))
    added = [e for e in doc["edits"] if e["kind"] == "paragraph_added"]
    assert len(added) == 1
    text = doc["versions"][1]["text"]
    start, end = added[0]["span"]
    assert text[start:end] == extra


def test_moved_paragraph_is_one_move():
    moved = [PARAGRAPHS[0], PARAGRAPHS[4], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3], PARAGRAPHS[5]]
    doc = compare(article("moved", moved, minutes=5))
    assert kinds_for(doc, "moved") == ["paragraph_moved"]


def test_rewritten_headline_and_lead_are_reported():
    lead = "At least 14 people died when a strong quake hit the Arequipa region in southern Peru before dawn."
    doc = compare(article("rewrite", [lead] + PARAGRAPHS[1:], minutes=5, title="Peru mourns quake victims"))
    kinds = kinds_for(doc, "rewrite")
    assert {"headline_changed", "lead_changed"} <= set(kinds)
    assert "paragraph_dropped" not in kinds and "paragraph_added" not in kinds


def test_word_level_edit_span_points_at_the_new_words():
    edited = [p.replace("said Ana Ruiz", "claimed Ana Ruiz") for p in PARAGRAPHS]
    doc = compare(article("verb", edited, minutes=5))
    verb = next(e for e in doc["edits"] if e["kind"] == "attribution_verb")
    start, end = verb["span"]
    assert doc["versions"][1]["text"][start:end] == "claimed"
    assert (verb["before"], verb["after"]) == ("said", "claimed")


def test_changed_credit_line_is_credit_changed():
    credited = PARAGRAPHS + ["zc/wd (AP, AFP, Reuters)"]
    doc = compare(article("credits", credited, minutes=5))
    credit = [e for e in doc["edits"] if e["kind"] == "credit_changed"]
    assert len(credit) == 1 and credit[0]["after"] == "AP, AFP, Reuters"


def test_every_edit_kind_is_a_known_kind_and_rows_have_one_cell_per_version():
    edited = [p.replace("14", "17").replace("said", "claimed") for p in PARAGRAPHS[:5]]
    doc = compare(article("a", edited, minutes=5), article("b", PARAGRAPHS[:2], minutes=9))
    assert {e["kind"] for e in doc["edits"]} <= set(KINDS)
    assert all(len(row["cells"]) == 3 for row in doc["rows"])
    assert len(doc["similarity"]) == 3 and doc["similarity"][0][0] == 1.0


def test_document_is_the_same_for_the_same_input():
    versions = [article("a", PARAGRAPHS[:4], minutes=5), article("b", PARAGRAPHS[::-1], minutes=7)]
    assert compare(*versions) == compare(*versions)


@pytest.mark.parametrize("text", [
    "",  # empty
    "no sentence boundary anywhere in this article just words and more words",
    "<p>HTML <b>in</b> the text</p> <script>alert(1)</script>",
    "北京市今天宣布新的交通规定。地铁将延长运营时间。",
    "Президент заявил во вторник, что налоги вырастут. Оппозиция выступила против.",
])
def test_odd_texts_compare_without_error(text):
    doc = compare_articles([article("a", [text]), article("b", [text + " Extra words here."], minutes=3)], "c")
    assert doc["versions"][0]["text"] is not None and doc["rows"][0]["kind"] == "headline"


def test_five_megabyte_article_is_compared():
    huge = ["This is sentence number %d of a very long scanned page." % i for i in range(90_000)]
    doc = compare_articles([article("big", [" ".join(huge)]), article("small", PARAGRAPHS, minutes=3)], "c")
    assert len(doc["versions"][0]["text"]) > 5_000_000
