"""Sketching: word n-gram shingles and MinHash signatures, vectorized over batches."""

from dedupe.minhash.shingle import hash_shingles, shingle_hash, shingle_set, token_hash
from dedupe.minhash.signature import EMPTY, permutations, signatures

__all__ = ["EMPTY", "hash_shingles", "permutations", "shingle_hash", "shingle_set", "signatures", "token_hash"]
