"""Sketching speed from Python strings to MinHash signatures, numpy path vs compiled (numba).

Generates seeded ~400-word English-like documents (Zipf-distributed vocabulary, sentences
with commas, numbers and apostrophes), sketches them in batches of 2,000 as the pipeline
does, and prints docs/s per stage and per core as a markdown table: tokenize+hash,
4-gram word shingles, signatures (128 permutations), and the whole chain. Each cell also
gives docs per CPU-second of this process, which other busy processes on the machine
distort less than wall-clock time (with 2 threads it also counts threads waiting).

    python benchmarks/sketch_speed.py [--docs 10000] [--repeats 3] [--non-ascii 0.2] [--tools-docs 2000]

A second table runs the whole chain, from Python strings to 128-permutation signatures on
one core, for every tool in the same run: dedupe (compiled and numpy), rensa's RMinHash
and datasketch's MinHash (plain `update` per shingle, and `bulk`), the baselines fed the
same word 4-grams of dedupe's tokenizer as strings (as `dedupe bench` does). The baselines
run on the first --tools-docs documents (plain datasketch makes ~300 signatures a second).

--non-ascii puts accented names ("Sánchez") into that share of the documents: the compiled
tokenizer reads ASCII words only and leaves words with other characters to the regex.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable

import numpy as np

from dedupe.minhash import backend, batch_shingle_sets, hash_texts, set_threads, signatures

BATCH = 2000
NGRAM = 4
NUM_PERM = 128
COMMON = ("the of and to a in that is was for on said it with as by at he from his its an be "
          "has have are were which but not this they had would been their after will more who "
          "year percent government minister president company market people new over could "
          "police two first last also told about other week officials state country").split()
SYLLABLES = "ba be ca co de di fa ge ha in ka lo ma mi na no pa pe ra re sa si ta te to va ze on er an".split()


def vocabulary(size: int, rng: random.Random) -> list[str]:
    """Common words first, then pseudo-words of 2-4 syllables (ranked for Zipf sampling)."""
    words = list(COMMON)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def documents(count: int, words: int = 400, seed: int = 5, non_ascii: float = 0.0) -> list[str]:
    rng = random.Random(seed)
    vocab = vocabulary(20_000, rng)
    weights = 1.0 / np.arange(1, len(vocab) + 1)  # Zipf, s = 1
    ids = np.random.default_rng(seed).choice(len(vocab), size=(count, words), p=weights / weights.sum())
    docs = []
    for row in ids:
        sentence, out = [], []
        for w in row.tolist():
            word = vocab[w]
            roll = rng.random()
            if roll < 0.02:
                word = rng.choice([f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}", f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
                                   str(rng.randint(1990, 2030))])
            elif roll < 0.03:
                word += rng.choice(["'s", "n't"])
            sentence.append(word)
            if len(sentence) >= rng.randint(8, 25):
                out.append(sentence[0].capitalize() + " " + " ".join(sentence[1:]) + rng.choice([".", ".", "?"]))
                sentence = []
        if sentence:
            out.append(" ".join(sentence) + ".")
        if rng.random() < non_ascii:  # a name that recurs in three sentences
            name = rng.choice(["Sánchez", "Müller", "Gdańsk", "Zoë"])
            for k in rng.sample(range(len(out)), min(3, len(out))):
                out[k] = out[k].replace(" the ", f" {name} ", 1)
        docs.append(" ".join(", ".join(s.split(" ", 1)) if rng.random() < 0.2 else s for s in out))
    return docs


def stages(batches: list[list[str]]) -> dict[str, Callable[[], object]]:
    hashes = [hash_texts(b).hashes for b in batches]
    sets = [batch_shingle_sets(h, NGRAM) for h in hashes]

    def chain():
        for b in batches:
            signatures(batch_shingle_sets(hash_texts(b).hashes, NGRAM), NUM_PERM, 1)

    return {
        "tokenize + hash": lambda: [hash_texts(b) for b in batches],
        f"{NGRAM}-gram shingle sets": lambda: [batch_shingle_sets(h, NGRAM) for h in hashes],
        f"signatures ({NUM_PERM} perms)": lambda: [signatures(s, NUM_PERM, 1) for s in sets],
        "whole chain (str → signature)": chain,
    }


def tool_chains(texts: list[str]) -> dict[str, Callable[[], object]]:
    """str -> signature for each tool, one core, on the same texts."""
    from dedupe.bench.tooling import shingles

    def ours(compiled: bool):
        def run():
            backend.USE_COMPILED = compiled
            for i in range(0, len(texts), BATCH):
                signatures(batch_shingle_sets(hash_texts(texts[i : i + BATCH]).hashes, NGRAM), NUM_PERM, 1)
            backend.USE_COMPILED = True
        return run

    chains = {"dedupe, compiled": ours(True), "dedupe, numpy": ours(False)}
    try:
        from rensa import RMinHash

        def rensa():
            for text in texts:
                RMinHash(num_perm=NUM_PERM, seed=1).update(shingles(text, NGRAM))
        chains["rensa RMinHash.update"] = rensa
    except ImportError:
        pass
    from datasketch import MinHash

    def plain():
        for text in texts:
            m = MinHash(num_perm=NUM_PERM, seed=1)
            for gram in shingles(text, NGRAM):
                m.update(gram.encode("utf8"))

    def bulk():
        for i in range(0, len(texts), BATCH):
            MinHash.bulk([[g.encode("utf8") for g in shingles(t, NGRAM)] for t in texts[i : i + BATCH]],
                         num_perm=NUM_PERM, seed=1)

    chains["datasketch MinHash.update"] = plain
    chains["datasketch MinHash.bulk"] = bulk
    return chains


def docs_per_second(run: Callable[[], object], docs: int, repeats: int) -> tuple[float, float]:
    """Docs per wall-clock second and per CPU-second of this process, best of `repeats`."""
    wall = cpu = float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return docs / wall, docs / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--non-ascii", type=float, default=0.0, help="share of documents with accented names")
    parser.add_argument("--tools-docs", type=int, default=2000, help="documents for the tool comparison")
    args = parser.parse_args()
    texts = documents(args.docs, non_ascii=args.non_ascii)
    batches = [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]
    print(f"{len(texts)} docs, {np.mean([len(t.split()) for t in texts]):.0f} words, "
          f"{np.mean([len(t) for t in texts]):.0f} chars each, {np.mean([not t.isascii() for t in texts]):.0%} "
          f"not pure ASCII; batches of {BATCH}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    columns = [("numpy, 1 thread", False, 1)]
    if backend.warm_up():
        columns += [("compiled, 1 thread", True, 1), ("compiled, 2 threads", True, 2)]
    results: dict[str, list[str]] = {}
    for _, compiled, threads in columns:
        backend.USE_COMPILED = compiled
        set_threads(threads)
        for stage, run in stages(batches).items():
            run()  # warm caches (and the compiled kernels)
            rate, per_cpu_second = docs_per_second(run, len(texts), args.repeats)
            results.setdefault(stage, []).append(
                f"{rate:,.0f} ({rate / threads:,.0f}/core) · {per_cpu_second:,.0f}/CPU-s")
    backend.USE_COMPILED = True

    print()
    print("| stage | " + " | ".join(name for name, _, _ in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for stage, cells in results.items():
        print(f"| {stage} | " + " | ".join(cells) + " |")
    print(f"\nwall-clock docs/s (per core) · docs per CPU-second; best of {args.repeats}; "
          f"load average afterwards {os.getloadavg()[0]:.1f}")

    set_threads(1)
    subset = texts[: args.tools_docs]
    rates = {}
    for tool, run in tool_chains(subset).items():
        run()
        rates[tool] = docs_per_second(run, len(subset), 1 if "datasketch" in tool else args.repeats)
    ours = rates["dedupe, compiled"][1]
    print(f"\n{len(subset):,} documents, str → {NUM_PERM}-permutation signatures, one core, same run:\n")
    print("| tool | docs/s | docs per CPU-s | dedupe compiled is × faster (CPU) |")
    print("|---|---:|---:|---:|")
    for tool, (rate, per_cpu) in rates.items():
        print(f"| {tool} | {rate:,.0f} | {per_cpu:,.0f} | {ours / per_cpu:,.1f} |")


if __name__ == "__main__":
    main()
