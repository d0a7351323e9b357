"""Issue 19, "Hangs and memory far below the size limit": extraction reads within a
budget of numbers per document and per sentence (``factcheck.extract.budget``); what it
does not read is reported as not fully checked, never a hang; the budget is counted,
so the output is the same for any --jobs; a long document is announced even with -q;
peak memory stays within the multiple SECURITY.md documents."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hardening_helpers import assert_ok, run_cli, write_rules

from factcheck.extract import extract
from factcheck.extract.budget import Budget, read_plan

TINY = """\
checks:
  - id: not-fully-checked
    budget: {document_numbers: %d, sentence_numbers: %d}
"""


def _results_row(n: int, start: int = 0) -> str:
    """A sports results list pasted as one "sentence": n scores, commas only."""
    return ", ".join(f"Lane {start + k + 1} finished in {50 + (start + k) % 9}.{k % 10} seconds" for k in range(n))


# -- the plan: what is read ----------------------------------------------------------------
def test_a_sentence_beyond_its_budget_is_read_up_to_the_next_number() -> None:
    text = "The heats were close. " + _results_row(12) + ". The final is on Sunday."
    plan = read_plan(text, Budget(document_numbers=1000, sentence_numbers=10))
    [cut] = plan.cuts
    assert (cut.scope, cut.numbers, cut.read) == ("sentence", 24, 10)  # lane and time: two numbers a result
    # the 11th number ("Lane 6") is the first not read; "seconds" after the 10th is
    assert text[cut.start :].startswith("6 finished")
    assert cut.sentence_start == text.index("Lane 1")
    assert plan.reads(text.index("50.0")) and not plan.reads(text.index("Lane 7") + 5)
    assert plan.reads(text.index("Sunday") - 1)  # the next sentence is read again


def test_a_document_beyond_its_budget_stops_being_read() -> None:
    text = " ".join(f"Ward {k} reported {100 + k} ballots." for k in range(1, 41))
    plan = read_plan(text, Budget(document_numbers=30, sentence_numbers=1000, numbers_per_mib=0))
    [cut] = plan.cuts
    assert (cut.scope, cut.numbers, cut.read) == ("document", 80, 30)
    assert text[plan.limit :].startswith("16 reported")


def test_a_long_document_may_hold_more_numbers_per_mib() -> None:
    budget = Budget(document_numbers=100, sentence_numbers=5000, numbers_per_mib=1000)
    assert budget.document_limit(10_000) == 100
    assert budget.document_limit(5 * 2**20) == 5000


def test_one_cut_sentence_holding_the_rest_of_the_document_says_it_all() -> None:
    text = _results_row(100)
    plan = read_plan(text, Budget(document_numbers=50, sentence_numbers=20, numbers_per_mib=0))
    assert [(c.scope, c.numbers, c.read) for c in plan.cuts] == [("sentence", 200, 20)]


def test_text_within_the_budget_is_read_whole() -> None:
    text = "Prices rose 3.2% in May after 2.9% in April, the agency said. Rents rose 5%."
    plan = read_plan(text, Budget(document_numbers=3, sentence_numbers=2))
    assert plan.cuts == () and plan.limit == len(text)


def test_extraction_stops_at_the_budget() -> None:
    text = _results_row(40)
    claims = extract(text, None, budget=Budget(document_numbers=1000, sentence_numbers=30))
    assert 0 < len(claims) <= 30
    assert max(c.end for c in claims) <= text.index("Lane 16 ")  # the 31st number
    assert len(extract(text, None)) > 30  # the default budget reads it all


# -- the command line -----------------------------------------------------------------------
def _findings(result) -> list[dict]:  # noqa: ANN001
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "not-fully-checked"]


def test_a_dense_sentence_is_reported_as_not_fully_checked(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, TINY % (1000, 16))
    (tmp_path / "heats.txt").write_text(
        "Swimming results.\n\nThe heats were close. " + _results_row(20) + ".\n", encoding="utf-8"
    )
    result = run_cli("run", "heats.txt", "--rules", rules, "--no-default-rules", "--format", "json", cwd=tmp_path)
    assert_ok(result)
    [finding] = _findings(result)
    assert finding["severity"] == "warning"
    assert finding["message"] == "heats.txt: not fully checked: sentence at line 3: 40 numbers, read the first 16"
    claims = {c["id"]: c for c in json.loads(result.stdout)["claims"]}
    assert claims[finding["claim"]]["surface"].startswith("5")  # the last read: lane 8's time
    assert "not fully" not in result.stderr  # the finding says it; no warning as well


def test_the_severity_of_not_fully_checked_is_configurable(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, TINY % (10, 1000))
    (tmp_path / "factcheck.toml").write_text('[severity]\nnot-fully-checked = "error"\n', encoding="utf-8")
    (tmp_path / "wards.txt").write_text(" ".join(f"Ward {k} counted {k * 10} votes." for k in range(1, 9)), encoding="utf-8")
    result = run_cli("run", "wards.txt", "--rules", rules, "--no-default-rules", "--format", "json", cwd=tmp_path)
    assert_ok(result, code=1)  # an error fails the run
    [finding] = _findings(result)
    assert finding["severity"] == "error"
    assert finding["message"].endswith("document: 16 numbers, read the first 10")


def test_cuts_no_finding_reports_are_warned(tmp_path: Path) -> None:
    """``factcheck extract`` runs no checks: the cut is a warning on stderr instead."""
    rules = write_rules(tmp_path, TINY % (1000, 16))
    (tmp_path / "heats.txt").write_text(_results_row(20) + ".\n", encoding="utf-8")
    result = run_cli("extract", "heats.txt", "--rules", rules, "--no-default-rules", "--format", "json", "-q", cwd=tmp_path)
    assert_ok(result)
    assert result.warnings == ["factcheck: warning: heats.txt: not fully read: sentence at line 1: 40 numbers, read the first 16"]


def test_the_budget_gives_the_same_bytes_for_any_jobs(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, TINY % (60, 25))
    for k in range(3):
        (tmp_path / f"meet-{k}.txt").write_text(_results_row(40, start=k * 7) + ".\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        result = run_cli(
            "run", "meet-0.txt", "meet-1.txt", "meet-2.txt", "--rules", rules, "--no-default-rules", "--format", "json", "--jobs", jobs,
            cwd=tmp_path, env={"FACTCHECK_PARALLEL_MIN_CHARS": "0"},
        )
        assert_ok(result)
        outputs.append(result.stdout)
        assert len(_findings(result)) == 3
    assert outputs[0] == outputs[1]


def test_a_long_document_is_announced_even_with_quiet(tmp_path: Path) -> None:
    # Few figures, so that reading it stays quick: the line is about size alone.
    long_text = "The ferry left the harbour at dawn and the sea was calm.\n" * 18_500 + "It carried 12 cars.\n"
    assert 2**20 <= len(long_text) < 1.05 * 2**20
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "short.txt").write_text("The ferry carried 12 cars.\n", encoding="utf-8")
    result = run_cli("extract", "long.txt", "short.txt", "-q", "--format", "json", "-o", "claims.json", cwd=tmp_path)
    assert_ok(result)
    assert result.stderr.splitlines() == ["factcheck: reading long.txt (1.0 MiB of text)\u2026"]


# -- memory ---------------------------------------------------------------------------------
_PEAK = (
    "import resource, sys\n"
    "from factcheck.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit as exit:\n"
    "    assert exit.code in (0, 1, None), exit.code\n"
    "sys.stderr.write(f'\\nPEAK_RSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
)

# SECURITY.md, promise 8: peak memory over the program's own is at most TEXT_MULTIPLE
# times the largest document plus PER_CLAIM_KB for each claim read (the budget bounds
# the claims). benchmarks/bench_budget.py measures both.
TEXT_MULTIPLE = 20
PER_CLAIM_KB = 25


def _peak_mb(tmp_path: Path, *args: str) -> float:
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-c", _PEAK, *args], check=False, cwd=tmp_path, capture_output=True, timeout=900, stdin=subprocess.DEVNULL,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return int(err.rsplit("PEAK_RSS_KB=", 1)[1].split()[0]) / 1024


def _benchmark(name: str) -> ModuleType:
    """``benchmarks/NAME.py``, imported with the benchmarks' own ``_common``: ``fuzz/``
    has a module of that name too, and whichever a test process imported first would
    otherwise be the one both get."""
    folder = str(Path(__file__).resolve().parents[2] / "benchmarks")
    other = sys.modules.pop("_common", None)
    sys.path.insert(0, folder)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(folder)
        sys.modules.pop("_common", None)
        if other is not None:
            sys.modules["_common"] = other


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB, Linux")
def test_dense_text_stays_within_the_documented_memory_bound(tmp_path: Path) -> None:
    """Figures and no full stop, 512 KiB (256 KiB of it took 1.1 GB and never finished):
    the sentence is cut at its budget, reported, and peak memory over a one-line run's
    stays within TEXT_MULTIPLE x the text + PER_CLAIM_KB x the claims read."""
    dense_text = _benchmark("bench_budget").dense_text

    size = 512 * 1024
    (tmp_path / "dense.txt").write_text(dense_text(size), encoding="utf-8")
    (tmp_path / "one.txt").write_text("One line.\n", encoding="utf-8")
    common = ("-q", "--jobs", "1", "--format", "json")
    base = _peak_mb(tmp_path, "run", "one.txt", *common, "-o", "one.json")
    peak = _peak_mb(tmp_path, "run", "dense.txt", *common, "-o", "dense.json")
    report = json.loads((tmp_path / "dense.json").read_text(encoding="utf-8"))
    [cut] = [f for f in report["findings"] if f["rule"] == "not-fully-checked"]
    assert "read the first 5,000" in cut["message"]
    claims = len(report["claims"])
    assert 4000 < claims <= 5000
    bound = TEXT_MULTIPLE * size / 2**20 + PER_CLAIM_KB * claims / 1024
    assert peak - base < bound, f"{peak - base:.0f} MB over the baseline for {size // 1024} KiB and {claims:,} claims (bound {bound:.0f} MB)"


def test_documented_budget_and_memory_bound_are_the_code_s() -> None:
    """SECURITY.md (promises 8 and 9), docs/configuration.md and rules/general.yaml
    state the budget the code applies, and the memory bound this module tests."""
    import yaml

    from factcheck.check.budget import BudgetOptions
    from factcheck.extract.budget import DEFAULT_BUDGET
    from factcheck.pipeline import LONG_DOCUMENT_CHARS

    repo = Path(__file__).resolve().parents[2]
    security = (repo / "SECURITY.md").read_text(encoding="utf-8")
    configuration = (repo / "docs" / "configuration.md").read_text(encoding="utf-8")
    stated = (
        f"at most\n   {DEFAULT_BUDGET.document_numbers:,} numbers",
        f"{DEFAULT_BUDGET.numbers_per_mib:,} per MiB",
        f"at most {DEFAULT_BUDGET.sentence_numbers:,} of one sentence",
        f"at most {TEXT_MULTIPLE} times the largest document plus\n   {PER_CLAIM_KB} KB for each claim read",
        f"{LONG_DOCUMENT_CHARS // 2**20} MiB of text or more",
    )
    for shown in stated:
        assert shown in security, f"SECURITY.md does not state {shown!r}"
    for shown in (f"{DEFAULT_BUDGET.document_numbers:,} numbers", f"{DEFAULT_BUDGET.sentence_numbers:,} of one sentence"):
        assert shown in configuration.replace("\n", " "), shown
    shipped = yaml.safe_load((repo / "rules" / "general.yaml").read_text(encoding="utf-8"))
    [rule] = [c for c in shipped["checks"] if c["id"] == "not-fully-checked"]
    assert BudgetOptions(**rule["budget"]).budget() == DEFAULT_BUDGET
