import numpy as np

from dedupe.minhash import signatures
from dedupe.verify import CharSketches, PairScores, Thresholds, is_duplicate, ocr_like, overlap, score_pairs, similarity


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
    edges = is_duplicate(scores, Thresholds(jaccard=0.5, containment=0.8, min_containment_shingles=12))
    assert edges.tolist() == [True, False]


def test_similarity_uses_containment_for_long_sets_and_jaccard_for_tiny():
    full, trimmed, tiny = _set(*range(100)), _set(*range(30)), _set(1, 2)
    scores = score_pairs([full, trimmed, tiny], np.array([[0, 1], [0, 2]]))
    assert np.allclose(similarity(scores, Thresholds(min_containment_shingles=12)), [1.0, 0.02])


def test_empty_sets_score_zero():
    scores = score_pairs([_set(), _set()], np.array([[0, 1]]))
    assert scores.jaccard.tolist() == [0.0] and scores.containment.tolist() == [0.0]


OCR = Thresholds(char_jaccard=0.35, char_containment=0.6, char_margin=0.4)


def _scores(jaccard, containment, char_jaccard, char_containment, min_size=100) -> PairScores:
    n = len(jaccard)
    return PairScores(np.zeros((n, 2), dtype=np.int64), np.array(jaccard, float), np.array(containment, float),
                      np.full(n, min_size), np.array(char_jaccard, float), np.array(char_containment, float))


def test_characters_count_only_when_they_agree_far_more_than_words():
    # An OCR'd copy: words broken, characters intact. A rewording or template: both alike.
    scores = _scores([0.08, 0.30, 0.10], [0.15, 0.45, 0.2], [0.60, 0.60, 0.30], [0.75, 0.70, 0.40])
    assert ocr_like(scores, OCR).tolist() == [True, False, False]
    assert is_duplicate(scores, OCR).tolist() == [True, False, False]
    assert is_duplicate(scores, OCR, characters=False).tolist() == [False, False, False]


def test_trimmed_ocr_copy_counts_by_character_containment():
    scores = _scores([0.05], [0.2], [0.3], [0.8])
    assert ocr_like(scores, OCR).tolist() == [True]
    assert np.allclose(similarity(scores, OCR), [0.8])  # the characters it kept, not its broken words


def test_short_articles_never_count_by_characters():
    assert ocr_like(_scores([0.05], [0.1], [0.9], [0.9], min_size=10), OCR).tolist() == [False]


def test_character_containment_is_estimated_from_jaccard_and_sizes():
    big, small = _set(*range(1000)), _set(*range(200))
    sigs = signatures([big, small], num_perm=256, seed=1)
    scores = score_pairs([_set(1), _set(2)], np.array([[0, 1]]), CharSketches(sigs, np.array([1000, 200])))
    assert abs(scores.char_jaccard[0] - 0.2) < 0.08
    assert abs(scores.char_containment[0] - 1.0) < 0.2
