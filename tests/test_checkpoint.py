"""Sketch checkpoints: a crashed run resumes without sketching its saved batches again,
and a resumed run gives exactly the output of an uninterrupted one."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe import pipeline
from dedupe.bench.corpus import write_corpus
from dedupe.checkpoint import SketchCheckpoint
from dedupe.cli.main import app
from dedupe.config import ClusterConfig
from dedupe.errors import InputError, ProblemLog
from dedupe.io import read_articles

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora/sample/articles.jsonl"
CONFIG = ClusterConfig(batch_size=10, workers=1)
runner = CliRunner()


def articles():
    return list(read_articles([SAMPLE], problems=ProblemLog()))


class Crash(Exception):
    pass


def crashing(items, after: int):
    for n, item in enumerate(items):
        if n == after:
            raise Crash
        yield item


@pytest.fixture
def sketch_calls(monkeypatch):
    calls = []
    real = pipeline.sketch_texts

    def counting(texts, config):
        calls.append(len(texts))
        return real(texts, config)

    monkeypatch.setattr(pipeline, "sketch_texts", counting)
    return calls


def test_resumed_run_sketches_only_the_batches_not_saved_and_gives_the_same_result(tmp_path, sketch_calls):
    corpus = articles()
    batches = -(-len(corpus) // CONFIG.batch_size)
    with pytest.raises(Crash):
        pipeline.run(crashing(corpus, after=35), CONFIG, checkpoint=SketchCheckpoint(tmp_path / "cp", CONFIG))
    assert len(list((tmp_path / "cp").glob("batch-*.npz"))) == 3  # batches 0-2 were done before the crash

    sketch_calls.clear()
    checkpoint = SketchCheckpoint(tmp_path / "cp", CONFIG)
    resumed = pipeline.run(corpus, CONFIG, checkpoint=checkpoint)
    assert (checkpoint.reused, checkpoint.saved, len(sketch_calls)) == (3, batches - 3, batches - 3)

    fresh = pipeline.run(corpus, CONFIG)
    assert resumed.assignments == fresh.assignments
    assert resumed.pairs == fresh.pairs
    assert [c.to_json() for c in resumed.clusters] == [c.to_json() for c in fresh.clusters]


def test_a_batch_whose_articles_changed_is_sketched_again(tmp_path, sketch_calls):
    corpus = articles()
    pipeline.run(corpus, CONFIG, checkpoint=SketchCheckpoint(tmp_path / "cp", CONFIG))
    edited = corpus[15]
    corpus[15] = type(edited)(**{**edited.__dict__, "text": edited.text + " A sentence added later."})
    sketch_calls.clear()
    checkpoint = SketchCheckpoint(tmp_path / "cp", CONFIG)
    resumed = pipeline.run(corpus, CONFIG, checkpoint=checkpoint)
    assert sketch_calls == [CONFIG.batch_size]  # only batch 1, which holds article 15
    assert resumed.assignments == pipeline.run(corpus, CONFIG).assignments


def test_checkpoint_with_other_sketch_options_is_refused(tmp_path):
    SketchCheckpoint(tmp_path / "cp", CONFIG)
    with pytest.raises(InputError, match=r"cp was written with other sketch options .*ngram 4 here, 5 now"):
        SketchCheckpoint(tmp_path / "cp", ClusterConfig(batch_size=10, ngram=5))


def test_other_thresholds_reuse_the_sketches(tmp_path, sketch_calls):
    corpus = articles()
    pipeline.run(corpus, CONFIG, checkpoint=SketchCheckpoint(tmp_path / "cp", CONFIG))
    sketch_calls.clear()
    stricter = ClusterConfig(batch_size=10, workers=1, threshold=0.7)
    result = pipeline.run(corpus, stricter, checkpoint=SketchCheckpoint(tmp_path / "cp", stricter))
    assert sketch_calls == []
    assert result.assignments == pipeline.run(corpus, stricter).assignments


def test_cli_resume_reports_reuse_and_deletes_the_checkpoint_when_done(tmp_path):
    out = tmp_path / "clusters.jsonl"
    folder = tmp_path / "clusters.jsonl.checkpoint"
    config = ClusterConfig(batch_size=10, workers=1)
    with pytest.raises(Crash):  # an interrupted run, with two batches saved
        pipeline.run(crashing(articles(), after=25), config, checkpoint=SketchCheckpoint(folder, config))
    result = runner.invoke(app, ["cluster", str(SAMPLE), "-o", str(out), "--resume", "--batch-size", "10"])
    assert result.exit_code == 0, result.output
    assert "2 batches reused" in " ".join(result.stderr.split())
    assert not folder.exists()
    fresh = tmp_path / "fresh.jsonl"
    assert runner.invoke(app, ["cluster", str(SAMPLE), "-o", str(fresh), "-q", "--batch-size", "10"]).exit_code == 0
    assert out.read_bytes() == fresh.read_bytes()


def test_run_killed_mid_way_resumes_from_its_checkpoint(tmp_path):
    corpus, truth = tmp_path / "corpus.jsonl", tmp_path / "truth.jsonl"
    write_corpus(corpus, truth, 4000, seed=3)
    cluster = [sys.executable, "-m", "dedupe", "cluster", str(corpus), "--batch-size", "250"]
    with_checkpoint = cluster + ["-o", str(tmp_path / "c.jsonl"), "--checkpoint", str(tmp_path / "cp")]
    child = subprocess.Popen(with_checkpoint + ["--workers", "1", "-q"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list((tmp_path / "cp").glob("batch-*.npz"))) < 3 and child.poll() is None:
        assert time.monotonic() < deadline, "no checkpoint written"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    saved = len(list((tmp_path / "cp").glob("batch-*.npz")))
    assert 3 <= saved < 16 and not (tmp_path / "c.jsonl").exists()

    resumed = subprocess.run(with_checkpoint + ["--workers", "2"], cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{saved} batches reused, {16 - saved} sketched and saved" in " ".join(resumed.stderr.split())
    fresh = subprocess.run(cluster + ["-o", str(tmp_path / "fresh.jsonl"), "-q"], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert fresh.returncode == 0, fresh.stderr
    assert (tmp_path / "c.jsonl").read_bytes() == (tmp_path / "fresh.jsonl").read_bytes()
    assert json.loads((tmp_path / "cp" / "manifest.json").read_text())["options"]["batch_size"] == 250
