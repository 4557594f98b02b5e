"""End-to-end: the `dedupe` command on the sample corpus and on bad input."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora/sample/articles.jsonl"
LABELS = ROOT / "corpora/sample/labels.jsonl"
runner = CliRunner()


def dedupe(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def cluster_sample(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "assignments.jsonl"
    result = dedupe("cluster", SAMPLE, "-o", tmp_path / "clusters.jsonl", "--assignments", out, "-q", *extra)
    assert result.exit_code == 0, result.output
    return out


def test_sample_corpus_clusters_match_labels_with_ari_at_least_095(tmp_path):
    assignments = cluster_sample(tmp_path)
    result = dedupe("eval", "--truth", LABELS, "--pred", assignments, "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) >= {"ari", "pair_precision", "pair_recall", "pair_f1",
                           "bcubed_precision", "bcubed_recall", "bcubed_f1"}
    assert scores["ari"] >= 0.95


def test_cluster_outputs_describe_every_article_once(tmp_path):
    cluster_sample(tmp_path, "--pairs", tmp_path / "pairs.jsonl")
    clusters = read_jsonl(tmp_path / "clusters.jsonl")
    assignments = read_jsonl(tmp_path / "assignments.jsonl")
    pairs = read_jsonl(tmp_path / "pairs.jsonl")
    ids = [json.loads(line)["id"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert sorted(m for c in clusters for m in c["members"]) == sorted(ids)
    assert [a["id"] for a in assignments] == ids
    first = clusters[0]
    assert {"id", "size", "members", "representative", "sources", "agencies", "first_seen", "last_seen"} <= set(first)
    assert first["size"] == len(first["members"]) and first["representative"] in first["members"]
    assert pairs and all(p["a"] < p["b"] and 0 <= p["jaccard"] <= 1 and 0 <= p["containment"] <= 1 for p in pairs)
    cluster_of = {a["id"]: a["cluster"] for a in assignments}
    assert all(cluster_of[p["a"]] == cluster_of[p["b"]] for p in pairs if p["jaccard"] >= 0.9)


def test_agencies_credited_are_reported_per_cluster(tmp_path):
    cluster_sample(tmp_path)
    agencies = {a for c in read_jsonl(tmp_path / "clusters.jsonl") for a in c["agencies"]}
    assert {"AP", "AFP", "Reuters"} <= agencies


def test_output_is_byte_identical_across_runs_worker_counts_and_input_order(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    random.Random(1).shuffle(lines)
    shuffled = tmp_path / "shuffled.jsonl"
    shuffled.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for n, (corpus, workers) in enumerate([(SAMPLE, "1"), (SAMPLE, "2"), (shuffled, "1")]):
        out = tmp_path / f"clusters{n}.jsonl"
        result = dedupe("cluster", corpus, "-o", out, "--workers", workers, "--batch-size", "7", "-q")
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_parquet_output(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "clusters.parquet"
    result = dedupe("cluster", SAMPLE, "-o", out, "--format-out", "parquet", "-q")
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert {"id", "members", "size"} <= set(table.column_names)
    assert sum(table.column("size").to_pylist()) == len(SAMPLE.read_text(encoding="utf-8").splitlines())


def test_bad_records_are_reported_with_file_and_line_and_good_ones_clustered(tmp_path):
    corpus = tmp_path / "mixed.jsonl"
    good = SAMPLE.read_text(encoding="utf-8").splitlines()[:10]
    corpus.write_text("\n".join(good[:5] + ['{"id": "broken", "text": "no closing brace"', '{"id": "x9"}']
                                + good[5:]) + "\n", encoding="utf-8")
    out = tmp_path / "assignments.jsonl"
    result = dedupe("cluster", corpus, "-o", tmp_path / "c.jsonl", "--assignments", out)
    assert result.exit_code == 0
    assert "mixed.jsonl:6" in result.stderr and "mixed.jsonl:7" in result.stderr
    assert len(read_jsonl(out)) == 10


def test_strict_mode_stops_at_first_bad_record_with_exit_1(tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"id": "a", "text": "fine text here"}\n{not json\n', encoding="utf-8")
    result = dedupe("cluster", corpus, "-o", tmp_path / "c.jsonl", "--strict")
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.stderr
    assert not (tmp_path / "c.jsonl").exists()


@pytest.mark.parametrize("args,message", [
    (["cluster", "missing.jsonl", "-o", "{tmp}/c.jsonl"], "missing.jsonl"),
    (["cluster", str(SAMPLE), "-o", "{tmp}/c.jsonl", "--threshold", "1.5"], "--threshold"),
    (["cluster", str(SAMPLE), "-o", "{tmp}/no/such/dir/c.jsonl"], "does not exist"),
    (["eval", "--truth", str(LABELS), "--pred", "{tmp}/none.jsonl"], "none.jsonl"),
])
def test_input_errors_exit_1_with_one_line_message(tmp_path, args, message):
    result = dedupe(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_unknown_option_is_a_usage_error_with_exit_2():
    assert dedupe("cluster", SAMPLE, "--no-such-option").exit_code == 2


def test_installed_command_runs_and_never_shows_a_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "dedupe", "cluster", str(tmp_path / "nope.jsonl"), "-o",
                           str(tmp_path / "c.jsonl")], capture_output=True, text=True)
    assert done.returncode == 1
    assert "nope.jsonl" in done.stderr and "Traceback" not in done.stderr
    help_text = subprocess.run([sys.executable, "-m", "dedupe", "cluster", "--help"], capture_output=True, text=True)
    assert help_text.returncode == 0 and "Example" in help_text.stdout


def test_run_writes_clusters_and_a_report_that_is_the_same_every_time(tmp_path):
    pages = []
    for name in ("one", "two"):
        out = tmp_path / name
        result = dedupe("run", SAMPLE, "-o", out, "-q", "--workers", "1")
        assert result.exit_code == 0, result.output
        pages.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert pages[0] == pages[1]
    files = pages[0]
    assert {"index.html", "clusters.jsonl", "assignments.jsonl", "pairs.jsonl"} <= set(files)
    clusters = [json.loads(line) for line in files["clusters.jsonl"].decode().splitlines()]
    stories = [c for c in clusters if c["size"] > 1]
    for cluster in stories:
        doc = json.loads(files[f"clusters/{cluster['id']}.json"])
        assert sorted(v["id"] for v in doc["versions"]) == sorted(cluster["members"])
        assert f"clusters/{cluster['id']}.html" in files
    index = files["index.html"].decode()
    assert all(c["id"] in index for c in stories)


def test_report_from_a_clusters_file_names_unknown_article_ids(tmp_path):
    clusters = tmp_path / "clusters.jsonl"
    first = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])["id"]
    clusters.write_text(json.dumps({"id": "x1", "members": [first, "no-such-article"]}) + "\n", encoding="utf-8")
    result = dedupe("report", SAMPLE, "--clusters", clusters, "-o", tmp_path / "report")
    assert result.exit_code == 0
    assert "no-such-article" in result.stderr
    assert (tmp_path / "report" / "index.html").exists()
