"""Framing: name each difference between a base story and a version (attribution verb,
hedge, loaded term, number, entity, quote, rewording), the terms distinctive of each
version, and a short human summary."""

from dedupe.compare.framing.classify import classify_block
from dedupe.compare.framing.model import Finding, Quote
from dedupe.compare.framing.quotes import added_quotes, compare_quotes, find_quotes
from dedupe.compare.framing.summary import summarize
from dedupe.compare.framing.terms import distinctive_terms

__all__ = ["Finding", "Quote", "added_quotes", "classify_block", "compare_quotes", "distinctive_terms",
           "find_quotes", "summarize"]
