"""One tool on one corpus, in its own process so that its peak memory is its own:

    python -m dedupe.bench.child TOOL CORPUS RESULT.json LABELS.jsonl [--ngram 4 ...]

Writes the tool's stage timings to RESULT.json and, for tools that cluster, one line
{"id", "cluster"} per article to LABELS.jsonl.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dedupe.bench import baselines, ours
from dedupe.bench.tooling import Settings

TOOLS = {
    "datasketch": baselines.datasketch_plain,
    "datasketch-bulk": baselines.datasketch_batch,
    "rensa": baselines.rensa,
    "floor": baselines.floor,
    "dedupe-library": ours.dedupe_library,
    "lsh-banding": ours.lsh_banding,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dedupe.bench.child")
    parser.add_argument("tool", choices=sorted(TOOLS))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("result", type=Path)
    parser.add_argument("labels", type=Path)
    for name, default in vars(Settings()).items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(default), default=default)
    parser.add_argument("--progress", action="store_true", help="Draw progress bars on stderr.")
    args = parser.parse_args(argv)
    settings = Settings(**{name: getattr(args, name) for name in vars(Settings())})

    from dedupe.cli.console import RichProgress

    clock = time.perf_counter()
    with RichProgress(quiet=not args.progress) as progress:
        extra, labels = TOOLS[args.tool](args.corpus, settings, progress)
    extra["work_s"] = time.perf_counter() - clock
    with args.labels.open("w", encoding="utf-8") as out:
        for doc_id, cluster in labels:
            out.write(json.dumps({"id": doc_id, "cluster": str(cluster)}) + "\n")
    args.result.write_text(json.dumps(extra), encoding="utf-8")


if __name__ == "__main__":
    main()
