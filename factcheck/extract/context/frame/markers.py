"""Clause-level markers: the period a figure counts and whether it is an earlier value."""

from __future__ import annotations

from factcheck.extract.context.frame.base import FramesBase
from factcheck.extract.context.frame.record import Frame
from factcheck.extract.context.frame.vocabulary import (
    CHANGE_WORDS,
    DAY,
    DURATION_UNITS,
    EARLIER_WORDS,
    NOT_EARLIER_AFTER,
    PREWAR,
    SPAN,
)


class ClauseMarkers(FramesBase):
    """The period and role of a figure, read in its own segment of the clause."""

    # -- clause-level markers ------------------------------------------------------------
    def _period(self, f: Frame, a: int, b: int, i0: int) -> None:
        """The period a figure counts when it is not the running total, read in its own
        segment of the clause (between the figures around it and commas)."""
        lo, hi = self._segment(i0, a, b)
        if lo > 0 and self.words[lo - 1].tag == "SUB":
            lo -= 1  # "Once home to 250,000": the word that opens the clause
        segment = " ".join(w.low for w in self.words[lo:hi])
        after = " ".join(w.low for w in self.words[(f.np_end or i0) : min(hi, (f.np_end or i0) + 3)])
        if any(p in segment for p in PREWAR):
            f.period = "prewar"
        elif any(p in segment for p in DAY):
            f.period = "day"
        elif "this month" in segment or "so far this" in segment:
            f.period = "month"
        elif SPAN.search(segment):
            f.period = "span"  # "displaced over the past month": that span's count, not the running total
        if after.startswith(("a day", "per day", "daily", "each day", "every day", "a week", "per week")) or " every day" in segment:
            f.rate = "week" if "week" in after else "day"

    def _segment(self, i0: int, a: int, b: int) -> tuple[int, int]:
        """Word range of a figure's own part of its clause: from the figure before it to
        the figure after it."""
        n = next(k for k, (x, _) in enumerate(self.figures) if x == i0)
        # From the figure before (or the sentence's start: "Before the war, the UN says,
        # around 500 trucks ..." opens with its period) to the figure after.
        lo = self.figures[n - 1][1] if n else 0
        nxt = n + 1
        while nxt < len(self.figures) and self._is_duration(nxt):
            nxt += 1  # "killed in the past 24 hours": the span is part of this figure's clause
        hi = min(b, self.figures[nxt][0] if nxt < len(self.figures) else b)
        return lo, hi

    def _is_duration(self, n: int) -> bool:
        """Whether figure ``n`` is a length of time ("24 hours", "two weeks")."""
        x, y = self.figures[n]
        last = self.words[y - 1].low if y > x else ""
        if y < len(self.words) and self.words[y].low in DURATION_UNITS:
            last = self.words[y].low
        return last in DURATION_UNITS

    def _earlier(self, f: Frame, a: int, i0: int) -> None:
        """An earlier value the sentence sets aside: "down from 1,400", "where earlier
        Israel said 1,400", "an earlier estimate of 1,400"."""
        words = self.words
        k = i0 - 1
        while k >= a and words[k].tag in ("ADV", "DET"):
            k -= 1
        if k >= 1 and words[k].low == "from" and words[k - 1].low in CHANGE_WORDS:
            f.role = "earlier"
            return
        if any(w.low in ("recent", "latest", "new", "current") for w in words[a:i0]):
            return  # "recent figures released earlier": still a current count
        for m in range(a, i0):
            w = words[m]
            if w.low in EARLIER_WORDS and not (m + 1 < len(words) and words[m + 1].low in NOT_EARLIER_AFTER | {"by"}):
                if w.low == "first" and not (m + 1 < len(words) and words[m + 1].tag in ("VERB", "VBN")):
                    continue
                f.role = "earlier"
                return
