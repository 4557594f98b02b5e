"""The markdown of a benchmark run: one table of wall time, memory and quality per tool and
size, the stages of each tool, and the issue's targets checked against this run."""

from __future__ import annotations

LABELS = {
    "dedupe-cli": "dedupe cluster (CLI, end to end incl. start-up)",
    "dedupe-library": "dedupe.pipeline.run (library)",
    "datasketch": "datasketch plain (MinHash.update + MinHashLSH)",
    "datasketch-bulk": "datasketch bulk (MinHash.bulk + insertion_session)",
    "rensa": "rensa (RMinHash + RMinHashLSH)",
    "floor": "floor: read + tokenize + hash shingles",
    "lsh-banding": "LSH only: dedupe banding vs MinHashLSH",
}


def _f(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _runs(results: dict, tool: str) -> dict[int, dict]:
    return {r["size"]: r for r in results["runs"] if r["tool"] == tool}


def main_table(results: dict) -> list[str]:
    lines = ["| articles | tool | wall s | docs/s | peak RSS MB | pair precision | pair recall | note |",
             "|---:|---|---:|---:|---:|---:|---:|---|"]
    for run in results["runs"]:
        if run["tool"] == "lsh-banding":
            continue
        quality = run.get("quality") or {}
        status = run["status"]
        wall = _f(run.get("wall_s")) + (" *(extrap.)*" if status == "extrapolated" else "")
        note = run.get("note", "") if status != "measured" else ""
        lines.append(f"| {run['size']:,} | {LABELS.get(run['tool'], run['tool'])} | {wall} | "
                     f"{_f(run.get('docs_per_s'), 0)} | {_f(run.get('peak_rss_mb'), 0)} | "
                     f"{_f(quality.get('pair_precision'), 4)} | {_f(quality.get('pair_recall'), 4)} | {note} |")
    return lines


def stage_table(results: dict) -> list[str]:
    lines = ["| articles | tool | seconds per stage |", "|---:|---|---|"]
    for run in results["runs"]:
        if run["status"] != "measured" or not run.get("stages"):
            continue
        stages = " · ".join(f"{name} {seconds:.2f}" for name, seconds in run["stages"].items())
        split = run.get("details", {}).get("split")
        if split:
            stages += " (read / normalize / sketch, one process: " + " / ".join(
                f"{share:.0%}" for share in split.values()) + ")"
        lines.append(f"| {run['size']:,} | {run['tool']} | {stages} |")
    return lines


def lsh_table(results: dict) -> list[str]:
    lines = ["| signatures | bands × rows | candidate pairs | dedupe banding s | MinHashLSH insert + query s | "
             "speed-up | same pairs |", "|---:|---|---:|---:|---:|---:|---|"]
    for size, run in _runs(results, "lsh-banding").items():
        if run["status"] != "measured":
            lines.append(f"| {size:,} | — | — | — | — | — | {run['status']}: {run.get('note', '')} |")
            continue
        d, s = run["details"], run["stages"]
        lines.append(f"| {size:,} | {d['bands'][0]} × {d['bands'][1]} | {d['candidate_pairs']:,} | "
                     f"{s['dedupe banding']:.3f} | {s['MinHashLSH insert + query']:.2f} | {d['speedup']:.0f}× | "
                     f"{'yes' if d['same_pairs'] else 'NO'} |")
    return lines


def targets(results: dict) -> list[str]:
    """The issue's targets, as ratios and limits of this one run."""
    ours, plain = _runs(results, "dedupe-cli"), _runs(results, "datasketch")
    lines = []
    for size in sorted(ours.keys() & plain.keys()):
        a, b = ours[size], plain[size]
        if a["status"] == "measured" and b["status"] in ("measured", "extrapolated"):
            lines.append(f"- {size:,} articles: dedupe cluster end to end is **{b['wall_s'] / a['wall_s']:.1f}×** "
                         f"faster than plain datasketch ({b['status']}); target ≥ 30× at 20,000")
    for size, limit_s in ((100_000, 20), (1_000_000, 180)):
        if size in ours and ours[size]["status"] == "measured":
            run = ours[size]
            ok = run["wall_s"] <= limit_s
            lines.append(f"- {size:,} articles in {run['wall_s']:.1f} s (target ≤ {limit_s} s: "
                         f"{'met' if ok else 'not met'}), peak RSS {run['peak_rss_mb']:,.0f} MB"
                         + (" (target ≤ 4,096 MB)" if size == 1_000_000 else ""))
    measured = sorted((s, r) for s, r in ours.items() if r["status"] == "measured")
    if len(measured) > 1:
        per_k = ", ".join(f"{1000 * r['wall_s'] / s:.2f} s at {s:,}" for s, r in measured)
        lines.append(f"- cost per 1,000 articles (linear if flat): {per_k}")
    for size, run in _runs(results, "lsh-banding").items():
        if run["status"] == "measured":
            lines.append(f"- LSH over {size:,} signatures: banding **{run['details']['speedup']:.0f}×** faster than "
                         f"MinHashLSH insert + query, same candidate pairs: "
                         f"{'yes' if run['details']['same_pairs'] else 'NO'} (target ≥ 10× at 1,000,000)")
    return lines


def markdown(results: dict) -> str:
    m, s = results["machine"], results["settings"]
    corpora = ", ".join(f"{c['articles']:,} ({c['reprint_share']:.0%} reprints, {c['mean_words']:.0f} words avg.)"
                        for c in results["corpora"])
    caps = "; ".join(f"{tool} ≤ {cap:,}" for tool, cap in results["caps"].items())
    parts = [
        f"Run {results['date']}: `{results['command']}`",
        "",
        f"Machine: {m.get('processor')}, {m.get('cpus')} cores, {m.get('memory_gb')} GB, Python {m.get('python')}, "
        f"numpy {m.get('numpy')}, datasketch {m.get('datasketch')}, rensa {m.get('rensa') or 'not installed'}; "
        f"load average at start {', '.join(f'{x:.1f}' for x in m.get('load_average', []))}.",
        "",
        f"Same for every tool: word {s['ngram']}-grams of dedupe's tokenizer, {s['num_perm']} permutations, seed "
        f"{s['seed']}, Jaccard threshold {s['threshold']}. Corpora (seed {results['corpus_seed']}): {corpora}. "
        f"Size caps: {caps}; above them a tool's time is extrapolated linearly and marked.",
        "",
        *main_table(results),
        "",
        "Stages (seconds; dedupe's read + normalize + sketch is streamed through its workers, "
        "the shares in brackets were timed apart, in one process, on the first 2,000 articles):",
        "",
        *stage_table(results),
        "",
        *lsh_table(results),
        "",
        "Targets:",
        "",
        *(targets(results) or ["- nothing to compare in this run"]),
        "",
    ]
    return "\n".join(parts)
