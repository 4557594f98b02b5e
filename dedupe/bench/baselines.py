"""The baselines, each written the way its own documentation shows.

plain datasketch: `MinHash.update` per shingle, `MinHashLSH.insert`, then `query` per
document and union-find. datasketch batch: `MinHash.bulk`, `LeanMinHash`,
`MinHashLSH.insertion_session`. rensa: `RMinHash.update` with the shingle list and
`RMinHashLSH`. floor: tokenize + shingle + hash each shingle once, no permutations.
All read the corpus with json.loads and use the same shingles (`tooling.shingles`).
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from dedupe.bench.tooling import Settings, Stopwatch, UnionFind, read_texts, shingles
from dedupe.progress import Progress

BULK = 2_000
"""Documents per `MinHash.bulk` call."""


def _cluster(ids: list[str], lsh, minhashes, watch: Stopwatch, progress: Progress) -> list[tuple[str, int]]:
    """Query every document against the index and join what it finds."""
    found = UnionFind(len(ids))
    task = progress.task("query + union-find", total=len(ids))
    for doc, m in enumerate(minhashes):
        watch.start()
        near = lsh.query(m)
        watch.lap("lsh query")
        for other in near:
            found.union(doc, other)
        watch.lap("union-find")
        task.advance()
    task.close()
    return list(zip(ids, found.labels()))


def datasketch_plain(path: Path, settings: Settings, progress: Progress) -> tuple[dict, list]:
    from datasketch import MinHash, MinHashLSH

    watch, ids, minhashes = Stopwatch(), [], []
    lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
    task = progress.task("datasketch: read + MinHash.update + insert")
    texts = read_texts(path)
    watch.start()
    for doc_id, text in texts:
        watch.lap("read")
        grams = shingles(text, settings.ngram)
        watch.lap("shingle")
        m = MinHash(num_perm=settings.num_perm, seed=settings.seed)
        for gram in grams:
            m.update(gram.encode("utf8"))
        watch.lap("minhash")
        lsh.insert(len(ids), m)
        ids.append(doc_id)
        minhashes.append(m)
        watch.lap("lsh insert")
        task.advance()
    task.close()
    labels = _cluster(ids, lsh, minhashes, watch, progress)
    return {"stages": watch.stages, "bands": [lsh.b, lsh.r]}, labels


def datasketch_batch(path: Path, settings: Settings, progress: Progress) -> tuple[dict, list]:
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    watch, ids, minhashes = Stopwatch(), [], []
    lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
    task = progress.task("datasketch bulk: read + MinHash.bulk + insertion_session")
    texts = read_texts(path)
    with lsh.insertion_session() as session:
        while True:
            watch.start()
            batch = list(islice(texts, BULK))
            watch.lap("read")
            if not batch:
                break
            grams = [[g.encode("utf8") for g in shingles(text, settings.ngram)] for _, text in batch]
            watch.lap("shingle")
            lean = [LeanMinHash(m) for m in MinHash.bulk(grams, num_perm=settings.num_perm, seed=settings.seed)]
            watch.lap("minhash")
            for offset, m in enumerate(lean):
                session.insert(len(ids) + offset, m)
            watch.lap("lsh insert")
            ids.extend(doc_id for doc_id, _ in batch)
            minhashes.extend(lean)
            task.advance(len(batch))
    task.close()
    labels = _cluster(ids, lsh, minhashes, watch, progress)
    return {"stages": watch.stages, "bands": [lsh.b, lsh.r]}, labels


def rensa_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """rensa needs bands dividing num_perm: the split whose S-curve midpoint (1/b)^(1/r) is
    nearest the threshold (32 x 4 for 0.5 and 128)."""
    splits = [(b, num_perm // b) for b in range(2, num_perm + 1) if num_perm % b == 0]
    return min(splits, key=lambda br: abs((1 / br[0]) ** (1 / br[1]) - threshold))


def rensa(path: Path, settings: Settings, progress: Progress) -> tuple[dict, list]:
    from rensa import RMinHash, RMinHashLSH

    bands, rows = rensa_bands(settings.threshold, settings.num_perm)
    watch, ids, minhashes = Stopwatch(), [], []
    lsh = RMinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm, num_bands=bands)
    task = progress.task("rensa: read + RMinHash.update + insert")
    texts = read_texts(path)
    watch.start()
    for doc_id, text in texts:
        watch.lap("read")
        grams = shingles(text, settings.ngram)
        watch.lap("shingle")
        m = RMinHash(num_perm=settings.num_perm, seed=settings.seed)
        m.update(grams)
        watch.lap("minhash")
        lsh.insert(len(ids), m)
        ids.append(doc_id)
        minhashes.append(m)
        watch.lap("lsh insert")
        task.advance()
    task.close()
    labels = _cluster(ids, lsh, minhashes, watch, progress)
    return {"stages": watch.stages, "bands": [bands, rows]}, labels


def floor(path: Path, settings: Settings, progress: Progress) -> tuple[dict, list]:
    """The least any MinHash tool must do: read, tokenize, hash every shingle once."""
    from dedupe.minhash import hash_shingles
    from dedupe.text import tokenize

    watch, hashed, count = Stopwatch(), 0, 0
    task = progress.task("floor: read + tokenize + hash shingles")
    texts = read_texts(path)
    watch.start()
    for _, text in texts:
        watch.lap("read")
        tokens = tokenize(text)
        watch.lap("tokenize")
        hashed += len(hash_shingles(tokens, settings.ngram))
        watch.lap("hash shingles")
        count += 1
        task.advance()
    task.close()
    return {"stages": watch.stages, "shingles": hashed}, []
