"""Seeded English-like text: a Zipf-Mandelbrot vocabulary, names, figures, sentences and
paragraphs of wire length, sampled with numpy in bulk (no Python loop per draw)."""

from __future__ import annotations

import numpy as np

FUNCTION_WORDS = (
    "the of to and a in said for on that is with was at by as it from he be has have are "
    "his an will not but after would its were been this who they had which also more than "
    "their year about up one new over last two into there first people percent we more "
    "government minister told could some president other out against when all officials "
    "police week can if so while before no since most state country under three our between"
).split()

_ONSETS = "b c d f g h j k l m n p r s t v w y z br cr dr fr gr pr tr st sp ch sh th pl cl".split()
_VOWELS = "a e i o u a e i o ai ea ou".split()
_CODAS = ["", "", "n", "r", "s", "t", "l", "nd", "st", "rt", "ng", "m"]


def _pseudo_words(rng: np.random.Generator, syllables: np.ndarray) -> list[str]:
    """One made-up word per entry of `syllables` (its number of syllables)."""
    total = int(syllables.sum())
    parts = [_ONSETS[o] + _VOWELS[v] + _CODAS[c] for o, v, c in zip(
        rng.integers(len(_ONSETS), size=total).tolist(), rng.integers(len(_VOWELS), size=total).tolist(),
        rng.integers(len(_CODAS), size=total).tolist())]
    bounds = np.concatenate(([0], np.cumsum(syllables))).tolist()
    return ["".join(parts[a:b]) for a, b in zip(bounds, bounds[1:])]


class Lexicon:
    """Words ranked by frequency and proper names, drawn once from a seed.

    Common words are short: the syllable count grows with the log of the rank, as in English.
    """

    def __init__(self, seed: int, size: int = 40_000, names: int = 4_000, zipf: float = 1.05) -> None:
        rng = np.random.default_rng(seed)
        words = list(dict.fromkeys(FUNCTION_WORDS))
        seen = set(words)
        while len(words) < size:
            ranks = np.arange(len(words), size) + 1
            for word in _pseudo_words(rng, 1 + (np.log10(ranks) * rng.uniform(0.1, 0.5, len(ranks))).astype(int)):
                if word not in seen and len(words) < size:
                    seen.add(word)
                    words.append(word)
        self.words = words
        weights = 1.0 / (np.arange(size) + 2.7) ** zipf
        self.cdf = np.cumsum(weights / weights.sum())
        proper: dict[str, None] = {}
        while len(proper) < names:
            proper.update(dict.fromkeys(w.capitalize() for w in _pseudo_words(rng, rng.integers(2, 4, names))))
        self.names = list(proper)[:names]

    def sample(self, rng: np.random.Generator, count: int) -> list[str]:
        """`count` running words: Zipf-distributed, with ~4% names and ~2% figures."""
        ranks = np.minimum(np.searchsorted(self.cdf, rng.random(count)), len(self.words) - 1).tolist()
        words = self.words
        out = [words[r] for r in ranks]
        kind = rng.random(count)
        named = np.flatnonzero(kind < 0.04).tolist()
        for i, name in zip(named, (rng.zipf(1.3, len(named)) % len(self.names)).tolist()):
            out[i] = self.names[name]
        figures = np.flatnonzero(kind > 0.98).tolist()
        for i, value, style in zip(figures, rng.random(len(figures)).tolist(), rng.random(len(figures)).tolist()):
            out[i] = _figure(value, style)
        return out


def _figure(value: float, style: float) -> str:
    """A figure as wire copy writes them: small counts, decimals, thousands."""
    if style < 0.5:
        return str(int(2 + value * 98))
    if style < 0.8:
        return f"{value * 100:.1f}"
    return f"{int(value * 999_999):,}"


def sentences(words: list[str], rng: np.random.Generator) -> list[str]:
    """Cut running words into sentences of wire length (mean ~21 words)."""
    lengths = np.maximum(5, rng.poisson(21, len(words) // 5 + 1))
    bounds = np.cumsum(lengths)
    starts = [0] + bounds[bounds < len(words)].tolist()
    out = []
    for start, end in zip(starts, starts[1:] + [len(words)]):
        first = words[start]
        out.append(" ".join([first[:1].upper() + first[1:]] + words[start + 1 : end]) + ".")
    return out


def paragraphs(words: list[str], rng: np.random.Generator) -> list[str]:
    """Sentences grouped into wire paragraphs of one to three sentences."""
    found = sentences(words, rng)
    sizes = np.array((1, 2, 2, 3))[rng.integers(0, 4, len(found))]
    bounds = np.cumsum(sizes)
    starts = [0] + bounds[bounds < len(found)].tolist()
    return [" ".join(found[s:e]) for s, e in zip(starts, starts[1:] + [len(found)])]


def article_length(rng: np.random.Generator, mean: int = 400) -> int:
    """Words in an article body: log-normal around `mean`, from 60 to 2,500."""
    sigma = 0.5
    return int(np.clip(rng.lognormal(np.log(mean) - sigma**2 / 2, sigma), 60, 2_500))
