"""The cluster a run uses: opened by the CLI, handed to the pipeline, closed after.

``open_cluster("local:2")`` starts the workers (and says on stderr where Dask's
dashboard is, or that it is unavailable without bokeh); ``open_cluster("tcp://...")``
connects to a running scheduler. Before the first work is sent, every worker's
fingerprint (factcheck version, code, the rules as it reads them) is compared with the
client's (``factcheck.cluster.fingerprint``); the rules are sent once, as the result
of a task of their own, which the scheduler makes again if the worker holding it dies. ``extractor`` and ``checks`` give the pipeline what ``extract_documents`` and
``run_checks`` take in place of their local worker pools.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from factcheck.cluster.address import (
    ClusterError,
    ClusterSpec,
    connect,
    dashboard_available,
    parse_address,
)
from factcheck.cluster.checks import ClusterChecks
from factcheck.cluster.extraction import ClusterExtractor
from factcheck.cluster.fingerprint import Fingerprint, fingerprint, rules_digest
from factcheck.rules.schema import RuleSet

if TYPE_CHECKING:
    from distributed import Client

    from factcheck.extract.context.gazetteer import Gazetteer

Say = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


class ClusterSession:
    """A connected Dask client (and the local cluster started for it, if any)."""

    def __init__(self, client: Client, spec: ClusterSpec, local: Any = None) -> None:
        self.client = client
        self.spec = spec
        self.local = local
        self._verified: dict[str, Any] = {}  # rules digest -> the future holding the rules

    @property
    def workers(self) -> int:
        """Worker threads of the cluster now (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def prepared(self, rule_set: RuleSet) -> Any:
        """The rules held on the cluster (``held``), after every worker's fingerprint was
        found equal to the client's (once per rule set)."""
        digest = rules_digest(rule_set)
        if digest in self._verified:
            return self._verified[digest]
        mine = fingerprint(rule_set)
        if not self.client.nthreads():
            raise ClusterError(f"the Dask cluster at {self.spec.describe()} has no workers")
        theirs: dict[str, Fingerprint] = self.client.run(_worker_fingerprint, rule_set)
        problems = [
            f"worker {address}: {'; '.join(diff)}"
            for address, print_ in sorted(theirs.items())
            if (diff := print_.differences(mine))
        ]
        if problems:
            raise ClusterError(
                "workers differ from this client (give every worker the same factcheck version and rules): "
                + " | ".join(problems)
            )
        held = self.held(rule_set, f"factcheck-rules-{digest}")
        self._verified[digest] = held
        return held

    def held(self, value: Any, key: str) -> Any:
        """``value`` as the result of a task of its own on the cluster, for tasks to take
        as an argument: sent once, and, unlike scattered data, made again by the
        scheduler from the task when the worker holding it is lost."""
        return self.client.submit(_same, value, key=key, pure=False)

    def extractor(self, rule_set: RuleSet, gazetteer: Gazetteer | None) -> ClusterExtractor:
        """What ``extract_documents`` takes as ``extractor``, extracting on the workers."""
        self.prepared(rule_set)
        places = list(gazetteer.places) if gazetteer is not None else None
        digest = rules_digest(rule_set)
        held = self.held(places, f"factcheck-places-{digest}") if places is not None else None
        from factcheck.check.budget import budget_of

        return ClusterExtractor(self.client, gazetteer, held, digest, self.workers, budget_of(rule_set))

    def checks(self, rule_set: RuleSet) -> ClusterChecks:
        """What ``run_checks`` takes as ``executor``, checking on the workers."""
        return ClusterChecks(self.client, rule_set, self.prepared(rule_set), self.workers)

    def close(self) -> None:
        self.client.close()
        if self.local is not None:
            self.local.close()


def _same(value: Any) -> Any:
    return value


def _worker_fingerprint(rule_set: RuleSet) -> Fingerprint:
    return fingerprint(rule_set)


@contextmanager
def open_cluster(value: str, say: Say = _quiet) -> Iterator[ClusterSession]:
    """The session ``--cluster value`` names, closed (and a local cluster stopped) after."""
    spec = parse_address(value)
    client, local = connect(spec)
    session = ClusterSession(client, spec, local)
    try:
        if local is not None:
            if dashboard_available():
                say(f"Dask dashboard: {client.dashboard_link}")
            else:
                say("Dask dashboard unavailable (install bokeh to have it)")
        yield session
    except Exception as exc:
        lost = _lost_cluster(exc)
        if lost is None:
            raise
        raise ClusterError(f"the Dask cluster at {spec.describe()} failed during the run: {lost}") from None
    finally:
        session.close()


def _lost_cluster(exc: Exception) -> str | None:
    """What went wrong, in a line, when ``exc`` is the cluster failing (the scheduler
    gone, a task whose workers kept dying, work cancelled under the client); None for
    anything else, which is factcheck's own error and keeps its traceback."""
    from distributed.client import FutureCancelledError
    from distributed.comm.core import CommClosedError
    from distributed.scheduler import KilledWorker

    if isinstance(exc, (FutureCancelledError, CommClosedError, KilledWorker)):
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no detail'}"
    return None


def session_of(client: Client, spec: str = "client") -> ClusterSession:
    """A session over an existing client (the tests' cluster); closing it is the caller's."""
    return _Borrowed(client, ClusterSpec(address=spec))


class _Borrowed(ClusterSession):
    def close(self) -> None:
        return None
