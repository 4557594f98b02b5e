"""Display-preserving cleanup run before everything else: Unicode, quotes, dashes, line breaks.

The output keeps the text readable: paragraphs are separated by one blank line ("\\n\\n"), a
paragraph never contains a newline, and runs of spaces are single spaces. `normalize` is
idempotent, so stages may call it again on text that was already normalized.
"""

from __future__ import annotations

import re
import unicodedata

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2212\ufe63"  # hyphen-like, en dash, minus sign
_LONG_DASHES = "\u2014\u2015\u2e3a\u2e3b\ufe58"  # em dash, horizontal bar: always a pause
# Invisible characters that split words without showing: soft hyphen, zero-width and bidi
# formatting marks, word joiner, BOM.
_INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_CONTROLS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85),
                              *range(0x86, 0xA0)]))


def _char_map() -> dict[str, str]:
    mapping = dict.fromkeys(_SINGLE_QUOTES, "'")
    mapping.update(dict.fromkeys(_DOUBLE_QUOTES, '"'))
    mapping.update(dict.fromkeys(_HYPHENS, "-"))
    mapping.update(dict.fromkeys(_LONG_DASHES, " - "))
    mapping.update(dict.fromkeys(_INVISIBLE + _CONTROLS, ""))
    mapping.update({"\t": "  ", "\u1680": " ", "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
                    "\u2028": "\n", "\u2029": "\n\n"})
    return mapping


_CHAR_MAP = _char_map()
# The ASCII characters that _CHAR_MAP leaves alone: printable ones and the newline.
_PRINTABLE_ASCII_OR_NEWLINE = bytes(range(0x20, 0x7F)) + b"\n"
# A regex finds the few characters to replace much faster than str.translate walks them all.
_SPECIAL_CHAR_RE = re.compile("[" + "".join(map(re.escape, _CHAR_MAP)) + "]")
_DOUBLE_HYPHEN_RE = re.compile(r"(?<!-)--(?!-)")  # the typewriter em dash
_HYPHEN_BREAK_RE = re.compile(r"\b(\w+)-[ \t]*\n[ \t]*(\w+)")
# Words that start hyphenated compounds far more often than they are split syllables.
_COMPOUND_FIRST_PARTS = frozenset(
    "all anti co cold cross ex half high long low mid much near non off one over post pro self"
    " semi short so than two three four five six seven eight nine ten well vice wholly year"
    " under".split()
)
_BLANK_LINES_RE = re.compile(r"\n(?:[^\S\n]*\n)+")

# A text is hard-wrapped (print, OCR, old wire copy) when its lines are short and most of
# them fill the column; then a single newline is only a wrap. Otherwise (web extraction)
# each line is a paragraph.
_MAX_WRAP_WIDTH = 100
_FULL_LINE_RATIO = 0.6
_MIN_WRAPPED_LINES = 3


def normalize(text: str) -> str:
    """Clean `text` for display and matching: NFKC, straight quotes, one dash style,
    no invisible or control characters, OCR hyphenation joined, paragraphs as "\\n\\n"."""
    text = _normalize_chars(text)
    if text.isascii() and _is_laid_out(text):
        return text  # most web text is, and splitting and joining it again costs
    if "--" in text:
        text = _DOUBLE_HYPHEN_RE.sub(" - ", text)
    blocks = _split_paragraphs(text)
    if "-\n" in text or "- \n" in text:
        blocks = [_join_line_break_hyphens(block, text) for block in blocks]
    paragraphs = (_collapse_spaces(block) for block in blocks)
    return "\n\n".join(p for p in paragraphs if p)


def _is_laid_out(text: str) -> bool:
    """True if `text`, ASCII out of _normalize_chars (so its only whitespace is " " and
    "\\n"), is what the rest of normalize would make of it: no "--", non-empty paragraphs
    split by exactly one blank line (so no line break inside one, and no hyphenation to
    join), no space next to another or at either end of a paragraph."""
    paragraphs = text.split("\n\n")
    return (text.count("\n") == 2 * len(paragraphs) - 2 and all(paragraphs)
            and "--" not in text and "  " not in text
            and not any(p[0] == " " or p[-1] == " " for p in paragraphs))


def _collapse_spaces(block: str) -> str:
    # After _normalize_chars the only whitespace left is " " and "\n".
    if "  " in block or "\n" in block:
        return " ".join(block.split())
    return block.strip(" ")


def _normalize_chars(text: str) -> str:
    if "\r" in text:  # a fast scan; replace copies the text even when there is nothing to do
        text = text.replace("\r\n", "\n")
    if text.isascii() and not text.encode().translate(None, _PRINTABLE_ASCII_OR_NEWLINE):
        return text  # the common case: nothing to map, and ASCII is already NFKC
    text = _map_chars(text)
    # Map before NFKC (which would turn a double prime into two primes and the acute accent
    # into a combining mark), and again after it for the dashes NFKC itself produces.
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = _map_chars(unicodedata.normalize("NFKC", text))
    return text


def _map_chars(text: str) -> str:
    return _SPECIAL_CHAR_RE.sub(_replace_char, text)


def _replace_char(match: re.Match[str]) -> str:
    return _CHAR_MAP[match.group()]


def _join_line_break_hyphens(block: str, text: str) -> str:
    """'gov-\\nernment' was split by the line break and is joined; 'Franco-\\nGerman',
    'vice-\\npresident' and compounds written with a hyphen elsewhere in `text` keep it."""

    def join(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        compound = f"{first}-{second}"
        if (first[-1].islower() and second[0].islower()
                and first.casefold() not in _COMPOUND_FIRST_PARTS and compound not in text):
            return first + second
        return compound

    return _HYPHEN_BREAK_RE.sub(join, block)


def _split_paragraphs(text: str) -> list[str]:
    if "\n" not in text:
        return [text]
    if _BLANK_LINES_RE.search(text):
        return _BLANK_LINES_RE.split(text)
    lines = text.split("\n")
    if _is_hard_wrapped(lines):
        return _unwrap(lines)
    return lines


def _is_hard_wrapped(lines: list[str]) -> bool:
    lengths = [len(line.strip()) for line in lines]
    width = max(lengths)
    if len(lines) < _MIN_WRAPPED_LINES or width > _MAX_WRAP_WIDTH:
        return False
    # A line broken after a hyphen was wrapped, however short it is.
    full = sum(1 for n, line in zip(lengths, lines)
               if n >= _FULL_LINE_RATIO * width or line.rstrip().endswith("-"))
    return 2 * full >= len(lines)


def _unwrap(lines: list[str]) -> list[str]:
    """Group wrapped lines into paragraphs; an indented line starts a new one (wire copy)."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if current and line[:2] == "  ":
            paragraphs.append("\n".join(current))
            current = []
        current.append(line)
    paragraphs.append("\n".join(current))
    return paragraphs
