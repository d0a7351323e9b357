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


def test_an_unterminated_quote_is_reported_where_it_opens_without_the_swallowed_rows(tmp_path: Path) -> None:
    # Issue 19: it was reported at the last line, the rows after the quote as the value.
    f = tmp_path / "rain.csv"
    f.write_text(
        'date,value,note\n2023-07-01,41,gauge A\n2023-07-02,"38,gauge B\n2023-07-03,52,gauge C\n2023-07-04,47,gauge D\n',
        encoding="utf-8",
    )
    points, errors = load_points(f, "rain.csv")
    assert [str(e) for e in errors] == ["rain.csv:3:12: unterminated quote: the quoted cell that opens here is never closed"]
    assert [p.value for p in points] == [41]  # the rows before it are still read


def test_closed_quoted_cells_across_lines_and_doubled_quotes_are_not_unterminated(tmp_path: Path) -> None:
    f = tmp_path / "wind.csv"
    f.write_text(
        'date,value,note\n2023-01-05,"90",\n2023-01-06,88,"gusts ""up to"" 120,\nsaid the service"\n'
        '2023-01-07,70,a "quoted" word mid-cell\n',
        encoding="utf-8",
    )
    points, errors = load_points(f, "wind.csv")
    assert errors == [] and [p.value for p in points] == [90, 88, 70]
    assert points[1].note == 'gusts "up to" 120,\nsaid the service'


def test_a_doubled_quote_before_the_end_of_the_file_does_not_close_the_cell(tmp_path: Path) -> None:
    f = tmp_path / "tide.csv"
    f.write_text('date,value,note\n2023-03-01,4,fine\n2023-03-02,5,"high ""\n', encoding="utf-8")
    _, errors = load_points(f, "tide.csv")
    assert [str(e) for e in errors] == ["tide.csv:3:14: unterminated quote: the quoted cell that opens here is never closed"]


def test_impossible_values_in_a_series_file_are_bad_rows(tmp_path: Path) -> None:
    # Issue 19: a negative count, -1e308 and a date of 9999-12-31 passed validation.
    f = tmp_path / "shelters.csv"
    f.write_text(
        "date,value,lower\n2024-02-01,310,\n2024-02-02,-12,\n2024-02-03,-1e308,\n2024-02-04,300,-5\n9999-12-31,305,\n",
        encoding="utf-8",
    )
    points, errors = load_points(f, "shelters.csv")
    assert [p.value for p in points] == [310]
    assert [str(e).split(" is ")[0] for e in errors] == [
        "shelters.csv:3: value: -12",
        "shelters.csv:4: value: -1e+308",
        "shelters.csv:5: lower: -5",
        "shelters.csv:6: date: 9999-12-31",
    ]
    assert "signed: true" in str(errors[0]) and "after today" in str(errors[3])


def test_a_signed_figure_may_have_values_below_zero(tmp_path: Path) -> None:
    f = tmp_path / "balance.jsonl"
    f.write_text('{"date": "2024-03-31", "value": -2.5e9}\n{"date": "2024-06-30", "value": 1.1e9}\n', encoding="utf-8")
    points, errors = load_points(f, "balance.jsonl", signed=True)
    assert errors == [] and [p.value for p in points] == [-2.5e9, 1.1e9]
    _, unsigned = load_points(f, "balance.jsonl")
    assert [str(e).split(":")[:2] for e in unsigned] == [["balance.jsonl", "1"]]


def test_a_date_a_little_ahead_is_accepted_as_an_embargoed_release() -> None:
    from datetime import timedelta

    from factcheck.rules.reference import FUTURE_DAYS, impossible

    today = date(2025, 1, 10)
    near = ReferencePoint(date=today + timedelta(days=FUTURE_DAYS), value=4)
    far = ReferencePoint(date=today + timedelta(days=FUTURE_DAYS + 1), value=4)
    assert impossible(near, signed=False, today=today) == []
    assert [k for k, _ in impossible(far, signed=False, today=today)] == ["date"]
