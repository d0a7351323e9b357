"""The garbage collector is paused for the heavy phases and always given back."""

from __future__ import annotations

import gc

import pytest

from factcheck import gcpause


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
    from factcheck import parallel_checks
    from factcheck.engine import run_checks
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
