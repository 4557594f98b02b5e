"""Text edits an outlet makes to a wire story: headline, dateline, credits, framing words,
house style, sentence rewrites and new figures. Paragraphs are lists of plain strings."""

from __future__ import annotations

import random
import re
from datetime import datetime

from benchmarks.planted.story import split_sentences
from benchmarks.quality import lexicon as lx

_WORD_RE = re.compile(r"\b[A-Za-z]+\b")
_NUMBER_RE = re.compile(r"\b\d+(?:[.,]\d+)*(?:-\d+/\d+)?(?=[a-z]?\b)")
_SAID_RE = re.compile(r"^(?P<subj>[A-Z][^,\"]{2,60}?) (?P<verb>said|says) (?:that )?(?P<rest>[^\"]{20,})\.$")
_SAID_END_RE = re.compile(r"^(?P<rest>[^\"]{20,}), (?P<subj>[^,\"]{2,50}?) (?P<verb>said|says)\.$")
_FRONT_RE = re.compile(r"^(?P<prep>In|On|At|For|During|After|Before|Last|Earlier) (?P<phrase>[^,]{3,40}), (?P<rest>.{15,})\.$")


def name(rng: random.Random) -> str:
    return f"{rng.choice(lx.FIRST_NAMES)} {rng.choice(lx.SURNAMES)}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _low(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 or first in ("I",) else text[:1].lower() + text[1:]


def headline(title: str, rng: random.Random) -> str:
    """A Reuters all-caps slug rewritten as an outlet headline: sentence case, a synonym or
    two, one of the outlet's headline forms."""
    words = title.split()
    out = [w if ("<" in w or "." in w) else w.lower() for w in words]
    out = [lx.SYNONYMS.get(w, w) if rng.random() < 0.3 else w for w in out]
    text = _cap(" ".join(out))
    return rng.choice(lx.HEADLINE_FORMS).format(h=text)


def dateline(city: str, when: datetime, agency: str, rng: random.Random) -> str:
    """A dateline in one agency's style."""
    city = city or "NEW YORK"
    if agency == "AP":
        return f"{city.upper()} (AP) —"
    if agency == "AFP":
        return f"{city.title()}, {lx.AP_MONTHS[when.month - 1]} {when.day} (AFP) -"
    if agency == "dpa":
        return f"{city.title()} (dpa) -"
    return f"{city.upper()}, {lx.MONTHS[when.month - 1]} {when.day} ({agency}) -"


def credit_line(rng: random.Random) -> str:
    return rng.choice(lx.CREDITS).format(name=name(rng), name2=name(rng))


def byline(rng: random.Random) -> str:
    return rng.choice(lx.BYLINES).format(name=name(rng), name2=name(rng))


def _swap_words(text: str, table: dict[str, str], rng: random.Random, p: float) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        new = table.get(word.lower())
        if new is None or rng.random() >= p:
            return word
        if isinstance(new, list):
            new = rng.choice(new)
        return _cap(new) if word[0].isupper() else new
    return _WORD_RE.sub(swap, text)


def framing_edits(paragraphs: list[str], rng: random.Random, count: int) -> list[str]:
    """`count` attribution-verb, hedge and loaded-term edits, each in a random paragraph."""
    out = list(paragraphs)
    for _ in range(count):
        i = rng.randrange(len(out))
        kind = rng.choice(("verb", "hedge", "loaded"))
        if kind == "verb":
            out[i] = _swap_words(out[i], lx.ATTRIBUTION, rng, 0.5)
        elif kind == "loaded":
            out[i] = _swap_words(out[i], lx.LOADED, rng, 0.7)
        else:
            out[i] = re.sub(r"\b(said|says|is|was|will|would|has)\b", lambda m: f"{m.group(1)} {rng.choice(lx.HEDGES)}",
                            out[i], count=1)
    return out


def house_style(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Spell out Reuters abbreviations as an outlet's style book would ("mln" -> "million")."""
    def fix(text: str) -> str:
        for short, long in sorted(lx.HOUSE_STYLE.items(), key=lambda kv: -len(kv[0])):
            text = re.sub(rf"\b{re.escape(short)}\b", long, text)
        return text
    return [fix(p) for p in paragraphs]


def reword(sentence: str, rng: random.Random) -> str:
    """One sentence reworded: clause reordering where the grammar allows, synonym swaps."""
    body = sentence.rstrip()
    for pattern, form in ((_SAID_RE, "{Rest}, {subj} {verb}."), (_SAID_END_RE, "{Subj} {verb} {rest}."),
                          (_FRONT_RE, "{Rest} {prep_l} {phrase}.")):
        match = pattern.match(body)
        if match and rng.random() < 0.8:
            g = match.groupdict()
            body = form.format(Rest=_cap(g["rest"]), rest=_low(g["rest"]), subj=_low(g.get("subj", "")),
                               Subj=_cap(g.get("subj", "")), verb=g.get("verb", ""), prep_l=g.get("prep", "").lower(),
                               phrase=g.get("phrase", ""))
            break
    swapped = _swap_words(body, lx.SYNONYMS, rng, 0.6)
    if swapped == sentence:
        swapped = _swap_words(body, lx.SYNONYMS, rng, 1.0)
    return swapped


def _split(sentence: str) -> list[str] | None:
    for joint in (", and ", "; ", ", but ", ", which "):
        at = sentence.find(joint)
        if 20 < at < len(sentence) - 20:
            rest = sentence[at + len(joint):]
            if joint == ", which ":
                rest = "This " + rest
            return [sentence[:at] + ".", _cap(rest)]
    return None


def rewrite(paragraphs: list[str], rng: random.Random) -> tuple[list[str], float]:
    """A third to a half of the sentences reworded, split or merged, and the sentences of one
    paragraph reordered. Returns the paragraphs and the share of sentences changed."""
    units = [split_sentences(p) for p in paragraphs]
    where = [(p, s) for p, sentences in enumerate(units) for s in range(len(sentences))]
    share = rng.uniform(1 / 3, 1 / 2)
    chosen = sorted(rng.sample(where, max(1, round(share * len(where)))))
    for p, s in reversed(chosen):
        sentence = units[p][s]
        roll = rng.random()
        pieces = _split(sentence) if roll < 0.25 else None
        if pieces:
            units[p][s:s + 1] = [reword(pieces[0], rng), pieces[1]]
        elif roll < 0.4 and s + 1 < len(units[p]):
            units[p][s:s + 2] = [reword(sentence.rstrip(".") + "; " + _low(units[p][s + 1]), rng)]
        else:
            units[p][s] = reword(sentence, rng)
    several = [i for i, u in enumerate(units) if len(u) >= 2]
    if several:
        i = rng.choice(several)
        a = rng.randrange(len(units[i]) - 1)
        units[i][a], units[i][a + 1] = units[i][a + 1], units[i][a]
    return [" ".join(u) for u in units], len(chosen) / max(len(where), 1)


def _new_number(match: re.Match[str], rng: random.Random) -> str:
    text = match.group(0)
    if "/" in text:
        whole, frac = text.split("-", 1)
        return f"{max(0, int(whole) + rng.choice((-1, 1)))}-{frac}"
    digits = text.replace(",", "")
    if len(digits) == 4 and digits.startswith("19"):
        return text  # a year stays
    try:
        value = float(digits)
    except ValueError:
        return text
    new = value * rng.uniform(0.6, 1.5)
    if "." in digits:
        decimals = len(digits.split(".")[1])
        out = f"{new:.{decimals}f}"
    else:
        out = str(max(1, round(new)))
    if out == digits:
        out = str(int(float(out)) + 1)
    return f"{int(out):,}" if "," in text and "." not in out else out


def new_figures(text: str, rng: random.Random) -> str:
    """The same template with other figures: every number replaced (years kept)."""
    return _NUMBER_RE.sub(lambda m: _new_number(m, rng), text)


def new_date(text: str, old: datetime, new: datetime) -> str:
    """Dates in the text moved to the new report's day."""
    for names in (lx.MONTHS, lx.AP_MONTHS, [m[:3] for m in lx.MONTHS]):
        text = re.sub(rf"\b{re.escape(names[old.month - 1])} {old.day}\b",
                      f"{names[new.month - 1]} {new.day}", text)
    return re.sub(rf"\b{lx.WEEKDAYS[old.weekday()]}\b", lx.WEEKDAYS[new.weekday()], text)
