"""Tests for dedupe.text: normalizing, boilerplate stripping and agency detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedupe.text import (
    CleanText,
    clean_for_matching,
    detect_agencies,
    normalize,
    strip_boilerplate,
    tokenize,
)

REUTERS = (Path(__file__).resolve().parents[2]
           / "shared/corpora/reuters21578/reuters21578-dev.jsonl")


STORY = "The talks ended without a deal."


def clean(text: str) -> str:
    return strip_boilerplate(normalize(text))


def agencies(text: str) -> list[str]:
    return detect_agencies(normalize(text))


# --- normalize ----------------------------------------------------------------------------

def test_curly_quotes_become_straight():
    assert normalize("\u201cYes,\u201d she said, \u2018it\u2019s \u00abdone\u00bb\u2019") == \
        "\"Yes,\" she said, 'it's \"done\"'"


def test_double_prime_becomes_one_double_quote_not_two_primes():
    assert normalize("a 6\u2033 gap") == 'a 6" gap'


def test_spaced_en_and_em_dashes_become_spaced_hyphen():
    assert normalize("war \u2013 and peace \u2014 again") == "war - and peace - again"


def test_unspaced_em_dash_becomes_spaced_hyphen():
    assert normalize("war\u2014and peace") == "war - and peace"


def test_en_dash_in_range_and_minus_sign_become_hyphen():
    assert normalize("1990\u20131995, \u22125 degrees, well\u2010known") == \
        "1990-1995, -5 degrees, well-known"


def test_typewriter_double_hyphen_becomes_dash():
    assert normalize("war--and peace") == "war - and peace"


def test_soft_hyphens_zero_width_chars_and_bom_are_removed():
    assert normalize("\ufeffgov\u00adern\u200bment\u200d") == "government"


def test_control_characters_are_removed_but_paragraphs_kept():
    assert normalize("a\x00b\x07c\n\nd\x1fe") == "abc\n\nde"


def test_nfkc_folds_compatibility_characters():
    assert normalize("\uff21\uff22\uff23 \ufb01le \u2460") == "ABC file 1"


def test_crlf_and_cr_become_newlines():
    assert normalize("one\r\n\r\ntwo\r\rthree") == "one\n\ntwo\n\nthree"


def test_ocr_line_break_hyphen_is_joined():
    text = "The gov-\nernment said the new meas-\nures would start soon in all of the\nregions."
    assert normalize(text) == \
        "The government said the new measures would start soon in all of the regions."


def test_line_break_hyphen_before_capital_keeps_compound():
    text = "Talks on the Franco-\nGerman border resumed on Monday after a long\nbreak here."
    assert "Franco-German border" in normalize(text)


def test_line_break_hyphen_in_known_compound_is_kept():
    text = "The vice-\npresident and a well-\nknown senator met the press on a\nMonday."
    assert "vice-president and a well-known senator" in normalize(text)


def test_single_newlines_in_wrapped_text_become_spaces():
    text = ("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating\n"
            "the drought since early January.")
    assert normalize(text) == ("Showers continued throughout the week in the Bahia cocoa "
                               "zone, alleviating the drought since early January.")


def test_blank_lines_separate_paragraphs():
    assert normalize("First  para\nwraps here.\n \n\n\tSecond para.") == \
        "First para wraps here.\n\nSecond para."


def test_indented_line_starts_a_paragraph_in_wire_copy():
    text = ("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the\n"
            "drought.\n    The dry period means the temporao\nwill be late this year.")
    assert normalize(text) == ("Showers continued throughout the week in the Bahia cocoa "
                               "zone, alleviating the drought.\n\nThe dry period means the "
                               "temporao will be late this year.")


def test_long_lines_are_each_a_paragraph():
    long_line = "word " * 30
    assert normalize(f"By Jane Doe\n{long_line}\n{long_line}").count("\n\n") == 2


def test_runs_of_spaces_and_tabs_collapse():
    assert normalize("  a \t\u00a0 b\u3000c  ") == "a b c"


@pytest.mark.parametrize("text", [
    "中国海军周一举行演习。官员表示、这是例行演习。",
    "قال المتحدث إن التدريبات روتينية.",
    "Президент заявил, что учения прошли успешно.",
])
def test_non_latin_text_passes_through_unharmed(text):
    # (already NFKC: NFKC itself does turn a full-width comma into ",")
    assert normalize(text) == text
    assert clean_for_matching(text).text == text
    assert tokenize(clean_for_matching(text).text) == tokenize(text)


def test_normalize_is_idempotent():
    text = ("\ufeffBy Jane Doe\r\n\r\nBEIJING (AP) \u2014 The gov-\nernment\u2019s "
            "\u201cplan\u201d\n"
            "\t\tstarts.\u00a0\u00a0Soon.\n\n\n(AP Photo/Ng Han Guan)")
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(alphabet=st.sampled_from(
    list("ab AZ.-\n\t\r'\"()") + ["\u2014", "\u2013", "\u201c", "\u2019", "\u00ad", "\u200b",
                                  "\u2033", "\u00b4", "\ufe58", "\u0301", "\u00a0", "\u2029"])))
def test_normalize_is_idempotent_on_random_text(text):
    once = normalize(text)
    assert normalize(once) == once


# --- strip_boilerplate: datelines -----------------------------------------------------------

@pytest.mark.parametrize("dateline", [
    "BEIJING (AP) - ",
    "PARIS, Nov 12 (Reuters) - ",
    "NAIROBI, Kenya (AFP) -",
    "WASHINGTON (AP) \u2014 ",
    "LONDON, March 3 (Reuters) - ",
    "BERLIN (dpa) - ",
    "TOKYO, Jan. 5 (Kyodo) - ",
    "MADRID - ",
    "MADRID, Spain - ",
    "NEW YORK, Feb 26 - ",
    "PORTLAND, Ore., Feb 26 - ",
    "London, March 9 - ",
    "(AFP) - ",
])
def test_dateline_with_or_without_agency_is_stripped(dateline):
    assert clean(dateline + STORY) == STORY


def test_dateline_is_stripped_only_from_the_first_paragraph():
    text = "BEIJING (AP) - Talks ended.\n\nMADRID - Another city was named in a quote."
    assert clean(text) == "Talks ended.\n\nMADRID - Another city was named in a quote."


def test_sentence_starting_with_a_name_is_not_a_dateline():
    assert clean("Angela Merkel said on Monday - quietly - that she agreed.") == \
        "Angela Merkel said on Monday - quietly - that she agreed."


# --- strip_boilerplate: bylines ---------------------------------------------------------------

@pytest.mark.parametrize("byline", [
    "By Jane Doe, Associated Press",
    "By JANE DOE and JOHN ROE",
    "By Jane Doe | Reuters",
    "Jane Doe, AFP",
    "By Reuters Staff",
])
def test_byline_paragraph_is_stripped(byline):
    assert clean(f"{byline}\n\n{STORY}") == STORY


def test_sentence_starting_with_by_is_kept():
    text = "By Tuesday, the army had retreated."
    assert clean(text) == text


# --- strip_boilerplate: credit and copyright lines -----------------------------------------

@pytest.mark.parametrize("credit", [
    "zc/wd (AP, AFP, Reuters)",
    "(AP, AFP)",
    "\u2014 With reporting by AFP",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "(Additional reporting by Jane Doe in Paris)",
    "Reuters",
    "AFP contributed to this report.",
    "The Associated Press contributed to this report.",
    "Copyright 2026 The Associated Press. All rights reserved.",
    "\u00a9 2026 AFP",
    "This material may not be published, broadcast, rewritten or redistributed.",
])
def test_credit_and_copyright_lines_are_stripped(credit):
    assert clean(f"{STORY}\n\n{credit}") == STORY


def test_credit_list_at_the_end_of_the_last_paragraph_is_stripped():
    assert clean(f"{STORY} zc/wd (AP, AFP, Reuters)") == STORY


def test_reporting_credit_at_the_end_of_the_last_paragraph_is_stripped():
    assert clean(f"{STORY} (Reporting by Jane Doe; Editing by John Roe)") == STORY


def test_sentence_mentioning_reuters_is_kept():
    text = ("A spokesman told Reuters the talks had failed.\n\n"
            "The company said in a statement to AFP.")
    assert clean(text) == text


def test_sentence_starting_with_reporting_by_is_kept():
    text = "The talks ended.\n\nReporting by the BBC showed that the minister knew."
    assert clean(text) == text


def test_sentence_about_copyright_is_kept():
    text = "Copyright holders sued the company on Monday."
    assert clean(text) == text


# --- strip_boilerplate: captions and link lines ----------------------------------------------

@pytest.mark.parametrize("caption", [
    "Photo: Jane Doe",
    "Image: Jane Doe/AFP",
    "FILE - Police stand guard in Paris, Jan. 5, 2026.",
    "FILE PHOTO: A warship sails near the coast.",
    "Police stand guard in Paris. (AP Photo/Jane Doe)",
    "Police stand guard in Paris. (Photo: Jane Doe)",
    "Police stand guard in Paris. Jane Doe/Getty Images",
    "Police stand guard in Paris. REUTERS/Jane Doe",
    "Read more: Why the talks failed",
    "Related: Ten things to know",
    "Follow us on Twitter",
])
def test_caption_and_link_lines_are_stripped(caption):
    text = f"The talks ended without a deal.\n\n{caption}\n\nBoth sides left."
    assert clean(text) == "The talks ended without a deal.\n\nBoth sides left."


def test_photo_credit_is_cut_from_a_long_paragraph_that_keeps_its_text():
    story = " ".join(["The talks went on."] * 25)
    assert clean(f"{story} (AP Photo/Jane Doe)") == story


# --- strip_boilerplate: Reuters-21578 trailers --------------------------------------------

@pytest.mark.parametrize("trailer", ["\n REUTER", " Reuter", "\n Reuters", "\n REUTER\n&#3;"])
def test_reuters_trailer_is_stripped(trailer):
    assert clean(f"Profits rose 12 pct, the company said.{trailer}") == \
        "Profits rose 12 pct, the company said."


def test_sentence_ending_with_told_reuters_is_kept():
    assert clean("The minister told Reuters.") == "The minister told Reuters."


# --- detect_agencies ---------------------------------------------------------------------------

def test_zc_wd_credit_line_lists_three_agencies():
    assert agencies("The talks ended.\n\nzc/wd (AP, AFP, Reuters)") == ["AP", "AFP", "Reuters"]


def test_dateline_agency_is_detected():
    assert agencies("BERLIN (dpa) - The talks ended.") == ["dpa"]


def test_agencies_come_in_order_of_first_appearance_without_duplicates():
    text = ("WASHINGTON (AP) - The talks ended.\n\n(AP Photo/Jane Doe)\n\n"
            "- With reporting by AFP\n\nCopyright 2026 The Associated Press.")
    assert agencies(text) == ["AP", "AFP"]


def test_reuters_style_reporting_credit_means_reuters():
    text = "The talks ended.\n\n(Reporting by Jane Doe; Editing by John Roe)"
    assert agencies(text) == ["Reuters"]


@pytest.mark.parametrize("text, expected", [
    ("By Jane Doe, Associated Press\n\nThe talks ended.", ["AP"]),
    ("The talks ended.\n\nAgence France-Presse contributed to this report.", ["AFP"]),
    ("The talks ended.\n\n\u00a9 2026 Deutsche Presse-Agentur", ["dpa"]),
    ("TOKYO, Jan. 5 (Kyodo) - The talks ended.", ["Kyodo"]),
    ("LONDON (PA) - The talks ended.", ["PA"]),
    ("The talks ended.\n\n(EFE, ANSA, Xinhua)", ["EFE", "ANSA", "Xinhua"]),
    ("The talks ended.\n\n(UPI, AAP, KNA, epd, SID)", ["UPI", "AAP", "KNA", "epd", "SID"]),
    ("The talks ended.\n\n(TASS, Anadolu, Yonhap, PTI, IANS)",
     ["TASS", "Anadolu", "Yonhap", "PTI", "IANS"]),
    ("NEW YORK (Bloomberg) - Shares rose.", ["Bloomberg"]),
    ("Profits rose, the company said.\n REUTER", ["Reuters"]),
    ("Police in Paris. (AP Photo/Jane Doe)", ["AP"]),
])
def test_credited_agencies_are_detected(text, expected):
    assert agencies(text) == expected


def test_pennsylvania_is_not_press_association():
    text = "The plant in Pittsburgh, PA, will close. It moved from Erie (PA) in 1990."
    assert agencies(text) == []


def test_mentions_of_agencies_in_sentences_are_not_credits():
    text = ("A spokesman told Reuters the plan failed, said Bloomberg, the former mayor. "
            "The Economic Planning Agency (EPA) agreed, the Associated Press reported.")
    assert agencies(text) == []


def test_ap_in_an_all_caps_headline_is_not_a_credit():
    assert agencies("AP TEST SCORES RISE IN STATE SCHOOLS") == []


def test_agency_table_is_one_mapping_with_aliases():
    from dedupe.text.agencies import AGENCIES

    assert "Agence France-Presse" in AGENCIES["AFP"]


# --- clean_for_matching -------------------------------------------------------------------

def test_clean_for_matching_strips_and_records_agencies():
    body = ("By Jane Doe, Associated Press\n\nBEIJING (AP) \u2014 China\u2019s navy held drills."
            "\n\nzc/wd (AP, AFP, Reuters)")
    assert clean_for_matching(body, title="Navy drills") == \
        CleanText(text="China's navy held drills.", agencies=("AP", "AFP", "Reuters"))


def test_clean_for_matching_falls_back_to_title_when_body_is_empty():
    assert clean_for_matching("  \n REUTER", title="BAHIA \u201cCOCOA\u201d REVIEW").text == \
        'BAHIA "COCOA" REVIEW'


def test_clean_text_is_frozen():
    with pytest.raises(AttributeError):
        clean_for_matching("x").text = "y"  # type: ignore[misc]


# --- real wire copy --------------------------------------------------------------------------

def _reuters_records(limit: int) -> list[dict]:
    if not REUTERS.exists():
        pytest.skip(f"Reuters-21578 dev corpus not found at {REUTERS}")
    records = []
    with REUTERS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["text"].strip():
                records.append(record)
            if len(records) == limit:
                break
    return records


def test_reuters_bodies_keep_their_words_and_lose_their_datelines():
    for record in _reuters_records(500):
        body = f"{record['dateline']} {record['text']}"
        cleaned = clean(body)
        original_words = tokenize(record["text"])
        if len(original_words) >= 50:
            assert len(tokenize(cleaned)) >= 0.8 * len(original_words), record["id"]
        assert not cleaned.startswith(normalize(record["dateline"])), record["id"]
        assert not cleaned.endswith("REUTER"), record["id"]


def test_staff_byline_is_stripped_and_dateline_after_it_too():
    text = normalize("By Daily Meridian staff and wire services\n\nLIMA, Peru (AP) — A magnitude 6.7 earthquake struck.")
    assert strip_boilerplate(text) == "A magnitude 6.7 earthquake struck."


def test_glyph_skeleton_is_unchanged_by_typical_ocr_misreadings():
    from dedupe.text.glyphs import glyph_skeleton
    clean = "The Government will sell 1,000 million shares in Bombay"
    misread = "Tbe Govemment wil1 se11 l,OOO mi11ion sharcs inBornbay"
    assert glyph_skeleton(misread) == glyph_skeleton(clean)


def test_glyph_skeleton_keeps_different_words_different():
    from dedupe.text.glyphs import glyph_skeleton
    assert glyph_skeleton("profits rose") != glyph_skeleton("losses fell")
    assert glyph_skeleton("Москва, 2024 год") == "москва2o24год"  # other scripts kept; only look-alike Latin glyphs and digits merge
