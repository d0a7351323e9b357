"""Reference series files: CSV and JSONL next to the rules, row-numbered errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck.intervals import Interval
from factcheck.rules.reference import load_points, point_interval, point_surface
from factcheck.rules.schema import ReferencePoint


def test_csv_with_comments_and_empty_cells(tmp_path: Path) -> None:
    f = tmp_path / "s.csv"
    f.write_text("# source: ministry\ndate,value,qualifier,lower,upper,source\n2024-05-25,35903,exact,,,\n2024-05-17,129,approx,128,130,Reuters\n", encoding="utf-8")
    points, errors = load_points(f, "s.csv")
    assert errors == []
    assert [(p.date, p.value, p.source) for p in points] == [(date(2024, 5, 25), 35903, None), (date(2024, 5, 17), 129, "Reuters")]
    assert point_interval(points[1]) == Interval(128, 130)


def test_jsonl_rows(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    f.write_text('{"date": "2024-05-25", "value": 35903}\n\n{"date": "2024-05-26", "value": 35984, "note": "x"}\n', encoding="utf-8")
    points, errors = load_points(f, "s.jsonl")
    assert errors == [] and len(points) == 2


def test_every_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    f.write_text('{"date": "2024-05-25", "value": 1}\n{"date": "x"}\n[1]\n{bad\n{"dat": "2024-01-01", "value": 2}\n', encoding="utf-8")
    _, errors = load_points(f, "s.jsonl")
    assert [str(e) for e in errors] == [
        "s.jsonl:2: date: expected a date YYYY-MM-DD, got 'x'",
        "s.jsonl:2: missing 'value'",
        "s.jsonl:3:1: expected a JSON object per line",
        "s.jsonl:4:2: invalid JSON: Expecting property name enclosed in double quotes",
        "s.jsonl:5: missing 'date'",
        "s.jsonl:5: unknown field 'dat'; did you mean 'date'?",
    ]


def test_csv_header_problems(tmp_path: Path) -> None:
    f = tmp_path / "s.csv"
    f.write_text("day,value,qualifer\n", encoding="utf-8")
    _, errors = load_points(f, "s.csv")
    assert [str(e) for e in errors] == [
        "s.csv:1:1: unknown column 'day' (expected: date, value, qualifier, lower, upper, source, url, note)",
        "s.csv:1:3: unknown column 'qualifer'; did you mean 'qualifier'? (expected: date, value, qualifier, lower, upper, source, url, note)",
        "s.csv:1: missing column 'date'",
    ]


def test_missing_file_and_unknown_type(tmp_path: Path) -> None:
    assert str(load_points(tmp_path / "none.csv", "none.csv")[1][0]) == "none.csv: reference file not found"
    (tmp_path / "s.txt").write_text("x", encoding="utf-8")
    assert "use .csv or .jsonl" in str(load_points(tmp_path / "s.txt", "s.txt")[1][0])


def test_points_show_their_qualifier() -> None:
    assert point_surface(ReferencePoint(date=date(2024, 4, 7), value=130, qualifier="approx")) == "about 130"
    assert point_surface(ReferencePoint(date=date(2024, 5, 25), value=35903)) == "35,903"
