import numpy as np
import pytest
from datasketch import MinHash

from dedupe.minhash import EMPTY, batch_shingle_sets, hash_shingles, shingle_hash, shingle_set, signatures, token_hashes
from dedupe.text import tokenize

TEXT = ("The finance minister said on Tuesday that fuel taxes would rise by 5 percent next year, "
        "despite protests outside parliament in the capital.")


def _datasketch_signature(text: str, n: int, num_perm: int, seed: int) -> np.ndarray:
    tokens = tokenize(text)
    width = min(n, len(tokens))
    m = MinHash(num_perm=num_perm, seed=seed, hashfunc=shingle_hash)
    for i in range(len(tokens) - width + 1):
        m.update(" ".join(tokens[i : i + width]).encode("utf-8"))
    return m.hashvalues


@pytest.mark.parametrize("num_perm,seed", [(128, 1), (64, 7), (256, 42)])
def test_signature_equals_datasketch_minhash_with_our_shingle_hash(num_perm, seed):
    ours = signatures([shingle_set(TEXT, 5)], num_perm, seed)[0]
    assert np.array_equal(ours, _datasketch_signature(TEXT, 5, num_perm, seed))


def test_signature_equals_datasketch_for_non_latin_text():
    text = "Президент заявил во вторник, что налоги вырастут. 北京市政府周二宣布新的交通规定。 قال الوزير"
    ours = signatures([shingle_set(text, 3)], 128, 1)[0]
    assert np.array_equal(ours, _datasketch_signature(text, 3, 128, 1))


def test_batch_signatures_equal_one_at_a_time():
    texts = [TEXT, TEXT.upper(), "A different story about a football match.", "x"]
    sets = [shingle_set(t, 5) for t in texts]
    batch = signatures(sets)
    for row, s in zip(batch, sets):
        assert np.array_equal(row, signatures([s])[0])


def test_empty_document_gets_empty_signature():
    sig = signatures([np.empty(0, np.uint32), shingle_set(TEXT, 5)])
    assert (sig[0] == EMPTY).all()
    assert not (sig[1] == EMPTY).all()


def test_shingles_are_case_insensitive():
    assert np.array_equal(shingle_set(TEXT, 5), shingle_set(TEXT.upper(), 5))


def test_text_shorter_than_one_shingle_gets_one_distinct_shingle():
    one, other = hash_shingles(["breaking"], 5), hash_shingles(["update"], 5)
    assert len(one) == 1 and len(other) == 1
    assert one[0] != other[0]


def test_shingle_hash_matches_hash_shingles_elementwise():
    tokens = tokenize(TEXT)
    hashes = hash_shingles(tokens, 4)
    for i, h in enumerate(hashes):
        assert shingle_hash(" ".join(tokens[i : i + 4])) == int(h)


def test_estimated_jaccard_tracks_true_jaccard():
    words = [f"w{i}" for i in range(400)]
    a, b = " ".join(words[:300]), " ".join(words[100:])
    sa, sb = shingle_set(a, 3), shingle_set(b, 3)
    true = len(np.intersect1d(sa, sb)) / len(np.union1d(sa, sb))
    sig = signatures([sa, sb], 256, 1)
    assert abs((sig[0] == sig[1]).mean() - true) < 0.08


def test_batch_shingle_sets_equal_per_document_sets():
    texts = [TEXT, "short one", "", "x", TEXT + " and more words follow here", "Москва сегодня объявила о новых мерах"]
    hashes = [token_hashes(tokenize(t)) for t in texts]
    batch = batch_shingle_sets(hashes, 5)
    for got, text in zip(batch, texts):
        assert np.array_equal(got, shingle_set(text, 5))
