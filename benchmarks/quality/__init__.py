"""Clustering quality on a generated, labelled syndication benchmark built from real
Reuters-21578 wire stories (see benchmarks/quality.py)."""
