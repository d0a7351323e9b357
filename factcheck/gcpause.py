"""Pausing Python's cyclic garbage collector while a phase builds many objects.

The check phase and the report renderers allocate millions of small objects (items,
intervals, tuples, strings) that reference counting frees, and create next to no
reference cycles. With 10^5 claims or more alive, the collector's full passes walk
the whole heap again and again for nothing: a fifth of the check phase on 10^5 claims
(``benchmarks/README.md``). ``paused()`` turns it off for the phase and back on after,
only if it was on; nested uses and an exception inside both restore it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
