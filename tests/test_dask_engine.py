"""The Dask engine gives the local engine's clusters, also when a worker dies mid-run."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from dedupe.bench.corpus import write_corpus  # noqa: E402
from dedupe.config import ClusterConfig  # noqa: E402
from dedupe.dask_engine import run_dask  # noqa: E402
from dedupe.errors import ProblemLog  # noqa: E402
from dedupe.io import read_articles  # noqa: E402
from dedupe.pipeline import run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora/sample/articles.jsonl"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    write_corpus(folder / "corpus.jsonl", folder / "truth.jsonl", 3000, seed=4)
    return list(read_articles([folder / "corpus.jsonl"], problems=ProblemLog()))


def same_result(a, b) -> bool:
    return (a.assignments == b.assignments and a.pairs == b.pairs
            and [c.to_json() for c in a.clusters] == [c.to_json() for c in b.clusters])


def test_dask_clusters_equal_the_local_engine_on_the_sample_corpus(cluster):
    articles = list(read_articles([SAMPLE], problems=ProblemLog()))
    config = ClusterConfig(batch_size=16)
    assert same_result(run_dask(articles, config, scheduler=cluster.scheduler_address), run(articles, config))


def test_dask_clusters_equal_the_local_engine_on_a_generated_corpus(cluster, generated):
    config = ClusterConfig(batch_size=250)
    dask_result = run_dask(generated, config, scheduler=cluster.scheduler_address)
    assert len(dask_result.pairs) > 100  # the corpus has reprints to find
    assert same_result(dask_result, run(generated, config))


class KillAWorker:
    """Progress that SIGKILLs one Dask worker process when the first batch is sketched."""

    def __init__(self, client) -> None:
        self.client = client
        self.killed = None

    def task(self, description, total=None):
        return self

    def advance(self, amount=1):
        if self.killed is None:
            pids = sorted(self.client.run(os.getpid).values())
            self.killed = pids[0]
            os.kill(self.killed, signal.SIGKILL)

    def close(self):
        pass


def test_a_worker_killed_mid_run_is_replaced_and_the_result_is_unchanged(cluster, generated):
    config = ClusterConfig(batch_size=100)
    with distributed.Client(cluster) as client:
        progress = KillAWorker(client)
        result = run_dask(generated, config, progress, scheduler=cluster.scheduler_address)
        assert progress.killed is not None
        assert progress.killed not in client.run(os.getpid).values()
    assert same_result(result, run(generated, config))
