"""Sketching: word n-gram shingles and MinHash signatures, vectorized over batches."""

from dedupe.minhash.shingle import batch_shingle_sets, fold_shingles, hash_shingles, shingle_hash, shingle_set, token_hash, token_hashes
from dedupe.minhash.signature import EMPTY, permutations, signatures

__all__ = ["EMPTY", "batch_shingle_sets", "fold_shingles", "hash_shingles", "permutations", "shingle_hash", "shingle_set", "signatures", "token_hash", "token_hashes"]
