"""The check phase on several processes (``factcheck.check.parallel``) gives exactly
what one process gives: the same findings in the same order, the same comparisons and
agreements, the same notes; and a child that dies costs time, not results."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from factcheck.extract.documents import extract_documents
from factcheck import pipeline
from factcheck.check import parallel as parallel_checks
from factcheck.check.engine import CheckResult, run_checks
from factcheck.models import Document

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def archive() -> tuple[list[Document], list]:
    """Generated news (planted inconsistencies, so every check kind finds something),
    the seed articles and an undated document (notes from several rules)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    gazetteer = pipeline.gazetteer_for(pipeline.load_rule_set(None))
    docs = [
        Document(id=f"g{k}", path=f"generated/{k}.md", text=body, published=day, role="checked")
        for k, (body, day) in enumerate(corpus.dated_bodies(120, seed=5))
    ]
    docs += pipeline.load_inputs([], None).documents
    docs.append(Document(id="undated", path="undated.md", role="checked",
                         text="More than 35,000 people have been killed in Gaza, the ministry said; 130 hostages are held."))
    claims = extract_documents(docs, gazetteer, jobs=1)
    return docs, claims


def _everything(result: CheckResult) -> tuple:
    return (
        [f.model_dump_json() for f in result.findings],
        [c.model_dump_json() for c in result.claims],
        [repr(c) for c in result.comparisons],
        [a.model_dump_json() for a in result.agreement_records()],
        list(result.notes),
    )


@pytest.mark.parametrize("jobs", [2, 3])
def test_checks_on_several_processes_give_what_one_process_gives(
    archive: tuple, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, claims = archive
    rules = pipeline.load_rule_set(None)
    one = _everything(run_checks(rules, docs, claims, jobs=1))
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_ITEMS", "0")
    forked: list[int] = []
    real_fork = parallel_checks._fork

    def counting_fork(work):  # noqa: ANN001, ANN202
        forked.append(os.getpid())
        return real_fork(work)

    delivered: list[int] = []
    real_unspool = parallel_checks._unspool

    def counting_unspool(directory: str, k: int):  # noqa: ANN202
        output = real_unspool(directory, k)
        delivered.append(k if output is not None else -1)
        assert not os.path.exists(os.path.join(directory, f"{k}.pickle"))  # removed once read
        return output

    monkeypatch.setattr(parallel_checks, "_fork", counting_fork)
    monkeypatch.setattr(parallel_checks, "_unspool", counting_unspool)
    several = _everything(run_checks(rules, docs, claims, jobs=jobs))
    assert len(forked) == 2 * (jobs - 1)  # assignment, then the rules
    # the children did rules (a child that failed would leave them all to this process)
    assert delivered and -1 not in delivered
    assert several == one
    findings, _, comparisons, agreements, notes = one
    assert len(findings) > 20 and len(comparisons) > 100 and len(agreements) > 20
    assert any("no publication date" in n for n in notes)


def test_a_child_that_dies_costs_time_not_results(archive: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, claims = archive
    rules = pipeline.load_rule_set(None)
    one = _everything(run_checks(rules, docs, claims, jobs=1))
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_ITEMS", "0")

    def dying_child(work, send) -> None:  # noqa: ANN001 - the child exits before any work
        os._exit(9)

    forked: list[int] = []
    real_fork = parallel_checks._fork

    def counting_fork(work):  # noqa: ANN001, ANN202
        forked.append(1)
        return real_fork(work)

    monkeypatch.setattr(parallel_checks, "_child", dying_child)
    monkeypatch.setattr(parallel_checks, "_fork", counting_fork)
    assert _everything(run_checks(rules, docs, claims, jobs=2)) == one
    assert len(forked) == 2  # children were started (and died), for assignment and for the rules


def test_rule_outputs_a_child_cannot_spool_are_made_here(archive: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk in the child (its spool file cannot be written) or no spool directory
    at all: the rules are done in this process, the result is the same."""
    docs, claims = archive
    rules = pipeline.load_rule_set(None)
    one = _everything(run_checks(rules, docs, claims, jobs=1))
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_ITEMS", "0")

    def disk_full(directory: str, k: int, output: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parallel_checks, "_spool", disk_full)
    assert _everything(run_checks(rules, docs, claims, jobs=2)) == one

    def no_directory(*args: object, **kwargs: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(parallel_checks.tempfile, "TemporaryDirectory", no_directory)
    assert _everything(run_checks(rules, docs, claims, jobs=2)) == one


@pytest.mark.exclusive  # timed against the children's 1.5 s: no other test's load beside it
@pytest.mark.parametrize("step", ["assigning", "waiting for the assignments", "checking"])
def test_ctrl_c_in_the_parent_stops_the_children_and_leaves_no_spool(
    archive: tuple, step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted while children assign figures or run rules (or while it waits for
    them): the interrupt reaches the caller at once (which reports it), no child
    outlives the run, no spool file is left."""
    import multiprocessing
    import tempfile
    import time

    from factcheck.match import Matcher

    docs, claims = archive
    rules = pipeline.load_rule_set(None)
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_ITEMS", "0")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    parent = os.getpid()

    def slow_in_children(owner: object, name: str, interrupt: bool) -> None:
        real = getattr(owner, name)

        def patched(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if os.getpid() != parent:
                time.sleep(1.5)  # still at work when the parent is interrupted
            elif interrupt:
                time.sleep(0.2)
                raise KeyboardInterrupt
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, patched)

    if step == "assigning":
        slow_in_children(Matcher, "assign_each", interrupt=True)
    elif step == "waiting for the assignments":
        slow_in_children(Matcher, "assign_each", interrupt=False)
        slow_in_children(parallel_checks, "_result", interrupt=True)
    else:
        slow_in_children(parallel_checks, "_run_here", interrupt=True)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_checks(rules, docs, claims, jobs=3)
    assert time.monotonic() - started < 1.2  # not after the children's 1.5 s of work
    assert multiprocessing.active_children() == []
    assert list(tmp_path.iterdir()) == []


def test_small_runs_and_one_job_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_PARALLEL_MIN_ITEMS", raising=False)
    assert parallel_checks.workers(2, parallel_checks.PARALLEL_MIN_ITEMS - 1, 20) == 1
    assert parallel_checks.workers(2, parallel_checks.PARALLEL_MIN_ITEMS, 20) == 2
    assert parallel_checks.workers(1, 10**7, 20) == 1
    assert parallel_checks.workers(None, 10**7, 20) == 1
    assert parallel_checks.workers(8, 10**7, 3) == 3  # never more processes than pieces of work
    monkeypatch.setattr(parallel_checks.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert parallel_checks.workers(2, 10**7, 20) == 1  # no fork (Windows): one process


def test_run_gives_its_jobs_to_the_check_phase(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int | None] = []
    real = parallel_checks.run_rules

    def spy(rules, run_rule, jobs, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append(jobs)
        return real(rules, run_rule, jobs, *args, **kwargs)

    monkeypatch.setattr(parallel_checks, "run_rules", spy)
    pipeline.run([], pipeline.RunOptions(jobs=3, as_of=date(2024, 6, 1)))
    assert seen == [3]


def test_checks_that_read_figures_only_find_the_same_on_a_context_of_figures_alone(
    archive: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check module whose SCOPE is "figures" runs in a child on the items of figures
    alone; it must find there what it finds among every item (and a check that read
    every claim there would fail loudly, not quietly find less)."""
    from factcheck.check import REGISTRY

    docs, claims = archive
    rules = pipeline.load_rule_set(None)
    made: list = []
    real = parallel_checks.run_rules

    def capture(rule_list, run_rule, jobs, context, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        made.append((run_rule, context))
        return real(rule_list, run_rule, jobs, context, *args, **kwargs)

    monkeypatch.setattr(parallel_checks, "run_rules", capture)
    run_checks(rules, docs, claims, jobs=1)
    [(run_rule, context)] = made
    whole, figures = context(False), context(True)
    assert len(figures.group("gaza_death_toll")) == len(whole.group("gaza_death_toll")) > 0
    compared = 0
    for rule in rules.checks:
        if REGISTRY[rule.kind].SCOPE != "figures":
            with pytest.raises(RuntimeError):
                run_rule(figures, rule)
            continue
        narrow = parallel_checks._run_here(figures, rule, run_rule)
        wide = parallel_checks._run_here(whole, rule, run_rule)
        assert [f.model_dump() for f in narrow.findings] == [f.model_dump() for f in wide.findings], rule.id
        assert narrow.comparisons == wide.comparisons and narrow.notes == wide.notes, rule.id
        compared += len(wide.comparisons)
    assert compared > 100


def test_every_check_kind_says_what_it_reads() -> None:
    from factcheck.check import REGISTRY

    assert {kind: module.SCOPE in ("figures", "claims") for kind, module in REGISTRY.items()} == dict.fromkeys(REGISTRY, True)


ORPHAN_SCRIPT = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
from factcheck import pipeline
from factcheck.check import parallel as parallel_checks
from factcheck.check.engine import run_checks
from factcheck.extract.documents import extract_documents

docs = pipeline.load_inputs([], None).documents
claims = extract_documents(docs, pipeline.gazetteer_for(pipeline.load_rule_set(None)), jobs=1)
parent = os.getpid()
real = parallel_checks._run_here

def slow(*args, **kwargs):
    time.sleep(0.3 if os.getpid() != parent else 60)  # the parent is killed in its first rule
    return real(*args, **kwargs)

parallel_checks._run_here = slow
print("checking", flush=True)
run_checks(pipeline.load_rule_set(None), docs, claims, jobs=2)
"""


@pytest.mark.exclusive  # counts what the child spools in 1.5 s and 2 s: no other test's load beside it
def test_children_of_a_killed_parent_stop_taking_rules(tmp_path: Path) -> None:
    """SIGKILL (or SIGTERM, which Python does not turn into an exception) leaves no
    cleanup to run: the orphaned child must not go on writing outputs nobody reads."""
    import signal
    import time

    spool = tmp_path / "tmp"
    spool.mkdir()
    env = {**os.environ, "TMPDIR": str(spool), "FACTCHECK_PARALLEL_MIN_ITEMS": "0"}
    proc = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT, str(REPO)], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "checking"
        time.sleep(1.5)  # the child has spooled a few rules
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        files = lambda: sum(len(list(d.iterdir())) for d in spool.iterdir())  # noqa: E731
        at_kill = files()
        time.sleep(2.0)  # a child going on would spool six more rules meanwhile
        assert 0 < at_kill and files() <= at_kill + 1
    finally:
        proc.kill()
