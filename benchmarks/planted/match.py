"""Score detected edits against planted ones: precision and recall per edit kind.

A detection matches a planted edit when the version and kind agree and, for edits that
carry text, their words overlap: on each side (before, after) where both have text, the
token overlap is at least half of the shorter side or one contains the other, and at least
one side agrees that way. Offsets are never compared. Matching is one-to-one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from benchmarks.planted.edits import KINDS

MIN_OVERLAP = 0.5
UNSCORED = "wording_changed"  # never planted: not scored for precision
NOISE_KINDS = frozenset({"minor", UNSCORED})  # what an OCR misreading may fairly be called
# Changes that cover more than a word: a detection of another kind inside one of them (a
# quote in a dropped paragraph, a name cut from a rewritten lead) is a consequence, not scored.
CONTAINERS = frozenset({"headline_changed", "lead_changed", "quote_dropped", "quote_changed",
                        "paragraph_added", "paragraph_dropped", "truncated"})

_TOKEN_RE = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower())


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def side_overlap(a: str, b: str) -> float | None:
    """How much two texts agree, 0..1; None when either is empty (nothing to compare)."""
    a, b = _squash(a or ""), _squash(b or "")
    if not a or not b:
        return None
    words_a, words_b = _tokens(a), _tokens(b)
    if not words_a or not words_b:  # punctuation only: "," against "airline,"
        return 1.0 if a in b or b in a else 0.0
    if _contains(words_a, words_b) or _contains(words_b, words_a):
        return 1.0
    ta, tb = Counter(words_a), Counter(words_b)
    return sum((ta & tb).values()) / min(len(words_a), len(words_b))


def _contains(outer: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return any(outer[i:i + n] == inner for i in range(len(outer) - n + 1))


def text_agreement(planted: dict, detected: dict) -> float | None:
    """Mean overlap of the comparable sides, or None when the texts disagree. A planted edit
    without text (truncation) agrees with any detection of its kind."""
    if not (planted.get("before") or planted.get("after")):
        return 1.0
    scores = [side_overlap(planted.get(side) or "", detected.get(side) or "") for side in ("before", "after")]
    compared = [s for s in scores if s is not None]
    if not compared or any(s < MIN_OVERLAP for s in compared):
        return None
    return sum(compared) / len(compared)


def match(planted: list[dict], detected: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (planted index, detected index) pairs, best agreement first. Every edit
    dict has "version", "kind", "before", "after"."""
    candidates = []
    for i, p in enumerate(planted):
        for j, d in enumerate(detected):
            if p["version"] == d.get("version") and p["kind"] == d.get("kind"):
                agreement = text_agreement(p, d)
                if agreement is not None:
                    candidates.append((-agreement, i, j))
    pairs, used_p, used_d = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_d:
            pairs.append((i, j))
            used_p.add(i)
            used_d.add(j)
    return pairs


def _is_noise(detection: dict, noise: list[dict]) -> bool:
    return detection.get("kind") in NOISE_KINDS and any(
        n["version"] == detection.get("version")
        and any((side_overlap(n[s], detection.get(s) or "") or 0) >= MIN_OVERLAP for s in ("before", "after"))
        for n in noise)


def _inside(part: str, whole: str) -> bool | None:
    """`part` is a strictly smaller run of `whole`'s words; None when `part` is empty."""
    words_part, words_whole = _tokens(part or ""), _tokens(whole or "")
    if not words_part:
        return None if not (part or "").strip() else False
    return len(words_part) < len(words_whole) and _contains(words_whole, words_part)


def _is_implied(detection: dict, planted: list[dict]) -> bool:
    for p in planted:
        if p["kind"] not in CONTAINERS or p["version"] != detection.get("version") or p["kind"] == detection.get("kind"):
            continue
        scope = p.get("scope") or {"before": p["before"], "after": p["after"]}
        sides = [_inside(detection.get(side) or "", scope.get(side) or "") for side in ("before", "after")]
        if any(sides) and False not in sides:
            return True
    return False


def score(planted: list[dict], detected: list[dict], noise: list[dict] = ()) -> dict[str, Any]:
    """Per-kind and overall counts, precision and recall, with the misses and false
    detections listed. Not counted for precision: detections of OCR noise as `minor` or
    `wording_changed`, and detections implied by a larger planted change (CONTAINERS)."""
    pairs = match(planted, detected)
    matched_p = {i for i, _ in pairs}
    matched_d = {j for _, j in pairs}
    noise_d = {j for j, d in enumerate(detected) if j not in matched_d and _is_noise(d, list(noise))}
    by_version_p = defaultdict(list)
    for p in planted:
        by_version_p[p["version"]].append(p)
    implied_d = {j for j, d in enumerate(detected) if j not in matched_d and j not in noise_d
                 and d.get("kind") in KINDS and _is_implied(d, by_version_p[d.get("version")])}
    scored_d = [j for j, d in enumerate(detected) if d.get("kind") in KINDS and j not in noise_d | implied_d]
    per_kind: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        n_planted = sum(p["kind"] == kind for p in planted)
        n_found = sum(planted[i]["kind"] == kind for i in matched_p)
        n_detected = sum(detected[j]["kind"] == kind for j in scored_d)
        n_correct = sum(detected[j]["kind"] == kind for j in matched_d)
        per_kind[kind] = {"planted": n_planted, "detected": n_detected, "matched": n_found,
                          "precision": n_correct / n_detected if n_detected else None,
                          "recall": n_found / n_planted if n_planted else None}
    total_p, total_d = len(planted), len(scored_d)
    misses = []
    by_version = defaultdict(list)
    for j, d in enumerate(detected):
        by_version[d.get("version")].append(d)
    for i, p in enumerate(planted):
        if i not in matched_p:
            nearby = [d for d in by_version[p["version"]]
                      if text_agreement({**p, "kind": d.get("kind")}, d) is not None]
            misses.append({**p, "detected_as": sorted({d.get("kind") for d in nearby})})
    false = [detected[j] for j in scored_d if j not in matched_d]
    return {
        "kinds": per_kind,
        "overall": {"planted": total_p, "detected": total_d, "matched": len(pairs),
                    "precision": len(pairs) / total_d if total_d else None,
                    "recall": len(pairs) / total_p if total_p else None},
        "unscored_detections": sum(d.get("kind") == UNSCORED for d in detected),
        "noise_detections": len(noise_d),
        "implied_detections": [detected[j] for j in sorted(implied_d)],
        "misses": misses,
        "false_detections": false,
    }
