"""The compiled kernels give exactly the numpy path's token hashes, shingles and signatures."""

from multiprocessing import get_context

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numba")

from dedupe.minhash import backend, compiled, shingle, signature  # noqa: E402
from dedupe.minhash import batch_shingle_sets, hash_texts, permutations, signatures, token_hashes  # noqa: E402
from dedupe.text.glyphs import glyph_skeleton  # noqa: E402
from dedupe.text import tokenize  # noqa: E402

TEXT = ("The finance minister said on Tuesday that fuel taxes would rise by 5 percent next year, "
        "despite protests outside parliament in the capital.")

# Characters where the ASCII tokenizer could go wrong: joiners, separators, case, digits.
ASCII_TRICKY = "aZ09',._- \n\t\"()$%"
NON_ASCII = "éÉßİıſﬁ€ДжЖωΣς北京の한عربي٣²🙂’\u200b\u00a0\u2028\u3000\x1c\x85"

ascii_texts = st.text(alphabet=st.sampled_from(ASCII_TRICKY), max_size=60)
mixed_texts = st.text(alphabet=st.sampled_from(ASCII_TRICKY + NON_ASCII), max_size=60)
any_texts = st.text(max_size=40)


def _reference(text: str) -> tuple[np.ndarray, np.ndarray]:
    tokens = tokenize(text)
    return token_hashes(tokens), np.array([t[0].isdigit() for t in tokens], dtype=bool)


def _assert_same_tokens(texts: list[str]) -> None:
    got = hash_texts(texts)
    for text, hashes, is_number in zip(texts, got.hashes, got.is_number):
        want_hashes, want_numbers = _reference(text)
        assert hashes.dtype == np.uint64 and np.array_equal(hashes, want_hashes), text
        assert np.array_equal(is_number, want_numbers), text


@pytest.mark.parametrize("text", [
    "", " ", "a", "A", "don't", "'tis", "rock'n'roll", "o'", "a''b", "1,000", "1,000,000", "3,5",
    "1,00,000", "12,3456", "1,000.5", "1.000,000", "1.2.3", "1..2", "1,,2", "1,", ",1", "abc123",
    "123abc", "x_y", "_a_", "a1'b", "1'2", "a.b", "a,1", "1,a", "7,500 jobs, 3,5% growth",
    "In 2024, 1,234.5 tons", "IT'S 10.5.", TEXT, TEXT.upper(),
])
def test_ascii_tokens_hash_as_tokenize_and_token_hash(text):
    _assert_same_tokens([text])


@settings(max_examples=400, deadline=None)
@given(st.lists(ascii_texts, max_size=6))
def test_random_ascii_texts_hash_as_tokenize(texts):
    _assert_same_tokens(texts)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(mixed_texts, any_texts), max_size=6))
def test_random_unicode_texts_hash_as_tokenize(texts):
    _assert_same_tokens(texts)


@pytest.mark.parametrize("text", [
    "Pedro Sánchez said 1,000 jobs", "naïve café's 3,5 €", "ΣΟΦΟΣ test ΟΔΟΣ", "Straße STRASSE",
    "Москва 2024: 1,5 млн", "北京 said 北京市", "don’t stop", "a\u00a0b\u2028c 1\u30002", "x\u200by",
    "éaé\u00a0é x", "aé\u00a0\u00a0éb c", "\u00a0é", "é\u00a0",
])
def test_words_with_and_without_accents_hash_as_tokenize(text):
    _assert_same_tokens([text, TEXT])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1 ,'é\u00a0\u3000Ж\n"), max_size=30))
def test_ascii_stretches_cut_the_text_at_whitespace(text):
    pieces = shingle._ascii_stretches(text)
    assert "".join(piece for piece, _ in pieces) == text
    assert all(piece.isascii() for piece, is_ascii in pieces if is_ascii)
    assert sum((tokenize(piece) for piece, _ in pieces), []) == tokenize(text)


def test_hash_texts_is_the_same_with_the_numpy_path(monkeypatch):
    texts = [TEXT, "Президент заявил 1,000", "", "北京市政府周二宣布", "x", "Café au lait, 3,5 €"]
    fast = hash_texts(texts)
    monkeypatch.setattr(backend, "USE_COMPILED", False)
    slow = hash_texts(texts)
    for got, want in zip(fast.hashes + fast.is_number, slow.hashes + slow.is_number):
        assert np.array_equal(got, want)


hash_lists = st.lists(
    st.lists(st.integers(0, 2**64 - 1), max_size=30).map(lambda v: np.array(v, dtype=np.uint64)),
    max_size=8)


@settings(max_examples=300, deadline=None)
@given(hash_lists, st.integers(1, 6))
def test_compiled_shingle_sets_equal_numpy(lists, n):
    got = compiled.batch_shingle_sets(lists, n)
    want = shingle._batch_shingle_sets_numpy(lists, n)
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.dtype == np.uint32 and np.array_equal(g, w)


def test_shingle_sets_of_repeated_tokens_are_deduplicated():
    tokens = np.array([7, 7, 7, 7, 7, 7, 8], dtype=np.uint64)
    got = compiled.batch_shingle_sets([tokens], 3)[0]
    assert np.array_equal(got, shingle._batch_shingle_sets_numpy([tokens], 3)[0])
    assert len(got) == 2  # (7, 7, 7) and (7, 7, 8)


shingle_sets = st.lists(
    st.lists(st.integers(0, 2**32 - 1), max_size=40).map(lambda v: np.unique(np.array(v, dtype=np.uint32))),
    max_size=8)


@settings(max_examples=300, deadline=None)
@given(shingle_sets, st.sampled_from([1, 16, 128, 130]), st.integers(0, 2**31))
def test_compiled_signatures_equal_numpy(sets, num_perm, seed):
    a, b = permutations(num_perm, seed)
    got = compiled.signatures(sets, a, b)
    assert got.shape == (len(sets), num_perm) and got.dtype == np.uint32
    assert np.array_equal(got, signature._signatures_numpy(sets, a, b))


def test_whole_chain_is_the_same_with_and_without_numba(monkeypatch):
    texts = [TEXT, TEXT.lower() + " more words here", "short", "", "Москва сегодня объявила о новых мерах"]
    def chain():
        hashes = hash_texts(texts).hashes
        sets = batch_shingle_sets(hashes, 4)
        return sets, signatures(sets, 128, 1)
    fast_sets, fast_sigs = chain()
    monkeypatch.setattr(backend, "USE_COMPILED", False)
    slow_sets, slow_sigs = chain()
    assert all(np.array_equal(f, s) for f, s in zip(fast_sets, slow_sets))
    assert np.array_equal(fast_sigs, slow_sigs)


def test_compiled_constants_match_the_numpy_ones():
    assert int(compiled._FNV_OFFSET) == shingle._FNV_OFFSET
    assert int(compiled._FNV_PRIME) == shingle._FNV_PRIME
    assert (compiled._FOLD, compiled._MIX1, compiled._MIX2) == (shingle._FOLD, shingle._MIX1, shingle._MIX2)
    assert compiled._EMPTY == signature.EMPTY


# Glyphs the skeleton rewrites (look-alikes, digraphs, repeats), separators it drops, and
# characters whose case folding changes length or that lie outside the BMP.
GLYPHY = "rnclvvwmdijl1!|0oae58hufs_ RNCLVV.,-'\n" + "ßİﬁΣς😀𝐀ДЖ北京٣²\u0301"
glyph_texts = st.text(alphabet=st.sampled_from(GLYPHY), max_size=50)


def _skeleton_sets(texts: list[str], n: int) -> list[np.ndarray]:
    codes = [np.frombuffer(glyph_skeleton(t).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64) for t in texts]
    return shingle._batch_shingle_sets_numpy(codes, n)


@pytest.mark.parametrize("text", [
    "", "_", "rn", "rrn", "rnn", "crnl", "cll", "vvv", "vvvv", "Mississippi", "Straße", "İstanbul",
    "ﬁnance 1,000", "😀 emoji 𝐀", "Москва, 2024 год", "北京 東京", TEXT, TEXT.upper(),
])
def test_compiled_character_shingles_are_those_of_the_glyph_skeleton(text):
    for n in (1, 3, 7):
        got = compiled.char_shingle_sets([text], n, shingle._LOOK_ALIKE_CODES)
        assert np.array_equal(got[0], _skeleton_sets([text], n)[0]), (text, n)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(glyph_texts, any_texts), max_size=6), st.integers(1, 8))
def test_random_character_shingles_are_those_of_the_glyph_skeleton(texts, n):
    got = compiled.char_shingle_sets(texts, n, shingle._LOOK_ALIKE_CODES)
    want = _skeleton_sets(texts, n)
    assert len(got) == len(texts)
    assert all(np.array_equal(g, w) for g, w in zip(got, want)), texts


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(glyph_texts, any_texts, st.just(TEXT)), max_size=6), st.integers(1, 8))
def test_character_sketches_are_signatures_and_sizes_of_the_sets(texts, n):
    got_signatures, got_sizes = compiled.char_sketches(texts, n, shingle._LOOK_ALIKE_CODES, *permutations(64, 3))
    sets = _skeleton_sets(texts, n)
    assert np.array_equal(got_signatures, signature._signatures_numpy(sets, *permutations(64, 3)))
    assert got_sizes.tolist() == [len(s) for s in sets]


def test_empty_batches():
    assert hash_texts([]).hashes == []
    assert compiled.batch_shingle_sets([], 4) == []
    assert compiled.char_shingle_sets([], 7, shingle._LOOK_ALIKE_CODES) == []
    assert compiled.char_sketches([], 7, shingle._LOOK_ALIKE_CODES, *permutations(128, 1))[0].shape == (0, 128)
    assert compiled.signatures([], *permutations(128, 1)).shape == (0, 128)


def _sketch(texts: list[str]) -> np.ndarray:
    return signatures(batch_shingle_sets(hash_texts(texts).hashes, 4), 128, 1)


def test_forked_workers_run_the_kernels_after_the_parent_did():
    texts = [f"{TEXT} story {i}" for i in range(200)]
    backend.set_threads(2)
    parent = _sketch(texts)  # the parent has run parallel kernels before forking
    with get_context("fork").Pool(2) as pool:
        results = [pool.apply_async(_sketch, (texts,)) for _ in range(2)]
        children = [r.get(timeout=120) for r in results]
    assert all(np.array_equal(parent, child) for child in children)


def test_sample_corpus_clusters_the_same_with_and_without_numba(monkeypatch):
    from pathlib import Path

    from dedupe.errors import ProblemLog
    from dedupe.io import read_articles
    from dedupe.pipeline import run

    corpus = Path(__file__).resolve().parents[1] / "corpora" / "sample" / "articles.jsonl"
    def cluster():
        result = run(read_articles([corpus], problems=ProblemLog()))
        return result.assignments, result.pairs
    fast = cluster()
    monkeypatch.setattr(backend, "USE_COMPILED", False)
    assert cluster() == fast


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), max_size=30), min_size=2, max_size=8), st.data())
def test_compiled_set_overlaps_equal_the_numpy_ones(raw_sets, data):
    from dedupe.verify.score import overlap

    sets = [np.unique(np.array(s, dtype=np.uint32)) for s in raw_sets]
    pairs = np.array(data.draw(st.lists(st.tuples(st.integers(0, len(sets) - 1), st.integers(0, len(sets) - 1)),
                                        max_size=20)), dtype=np.int64).reshape(-1, 2)
    assert compiled.overlaps(sets, pairs).tolist() == [overlap(sets[i], sets[j]) for i, j in pairs.tolist()]
