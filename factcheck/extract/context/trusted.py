"""``build``, where the context stage first had it: the code is ``factcheck.extract.trusted``
(both stages use it; the figures stage may not import the context stage)."""

from factcheck.extract.trusted import build

__all__ = ["build"]
