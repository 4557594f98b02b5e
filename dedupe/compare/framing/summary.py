"""A few plain sentences on how the versions of a story differ, most important first."""

from __future__ import annotations

import re
from collections.abc import Callable

MAX_SENTENCES = 12

# Kinds in order of importance; each groups the outlets that made the same change.
_ORDER = ("quote_dropped", "attribution_verb", "number_changed", "hedge", "loaded_term", "quote_changed",
          "entity_changed", "headline_changed", "lead_changed", "truncated", "paragraph_dropped", "quote_added",
          "credit_changed", "paragraph_added", "paragraph_moved", "sentence_dropped", "sentence_added",
          "sentence_moved", "wording_changed")
_COUNTED = {"paragraph_dropped": "dropped {n} paragraph{s}", "paragraph_added": "adds {n} paragraph{s}",
            "paragraph_moved": "moved {n} paragraph{s}", "sentence_dropped": "dropped {n} sentence{s}",
            "sentence_added": "adds {n} sentence{s}", "sentence_moved": "moved {n} sentence{s}",
            "wording_changed": "reworded {n} passage{s}", "quote_added": "adds {n} quote{s}",
            "entity_changed": "changed {n} name{s} or title{s}"}
_SPEAKER = re.compile(r"^quote from (.+?) (?:dropped|shortened|altered|paraphrased|no longer|scare)")
_NUMBER = re.compile(r"^(casualty figure|date|number) (changed|added|removed)")


def summarize(edits: list[dict], versions: list[dict], base_id: str) -> list[str]:
    """Short sentences naming outlets (by source) and what they changed, grouping outlets
    that made the same change; at most MAX_SENTENCES."""
    names = {v["id"]: v.get("source") or v["id"] for v in versions}
    groups: dict[tuple, list[dict]] = {}
    for edit in edits:
        if edit["version"] == base_id or edit["kind"] not in _ORDER:
            continue
        groups.setdefault(_group_key(edit), []).append(edit)
    ranked = sorted(groups.items(), key=lambda item: (_ORDER.index(item[0][0]), -len(_outlets(item[1])),
                                                      edits.index(item[1][0])))
    sentences = [_sentence(key[0], members, names) for key, members in ranked]
    return list(dict.fromkeys(s for s in sentences if s))[:MAX_SENTENCES]


def _group_key(edit: dict) -> tuple:
    kind = edit["kind"]
    if kind in _COUNTED:
        return kind, edit["version"]
    if kind == "number_changed":
        return kind, edit["before"] or edit["after"], _NUMBER.match(edit["label"]) is not None
    if kind in {"headline_changed", "lead_changed"}:
        return (kind,)
    if kind == "truncated":
        return kind, edit["label"]
    return kind, edit["before"].casefold(), edit["after"].casefold()


def _outlets(members: list[dict]) -> list[str]:
    return list(dict.fromkeys(m["version"] for m in members))


def _who(ids: list[str], names: dict[str, str]) -> tuple[str, bool]:
    """The outlets as a subject, and whether it is plural."""
    outlets = list(dict.fromkeys(names.get(i, i) for i in ids))
    if len(outlets) == 1:
        return outlets[0], False
    if len(outlets) == 2:
        return f"{outlets[0]} and {outlets[1]}", True
    return f"{len(outlets)} outlets", True


def _verb(singular: str, plural: bool) -> str:
    """'writes' -> 'write' for a plural subject."""
    if not plural:
        return singular
    return singular[:-1] if singular.endswith("s") and not singular.endswith("ss") else singular


def _sentence(kind: str, members: list[dict], names: dict[str, str]) -> str:
    first = members[0]
    ids = _outlets(members)
    who, plural = _who(ids, names)
    if kind in _COUNTED:
        n = len(members)
        verb, _, rest = _COUNTED[kind].partition(" ")
        return f"{who} {verb} {rest.format(n=n, s='' if n == 1 else 's')}."
    builder = _BUILDERS.get(kind)
    return builder(first, members, who, plural, names) if builder else ""


def _swap(first, members, who, plural, names) -> str:
    return f"{who} {_verb('writes', plural)} '{first['after']}' where the base writes '{first['before']}'."


def _hedge(first, members, who, plural, names) -> str:
    name = "certainty marker" if first["label"].startswith("certainty") else "hedge"
    return _added_or_dropped(first, members, who, plural, names, name)


def _loaded(first, members, who, plural, names) -> str:
    return _added_or_dropped(first, members, who, plural, names, "loaded word")


def _added_or_dropped(first, members, who, plural, names, noun: str) -> str:
    if first["before"] and first["after"]:
        return _swap(first, members, who, plural, names)
    if first["after"]:
        return f"{who} {_verb('adds', plural)} the {noun} '{first['after']}'."
    return f"{who} {_verb('drops', plural)} the {noun} '{first['before']}'."


def _quote_dropped(first, members, who, plural, names) -> str:
    speaker = _SPEAKER.match(first["label"])
    if speaker:
        return f"{who} dropped the quote from {speaker.group(1)}."
    return f"{who} dropped the quote “{_short(first['before'])}”."


def _quote_changed(first, members, who, plural, names) -> str:
    how = "shortened" if "shortened" in first["label"] else "altered" if "altered" in first["label"] \
        else "paraphrased"
    speaker = _SPEAKER.match(first["label"])
    whose = f"the quote from {speaker.group(1)}" if speaker else f"the quote “{_short(first['before'])}”"
    return f"{who} {how} {whose}."


def _numbers(first, members, who, plural, names) -> str:
    match = _NUMBER.match(first["label"])
    what = {"casualty figure": "the death toll", "date": "a date"}.get(match.group(1) if match else "", "a figure")
    afters = {m["after"] for m in members}
    change = f"{first['before'] or '—'} → {first['after'] or '—'}"
    if len(afters) > 1 or len(_outlets(members)) > 2:
        change += f" in {names.get(first['version'], first['version'])}" if len(afters) > 1 else ""
    return f"{who} changed {what} ({change})."


def _rewrote(part: str) -> Callable:
    return lambda first, members, who, plural, names: f"{who} rewrote the {part}."


def _truncated(first, members, who, plural, names) -> str:
    return f"{who} {_verb(first['label'].split(' ', 1)[0], plural)} {first['label'].split(' ', 1)[1]} (truncated)."


def _credit(first, members, who, plural, names) -> str:
    return f"{who} {_verb(first['label'].split(' ', 1)[0], plural)} {first['label'].split(' ', 1)[1]}."


def _short(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


_BUILDERS = {"attribution_verb": _swap, "hedge": _hedge, "loaded_term": _loaded, "quote_dropped": _quote_dropped,
             "quote_changed": _quote_changed, "number_changed": _numbers, "headline_changed": _rewrote("headline"),
             "lead_changed": _rewrote("lead"), "truncated": _truncated, "credit_changed": _credit}
