"""The thresholds of `cleanser learn`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LearnSettings:
    """The thresholds of `learn`; every one is a CLI option (`--min-share`, `--max-slot-words`, ...)."""

    min_share: float = 0.2  # a candidate must occur in at least this share of the site's documents
    min_docs: int = 5  # ... and in at least this many
    max_words: int = 20  # a longer line reads as content
    max_chars: int = 160  # ... and so does one of more characters
    # A candidate that reads as a sentence (in any language) must be in at least this share of the site's distinct
    # documents: a template's boilerplate is in nearly every page of it; a recurring standfirst, series lede or
    # syndicated paragraph is in a minority. At this share its sentence shape no longer keeps it out.
    prose_share: float = 0.8
    # In this share of the distinct documents or more, a line is the template's even when long or letterless, or
    # between the article's paragraphs at the same place each time (`evidence.py`).
    template_share: float = 0.9
    edge_share: float = 0.8  # share of occurrences at the top, the bottom or glued that makes a position a cue
    max_slot_words: int = 4  # the widest run of words one slot may stand for
    max_docs: int = 5000  # documents per site that are learned from (the first ones); memory grows with it
    check_docs: int = 1000  # documents per site cleaned for the self-check (0: none)
    # Share of a site's documents held back from mining and cleaned with the learned plugin, to measure what stays.
    hold_back: float = 0.15
    # Documents whose article text is this similar (estimated Jaccard of word 5-grams) count once; 1: only exact
    # duplicates (same normalised text) count once. One changed word in 100 takes 5 of their 5-grams (about 0.9);
    # different articles that share a lede and a background paragraph stay under 0.4.
    near_duplicate: float = 0.7

    def __post_init__(self) -> None:
        if not 0 < self.min_share <= 1:
            raise ValueError(f"min share must be a share between 0 and 1, got {self.min_share}")
        if not 0 <= self.prose_share <= 1:
            raise ValueError(f"prose share must be a share between 0 and 1, got {self.prose_share}")
        if not 0 < self.template_share <= 1:
            raise ValueError(f"template share must be a share between 0 and 1, got {self.template_share}")
        if not 0 <= self.edge_share <= 1:
            raise ValueError(f"edge share must be a share between 0 and 1, got {self.edge_share}")
        if not 0 <= self.hold_back < 1:
            raise ValueError(f"hold back must be a share from 0 to below 1, got {self.hold_back}")
        if not 0 < self.near_duplicate <= 1:
            raise ValueError(f"near duplicate must be a similarity between 0 and 1, got {self.near_duplicate}")
        for name in ("min_docs", "max_words", "max_chars", "max_slot_words", "max_docs"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name.replace('_', ' ')} must be at least 1, got {getattr(self, name)}")
        if self.check_docs < 0:
            raise ValueError(f"check docs must not be negative, got {self.check_docs}")
