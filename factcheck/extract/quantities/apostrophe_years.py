"""Apostrophe years: "the class of '98", "since ’08", "the ’98 vintage" name a year.

The dates stage reads them as years (``factcheck.extract.context.dates``, "'58" is the
most recent 1958 or 2058 not after publication); the quantity stage must not also read
them as the figure 98. A mark before two digits is an apostrophe unless it opens a
quotation ("‘20 people were hurt,’ she said"): the right single mark ``’`` never opens
one; the left mark ``‘`` and the straight ``'`` do when the same kind of mark closes
later in the sentence.
"""

from __future__ import annotations

from factcheck.models import Claim

_MARKS = "'’‘"
# How far a closing quotation mark is looked for (the rest of a sentence, in practice).
_CLOSE_SCAN = 300
_SENTENCE_END = ".!?\n"


def _closes_later(text: str, end: int, closer: str) -> bool:
    """Whether ``closer`` closes a quotation after ``end`` (before a line break or the end
    of a sentence outside it): a mark after a non-space and before no letter ("hurt,’",
    "said'"), not an apostrophe inside a word ("it’s")."""
    stop = min(len(text), end + _CLOSE_SCAN)
    for i in range(end, stop):
        ch = text[i]
        if ch == "\n":
            return False
        if ch == closer and i > 0 and not text[i - 1].isspace():
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if not nxt.isalnum():  # not "it’s", not the mark of the next year ("'98-'99")
                return True
    return False


def is_apostrophe_year(text: str, claim: Claim) -> bool:
    """Whether ``claim`` is two digits after an apostrophe that makes them a year."""
    start, end = claim.start, claim.end
    if end - start != 2 or start == 0 or not text[start:end].isdigit():
        return False
    mark = text[start - 1]
    if mark not in _MARKS:
        return False
    before = text[start - 2] if start >= 2 else " "
    if before.isalnum() or before in _MARKS:
        return False  # "rock'98": no apostrophe year
    after = text[end] if end < len(text) else " "
    if after.isalnum() or after in "%'’" or (after in ".," and text[end + 1 : end + 2].isdigit()):
        return False
    if mark == "’":
        return True
    return not _closes_later(text, end, "’" if mark == "‘" else "'")


def drop_apostrophe_years(text: str, claims: list[Claim]) -> list[Claim]:
    """``claims`` without the apostrophe years (cheap: most claims follow no mark)."""
    return [c for c in claims if not (c.start and text[c.start - 1] in _MARKS and is_apostrophe_year(text, c))]
