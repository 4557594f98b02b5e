"""dedupe in the benchmark: the library pipeline per stage, and LSH banding against
datasketch's MinHashLSH on the same signatures."""

from __future__ import annotations

import time
from itertools import islice
from pathlib import Path

import numpy as np

from dedupe.bench.tooling import Settings, read_texts
from dedupe.config import ClusterConfig
from dedupe.errors import ProblemLog
from dedupe.io import read_articles
from dedupe.progress import Progress

SPLIT_SAMPLE = 2_000
"""Articles on which the read + normalize + sketch stage is split, in one process."""


def config_of(settings: Settings) -> ClusterConfig:
    return ClusterConfig(ngram=settings.ngram, num_perm=settings.num_perm, seed=settings.seed,
                         threshold=settings.threshold, workers=settings.workers)


def stage_split(path: Path, config: ClusterConfig) -> dict[str, float]:
    """Shares of read, normalize and sketch, timed apart on the first articles in one process:
    the pipeline streams them together through its workers."""
    from dedupe.pipeline import sketch_texts
    from dedupe.text import clean_for_matching

    clock = time.perf_counter()
    sample = [(a.text, a.title) for a in islice(read_articles([path], problems=ProblemLog()), SPLIT_SAMPLE)]
    read = time.perf_counter() - clock
    clock = time.perf_counter()
    for text, title in sample:
        clean_for_matching(text, title)
    normalize = time.perf_counter() - clock
    clock = time.perf_counter()
    for start in range(0, len(sample), config.batch_size):
        sketch_texts(sample[start : start + config.batch_size], config)
    sketch = time.perf_counter() - clock - normalize  # sketch_texts normalizes too
    total = read + normalize + max(sketch, 0.0)
    return {"read": read / total, "normalize": normalize / total, "sketch": max(sketch, 0.0) / total}


def dedupe_library(path: Path, settings: Settings, progress: Progress) -> tuple[dict, list]:
    """`dedupe.pipeline.run` on the corpus, with its own stage timings."""
    from dedupe.pipeline import run

    config = config_of(settings)
    problems = ProblemLog()
    result = run(read_articles([path], problems=problems), config, progress)
    extra = {"stages": result.timings, "candidates": result.candidates, "pairs": len(result.pairs),
             "split": stage_split(path, config), "problems": problems.count}
    return extra, list(result.assignments.items())


def _signatures(path: Path, settings: Settings, progress: Progress) -> np.ndarray:
    """Our signatures of every article's shingles (no normalization), not timed."""
    from dedupe.minhash import batch_shingle_sets, hash_texts, signatures

    task = progress.task("signatures for the LSH comparison")
    texts, parts = read_texts(path), []
    while batch := list(islice(texts, 5_000)):
        sets = batch_shingle_sets(hash_texts([text for _, text in batch]).hashes, settings.ngram)
        parts.append(signatures(sets, settings.num_perm, settings.seed))
        task.advance(len(batch))
    task.close()
    return np.concatenate(parts)


def lsh_banding(path: Path, settings: Settings, progress: Progress) -> tuple[dict, list]:
    """`dedupe.lsh.candidate_pairs` against MinHashLSH insert + query with the same bands,
    on the same signatures; the candidate pairs must be the same."""
    from datasketch import LeanMinHash, MinHashLSH

    from dedupe.lsh import candidate_pairs, optimal_bands

    sigs = _signatures(path, settings, progress)
    bands, rows = optimal_bands(settings.threshold, settings.num_perm)
    clock = time.perf_counter()
    ours = candidate_pairs(sigs, bands, rows)
    ours_s = time.perf_counter() - clock

    lsh = MinHashLSH(num_perm=settings.num_perm, params=(bands, rows))
    lean = [LeanMinHash(seed=settings.seed, hashvalues=row, scheme="affine32") for row in sigs]
    task = progress.task("MinHashLSH insert + query", total=2 * len(lean))
    clock = time.perf_counter()
    with lsh.insertion_session() as session:
        for doc, m in enumerate(lean):
            session.insert(doc, m)
            task.advance()
    found = set()
    for doc, m in enumerate(lean):
        found.update((min(doc, other), max(doc, other)) for other in lsh.query(m) if other != doc)
        task.advance()
    theirs_s = time.perf_counter() - clock
    task.close()
    same = found == set(map(tuple, ours.tolist()))
    return {"stages": {"dedupe banding": ours_s, "MinHashLSH insert + query": theirs_s},
            "bands": [bands, rows], "candidate_pairs": len(ours), "same_pairs": same,
            "speedup": theirs_s / ours_s if ours_s else None}, []
