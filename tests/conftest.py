from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
RULES = REPO / "rules"
SHARED = REPO.parent / "shared"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


# Exit code, standard output and standard error of ``factcheck ARGS``.
CliHere = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli_here(capsys: pytest.CaptureFixture[str]) -> CliHere:
    """The command line run in the test's own process: quicker than a subprocess, sees
    the test's monkeypatching, and forks its workers (--jobs) from it. A user never
    sees a traceback, so one on standard error fails the test. (tests/cli's ``cli``
    runs the real entry point in a subprocess, as a user would.)"""
    from factcheck.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        assert "Traceback" not in out.err, out.err
        return code, out.out, out.err

    return run


# -- running under pytest-xdist (addopts: -n auto --dist loadscope) --------------------
# loadscope sends each module to one worker, so a module-scoped fixture (the
# determinism runs, the untouched-inputs run, the generated archives, the browser) is
# computed once, as in one process. (Not loadgroup with xdist_group marks: pytest 9.2
# derives node ids from Node._id, and pytest-xdist 3.8 renames Node._nodeid, so its
# groups are silently ignored.)

# Tests marked ``exclusive`` (their assertions are about time: an interrupt handled
# before children finish a 1.5 s sleep, an orphan that stops within 2 s) run while no
# other test runs: on another worker a CLI subprocess would take the core they time.
# A readers-writer lock over the workers: every test holds the room shared, an
# exclusive one holds it alone; the gate makes a waiting exclusive test block new
# entries, so it is not starved. The controller makes the folder and removes it.
_LOCKS = "factcheck_test_locks"


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # node: xdist.workermanage.WorkerController
    config = node.config
    if not hasattr(config, "_factcheck_locks"):
        config._factcheck_locks = tempfile.mkdtemp(prefix="factcheck-test-locks-")
    node.workerinput[_LOCKS] = config._factcheck_locks


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = getattr(config, "_factcheck_locks", None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


_handles: dict[str, int] = {}


def _handle(folder: str, name: str) -> int:
    path = os.path.join(folder, name)
    if path not in _handles:
        _handles[path] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return _handles[path]


@contextmanager
def _turn(folder: str, exclusive: bool) -> Iterator[None]:
    import fcntl  # POSIX; on Windows the workers do not wait for each other

    gate, room = _handle(folder, "gate"), _handle(folder, "room")
    fcntl.flock(gate, fcntl.LOCK_EX)
    try:
        fcntl.flock(room, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
    except BaseException:
        fcntl.flock(gate, fcntl.LOCK_UN)
        raise
    if not exclusive:
        fcntl.flock(gate, fcntl.LOCK_UN)
    try:
        yield
    finally:
        fcntl.flock(room, fcntl.LOCK_UN)
        if exclusive:
            fcntl.flock(gate, fcntl.LOCK_UN)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    # Setup, call and teardown: a module fixture's work (set up in its first test) counts.
    folder = getattr(item.config, "workerinput", {}).get(_LOCKS)
    if folder is None or sys.platform == "win32":  # one process: nothing runs beside a test
        return (yield)
    with _turn(folder, item.get_closest_marker("exclusive") is not None):
        return (yield)
