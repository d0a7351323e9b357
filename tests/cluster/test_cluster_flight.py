"""The check phase's tasks go out a few at a time (``factcheck.cluster.flight``): what
is in transit is bounded by the task size, not by the archive. These need no Dask: a
stand-in client records what was submitted and when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from factcheck.check.items import Item
from factcheck.cluster.flight import CHUNK_ITEMS, Call, in_order, part_count, without_texts
from factcheck.extract import extract
from factcheck.models import Document


class _Future:
    def __init__(self, client: _Client, value: Any) -> None:
        self.client, self.value, self.released = client, value, False

    def result(self) -> Any:
        return self.value

    def release(self) -> None:
        self.released = True
        self.client.out -= 1


class _Client:
    """Runs each task at once; counts the tasks submitted and not yet released."""

    def __init__(self) -> None:
        self.out = 0
        self.most_out = 0
        self.cancelled: list[_Future] = []

    def submit(self, func: Callable[..., Any], *args: Any, pure: bool = True) -> _Future:
        assert pure is False  # a retried task is the same task; identical args are not one
        self.out += 1
        self.most_out = max(self.most_out, self.out)
        return _Future(self, func(*args))

    def cancel(self, futures: list[_Future]) -> None:
        self.cancelled += futures


def _calls(n: int, built: list[int]) -> list[Call]:
    def call(k: int) -> Call:
        def args() -> tuple[int]:
            built.append(k)
            return (k,)

        return Call(("n", k), lambda x: x * x, args)

    return [call(k) for k in range(n)]


def test_at_most_limit_tasks_are_out_and_results_come_in_the_order_sent() -> None:
    client, built = _Client(), []
    got = list(in_order(client, _calls(50, built), limit=3))  # type: ignore[arg-type]
    assert [tag for tag, _ in got] == [("n", k) for k in range(50)]
    assert [r for _, r in got] == [k * k for k in range(50)]
    assert client.most_out == 3
    assert client.out == 0  # every result released once read


def test_a_tasks_arguments_are_built_only_when_it_is_sent() -> None:
    """The items of the archive are never all pickled at once: the third task's
    arguments do not exist before the first result was read."""
    client, built = _Client(), []
    results = in_order(client, _calls(10, built), limit=2)  # type: ignore[arg-type]
    next(results)
    assert built == [0, 1, 2]


def test_the_client_work_runs_once_the_first_tasks_are_out_even_with_no_tasks() -> None:
    client, built, ran = _Client(), [], []
    list(in_order(client, _calls(4, built), limit=2, meanwhile=lambda: ran.append(list(built))))  # type: ignore[arg-type]
    assert ran == [[0, 1]]
    ran.clear()
    list(in_order(client, [], limit=2, meanwhile=lambda: ran.append("ran")))  # type: ignore[arg-type]
    assert ran == ["ran"]


def test_what_is_still_out_when_the_caller_stops_is_cancelled() -> None:
    client, built = _Client(), []
    results = in_order(client, _calls(10, built), limit=3)  # type: ignore[arg-type]
    next(results)
    results.close()
    assert len(client.cancelled) == 3


@pytest.mark.parametrize(("items", "workers", "parts"), [(0, 2, 4), (10, 2, 4), (CHUNK_ITEMS * 40, 2, 40), (CHUNK_ITEMS * 40 + 1, 4, 41)])
def test_parts_are_two_per_worker_or_more_when_that_keeps_them_small(items: int, workers: int, parts: int) -> None:
    assert part_count(items, workers) == parts


def test_the_items_sent_to_workers_carry_their_documents_without_text() -> None:
    text = "The council hired 12 wardens, 30 cleaners and 4 gardeners. " + "A long article. " * 500
    doc = Document(id="d1", path="a.md", outlet="The Courier", published=date(2026, 3, 1), text=text)
    claims = [c.model_copy(update={"id": f"c{k}", "doc": "d1"}) for k, c in enumerate(extract(text, doc.published))]
    assert len(claims) == 3
    items = [Item(c, doc, k) for k, c in enumerate(claims)]
    stripped: dict[str, Document] = {}
    light = without_texts(items, stripped)
    assert [i.doc.text for i in light] == ["", "", ""]  # type: ignore[union-attr]
    assert {id(i.doc) for i in light} == {id(stripped["d1"])}  # one copy per document
    assert [i.source for i in light] == [i.source for i in items]
    assert [i.claim for i in light] == claims and [i.rank for i in light] == [0, 1, 2]
    assert doc.text == text  # the client's own items keep theirs
    assert items[0].doc is doc


def test_the_frame_tasks_are_made_as_they_are_sent_and_check_what_one_process_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule-free check's parts (items and the texts of their documents) are built
    one at a time as the bounded submission asks for the next task, not all before the
    first is sent; the findings are those of one process. Our own stories
    (tests/check/topics) on a stand-in client that runs each task where it is sent."""
    from pathlib import Path

    from factcheck import pipeline
    from factcheck.check import undefined
    from factcheck.check.engine import run_checks
    from factcheck.cluster.checks import ClusterChecks, check_frames
    from factcheck.extract.documents import extract_documents
    from factcheck.load import load_documents

    folder = Path(__file__).resolve().parents[1] / "check" / "topics"
    rule_set = pipeline.load_rule_set(None)
    docs = [d.model_copy(update={"role": "checked"}) for d in load_documents([str(folder)], role="corpus")]
    claims = extract_documents(docs, pipeline.gazetteer_for(rule_set))
    alone = run_checks(rule_set, docs, claims)

    made: list[int] = []  # parts made so far, noted as each part is made
    made_at_send: list[int] = []  # parts made when each frame task was sent
    real_parts = undefined.parts

    def counted_parts(ctx, count, size=None):  # noqa: ANN001, ANN202
        for n, part in enumerate(real_parts(ctx, count, size), start=1):
            made.append(n)
            yield part

    class _Watching(_Client):
        def submit(self, func: Callable[..., Any], *args: Any, pure: bool = True) -> _Future:
            if func is check_frames:
                made_at_send.append(len(made))
            return super().submit(func, *args, pure=pure)

    monkeypatch.setattr(undefined, "parts", counted_parts)
    # Enough workers that the frame groups are cut into several parts.
    executor = ClusterChecks(_Watching(), rule_set, rule_set, workers=3)  # type: ignore[arg-type]
    spread = run_checks(rule_set, docs, claims, executor=executor)  # type: ignore[arg-type]
    assert len(made) >= 3
    assert made_at_send == list(range(1, len(made) + 1))  # the first sent when one part was made
    assert [f.model_dump_json() for f in spread.findings] == [f.model_dump_json() for f in alone.findings]
    assert spread.comparisons == alone.comparisons and spread.notes == alone.notes
    assert sum(f.rule == "possible-conflict" for f in alone.findings) >= 3  # the frame tasks found something


def test_a_check_kind_split_by_frame_without_parts_is_refused_by_name() -> None:
    """A check module that says ``SPLIT = "frame"`` must cut its groups (``parts``); one
    that does not is named in the error, not an AttributeError from deep in a task."""
    from factcheck import pipeline
    from factcheck.check import REGISTRY
    from factcheck.cluster.checks import frame_split, split_of

    rules = pipeline.load_rule_set(None).checks
    framed = [r for r in rules if split_of(r) == "frame"]
    assert framed and all(callable(frame_split(r).parts) for r in framed)
    unframed = next(r for r in rules if not callable(getattr(REGISTRY[r.kind], "parts", None)))
    with pytest.raises(TypeError, match=repr(unframed.kind)):
        frame_split(unframed)
