"""Speed benchmark: a seeded news corpus with ground truth, and dedupe side by side with
datasketch, rensa and the hashing floor (`dedupe bench`, `benchmarks/bench.py`).

corpus: articles and wire reprints · tools: what each tool runs in its own process ·
measure: process wall time and peak RSS · runner: sizes × tools, quality against the truth ·
report / plot: the markdown table and the scaling figure.
"""
