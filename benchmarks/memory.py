"""Memory of the sketch stage: what it keeps per article, and what it needs on top of that.

Sketching streams the corpus: raw text is held only for the batches in flight (two per
worker), so the memory the stage needs beyond the sketches it keeps should grow with the
batch size, not with the corpus. For each corpus size and batch size this runs
`sketch_corpus` in a fresh process and reports, for the main process (RSS from
/proc/self/status, peak from VmHWM):

- start: after imports and loading the compiled kernels, before reading,
- kept: RSS after sketching minus start (the sketches of every article, and ids/titles),
- transient: peak minus RSS after sketching (text and batches in flight),
- worker peak: the largest peak RSS of a worker process (getrusage of the children).

    python benchmarks/memory.py --corpus c100k.jsonl [--sizes 10000,100000] [--batch-sizes 500,2000,8000]

Generate a corpus with `python -c "from dedupe.bench.corpus import write_corpus; ..."`
or take the one `dedupe bench --work-dir` keeps. Sizes take the first N articles.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from itertools import islice
from pathlib import Path


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def child(corpus: str, size: int, batch_size: int) -> None:
    from dedupe.config import ClusterConfig
    from dedupe.errors import ProblemLog
    from dedupe.io import read_articles
    from dedupe.minhash import warm_up
    from dedupe.pipeline import sketch_corpus
    from dedupe.progress import NullProgress

    warm_up()
    start = _status_kb("VmRSS")
    articles = islice(read_articles([corpus], problems=ProblemLog()), size)
    corpus_ = sketch_corpus(articles, ClusterConfig(batch_size=batch_size), NullProgress())
    after = _status_kb("VmRSS")
    peak = _status_kb("VmHWM")
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"articles": len(corpus_), "batch_size": batch_size, "start_mb": start / 1024,
                      "kept_mb": (after - start) / 1024, "kept_kb_per_article": (after - start) / max(1, len(corpus_)),
                      "transient_mb": (peak - after) / 1024, "worker_peak_mb": workers / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--batch-sizes", default="500,2000,8000")
    parser.add_argument("--child", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.corpus, *args.child)
        return
    print("| articles | batch size | start MB | kept MB | kept KB/article | transient MB | worker peak MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in map(int, args.sizes.split(",")):
        for batch in map(int, args.batch_sizes.split(",")):
            out = subprocess.run([sys.executable, __file__, "--corpus", args.corpus, "--child", str(size), str(batch)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            print(f"| {r['articles']:,} | {batch:,} | {r['start_mb']:.0f} | {r['kept_mb']:.0f} | "
                  f"{r['kept_kb_per_article']:.2f} | {r['transient_mb']:.0f} | {r['worker_peak_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
