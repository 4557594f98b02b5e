"""Speed benchmark: dedupe against datasketch (plain and batch APIs), rensa and the hashing
floor on generated news corpora with ground truth.

    python benchmarks/bench.py --sizes 10000,100000      # -> benchmarks/bench/results.{json,md}, scaling.{png,svg}
    python benchmarks/bench.py --quick                   # 2,000 articles: proves it works

The same as `dedupe bench` (see `dedupe bench --help`), writing to benchmarks/bench/. The code
lives in the `dedupe.bench` package so that the installed command has it.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root
    sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    from dedupe.cli.bench import run_script

    run_script(sys.argv[1:], out=Path(__file__).resolve().parent / "bench", prog="python benchmarks/bench.py")
