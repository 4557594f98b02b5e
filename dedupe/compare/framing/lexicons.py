"""The curated word lists behind framing checks, read once from `dedupe.data.lexicons`.

Every list is a plain text file: one entry a line, `#` starts a comment. Entries are
matched as sequences of case-folded words, so "so-called" and "So called" are the same.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

Phrase = tuple[str, ...]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[%$€£¥]")


def phrase_key(text: str) -> Phrase:
    """The words of `text`, case-folded, without punctuation, hyphens or possessive 's."""
    return tuple(word_key(word) for word in _WORD.findall(text))


def word_key(word: str) -> str:
    """One word as lexicons match it: "Government's" -> "government"."""
    key = word.casefold().replace("’", "'")
    return key[:-2] if key.endswith("'s") and len(key) > 2 else key


@cache
def _lines(name: str) -> tuple[list[str], ...]:
    """Tab-separated fields of every non-comment line of a lexicon file."""
    text = resources.files("dedupe.data.lexicons").joinpath(name).read_text(encoding="utf-8")
    rows = (line.rstrip("\n") for line in text.splitlines())
    return tuple([field.strip() for field in row.split("\t")] for row in rows
                 if row.strip() and not row.lstrip().startswith("#"))


@cache
def attribution_verbs() -> dict[Phrase, str]:
    """Every form of every attribution verb -> its base form ("said" -> "say")."""
    forms: dict[Phrase, str] = {}
    for (line, *_rest) in _lines("attribution_verbs.txt"):
        words = line.split()
        # A line lists forms; a particle ("point out") follows each form, so split on it.
        particle = [w for w in words if w in {"out", "up", "down", "off"}]
        verbs = [w for w in words if w not in particle]
        lemma = " ".join([verbs[0], *particle[:1]])
        for verb in verbs:
            forms[phrase_key(" ".join([verb, *particle[:1]]))] = lemma
    return forms


@cache
def hedges() -> dict[Phrase, str]:
    """Hedge and booster phrases -> "hedge" or "booster"."""
    return {phrase_key(row[0]): (row[1] if len(row) > 1 else "hedge") for row in _lines("hedges.tsv")}


@cache
def loaded_groups() -> dict[Phrase, frozenset[Phrase]]:
    """Each term of the loaded-terms lexicon -> the other terms it may be swapped with.

    Terms listed against the same neutral term form one group."""
    groups: dict[Phrase, set[Phrase]] = {}
    for row in _lines("loaded_terms.tsv"):
        neutral, loaded = phrase_key(row[0]), phrase_key(row[1])
        groups.setdefault(neutral, {neutral}).add(loaded)
    mates: dict[Phrase, set[Phrase]] = {}
    for members in groups.values():
        for term in members:
            mates.setdefault(term, set()).update(members - {term})
    return {term: frozenset(others) for term, others in mates.items()}


@cache
def loaded_words() -> frozenset[Phrase]:
    """Evaluative words that load a sentence when added ("brutal", "embattled")."""
    return frozenset(phrase_key(row[0]) for row in _lines("loaded_words.txt"))


@cache
def spelling_variants() -> dict[Phrase, Phrase]:
    """Irregular spellings and abbreviations -> one canonical spelling."""
    return {phrase_key(row[0]): phrase_key(row[1]) for row in _lines("spelling_variants.tsv")}
