"""What ``--cluster`` names, and connecting to it.

``local:N`` starts a ``LocalCluster`` of N single-threaded worker processes on
127.0.0.1 for the run (and stops it after); anything else is the address of a running
scheduler (``tcp://host:8786``, or ``host:8786``, which Dask reads as tcp). A scheduler
that does not answer within ``CONNECT_TIMEOUT`` seconds is a ``ClusterError`` (exit 2),
not a wait of Dask's default 30 s followed by a traceback.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from distributed import Client

# Seconds to wait for a scheduler to answer: a cluster on a network answers in well
# under a second; a wrong address should not keep the user waiting.
CONNECT_TIMEOUT = 5.0

_LOCAL = re.compile(r"local:(\d+)")
# Dask's configuration of its logger in a process it starts (``logging.distributed``).
WORKER_LOG_LEVEL = "DASK_LOGGING__DISTRIBUTED"
_REMOTE = re.compile(r"(?:(?:tcp|tls|inproc|ucx|ws|wss)://)?[^\s/:]+(?::\d+)?/?")


class ClusterError(FactcheckError):
    """A cluster that cannot be used: Dask missing, a scheduler that does not answer,
    workers that differ from this client (exit 2, one line, no traceback)."""


@dataclass(frozen=True)
class ClusterSpec:
    """A parsed ``--cluster`` value: ``local`` workers to start, or an ``address``."""

    address: str | None = None
    local: int | None = None

    def describe(self) -> str:
        return f"local:{self.local}" if self.local is not None else str(self.address)


def parse_address(value: str) -> ClusterSpec:
    """``local:N`` or a scheduler address; anything else is a usage error."""
    text = value.strip()
    local = _LOCAL.fullmatch(text)
    if local is not None:
        workers = int(local.group(1))
        if workers < 1:
            raise ClusterError(f"--cluster {value}: a local cluster needs 1 or more workers")
        return ClusterSpec(local=workers)
    if not text or not _REMOTE.fullmatch(text):
        raise ClusterError(f"--cluster {value!r} is neither local:N nor a scheduler address (tcp://host:8786)")
    return ClusterSpec(address=text)


def require_dask() -> None:
    """Dask's absence as a clear error: it is an optional extra."""
    if importlib.util.find_spec("distributed") is None or importlib.util.find_spec("dask") is None:
        raise ClusterError("--cluster needs Dask: pip install 'factcheck[dask]'")


def dashboard_available() -> bool:
    """Whether Dask can serve its dashboard here (it needs bokeh)."""
    return importlib.util.find_spec("bokeh") is not None


def connect(spec: ClusterSpec, timeout: float = CONNECT_TIMEOUT) -> tuple[Client, Any]:
    """A client of the cluster ``spec`` names and the local cluster started for it
    (None for a remote scheduler). The caller closes both."""
    require_dask()
    from distributed import Client, LocalCluster

    if spec.local is not None:
        # Dask's own log lines (a worker restarted, a task retried) are its business;
        # what the run did is in factcheck's report. The workers are processes of their
        # own, whose logging Dask sets up from its configuration when it is imported
        # there: the environment carries the level to them (a worker's "heartbeat
        # failed" warning, with its traceback, when the cluster closes under load).
        logging.getLogger("distributed").setLevel(logging.ERROR)
        os.environ.setdefault(WORKER_LOG_LEVEL, "error")
        cluster = LocalCluster(
            n_workers=spec.local,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0" if dashboard_available() else None,
        )
        try:
            client = Client(cluster, timeout=timeout)
        except BaseException:
            cluster.close()
            raise
        return client, cluster
    assert spec.address is not None
    try:
        client = Client(spec.address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {spec.address} within {timeout:g} s ({type(exc).__name__})"
        ) from None
    except ValueError as exc:  # an address Dask cannot parse
        raise ClusterError(f"--cluster {spec.address}: {exc}") from None
    return client, None
