"""Splitting a version's text into paragraphs and sentences, keeping character offsets."""

from __future__ import annotations

import re

from dedupe.align.model import Sentence

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "st", "mt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "inc", "corp", "ltd", "co", "bros", "vs", "etc", "approx", "est", "dept", "univ", "jr", "sr",
    "u.s", "u.n", "u.k", "e.u", "e.g", "i.e", "a.m", "p.m", "fig", "ave", "blvd", "rd",
}
# A sentence ends at . ! ? (or the CJK ones), optionally followed by closing quotes or brackets,
# then whitespace, before something that can start a sentence.
_BOUNDARY = re.compile(r"(?<=[.!?。！？])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ\u0400-\u042f\u0600-\u06ff\u4e00-\u9fff])")
_CJK_BOUNDARY = re.compile(r"(?<=[。！？])")
_LAST_WORD = re.compile(r"(\S+)$")
MAX_SENTENCES = 3000
"""Sentences compared per version; a longer text (megabytes of OCR) is compared up to here."""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; paragraphs are separated by blank lines."""
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        if match.group().strip():
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            spans.append((start, match.start() + len(match.group().rstrip())))
    return spans


def _is_abbreviation(fragment: str) -> bool:
    word = _LAST_WORD.search(fragment)
    if not word:
        return False
    token = word.group(1).rstrip(".!?\"'”’)").lstrip("(\"'“‘").lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cut = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text[cut : match.start()]):
            continue
        spans.append((cut, match.end(1)))  # closing quotes and brackets stay with their sentence
        cut = match.end()
    spans.append((cut, end))
    final = []
    for s, e in spans:  # CJK text ends sentences without a following space
        pieces = [m.end() for m in _CJK_BOUNDARY.finditer(text, s, e) if m.end() < e]
        for cut_at in pieces:
            final.append((s, cut_at))
            s = cut_at
        final.append((s, e))
    return [(s, e) for s, e in final if text[s:e].strip()]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text in order, each with its paragraph index and offsets."""
    found: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        for s, e in _sentence_spans(text, p_start, p_end):
            chunk = text[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            s, e = s + lead, s + len(chunk.rstrip())
            found.append(Sentence(text[s:e], number, s, e))
            if len(found) >= MAX_SENTENCES:
                return found
    return found
