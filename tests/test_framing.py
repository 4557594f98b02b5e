"""Framing: classify change blocks, follow quotes, distinctive terms, summary."""

from __future__ import annotations

import pytest

from dedupe.compare.framing import (Finding, added_quotes, classify_block, compare_quotes, distinctive_terms,
                                    find_quotes, summarize)
from dedupe.compare.framing.lexicons import loaded_groups

BASE = "Police said 12 people were killed in the attack on Tuesday, officials in Karlstad confirmed."


def kinds(before: str, after: str, base: str = BASE, version: str | None = None) -> list[str]:
    return [f.kind for f in findings(before, after, base, version)]


def findings(before: str, after: str, base: str = BASE, version: str | None = None) -> list[Finding]:
    version = base.replace(before, after, 1) if version is None else version
    return classify_block(before, after, base, version)


# --- attribution verbs ----------------------------------------------------------------------

def test_said_to_claimed_is_attribution_verb():
    (found,) = findings("said", "claimed")
    assert found.kind == "attribution_verb"
    assert found.label == "'said' became 'claimed'"
    assert (found.before, found.after) == ("said", "claimed")


def test_tense_only_change_of_the_same_verb_is_minor():
    (found,) = findings("said", "says")
    assert found.kind == "minor"
    assert found.label.startswith("tense only")


def test_verb_and_hedge_in_one_block_are_two_findings():
    base = "The minister said the plan had failed."
    version = "The minister claimed that reportedly the plan had failed."
    found = classify_block("said", "claimed that reportedly", base, version)
    assert [f.kind for f in found] == ["attribution_verb", "hedge"]
    block = "claimed that reportedly"
    assert block[slice(*found[1].offset)] == "reportedly"


def test_noun_claim_is_not_an_attribution_verb():
    base = "She rejected the report outright."
    assert kinds("report", "claim", base) == ["wording_changed"]


# --- hedges ---------------------------------------------------------------------------------

def test_reportedly_added_is_hedge():
    version = BASE.replace("were killed", "were reportedly killed")
    (found,) = classify_block("", "reportedly", BASE, version)
    assert found.kind == "hedge"
    assert found.label == "hedge added: 'reportedly'"


def test_hedge_removed_is_labelled():
    base = "The ship was allegedly carrying weapons."
    (found,) = classify_block("allegedly", "", base, "The ship was carrying weapons.")
    assert (found.kind, found.label) == ("hedge", "hedge removed: 'allegedly'")


def test_multi_word_hedge_is_found_across_block_edges():
    base = "He is the leader of the group."
    version = "He is believed to be the leader of the group."
    assert kinds("", "believed to be", base, version) == ["hedge"]


def test_certainty_marker_added_is_hedge():
    version = BASE.replace("were killed", "were clearly killed")
    (found,) = classify_block("", "clearly", BASE, version)
    assert (found.kind, found.label) == ("hedge", "certainty marker added: 'clearly'")


def test_month_may_is_not_a_hedge():
    base = "The election is due on June 5."
    assert kinds("June", "May", base) == ["number_changed"]


# --- loaded terms ---------------------------------------------------------------------------

def test_regime_for_government_is_loaded_term():
    base = "The government announced new measures."
    (found,) = findings("government", "regime", base)
    assert (found.kind, found.label) == ("loaded_term", "'government' became 'regime'")


def test_multi_word_loaded_term_reports_whole_phrases():
    base = "The bill offers tax relief to families."
    (found,) = findings("relief", "cuts", base)
    assert (found.kind, found.before, found.after) == ("loaded_term", "tax relief", "tax cuts")


def test_hyphenated_loaded_term_split_in_two_blocks_is_reported_once():
    base = "A pro-life group marched."
    version = "A anti-abortion group marched."
    first = classify_block("pro", "anti", base, version)
    second = classify_block("life", "abortion", base, version)
    assert [f.kind for f in first] == ["loaded_term"] and second == []


def test_swapping_two_loaded_members_of_a_group_is_loaded_term():
    base = "The militants seized the town."
    assert kinds("militants", "terrorists", base) == ["loaded_term"]


def test_loaded_word_added_is_labelled():
    version = BASE.replace("the attack", "the brutal attack")
    (found,) = classify_block("", "brutal", BASE, version)
    assert (found.kind, found.label) == ("loaded_term", "loaded word added: 'brutal'")


def test_loaded_terms_lexicon_has_at_least_80_pairs():
    assert sum(len(mates) for mates in loaded_groups().values()) // 2 >= 80


# --- numbers --------------------------------------------------------------------------------

def test_casualty_figure_change_is_labelled():
    (found,) = findings("12", "15")
    assert (found.kind, found.label) == ("number_changed", "casualty figure changed: 12 → 15")


def test_number_word_to_different_digits_is_number_changed():
    base = "Officials counted twelve boats in the harbour."
    (found,) = findings("twelve", "15", base)
    assert (found.kind, found.label) == ("number_changed", "number changed: twelve → 15")


def test_qualified_figures_are_compared_as_a_whole():
    (found,) = findings("12 people", "more than 20 people", "At least 12 people died.",
                        "At least more than 20 people died.")
    assert found.kind == "number_changed"


def test_weekday_change_is_a_date_change():
    (found,) = findings("Tuesday", "Wednesday")
    assert (found.kind, found.label) == ("number_changed", "date changed: Tuesday → Wednesday")


def test_day_of_month_change_is_a_date_change():
    base = "The vote was held on March 3 in the capital."
    (found,) = findings("3", "4", base)
    assert (found.kind, found.label) == ("number_changed", "date changed: 3 → 4")


def test_part_of_a_number_is_widened_in_the_label():
    base = "The fund holds 12,000 dollars."
    (found,) = findings("12", "15", base)
    assert found.label == "number changed: 12,000 → 15,000"


def test_same_number_in_another_style_is_minor():
    assert kinds("twelve", "12", "Police found twelve bodies.") == ["minor"]


def test_number_inside_unchanged_context_is_not_flagged():
    base = "In 2023, 12 people said the council had failed."
    version = "In 2023, 12 people claimed the council had failed."
    assert kinds("said", "claimed", base, version) == ["attribution_verb"]


# --- entities -------------------------------------------------------------------------------

def test_title_and_name_change_is_entity_changed():
    base = "The Chinese leader met the delegation."
    (found,) = findings("Chinese leader", "President Xi Jinping", base)
    assert (found.kind, found.label) == ("entity_changed", "'Chinese leader' became 'President Xi Jinping'")


def test_surname_swap_is_entity_changed():
    assert kinds("Karlstad", "Uppsala") == ["entity_changed"]


def test_capitalised_first_word_is_not_an_entity():
    base = "The talks ended early."
    assert kinds("The", "Those", base) == ["wording_changed"]


# --- minor ----------------------------------------------------------------------------------

def test_case_only_change_is_minor():
    (found,) = findings("Police", "police")
    assert (found.kind, found.label) == ("minor", "case only")


@pytest.mark.parametrize("before, after", [
    ("honour", "honor"), ("organisation", "organization"), ("centre", "center"), ("defence", "defense"),
    ("travelled", "traveled"), ("colourful", "colorful"), ("programme", "program"), ("analysed", "analyzed"),
])
def test_british_spelling_is_minor(before, after):
    (found,) = findings(before, after, f"They spoke of the {before} today.")
    assert found.kind == "minor" and found.label.startswith("spelling variant")


@pytest.mark.parametrize("before, after, label", [
    (",", ";", "punctuation only"), ('"', "“", "quote style"), ("e-mail", "email", "hyphenation"),
    ("per cent", "percent", "spelling variant"), ("Sept.", "September", "abbreviation"),
    ("U.S.", "US", "abbreviation"),
])
def test_punctuation_quotes_hyphens_and_abbreviations_are_minor(before, after, label):
    found = classify_block(before, after, before, after)
    assert [f.kind for f in found] == ["minor"] and found[0].label.startswith(label)


def test_ocr_noise_is_minor():
    assert kinds("government", "governrnent", "The government met.") == ["minor"]


@pytest.mark.parametrize("before, after", [("legal", "illegal"), ("official", "officials"),
                                           ("would", "could"), ("Monday", "Sunday")])
def test_close_but_different_words_are_not_minor(before, after):
    assert "minor" not in kinds(before, after, f"It was {before} then.")


def test_real_rewording_is_wording_changed():
    base = "The talks began in the capital."
    (found,) = findings("began", "started", base)
    assert (found.kind, found.label) == ("wording_changed", "reworded: 'began' → 'started'")


def test_long_rewording_label_is_truncated():
    before = "the weather was mild and the crowds were very large throughout the long and eventful day"
    (found,) = classify_block(before, "it rained", f"Then {before}.", "Then it rained.")
    assert found.kind == "wording_changed" and "…" in found.label


# --- quotes ---------------------------------------------------------------------------------

QUOTE = '"We will not surrender to these threats," said Health Minister Maria Lind on Tuesday.'


def test_find_quotes_reads_speaker_after_quote():
    (quote,) = find_quotes(QUOTE)
    assert quote.text == "We will not surrender to these threats"
    assert quote.speaker == "Maria Lind"
    assert QUOTE[quote.start:quote.end].startswith('"') and QUOTE[quote.end - 1] == '"'


@pytest.mark.parametrize("sentence, speaker", [
    ('Lind told reporters: "The deal is dead."', "Lind"),
    ("“It is over,” Smith said.", "Smith"),
    ('According to the ministry, the plan was «a disaster».', "the ministry"),
    ('"It is over," he said.', None),
])
def test_find_quotes_speaker_patterns(sentence, speaker):
    (quote,) = find_quotes(sentence)
    assert quote.speaker == speaker


def test_quote_continuing_from_earlier_sentence_is_marked():
    (quote,) = find_quotes('We will win," she said.')
    assert quote.continued and quote.text == "We will win"


def test_kept_quote_has_no_finding():
    assert compare_quotes(find_quotes(QUOTE), 'Lind spoke. "We will not surrender to these threats," she said.') == []


def test_quote_dropped_names_speaker():
    (found,) = compare_quotes(find_quotes(QUOTE), "The minister spoke about the budget on Tuesday.")
    assert found.kind == "quote_dropped"
    assert found.label == "quote from Maria Lind dropped: “We will not surrender to these threats”"


def test_shortened_quote_is_quote_changed():
    (found,) = compare_quotes(find_quotes(QUOTE), 'Lind spoke. "We will not surrender," she said.')
    assert found.kind == "quote_changed" and "shortened" in found.label
    assert found.after == "We will not surrender"


def test_unquoted_quote_is_paraphrased():
    (found,) = compare_quotes(find_quotes(QUOTE), "Lind said they would not surrender to these threats.")
    assert found.kind == "quote_changed" and "paraphrased" in found.label


def test_added_quote_is_quote_added_once_across_sentences():
    version = find_quotes('"This is a new era.') + find_quotes('We start today," said Mayor John Doe.')
    (found,) = added_quotes("The mayor spoke about the city.", version)
    assert found.kind == "quote_added" and "John Doe" in found.label


def test_quote_already_in_base_is_not_added():
    assert added_quotes(QUOTE, find_quotes(QUOTE)) == []


# --- distinctive terms ----------------------------------------------------------------------

def test_distinctive_terms_prefer_version_specific_words():
    texts = {
        "a": "The government said the storm damaged the harbour.",
        "b": "The regime claimed the storm damaged the harbour.",
        "c": "The government said the storm damaged the harbour.",
    }
    terms = distinctive_terms(texts)
    assert {"claimed", "regime"} <= {t for t, _ in terms["b"]}
    assert "storm" not in dict(terms["b"])
    assert all(score > 0 for _, score in terms["b"])


def test_distinctive_terms_handle_one_version_and_empty_texts():
    assert distinctive_terms({"a": "Some text here."}) == {"a": []}
    assert distinctive_terms({"a": "", "b": ""}) == {"a": [], "b": []}


def test_distinctive_terms_are_deterministic():
    texts = {"a": "alpha beta gamma", "b": "delta epsilon zeta", "c": "alpha delta"}
    assert distinctive_terms(texts) == distinctive_terms(dict(reversed(list(texts.items()))))


# --- summary --------------------------------------------------------------------------------

VERSIONS = [{"id": "base", "source": "Wire"}, {"id": "dm", "source": "Daily Meridian"},
            {"id": "np", "source": "NordPost"}, {"id": "hl", "source": "Harbor Ledger"},
            {"id": "lg", "source": "Lakeshore Gazette"}]


def edit(kind: str, version: str, before: str, after: str, label: str) -> dict:
    return {"kind": kind, "version": version, "before": before, "after": after, "label": label}


def test_summary_groups_outlets_with_same_change():
    edits = [edit("attribution_verb", v, "said", "claimed", "'said' became 'claimed'") for v in ("dm", "np")]
    assert summarize(edits, VERSIONS, "base") == ["Daily Meridian and NordPost write 'claimed' where the base "
                                                  "writes 'said'."]


def test_summary_puts_dropped_quotes_first_and_counts_outlets():
    edits = [
        edit("hedge", "dm", "", "reportedly", "hedge added: 'reportedly'"),
        *[edit("number_changed", v, "12", a, f"casualty figure changed: 12 → {a}")
          for v, a in (("dm", "15"), ("np", "14"), ("hl", "15"))],
        edit("quote_dropped", "hl", "We will not surrender", "", "quote from Maria Lind dropped: “We…”"),
        edit("truncated", "lg", "", "", "stops after paragraph 4 of 11"),
        edit("minor", "np", "honour", "honor", "spelling variant"),
    ]
    assert summarize(edits, VERSIONS, "base") == [
        "Harbor Ledger dropped the quote from Maria Lind.",
        "3 outlets changed the death toll (12 → 15 in Daily Meridian).",
        "Daily Meridian adds the hedge 'reportedly'.",
        "Lakeshore Gazette stops after paragraph 4 of 11 (truncated).",
    ]


def test_summary_is_capped():
    edits = [edit("loaded_term", "dm", f"w{i}", f"x{i}", "") for i in range(30)]
    assert len(summarize(edits, VERSIONS, "base")) == 12


def test_ocr_garbled_hedge_is_minor_not_a_removed_hedge():
    findings = classify_block("might", "mlght", "Prices might rise next year.", "Prices mlght rise next year.")
    assert [f.kind for f in findings] == ["minor"]


def test_added_quote_is_found_even_when_the_base_scare_quotes_a_letter():
    base = 'The bonds are rated "A" by the agency. Trading was quiet.'
    found = added_quotes(base, find_quotes('"This changes everything for us," said a local resident.'))
    assert [f.kind for f in found] == ["quote_added"]
