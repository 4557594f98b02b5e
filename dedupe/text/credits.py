"""Recognise the wire furniture around a story: datelines, bylines, credit and copyright
lines, photo captions, link lines and trailers.

Every check takes one paragraph of normalized text (dashes are "-", quotes are straight).
Whole-paragraph checks only look at short paragraphs, so a real news paragraph is never
mistaken for a credit line because it happens to mention an agency.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dedupe.text.agency_table import AGENCIES, AGENCY

MAX_BYLINE_CHARS = 150
MAX_CREDIT_CHARS = 300  # longer paragraphs are never bylines, credit or copyright lines
MAX_CAPTION_WORDS = 80  # a longer paragraph ending in a photo credit keeps its text
TAIL_CHARS = 250  # end-anchored patterns only need to look at the end of a paragraph
PHOTO_CREDIT_CHARS = 130



def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


_UPPER = "A-ZÀ-ÖØ-Þ"
# Any short word before a day number: wire copy misspells its months ("FEb", "Narch").
_DATE = r"[A-Za-z]{3,9}\.?\s\d{1,3}\b,?"
_CAPS_WORD = rf"[{_UPPER}][{_UPPER}.'/-]+"
_TITLE_WORD = rf"[{_UPPER}][\w.'-]*"
_AGENCY_LIST = rf"{AGENCY}(?:\s*(?:,|/|;|&|\band\b)\s*{AGENCY})*"
_AGENCY_LIST_RE = re.compile(_AGENCY_LIST)
_INITIALS = r"[a-z]{1,4}(?:/[a-z]{1,4})+"  # editors' initials, as in "zc/wd"
_PHOTO_WORD = r"(?:Photo|PHOTO|Photograph|Image|Picture|Foto)s?"

# "BEIJING (AP) - ", "PARIS, Nov 12 (Reuters) - ", "NAIROBI, Kenya (AFP) -", "MADRID - ",
# "SALVADOR, Feb 26 - ", "London, March 9 - ". A title-case city needs a date or an agency.
DATELINE_RE = re.compile(
    r"\**\s*"  # some wire copy starts with "****"
    rf"(?P<city>(?P<caps>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}})"
    rf"|[{_UPPER}][a-z]+(?:\s[A-Za-z][a-z]+){{0,2}})?"
    rf"(?P<region>\s?,\s?(?!{_DATE}){_TITLE_WORD}(?:\s(?!{_DATE}){_TITLE_WORD}){{0,2}})?"
    rf"(?P<date>\s?,?\s?(?:-\s)?{_DATE}|\s?,?\s\d{{1,2}}\s[A-Z][a-z]{{2,8}}\b)?"
    rf"(?:\s?\((?P<agency>[^()]{{1,40}})\)|\s?,?\s(?P<wire>{AGENCY})(?=\s?-))?"
    rf"(?P<sep>\s?[-:]\s+|\s-(?=[{_UPPER}\"'])|\s+)"
)

_WEEKDAY_OR_MONTH = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b"
)
_NAME_WORD = r"(?:[A-Z][\w'.-]*|de|da|del|della|di|van|von|der|den|la|le|al|el|bin|ibn)"
_NAME = rf"(?!{_WEEKDAY_OR_MONTH})[A-Z][\w'.-]*(?:\s{_NAME_WORD}){{1,4}}"
_NAMES = rf"{_NAME}(?:(?:,\s|\s(?:and|&)\s){_NAME})*"
_AFFILIATION_WORD = (
    r"(?:[A-Z][\w'.&-]*|the|of|in|and|for|at|with|staff|writer|correspondent|reporter"
    r"|reporters|editor|news|agency|agencies)"
)
_AFFILIATION = rf"{_AFFILIATION_WORD}(?:\s{_AFFILIATION_WORD}){{0,7}}"
_BYLINE_RE = _any_of((
    # By Jane Doe, Associated Press / By JANE DOE and JOHN ROE / By Reuters Staff
    rf"(?:By|BY):?\s(?:(?:[Tt]he\s)?{AGENCY}(?:\s(?:Staff|staff|Reporters?|News))?|{_NAMES})"
    rf"(?:\s?[,|/-]\s?{_AFFILIATION}|\s(?:for|in|with|of)\s{_AFFILIATION})?\.?",
    rf"{_NAMES}\s?[,|/-]\s?(?:[Tt]he\s)?{_AGENCY_LIST}",  # Jane Doe, AFP
    # By Daily Meridian staff and wire services
    r"(?:By|BY):?\s(?:[Tt]he\s)?[A-Z][\w'.&-]*(?:\s[A-Z][\w'.&-]*){0,4}\s(?:[Ss]taff|[Rr]eporters|[Cc]orrespondents)"
    r"(?:\s(?:and|&)\s(?:wire services|wires|agencies|news agencies))?\.?",
))

_CREDIT_LINE_RE = _any_of((
    rf"(?:{_INITIALS}\s*)?\(\s*{_AGENCY_LIST}\s*\)\.?",  # zc/wd (AP, AFP)
    rf"{_INITIALS}\s*\([^()]{{1,80}}\)\.?",  # ng/sms (Reuters, local media)
    rf"(?:-\s*)?{_AGENCY_LIST}\.?",  # a line that is only "Reuters" or "- AFP"
    # (Reporting by Jane Doe; Editing by John Roe)
    r"\((?:[Aa]dditional\s)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch)"
    r"\s(?:by|from)\b[^()]*\)\.?",
    # Reporting by Jane Doe; Editing by John Roe (no final period: a sentence has one)
    r"(?:-\s*)?(?:With\s)?(?:[Aa]dditional\s)?(?:[Rr]eporting|Writing|Editing|Compiled)"
    r"\s(?:by|from)\s(?:[Tt]he\s)?[A-Z][^.!?]*",
    r"(?:-\s*)?With\s(?:additional\s)?reporting\s(?:by|from)\s[^.!?]{1,80}\.?",
    rf"(?:-\s*)?(?:With|Sources?|Agencies):?\s(?:agencies|{_AGENCY_LIST})\.?",
))
_CONTRIBUTED_RE = _any_of((  # only tried on paragraphs that say "contributed" or "used in"
    # AFP contributed to this report. / Jane Doe contributed reporting.
    r"[^.!?]{1,150}\scontributed\s(?:to\sthis\s(?:report|article|story)"
    r"|reporting(?:\sto\sthis\s(?:report|article|story))?)\.?",
    r"(?:Material|Information|Reporting)\sfrom\s[^.!?]{1,120}\s(?:was|were)\sused\sin"
    r"\sthis\s(?:report|article|story)\.?",
))

_COPYRIGHT_RE = _any_of((
    rf"(?:Copyright|©|\(c\))(?:\s?(?:©|\(c\)))?\s?(?:\d{{4}}|{AGENCY}).*",
    r"(?:(?:All\srights\sreserved|This\s(?:material|article|content)\smay\snot\sbe"
    r"\s(?:published|reproduced)[^.]{0,80})\.?\s*)+",
))

_CAPTION_START_RE = re.compile(
    rf"\(?{_PHOTO_WORD}(?:\scredit)?\s?:|(?:Caption|Video|Graphic|Illustration)\s?:"
    r"|FILE\s(?:PHOTO\s?)?[-:]|FILE\sPHOTO\b|IN\sPICTURES\b"
)
# (AP Photo/Jane Doe) / (Photo: ...) / Photo: Jane Doe/AFP / Jane Doe/Getty Images /
# REUTERS/Jane Doe, at the very end of a paragraph.
PHOTO_CREDIT_END_RE = re.compile(
    rf"(?:\((?:{AGENCY}\s)?{_PHOTO_WORD}\b[^()]{{0,100}}\)"
    rf"|\([^()]{{0,60}}/(?:Getty\sImages|{AGENCY})[^()]{{0,40}}\)"
    rf"|{_PHOTO_WORD}(?:\sby)?:\s[^.!?]{{0,80}}"
    rf"|[A-Z][\w.' -]{{0,40}}/(?:Getty\sImages|{AGENCY})(?:\svia\sGetty\sImages)?"
    r"|REUTERS/[A-Z][\w.' -]{0,40})\.?$"
)
PHOTO_CREDIT_RE = re.compile(  # AP Photo, AFP PHOTO, REUTERS/Jane Doe anywhere
    rf"(?P<agency>{AGENCY})\s(?:Photo|PHOTO)\b|(?P<reuters>REUTERS)/[A-Z]"
)

_LINK_LINE_RE = re.compile(
    r"(?:Read\smore|READ\sMORE|Read\salso|READ\sALSO|Also\sread|ALSO\sREAD|See\salso"
    r"|Related|RELATED|More\son\sthis)\s?:|READ\sMORE\b|RELATED\b"
    r"|(?:Follow\sus\son|Sign\sup\sfor|Subscribe\sto|Click\shere|Share\sthis)\b"
    r"|(?:Advertisement|ADVERTISEMENT)$"
)

# Removed from the end of the last paragraph, repeatedly, until none applies.
TRAILER_RES = (
    re.compile(r"\s*&#\d+;$"),
    re.compile(r"(?:^|\s+)REUTERS?$"),
    re.compile(r"(?:^|(?<=[.!?\"')\]]))\s*Reuters?$"),
    re.compile(rf"(?:^|(?<=[.!?\"')\]]))\s*\(\s*{_AGENCY_LIST}\s*\)\.?$"),
    re.compile(rf"(?<=[.!?\"')\]])\s*{_INITIALS}\s*\([^()]{{1,80}}\)\.?$"),
    re.compile(
        r"\s*\((?:[Aa]dditional\s)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)"
        r"\s(?:by|from)\b[^()]*\)\.?$"
    ),
    re.compile(rf"(?<=[.!?\"'])\s*-\s*{_AGENCY_LIST}\.?$"),
    re.compile(
        r"(?<=[.!?\"'])\s+[A-Z][^.!?]{0,100}\scontributed\sto\sthis\s(?:report|article|story)\.?$"
    ),
)
_TRAILER_LAST_WORDS = frozenset(
    {alias.split()[-1].casefold() for aliases in AGENCIES.values() for alias in aliases}
    | {"report", "article", "story"}
)


def match_dateline(paragraph: str) -> re.Match[str] | None:
    """The dateline opening `paragraph`, if it has one."""
    # The regex is slow, and _looks_like_dateline only accepts a dateline separated from the
    # story by "-" or ":", or crediting an agency as "(AP)" or "AP -".
    if "-" not in paragraph and ":" not in paragraph and "(" not in paragraph:
        return None
    match = DATELINE_RE.match(paragraph)
    if match is None or match.end() >= len(paragraph) or not _looks_like_dateline(match):
        return None
    return match


def _looks_like_dateline(match: re.Match[str]) -> bool:
    caps, date = match.group("caps"), match.group("date")
    agency = match.group("agency") or match.group("wire")
    sep = match.group("sep").strip()  # "-", ":" or "" (a plain space)
    if agency is not None:
        if _is_agency_credit(agency):
            return sep != "" or caps is not None  # "(AFP) - ", "BEIJING (AP) The"
        return caps is not None and sep == "-"  # "WASHINGTON (CNN) - "
    if caps is not None:
        return len(caps) >= 3 and (sep == "-" or (sep == ":" and date is None))
    dated = date is not None and ("," in date or match.group("region") is not None)
    return match.group("city") is not None and dated and sep == "-"  # "London, March 9 - "


def _is_agency_credit(text: str) -> bool:
    return _AGENCY_LIST_RE.fullmatch(text.strip()) is not None


# Every paragraph of every article goes through the checks below, and a regex is slow to
# fail, so each check first rules out most news paragraphs with plain string tests. A test
# only rejects what its regex cannot match; the comments say why.

# The first word of each _BYLINE_RE alternative, but the one that ends in an agency.
_BYLINE_STARTS = ("By", "BY")
# The first word of each _CREDIT_LINE_RE alternative that ends neither in ")" nor an agency.
_CREDIT_LINE_STARTS = ("-", "With", "Additional", "additional", "Reporting", "reporting",
                       "Writing", "Editing", "Compiled", "Source", "Agencies")
_COPYRIGHT_STARTS = ("Copyright", "©", "(c)", "All", "This")  # of each _COPYRIGHT_RE alternative
_LINK_LINE_STARTS = ("Read", "READ", "Also", "ALSO", "See", "Related", "RELATED", "More",
                     "Follow", "Sign", "Subscribe", "Click", "Share", "Advertisement",
                     "ADVERTISEMENT")  # the first word of each _LINK_LINE_RE alternative
_CAPTION_STARTS = ("(", "Photo", "PHOTO", "Image", "Picture", "Foto", "Caption", "Video",
                   "Graphic", "Illustration", "FILE", "IN")  # of each _CAPTION_START_RE one
# One regex of literals is quicker than str.startswith with all of them.
_FURNITURE_START_RE = re.compile("|".join(map(re.escape, (
    *_BYLINE_STARTS, *_CREDIT_LINE_STARTS, *_COPYRIGHT_STARTS, *_LINK_LINE_STARTS,
    *_CAPTION_STARTS))))

# The last word of each alias: "France-Presse" ends in "presse".
_AGENCY_LAST_WORDS = frozenset(
    re.split(r"[\s-]", alias)[-1].casefold() for aliases in AGENCIES.values() for alias in aliases
)
# ... and of each _CONTRIBUTED_RE alternative.
_CREDIT_LAST_WORDS = _AGENCY_LAST_WORDS | {"report", "article", "story", "reporting"}


def may_be_furniture(paragraph: str) -> bool:
    """True unless the quick tests of the is_* checks below show that none of them accepts
    `paragraph`, as for most news paragraphs; a paragraph it rejects ends in no photo
    credit either."""
    if _FURNITURE_START_RE.match(paragraph) or _may_end_in_photo_credit(paragraph):
        return True
    if len(paragraph) > MAX_CREDIT_CHARS:  # and so it is no byline, credit or copyright line
        return False
    return paragraph.endswith((")", ").")) or _may_end_in_word(paragraph, _CREDIT_LAST_WORDS)


def is_byline(paragraph: str) -> bool:
    if len(paragraph) > MAX_BYLINE_CHARS:
        return False
    if not (paragraph.startswith(_BYLINE_STARTS)  # "By Jane Doe, AP"
            or _may_end_in_word(paragraph, _AGENCY_LAST_WORDS)):  # "Jane Doe, AFP"
        return False
    return _BYLINE_RE.fullmatch(paragraph) is not None


def is_credit_line(paragraph: str) -> bool:
    if len(paragraph) > MAX_CREDIT_CHARS:
        return False
    if "contributed" in paragraph or "used in this" in paragraph:
        return _CONTRIBUTED_RE.fullmatch(paragraph) is not None
    if not (paragraph.endswith((")", ").")) or paragraph.startswith(_CREDIT_LINE_STARTS)
            or _may_end_in_word(paragraph, _AGENCY_LAST_WORDS)):  # "zc/wd (AP)", "- AFP"
        return False
    return _CREDIT_LINE_RE.fullmatch(paragraph) is not None


def is_copyright_line(paragraph: str) -> bool:
    return (len(paragraph) <= MAX_CREDIT_CHARS and paragraph.startswith(_COPYRIGHT_STARTS)
            and _COPYRIGHT_RE.fullmatch(paragraph) is not None)


def is_link_line(paragraph: str) -> bool:
    return (len(paragraph) <= MAX_CREDIT_CHARS and paragraph.startswith(_LINK_LINE_STARTS)
            and _LINK_LINE_RE.match(paragraph) is not None)


def is_caption(paragraph: str) -> bool:
    """A photo caption or image credit: starts like one, or is short and ends in a credit."""
    if paragraph.startswith(_CAPTION_STARTS) and _CAPTION_START_RE.match(paragraph):
        return True
    return (photo_credit_at_end(paragraph) is not None
            and len(paragraph.split()) <= MAX_CAPTION_WORDS)


def photo_credit_at_end(paragraph: str) -> re.Match[str] | None:
    """The photo credit ending `paragraph`: '(AP Photo/Jane Doe)', 'Photo: Jane Doe/AFP'."""
    if not _may_end_in_photo_credit(paragraph):
        return None  # the regex is slow to fail, and most paragraphs are not captions
    return PHOTO_CREDIT_END_RE.search(paragraph, max(0, len(paragraph) - PHOTO_CREDIT_CHARS))


def _may_end_in_photo_credit(paragraph: str) -> bool:
    # Each PHOTO_CREDIT_END_RE alternative needs a ")" ("(AP Photo/Jane Doe)"), a "/"
    # ("Jane Doe/AFP", "REUTERS/Jane Doe") or a ":" ("Photo: Jane Doe").
    tail = paragraph[-PHOTO_CREDIT_CHARS:]
    return "/" in tail or ")" in tail or ":" in tail


def _may_end_in_word(paragraph: str, words: frozenset[str]) -> bool:
    """False if `paragraph` cannot end in a phrase whose last word is one of `words`
    (case-folded), followed by at most a period."""
    last = paragraph[paragraph.rfind(" ") + 1:].removesuffix(".")
    if last.casefold() in words:
        return True
    # An ASCII word of letters only is what follows the last space, so it is a whole word.
    # Anything else may end in one: "AP/Reuters", or a letter that a regex ignoring case
    # takes for an ASCII one (the Kelvin sign for "K").
    return not (last.isascii() and last.isalpha())


def may_end_in_trailer(paragraph: str) -> bool:
    """A cheap test that rules out the trailer patterns for most paragraphs."""
    words = paragraph[-60:].rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    return last.endswith((")", ").", ";")) or last.rstrip(".").casefold() in _TRAILER_LAST_WORDS


def photo_credits(paragraph: str) -> Iterator[re.Match[str]]:
    """Photo credits anywhere in `paragraph`: 'AP Photo', 'AFP PHOTO', 'REUTERS/Jane Doe'."""
    if may_have_photo_credits(paragraph):
        yield from PHOTO_CREDIT_RE.finditer(paragraph)


def may_have_photo_credits(paragraph: str) -> bool:
    """False if `paragraph` has no photo credit: each PHOTO_CREDIT_RE alternative needs one
    of these words."""
    return "Photo" in paragraph or "PHOTO" in paragraph or "REUTERS/" in paragraph

