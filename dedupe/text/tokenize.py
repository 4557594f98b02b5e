"""The one tokenizer: case-folded words, numbers, and single CJK characters."""

from __future__ import annotations

import re

# Chinese and Japanese are written without spaces: each Han or kana character is a token,
# so that their shingles are character n-grams instead of one giant "word" per sentence.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(
    rf"[{_CJK}]"  # one CJK character
    r"|\d+(?:[.,]\d+)*"  # a number, with its decimal or thousands separators
    rf"|[^\W\d_{_CJK}]+(?:'[^\W\d_{_CJK}]+)*"  # a word, with inner apostrophes (don't)
)


def tokenize(text: str) -> list[str]:
    """Split normalized text into case-folded tokens; thousands separators are dropped
    so that "1,000" and "1000" are the same token."""
    tokens = _TOKEN_RE.findall(text.casefold())
    return [_unify_number(t) if t[0].isdigit() else t for t in tokens]


def _unify_number(token: str) -> str:
    if "," not in token:
        return token
    parts = token.split(",")
    if all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)
    return token.replace(",", ".")  # a decimal comma, as in "3,5"
