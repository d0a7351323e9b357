"""Pausing Python's cyclic garbage collector while a phase builds many objects.

The check phase and the report renderers allocate millions of small objects (items,
intervals, tuples, strings) that reference counting frees, and create next to no
reference cycles. With 10^5 claims or more alive, the collector's full passes walk
the whole heap again and again for nothing: a fifth of the check phase on 10^5 claims
(``benchmarks/README.md``). ``paused()`` turns it off for the phase and back on after,
only if it was on; nested uses and an exception inside both restore it.

Turning it back on is not enough by itself: every object allocated during the pause
still counts as young, so the first allocation after it would make the collector walk
them all at once (2 s after checking 10^6 claims), and again when they move to the
middle generation. ``paused()`` therefore hands the phase's survivors straight to the
oldest generation (``gc.freeze()`` then ``gc.unfreeze()``, which moves them without
walking them): they are collected like any long-lived object, at the next full pass.
The move takes every young object of the process, not only the phase's: in a program
that embeds factcheck, a reference cycle that was young when the phase ended is freed
at the next full pass instead of the next young one (later, never lost). It leaves that
step out when the host program keeps objects frozen itself, since ``gc.unfreeze()``
would thaw those too.

Asking whether it does costs a walk of every frozen object (``gc.get_freeze_count()``
counts a linked list): 70 ms per draft in ``factcheck serve``'s check processes, which
inherit a frozen 10,000-article archive, twice the check itself. A program that freezes
its heap through ``freeze_heap()`` is known to, and ``paused()`` never counts.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


# Set by ``freeze_heap``: objects are frozen, ``paused()`` must not thaw them.
_heap_frozen = False


def freeze_heap() -> None:
    """``gc.freeze()`` every object alive, for a process about to fork workers that
    inherit them (the collector then writes none of their pages, which stay shared),
    and remember it, so that ``paused()`` neither thaws them nor counts them."""
    global _heap_frozen
    gc.collect()
    gc.freeze()
    _heap_frozen = True


def thaw_heap() -> None:
    """Undo ``freeze_heap`` (tests, and a host done with its workers)."""
    global _heap_frozen
    gc.unfreeze()
    _heap_frozen = False


def heap_frozen() -> bool:
    return _heap_frozen


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            _age_survivors()
            gc.enable()


def _age_survivors() -> None:
    """Move every tracked object to the oldest generation, unscanned."""
    if _heap_frozen or gc.get_freeze_count():
        return
    gc.freeze()
    gc.unfreeze()
