"""Aligning versions of one story: rows, gaps, moves, splits and merges, word diffs."""

from dedupe.align import align_versions, diff_words, split_sentences

BASE = """A magnitude 6.7 earthquake struck southern Peru on Tuesday, killing at least 14 people.

The quake hit at dawn at a depth of 38 kilometers. It was felt as far away as Tacna.

"We have confirmed 14 dead," said Ana Ruiz, the regional governor.

Rescuers worked through the morning with shovels. A church tower collapsed in Yanque.

Aftershocks continued to rattle the region. Schools will stay closed on Wednesday."""


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def align(*texts: str, titles=None):
    titles = titles or [f"title {k}" for k in range(len(texts))]
    return align_versions([f"v{k}" for k in range(len(texts))], titles, [split_sentences(t) for t in texts])


def cells_of(alignment, column: int) -> list[tuple[str, str | None]]:
    return [(row.cells[column].status, row.cells[column].text) for row in alignment.rows[1:]]


def test_sentences_keep_offsets_and_paragraphs():
    sentences = split_sentences(BASE)
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2, 3, 3, 4, 4]
    assert all(BASE[s.start : s.end] == s.text for s in sentences)


def test_abbreviations_do_not_end_sentences():
    sentences = split_sentences("Mr. Smith met Dr. Jones in the U.S. on Jan. 5. They talked.")
    assert [s.text for s in sentences] == ["Mr. Smith met Dr. Jones in the U.S. on Jan. 5.", "They talked."]


def test_text_without_sentence_boundaries_is_one_unit():
    assert len(split_sentences("no full stop anywhere in this line of text")) == 1


def test_identical_version_is_same_in_every_row():
    alignment = align(BASE, BASE)
    assert {status for status, _ in cells_of(alignment, 1)} == {"same"}


def test_trimmed_version_has_gaps_after_its_end():
    trimmed = "\n\n".join(paragraphs(BASE)[:2])
    statuses = [status for status, _ in cells_of(align(BASE, trimmed), 1)]
    assert statuses == ["same", "same", "same", "gap", "gap", "gap", "gap", "gap"]


def test_reworded_sentence_is_aligned_and_diffed():
    edited = BASE.replace("said Ana Ruiz", "claimed Ana Ruiz")
    rows = align(BASE, edited).rows
    quote_row = next(r for r in rows if r.cells[0].text and "confirmed" in r.cells[0].text)
    assert quote_row.cells[1].status == "changed"
    changes = [(s.before, s.after) for s in quote_row.cells[1].diff if s.op != "equal"]
    assert changes == [("said", "claimed")]


def test_moved_paragraph_is_a_move_not_a_drop_and_an_add():
    parts = paragraphs(BASE)
    moved = "\n\n".join([parts[0], parts[3], parts[1], parts[2], parts[4]])
    cells = cells_of(align(BASE, moved), 1)
    assert all(status != "gap" and status != "added" for status, _ in cells)
    assert sum(status == "moved" for status, _ in cells) == 2  # the two sentences of paragraph 4


def test_added_paragraph_gets_its_own_row_after_its_neighbour():
    parts = paragraphs(BASE)
    added = "\n\n".join(parts[:2] + ["In Lima, the president declared three days of national mourning."] + parts[2:])
    alignment = align(BASE, added)
    rows = alignment.rows[1:]
    index = next(i for i, r in enumerate(rows) if r.cells[1].status == "added")
    assert rows[index].cells[0].text is None
    assert "Tacna" in rows[index - 1].cells[0].text


def test_split_sentence_maps_both_halves_to_one_row():
    split = BASE.replace("struck southern Peru on Tuesday, killing at least 14 people.",
                         "struck southern Peru on Tuesday. It killed at least 14 people.")
    first = align(BASE, split).rows[1]
    assert first.cells[1].text == "A magnitude 6.7 earthquake struck southern Peru on Tuesday. It killed at least 14 people."


def test_merged_sentences_share_one_row():
    merged = BASE.replace("38 kilometers. It was felt", "38 kilometers and was felt")
    alignment = align(BASE, merged)
    row = next(r for r in alignment.rows if r.cells[0].text and "38 kilometers" in r.cells[0].text)
    assert "Tacna" in row.cells[0].text and "Tacna" in row.cells[1].text


def test_sentences_added_by_two_versions_share_a_row():
    extra = "\n\nAFP reported that the death toll could rise as rescuers reach remote villages."
    alignment = align(BASE, BASE + extra, BASE + extra.replace("could", "may"))
    added = [r for r in alignment.rows if r.cells[1].status == "added" or r.cells[2].status == "added"]
    assert len(added) == 1 and added[0].cells[1].text and added[0].cells[2].text


def test_headline_row_comes_first():
    alignment = align(BASE, BASE, titles=["Quake kills 14 in Peru", "Peru quake: 14 dead"])
    assert alignment.rows[0].kind == "headline"
    assert [c.text for c in alignment.rows[0].cells] == ["Quake kills 14 in Peru", "Peru quake: 14 dead"]


def test_alignment_is_deterministic():
    edited = BASE.replace("said", "insisted").replace("38", "40")
    first = [r.to_json(i) for i, r in enumerate(align(BASE, edited, BASE[:200]).rows)]
    second = [r.to_json(i) for i, r in enumerate(align(BASE, edited, BASE[:200]).rows)]
    assert first == second


def test_word_diff_segments_rebuild_both_texts():
    before, after = "The minister said on Tuesday that 12 people died.", "The minister claimed that 15 people died!"
    segments, blocks = diff_words(before, after)
    assert "".join(s.before for s in segments) == before
    assert "".join(s.after for s in segments) == after
    assert [(b.before, b.after) for b in blocks] == [("said on Tuesday", "claimed"), ("12", "15"), (".", "!")]


def test_closing_quote_stays_with_its_sentence():
    sentences = split_sentences('He said "we will win." "We are ready," she added.')
    assert [s.text for s in sentences] == ['He said "we will win."', '"We are ready," she added.']
