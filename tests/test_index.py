"""The persistent index (`dedupe index`): increments give the clusters of one run, adding is
idempotent, stories keep their ids, two writers and a killed writer leave a consistent
index, and every command answers in the formats of `dedupe cluster` or in one-line errors."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from dedupe.bench.corpus import write_corpus
from dedupe.cli.main import app
from dedupe.config import ClusterConfig
from dedupe.errors import ProblemLog
from dedupe.index import Index, stable_ids
from dedupe.index.bands import BandSegments
from dedupe.index.rows import Layout, concat, take
from dedupe.io import read_articles
from dedupe.model import Cluster
from dedupe.pipeline import sketch_corpus
from dedupe.progress import NullProgress

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora/sample/articles.jsonl"
LABELS = ROOT / "corpora/sample/labels.jsonl"
runner = CliRunner()


def dedupe(*args: object, ok: bool = True):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    if ok:
        assert result.exit_code == 0, result.output
    return result


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def split_file(source: Path, parts: int, folder: Path) -> list[Path]:
    """The lines of a JSONL file in `parts` consecutive files."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // parts)
    paths = []
    for k in range(parts):
        path = folder / f"part{k:02d}.jsonl"
        path.write_text("".join(lines[k * size:(k + 1) * size]), encoding="utf-8")
        paths.append(path)
    return paths


def cluster_run(corpus: Path, out: Path, *extra: object) -> dict[str, Path]:
    """`dedupe cluster` over the whole corpus: the reference the index must agree with."""
    out.mkdir(exist_ok=True)
    files = {name: out / f"{name}.jsonl" for name in ("clusters", "assignments", "pairs")}
    dedupe("cluster", corpus, "-o", files["clusters"], "--assignments", files["assignments"],
           "--pairs", files["pairs"], "--workers", "1", "-q", *extra)
    return files


def export(index: Path, out: Path, *extra: object) -> dict[str, Path]:
    out.mkdir(exist_ok=True)
    files = {name: out / f"{name}.jsonl" for name in ("clusters", "assignments", "pairs")}
    dedupe("index", "export", index, "-o", files["clusters"], "--assignments", files["assignments"],
           "--pairs", files["pairs"], "-q", *extra)
    return files


def add(index: Path, *inputs: object, ok: bool = True):
    return dedupe("index", "add", index, *inputs, "--workers", "1", "-q", ok=ok)


def partition(clusters: Path) -> list[list[str]]:
    return sorted(sorted(c["members"]) for c in read_jsonl(clusters))


def same_files(a: dict[str, Path], b: dict[str, Path]) -> bool:
    return all(a[name].read_bytes() == b[name].read_bytes() for name in a)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """1,000 generated articles, a quarter of them reprints of earlier stories."""
    folder = tmp_path_factory.mktemp("generated")
    write_corpus(folder / "articles.jsonl", folder / "truth.jsonl", 1000, seed=3)
    return folder / "articles.jsonl"


@pytest.fixture(scope="module")
def generated_reference(generated, tmp_path_factory) -> dict[str, Path]:
    return cluster_run(generated, tmp_path_factory.mktemp("reference"))


# --- one run or many increments: the same stories -----------------------------------------

@pytest.mark.parametrize("corpus", ["sample", "generated"])
def test_ten_increments_give_the_files_of_one_cluster_run(tmp_path, corpus, generated, generated_reference):
    source = SAMPLE if corpus == "sample" else generated
    reference = cluster_run(SAMPLE, tmp_path / "ref") if corpus == "sample" else generated_reference
    index = tmp_path / "news.db"
    for part in split_file(source, 10, tmp_path):
        add(index, part)
    assert same_files(export(index, tmp_path / "renumbered", "--renumber"), reference)
    stable = export(index, tmp_path / "stable")
    assert partition(stable["clusters"]) == partition(reference["clusters"])
    assert stable["pairs"].read_bytes() == reference["pairs"].read_bytes()
    by_members = {tuple(sorted(c["members"])): c for c in read_jsonl(reference["clusters"])}
    for cluster in read_jsonl(stable["clusters"]):
        expected = by_members[tuple(sorted(cluster["members"]))]
        assert {**cluster, "id": None} == {**expected, "id": None}


def test_recomputing_the_whole_index_changes_no_story_and_no_id(tmp_path, generated, generated_reference):
    index = tmp_path / "news.db"
    for part in split_file(generated, 3, tmp_path):
        add(index, part)
    before = export(index, tmp_path / "before")
    after = export(index, tmp_path / "after", "--recompute")
    assert same_files(before, after)
    assert same_files(export(index, tmp_path / "renumbered", "--renumber"), generated_reference)


def test_increments_of_the_sample_cluster_it_as_labelled(tmp_path):
    index = tmp_path / "news.db"
    for part in split_file(SAMPLE, 4, tmp_path):
        add(index, part)
    files = export(index, tmp_path / "out")
    scores = json.loads(dedupe("eval", "--truth", LABELS, "--pred", files["assignments"], "--json").stdout)
    assert scores["ari"] == 1.0


def test_parquet_export_holds_the_rows_of_the_cluster_run(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    index = tmp_path / "news.db"
    add(index, SAMPLE)
    dedupe("cluster", SAMPLE, "-o", tmp_path / "ref.parquet", "--format-out", "parquet", "--workers", "1", "-q")
    dedupe("index", "export", index, "-o", tmp_path / "out.parquet", "--format-out", "parquet", "--renumber", "-q")
    assert pq.read_table(tmp_path / "out.parquet").to_pylist() == pq.read_table(tmp_path / "ref.parquet").to_pylist()


# --- adding: idempotent, updates, stable ids -----------------------------------------------

def test_adding_the_same_articles_again_skips_them_and_changes_nothing(tmp_path):
    index = tmp_path / "news.db"
    add(index, SAMPLE)
    first = export(index, tmp_path / "first")
    result = dedupe("index", "add", index, SAMPLE, "--workers", "1")
    assert re.search(r"already indexed, skipped\s*│\s*90\s*│", result.stderr)
    assert re.search(r"articles added\s*│\s*0\s*│", result.stderr)
    assert same_files(export(index, tmp_path / "second"), first)
    assert json.loads(dedupe("index", "stats", index, "--json").stdout)["batches"] == 1


def test_update_replaces_an_article_and_moves_it_to_its_new_story(tmp_path):
    index = tmp_path / "news.db"
    add(index, SAMPLE)
    records = read_jsonl(SAMPLE)
    lonely = dict(records[0], text="An entirely different report about a village fete, with a cake contest, "
                  "a brass band and a tug of war between the fire brigade and the rowing club by the river.")
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps(lonely) + "\n", encoding="utf-8")
    add(index, changed)  # without --update: skipped
    assert same_files(export(index, tmp_path / "kept", "--renumber"), cluster_run(SAMPLE, tmp_path / "ref"))
    dedupe("index", "add", index, changed, "--update", "--workers", "1", "-q")
    whole = tmp_path / "whole.jsonl"
    whole.write_text("".join(json.dumps(r) + "\n" for r in [lonely, *records[1:]]), encoding="utf-8")
    assert same_files(export(index, tmp_path / "updated", "--renumber"), cluster_run(whole, tmp_path / "ref2"))


def test_updating_articles_with_the_same_texts_in_another_order_changes_nothing(tmp_path):
    index = tmp_path / "news.db"
    add(index, SAMPLE)
    before = export(index, tmp_path / "before")
    backwards = tmp_path / "backwards.jsonl"
    backwards.write_text("".join(json.dumps(r) + "\n" for r in reversed(read_jsonl(SAMPLE))), encoding="utf-8")
    dedupe("index", "add", index, backwards, "--update", "--workers", "1", "--batch-size", "40", "-q")
    assert same_files(export(index, tmp_path / "after"), before)


def test_stories_keep_their_ids_as_articles_join_them(tmp_path):
    index = tmp_path / "news.db"
    parts = split_file(SAMPLE, 3, tmp_path)
    add(index, parts[0])
    first = {c["id"]: set(c["members"]) for c in read_jsonl(export(index, tmp_path / "a")["clusters"])}
    add(index, parts[1], parts[2])
    later = {c["id"]: set(c["members"]) for c in read_jsonl(export(index, tmp_path / "b")["clusters"])}
    for cluster_id, members in first.items():
        assert members <= later[cluster_id]  # nothing in the sample splits: every story keeps its id
    assert len(later) == 22


def test_stable_ids_keep_the_largest_overlap_and_the_older_id_on_ties():
    def cluster(*members: str) -> Cluster:
        return Cluster("x", list(members), members[0], None, None, [], [])

    before = {"a": "s1", "b": "s1", "c": "s1", "d": "s2", "e": "s2"}
    seq = {"s1": 1, "s2": 2}
    assert stable_ids([cluster("a", "b", "c", "n")], before, seq) == ["s1"]  # joined: keeps its id
    assert stable_ids([cluster("a", "b", "c", "d", "e")], before, seq) == ["s1"]  # merged: the larger keeps it
    assert stable_ids([cluster("d", "e", "a", "b")], before, seq) == ["s1"]  # a tie: the older id
    assert stable_ids([cluster("c"), cluster("a", "b")], before, seq) == [None, "s1"]  # split: the larger part
    assert stable_ids([cluster("n")], before, seq) == [None]  # a new story


# --- query and match ------------------------------------------------------------------------

def test_query_names_the_story_an_article_would_join_and_adds_nothing(tmp_path):
    index = tmp_path / "news.db"
    records = read_jsonl(SAMPLE)
    labels = {r["id"]: r["cluster"] for r in read_jsonl(LABELS)}
    held_out = [r for r in records if r["id"].endswith("-01")] + [records[-1]]
    known = tmp_path / "known.jsonl"
    known.write_text("".join(json.dumps(r) + "\n" for r in records if r not in held_out), encoding="utf-8")
    new = tmp_path / "new.jsonl"
    new.write_text("".join(json.dumps(r) + "\n" for r in held_out), encoding="utf-8")
    add(index, known)
    stored = {a["id"]: a["cluster"] for a in read_jsonl(export(index, tmp_path / "before")["assignments"])}
    answers = [json.loads(line) for line in dedupe("index", "query", index, new, "--workers", "1").stdout.splitlines()]
    assert [a["id"] for a in answers] == [r["id"] for r in held_out]
    story_has_known = {labels[i] for i in stored}
    for answer in answers:
        if labels[answer["id"]] in story_has_known:
            assert answer["status"] == "joined" and 0 < answer["score"] <= 1
            assert labels[answer["match"]] == labels[answer["id"]] and stored[answer["match"]] == answer["cluster"]
        else:
            assert answer == {"id": answer["id"], "status": "new", "cluster": None, "score": None, "match": None}
    assert any(a["status"] == "joined" for a in answers)
    assert json.loads(dedupe("index", "stats", index, "--json").stdout)["articles"] == len(stored)
    again = dedupe("index", "query", index, known, "--workers", "1", "-o", tmp_path / "q.jsonl")
    assert {a["status"] for a in read_jsonl(tmp_path / "q.jsonl")} == {"indexed"}
    assert "already indexed" in again.stderr


def test_match_since_lists_the_articles_added_since_with_the_story_they_joined(tmp_path):
    index = tmp_path / "news.db"
    parts = split_file(SAMPLE, 2, tmp_path)
    add(index, parts[0])
    time.sleep(1.1)
    moment = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())
    time.sleep(1.1)
    add(index, parts[1])
    lines = [json.loads(x) for x in dedupe("index", "match", index, "--since", moment).stdout.splitlines()]
    assert [m["id"] for m in lines] == [r["id"] for r in read_jsonl(parts[1])]
    clusters = {a["id"]: a["cluster"] for a in read_jsonl(export(index, tmp_path / "out")["assignments"])}
    first_half = {r["id"] for r in read_jsonl(parts[0])}
    for m in lines:
        assert m["cluster"] == clusters[m["id"]]
        if m["status"] == "joined":
            assert m["match"] in first_half and clusters[m["match"]] == m["cluster"] and m["score"] > 0
    assert {m["status"] for m in lines} == {"joined", "new"}
    everything = dedupe("index", "match", index, "-o", tmp_path / "all.jsonl")
    assert len(read_jsonl(tmp_path / "all.jsonl")) == 90 and "90 articles" in everything.stderr
    published = dedupe("index", "match", index, "--since", "2026-03-14", "--by", "published").stdout.splitlines()
    assert 0 < len(published) < 90


def test_stats_describe_the_index(tmp_path):
    index = tmp_path / "news.db"
    add(index, SAMPLE)
    figures = json.loads(dedupe("index", "stats", index, "--json").stdout)
    assert figures["articles"] == 90 and figures["clusters"] == 22 and figures["stories"] == 18
    assert figures["pairs"] == len(read_jsonl(cluster_run(SAMPLE, tmp_path / "ref")["pairs"]))
    assert figures["config"]["threshold"] == 0.5 and figures["texts_kept"] is False
    table = dedupe("index", "stats", index).stdout
    assert "articles" in table and "band segments" in table


# --- concurrency and crashes --------------------------------------------------------------

def _index_command(index: Path, *args: object) -> list[str]:
    return [sys.executable, "-m", "dedupe", "index", "add", str(index), *map(str, args),
            "--workers", "1", "--batch-size", "100", "-q"]


def test_two_add_processes_at_once_leave_the_stories_of_one_run(tmp_path, generated, generated_reference):
    index = tmp_path / "news.db"
    first, second = split_file(generated, 2, tmp_path)
    runs = [subprocess.Popen(_index_command(index, part), stderr=subprocess.PIPE, text=True)
            for part in (first, second)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    assert _consistent(index)
    out = export(index, tmp_path / "out", "--renumber")
    assert out["clusters"].read_bytes() == generated_reference["clusters"].read_bytes()
    assert out["pairs"].read_bytes() == generated_reference["pairs"].read_bytes()
    assert sorted(read_jsonl(out["assignments"]), key=lambda a: a["id"]) == \
        sorted(read_jsonl(generated_reference["assignments"]), key=lambda a: a["id"])


def test_an_add_killed_half_way_leaves_a_consistent_index_that_the_next_add_completes(
        tmp_path, generated, generated_reference):
    index = tmp_path / "news.db"
    child = subprocess.Popen(_index_command(index, generated), stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _batches(index) < 3 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert child.poll() is None, "the add finished before it could be killed"
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
    with sqlite3.connect(index) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        added = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 300 <= added < 1000 and added % 100 == 0  # whole batches only
    assert _consistent(index)
    add(index, generated)
    assert _consistent(index)
    assert same_files(export(index, tmp_path / "out", "--renumber"), generated_reference)


def _batches(index: Path) -> int:
    try:
        with sqlite3.connect(f"file:{index}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM batches").fetchone()[0]
    except sqlite3.Error:
        return 0


def _consistent(index: Path) -> bool:
    """Every article is in exactly one stored cluster, whose record lists it."""
    with sqlite3.connect(index) as db:
        assigned = dict(db.execute("SELECT id, cluster FROM articles").fetchall())
        clusters = {cid: json.loads(record) for cid, record in db.execute("SELECT id, record FROM clusters")}
        sizes = dict(db.execute("SELECT id, size FROM clusters").fetchall())
    members = {m: cid for cid, record in clusters.items() for m in record["members"]}
    return members == assigned and all(len(clusters[c]["members"]) == sizes[c] for c in clusters)


# --- the report -----------------------------------------------------------------------------

def test_report_from_an_index_with_its_texts_or_with_the_corpus(tmp_path):
    kept = tmp_path / "kept.db"
    dedupe("index", "add", kept, SAMPLE, "--keep-text", "--workers", "1", "-q")
    dedupe("index", "report", kept, "-o", tmp_path / "r1", "-q", "--workers", "1")
    plain = tmp_path / "plain.db"
    add(plain, SAMPLE)
    dedupe("index", "report", plain, SAMPLE, "-o", tmp_path / "r2", "-q", "--workers", "1")
    pages = sorted(p.name for p in (tmp_path / "r1" / "clusters").glob("*.html"))
    assert len(pages) == 18 and pages == sorted(p.name for p in (tmp_path / "r2" / "clusters").glob("*.html"))
    for name in pages:
        assert (tmp_path / "r1/clusters" / name).read_bytes() == (tmp_path / "r2/clusters" / name).read_bytes()
    missing = dedupe("index", "report", plain, "-o", tmp_path / "r3", ok=False)
    assert missing.exit_code == 1 and "keeps no article texts" in missing.stderr


# --- errors ---------------------------------------------------------------------------------

def test_bad_records_are_reported_and_skipped_as_by_cluster(tmp_path):
    corpus = tmp_path / "bad.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join(lines[:5] + ["{not json"] + lines[5:10]) + "\n", encoding="utf-8")
    result = dedupe("index", "add", tmp_path / "news.db", corpus, "--workers", "1")
    assert f"skipped {corpus}:6: invalid JSON" in result.stderr
    assert json.loads(dedupe("index", "stats", tmp_path / "news.db", "--json").stdout)["articles"] == 10
    strict = dedupe("index", "add", tmp_path / "strict.db", corpus, "--strict", "--workers", "1", ok=False)
    assert strict.exit_code == 1 and f"{corpus}:6" in strict.stderr


@pytest.mark.parametrize("args, message", [
    (["query", "{tmp}/missing.db", SAMPLE], "missing.db: no such index"),
    (["stats", "{tmp}/missing.db"], "missing.db: no such index"),
    (["export", "{tmp}/missing.db", "-o", "{tmp}/c.jsonl"], "missing.db: no such index"),
    (["stats", SAMPLE], "not a dedupe index"),
    (["stats", "{tmp}"], "is a directory"),
    (["add", "{tmp}/no/such/dir/x.db", SAMPLE], "directory {tmp}/no/such/dir does not exist"),
    (["add", "{tmp}/x.db", "{tmp}/nothing.jsonl"], "nothing.jsonl: no such file or directory"),
    (["add", "{tmp}/index.db", SAMPLE, "--threshold", "0.7"], "built with --threshold 0.5"),
    (["match", "{tmp}/index.db", "--since", "yesterday-ish"], "--since: not a date"),
    (["export", "{tmp}/index.db", "-o", "{tmp}/no/dir/c.jsonl"], "directory {tmp}/no/dir does not exist"),
    (["add", "{tmp}/index.db", SAMPLE, "--batch-size", "0"], "--batch-size must be at least 1"),
    (["add", "{tmp}/index.db", SAMPLE, "--keep-text"], "created without --keep-text"),
])
def test_index_errors_are_one_line_messages_with_exit_1(tmp_path, args, message):
    add(tmp_path / "index.db", SAMPLE)
    result = dedupe("index", *[str(a).replace("{tmp}", str(tmp_path)) for a in args], ok=False)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and message.replace("{tmp}", str(tmp_path)) in lines[0]


def test_a_locked_index_is_a_one_line_error_after_waiting(tmp_path):
    index = tmp_path / "news.db"
    add(index, SAMPLE)
    holder = sqlite3.connect(index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = dedupe("index", "add", index, SAMPLE, "--update", "--wait", "0.2", "--workers", "1", ok=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1 and "locked by another process" in result.stderr


# --- the parts ------------------------------------------------------------------------------

def _sample_corpus():
    articles = list(read_articles([SAMPLE], problems=ProblemLog()))
    return sketch_corpus(iter(articles), ClusterConfig(workers=1), NullProgress())


def test_stored_rows_give_back_the_sketched_corpus_field_for_field():
    corpus = _sample_corpus()
    layout = Layout.of(corpus)
    assert Layout.from_json(layout.to_json()) == layout
    back = layout.decode(layout.encode(corpus))
    _assert_same(back, corpus)
    order = np.arange(len(corpus.ids))[::-1]
    _assert_same(take(concat(take(corpus, order[:40]), take(corpus, order[40:])), order), corpus)  # reversed twice


def _assert_same(a, b) -> None:
    for name, value in vars(b).items():
        other = getattr(a, name)
        if isinstance(value, np.ndarray):
            assert value.dtype == other.dtype and np.array_equal(value, other), name
        elif hasattr(value, "__dataclass_fields__"):
            _assert_same(other, value)
        elif value and isinstance(value[0], np.ndarray):
            assert all(x.dtype == y.dtype and np.array_equal(x, y) for x, y in zip(value, other)), name
        else:
            assert list(value) == list(other), name


def test_band_lookup_finds_every_doc_sharing_a_key_whole_segments_or_chunks():
    db = sqlite3.connect(":memory:", isolation_level=None)
    BandSegments.create(db)
    segments = BandSegments(db)
    rng = np.random.default_rng(5)
    keys = rng.integers(-(1 << 62), 1 << 62, size=(3000, 20), dtype=np.int64)
    keys[2999, 3] = keys[10, 7]  # one shared key
    keys[1500:1800, 0] = keys[0, 0]  # a key in a long run, across chunk boundaries
    for start in range(0, 3000, 300):  # 10 segments: levels get merged
        segments.add(np.arange(start, start + 300), keys[start:start + 300])
    assert len(segments.segments()) < 10
    assert list(segments.lookup(keys[10, 7:8])) == [10, 2999]
    assert list(segments.lookup(keys[0, :1])) == [0, *range(1500, 1800)]
    assert list(segments.lookup(keys[42])) == [42]
    assert set(segments.lookup(keys[:500].ravel()).tolist()) == set(range(500)) | set(range(1500, 1800)) | {2999}
    assert len(segments.lookup(np.array([12345], dtype=np.int64))) == 0


def test_an_index_of_another_sketching_scheme_is_refused(tmp_path):
    index = tmp_path / "news.db"
    add(index, SAMPLE)
    with sqlite3.connect(index) as db:
        db.execute("UPDATE meta SET value = 'something else' WHERE key = 'fingerprint'")
    result = dedupe("index", "add", index, SAMPLE, ok=False)
    assert result.exit_code == 1 and "sketches texts differently" in result.stderr
    with Index.open(index) as ix:  # reading it back still works
        assert ix.store_text is False
