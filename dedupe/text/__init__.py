"""Normalizing: clean text for matching and note which wire agencies it credits."""

from dedupe.text.tokenize import tokenize

__all__ = ["tokenize"]
