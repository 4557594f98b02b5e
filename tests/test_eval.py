import json

import pytest

from dedupe.errors import InputError
from dedupe.eval import clusters_from_pairs, evaluate
from dedupe.eval.labels import read_labels

TRUTH = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"}


def test_perfect_prediction_scores_one_everywhere():
    scores = evaluate(TRUTH, {k: f"p{v}" for k, v in TRUTH.items()})
    assert all(v == 1.0 for k, v in scores.to_json().items() if k != "articles")


def test_pairwise_and_bcubed_by_hand():
    # predicted {a,b,c} {d} {e}: one right pair (a,b) of three predicted; two true pairs.
    scores = evaluate(TRUTH, {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"})
    assert scores.pair_precision == pytest.approx(1 / 3)
    assert scores.pair_recall == pytest.approx(1 / 2)
    assert scores.pair_f1 == pytest.approx(0.4)
    assert scores.bcubed_precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert scores.bcubed_recall == pytest.approx((1 + 1 + 1 / 2 + 1 / 2 + 1) / 5)


def test_all_in_one_cluster_has_full_recall_and_low_ari():
    scores = evaluate(TRUTH, {k: "same" for k in TRUTH})
    assert scores.pair_recall == 1.0 and scores.bcubed_recall == 1.0
    assert scores.ari == pytest.approx(0.0)


def test_pairs_become_connected_components():
    labels = clusters_from_pairs([("a", "b"), ("b", "c")], ["a", "b", "c", "d"])
    assert labels["a"] == labels["b"] == labels["c"] != labels["d"]


def test_read_labels_accepts_jsonl_and_pair_lists(tmp_path):
    jsonl = tmp_path / "truth.jsonl"
    jsonl.write_text('{"id": "a", "cluster": 1}\n\n{"id": "b", "cluster": 1}\n')
    assert read_labels(jsonl) == {"a": "1", "b": "1"}
    pairs = tmp_path / "pairs.json"
    pairs.write_text(json.dumps([["a", "b"]]))
    labels = read_labels(pairs, known_ids=["a", "b", "c"])
    assert labels["a"] == labels["b"] != labels["c"]


def test_malformed_label_line_names_file_and_line(tmp_path):
    bad = tmp_path / "truth.jsonl"
    bad.write_text('{"id": "a", "cluster": 1}\n{"id": "b"\n')
    with pytest.raises(InputError, match=r"truth.jsonl:2"):
        read_labels(bad)
