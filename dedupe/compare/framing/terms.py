"""The words and phrases most distinctive of each version of a story (TF-IDF)."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer


def distinctive_terms(texts: dict[str, str], top: int = 8) -> dict[str, list[tuple[str, float]]]:
    """For each version id, up to `top` (term, score) pairs, best first.

    A term's score is its TF-IDF weight in the version minus its mean weight in the other
    versions; only terms used more often in this version than on average in the others,
    with a positive score, are kept. Unigrams and bigrams, English stop words removed."""
    ids = list(texts)
    result: dict[str, list[tuple[str, float]]] = {i: [] for i in ids}
    if len(ids) < 2:
        return result
    vectorizer = CountVectorizer(ngram_range=(1, 2), lowercase=True, stop_words="english")
    try:
        counts = vectorizer.fit_transform([texts[i] or "" for i in ids])
    except ValueError:  # no terms at all (empty or stop-word-only texts)
        return result
    # The same weights as TfidfVectorizer(sublinear_tf=True), from one pass over the texts.
    weights = TfidfTransformer(sublinear_tf=True).fit_transform(counts).toarray()
    freq = counts.toarray().astype(np.float64)
    terms = vectorizer.get_feature_names_out()
    n = len(ids)
    for row, i in enumerate(ids):
        others = [k for k in range(n) if k != row]
        score = weights[row] - weights[others].mean(axis=0)
        more = freq[row] > freq[others].mean(axis=0)
        picked = [(str(terms[k]), round(float(score[k]), 3)) for k in np.flatnonzero(more & (score > 0))]
        picked = [(t, s) for t, s in picked if s > 0]
        result[i] = sorted(picked, key=lambda item: (-item[1], item[0]))[:top]
    return result
