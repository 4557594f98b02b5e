import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from dedupe.lsh import candidate_pairs, collision_probability, optimal_bands, unique_pairs
from dedupe.minhash import shingle_set, signatures


def test_bands_and_rows_match_datasketch_choice():
    for num_perm in (16, 64, 128, 256):
        for threshold in (0.05, 0.1, 0.2, 0.3, 0.35, 0.5, 0.65, 0.7, 0.8, 0.9, 0.95):
            assert optimal_bands(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.5, 0.5)


def test_collision_probability_rises_with_similarity():
    bands, rows = optimal_bands(0.5, 128)
    assert collision_probability(0.2, bands, rows) < 0.1 < 0.9 < collision_probability(0.8, bands, rows)


def _corpus(seed: int, n: int = 300) -> list[str]:
    rng = np.random.default_rng(seed)
    vocab = [f"word{i}" for i in range(3000)]
    docs = []
    for _ in range(n // 3):
        base = list(rng.choice(vocab, 120))
        docs.append(" ".join(base))
        edited = base.copy()
        for pos in rng.choice(len(edited), 12, replace=False):
            edited[pos] = str(rng.choice(vocab))
        docs.append(" ".join(edited))
        docs.append(" ".join(rng.choice(vocab, 120)))
    return docs


def test_candidate_pairs_equal_datasketch_minhashlsh():
    docs = _corpus(3)
    sigs = signatures([shingle_set(d, 3) for d in docs], 128, 1)
    bands, rows = optimal_bands(0.5, 128)
    ours = {tuple(p) for p in candidate_pairs(sigs, bands, rows).tolist()}

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for i, sig in enumerate(sigs):
        lsh.insert(i, MinHash(num_perm=128, hashvalues=sig, scheme="affine32"))
    theirs = set()
    for i, sig in enumerate(sigs):
        for j in lsh.query(MinHash(num_perm=128, hashvalues=sig, scheme="affine32")):
            if i < j:
                theirs.add((i, j))
    assert ours == theirs
    assert len(ours) >= len(docs) // 3  # every edited copy found its base


def test_excluded_documents_are_never_candidates():
    sigs = np.zeros((4, 128), dtype=np.uint32)  # all identical
    include = np.array([True, False, True, True])
    pairs = candidate_pairs(sigs, 16, 8, include)
    assert {tuple(p) for p in pairs.tolist()} == {(0, 2), (0, 3), (2, 3)}


def test_large_bucket_emits_every_pair_once():
    sigs = np.zeros((50, 128), dtype=np.uint32)
    pairs = candidate_pairs(sigs, 16, 8)
    assert len(pairs) == 50 * 49 // 2
    assert (pairs[:, 0] < pairs[:, 1]).all()


def test_unique_pairs_sorts_and_deduplicates():
    pairs = np.array([[2, 5], [0, 1], [2, 5]])
    assert unique_pairs(pairs).tolist() == [[0, 1], [2, 5]]


def test_small_groups_of_documents_get_the_pairs_the_sorting_path_finds(monkeypatch):
    from dedupe.lsh import banding

    rng = np.random.default_rng(7)
    for trial in range(60):
        n, bands = int(rng.integers(0, 150)), int(rng.integers(1, 40))
        keys = rng.integers(0, int(rng.integers(1, 6)), size=(n, bands)).astype(np.uint64)
        docs = rng.choice(10_000, size=n, replace=False)  # not in ascending order
        small = banding.band_pairs(docs, keys)
        monkeypatch.setattr(banding, "SMALL", -1)
        sorted_path = banding.band_pairs(docs, keys)
        monkeypatch.undo()
        assert small.dtype == sorted_path.dtype and np.array_equal(small, sorted_path), trial
