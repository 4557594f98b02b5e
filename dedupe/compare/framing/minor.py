"""Changes that do not change what a text says: punctuation, case, whitespace, quote
style, hyphenation, spelling variants, abbreviations, number style, tense of one verb."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from dedupe.compare.framing import lexicons
from dedupe.compare.framing.lexicons import Phrase, phrase_key
from dedupe.compare.framing.numbers import MONTHS, WEEKDAYS, numbers, values

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛‹›′`´"})
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_NEGATION = re.compile(r"^(?:un|in|im|il|ir|non|dis|mis|anti|de)")
# Regular British -> American endings; each side is rewritten, then compared.
_SPELLING_RULES = [
    (re.compile(r"(?<=[a-z]{2})our(s|ed|ing|ite|ites|able|ably|ful|less|er|ers)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|er|ers|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z])ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{2})([tb])re(s|d)?$"), r"\1er\2"),
    (re.compile(r"(?<=[a-z]{2})ogue(s)?$"), r"og\1"),
    (re.compile(r"^(paed|haem|anaes|leukaem|gynaec|encyclopaed|mediaev|palaeo|orthopaed)"),
     lambda m: m.group(1).replace("ae", "e")),
    (re.compile(r"^(\w*[aeiou][^aeiou\W]+[aeiou])ll(ed|ing|er|ers|or|ors)$"), r"\1l\2"),
]
_OCR = [("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("|", "l"), ("5", "s")]


def minor_label(before: str, after: str) -> str | None:
    """A short label if `before` -> `after` is only a minor change, otherwise None."""
    if " ".join(before.split()) == " ".join(after.split()):
        return "whitespace only"
    if before.casefold() == after.casefold():
        return "case only"
    quoted_b, quoted_a = before.translate(_QUOTES), after.translate(_QUOTES)
    if quoted_b == quoted_a:
        return "quote style"
    if _squash(quoted_b.replace("-", " ")) == _squash(quoted_a.replace("-", " ")) or \
            _squash(quoted_b.replace("-", "")) == _squash(quoted_a.replace("-", "")):
        return "hyphenation"
    if _amounts(before) != _amounts(after) or _currency(before) != _currency(after):
        return None
    if phrase_key(before) == phrase_key(after):
        return "punctuation only"
    return _variant_label(before, after)


def _squash(text: str) -> str:
    return " ".join(text.casefold().split())


def _amounts(text: str) -> list[str]:
    """Values of the numbers in a text, leaving out dates ("Sept." alone is no month)."""
    return values([n for n in numbers(text) if isinstance(n.value, float)])


def _currency(text: str) -> list[str]:
    return sorted(re.findall(r"[$€£¥]", text))


def _variant_label(before: str, after: str) -> str | None:
    b_words, a_words = canonical_words(before), canonical_words(after)
    if b_words == a_words or "".join(b_words) == "".join(a_words):
        return _name_variant(before, after)
    if len(b_words) != len(a_words):
        return None
    kinds = [_word_variant(b, a) for b, a in zip(b_words, a_words) if b != a]
    if not kinds or None in kinds:
        return None
    detail = f"'{before.strip()}' → '{after.strip()}'"
    return f"tense only: {detail}" if set(kinds) == {"tense"} else f"spelling variant: {detail}"


def _name_variant(before: str, after: str) -> str:
    detail = f"'{before.strip()}' → '{after.strip()}'"
    b_num, a_num = numbers(before), numbers(after)
    if b_num and [n.digits for n in b_num] != [n.digits for n in a_num]:
        return f"number written differently: {detail}"
    if _ACRONYM.search(before) or _ACRONYM.search(after) or "." in before + after:
        return f"abbreviation: {detail}"
    return f"spelling variant: {detail}"


def canonical_words(text: str) -> list[str]:
    """Words of `text` spelled one way: acronyms undotted, abbreviations expanded, British
    spellings Americanised, number words as digits."""
    text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    keys = list(phrase_key(text))
    variants = lexicons.spelling_variants()
    longest = max(len(k) for k in variants)
    out: list[str] = []
    i = 0
    while i < len(keys):
        for size in range(min(longest, len(keys) - i), 0, -1):
            phrase: Phrase = tuple(keys[i:i + size])
            if phrase in variants:
                out.extend(variants[phrase])
                i += size
                break
        else:
            out.append(_americanise(keys[i]))
            i += 1
    return _number_words_as_digits(out)


def _number_words_as_digits(words: list[str]) -> list[str]:
    text = " ".join(words)
    found = [n for n in numbers(text) if not n.digits and isinstance(n.value, float)]
    for n in reversed(found):
        text = text[:n.start] + _plain(n.value) + text[n.end:]
    return [_plain(float(w)) if re.fullmatch(r"\d+(?:\.\d+)?", w) else w for w in text.split()]


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _americanise(word: str) -> str:
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


def _word_variant(before: str, after: str) -> str | None:
    """How two different words are variants of one ("tense", "spelling"), or None."""
    if before.isdigit() or after.isdigit() or _is_date_name(before) or _is_date_name(after):
        return None
    verbs = lexicons.attribution_verbs()
    b_lemma, a_lemma = verbs.get((before,)), verbs.get((after,))
    if b_lemma is not None or a_lemma is not None:
        return "tense" if b_lemma == a_lemma else None
    if _ocr(before) == _ocr(after):
        return "spelling"
    if _same_stem(before, after):
        return "tense"
    if _misread(before, after):
        return "spelling"
    if _is_protected(before) or _is_protected(after) or _plural(before, after):
        return None
    if min(len(before), len(after)) < 5 or _negated(before, after):
        return None
    limit = 1 if max(len(before), len(after)) < 8 else 2
    return "spelling" if Levenshtein.distance(before, after) <= limit else None


def _misread(before: str, after: str) -> bool:
    """A lexicon word garbled into a non-word by OCR or a typo ("might" -> "mlght"): the
    garbled form is close to the word and is no lexicon word itself."""
    if min(len(before), len(after)) < 5 or _is_protected(after) or not _is_protected(before):
        return False
    if _plural(before, after) or _same_stem(before, after) or _negated(before, after):
        return False
    return Levenshtein.distance(before, after) <= (1 if len(before) < 7 else 2)


def _is_protected(word: str) -> bool:
    """Words whose replacement is never a mere spelling change."""
    key = (word,)
    return (word in ENGLISH_STOP_WORDS or key in lexicons.hedges() or key in lexicons.loaded_words()
            or key in lexicons.loaded_groups())


def _is_date_name(word: str) -> bool:
    return word in MONTHS or word in WEEKDAYS


def _plural(before: str, after: str) -> bool:
    return any(a == b + end for a, b in ((before, after), (after, before)) for end in ("s", "es"))


def _ocr(word: str) -> str:
    for wrong, right in _OCR:
        word = word.replace(wrong, right)
    return word


def _same_stem(before: str, after: str) -> bool:
    """Inflections of one word: "kills"/"killed", "rise"/"rising" (not "official"/"officials")."""
    stems = {_stem(before), _stem(after)}
    return len(stems) == 1 and not _plural(before, after) and min(len(before), len(after)) >= 4


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]  # "stopped" -> "stopp" -> "stop"
    return word


def _negated(before: str, after: str) -> bool:
    """One word is the other with a negating prefix ("legal"/"illegal")."""
    longer, shorter = (before, after) if len(before) > len(after) else (after, before)
    return longer.endswith(shorter) and _NEGATION.match(longer[: len(longer) - len(shorter)]) is not None
