"""Numbers in text: digits, number words, dates, and how to name a changed one.

A number is read into a comparable value, so that "twelve" and "12", or "1.5 million"
and "1,500,000", are the same number and "at least 12" -> "more than 20" is a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "dozen": 12}
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())}
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                  "tn": 1_000_000_000_000}
MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items()) if m != "may"} | {"sept": 9})
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "scores"}

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th|k|m|mn|bn|b|tn)?\b|[^\W\d_]+(?:['’][^\W\d_]+)*")
_CASUALTY = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|dies|injur(?:ed|ies|y)|wounded|casualt(?:y|ies)|victims?|"
    r"missing|fatalit(?:y|ies)|hurt|toll|bodies|lives|perished|hospitali[sz]ed|survivors?)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """One number or date in a text: a comparable value and where it is."""

    value: object  # a float, ("month", 3), ("weekday", 1) or ("vague", "dozens")
    start: int
    end: int
    digits: bool  # written with digits (or a date name), not a number word
    date: bool


def numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Numbers and dates in `text[start:end]`, in order; number words are combined."""
    found: list[Number] = []
    words: list[tuple[str, int, int]] = []  # a run of number words being read
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        token = match.group().casefold()
        if token in _UNITS or token in _TENS or (token in _SCALES and (words or token == "dozen")):
            words.append((token, match.start(), match.end()))
            continue
        if words and token == "and":
            continue
        _flush(words, found)
        number = _single(token, match.group(), match.start(), match.end(), text)
        if number is not None:
            found.append(_scaled(found, number, text))
    _flush(words, found)
    return found


def _flush(words: list[tuple[str, int, int]], found: list[Number]) -> None:
    if words:
        found.append(Number(float(_word_value([w for w, _, _ in words])), words[0][1], words[-1][2], False, False))
        words.clear()


def _word_value(tokens: list[str]) -> int:
    total = current = 0
    for token in tokens:
        if token in _UNITS or token in _TENS:
            current += _UNITS.get(token, 0) + _TENS.get(token, 0)
        elif token == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[token]
            current = 0
    return total + current


def _single(token: str, raw: str, start: int, end: int, text: str) -> Number | None:
    if token[0].isdecimal():  # as _TOKEN's \d: "¹" or "𐩀" pass isdigit() but are read as words
        return Number(_digit_value(token), start, end, True, _is_year(token))
    if token in WEEKDAYS:
        return Number(("weekday", WEEKDAYS[token]), start, end, True, True)
    if token in MONTHS and _is_month(token, raw, end, text):
        return Number(("month", MONTHS[token]), start, end, True, True)
    if token in _ORDINALS:
        return Number(float(_ORDINALS[token]), start, end, False, False)
    if token in _VAGUE:
        return Number(("vague", token), start, end, False, False)
    return None


def _is_month(token: str, raw: str, end: int, text: str) -> bool:
    """Month names that are also words ("may", "march") or names ("Jan") count as months
    only next to a day number, or for "May" after "in", "since" and the like."""
    if not raw[0].isupper():
        return False
    day_follows = re.match(r"\.?\s*\d", text[end:end + 4]) is not None
    day_before = re.search(r"\d\s*$", text[max(0, end - len(raw) - 4):end - len(raw)]) is not None
    if len(token) <= 4 and token not in {"june", "july"}:
        return day_follows or day_before or (token == "may" and _after_preposition(text, end - len(raw)))
    return True


def _after_preposition(text: str, start: int) -> bool:
    return re.search(r"\b(?:in|since|until|by|of|early|late|mid|last|next|this|from)\s+$",
                     text[max(0, start - 8):start], re.IGNORECASE) is not None


def _digit_value(token: str) -> float:
    match = re.match(r"[\d.,]+", token)
    digits, suffix = match.group(), token[match.end():]
    parts = digits.split(",")
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        digits = "".join(parts)
    else:
        digits = digits.replace(",", ".")
    if digits.count(".") > 1:
        digits = digits.replace(".", "")
    return float(digits) * _SUFFIX_SCALES.get(suffix, 1)


def _scaled(found: list[Number], number: Number, text: str) -> Number:
    """'1.5' followed by 'million' is one number."""
    after = re.match(r"\s+(hundred|thousand|million|billion|trillion)\b", text[number.end:], re.IGNORECASE)
    if after is None or not isinstance(number.value, float):
        return number
    return Number(number.value * _SCALES[after.group(1).casefold()], number.start,
                  number.end + after.end(), number.digits, number.date)


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100


def values(items: list[Number]) -> list[str]:
    """Comparable, order-free values of numbers."""
    return sorted(repr(n.value) for n in items)


def is_casualty_context(text: str) -> bool:
    """The sentence counts people killed, injured, missing and the like."""
    return _CASUALTY.search(text) is not None


def near_month(text: str, start: int, end: int) -> bool:
    """A day number written next to a month name ("March 3", "3 March")."""
    window = text[max(0, start - 12):start] + " " + text[end:end + 12]
    return any(isinstance(n.value, tuple) and n.value[0] == "month" for n in numbers(window))
