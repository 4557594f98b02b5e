"""The clustering run: read → normalize → sketch → candidates → verify → cluster.

Each stage is a function of the previous stage's output; this module only wires them
together, batches the streaming part across processes, and times every stage.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import Any
from datetime import datetime
from multiprocessing import get_context
from os import cpu_count

import numpy as np

from dedupe.checkpoint import SketchCheckpoint, batch_key
from dedupe.cluster import cluster_stories
from dedupe.config import ClusterConfig
from dedupe.lsh import candidate_pairs, optimal_bands, unique_pairs
from dedupe.minhash import TokenHashes, batch_shingle_sets, char_sketches, hash_texts, set_threads, signatures, token_hashes, warm_up
from dedupe.model import Article, Cluster, Pair
from dedupe.progress import NullProgress, Progress
from dedupe.text import clean_for_matching
from dedupe.verify.apart import LateDiscount, mostly_different
from dedupe.verify import CharSketches, KeepApart, PairScores, is_duplicate, score_pairs, similarity


@dataclass
class Sketches:
    """What the sketch stage computes for a batch of articles."""

    shingle_sets: list[np.ndarray]
    signatures: np.ndarray
    lead_signatures: np.ndarray
    agencies: list[tuple[str, ...]]
    numbers: list[np.ndarray]  # sorted hashes of the figures in each text
    chars: CharSketches  # character n-grams of the glyph skeleton, the OCR-robust channel

    # Sent from the workers as a few flat arrays, not thousands of small ones: faster to
    # pickle, and the receiving process holds each batch's sets in one block of memory.
    def __getstate__(self) -> dict[str, np.ndarray]:
        return _sketch_arrays(self)

    def __setstate__(self, state: dict[str, np.ndarray]) -> None:
        self.__dict__.update(_sketches_from(state).__dict__)


_YEARS = token_hashes([str(year) for year in range(1900, 2100)])


def _figures(tokens: TokenHashes) -> list[np.ndarray]:
    """Per text, the sorted hashes of the numbers that identify a report: not years, which
    a template's next report keeps."""
    if not tokens.hashes:
        return []
    hashes, is_number = np.concatenate(tokens.hashes), np.concatenate(tokens.is_number)
    found = np.flatnonzero(is_number)
    found = found[~np.isin(hashes[found], _YEARS)]
    bounds = np.searchsorted(found, np.cumsum([0] + [len(h) for h in tokens.hashes]))
    # Sorted by text, then value, for the whole batch at once; then repeats within a text dropped.
    texts = np.repeat(np.arange(len(tokens.hashes)), np.diff(bounds))
    values = hashes[found]
    order = np.lexsort((values, texts))
    values, texts = values[order], texts[order]
    first = np.ones(len(values), dtype=bool)
    first[1:] = (values[1:] != values[:-1]) | (texts[1:] != texts[:-1])
    values = values[first]
    edges = np.searchsorted(texts[first], np.arange(len(tokens.hashes) + 1)).tolist()
    return [values[b:e] for b, e in zip(edges, edges[1:])]


def sketch_texts(texts: list[tuple[str, str | None]], config: ClusterConfig) -> Sketches:
    """Normalize and sketch a batch of (text, title) pairs."""
    cleaned = [clean_for_matching(text, title) for text, title in texts]
    bodies = [clean.text for clean in cleaned]
    tokens = hash_texts(bodies)
    shingle_sets = batch_shingle_sets(tokens.hashes, config.ngram)
    lead_sets = batch_shingle_sets([h[: config.lead_words] for h in tokens.hashes], config.ngram)
    return Sketches(
        shingle_sets=shingle_sets,
        signatures=signatures(shingle_sets, config.num_perm, config.seed),
        lead_signatures=signatures(lead_sets, config.num_perm, config.seed),
        agencies=[clean.agencies for clean in cleaned],
        numbers=_figures(tokens),
        chars=CharSketches(*char_sketches(bodies, config.char_ngram, config.num_perm, config.seed)),
    )


@dataclass
class Corpus:
    """The sketched corpus: per-article metadata and sketches, in input order."""

    ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    titles: list[str | None] = field(default_factory=list)
    published: list[datetime | None] = field(default_factory=list)
    agencies: list[tuple[str, ...]] = field(default_factory=list)
    shingle_sets: list[np.ndarray] = field(default_factory=list)
    numbers: list[np.ndarray] = field(default_factory=list)
    signatures: np.ndarray | None = None
    lead_signatures: np.ndarray | None = None
    chars: CharSketches | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def published_seconds(self) -> np.ndarray:
        return np.array([p.timestamp() if p else np.nan for p in self.published], dtype=np.float64)

    def keep_apart(self, config: ClusterConfig, templates: bool = True) -> KeepApart:
        """Which pairs can never be one story: outside the time window, or (with `templates`)
        reports of one template on different days."""
        _, sources = np.unique(np.array(self.sources, dtype=object).astype(str), return_inverse=True)
        return KeepApart(
            published=self.published_seconds(), sources=sources, numbers=self.numbers,
            window_seconds=None if config.window_days is None else config.window_days * 86400,
            repeat_seconds=None if config.template_hours is None or not templates else config.template_hours * 3600,
            same_source_seconds=None if config.template_hours is None or not templates else config.template_hours * 3600,
        )


@dataclass
class ClusterResult:
    clusters: list[Cluster]
    assignments: dict[str, str]
    pairs: list[Pair]
    timings: dict[str, float]
    candidates: int


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _texts(batch: list[Article]) -> list[tuple[str, str | None]]:
    return [(a.text, a.title) for a in batch]


def packed(arrays: list[np.ndarray], dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """Many 1-d arrays as one (values, lengths) pair: far cheaper to pickle or send."""
    lengths = np.fromiter(map(len, arrays), dtype=np.int64, count=len(arrays))
    return (np.concatenate(arrays).astype(dtype, copy=False) if len(arrays) else np.empty(0, dtype)), lengths


def unpacked(values: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """The arrays of `packed`, as views of `values`."""
    bounds = np.concatenate(([0], np.cumsum(lengths))).tolist()
    return [values[b:e] for b, e in zip(bounds, bounds[1:])]


def _sketch_arrays(sketches: Sketches) -> dict[str, np.ndarray]:
    """A batch's sketches as flat arrays, for a checkpoint file."""
    shingles, shingle_lengths = packed(sketches.shingle_sets, np.uint32)
    numbers, number_lengths = packed(sketches.numbers, np.uint64)
    return {"shingles": shingles, "shingle_lengths": shingle_lengths, "numbers": numbers,
            "number_lengths": number_lengths, "signatures": sketches.signatures,
            "lead_signatures": sketches.lead_signatures, "char_signatures": sketches.chars.signatures,
            "char_sizes": sketches.chars.sizes, "agencies": np.array(json.dumps(sketches.agencies))}


def _sketches_from(arrays: dict[str, np.ndarray]) -> Sketches:
    return Sketches(
        shingle_sets=unpacked(arrays["shingles"], arrays["shingle_lengths"]),
        signatures=arrays["signatures"], lead_signatures=arrays["lead_signatures"],
        agencies=[tuple(names) for names in json.loads(str(arrays["agencies"]))],
        numbers=unpacked(arrays["numbers"], arrays["number_lengths"]),
        chars=CharSketches(arrays["char_signatures"], arrays["char_sizes"]),
    )


class _Ready:
    """A batch whose sketches are already at hand (sketched here, or from a checkpoint)."""

    def __init__(self, sketches: Sketches) -> None:
        self.sketches = sketches

    def get(self) -> Sketches:
        return self.sketches


Submit = Callable[..., Any]
"""submit(function, *args) -> a job whose .get() returns function(*args): how batches are
sketched elsewhere (a process pool here, Dask workers in dedupe.dask_engine)."""


def _sketched(batches: Iterator[list[Article]], config: ClusterConfig, checkpoint: SketchCheckpoint | None = None,
              submit: Submit | None = None, in_flight: int = 1) -> Iterator[tuple[list[Article], Sketches]]:
    """Sketch batches in order, in worker processes when there is more than one batch (or
    with `submit`, keeping `in_flight` batches submitted).

    At most two batches per worker are in flight, so raw text never piles up in memory.
    With a checkpoint, batches saved by an earlier run are loaded instead of sketched, and
    every batch sketched now is saved as soon as it is done.
    """
    workers = config.workers or cpu_count() or 1
    head = list(islice(batches, 2))
    batches = chain(head, batches)
    pool = None
    if submit is None and workers > 1 and len(head) == 2:
        warm_up()  # load the compiled kernels once, before forking, so that workers inherit them
        pool = get_context("fork").Pool(workers, initializer=set_threads, initargs=(1,))
        submit, in_flight = (lambda function, *args: pool.apply_async(function, args)), 2 * workers
    with pool or nullcontext():
        pending: deque = deque()
        for index, batch in enumerate(batches):
            texts = _texts(batch)
            key = None if checkpoint is None else batch_key((a.id for a in batch), texts)
            saved = None if checkpoint is None else checkpoint.load(index, key)
            if saved is not None:
                job = _Ready(_sketches_from(saved))
            elif submit is None:
                job = _Ready(sketch_texts(texts, config))
            else:
                job = submit(sketch_texts, texts, config)
            pending.append((index, key, batch, job, saved is None))
            if len(pending) >= in_flight:
                yield _finish(pending.popleft(), checkpoint)
        while pending:
            yield _finish(pending.popleft(), checkpoint)


def _finish(entry: tuple, checkpoint: SketchCheckpoint | None) -> tuple[list[Article], Sketches]:
    index, key, batch, job, fresh = entry
    sketches = job.get()
    if checkpoint is not None and fresh:
        checkpoint.save(index, key, _sketch_arrays(sketches))
    return batch, sketches


def _libc_malloc_trim() -> Callable[[int], int] | None:
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to do
        return None


_MALLOC_TRIM = _libc_malloc_trim()


def _release_free_memory() -> None:
    """Give freed heap memory back to the system: glibc keeps the per-batch arrays' memory
    mapped once they are stacked into one, and the resident size stayed ~3 KB per article
    above what the corpus holds (Dask's workers trim for the same reason)."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def sketch_corpus(articles: Iterable[Article], config: ClusterConfig, progress: Progress,
                  checkpoint: SketchCheckpoint | None = None, submit: Submit | None = None,
                  in_flight: int = 1) -> Corpus:
    """Read, normalize and sketch every article (streaming, batch by batch)."""
    corpus = Corpus()
    sigs, leads, chars, char_sizes = [], [], [], []
    task = progress.task("read + normalize + sketch")
    for batch, sketches in _sketched(_batches(articles, config.batch_size), config, checkpoint, submit, in_flight):
        for article in batch:
            corpus.ids.append(article.id)
            corpus.sources.append(article.source)
            corpus.titles.append(article.title)
            corpus.published.append(article.published)
        corpus.agencies.extend(sketches.agencies)
        corpus.shingle_sets.extend(sketches.shingle_sets)
        corpus.numbers.extend(sketches.numbers)
        sigs.append(sketches.signatures)
        leads.append(sketches.lead_signatures)
        chars.append(sketches.chars.signatures)
        char_sizes.append(sketches.chars.sizes)
        task.advance(len(batch))
    task.close()
    empty = np.empty((0, config.num_perm), dtype=np.uint32)
    corpus.signatures = _stacked(sigs, empty)
    corpus.lead_signatures = _stacked(leads, empty)
    corpus.chars = CharSketches(_stacked(chars, empty), _stacked(char_sizes, np.empty(0, dtype=np.int64)))
    return corpus


def _stacked(parts: list[np.ndarray], empty: np.ndarray) -> np.ndarray:
    """The batches' arrays as one, the batches' copies freed and their memory given back
    before the next channel is stacked (so the peak holds one channel twice, not all)."""
    whole = np.concatenate(parts) if parts else empty
    parts.clear()
    _release_free_memory()
    return whole


Banding = Callable[[list[np.ndarray], int, int, np.ndarray], np.ndarray]
"""banding(signature matrices, bands, rows, include) -> unique candidate pairs of all of them."""


def band_locally(channels: list[np.ndarray], bands: int, rows: int, include: np.ndarray) -> np.ndarray:
    """Candidate pairs of every channel, banded in parallel threads (numpy's sorts release
    the GIL)."""
    with ThreadPoolExecutor(max_workers=min(len(channels), cpu_count() or 1)) as threads:
        found = list(threads.map(lambda sigs: candidate_pairs(sigs, bands, rows, include), channels))
    return unique_pairs(np.concatenate(found))


def find_candidates(corpus: Corpus, config: ClusterConfig, banding: Banding = band_locally) -> np.ndarray:
    """Candidate pairs from LSH over whole-article, lead and character signatures."""
    bands, rows = optimal_bands(min(config.lsh_threshold, config.threshold), config.num_perm)
    has_text = np.array([len(s) > 0 for s in corpus.shingle_sets], dtype=bool)
    pairs = banding([corpus.signatures, corpus.lead_signatures, corpus.chars.signatures], bands, rows, has_text)
    if len(pairs) and config.window_days is not None:
        # Only the time window filters candidates: templated reports are still near-duplicate
        # texts (listed by --pairs); they are kept apart when stories are formed.
        pairs = pairs[~corpus.keep_apart(config, templates=False)(pairs)]
    return pairs


VERIFY_CHUNK = 20_000
"""Candidate pairs scored between two progress updates."""


Scoring = Callable[["Corpus", list[np.ndarray]], Iterator[PairScores]]
"""scoring(corpus, chunks of pairs) -> the PairScores of each chunk, in order."""


def score_locally(corpus: Corpus, chunks: list[np.ndarray]) -> Iterator[PairScores]:
    return (score_pairs(corpus.shingle_sets, chunk, corpus.chars) for chunk in chunks)


def verify_candidates(corpus: Corpus, pairs: np.ndarray, config: ClusterConfig, progress: Progress | None = None,
                      scoring: Scoring = score_locally) -> tuple[PairScores, np.ndarray]:
    """Exact scores of every candidate, and which of them are near-duplicates."""
    task = (progress or NullProgress()).task("verify", total=len(pairs))
    parts = []
    for part in scoring(corpus, [pairs[start : start + VERIFY_CHUNK] for start in range(0, len(pairs), VERIFY_CHUNK)]):
        parts.append(part)
        task.advance(len(part))
    task.close()
    scores = PairScores.concat(parts) if parts else score_pairs(corpus.shingle_sets, pairs, corpus.chars)
    edges = is_duplicate(scores, config.thresholds)
    # Pairs found only by characters are OCR'd copies or templates with new figures; OCR
    # garbles names (so they cannot tell), but copies keep most of their figures.
    only_chars = np.flatnonzero(edges & ~is_duplicate(scores, config.thresholds, characters=False))
    edges[only_chars[mostly_different(corpus.numbers, scores.pairs[only_chars])]] = False
    return scores, edges


def _id_rank(ids: list[str]) -> np.ndarray:
    rank = np.empty(len(ids), dtype=np.int64)
    rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
    return rank


def cluster_corpus(corpus: Corpus, scores: PairScores, edges: np.ndarray, config: ClusterConfig) -> np.ndarray:
    """Story label of every article."""
    apart = corpus.keep_apart(config)
    # Near-duplicates form the graph; articles less alike (a trimmed copy with edits, a
    # heavy rewrite) join it too, but only average linkage over the whole story keeps them.
    related = edges | (similarity(scores, config.thresholds) >= config.join_similarity)
    return cluster_stories(
        len(corpus), scores, related, corpus.shingle_sets, corpus.signatures, corpus.chars,
        rank=_id_rank(corpus.ids), link_threshold=config.link_threshold, thresholds=config.thresholds,
        apart=apart,
        cannot_link=replace(apart, same_source_seconds=None if config.repeat_days is None else config.repeat_days * 86400),
        discount=None if config.late_hours is None else LateDiscount(
            corpus.published_seconds(), config.late_hours * 3600, config.late_weight),
    )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def describe_clusters(corpus: Corpus, labels: np.ndarray, scores: PairScores, config: ClusterConfig) -> list[Cluster]:
    """Clusters with their metadata, ordered by size, then first publication, then ids."""
    centrality = np.zeros(len(corpus))
    sims = similarity(scores, config.thresholds)
    inside = labels[scores.pairs[:, 0]] == labels[scores.pairs[:, 1]]
    np.add.at(centrality, scores.pairs[inside, 0], sims[inside])
    np.add.at(centrality, scores.pairs[inside, 1], sims[inside])
    centrality = np.round(centrality, 9)  # summation order must not break ties differently
    sizes = np.array([len(s) for s in corpus.shingle_sets])

    iso = [_iso(moment) for moment in corpus.published]
    groups: dict[int, list[int]] = {}
    for doc, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(doc)
    drafts = []
    for docs in groups.values():
        if len(docs) > 1:
            docs.sort(key=lambda d: (corpus.published[d] is None, corpus.published[d] or 0, corpus.ids[d]))
            dated = [d for d in docs if corpus.published[d] is not None]
            first = min(dated, key=corpus.published.__getitem__) if dated else None
            last = max(dated, key=corpus.published.__getitem__) if dated else None
            representative = min(docs, key=lambda d: (-centrality[d], -sizes[d], corpus.ids[d]))
        else:
            representative = docs[0]
            first = last = representative if corpus.published[representative] is not None else None
        drafts.append((docs, representative, first, last))
    drafts.sort(key=lambda c: (-len(c[0]), c[2] is None, "" if c[2] is None else iso[c[2]],
                               min(corpus.ids[d] for d in c[0])))
    width = max(5, len(str(len(drafts))))
    return [
        Cluster(id=f"c{number:0{width}d}", members=[corpus.ids[d] for d in docs],
                representative=corpus.ids[rep], first_seen=None if first is None else iso[first],
                last_seen=None if last is None else iso[last],
                sources=sorted({corpus.sources[d] for d in docs}),
                agencies=sorted({a for d in docs for a in corpus.agencies[d]}), title=corpus.titles[rep])
        for number, (docs, rep, first, last) in enumerate(drafts, start=1)
    ]


def verified_pairs(corpus: Corpus, scores: PairScores, edges: np.ndarray) -> list[Pair]:
    """Every near-duplicate pair by article id (a < b), sorted: the graph before clustering."""
    found = []
    for (i, j), jac, con, char in zip(scores.pairs[edges].tolist(), scores.jaccard[edges].tolist(),
                                      scores.containment[edges].tolist(), scores.char_jaccard[edges].tolist()):
        a, b = sorted((corpus.ids[i], corpus.ids[j]))
        found.append(Pair(a, b, jac, con, char))
    found.sort(key=lambda p: (p.a, p.b))
    return found


class _Stopwatch:
    """Seconds spent in each stage, in the order the stages ran."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._clock = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = now - self._clock
        self._clock = now


def run(articles: Iterable[Article], config: ClusterConfig = ClusterConfig(),
        progress: Progress | None = None, checkpoint: SketchCheckpoint | None = None) -> ClusterResult:
    """Cluster a stream of articles into stories; with a checkpoint, batches sketched by an
    earlier (interrupted) run are reused."""
    progress = progress or NullProgress()
    watch = _Stopwatch()
    corpus = sketch_corpus(articles, config, progress, checkpoint)
    watch.lap("read + sketch")
    return cluster_sketched(corpus, config, progress, watch)


def cluster_sketched(corpus: Corpus, config: ClusterConfig = ClusterConfig(), progress: Progress | None = None,
                     watch: _Stopwatch | None = None, banding: Banding = band_locally,
                     scoring: Scoring = score_locally) -> ClusterResult:
    """The stages after sketching: candidates, verification and stories. The sketches
    depend only on the shingle sizes, permutations and seed of `config`, so one sketched
    corpus can be clustered with many thresholds (benchmarks/quality.py --sweep)."""
    progress = progress or NullProgress()
    watch = watch or _Stopwatch()
    task = progress.task("candidates (LSH)", total=1)
    pairs = find_candidates(corpus, config, banding)
    task.advance()
    task.close()
    watch.lap("candidates")
    scores, edges = verify_candidates(corpus, pairs, config, progress, scoring)
    watch.lap("verify")
    task = progress.task("cluster", total=1)
    labels = cluster_corpus(corpus, scores, edges, config)
    clusters = describe_clusters(corpus, labels, scores, config)
    task.advance()
    task.close()
    watch.lap("cluster")
    cluster_of = {member: c.id for c in clusters for member in c.members}
    assignments = {doc_id: cluster_of[doc_id] for doc_id in corpus.ids}
    return ClusterResult(clusters, assignments, verified_pairs(corpus, scores, edges), watch.timings, len(pairs))
