"""The speed benchmark: seeded corpus with ground truth, tools, scoring and the outputs
of a quick run (no timing assertions: only that it works and reports what it must)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.bench import baselines, ours
from dedupe.bench.corpus import existing_corpus, generate, write_corpus
from dedupe.bench.report import LABELS, markdown
from dedupe.bench.runner import extrapolated, read_truth, score
from dedupe.bench.tooling import Settings, shingles
from dedupe.cli.main import app
from dedupe.errors import ProblemLog
from dedupe.io import read_articles
from dedupe.progress import NullProgress

QUICK_TOOLS = ("dedupe-cli", "datasketch-bulk", "floor", "lsh-banding")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    corpus, truth = folder / "articles.jsonl", folder / "truth.jsonl"
    write_corpus(corpus, truth, 300, seed=2)
    return corpus, truth


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    result = CliRunner().invoke(app, ["bench", "--quick", "--tools", ",".join(QUICK_TOOLS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_a_completed_corpus_is_found_again_and_a_partial_one_is_not(tmp_path):
    corpus, truth = tmp_path / "c.jsonl", tmp_path / "t.jsonl"
    assert existing_corpus(corpus, truth) is None
    generated = write_corpus(corpus, truth, 120, seed=4)
    assert existing_corpus(corpus, truth) == generated
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "c.jsonl.stats.json", "t.jsonl"]
    (tmp_path / "c.jsonl.stats.json").unlink()  # as if the run had stopped before its counts
    assert existing_corpus(corpus, truth) is None


def test_generator_is_deterministic_for_a_seed():
    first = [article for article, _ in generate(200, seed=5)]
    again = [article for article, _ in generate(200, seed=5)]
    other = [article for article, _ in generate(200, seed=6)]
    assert first == again
    assert first != other


def test_about_a_quarter_of_articles_are_reprints_of_earlier_stories():
    truth = [t for _, t in generate(4000, seed=1)]
    reprints = [t for t in truth if t["cluster"] != t["id"]]
    assert 0.2 <= len(reprints) / len(truth) <= 0.3
    assert all(t["cluster"] < t["id"] for t in reprints)  # a reprint follows its original
    assert all(t["edits"][0] == "headline" for t in reprints)
    kinds = {kind for t in reprints for kind in t["edits"]}
    assert {"trim", "copy_edit", "dateline", "tagline", "credit_line"} <= kinds


def test_articles_are_wire_length_with_real_word_frequencies():
    articles = [a for a, _ in generate(500, seed=1)]
    lengths = sorted(len(a["text"].split()) for a in articles)
    assert 300 <= lengths[len(lengths) // 2] <= 450
    words = [w.lower().strip(".") for a in articles for w in a["text"].split()]
    assert max(set(words[:20000]), key=words[:20000].count) == "the"


def test_written_corpus_is_read_by_dedupe_in_jsonl_and_parquet(tmp_path, small_corpus):
    pytest.importorskip("pyarrow")
    corpus, truth = small_corpus
    parquet = tmp_path / "articles.parquet"
    write_corpus(parquet, tmp_path / "truth.jsonl", 300, seed=2)
    from_jsonl = list(read_articles([corpus], problems=ProblemLog(strict=True)))
    from_parquet = list(read_articles([parquet], problems=ProblemLog(strict=True)))
    assert [a.id for a in from_jsonl] == [a.id for a in from_parquet] == list(read_truth(truth))
    assert [a.text for a in from_jsonl] == [a.text for a in from_parquet]
    assert all(a.published is not None and a.source for a in from_jsonl)


def test_pair_precision_and_recall_are_scored_against_the_truth(tmp_path):
    truth = {"a": "1", "b": "1", "c": "2", "d": "2"}
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps({"id": i, "cluster": c}) + "\n"
                              for i, c in {"a": "x", "b": "x", "c": "x", "d": "y"}.items()))
    scores = score(truth, labels)
    # found pairs ab, ac, bc; true pairs ab, cd
    assert scores["pair_precision"] == pytest.approx(1 / 3)
    assert scores["pair_recall"] == pytest.approx(1 / 2)


def test_shingles_are_word_ngrams_of_the_dedupe_tokenizer():
    assert shingles("The Minister said, on Tuesday: 1,000 jobs.", 4)[:2] == [
        "the minister said on", "minister said on tuesday"]
    assert shingles("Too short", 4) == ["too short"]


def test_plain_datasketch_baseline_finds_the_reprints(small_corpus, tmp_path):
    corpus, truth = small_corpus
    extra, labels = baselines.datasketch_plain(corpus, Settings(), NullProgress())
    assert set(extra["stages"]) == {"read", "shingle", "minhash", "lsh insert", "lsh query", "union-find"}
    assert tuple(extra["bands"]) == (25, 5)
    found = tmp_path / "labels.jsonl"
    found.write_text("".join(json.dumps({"id": i, "cluster": str(c)}) + "\n" for i, c in labels))
    scores = score(read_truth(truth), found)
    assert scores["scored_articles"] == 300
    assert scores["pair_recall"] >= 0.9 and scores["pair_precision"] >= 0.9


def test_rensa_bands_divide_the_permutations():
    bands, rows = baselines.rensa_bands(0.5, 128)
    assert bands * rows == 128 and (bands, rows) == (32, 4)


def test_dedupe_library_tool_reports_its_stages_and_split(small_corpus):
    corpus, truth = small_corpus
    extra, labels = ours.dedupe_library(corpus, Settings(workers=1), NullProgress())
    assert {"candidates", "verify", "cluster"} <= set(extra["stages"])
    assert sum(extra["split"].values()) == pytest.approx(1.0)
    assert len(labels) == 300


def test_quick_run_writes_results_with_machine_info_and_quality(quick_run):
    results = json.loads((quick_run / "results.json").read_text())
    assert {"python", "cpus", "processor", "memory_gb", "datasketch"} <= set(results["machine"])
    assert results["settings"]["ngram"] == 4 and results["settings"]["num_perm"] == 128
    assert results["corpora"][0]["articles"] == 2000
    assert 0.2 <= results["corpora"][0]["reprint_share"] <= 0.3
    runs = {r["tool"]: r for r in results["runs"]}
    assert set(runs) == set(QUICK_TOOLS)
    for run in runs.values():
        assert run["status"] == "measured", run
        assert run["wall_s"] > 0 and run["peak_rss_mb"] > 0 and run["docs_per_s"] > 0
    for tool in ("dedupe-cli", "datasketch-bulk"):
        quality = runs[tool]["quality"]
        assert quality["scored_articles"] == 2000
        assert 0.9 <= quality["pair_recall"] <= 1 and 0.9 <= quality["pair_precision"] <= 1
    assert runs["floor"]["quality"] is None
    assert runs["lsh-banding"]["details"]["same_pairs"] is True
    assert set(runs["datasketch-bulk"]["stages"]) >= {"minhash", "lsh insert", "lsh query"}


def test_quick_run_writes_the_markdown_table_and_plot(quick_run):
    text = (quick_run / "results.md").read_text()
    assert "| articles | tool | wall s | docs/s | peak RSS MB | pair precision | pair recall | note |" in text
    for tool in ("dedupe-cli", "datasketch-bulk", "floor"):
        assert LABELS[tool] in text
    assert "same pairs" in text and "Targets:" in text
    pytest.importorskip("matplotlib")
    assert (quick_run / "scaling.png").stat().st_size > 0 and (quick_run / "scaling.svg").exists()


def test_runs_above_the_size_cap_are_extrapolated_and_marked():
    measured = {"size": 1000, "tool": "datasketch", "status": "measured", "wall_s": 10.0, "docs_per_s": 100.0,
                "peak_rss_mb": 50.0, "stages": {"minhash": 8.0}, "quality": None}
    guess = extrapolated("datasketch", 4000, [measured])
    assert guess["status"] == "extrapolated" and guess["wall_s"] == 40.0 and guess["peak_rss_mb"] is None
    assert extrapolated("rensa", 4000, [measured])["status"] == "skipped"
    results = {"date": "d", "command": "c", "machine": {}, "settings": Settings().__dict__, "corpus_seed": 1,
               "caps": {"datasketch": 1000}, "corpora": [], "runs": [measured, guess]}
    assert "40.0 *(extrap.)*" in markdown(results)


def test_bad_sizes_are_one_error_line():
    result = CliRunner().invoke(app, ["bench", "--sizes", "ten"])
    assert result.exit_code == 1
    assert "--sizes must be numbers" in result.output
