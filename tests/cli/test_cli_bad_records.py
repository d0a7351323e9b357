"""A JSON Lines export with bad lines: the good records are checked, each bad one is
listed as FILE:LINE:COL on stderr and the command exits 2 at the end; --strict-records
refuses the file as before (issue 19)."""

from __future__ import annotations

import json

import pytest

_EXPORT = (
    '{"text": "The hospital opened 40 new beds.", "published": "2024-02-01", "id": "h1"}\n'
    '{"text": "Rents rose 7 percent"\n'
    '{"text": "The harbour handled 1,200 containers a day.", "published": "2024-02-02", "id": "h2"}\n'
    '{"headline": "no text at all"}\n'
)


@pytest.fixture
def export(tmp_path):
    f = tmp_path / "cms.jsonl"
    f.write_text(_EXPORT, encoding="utf-8")
    return f


def _bad_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("factcheck: error:")]


def test_extract_reports_the_good_records_and_lists_each_bad_one_then_exits_2(cli, export):
    r = cli("extract", str(export), "--format", "json")
    assert r.code == 2 and "Traceback" not in r.stderr
    docs = {d["path"] for d in json.loads(r.stdout)["documents"]}
    assert docs == {f"{export}#h1", f"{export}#h2"}
    errors = _bad_lines(r.stderr)
    assert errors[0].startswith(f"factcheck: error: {export}:2:") and "invalid JSON" in errors[0]
    assert errors[1].startswith(f"factcheck: error: {export}:4:1: record 4 has no text")
    assert errors[2].startswith("factcheck: error: 2 bad record(s) left out")
    assert len(errors) == 3


def test_strict_records_refuses_the_whole_file_at_its_first_bad_record(cli, export):
    r = cli("extract", str(export), "--strict-records")
    assert r.code == 2 and r.stdout == ""
    assert _bad_lines(r.stderr) == [f"factcheck: error: {export}:2:32: invalid JSON: Expecting ',' delimiter"]


def test_run_checks_the_good_records_of_a_file_with_bad_ones(cli, export, tmp_path):
    r = cli("run", str(export), "--corpus", str(tmp_path / "empty"), "--format", "json", "--fail-on", "never")
    # The corpus folder does not exist: refused before anything is read.
    assert r.code == 2
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "old.txt").write_text("The hospital had 35 beds in its new wing.\n", encoding="utf-8")
    r = cli("run", str(export), "--corpus", str(tmp_path / "corpus"), "--format", "json", "--fail-on", "never")
    assert r.code == 2 and "Traceback" not in r.stderr
    checked = {d["path"] for d in json.loads(r.stdout)["documents"] if d["role"] == "checked"}
    assert checked == {f"{export}#h1", f"{export}#h2"}
    assert _bad_lines(r.stderr)[-1].startswith("factcheck: error: 2 bad record(s) left out")


def test_index_adds_the_good_records_and_exits_2_for_the_bad_ones(cli, export, tmp_path):
    target = tmp_path / "claims.sqlite3"
    r = cli("index", str(export), "--index", str(target))
    assert r.code == 2 and "indexed 2 document(s)" in r.stderr and target.exists()
    strict = cli("index", str(export), "--index", str(tmp_path / "strict.sqlite3"), "--strict-records")
    assert strict.code == 2 and "indexed" not in strict.stderr
