"""Every threshold and default in one place, shared by the CLI and the library."""

from __future__ import annotations

from dataclasses import dataclass

from dedupe.errors import InputError
from dedupe.verify.score import Thresholds


@dataclass(frozen=True)
class ClusterConfig:
    """Parameters of the read → normalize → sketch → candidates → verify → cluster run."""

    ngram: int = 4
    """Words per shingle. 4 by measurement (benchmarks/README.md): edited copies are found
    far more often than with 5 (0.96 vs 0.84 recall with 5% of words changed) while every
    reported Reuters pair still has exact 5-gram Jaccard >= 0.4 or containment >= 0.7."""
    num_perm: int = 128
    """MinHash permutations per signature."""
    seed: int = 1
    """Seed of the MinHash permutations (as datasketch's `seed`)."""
    threshold: float = 0.5
    """Jaccard similarity above which two articles are the same story."""
    char_ngram: int = 7
    """Characters per shingle of the OCR-robust channel, taken from the glyph skeleton
    (letters and digits, look-alike glyphs merged, no spaces: OCR splits and merges words).
    7 by measurement (benchmarks/README.md): 5 lets clean rewordings and templates agree."""
    char_threshold: float = 0.35
    """Character n-gram Jaccard from which an OCR'd copy is a near-duplicate although
    misread letters broke its word shingles (see `char_margin`)."""
    char_containment: float = 0.6
    """Share of the smaller article's character n-grams inside the larger one from which a
    trimmed OCR'd copy is a near-duplicate (see `char_margin`)."""
    char_margin: float = 0.4
    """How much more the characters must agree than the words for the character channel to
    count: misread glyphs break word shingles far more than character ones, while rewording
    and templates break both alike."""
    lsh_threshold: float = 0.3
    """Jaccard similarity the LSH bands are tuned for. Set below `threshold` because a pair
    LSH misses is lost for good while a false candidate only costs one exact check:
    at 0.3 (37 bands x 3 rows) a pair of Jaccard 0.5 is proposed with probability 0.993."""
    containment: float = 0.8
    """Share of the smaller article's shingles found in the larger one above which a
    trimmed reprint joins the full story."""
    min_containment_shingles: int = 12
    """Containment only counts when the smaller article has at least this many shingles,
    so that a one-line brief is not 'contained' in everything that quotes it."""
    lead_words: int = 50
    """Words at the start of an article sketched a second time, so that trimmed reprints
    (which keep the lead) become candidates of the full story."""
    link_threshold: float = 0.3
    """Average-linkage cut: groups whose mean similarity is below this stay apart,
    which keeps a roundup from chaining the stories it quotes."""
    join_similarity: float = 0.65
    """Story similarity from which two articles that are not near-duplicates (a trimmed copy
    with edits, a heavy rewrite) may still be one story, if average linkage over the whole
    story agrees. Such pairs are not listed by --pairs."""
    repeat_days: float | None = 3.0
    """An outlet's own near-identical article published more than this many days after its
    earlier one is another report of a template, never the same story, even through other
    outlets' copies. None turns this off."""
    late_hours: float | None = 40.0
    """Articles published more than this many hours apart count `late_weight` of their
    similarity when average linkage decides which story an article belongs to: a story's
    copies appear within a day or two, a template's next report days later. None: no discount."""
    late_weight: float = 0.7
    template_hours: float | None = 18.0
    """Near-identical articles published more than this many hours apart are separate
    reports of a template (a daily market note, a dividend notice), not one story, when they
    come from the same outlet or their figures differ. None turns this off."""
    window_days: float | None = None
    """Only match articles published at most this many days apart (None: no limit)."""
    batch_size: int = 2000
    """Articles per sketching batch (bounds memory of raw text)."""
    workers: int = 0
    """Processes for sketching; 0 means one per core."""

    def __post_init__(self) -> None:
        checks = [
            (0 < self.threshold <= 1, f"--threshold must be in (0, 1], got {self.threshold}"),
            (0 < self.char_threshold <= 1, f"character threshold must be in (0, 1], got {self.char_threshold}"),
            (0 < self.char_containment <= 1,
             f"character containment must be in (0, 1], got {self.char_containment}"),
            (0 <= self.char_margin <= 1, f"character margin must be in [0, 1], got {self.char_margin}"),
            (self.char_ngram >= 1, f"character n-gram must be at least 1, got {self.char_ngram}"),
            (0 < self.lsh_threshold <= 1, f"LSH threshold must be in (0, 1], got {self.lsh_threshold}"),
            (0 < self.containment <= 1, f"--containment must be in (0, 1], got {self.containment}"),
            (0 <= self.link_threshold <= 1, f"link threshold must be in [0, 1], got {self.link_threshold}"),
            (self.ngram >= 1, f"--ngram must be at least 1, got {self.ngram}"),
            (2 <= self.num_perm <= 1024, f"--num-perm must be between 2 and 1024, got {self.num_perm}"),
            (self.batch_size >= 1, f"--batch-size must be at least 1, got {self.batch_size}"),
            (self.workers >= 0, f"--workers must be 0 (all cores) or more, got {self.workers}"),
            (0 < self.join_similarity <= 1.01, f"join similarity must be in (0, 1.01], got {self.join_similarity}"),
            (self.repeat_days is None or self.repeat_days > 0,
             f"repeat days must be a positive number of days, got {self.repeat_days}"),
            (self.late_hours is None or self.late_hours > 0,
             f"late hours must be a positive number of hours, got {self.late_hours}"),
            (0 <= self.late_weight <= 1, f"late weight must be in [0, 1], got {self.late_weight}"),
            (self.template_hours is None or self.template_hours > 0,
             f"--template-hours must be a positive number of hours, got {self.template_hours}"),
            (self.window_days is None or self.window_days > 0,
             f"--window must be a positive number of days, got {self.window_days}"),
        ]
        for ok, message in checks:
            if not ok:
                raise InputError(message)

    @property
    def thresholds(self) -> Thresholds:
        """The near-duplicate thresholds of the verify stage."""
        return Thresholds(self.threshold, self.containment, self.min_containment_shingles,
                          self.char_threshold, self.char_containment, self.char_margin)
