"""The same clustering run on a Dask cluster (`dedupe cluster --engine dask`).

The stages are the local engine's, with the heavy ones as Dask tasks:

- sketch: each batch of articles is one task (`pipeline.sketch_texts`), a bounded number in
  flight, so the driver streams the corpus without holding its text;
- candidates: band keys are folded on the driver, each group of bands is one task that
  sorts its keys and emits the pairs sharing one (`lsh.banding`), the driver unions them;
- verify: each chunk of candidate pairs is one task, sent with only the shingle sets and
  character signatures of the articles it names.

Components and average linkage run on the driver over the verified edges, which are few.
Tasks carry their inputs (nothing is scattered), so when a worker dies the scheduler
re-runs its tasks elsewhere. The driver keeps every article's sketches (~4 KB per article,
see benchmarks/README.md) and the metadata; workers need memory for one task at a time.

Results are identical to the local engine's: the same functions run on the same batches,
and candidate pairs and scores do not depend on how the work was split.
"""

from __future__ import annotations

import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from os import cpu_count

import numpy as np

from dedupe.checkpoint import SketchCheckpoint
from dedupe.config import ClusterConfig
from dedupe.errors import InputError
from dedupe.lsh.banding import band_keys, band_pairs, unique_pairs
from dedupe.minhash import set_threads
from dedupe.model import Article
from dedupe.pipeline import ClusterResult, Corpus, _Stopwatch, cluster_sketched, packed, sketch_corpus, unpacked
from dedupe.progress import NullProgress, Progress
from dedupe.verify import PairScores, score_pairs

BANDS_PER_TASK = 8
"""Bands of one channel sorted by one task (1M articles: 64 MB of keys per task)."""


@contextmanager
def dask_client(scheduler: str | None, workers: int):
    """A client of the scheduler at `scheduler`, or of a new local cluster of `workers`
    single-threaded worker processes (closed afterwards)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--engine dask needs Dask: pip install 'news-dedupe[dask]'") from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as err:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


class _Job:
    """A Dask future as the pipeline's sketch loop expects a job."""

    def __init__(self, future) -> None:
        self.future = future

    def get(self):
        return self.future.result()


def _one_thread(function, *args):
    """Run a task with single-threaded kernels: each Dask worker process is one core."""
    set_threads(1)
    return function(*args)


class DaskStages:
    """The banding and scoring of `pipeline.cluster_sketched`, as Dask tasks."""

    def __init__(self, client, in_flight: int) -> None:
        self.client = client
        self.in_flight = in_flight

    def banding(self, channels: list[np.ndarray], bands: int, rows: int, include: np.ndarray) -> np.ndarray:
        docs = np.flatnonzero(include)
        if len(docs) < 2:
            return np.empty((0, 2), dtype=np.int64)
        futures = []
        for signatures in channels:
            keys = band_keys(signatures[docs], bands, rows)
            for first in range(0, bands, BANDS_PER_TASK):
                block = np.ascontiguousarray(keys[:, first : first + BANDS_PER_TASK])
                futures.append(self.client.submit(_one_thread, band_pairs, docs, block, pure=False))
        return unique_pairs(np.concatenate(self.client.gather(futures)))

    def scoring(self, corpus: Corpus, chunks: list[np.ndarray]) -> Iterator[PairScores]:
        """Scores of each chunk, in order; at most `in_flight` chunks are submitted at once,
        since each carries its articles' shingle sets (~40 MB for 20,000 pairs)."""
        pending: deque = deque()
        for chunk in chunks:
            docs, local = np.unique(chunk, return_inverse=True)
            # One array of values and one of lengths: Dask serializes a list of arrays one
            # by one, which made the driver the bottleneck of verification.
            values, lengths = packed([corpus.shingle_sets[d] for d in docs.tolist()], np.uint32)
            pending.append((chunk, self.client.submit(_one_thread, _score_packed, values, lengths,
                                                      local.reshape(chunk.shape), corpus.chars.subset(docs),
                                                      pure=False)))
            if len(pending) >= self.in_flight:
                yield _scores_of(*pending.popleft())
        while pending:
            yield _scores_of(*pending.popleft())


def _score_packed(values: np.ndarray, lengths: np.ndarray, pairs: np.ndarray, chars) -> PairScores:
    return score_pairs(unpacked(values, lengths), pairs, chars)


def _scores_of(chunk: np.ndarray, future) -> PairScores:
    """The scores a task computed for `chunk` (with document numbers local to the task)."""
    local = future.result()
    return PairScores(chunk, local.jaccard, local.containment, local.min_size, local.char_jaccard,
                      local.char_containment)


def run_dask(articles: Iterable[Article], config: ClusterConfig = ClusterConfig(), progress: Progress | None = None,
             scheduler: str | None = None, checkpoint: SketchCheckpoint | None = None) -> ClusterResult:
    """`pipeline.run` on Dask: the scheduler at `scheduler` (host:port), or a local cluster
    of `config.workers` processes (0: one per core)."""
    progress = progress or NullProgress()
    with dask_client(scheduler, config.workers or cpu_count() or 1) as client, warnings.catch_warnings():
        # Every task carries its inputs (so that a dead worker's tasks can be re-run
        # elsewhere): Dask's advice to scatter large arguments does not apply.
        warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
        watch = _Stopwatch()
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        corpus = sketch_corpus(articles, config, progress, checkpoint,
                               submit=lambda function, *args: _Job(client.submit(_one_thread, function, *args,
                                                                                  pure=False)),
                               in_flight=2 * workers)
        watch.lap("read + sketch")
        stages = DaskStages(client, in_flight=2 * workers)
        return cluster_sketched(corpus, config, progress, watch, banding=stages.banding, scoring=stages.scoring)
