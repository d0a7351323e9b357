"""Numbers a float cannot hold are kept as claims, never dropped without a word, and are
not compared as if exact (issue 19)."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.extract import extract

LARGEST = sys.float_info.max


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The telescope counted 1.8e308 photons in the survey.", "1.8e308"),
        ("Rainfall of 7e999 litres is what the model printed.", "7e999"),
        ("The ledger showed " + "8" * 10_000 + " entries.", "8" * 10_000),
        ("The fine came to $" + "4" * 5_000 + " in all.", "$" + "4" * 5_000),
    ],
)
def test_a_number_beyond_any_float_is_kept_as_an_unrepresentable_claim(text: str, surface: str) -> None:
    [claim] = [c for c in extract(text) if c.unrepresentable]
    assert claim.surface.startswith(surface[:20]) and text[claim.start : claim.end] == claim.surface
    # vague, value unknown, and the interval only what is certain: at least the largest float
    assert (claim.value, claim.qualifier, claim.lower, claim.upper) == (None, "vague", LARGEST, None)


def test_a_negative_number_beyond_any_float_is_at_most_the_lowest_float() -> None:
    [claim] = extract("The sensor logged -9e500 degrees before it failed.")
    assert claim.unrepresentable and (claim.lower, claim.upper) == (None, -LARGEST)


def test_other_figures_of_the_sentence_are_still_read() -> None:
    claims = extract("Between 1e400 grains and 12 bags of rice were handed out in 3 towns.")
    assert [c.unrepresentable for c in claims] == [True, False, False]
    assert [c.value for c in claims[1:]] == [12, 3]


@pytest.mark.parametrize(
    "written",
    ["999,999,999,999,999,999,999", "12345678901234567891", "98,765,432,109,876,543,211"],
)
def test_a_whole_number_a_float_rounds_keeps_its_digits_and_an_interval_around_them(written: str) -> None:
    [claim] = extract(f"The archive holds {written} records, the registrar said.")
    digits = written.replace(",", "")
    assert claim.exact == digits and not claim.unrepresentable
    assert Decimal(claim.lower) <= Decimal(digits) <= Decimal(claim.upper)
    assert claim.lower < claim.upper  # not the single float it rounds to


def test_a_whole_number_a_float_holds_has_no_exact_digits() -> None:
    # 2**53 is a float exactly
    [claim] = extract("The registry lists 9,007,199,254,740,992 members.")
    assert claim.exact is None and claim.value == 9007199254740992


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_unrepresentable_claims_are_in_the_json_and_in_no_finding(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "old.md").write_text("---\npublished: 2024-04-01\n---\nOfficials said 40 people were killed.\n", encoding="utf-8")
    (tmp_path / "d.md").write_text(
        "---\npublished: 2024-04-02\n---\nOfficials said 1e400 people were killed. Officials said 40 people were killed.\n"
        "Another count gave " + "6" * 4_000 + " people killed.\n",
        encoding="utf-8",
    )
    proc = _cli("run", "d.md", "--corpus", "corpus", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    odd = [c for c in data["claims"] if c.get("unrepresentable")]
    assert len(odd) == 2 and all(c["value"] is None and c["qualifier"] == "vague" and c["figure"] is None for c in odd)
    flagged = {f["claim"] for f in data["findings"]} | {e for f in data["findings"] for e in f["evidence"]}
    assert not flagged & {c["id"] for c in odd}
    # the field is there only when set: every other claim's record is as before
    assert all("unrepresentable" not in c and "exact" not in c for c in data["claims"] if c not in odd)
    contract = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "check_contract.py"
    if contract.exists():
        checked = subprocess.run([sys.executable, str(contract), "--run"], input=proc.stdout, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout


def test_a_fraction_of_hundreds_of_digits_is_read_with_an_interval_that_covers_it() -> None:
    # Its place value is below any float: the interval must not shrink to the point 0.
    [claim] = extract("The leak rate was 0." + "0" * 400 + "1 litres a second.")
    assert not claim.unrepresentable and claim.lower < claim.upper and claim.upper > 0
