"""Issue 8, "Metadata": malformed front matter, a publication date in an unknown format,
a date in the future, a manifest naming files that do not exist.

Decisions: an unknown date format is an error (exit 2) at file:line:column; a date in
the future is accepted (an embargoed draft carries tomorrow's date) with a warning
naming the file, and the document is checked as of that date; a manifest record for a
missing file is a warning at the record, and the other records still apply."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from hardening_helpers import assert_ok, assert_refused, run_cli

BODY = "Israel's offensive has killed over 30,000 Palestinians, the Gaza health ministry said.\n"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("front", "where", "fragment"),
    [
        ("---\ntitle: [unclosed\n---\n", "draft.md:3:1", "YAML syntax error"),
        ("---\ntitle: Ok\noutlet: {a: 1}\n---\n", "draft.md:3:9", "'outlet' must be text"),
        ("---\ntitle: x\ntitle: y\n---\n", "draft.md:3:1", "duplicate key 'title'"),
        ("---\n- a list\n- not a mapping\n---\n", "draft.md:2:1", "front matter must be a mapping"),
        ("---\ntitle: never closed\n", "draft.md:1:1", "never closed"),
        ("---\ntitle: !!python/object/apply:os.system ['true']\n---\n", "draft.md:2:8", "unsupported YAML tag"),
    ],
    ids=["syntax", "wrong-type", "duplicate-key", "not-a-mapping", "unclosed", "python-tag"],
)
def test_malformed_front_matter(tmp_path: Path, front: str, where: str, fragment: str) -> None:
    _write(tmp_path / "draft.md", front + BODY)
    assert_refused(run_cli("run", "draft.md", cwd=tmp_path), where, fragment)


@pytest.mark.parametrize("value", ["26 March 2024", "03/26/2024", "2024-02-30", "yesterday", "2024-3-26"])
def test_publication_date_in_an_unknown_format_in_front_matter(tmp_path: Path, value: str) -> None:
    _write(tmp_path / "draft.md", f"---\ntitle: T\npublished: {value}\n---\n{BODY}")
    message = assert_refused(run_cli("run", "draft.md", cwd=tmp_path), "draft.md:3:12", "invalid date")
    assert "YYYY-MM-DD" in message


def test_publication_date_in_an_unknown_format_in_a_manifest(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    _write(archive / "a.txt", BODY)
    _write(archive / "sources.yaml", "- file: a.txt\n  title: A\n  published: 26/03/2024\n")
    assert_refused(run_cli("extract", "archive", cwd=tmp_path), "archive/sources.yaml:3:14", "invalid date", "YYYY-MM-DD")


def test_publication_date_in_an_unknown_format_in_a_json_record(tmp_path: Path) -> None:
    _write(tmp_path / "cms.jsonl", json.dumps({"text": BODY, "published": "March 26"}) + "\n")
    result = run_cli("extract", "cms.jsonl", cwd=tmp_path)
    assert "Traceback" not in result.stderr and result.code == 2, result.stderr
    assert result.errors and result.errors[0].startswith("factcheck: error: cms.jsonl"), result.stderr
    assert "invalid date" in result.errors[0]


def test_publication_date_in_an_unknown_format_on_the_command_line(tmp_path: Path) -> None:
    _write(tmp_path / "draft.txt", BODY)
    result = run_cli("run", "draft.txt", "--published", "26.03.2024", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.stderr
    assert result.errors == ["factcheck: error: --published '26.03.2024': expected a date as YYYY-MM-DD"]


def test_publication_date_in_the_future_is_a_warning_and_still_checked(tmp_path: Path) -> None:
    future = date.today() + timedelta(days=400)
    _write(tmp_path / "draft.md", f"---\ntitle: Embargoed\npublished: {future.isoformat()}\n---\n{BODY}")
    result = run_cli("run", "draft.md", "--format", "json", cwd=tmp_path)
    # Checked as of that date: a 2024 toll given as the toll of a later date is a finding.
    assert_ok(result, code=1)
    assert result.warnings == [
        f"factcheck: warning: draft.md: publication date {future.isoformat()} is in the future "
        f"(today is {date.today().isoformat()}); checked as of that date"
    ]
    data = json.loads(result.stdout)
    [doc] = [d for d in data["documents"] if d["role"] == "checked"]
    assert doc["published"] == future.isoformat()
    [claim] = [c for c in data["claims"] if c["doc"] == doc["id"]]
    assert claim["as_of"] == future.isoformat() and claim["figure"] == "gaza_death_toll"
    assert [f for f in data["findings"] if f["claim"] == claim["id"] and f["severity"] == "error"]


def test_publication_date_in_the_future_from_the_command_line(tmp_path: Path) -> None:
    _write(tmp_path / "draft.txt", BODY)
    future = (date.today() + timedelta(days=2)).isoformat()
    result = run_cli("extract", "draft.txt", "--published", future, cwd=tmp_path)
    assert_ok(result)
    assert len(result.warnings) == 1 and f"draft.txt: publication date {future} is in the future" in result.warnings[0]


def test_manifest_naming_files_that_do_not_exist(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    _write(archive / "a.txt", BODY)
    _write(
        archive / "sources.yaml",
        "- file: a.txt\n  title: Present\n  published: 2024-03-26\n"
        "- file: deleted.txt\n  title: Gone\n"
        "- file: sub/also-gone.md\n",
    )
    result = run_cli("extract", "archive", "--format", "json", cwd=tmp_path)
    assert_ok(result)
    assert result.warnings == [
        "factcheck: warning: archive/sources.yaml:4:9: the manifest lists 'deleted.txt', which does not exist; its record is not used",
        "factcheck: warning: archive/sources.yaml:6:9: the manifest lists 'sub/also-gone.md', which does not exist; its record is not used",
    ]
    [doc] = json.loads(result.stdout)["documents"]
    assert (doc["title"], doc["published"]) == ("Present", "2024-03-26")


@pytest.mark.parametrize(
    ("manifest", "where", "fragment"),
    [
        ("- file: a.txt\n  title: [x\n", "archive/sources.yaml:3:1", "YAML syntax error"),
        ("file: a.txt\n", "archive/sources.yaml:1:1", "must be a list of records"),
        ("- title: no file key\n", "archive/sources.yaml:1:3", "needs 'file'"),
        ("- file: a.txt\n- file: ./a.txt\n", "archive/sources.yaml:2:9", "listed twice"),
    ],
    ids=["syntax", "not-a-list", "no-file", "twice"],
)
def test_malformed_manifest(tmp_path: Path, manifest: str, where: str, fragment: str) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    _write(archive / "a.txt", BODY)
    _write(archive / "sources.yaml", manifest)
    assert_refused(run_cli("extract", "archive", cwd=tmp_path), where, fragment)
