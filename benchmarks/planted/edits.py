"""One planter per edit kind: each edits a Draft in place and returns the planted edit
{"kind", "before", "after", ...} in the words the comparison should report, or None when
the story offers no place for it. Planters only touch text no other edit has touched."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterator

from benchmarks.planted import lexicon as lx
from benchmarks.planted.paragraph_edits import (plant_credit_changed, plant_paragraph_added,
                                                plant_paragraph_dropped, plant_paragraph_moved,
                                                plant_truncated)
from benchmarks.planted.story import Draft, Paragraph, Sentence

Edit = dict
Planter = Callable[[Draft, random.Random], "Edit | None"]


# -- where edits may go -------------------------------------------------------------------

def _lead(draft: Draft) -> tuple[Paragraph, Sentence] | None:
    body = draft.body_positions()
    if not body:
        return None
    first = draft.paragraphs[body[0]]
    if first.origin is None or first.moved or not first.sentences:
        return None
    return first, first.sentences[0]


def _open_sentences(draft: Draft) -> Iterator[tuple[Paragraph, Sentence]]:
    """Untouched sentences of base paragraphs still in place, the lead sentence excepted."""
    lead = _lead(draft)
    for para in draft.paragraphs:
        if para.furniture or para.moved or para.origin is None:
            continue
        for sentence in para.sentences:
            if not sentence.touched and (lead is None or sentence is not lead[1]):
                yield para, sentence


def _matches(draft: Draft, pattern: re.Pattern[str]) -> list[tuple[Sentence, re.Match[str]]]:
    return [(s, m) for _, s in _open_sentences(draft) for m in pattern.finditer(s.text)
            if s.outside_quotes(m.start(), m.end())]


def _replace(sentence: Sentence, start: int, end: int, new: str) -> None:
    sentence.text = sentence.text[:start] + new + sentence.text[end:]
    sentence.touched = True


def _same_case(new: str, old: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() else new


def _word_swap(draft: Draft, rng: random.Random, kind: str, pattern: re.Pattern[str],
               choose: Callable[[str], str]) -> Edit | None:
    found = _matches(draft, pattern)
    if not found:
        return None
    sentence, match = rng.choice(found)
    old = match.group(0)
    new = choose(old)
    _replace(sentence, match.start(), match.end(), new)
    return {"kind": kind, "before": old, "after": new}


# -- words --------------------------------------------------------------------------------

_ATTRIBUTION_RE = re.compile(r"\b(?:said|says|told)\b")
_HEDGE_RE = re.compile(r"\b(?:reportedly|allegedly|apparently|purportedly|possibly)\b")
_AUX_RE = re.compile(r"\b(?:was|were|had|has|is|are|have) (?=(?!been\b)[a-z]{3,}(?:ed|en)\b)")
_SUBJECT_RE = re.compile(r"\b(?:[A-Z][a-z]+|police|officials|they|he|she) (?=(?!said\b)[a-z]{3,}ed\b)")
_HAS_RE = re.compile(r"\bhas(?= (?:been|[a-z]{3,}ed)\b)")
_REMOVE_HEDGE_RE = re.compile(r"\b(?:reportedly|allegedly|apparently|purportedly|possibly) ")
_LOADED_RE = re.compile(r"\b(?:" + "|".join(lx.LOADED) + r")\b", re.IGNORECASE)
_THE_NOUN_RE = re.compile(r"\bthe (?=([a-z]{4,})\b)")
_NUMBER_RE = re.compile(r"(?<![\w.,/:-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/:-]|[.,]\d)")
_ENTITY_RE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]{2,}){0,2}\b(?!['’]s)")
_DEMONYM_RE = re.compile(r"(?:ian|ean|ese|ish|an|al)$")
_SAID_LEAD_RE = re.compile(r"^(?P<who>[^,\"]{8,80}?) said (?:that |on \w+ that |on \w+ )?(?P<what>[^\"]{20,})\.$")
_TITLE_RE = re.compile(r"\bthe (" + "|".join(lx.TITLES) + r")\b")


def plant_attribution_verb(draft: Draft, rng: random.Random) -> Edit | None:
    return _word_swap(draft, rng, "attribution_verb", _ATTRIBUTION_RE,
                      lambda old: rng.choice(lx.ATTRIBUTION[old]))


def plant_hedge(draft: Draft, rng: random.Random) -> Edit | None:
    ways = ["insert", "insert", "may have", "remove"]
    rng.shuffle(ways)
    for way in ways:
        if way == "remove":
            found = _matches(draft, _REMOVE_HEDGE_RE)
            if found:
                sentence, match = rng.choice(found)
                _replace(sentence, match.start(), match.end(), "")
                return {"kind": "hedge", "before": match.group(0).strip(), "after": ""}
            continue
        if way == "may have":
            found = [(s, m) for s, m in _matches(draft, _HAS_RE) if not _HEDGE_RE.search(s.text)]
            if found:
                sentence, match = rng.choice(found)
                _replace(sentence, match.start(), match.end(), "may have")
                return {"kind": "hedge", "before": "has", "after": "may have"}
            continue
        found = [(s, m) for pattern in (_AUX_RE, _SUBJECT_RE) for s, m in _matches(draft, pattern)
                 if not _HEDGE_RE.search(s.text)]
        if found:
            sentence, match = rng.choice(found)
            hedge = rng.choice(lx.HEDGES)
            _replace(sentence, match.end(), match.end(), hedge + " ")
            return {"kind": "hedge", "before": "", "after": hedge}
    return None


def plant_loaded_term(draft: Draft, rng: random.Random) -> Edit | None:
    if rng.random() < 0.6:
        edit = _word_swap(draft, rng, "loaded_term", _LOADED_RE,
                          lambda old: _same_case(lx.LOADED[old.lower()], old))
        if edit:
            return edit
    found = [(s, m) for s, m in _matches(draft, _THE_NOUN_RE) if m.group(1) not in lx.NOT_NOUNS]
    if not found:
        return None
    sentence, match = rng.choice(found)
    adjective = rng.choice(lx.ADJECTIVES)
    _replace(sentence, match.end(), match.end(), adjective + " ")
    return {"kind": "loaded_term", "before": "", "after": adjective}


def _other_number(old: str, rng: random.Random) -> str:
    digits = [i for i, c in enumerate(old) if c.isdigit()]
    position = rng.choice(digits[-2:])
    choices = [d for d in "0123456789" if d != old[position] and not (position == digits[0] and d == "0")]
    return old[:position] + rng.choice(choices) + old[position + 1:]


def plant_number_changed(draft: Draft, rng: random.Random) -> Edit | None:
    return _word_swap(draft, rng, "number_changed", _NUMBER_RE, lambda old: _other_number(old, rng))


def _invented_name(old: str, place: bool, rng: random.Random) -> str:
    words = old.split()
    if place:
        return rng.choice(lx.PLACES)
    if len(words) == 1:
        return rng.choice(lx.SURNAMES)
    if len(words) == 2:
        return f"{rng.choice(lx.FIRST_NAMES)} {rng.choice(lx.SURNAMES)}"
    return " ".join([rng.choice(lx.PLACES).split()[0]] + words[1:])


def plant_entity_changed(draft: Draft, rng: random.Random) -> Edit | None:
    if rng.random() < 0.25:
        found = _matches(draft, _TITLE_RE)
        if found:
            sentence, match = rng.choice(found)
            new = f"{lx.TITLES[match.group(1)]} {rng.choice(lx.FIRST_NAMES)} {rng.choice(lx.SURNAMES)}"
            _replace(sentence, match.start(), match.end(), new)
            return {"kind": "entity_changed", "before": match.group(0), "after": new}
    found = [(s, m) for s, m in _matches(draft, _ENTITY_RE)
             if not set(re.split(r"[\s-]", m.group(0))) & lx.NOT_ENTITIES  # "January-August" is a date
             and not _DEMONYM_RE.search(m.group(0))]
    if not found:
        return None
    sentence, match = rng.choice(found)
    place = sentence.text[:match.start()].rstrip().rsplit(" ", 1)[-1] in {"in", "at", "from", "near", "to"}
    new = _invented_name(match.group(0), place, rng)
    while new == match.group(0):
        new = _invented_name(match.group(0), place, rng)
    _replace(sentence, match.start(), match.end(), new)
    return {"kind": "entity_changed", "before": match.group(0), "after": new}


_MINOR = [
    (re.compile(r"\bU\.S\.(?= [a-z])"), lambda m: "US"),
    (re.compile(r"\bper cent\b"), lambda m: "percent"),
    (re.compile(r"\bpercent\b"), lambda m: "per cent"),
    (re.compile(r"\b(?:Mr|Mrs|Dr)\.(?= [A-Z])"), lambda m: m.group(0)[:-1]),
    (re.compile(r"\b[a-z]{3,},(?= [a-z])"), lambda m: m.group(0)[:-1]),
    (re.compile(r"\b(?:government|parliament|president|army|police|prime minister|chief executive)\b"),
     lambda m: m.group(0).title()),
]


def plant_minor(draft: Draft, rng: random.Random) -> Edit | None:
    ways = list(_MINOR)
    rng.shuffle(ways)
    for pattern, change in ways:
        found = _matches(draft, pattern)
        if found:
            sentence, match = rng.choice(found)
            new = change(match)
            _replace(sentence, match.start(), match.end(), new)
            return {"kind": "minor", "before": match.group(0), "after": new}
    return None


# -- quotations ---------------------------------------------------------------------------

def _quoted(sentence: Sentence) -> list[str]:
    return [sentence.text[a + 1:b - 1] for a, b in sentence.quotes]


MIN_QUOTE_WORDS = 4  # shorter quoted bits are mostly scare quotes ("Uruguay round"), not quotations


def plant_quote_dropped(draft: Draft, rng: random.Random) -> Edit | None:
    found = [(p, s) for p, s in _open_sentences(draft)
             if s.quotes and s.balanced and len(p.sentences) >= 2 and not p.quote_edit
             # exactly one quotation, so that the one planted edit is all there is to find
             and sum(len(q.split()) >= MIN_QUOTE_WORDS for q in _quoted(s)) == 1
             and len(max(_quoted(s), key=len).split()) >= MIN_QUOTE_WORDS]
    if not found:
        return None
    para, sentence = rng.choice(found)
    para.sentences.remove(sentence)
    para.quote_edit = True
    return {"kind": "quote_dropped", "before": max(_quoted(sentence), key=len), "after": "",
            "scope": {"before": sentence.text, "after": ""}}


def plant_quote_changed(draft: Draft, rng: random.Random) -> Edit | None:
    found = [(s, q) for _, s in _open_sentences(draft) if s.balanced
             for q in s.quotes if len(s.text[q[0]:q[1]].split()) >= 8]
    if not found:
        return None
    sentence, (start, end) = rng.choice(found)
    inner = sentence.text[start + 1:end - 1]
    core = inner.rstrip(",.!?")
    ending = inner[len(core):]
    words = core.split()
    commas = [i + 1 for i, w in enumerate(words) if w.endswith(",") and 0.4 <= (i + 1) / len(words) <= 0.75]
    cut = rng.choice(commas) if commas else len(words) // 2
    short = " ".join(words[:cut]).rstrip(",;:") + ending
    _replace(sentence, start + 1, end - 1, short)
    return {"kind": "quote_changed", "before": inner, "after": short}


def plant_quote_added(draft: Draft, rng: random.Random) -> Edit | None:
    body = draft.body_positions()
    found = [draft.paragraphs[i] for i in body[1:]
             if draft.paragraphs[i].origin is not None and not draft.paragraphs[i].moved
             and not draft.paragraphs[i].quote_edit and draft.paragraphs[i].sentences
             and draft.paragraphs[i].sentences[-1].balanced]
    if not found:
        return None
    para = rng.choice(found)
    words, speaker = rng.choice(lx.QUOTES), rng.choice(lx.SPEAKERS)
    new = f'"{words}," {speaker}.'
    para.sentences.append(Sentence(new, [(0, len(words) + 3)], True, touched=True))
    para.quote_edit = True
    return {"kind": "quote_added", "before": "", "after": new}


# -- headline and lead --------------------------------------------------------------------

def _key_words(draft: Draft) -> list[str]:
    counts = Counter(m.group(0) for p in draft.paragraphs if not p.furniture
                     for s in p.sentences for m in _ENTITY_RE.finditer(s.text)
                     if not set(m.group(0).split()) & lx.NOT_ENTITIES and not _DEMONYM_RE.search(m.group(0)))
    keys = [w for w, _ in counts.most_common(3)]
    return [k for i, k in enumerate(keys) if not any(k in o or o in k for o in keys[:i])][:2]


def plant_headline_changed(draft: Draft, rng: random.Random) -> Edit | None:
    keys = _key_words(draft)
    if not draft.title or draft.title_touched or not keys:
        return None
    a, b = keys[0], keys[-1] if len(keys) > 1 else "the region"
    new = rng.choice([t for t in lx.HEADLINES if len(keys) > 1 or "{b}" not in t]).format(a=a, b=b)
    old, draft.title, draft.title_touched = draft.title, new, True
    return {"kind": "headline_changed", "before": old, "after": new}


def _lower_start(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first in lx.LOWER_STARTS else text


def plant_lead_changed(draft: Draft, rng: random.Random) -> Edit | None:
    lead = _lead(draft)
    if lead is None or lead[1].touched or len(lead[1].text.split()) < 10:
        return None
    sentence = lead[1]
    old = sentence.text
    words = old.split()
    commas = [i for i, w in enumerate(words[:-1]) if w.endswith(",") and 0.3 <= (i + 1) / len(words) <= 0.7
              and sentence.outside_quotes(0, len(" ".join(words[:i + 1])))]
    said = _SAID_LEAD_RE.match(old)
    if said and rng.random() < 0.7:
        what = said.group("what")
        new = f"{what[0].upper()}{what[1:]}, {_lower_start(said.group('who'))} said."
    elif commas and rng.random() < 0.7:
        i = rng.choice(commas)
        first, second = " ".join(words[:i + 1]).rstrip(","), " ".join(words[i + 1:]).rstrip(".")
        new = second[0].upper() + second[1:] + ", " + _lower_start(first) + "."
    else:
        # keep the first half up to a preposition and give it a new ending
        breaks = [i for i in range(len(words) * 2 // 5, len(words) * 3 // 5 + 1)
                  if words[i] in {"to", "for", "in", "on", "after", "at", "with", "from", "by", "as"}]
        cut = rng.choice(breaks) if breaks else len(words) // 2
        new = " ".join(words[:cut]).rstrip(",;:") + rng.choice(lx.LEAD_ENDINGS)
    if not new.endswith((".", '"')):
        new += "."
    sentence.text, sentence.touched = new, True
    return {"kind": "lead_changed", "before": old, "after": new}


PLANTERS: dict[str, Planter] = {
    "headline_changed": plant_headline_changed, "lead_changed": plant_lead_changed,
    "attribution_verb": plant_attribution_verb, "hedge": plant_hedge,
    "loaded_term": plant_loaded_term, "quote_dropped": plant_quote_dropped,
    "quote_changed": plant_quote_changed, "quote_added": plant_quote_added,
    "number_changed": plant_number_changed, "entity_changed": plant_entity_changed,
    "paragraph_added": plant_paragraph_added, "paragraph_dropped": plant_paragraph_dropped,
    "paragraph_moved": plant_paragraph_moved, "truncated": plant_truncated,
    "credit_changed": plant_credit_changed, "minor": plant_minor,
}
KINDS = tuple(PLANTERS)
