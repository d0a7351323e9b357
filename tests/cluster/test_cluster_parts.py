"""The parts of --cluster that need no Dask: what an address means, how figures are
grouped into units and partitions, how pieces of a rule's output are joined, and that
the core install never imports Dask."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.check.base import Comparison
from factcheck.check.parallel import RuleOutput
from factcheck.cluster import ClusterError, parse_address
from factcheck.cluster.checks import split_by_document
from factcheck.cluster.fingerprint import fingerprint, rules_digest
from factcheck.cluster.merge import PartitionOutput, assemble, joined
from factcheck.cluster.units import document_ranges, figure_units, partitions

REPO = Path(__file__).resolve().parents[2]


def test_local_n_starts_n_workers_and_anything_else_is_a_scheduler_address() -> None:
    assert parse_address("local:3").local == 3
    assert parse_address("tcp://127.0.0.1:8786").address == "tcp://127.0.0.1:8786"
    assert parse_address("scheduler.example:8786").address == "scheduler.example:8786"


@pytest.mark.parametrize("value", ["local:0", "", "tcp://a b:1", "local:x y"])
def test_a_bad_cluster_value_is_a_clear_error_with_exit_2(value: str) -> None:
    with pytest.raises(ClusterError) as raised:
        parse_address(value)
    assert raised.value.exit_code == 2


def test_the_figures_of_a_relation_are_one_unit_and_every_figure_is_in_one() -> None:
    rule_set = pipeline.load_rule_set(None)
    units = figure_units(rule_set)
    assert sorted(f for unit in units for f in unit) == sorted(rule_set.figures)
    assert rule_set.expressions  # the shipped rules have relations to keep together
    for relation in rule_set.expressions.values():
        names = list(relation.variables())
        holding = [unit for unit in units if names[0] in unit]
        assert len(holding) == 1 and set(names) <= set(holding[0])


def test_a_part_figure_is_in_the_unit_of_its_whole() -> None:
    rule_set = pipeline.load_rule_set(None)
    units = figure_units(rule_set)
    parts = [f for f in rule_set.figures.values() if f.part_of]
    assert parts  # the shipped rules have parts (children among the dead)
    for figure in parts:
        assert [u for u in units if figure.id in u] == [u for u in units if figure.part_of in u]


def test_units_are_never_split_between_partitions_and_none_is_lost() -> None:
    units = [["a", "b"], ["c"], ["d", "e", "f"], ["g"]]
    sizes = {"a": 10, "b": 5, "c": 40, "d": 1, "g": 3}
    packed = partitions(units, sizes, 2)
    assert sorted(f for p in packed for f in p) == list("abcdefg")
    for unit in units:
        assert sum(set(unit) <= set(p) for p in packed) == 1
    assert partitions(units, sizes, 2) == packed  # the packing is deterministic


def test_pieces_of_a_rule_are_joined_in_the_recorded_figure_order_with_notes_once() -> None:
    def piece(figure: str) -> RuleOutput:
        return RuleOutput([], [Comparison("r", f"{figure}-claim", (), True)], ["shared note", f"note {figure}"])

    # Partitions come back in any order; figure order is what the rule recorded.
    results = [
        PartitionOutput(pieces={(0, "b"): piece("b")}, orders={0: ["a", "b", "c"]}),
        PartitionOutput(pieces={(0, "c"): piece("c"), (0, "a"): piece("a")}, orders={0: ["a", "b", "c"]}),
    ]
    done, left = assemble([0], results)
    assert left == []
    assert [c.claim for c in done[0].comparisons] == ["a-claim", "b-claim", "c-claim"]
    assert done[0].notes == ["shared note", "note a", "note b", "note c"]
    assert joined([piece("x"), piece("x")]).notes == ["shared note", "note x"]


def test_a_rule_that_cannot_be_cut_by_figure_or_lacks_a_piece_runs_on_the_client() -> None:
    results = [PartitionOutput(uncut={0}), PartitionOutput(pieces={(1, "a"): RuleOutput()}, orders={1: ["a", "b"]})]
    done, left = assemble([0, 1], results)
    assert done == {} and left == [0, 1]


def test_the_fingerprint_changes_with_the_rules() -> None:
    rule_set = pipeline.load_rule_set(None)
    other = pipeline.load_rule_set(None)
    assert fingerprint(rule_set) == fingerprint(other)
    other.checks = other.checks[:-1]
    assert rules_digest(other) != rules_digest(rule_set)


# Runs factcheck in a fresh interpreter where Dask cannot be imported (as in the core
# install without the dask extra), then a command line.
_WITHOUT_DASK = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"no {name} here")
        return None
sys.meta_path.insert(0, Block())
import importlib.util
importlib.util.find_spec = (lambda real: lambda name, *a: None if name.split(".")[0] in ("dask", "distributed") else real(name, *a))(importlib.util.find_spec)
from factcheck.cli.main import main
main(sys.argv[1:])
"""


def _without_dask(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _WITHOUT_DASK, *args], capture_output=True, text=True, timeout=300)


def test_the_core_install_runs_without_dask() -> None:
    proc = _without_dask("run", "--fail-on", "never", "--quiet")
    assert proc.returncode == 0, proc.stderr


def test_cluster_without_dask_says_which_extra_to_install_with_exit_2() -> None:
    proc = _without_dask("run", "--fail-on", "never", "--quiet", "--cluster", "local:2")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "factcheck: error: --cluster needs Dask: pip install 'factcheck[dask]'" in proc.stderr


def _internal_outputs_whole_and_by_documents(parts: int) -> tuple[list[RuleOutput], list[RuleOutput]]:
    """Each ``internal`` rule of the shipped rules over a generated archive's items at
    once, and over ``document_ranges`` of them with the outputs joined."""
    from factcheck.check.base import Context
    from factcheck.check.engine import _Run
    from factcheck.check.parallel import _run_here
    from factcheck.extract.documents import extract_documents
    from factcheck.load import load_documents

    sys.path.insert(0, str(REPO / "benchmarks"))
    import corpus as generator

    sys.path.remove(str(REPO / "benchmarks"))
    import tempfile

    rule_set = pipeline.load_rule_set(None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = generator.write_corpus(Path(tmp) / "corpus", 120, seed=11)
        docs = [d.model_copy(update={"role": "checked"}) for d in load_documents([str(folder)], role="corpus")]
    run = _Run(rule_set, docs, extract_documents(docs, pipeline.gazetteer_for(rule_set)), None, {}, 1)
    ctx = run.context(False)
    internal = [r for r in rule_set.checks if split_by_document(r)]
    assert {r.id for r in internal} >= {"same-figure-twice", "same-count-twice"}
    whole = [_run_here(ctx, rule, run.run_rule) for rule in internal]
    ranges = document_ranges(ctx.items, parts)
    assert len(ranges) == parts
    split = [
        joined([_run_here(Context(rule_set, part, None), rule, run.run_rule) for part in ranges]) for rule in internal
    ]
    return whole, split


def test_internal_checks_over_ranges_of_documents_joined_are_the_checks_over_all_claims() -> None:
    whole, split = _internal_outputs_whole_and_by_documents(parts=3)
    assert sum(len(o.findings) for o in whole) > 0 and sum(len(o.comparisons) for o in whole) > 10
    for a, b in zip(whole, split, strict=True):
        assert [f.model_dump_json() for f in a.findings] == [f.model_dump_json() for f in b.findings]
        assert a.comparisons == b.comparisons and a.notes == b.notes


def test_document_ranges_never_cut_a_document_and_keep_every_checked_item_once() -> None:
    from dataclasses import dataclass

    @dataclass(eq=False)  # each item is itself, as the checks' items are
    class Fake:
        doc_id: str
        checked: bool = True

    items = [Fake(d) for d in "cabbcaddea"] + [Fake("z", checked=False)]
    ranges = document_ranges(items, 3)  # type: ignore[arg-type]
    assert sorted(id(i) for r in ranges for i in r) == sorted(id(i) for i in items if i.checked)
    docs = [sorted({i.doc_id for i in r}) for r in ranges]
    assert [d for part in docs for d in part] == sorted({i.doc_id for i in items if i.checked})
    for r in ranges:  # order kept within a range
        assert [items.index(i) for i in r] == sorted(items.index(i) for i in r)


def _undefined_whole_and_by_frames(folder: Path, parts: int) -> tuple[RuleOutput, RuleOutput, int]:
    """The ``undefined`` rule of the shipped rules over the documents of ``folder`` at
    once, and over ``undefined.parts`` of its frame groups (each in a context of its own
    items, names seeded from the texts sent with it) with the outputs joined; and how
    many parts there were."""
    from factcheck.check import names, undefined
    from factcheck.check.base import Context
    from factcheck.check.engine import _Run
    from factcheck.check.parallel import _run_here
    from factcheck.extract.documents import extract_documents
    from factcheck.load import load_documents

    rule_set = pipeline.load_rule_set(None)
    docs = [d.model_copy(update={"role": "checked"}) for d in load_documents([str(folder)], role="corpus")]
    run = _Run(rule_set, docs, extract_documents(docs, pipeline.gazetteer_for(rule_set)), None, {}, 1)
    rule = next(r for r in rule_set.checks if r.kind == "undefined")
    whole = _run_here(run.context(False), rule, run.run_rule)
    cut = list(undefined.parts(run.context(False), parts))
    pieces = []
    for items, texts in cut:
        ctx = Context(rule_set, items, None)
        names.seed(ctx, texts)
        pieces.append(_run_here(ctx, rule, run.run_rule))
    return whole, joined(pieces), len(cut)


def test_the_rule_free_check_over_ranges_of_frame_groups_joined_is_the_check_over_all_claims() -> None:
    """Our own stories (tests/check/topics: planted budget, workforce and enrolment
    conflicts across outlets) cut into three ranges of frame groups: the same findings,
    comparisons and notes, in the same order, as checking them all at once, even though
    a range holds only some of a story's claims (its names still come from all)."""
    whole, split, count = _undefined_whole_and_by_frames(REPO / "tests" / "check" / "topics", parts=3)
    assert count == 3
    assert len(whole.findings) >= 3 and len(whole.comparisons) >= 3
    assert [f.model_dump_json() for f in whole.findings] == [f.model_dump_json() for f in split.findings]
    assert whole.comparisons == split.comparisons and whole.notes == split.notes


def test_a_range_of_frame_groups_without_the_seeded_names_would_read_fewer_names() -> None:
    """Why the texts travel with a part: a part's items hold only some sentences of a
    story, and the names read from them alone can differ from the story's."""
    from factcheck.check import undefined
    from factcheck.check.base import Context
    from factcheck.check.engine import _Run
    from factcheck.check.names import texts_of
    from factcheck.extract.documents import extract_documents
    from factcheck.load import load_documents

    rule_set = pipeline.load_rule_set(None)
    folder = REPO / "tests" / "check" / "topics"
    docs = [d.model_copy(update={"role": "checked"}) for d in load_documents([str(folder)], role="corpus")]
    run = _Run(rule_set, docs, extract_documents(docs, pipeline.gazetteer_for(rule_set)), None, {}, 1)
    differs = False
    for items, texts in undefined.parts(run.context(False), 3):
        own = texts_of(Context(rule_set, items, None), {i.doc_id for i in items})
        assert all(set(own[d]) <= set(texts[d]) for d in own)
        differs |= own != texts
    assert differs
