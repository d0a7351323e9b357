"""A local cluster's workers keep Dask's own log lines to errors, as the client does: a
worker's warning (with a traceback) when the cluster closes under load must not reach
the user's terminal."""

from __future__ import annotations

import logging
import os

import pytest

REQUIRED = os.environ.get("FACTCHECK_REQUIRE_DASK", "") not in ("", "0")
try:
    import distributed  # noqa: F401
except ImportError:
    if REQUIRED:
        raise
    pytest.skip("dask.distributed is not installed (pip install 'factcheck[dask]')", allow_module_level=True)

from factcheck.cluster.address import WORKER_LOG_LEVEL, ClusterSpec, connect


def _level() -> int:
    return logging.getLogger("distributed").getEffectiveLevel()


def _worker_levels() -> dict[str, int]:
    """The Dask log level of each worker of a local cluster started as the CLI does."""
    client, cluster = connect(ClusterSpec(local=1))
    try:
        return client.run(_level)
    finally:
        client.close()
        cluster.close()


def test_a_local_clusters_workers_log_only_errors_of_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKER_LOG_LEVEL, "")  # so that the test's end restores the environment
    monkeypatch.delenv(WORKER_LOG_LEVEL)
    levels = _worker_levels()
    assert levels and set(levels.values()) == {logging.ERROR}
    assert _level() == logging.ERROR


def test_a_level_the_user_set_for_dask_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKER_LOG_LEVEL, "warning")
    levels = _worker_levels()
    assert set(levels.values()) == {logging.WARNING}
