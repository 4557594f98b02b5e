"""Sketching batches for the index in worker processes, ahead of the process that writes them.

`dedupe.pipeline.sketch_corpus` sketches one whole corpus; the index needs one Corpus per
batch, each written in its own transaction, while the next batches are being sketched. So
each worker runs `sketch_corpus` on a whole batch, and the writer takes the batches back in
order.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from multiprocessing import get_context
from os import cpu_count
from typing import Any

from dedupe.config import ClusterConfig
from dedupe.minhash import set_threads, warm_up
from dedupe.model import Article
from dedupe.pipeline import sketch_corpus
from dedupe.progress import NullProgress


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def sketch_batch(articles: list[Article], config: ClusterConfig) -> Any:
    """The sketched Corpus of one batch, in this process."""
    return sketch_corpus(iter(articles), dataclasses.replace(config, workers=1, batch_size=max(1, len(articles))),
                         NullProgress())


def sketched_batches(batches: Iterable[list[Article]], config: ClusterConfig,
                     workers: int = 0) -> Iterator[tuple[list[Article], Any]]:
    """(batch, its sketched Corpus) in order; with several workers and batches, up to two
    batches per worker are sketched while the caller handles the earlier ones."""
    workers = workers or cpu_count() or 1
    batches = iter(batches)
    head = list(islice(batches, 2))
    if workers == 1 or len(head) < 2:
        for batch in chain(head, batches):
            yield batch, sketch_batch(batch, config)
        return
    warm_up()  # the compiled kernels load once, before forking, and the workers inherit them
    with get_context("fork").Pool(workers, initializer=set_threads, initargs=(1,)) as pool:
        pending: deque = deque()
        for batch in chain(head, batches):
            pending.append((batch, pool.apply_async(sketch_batch, (batch, config))))
            if len(pending) > 2 * workers:
                done, job = pending.popleft()
                yield done, job.get()
        while pending:
            done, job = pending.popleft()
            yield done, job.get()
