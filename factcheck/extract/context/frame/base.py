"""The state the parts of ``SentenceFrames`` share."""

from __future__ import annotations

from factcheck.extract.context.frame.record import Frame
from factcheck.extract.context.tagger import Word


class FramesBase:
    """What every part of the analysis reads: the sentence's tagged words, the word
    ranges of its figures, the text, and the frames made so far."""

    words: list[Word]
    figures: list[tuple[int, int]]
    text: str
    low: str
    frames: list[Frame]
