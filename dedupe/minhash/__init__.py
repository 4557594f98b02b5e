"""Sketching: word n-gram shingles and MinHash signatures, vectorized over batches."""

from dedupe.minhash.backend import set_threads, warm_up
from dedupe.minhash.shingle import TokenHashes, batch_shingle_sets, char_shingle_sets, char_sketches, fold_shingles, hash_shingles, hash_texts, shingle_hash, shingle_set, token_hash, token_hashes
from dedupe.minhash.signature import EMPTY, permutations, signatures

__all__ = ["EMPTY", "TokenHashes", "batch_shingle_sets", "char_shingle_sets", "char_sketches", "fold_shingles", "hash_shingles", "hash_texts", "permutations", "set_threads", "shingle_hash", "shingle_set", "signatures", "token_hash", "token_hashes", "warm_up"]
