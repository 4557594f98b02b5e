"""Scoring a clustering of the benchmark: overall scores, per hard case, worst merges/splits."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from benchmarks.quality.generate import APART_CASES, JOIN_CASES
from dedupe.eval import evaluate


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def per_case(articles: list[dict[str, Any]], predicted: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Must-join cases: recall of the same-story pairs that involve an article of the case.
    Must-stay-apart cases: how many articles (and pairs) were merged with a story in their
    `apart_from`."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        by_label[a["cluster"]].append(a["id"])
    out: dict[str, dict[str, Any]] = {}
    for case in ("wire",) + JOIN_CASES:
        members = [a for a in articles if a["meta"]["case"] == case]
        total = together = 0
        for a in members:
            for other in by_label[a["cluster"]]:
                if other != a["id"]:
                    total += 1
                    together += predicted[other] == predicted[a["id"]]
        out[case] = {"kind": "join", "articles": len(members), "pairs": total,
                     "recall": together / total if total else None}
    for case in APART_CASES:
        members = [a for a in articles if a["meta"]["case"] == case]
        merged = pairs = 0
        for a in members:
            wrong = sum(predicted[o] == predicted[a["id"]] for label in a["meta"]["apart_from"]
                        for o in by_label[label])
            pairs += wrong
            merged += wrong > 0
        out[case] = {"kind": "apart", "articles": len(members), "merged_articles": merged,
                     "false_merge_pairs": pairs}
    return out


def _group_view(items: list[dict[str, Any]]) -> dict[str, Any]:
    first = min(items, key=lambda a: (a["meta"]["case"] != "wire", a["id"]))
    return {"n": len(items), "cases": dict(Counter(a["meta"]["case"] for a in items)),
            "example": first["id"], "title": first["title"]}


def worst(articles: list[dict[str, Any]], predicted: dict[str, str], shown: int = 10) -> dict[str, list]:
    """Predicted clusters joining most pairs of different stories (merges) and true stories
    whose pairs were most often split apart (splits), each broken into its parts."""
    by_pred: dict[str, list[dict]] = defaultdict(list)
    by_true: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        by_pred[predicted[a["id"]]].append(a)
        by_true[a["cluster"]].append(a)
    merges, splits = [], []
    for cluster, items in by_pred.items():
        parts: dict[str, list[dict]] = defaultdict(list)
        for a in items:
            parts[a["cluster"]].append(a)
        if len(parts) > 1:
            wrong = _pairs(len(items)) - sum(_pairs(len(p)) for p in parts.values())
            merges.append({"wrong_pairs": wrong, "predicted": cluster,
                           "parts": [dict(label=k, **_group_view(v)) for k, v in sorted(parts.items())]})
    for label, items in by_true.items():
        parts = defaultdict(list)
        for a in items:
            parts[predicted[a["id"]]].append(a)
        if len(parts) > 1:
            missed = _pairs(len(items)) - sum(_pairs(len(p)) for p in parts.values())
            splits.append({"missed_pairs": missed, "label": label,
                           "parts": [dict(predicted=k, **_group_view(v)) for k, v in sorted(parts.items())]})
    merges.sort(key=lambda m: (-m["wrong_pairs"], m["predicted"]))
    splits.sort(key=lambda s: (-s["missed_pairs"], s["label"]))
    return {"merges": merges[:shown], "splits": splits[:shown],
            "merge_count": len(merges), "split_count": len(splits)}


def score(articles: list[dict[str, Any]], predicted: dict[str, str]) -> dict[str, Any]:
    truth = {a["id"]: a["cluster"] for a in articles}
    return {"scores": evaluate(truth, predicted).to_json(), "cases": per_case(articles, predicted),
            "worst": worst(articles, predicted)}


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def scores_table(rows: dict[str, dict[str, Any]]) -> str:
    lines = ["| method | ARI | pairwise P / R / F1 | B-cubed P / R / F1 |", "|---|---:|---|---|"]
    for name, s in rows.items():
        lines.append(f"| {name} | {_f(s['ari'])} | {_f(s['pair_precision'])} / {_f(s['pair_recall'])} / "
                     f"{_f(s['pair_f1'])} | {_f(s['bcubed_precision'])} / {_f(s['bcubed_recall'])} / "
                     f"{_f(s['bcubed_f1'])} |")
    return "\n".join(lines)


def cases_table(results: dict[str, dict[str, Any]]) -> str:
    names = list(results)
    first = results[names[0]]["cases"]
    head = "| case | kind | articles | " + " | ".join(names) + " |"
    lines = [head, "|---|---|---:|" + "---:|" * len(names)]
    for case, row in first.items():
        if row["kind"] == "join":
            cells = [_f(results[n]["cases"][case]["recall"]) for n in names]
            kind = "must join: pair recall"
        else:
            cells = [f"{results[n]['cases'][case]['merged_articles']} ({results[n]['cases'][case]['false_merge_pairs']} pairs)"
                     for n in names]
            kind = "must stay apart: merged articles"
        lines.append(f"| {case} | {kind} | {row['articles']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def worst_text(worst_items: dict[str, list], width: int = 70) -> str:
    def short(text: str) -> str:
        text = " ".join((text or "").split())
        return text if len(text) <= width else text[:width - 1] + "…"

    lines = [f"worst merges ({worst_items['merge_count']} predicted clusters mix stories):"]
    for m in worst_items["merges"]:
        lines.append(f"- {m['wrong_pairs']} wrong pairs in {m['predicted']}:")
        lines += [f"    {p['n']}× {p['label']} {p['cases']} {short(p['title'])!r}" for p in m["parts"]]
    lines.append(f"worst splits ({worst_items['split_count']} stories are split):")
    for s in worst_items["splits"]:
        lines.append(f"- {s['missed_pairs']} missed pairs of {s['label']}:")
        lines += [f"    {p['n']}× {p['cases']} {short(p['title'])!r}" for p in s["parts"]]
    return "\n".join(lines)
