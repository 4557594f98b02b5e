"""`dedupe bench`: the speed benchmark against datasketch, rensa and the hashing floor.

The code lives in `dedupe.bench`; this is the command line over it, also run by
`benchmarks/bench.py` (which writes to benchmarks/bench/).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Optional

import typer

from dedupe.bench.runner import QUICK_SIZE, TOOLS, BenchOptions, run_benchmark
from dedupe.bench.tooling import Settings
from dedupe.cli import options as opt
from dedupe.cli.console import RichProgress, err_console, print_error
from dedupe.errors import InputError

D = opt.DEFAULTS


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InputError(f"--sizes must be numbers separated by commas, like 10000,100000; got {text!r}") from None
    if not sizes or min(sizes) < 10:
        raise InputError(f"--sizes needs at least one size of 10 articles or more, got {text!r}")
    return sizes


def _tools(text: str | None) -> tuple[str, ...]:
    if not text:
        return TOOLS
    chosen = tuple(t.strip() for t in text.split(",") if t.strip())
    unknown = [t for t in chosen if t not in TOOLS]
    if unknown:
        raise InputError(f"unknown tool {unknown[0]!r}; choose from: {', '.join(TOOLS)}")
    return chosen


def bench(
    sizes: str = typer.Option("10000,100000", help="Corpus sizes to run, comma-separated."),
    quick: bool = typer.Option(False, "--quick", help=f"Only {QUICK_SIZE:,} articles: proves the benchmark works (CI)."),
    out: Path = typer.Option(Path("bench-results"), "--out", "-o", help="Folder for results.json, results.md and the plot."),
    tools: Optional[str] = typer.Option(None, help=f"Tools to run, comma-separated (default all: {', '.join(TOOLS)})."),
    baseline_cap: int = typer.Option(100_000, help="Largest corpus for datasketch bulk, rensa and the LSH comparison; "
                                     "above it their time is extrapolated and marked."),
    slow_cap: int = typer.Option(20_000, help="Largest corpus for plain datasketch (about 150 articles/s)."),
    work_dir: Optional[Path] = typer.Option(None, help="Write and keep the generated corpora here, and reuse the "
                                            "ones an earlier run completed there (default: a temporary folder, removed "
                                            "afterwards)."),
    parquet: bool = typer.Option(False, "--parquet", help="Generate the corpora as Parquet instead of JSONL."),
    corpus_seed: int = typer.Option(1, help="Seed of the generated corpora."),
    ngram: opt.Ngram = D.ngram, num_perm: opt.NumPerm = D.num_perm, seed: opt.Seed = D.seed,
    threshold: opt.Threshold = D.threshold, workers: opt.Workers = D.workers,
    quiet: opt.Quiet = False,
) -> None:
    """Measure dedupe against plain datasketch, datasketch's batch API, rensa and the hashing
    floor on generated news corpora with ground truth: time, peak memory, precision, recall.

    Example:

        dedupe bench --sizes 10000,100000 -o bench-results
    """
    try:
        options = BenchOptions(
            sizes=[QUICK_SIZE] if quick else _sizes(sizes), out_dir=out, tools=_tools(tools),
            settings=Settings(ngram=ngram, num_perm=num_perm, seed=seed, threshold=threshold, workers=workers),
            corpus_seed=corpus_seed, fmt="parquet" if parquet else "jsonl", baseline_cap=baseline_cap,
            slow_cap=slow_cap, work_dir=work_dir, show_progress=not quiet and sys.stderr.isatty(),
            command=_command_line(),
        )
        say = (lambda line: None) if quiet else err_console.print
        with RichProgress(quiet=quiet) as progress:
            results = run_benchmark(options, progress, say)
    except InputError as err:
        print_error(str(err))
        raise typer.Exit(1) from None
    if not quiet:
        written = ["results.json", "results.md"] + [Path(p).name for p in results["plots"]]
        err_console.print(f"wrote {', '.join(written)} to {out}"
                          + ("" if results["plots"] else " (no plot: pip install 'news-dedupe[bench]')"))


def _command_line() -> str:
    """How this run was started, for the results file."""
    program = sys.argv[0] if sys.argv[0].endswith(".py") else Path(sys.argv[0]).name
    return ("python " if program.endswith(".py") else "") + shlex.join([program] + sys.argv[1:])


def run_script(argv: list[str], out: Path, prog: str) -> None:
    """`bench` as a stand-alone program writing to `out` unless --out is given."""
    if not {"--out", "-o"} & {a.split("=")[0] for a in argv}:
        argv = [*argv, "--out", str(out)]
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command()(bench)
    app(args=argv, prog_name=prog)
