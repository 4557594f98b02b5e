"""The glyph skeleton of a text: what survives OCR, for the character channel.

OCR misreads letters as others of the same shape ("rn" as "m", "l" as "1", "e" as "c"),
doubles or drops them, and merges or splits words. The skeleton keeps only letters and
digits, case-folded, with each family of look-alike glyphs written as one character and
runs of one character written once, so that most misreadings leave it unchanged while two
different texts stay as different as their spelling.
"""

from __future__ import annotations

import re

_NOT_ALNUM = re.compile(r"[\W_]+")
_REPEATS = re.compile(r"(.)\1+")
_DIGRAPHS = (("rn", "m"), ("cl", "d"), ("vv", "w"))
# Families of glyphs that OCR confuses, each written as its first member.
LOOK_ALIKES = str.maketrans({
    "i": "l", "1": "l", "j": "l", "!": "l", "|": "l",
    "0": "o", "a": "o",
    "e": "c",
    "u": "n",
    "h": "b", "8": "b",
    "5": "s",
    "f": "t",
})


def glyph_skeleton(text: str) -> str:
    """Letters and digits of `text`, case-folded, look-alike glyphs merged, repeats collapsed."""
    squeezed = _NOT_ALNUM.sub("", text.casefold())
    for pair, glyph in _DIGRAPHS:
        squeezed = squeezed.replace(pair, glyph)
    return _REPEATS.sub(r"\1", squeezed.translate(LOOK_ALIKES))
