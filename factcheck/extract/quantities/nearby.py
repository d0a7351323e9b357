"""The words next to a figure: the cheap look-arounds every reading of a figure uses.

Each reads a few characters either side of a position; none scans the text.
"""

from __future__ import annotations


def words_before(text: str, pos: int, n_chars: int = 60) -> str:
    """The ``n_chars`` characters before ``pos``, lower-cased."""
    return text[max(0, pos - n_chars) : pos].lower()


def next_word(text: str, pos: int) -> str:
    """The word starting at ``pos`` after spaces ("" if none), as written."""
    i = pos
    n = len(text)
    while i < n and text[i] in " \t\u00a0":
        i += 1
    j = i
    while j < n and (text[j].isalpha() or text[j] in "'’"):
        j += 1
    return text[i:j]


def prev_word(text: str, pos: int) -> str:
    """The word (letters and hyphens) ending at ``pos`` before spaces, as written."""
    j = pos
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] in "-"):
        i -= 1
    return text[i:j]


def has_cue(window: str, cues: tuple[str, ...]) -> bool:
    """Whether one of ``cues`` stands in ``window`` as a word of its own (not inside one)."""
    for c in cues:
        idx = window.find(c)
        while idx != -1:
            before = window[idx - 1] if idx > 0 else " "
            after_i = idx + len(c)
            after = window[after_i] if after_i < len(window) else " "
            if not before.isalpha() and not after.isalpha():
                return True
            idx = window.find(c, idx + 1)
    return False
