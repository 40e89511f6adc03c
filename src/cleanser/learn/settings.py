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
    edge_share: float = 0.8  # share of occurrences at the top, the bottom or glued that makes a position a cue
    max_slot_words: int = 4  # the widest run of words one slot may stand for
    max_docs: int = 5000  # documents per site that are learned from (the first ones); memory grows with it
    check_docs: int = 1000  # documents per site cleaned for the self-check (0: none)

    def __post_init__(self) -> None:
        if not 0 < self.min_share <= 1:
            raise ValueError(f"min share must be a share between 0 and 1, got {self.min_share}")
        if not 0 <= self.edge_share <= 1:
            raise ValueError(f"edge share must be a share between 0 and 1, got {self.edge_share}")
        for name in ("min_docs", "max_words", "max_chars", "max_slot_words", "max_docs"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name.replace('_', ' ')} must be at least 1, got {getattr(self, name)}")
        if self.check_docs < 0:
            raise ValueError(f"check docs must not be negative, got {self.check_docs}")
