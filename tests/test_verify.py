import numpy as np

from dedupe.verify import is_duplicate, overlap, score_pairs, similarity


def _set(*values: int) -> np.ndarray:
    return np.array(sorted(values), dtype=np.uint32)


def test_overlap_counts_common_values():
    assert overlap(_set(1, 2, 3, 9), _set(2, 3, 4)) == 2
    assert overlap(_set(), _set(1)) == 0
    assert overlap(_set(5), _set(1, 2, 3)) == 0


def test_scores_are_exact_jaccard_and_containment_of_smaller():
    full = _set(*range(100))
    trimmed = _set(*range(30))
    other = _set(*range(50, 150))
    scores = score_pairs([full, trimmed, other], np.array([[0, 1], [0, 2]]))
    assert np.allclose(scores.jaccard, [0.3, 50 / 150])
    assert np.allclose(scores.containment, [1.0, 0.5])
    assert scores.min_size.tolist() == [30, 100]


def test_trimmed_reprint_is_duplicate_by_containment_only_when_long_enough():
    full, trimmed, tiny = _set(*range(100)), _set(*range(30)), _set(1, 2)
    scores = score_pairs([full, trimmed, tiny], np.array([[0, 1], [0, 2]]))
    edges = is_duplicate(scores, threshold=0.5, containment=0.8, min_containment_shingles=12)
    assert edges.tolist() == [True, False]


def test_similarity_uses_containment_for_long_sets_and_jaccard_for_tiny():
    full, trimmed, tiny = _set(*range(100)), _set(*range(30)), _set(1, 2)
    scores = score_pairs([full, trimmed, tiny], np.array([[0, 1], [0, 2]]))
    assert np.allclose(similarity(scores, 12), [1.0, 0.02])


def test_empty_sets_score_zero():
    scores = score_pairs([_set(), _set()], np.array([[0, 1]]))
    assert scores.jaccard.tolist() == [0.0] and scores.containment.tolist() == [0.0]
