"""The benchmark run: for each corpus size, generate the corpus once, run every tool on it
in its own process, score its clusters against the ground truth, and write the results
(JSON, markdown, plot). Tools above their size cap are extrapolated, never run."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dedupe.bench.corpus import existing_corpus, write_corpus
from dedupe.bench.measure import machine_info, measure
from dedupe.bench.tooling import Settings
from dedupe.progress import Progress

TOOLS = ("dedupe-cli", "dedupe-library", "datasketch", "datasketch-bulk", "rensa", "floor", "lsh-banding")
"""Every tool, in table order. dedupe-cli is `dedupe cluster` end to end, process start included."""
QUICK_SIZE = 2_000


@dataclass
class BenchOptions:
    sizes: list[int]
    out_dir: Path
    tools: tuple[str, ...] = TOOLS
    settings: Settings = field(default_factory=Settings)
    corpus_seed: int = 1
    fmt: str = "jsonl"
    baseline_cap: int = 100_000
    """Largest corpus for datasketch bulk, rensa and the LSH comparison."""
    slow_cap: int = 20_000
    """Largest corpus for plain datasketch (~150 docs/s of 400 words)."""
    work_dir: Path | None = None
    """Where corpora are written and kept (default: a temporary folder, removed at the end)."""
    show_progress: bool = True
    command: str = ""

    def cap(self, tool: str) -> int | None:
        if tool == "datasketch":
            return self.slow_cap
        return self.baseline_cap if tool in ("datasketch-bulk", "rensa", "lsh-banding") else None


def _installed(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


def _tool_command(tool: str, corpus: Path, result: Path, labels: Path, options: BenchOptions) -> list[str]:
    s = options.settings
    if tool == "dedupe-cli":
        script = Path(sys.executable).parent / "dedupe"
        start = [str(script)] if script.exists() else [sys.executable, "-m", "dedupe"]
        return start + ["cluster", str(corpus), "-o", str(result.with_suffix(".clusters.jsonl")),
                        "--assignments", str(labels), "--ngram", str(s.ngram), "--num-perm", str(s.num_perm),
                        "--seed", str(s.seed), "--threshold", str(s.threshold), "--workers", str(s.workers)] + (
                            [] if options.show_progress else ["--quiet"])
    flags = [f"--{k.replace('_', '-')}={v}" for k, v in asdict(s).items()]
    return ([sys.executable, "-m", "dedupe.bench.child", tool, str(corpus), str(result), str(labels)] + flags
            + (["--progress"] if options.show_progress else []))


def read_truth(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as lines:
        return {r["id"]: r["cluster"] for r in map(json.loads, lines)}


def score(truth: dict[str, str], labels: Path) -> dict | None:
    """Pairwise precision and recall of the duplicates a tool found (pairs of articles put in
    one cluster) against the true stories, with ARI."""
    from dedupe.eval import evaluate

    with labels.open(encoding="utf-8") as lines:
        predicted = {r["id"]: r["cluster"] for r in map(json.loads, lines)}
    if not predicted:
        return None
    scores = evaluate(truth, predicted)
    return {"pair_precision": scores.pair_precision, "pair_recall": scores.pair_recall,
            "pair_f1": scores.pair_f1, "ari": scores.ari, "scored_articles": scores.articles}


def run_tool(tool: str, size: int, corpus: Path, truth: dict[str, str], options: BenchOptions,
             scratch: Path) -> dict:
    result, labels = scratch / f"{tool}-{size}.json", scratch / f"{tool}-{size}.labels.jsonl"
    measured = measure(_tool_command(tool, corpus, result, labels, options), show_output=options.show_progress)
    if measured.returncode != 0:
        return {"size": size, "tool": tool, "status": "failed",
                "note": f"exit code {measured.returncode}: {measured.stderr_tail[-500:]}"}
    extra = json.loads(result.read_text()) if tool != "dedupe-cli" else {}
    run = {"size": size, "tool": tool, "status": "measured", "wall_s": measured.wall_s,
           "docs_per_s": size / measured.wall_s, "peak_rss_mb": measured.peak_rss_mb,
           "stages": extra.pop("stages", {}), "quality": score(truth, labels) if labels.exists() else None,
           "details": extra}
    return run


def extrapolated(tool: str, size: int, measured: list[dict]) -> dict:
    """Linear in size from the tool's largest measured run: wall time only."""
    done = [r for r in measured if r["tool"] == tool and r["status"] == "measured"]
    if not done:
        return {"size": size, "tool": tool, "status": "skipped", "note": "above the size cap, nothing to extrapolate from"}
    base = max(done, key=lambda r: r["size"])
    factor = size / base["size"]
    return {"size": size, "tool": tool, "status": "extrapolated", "wall_s": base["wall_s"] * factor,
            "docs_per_s": base["docs_per_s"], "peak_rss_mb": None, "quality": None,
            "stages": {k: v * factor for k, v in base["stages"].items()},
            "note": f"extrapolated linearly from {base['size']:,} articles (size cap)"}


def run_benchmark(options: BenchOptions, progress: Progress, say: Callable[[str], None]) -> dict:
    """Every size × tool; writes results.json, results.md and the plot to `options.out_dir`."""
    from dedupe.bench.plot import plot

    options.out_dir.mkdir(parents=True, exist_ok=True)
    work = options.work_dir or Path(tempfile.mkdtemp(prefix="dedupe-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = {"command": options.command, "date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine_info(),
               "settings": asdict(options.settings), "corpus_seed": options.corpus_seed,
               "caps": {"datasketch": options.slow_cap, "datasketch-bulk, rensa, lsh-banding": options.baseline_cap},
               "corpora": [], "runs": []}
    try:
        for size in sorted(options.sizes):
            corpus = work / f"corpus-{size}-seed{options.corpus_seed}.{options.fmt}"
            truth_path = work / f"truth-{size}-seed{options.corpus_seed}.jsonl"
            clock = time.perf_counter()
            generated = (options.work_dir and existing_corpus(corpus, truth_path)) \
                or write_corpus(corpus, truth_path, size, options.corpus_seed, progress)
            results["corpora"].append({"articles": size, "reprints": generated.reprints,
                                       "reprint_share": generated.reprint_share, "stories": generated.stories,
                                       "mean_words": generated.words / size, "bytes": corpus.stat().st_size,
                                       "generate_s": time.perf_counter() - clock})
            truth = read_truth(truth_path)
            for tool in options.tools:
                cap = options.cap(tool)
                if tool == "rensa" and not _installed("rensa"):
                    run = {"size": size, "tool": tool, "status": "skipped", "note": "rensa not installed"}
                elif cap is not None and size > cap:
                    run = extrapolated(tool, size, results["runs"])
                else:
                    say(f"{size:,} articles: {tool}")
                    run = run_tool(tool, size, corpus, truth, options, work)
                results["runs"].append(run)
                say(_one_line(run))
                _save(results, options.out_dir)  # an interrupted run keeps what it measured
            if options.work_dir is None:
                corpus.unlink()
    finally:
        if options.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    _save(results, options.out_dir)
    results["plots"] = plot(results, options.out_dir)
    return results


def _save(results: dict, out_dir: Path) -> None:
    from dedupe.bench.report import markdown

    (out_dir / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (out_dir / "results.md").write_text(markdown(results), encoding="utf-8")


def _one_line(run: dict) -> str:
    if run["status"] not in ("measured", "extrapolated"):
        return f"  {run['tool']}: {run['status']} ({run.get('note', '')})"
    quality = run.get("quality") or {}
    scored = (f", pair P {quality['pair_precision']:.3f} R {quality['pair_recall']:.3f}" if quality else "")
    rss = f", {run['peak_rss_mb']:.0f} MB" if run.get("peak_rss_mb") else ""
    return f"  {run['tool']}: {run['wall_s']:.1f} s ({run['docs_per_s']:,.0f} docs/s){rss}{scored} [{run['status']}]"
