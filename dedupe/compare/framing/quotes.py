"""Quotations: find them in a sentence with their speaker, and follow each base quote
into a version (kept, shortened, paraphrased, dropped) or spot quotes a version added."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from dedupe.compare.framing import lexicons
from dedupe.compare.framing.model import Finding, Quote
from dedupe.text import normalize, tokenize

SAME = 95
"""partial_ratio (0-100) at which quoted words count as present."""
SIMILAR = 60
"""Similarity at which a quote counts as paraphrased rather than dropped."""
SHARED_WORDS = 0.6
"""Share of a quote's content words a paraphrase must keep."""
LABEL_WORDS = 8

_OPENING = "“«„"
_CLOSING = "”»"
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al|der|la|le|del|di|du)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD})*"
_DESCRIPTION = r"(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+"
_PRONOUNS = frozenset("he she they it we i you one".split())
_TITLES = frozenset("president premier minister prime chancellor secretary spokesman spokeswoman spokesperson "
                    "chief governor mayor senator leader king queen prince ambassador envoy commander general "
                    "director chairman chairwoman ceo judge prosecutor mr mrs ms dr sir lord lady".split())


@lru_cache(maxsize=1)
def _speaker_patterns() -> tuple[re.Pattern[str], ...]:
    forms = sorted({" ".join(p) for p in lexicons.attribution_verbs()}, key=len, reverse=True)
    verb = "(?:" + "|".join(re.escape(f) for f in forms) + r")\b"
    who = rf"(?P<who>{_NAME}|{_DESCRIPTION}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)"
    return (
        re.compile(rf"^\s*,?\s*{verb}\s+{who}"),  # "...," said Maria Lind
        re.compile(rf"^\s*,?\s*{who}\s+{verb}"),  # "...," Lind said
        re.compile(rf"{who},\s+[^,\"]{{1,60}},\s+{verb}[^\"]{{0,40}}?[:,]?\s*$"),  # Lind, the minister, said:
        re.compile(rf"{who}\s+{verb}(?:\s+[\w-]+){{0,3}}?\s*[:,]?\s*$"),  # Lind told reporters: "..."
        re.compile(rf"\b[Aa]ccording to\s+{who}"),
    )


def find_quotes(sentence: str) -> list[Quote]:
    """Quotations in a sentence: "straight", “curly” and «guillemet» quotes. A quote that
    opens and does not close runs to the end; a closing mark with no opening one ends a
    quote that started in an earlier sentence."""
    spans = _quote_spans(sentence)
    return [_quote(sentence, start, end, inner, continued) for start, end, inner, continued in spans
            if sentence[slice(*inner)].strip(" ,;:")]


def _quote_spans(text: str) -> list[tuple[int, int, tuple[int, int], bool]]:
    spans, opened = [], None
    for match in re.finditer(r"[\"“”«»„]", text):
        pos, mark = match.start(), match.group()
        if _is_opening(text, pos, mark):
            opened = pos
        elif opened is not None:
            spans.append((opened, pos + 1, (opened + 1, pos), False))
            opened = None
        elif not spans:
            spans.append((0, pos + 1, (0, pos), True))
    if opened is not None:
        spans.append((opened, len(text), (opened + 1, len(text)), False))
    return spans


def _is_opening(text: str, pos: int, mark: str) -> bool:
    if mark in _OPENING:
        return True
    if mark in _CLOSING:
        return False
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([{-—:") and not after.isspace()


def _quote(sentence: str, start: int, end: int, inner: tuple[int, int], continued: bool) -> Quote:
    text = sentence[slice(*inner)].strip().rstrip(",;:").rstrip()
    outside = sentence[end:], sentence[:start]
    return Quote(text, _speaker(outside), start, end, continued)


def _speaker(outside: tuple[str, str]) -> str | None:
    after, before = outside
    first, second, apposition, leading, according = _speaker_patterns()
    for pattern, text in ((first, after), (second, after), (apposition, before), (leading, before),
                          (according, after), (according, before)):
        match = pattern.search(text)
        if match is not None:
            return _clean_speaker(match.group("who"))
    return None


def _clean_speaker(who: str) -> str | None:
    words = who.strip(" ,.").split()
    if not words or words[0].casefold() in _PRONOUNS:
        return None
    titles = [i for i, w in enumerate(words) if w.casefold().strip(".") in _TITLES]
    if titles and titles[-1] + 1 < len(words) and words[0][0].isupper():
        words = words[titles[-1] + 1:]
    return " ".join(words)


# --- comparing -------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(tokenize(normalize(text)))


@lru_cache(maxsize=64)
def _quotes_of(text: str) -> tuple[tuple[str, Quote], ...]:
    """Every quote of a whole text (paragraph by paragraph), with its normalized words."""
    found = []
    for paragraph in normalize(text).split("\n\n"):
        found += [(_norm(q.text), q) for q in find_quotes(paragraph)]
    return tuple((n, q) for n, q in found if n)


@lru_cache(maxsize=64)
def _plain(text: str) -> str:
    return _norm(text)


def _contains(hay: str, needle: str) -> bool:
    return len(needle) <= len(hay) and fuzz.partial_ratio(needle, hay) >= SAME


def _content(text: str) -> set[str]:
    return {w for w in text.split() if w not in ENGLISH_STOP_WORDS}


def _shares_words(quote: str, passage: str) -> bool:
    words = _content(quote)
    return len(words) >= 2 and len(words & _content(passage)) >= SHARED_WORDS * len(words)


def _paraphrase_in(quote: str, text: str) -> str | None:
    """The passage of `text` (normalized) that rewords `quote`, if any."""
    if not text:
        return None
    found = fuzz.partial_ratio_alignment(quote, text)
    if found is None or found.score < SIMILAR:
        return None
    window = text[max(0, found.dest_start - 30):found.dest_end + 30]
    return window if _shares_words(quote, window) else None


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:LABEL_WORDS]) + ("…" if len(words) > LABEL_WORDS else "")


def _label(quote: Quote, what: str, text: str | None = None) -> str:
    who = f"quote from {quote.speaker}" if quote.speaker else "quote"
    return f"{who} {what}: “{_first_words(text if text is not None else quote.text)}”"


def compare_quotes(base_quotes: list[Quote], version_text: str) -> list[Finding]:
    """What a version did with each base quote: nothing (kept), or a quote_changed or
    quote_dropped finding. Quotes continued from an earlier sentence are followed there."""
    quoted, plain = _quotes_of(version_text), _plain(version_text)
    findings = []
    for quote in base_quotes:
        words = _norm(quote.text)
        if not words or quote.continued:
            continue
        finding = _follow(quote, words, quoted, plain)
        if finding is not None:
            findings.append(finding)
    return findings


def _follow(quote: Quote, words: str, quoted, plain: str) -> Finding | None:
    if any(_contains(other, words) for other, _ in quoted):
        return None
    least = max(3, 0.3 * len(words.split()))
    parts = [q for other, q in quoted if len(other) < len(words) and len(other.split()) >= least
             and fuzz.partial_ratio(other, words) >= SAME]
    if parts:
        kept = " … ".join(q.text for q in parts)
        return Finding("quote_changed", quote.text, parts[0].text, _label(quote, "shortened", kept))
    if _contains(plain, words):
        if quote.words <= 2:
            return None  # scare-quoted words still there: too little to tell a change
        return Finding("quote_changed", quote.text, "", _label(quote, "paraphrased (no longer in quotation marks)"))
    altered = [q for other, q in quoted if fuzz.ratio(other, words) >= SIMILAR and _shares_words(words, other)]
    if altered:
        return Finding("quote_changed", quote.text, altered[0].text, _label(quote, "altered", altered[0].text))
    if _paraphrase_in(words, plain) is not None:
        return Finding("quote_changed", quote.text, "", _label(quote, "paraphrased"))
    return Finding("quote_dropped", quote.text, "", _label(quote, "dropped"))


def added_quotes(base_text: str, version_quotes: list[Quote]) -> list[Finding]:
    """quote_added findings for the version's quotes that are nowhere in the base; a quote
    spread over several sentences is one finding."""
    quoted, plain = _quotes_of(base_text), _plain(base_text)
    findings = []
    for quote in _joined(version_quotes):
        words = _norm(quote.text)
        # A base quote inside the new one counts only if it is a phrase, not a scare-quoted letter.
        if not words or any(_contains(other, words) or (len(other.split()) >= 3 and _contains(words, other))
                            for other, _ in quoted):
            continue
        if _contains(plain, words) or _paraphrase_in(words, plain) is not None:
            continue  # quoted words the base carries or paraphrases: not a new quote
        findings.append(Finding("quote_added", "", quote.text, _label(quote, "added")))
    return findings


def _joined(quotes: list[Quote]) -> list[Quote]:
    joined: list[Quote] = []
    for quote in quotes:
        if quote.continued and joined:
            last = joined[-1]
            joined[-1] = Quote(f"{last.text} {quote.text}", last.speaker or quote.speaker, last.start, last.end)
        else:
            joined.append(quote)
    return joined
