"""--cluster gives the output of --jobs 1, byte for byte, in every format, on a real
two-worker LocalCluster (processes, 127.0.0.1): on the seed corpus and on a generated
2,000-article archive; a worker killed mid-run loses and duplicates nothing; an
unreachable scheduler and workers that differ from the client are clear errors.

Skipped only where Dask is missing and FACTCHECK_REQUIRE_DASK is unset (CI sets it)."""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REQUIRED = os.environ.get("FACTCHECK_REQUIRE_DASK", "") not in ("", "0")
try:
    import distributed
except ImportError:
    if REQUIRED:
        pytest.fail("dask.distributed is missing, and FACTCHECK_REQUIRE_DASK is set", pytrace=False)
    pytest.skip("dask.distributed is not installed (pip install 'factcheck[dask]')", allow_module_level=True)

from factcheck import pipeline
from factcheck.cluster import ClusterError
from factcheck.cluster.session import ClusterSession, session_of
from factcheck.report import FORMATTERS, get_formatter, make_view

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
import corpus as generator  # noqa: E402

sys.path.remove(str(REPO / "benchmarks"))

ARTICLES = 2_000


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    # Workers are processes started from this environment: they import the factcheck
    # this test imports (PYTHONPATH is inherited).
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def session(client: distributed.Client) -> ClusterSession:
    return session_of(client)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generator.write_corpus(tmp_path_factory.mktemp("archive") / "corpus", ARTICLES, seed=7)


def rendered(result: pipeline.RunResult, command: str = "run") -> dict[str, str]:
    """The report in every output format, as the CLI renders it (no colour)."""
    view = make_view(result.report, command, result.rule_set)  # type: ignore[arg-type]
    return {fmt: get_formatter(fmt, color=False, quiet=False, width=None).render(view) for fmt in FORMATTERS}


def run(corpus: Path | None, session: ClusterSession | None = None, **extra: Any) -> pipeline.RunResult:
    options = pipeline.RunOptions(corpus=corpus, jobs=1 if session is None else None, cluster=session, **extra)
    return pipeline.run([], options)


@pytest.fixture(scope="module")
def archive_one_process(archive: Path) -> dict[str, str]:
    return rendered(run(archive))


def test_every_format_is_covered() -> None:
    assert set(FORMATTERS) >= {"text", "json", "csv", "jsonl", "sarif", "html", "markdown", "github"}


def test_seed_corpus_on_the_cluster_is_byte_identical_to_one_process_in_every_format(session: ClusterSession) -> None:
    alone = rendered(run(None))
    spread = rendered(run(None, session))
    for fmt in FORMATTERS:
        assert spread[fmt] == alone[fmt], fmt
    assert '"findings"' in alone["json"]


def test_generated_archive_on_the_cluster_is_byte_identical_to_one_process_in_every_format(
    session: ClusterSession, archive: Path, archive_one_process: dict[str, str]
) -> None:
    spread = rendered(run(archive, session))
    for fmt in FORMATTERS:
        assert spread[fmt] == archive_one_process[fmt], fmt


def test_many_small_check_tasks_sent_a_few_at_a_time_give_the_one_process_report(
    session: ClusterSession, archive: Path, archive_one_process: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the check phase is cut (tasks of a few hundred items, one out per worker)
    decides only where work runs, never what the run reports."""
    from factcheck.cluster import checks, flight

    monkeypatch.setattr(flight, "CHUNK_ITEMS", 300)
    monkeypatch.setattr(checks, "CHUNK_ITEMS", 300)
    monkeypatch.setattr(checks, "IN_FLIGHT", 1)
    sent: list[int] = []
    real = checks.in_order

    def spy(client, calls, limit, meanwhile=None):  # noqa: ANN001, ANN202
        calls = list(calls)
        sent.append(len(calls))
        assert limit == len(session.client.nthreads())
        return real(client, calls, limit, meanwhile)

    monkeypatch.setattr(checks, "in_order", spy)
    spread = rendered(run(archive, session))
    for fmt in FORMATTERS:
        assert spread[fmt] == archive_one_process[fmt], fmt
    assert max(sent) > 20  # the checks were really cut small


def test_every_rule_of_figures_is_checked_on_the_workers_not_left_to_the_client(
    session: ClusterSession, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks are really shuffled to the workers: no rule of figures of the shipped
    rules falls back to the client."""
    from factcheck.cluster import checks

    left_over: list[list[int]] = []
    real = checks.assemble

    def spy(narrow, results):  # noqa: ANN001, ANN202
        done, left = real(narrow, results)
        left_over.append(left)
        assert len(results) >= 2  # more than one partition: the figures were spread
        return done, left

    monkeypatch.setattr(checks, "assemble", spy)
    run(archive, session)
    assert left_over == [[]]


def test_the_checks_within_one_document_or_frame_group_are_shuffled_to_the_workers(
    session: ClusterSession, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``internal`` (its frame groups for figures no rule defines) runs on the workers,
    over more than one range of documents, and ``undefined`` (figures no rule defines,
    across stories) over more than one range of frame groups; only the check across
    every claim (``range``) stays on the client."""
    from factcheck.check import undefined
    from factcheck.cluster import checks

    on_client: list[str] = []
    real_run, real_ranges, real_parts = checks._run_here, checks.document_ranges, undefined.parts
    ranges: list[int] = []
    frame_parts: list[int] = []

    def spy_run(ctx, rule, run_rule):  # noqa: ANN001, ANN202
        on_client.append(rule.kind)
        return real_run(ctx, rule, run_rule)

    def spy_ranges(items, count):  # noqa: ANN001, ANN202
        found = real_ranges(items, count)
        ranges.append(len(found))
        return found

    def spy_parts(ctx, count, size=None):  # noqa: ANN001, ANN202
        found = list(real_parts(ctx, count, size))
        frame_parts.append(len(found))
        return iter(found)

    monkeypatch.setattr(checks, "_run_here", spy_run)
    monkeypatch.setattr(checks, "document_ranges", spy_ranges)
    monkeypatch.setattr(undefined, "parts", spy_parts)
    run(archive, session)
    kinds = {r.kind for r in pipeline.load_rule_set(None).checks}
    assert {"internal", "undefined"} <= kinds
    assert not {"internal", "undefined"} & set(on_client) and set(on_client) <= {"range"}
    assert ranges and ranges[0] >= 2
    assert frame_parts and frame_parts[0] >= 2


@contextmanager
def killing_one_worker(client: distributed.Client, after: int) -> Iterator[Callable[..., Any]]:
    """A progress factory that kills (SIGKILL) one worker process once ``after``
    documents are done, with work still out on both workers; yields it and, after the
    block, checks that the worker was indeed replaced."""
    pids = client.run(os.getpid)
    victim = pids[sorted(pids)[0]]
    killed: list[int] = []

    @contextmanager
    def factory(description: str, total: int) -> Iterator[Callable[..., None]]:
        done = 0

        def advance(n: int = 1) -> None:
            nonlocal done
            done += n
            if done >= after and not killed:
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        yield advance
        factory.bars.append((description, done, total))  # type: ignore[attr-defined]

    factory.bars = []  # type: ignore[attr-defined]  # (description, advanced, total) per bar

    yield factory
    assert killed == [victim]
    client.wait_for_workers(2, timeout=120)
    assert victim not in client.run(os.getpid).values()


def test_a_worker_killed_mid_extraction_loses_and_duplicates_no_document(
    client: distributed.Client, session: ClusterSession, archive: Path
) -> None:
    alone = pipeline.extract_report([str(archive)], pipeline.RunOptions(jobs=1)).report
    with killing_one_worker(client, after=ARTICLES // 10) as factory:
        spread = pipeline.extract_report([str(archive)], pipeline.RunOptions(cluster=session, progress=factory)).report
    # The bar counted every document once, across both workers and the retried batches.
    assert factory.bars == [("Extracting claims", ARTICLES, ARTICLES)]  # type: ignore[attr-defined]
    assert [d.id for d in spread.documents] == [d.id for d in alone.documents]
    assert len({c.id for c in spread.claims}) == len(spread.claims)
    assert [c.model_dump_json() for c in spread.claims] == [c.model_dump_json() for c in alone.claims]


def test_a_worker_killed_mid_run_gives_the_same_report(
    client: distributed.Client, session: ClusterSession, archive: Path, archive_one_process: dict[str, str]
) -> None:
    with killing_one_worker(client, after=ARTICLES // 4) as factory:
        spread = rendered(run(archive, session, progress=factory))
    assert spread["json"] == archive_one_process["json"]
    assert spread["text"] == archive_one_process["text"]


def test_the_index_is_filled_by_the_client_with_what_the_workers_extracted(
    session: ClusterSession, tmp_path: Path
) -> None:
    from factcheck.extract.documents import open_index

    seeds = str(REPO / "seeds")
    done = pipeline.index_documents([seeds], index=tmp_path / "cluster.sqlite3", cluster=session)
    alone = pipeline.index_documents([seeds], index=tmp_path / "alone.sqlite3", jobs=1)
    assert (done.documents, done.extracted, done.claims) == (alone.documents, alone.extracted, alone.claims)
    gazetteer = pipeline.gazetteer_for(pipeline.load_rule_set(None))
    with open_index(tmp_path / "cluster.sqlite3", gazetteer) as a, open_index(tmp_path / "alone.sqlite3", gazetteer) as b:
        assert a is not None and b is not None
        assert sorted(a.entries()) == sorted(b.entries())
    again = pipeline.index_documents([seeds], index=tmp_path / "cluster.sqlite3", cluster=session)
    assert again.extracted == 0 and again.reused == done.documents


def test_the_parquet_index_is_written_by_the_client_from_the_workers_results_and_gives_the_same_run(
    session: ClusterSession, archive: Path, archive_one_process: dict[str, str], tmp_path: Path
) -> None:
    pytest.importorskip("pyarrow", reason="the Parquet index needs pyarrow")
    from factcheck.extract.documents import open_index

    target = tmp_path / "index-parquet"
    done = pipeline.index_documents([str(archive)], index=target, cluster=session, index_format="parquet")
    alone = pipeline.index_documents([str(archive)], index=tmp_path / "alone.sqlite3", jobs=1)
    assert (done.documents, done.extracted, done.claims) == (alone.documents, alone.extracted, alone.claims)
    gazetteer = pipeline.gazetteer_for(pipeline.load_rule_set(None))
    with open_index(target, gazetteer, "parquet") as a, open_index(tmp_path / "alone.sqlite3", gazetteer) as b:
        assert a is not None and b is not None
        assert sorted(a.entries()) == sorted(b.entries())
    spread = rendered(run(archive, session, index=target, index_format="parquet"))
    assert spread == archive_one_process


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, timeout=600, cwd=REPO,
    )


def test_the_cli_on_a_running_scheduler_gives_the_jobs_1_report(cluster: distributed.LocalCluster) -> None:
    spread = _cli("run", "--format", "sarif", "--fail-on", "never", "--cluster", cluster.scheduler_address)
    alone = _cli("run", "--format", "sarif", "--fail-on", "never", "--jobs", "1")
    assert spread.returncode == alone.returncode == 0, spread.stderr
    assert spread.stdout == alone.stdout


def test_an_unreachable_scheduler_is_a_one_line_error_with_exit_2() -> None:
    with socket.socket() as s:  # a port nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = _cli("run", "--quiet", "--cluster", f"tcp://127.0.0.1:{port}")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"factcheck: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}")
    assert proc.stdout == ""


def _set_version(version: str) -> str:
    import factcheck

    old, factcheck.__version__ = factcheck.__version__, version
    return old


def _set_rules_digest(value: str | None) -> None:
    from factcheck.cluster import fingerprint

    if value is None:
        fingerprint.rules_digest = fingerprint._real_rules_digest  # type: ignore[attr-defined]
        return
    fingerprint._real_rules_digest = getattr(fingerprint, "_real_rules_digest", fingerprint.rules_digest)  # type: ignore[attr-defined]
    fingerprint.rules_digest = lambda _rules: value  # type: ignore[assignment]


def test_a_worker_with_another_factcheck_version_is_refused_before_any_work(
    client: distributed.Client, cluster: distributed.LocalCluster
) -> None:
    old = set(client.run(_set_version, "9.9.9").values()).pop()
    try:
        with pytest.raises(ClusterError, match=r"factcheck 9\.9\.9, the client has"):
            session_of(client).prepared(pipeline.load_rule_set(None))
        proc = _cli("run", "--quiet", "--cluster", cluster.scheduler_address)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert proc.stderr.startswith("factcheck: error: workers differ from this client")
    finally:
        client.run(_set_version, old)


def test_a_worker_that_reads_the_rules_differently_is_refused(
    client: distributed.Client, cluster: distributed.LocalCluster
) -> None:
    client.run(_set_rules_digest, "0" * 16)
    try:
        with pytest.raises(ClusterError, match="reads the rules differently"):
            session_of(client).prepared(pipeline.load_rule_set(None))
        proc = _cli("run", "--quiet", "--cluster", cluster.scheduler_address)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert proc.stderr.startswith("factcheck: error: workers differ from this client")
        assert "reads the rules differently" in proc.stderr
    finally:
        client.run(_set_rules_digest, None)
    session_of(client).prepared(pipeline.load_rule_set(None))  # restored: accepted again


def test_a_local_cluster_started_by_the_cli_says_where_its_dashboard_is_and_gives_the_jobs_1_report() -> None:
    spread = _cli("run", "--format", "json", "--fail-on", "never", "--cluster", "local:2")
    alone = _cli("run", "--format", "json", "--fail-on", "never", "--jobs", "1")
    assert spread.returncode == alone.returncode == 0, spread.stderr
    assert spread.stdout == alone.stdout
    assert "Traceback" not in spread.stderr
    # The address when bokeh is installed (the dask extra has it: CI), else why there is none.
    if REQUIRED or importlib.util.find_spec("bokeh") is not None:
        assert re.search(r"^factcheck: Dask dashboard: http://127\.0\.0\.1:\d+/status$", spread.stderr, re.M)
    else:
        assert "factcheck: Dask dashboard unavailable (install bokeh to have it)\n" in spread.stderr


def test_a_cluster_lost_during_the_run_is_a_one_line_error_and_a_bug_keeps_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from distributed.comm.core import CommClosedError

    from factcheck.cluster import session as session_module

    class Quiet:
        """A client that connects to nothing: the session's failure is what is tested."""

        def close(self) -> None:
            return None

    monkeypatch.setattr(session_module, "connect", lambda spec: (Quiet(), None))
    with pytest.raises(ClusterError, match=r"^the Dask cluster at tcp://127\.0\.0\.1:1 failed during the run: CommClosedError: scheduler gone$"):
        with session_module.open_cluster("tcp://127.0.0.1:1"):
            raise CommClosedError("scheduler gone\nmore")
    with pytest.raises(KeyError):
        with session_module.open_cluster("tcp://127.0.0.1:1"):
            raise KeyError("a bug of factcheck's")
