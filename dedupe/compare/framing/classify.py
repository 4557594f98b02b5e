"""Classify one word-level change block: which framing difference it is.

A block may hold several findings ("said" -> "claimed on Tuesday that reportedly" is an
attribution change and a hedge). Checks run in priority order, each consuming the words it
explains: minor (the whole block), attribution verb, hedge, loaded term, number, and then
whatever words are left are an entity change or a rewording.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from dedupe.compare.edits import shorten
from dedupe.compare.framing import lexicons
from dedupe.compare.framing.context import Change, Word, count_phrase, find_phrases, locate, overlaps, to_base, \
    to_version, words
from dedupe.compare.framing.lexicons import Phrase
from dedupe.compare.framing.minor import minor_label
from dedupe.compare.framing.model import Finding
from dedupe.compare.framing.numbers import Number, is_casualty_context, near_month, numbers, values

CONTEXT_WORDS = 4
"""Words either side of a block that a multi-word term may reach into ("tax [relief]")."""
MAX_PHRASE_WORDS = 6
"""A number or entity change longer than this is reported as part of a rewording."""

_DETERMINERS = frozenset("a an the his her their its this that these those our my your such no any every".split())
_TITLES = frozenset((
    "president premier minister prime chancellor secretary spokesman spokeswoman spokesperson chief governor "
    "mayor senator congressman congresswoman leader king queen prince princess emperor ambassador envoy "
    "commander general admiral colonel captain lieutenant sergeant director chairman chairwoman chair ceo "
    "head judge justice prosecutor attorney sheriff pope cardinal bishop imam rabbi ayatollah sheikh "
    "mr mrs ms dr sir lord lady dame vice deputy acting foreign interior defence defense health finance"
).split())
_SENTENCE_START = frozenset(".!?:\"“‘(")


@dataclass
class _Side:
    """One sentence's words and the block's word range in it, with what is explained."""

    text: str
    words: list[Word]
    block: tuple[int, int]  # char span of the block
    first: int  # index of the first word in the block (the insertion point if empty)
    last: int  # index after the last word in the block
    used: set[int] = field(default_factory=set)
    continued: bool = False  # holds the end of a term an earlier block reported

    def window(self) -> tuple[int, int]:
        return max(0, self.first - CONTEXT_WORDS), min(len(self.words), self.last + CONTEXT_WORDS)

    def occurrences(self, lexicon) -> Iterator[tuple[Phrase, int, int]]:
        """Lexicon phrases touching the block and not yet explained by another finding."""
        lo, hi = self.window()
        for phrase, i, j in find_phrases(self.words[lo:hi], lexicon):
            i, j = i + lo, j + lo
            inside = range(max(i, self.first), min(j, self.last))
            if overlaps(self.span(i, j), self.block) and not any(k in self.used for k in inside):
                yield phrase, i, j

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.words[i].start, self.words[j - 1].end

    def surface(self, i: int, j: int) -> str:
        return self.text[slice(*self.span(i, j))]

    def use(self, i: int, j: int) -> None:
        self.used.update(range(max(i, self.first), min(j, self.last)))

    def rest(self) -> list[Word]:
        return [self.words[k] for k in range(self.first, self.last) if k not in self.used]


def _side(text: str, block: tuple[int, int]) -> _Side:
    items = words(text)
    inside = [k for k, w in enumerate(items) if w.start >= block[0] and w.end <= block[1]]
    if inside:
        return _Side(text, items, block, inside[0], inside[-1] + 1)
    first = next((k for k, w in enumerate(items) if w.start >= block[0]), len(items))
    return _Side(text, items, block, first, first)


def classify_block(before: str, after: str, base_sentence: str, version_sentence: str) -> list[Finding]:
    """Findings for one change block (the base's `before` became the version's `after`).

    Empty only for a block that merely continues a multi-word term reported with an
    earlier block of the same sentence ("pro-[life]" -> "anti-[abortion]")."""
    label = minor_label(before, after)
    if label is not None:
        return [Finding("minor", before, after, label)]
    change = locate(before, after, base_sentence, version_sentence)
    base, version = _side(change.base, change.before), _side(change.version, change.after)
    findings: list[Finding] = []
    for check in (_attribution, _hedges, _loaded_pairs, _loaded_words, _numbers):
        findings += check(change, base, version)
    findings += _rest(change, base, version, bool(findings) or bool(base.used or version.used))
    if not findings and not (base.continued or version.continued):
        # Only words found unchanged (a verb in another tense, a number written out) and
        # glue words around them ("Ruiz. Said" -> "Ruiz and said"): a change of form.
        return [Finding("minor", before, after, "same words, other form")]
    return findings


def _offset(change: Change, span: tuple[int, int] | None) -> tuple[int, int]:
    """A version char span as an offset inside the after-block (clipped to it)."""
    v0, v1 = change.after
    if span is None:
        return 0, 0
    start, end = min(max(span[0], v0), v1), min(max(span[1], v0), v1)
    return start - v0, max(start, end) - v0


def _removed_at(change: Change, base: _Side, i: int) -> tuple[int, int]:
    position = to_version(change, base.words[i].start)
    return position, position


# --- attribution verbs ---------------------------------------------------------------------

def _verbs(side: _Side) -> list[tuple[str, int, int]]:
    forms = lexicons.attribution_verbs()
    found = []
    for phrase, i, j in side.occurrences(forms):
        if i > 0 and side.words[i - 1].key in _DETERMINERS:
            continue  # "the claim", "his statement": a noun
        found.append((forms[phrase], i, j))
    return found


def _attribution(change: Change, base: _Side, version: _Side) -> list[Finding]:
    b_verbs, v_verbs = _verbs(base), _verbs(version)
    b_lemmas, v_lemmas = {v[0] for v in b_verbs}, {v[0] for v in v_verbs}
    for lemma, i, j in b_verbs:
        if lemma in v_lemmas:
            base.use(i, j)  # the same verb in another tense
    for lemma, i, j in v_verbs:
        if lemma in b_lemmas:
            version.use(i, j)
    removed = [v for v in b_verbs if v[0] not in v_lemmas]
    added = [v for v in v_verbs if v[0] not in b_lemmas]
    findings = []
    for (_, bi, bj), (_, vi, vj) in zip(removed, added):
        said, claimed = base.surface(bi, bj), version.surface(vi, vj)
        base.use(bi, bj)
        version.use(vi, vj)
        findings.append(Finding("attribution_verb", said, claimed, f"'{said}' became '{claimed}'",
                                _offset(change, version.span(vi, vj))))
    return findings


# --- hedges ----------------------------------------------------------------------------------

def _hedge_changes(side: _Side, other_text: str) -> list[tuple[str, str, int, int]]:
    """(type, surface, i, j) of hedges in the block that the other sentence has fewer of."""
    table = lexicons.hedges()
    found = []
    for phrase, i, j in side.occurrences(table):
        surface = side.surface(i, j)
        if phrase == ("may",) and surface[0].isupper():
            continue  # the month, or a name
        if count_phrase(side.text, phrase) > count_phrase(other_text, phrase):
            found.append((table[phrase], surface, i, j))
    return found


def _hedges(change: Change, base: _Side, version: _Side) -> list[Finding]:
    removed, added = _hedge_changes(base, version.text), _hedge_changes(version, base.text)
    findings = []
    for b_type, b_text, bi, bj in list(removed):
        swap = next((a for a in added if a[0] == b_type), None)
        if swap is not None:
            added.remove(swap)
            removed.remove((b_type, b_text, bi, bj))
            base.use(bi, bj)
            version.use(swap[2], swap[3])
            findings.append(Finding("hedge", b_text, swap[1], f"{_hedge_name(b_type)} changed: '{b_text}' → '{swap[1]}'",
                                    _offset(change, version.span(swap[2], swap[3]))))
    for kind, text, i, j in added:
        version.use(i, j)
        findings.append(Finding("hedge", "", text, f"{_hedge_name(kind)} added: '{text}'",
                                _offset(change, version.span(i, j))))
    for kind, text, i, j in removed:
        base.use(i, j)
        findings.append(Finding("hedge", text, "", f"{_hedge_name(kind)} removed: '{text}'",
                                _offset(change, _removed_at(change, base, i))))
    return findings


def _hedge_name(kind: str) -> str:
    return "certainty marker" if kind == "booster" else "hedge"


# --- loaded terms ----------------------------------------------------------------------------

def _loaded_pairs(change: Change, base: _Side, version: _Side) -> list[Finding]:
    """A term of the loaded-terms lexicon swapped for another of its group."""
    groups = lexicons.loaded_groups()
    findings = []
    for side, other, to_other in ((version, base, to_base), (base, version, to_version)):
        for phrase, i, j in list(side.occurrences(groups)):
            start, end = side.span(i, j)
            lo, hi = to_other(change, start), to_other(change, end, end=True)
            match = _mate_in(other, lo, hi, groups[phrase])
            if match is None:
                continue
            oi, oj = match
            side.use(i, j)
            other.use(oi, oj)
            if _continues_earlier_block(change, side is version, (start, end)):
                side.continued = True
                continue
            (bi, bj, vi, vj) = (oi, oj, i, j) if side is version else (i, j, oi, oj)
            was, now = base.surface(bi, bj), version.surface(vi, vj)
            findings.append(Finding("loaded_term", was, now, f"'{was}' became '{now}'",
                                    _offset(change, version.span(vi, vj))))
    return findings


def _mate_in(side: _Side, lo: int, hi: int, mates: frozenset[Phrase]) -> tuple[int, int] | None:
    """Word range of a group mate inside a char range of the other sentence."""
    inside = [k for k, w in enumerate(side.words) if w.start >= lo and w.end <= hi]
    if not inside:
        return None
    first, last = inside[0], inside[-1] + 1
    for phrase, i, j in find_phrases(side.words[first:last], mates):
        i, j = i + first, j + first
        if any(side.first <= k < side.last for k in range(i, j)) or side.first == side.last:
            return i, j
    return None


def _continues_earlier_block(change: Change, in_version: bool, span: tuple[int, int]) -> bool:
    """The term also spans an earlier block, whose finding already reported it."""
    side = 1 if in_version else 0
    return any(blocks[side][0] < blocks[side][1] and overlaps(span, blocks[side]) for blocks in change.earlier)


def _loaded_words(change: Change, base: _Side, version: _Side) -> list[Finding]:
    """An evaluative word added ("the brutal crackdown") or dropped."""
    table = lexicons.loaded_words()
    findings = []
    for side, other, verb in ((version, base, "added"), (base, version, "removed")):
        for phrase, i, j in list(side.occurrences(table)):
            if count_phrase(side.text, phrase) <= count_phrase(other.text, phrase):
                continue
            side.use(i, j)
            text = side.surface(i, j)
            span = version.span(i, j) if side is version else _removed_at(change, base, i)
            findings.append(Finding("loaded_term", text if side is base else "", text if side is version else "",
                                    f"loaded word {verb}: '{text}'", _offset(change, span)))
    return findings


# --- numbers ---------------------------------------------------------------------------------

def _numbers(change: Change, base: _Side, version: _Side) -> list[Finding]:
    b_nums, v_nums = _block_numbers(base), _block_numbers(version)
    if values(b_nums) == values(v_nums):
        for side, found in ((base, b_nums), (version, v_nums)):
            _use_chars(side, found)  # the same number written differently
        return []
    one_sided = not b_nums or not v_nums
    present = b_nums or v_nums
    if one_sided and (not all(n.digits for n in present) or len((base if b_nums else version).rest()) > MAX_PHRASE_WORDS):
        return []
    was, was_span = _number_text(base, b_nums, whole=not one_sided)
    now, now_span = _number_text(version, v_nums, whole=not one_sided)
    what = _number_kind(change, base, b_nums, version, v_nums)
    if one_sided:
        label = f"{what} added: {now}" if v_nums else f"{what} removed: {was}"
    else:
        label = f"{what} changed: {was} → {now}"
    span = now_span if v_nums else (to_version(change, was_span[0]),) * 2
    return [Finding("number_changed", was, now, label, _offset(change, span))]


def _block_numbers(side: _Side) -> list[Number]:
    start, end = _widen(side.text, *side.block)
    return numbers(side.text, start, end)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a block that cuts a number ("12" of "12,000") to the whole number."""
    while start > 1 and text[start - 1] in ".," and text[start - 2].isdigit() and text[start:start + 1].isdigit():
        start -= 2
        while start > 0 and text[start - 1].isdigit():
            start -= 1
    while end + 1 < len(text) and text[end] in ".," and text[end + 1].isdigit() and text[end - 1].isdigit():
        end += 2
        while end < len(text) and text[end].isdigit():
            end += 1
    return start, end


def _number_text(side: _Side, found: list[Number], whole: bool) -> tuple[str, tuple[int, int]]:
    """The changed words around the numbers: the whole rest of the block when short."""
    if not found:
        return "", (side.block[0], side.block[0])
    rest = side.rest()
    lo, hi = min(n.start for n in found), max(n.end for n in found)
    if whole and rest and len(rest) <= MAX_PHRASE_WORDS:
        lo, hi = min(lo, rest[0].start), max(hi, rest[-1].end)
        side.used.update(range(side.first, side.last))
    else:
        _use_chars(side, found)
    return side.text[lo:hi].strip(" ,;"), (lo, hi)


def _use_chars(side: _Side, found: list[Number]) -> None:
    for k in range(side.first, side.last):
        word = side.words[k]
        if any(n.start <= word.start and word.end <= n.end for n in found):
            side.used.add(k)


def _number_kind(change: Change, base: _Side, b_nums: list[Number], version: _Side, v_nums: list[Number]) -> str:
    located = [(n, base.text) for n in b_nums] + [(n, version.text) for n in v_nums]
    if any(n.date or near_month(text, n.start, n.end) for n, text in located):
        return "date"
    if is_casualty_context(change.base) or is_casualty_context(change.version):
        return "casualty figure"
    return "number"


# --- what is left: entities and rewording ----------------------------------------------------

def _rest(change: Change, base: _Side, version: _Side, explained: bool) -> list[Finding]:
    b_rest, v_rest = base.rest(), version.rest()
    if not b_rest and not v_rest:
        return []
    was = base.text[b_rest[0].start:b_rest[-1].end] if b_rest else ""
    now = version.text[v_rest[0].start:v_rest[-1].end] if v_rest else ""
    if explained and (all(w.key in ENGLISH_STOP_WORDS for w in b_rest + v_rest) or minor_label(was, now)):
        return []  # glue words around what was found ("claimed that")
    span = (v_rest[0].start, v_rest[-1].end) if v_rest else _removed_at(change, base, base.first)
    if _is_entity(base, b_rest) or _is_entity(version, v_rest):
        if max(len(b_rest), len(v_rest)) <= MAX_PHRASE_WORDS:
            return [Finding("entity_changed", was, now, _entity_label(was, now), _offset(change, span))]
    return [Finding("wording_changed", was, now, _wording_label(was, now), _offset(change, span))]


def _is_entity(side: _Side, rest: list[Word]) -> bool:
    """A name or title: a capitalised word that does not start the sentence, an acronym,
    or a title word ("minister", "President")."""
    for word in rest:
        if word.key in _TITLES or (len(word.text) > 1 and word.text.isupper() and word.text.isalpha()):
            return True
        if word.text[0].isupper() and word.text != "I" and not _starts_sentence(side.text, word.start):
            return True
    return False


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_START or before.endswith(" -")


def _entity_label(was: str, now: str) -> str:
    return _change_label(was, now, "name added", "name removed", f"'{shorten(was)}' became '{shorten(now)}'")


def _wording_label(was: str, now: str) -> str:
    return _change_label(was, now, "words added", "words removed", f"reworded: '{shorten(was)}' → '{shorten(now)}'")


def _change_label(was: str, now: str, added: str, removed: str, changed: str) -> str:
    if not was:
        return f"{added}: '{shorten(now)}'"
    if not now:
        return f"{removed}: '{shorten(was)}'"
    return changed
