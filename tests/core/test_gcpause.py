"""The garbage collector is paused for the heavy phases and always given back."""

from __future__ import annotations

import gc

import pytest

from factcheck.util import gcpause


@pytest.fixture(autouse=True)
def _restore_gc() -> None:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_turns_the_collector_off_and_back_on() -> None:
    gc.enable()
    with gcpause.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    with gcpause.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_nested_pauses_restore_only_at_the_outermost() -> None:
    gc.enable()
    with gcpause.paused():
        with gcpause.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_exception_inside_still_restores_the_collector() -> None:
    gc.enable()
    with pytest.raises(KeyboardInterrupt), gcpause.paused():
        raise KeyboardInterrupt
    assert gc.isenabled()


def test_run_checks_pauses_the_collector_and_gives_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.check import parallel as parallel_checks
    from factcheck.check.engine import run_checks
    from factcheck.pipeline import load_rule_set

    during: list[bool] = []
    real = parallel_checks.run_rules

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        during.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel_checks, "run_rules", spy)
    gc.enable()
    run_checks(load_rule_set(None), [], [])
    assert during == [False]
    assert gc.isenabled()


def test_objects_built_during_a_pause_are_not_scanned_as_young_afterwards() -> None:
    # Without this, the first allocation after the pause walks them all (2 s after
    # checking 10^6 claims) and the middle generation walks them again.
    gc.enable()
    with gcpause.paused():
        built = [[k] for k in range(50_000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(built[0]) in oldest and id(built[-1]) in oldest
    assert gc.get_count()[0] < 1_000
    assert gc.get_freeze_count() == 0  # nothing stays frozen


def test_a_cycle_made_during_a_pause_is_still_collected() -> None:
    import weakref

    class Node:
        pass

    gc.enable()
    with gcpause.paused():
        node = Node()
        node.self = node  # type: ignore[attr-defined]
        alive = weakref.ref(node)
        del node
    assert alive() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert alive() is None


def _frozen(obj: object) -> bool:
    """Whether the collector keeps ``obj`` frozen (in none of its generations). A count
    of frozen objects would not do: other threads free frozen objects meanwhile."""
    return gc.is_tracked(obj) and all(o is not obj for o in gc.get_objects())


def test_objects_the_host_froze_stay_frozen() -> None:
    gc.enable()
    marker: list[list[int]] = [[1]]
    gc.freeze()
    try:
        assert _frozen(marker)
        with gcpause.paused():
            pass
        assert _frozen(marker)
    finally:
        gc.unfreeze()


def test_a_heap_frozen_for_workers_is_never_walked_by_a_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    # gc.get_freeze_count() walks every frozen object: in a serve check process that
    # inherits a frozen archive it cost more than the draft's check, at every pause.
    gc.enable()
    marker: list[list[int]] = [[1]]
    gcpause.freeze_heap()
    try:

        def walks() -> int:
            raise AssertionError("paused() counted the frozen objects")

        monkeypatch.setattr(gc, "get_freeze_count", walks)
        with gcpause.paused():
            pass
        monkeypatch.undo()
        assert gcpause.heap_frozen()
        assert _frozen(marker)  # not thawed
    finally:
        gcpause.thaw_heap()
    assert not gcpause.heap_frozen() and gc.get_freeze_count() == 0
