"""Align: line up the versions of one story, sentence by sentence, with word-level diffs."""

from dedupe.align.model import Alignment, Cell, Row, Segment, Sentence
from dedupe.align.segment import paragraphs, split_sentences
from dedupe.align.versions import align_versions, pair_versions
from dedupe.align.words import Block, diff_words

__all__ = ["Alignment", "Block", "Cell", "Row", "Segment", "Sentence", "align_versions", "diff_words",
           "pair_versions", "paragraphs", "split_sentences"]
