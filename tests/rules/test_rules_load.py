"""Loading rule files: every error in one run, each at file:line:column with what was
expected; a good rule set merged across files."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import RuleErrors
from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules

FIGURE = """
figures:
  - id: toll
    description: people killed
    kind: cumulative
    match: {predicate: [killed]}
"""


def _errors(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    with pytest.raises(RuleErrors) as info:
        load_rules([tmp_path], kinds=REGISTRY)
    return [str(e).replace(str(tmp_path) + "/", "") for e in info.value.errors]


def _one(tmp_path: Path, text: str, **files: str) -> str:
    errors = _errors(tmp_path, {"rules.yaml": text, **files})
    assert len(errors) == 1, errors
    return errors[0]


def test_unknown_key_names_the_closest_valid_one(tmp_path: Path) -> None:
    text = FIGURE.replace("kind: cumulative", "kind: cumulative\n    tolerence: 2%")
    assert _one(tmp_path, text) == (
        "rules.yaml:6:5: figures[0]: unknown key 'tolerence'; did you mean 'tolerance'? (expected one of: "
        "id, name, description, unit, kind, match, tolerance, stale_after, priority, part_of, near_reference, "
        "growth, report_lag, signed)"
    )


def test_misspelt_check_kind_is_an_unknown_key_with_a_suggestion(tmp_path: Path) -> None:
    error = _one(tmp_path, FIGURE + "checks:\n  - id: c\n    consistancy: {}\n")
    assert error.startswith("rules.yaml:9:5: checks[0]: unknown key 'consistancy'; did you mean 'consistency'?")


def test_wrong_type_says_what_was_expected(tmp_path: Path) -> None:
    text = FIGURE.replace("match: {predicate: [killed]}", "match: {predicate: [killed], min_fields: many}")
    assert _one(tmp_path, text) == (
        "rules.yaml:6:46: figures[0].match.min_fields: wrong type: expected a whole number, got the text 'many'"
    )


def test_literal_values_list_the_choices_and_the_closest(tmp_path: Path) -> None:
    error = _one(tmp_path, FIGURE.replace("kind: cumulative", "kind: cumulativ"))
    assert error == (
        "rules.yaml:5:11: figures[0].kind: expected one of cumulative, level, flow, share, fixed; "
        "got the text 'cumulativ'; did you mean 'cumulative'?"
    )


def test_missing_key_points_at_the_entry(tmp_path: Path) -> None:
    error = _one(tmp_path, FIGURE.replace("    description: people killed\n", ""))
    assert error == "rules.yaml:3:5: figures[0]: missing required key 'description'"


def test_check_naming_an_unknown_figure(tmp_path: Path) -> None:
    error = _one(tmp_path, FIGURE + "checks:\n  - id: c\n    outdated: {figures: [tol]}\n")
    assert error == "rules.yaml:9:26: check 'c' names unknown figure 'tol'; did you mean 'toll'? (figures: toll)"


def test_check_needs_exactly_one_kind(tmp_path: Path) -> None:
    error = _one(tmp_path, FIGURE + "checks:\n  - id: c\n    outdated: {}\n    monotonic: {}\n")
    assert error == "rules.yaml:8:5: checks[0]: a check has exactly one kind key, this one has 2: outdated, monotonic"
    error = _one(tmp_path, FIGURE + "checks:\n  - id: c\n    severity: error\n")
    assert "a check needs one kind key: consistency, outdated, monotonic, relation, parts, range, internal" in error


def test_bad_placeholder_points_at_its_column(tmp_path: Path) -> None:
    text = FIGURE + 'checks:\n  - id: c\n    outdated: {}\n    message: "{value} vs {evidence_sorce}"\n'
    assert _one(tmp_path, text).startswith(
        "rules.yaml:10:26: check 'c': message: unknown placeholder {evidence_sorce}; did you mean {evidence_source}?"
    )


def test_bad_regex_points_at_the_problem_in_the_pattern(tmp_path: Path) -> None:
    text = FIGURE.replace("match: {predicate: [killed]}", "match:\n      sentence: ['(?P<claim>\\d+']")
    assert _one(tmp_path, text) == "rules.yaml:7:32: figure 'toll': bad regular expression in 'sentence': missing )"


def test_bad_expression_points_at_the_column(tmp_path: Path) -> None:
    text = FIGURE + "checks:\n  - id: r\n    relation: {expression: 'toll + ~ toll'}\n"
    assert _one(tmp_path, text) == (
        "rules.yaml:9:36: check 'r': bad expression: expected a number, a figure id or '(', got '~'"
    )
    text = FIGURE + "checks:\n  - id: r\n    relation:\n      expression: toll <= tol\n"
    assert _one(tmp_path, text).startswith(
        "rules.yaml:10:27: check 'r': the expression names unknown figure 'tol'; did you mean 'toll'?"
    )


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    errors = _errors(tmp_path, {"a.yaml": FIGURE, "b.yaml": FIGURE})
    assert errors == [
        (
            "b.yaml:3:9: duplicate figure id 'toll' (first defined at a.yaml:3:9); --rules adds to the shipped "
            "rules: rename one, or pass --no-default-rules to drop the shipped ones"
        )
    ]


def test_duplicate_ids_within_one_file_get_no_hint_about_folders(tmp_path: Path) -> None:
    text = FIGURE + FIGURE.split("figures:\n", 1)[1]
    errors = _errors(tmp_path, {"a.yaml": text})
    assert len(errors) == 1 and "duplicate figure id 'toll'" in errors[0] and "--no-default-rules" not in errors[0]


def test_reference_file_rows_are_reported_with_their_line(tmp_path: Path) -> None:
    text = FIGURE + "reference:\n  - {id: s, figure: toll, source: x, file: ref/s.csv}\n"
    csv = "# comment\ndate,value,qualifier\n2024-01-01,5,exact\n2024-13-01,x,about\n"
    errors = _errors(tmp_path, {"rules.yaml": text, "ref/s.csv": csv})
    assert errors == [
        "ref/s.csv:4: date: expected a date YYYY-MM-DD, got '2024-13-01'",
        "ref/s.csv:4: qualifier: expected one of 'exact', 'approx', 'over', 'under', 'at_least' or 'at_most', got 'about'",
        "ref/s.csv:4: value: expected a number, got 'x'",
    ]


def test_every_error_of_every_file_in_one_run(tmp_path: Path) -> None:
    errors = _errors(
        tmp_path,
        {
            "a.yaml": FIGURE.replace("kind: cumulative", "kind: cumulativ") + "checks:\n  - {id: c, outdated: {figures: [x]}}\n",
            "b.yaml": "figurs: []\n",
            "c.yaml": "checks: [\n",
        },
    )
    assert [e.split(":")[0] for e in errors] == ["a.yaml", "a.yaml", "b.yaml", "c.yaml"]
    assert "YAML syntax error" in errors[-1]


def test_an_unknown_unit_is_reported(tmp_path: Path) -> None:
    error = _one(tmp_path, FIGURE.replace("kind: cumulative", "kind: cumulative\n    unit: peoples"))
    assert error.startswith("rules.yaml:6:11: figure 'toll': unknown unit 'peoples'")


def test_a_rule_set_merges_files_and_keeps_definition_order(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(FIGURE + "checks:\n  - {id: one, monotonic: {}}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "figures:\n  - {id: held, description: h, kind: level, match: {predicate: [held]}}\n"
        "checks:\n  - id: two\n    relation: {expression: held <= toll}\n"
        "places:\n  - {name: Rafah, kind: city, within: Gaza}\n",
        encoding="utf-8",
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "ignored.yaml").write_text("not: a rule file\n", encoding="utf-8")
    rules = load_rules([tmp_path], kinds=REGISTRY)
    assert list(rules.figures) == ["toll", "held"]
    assert [c.id for c in rules.checks] == ["one", "two"]
    assert rules.expressions["two"].variables() == ["held", "toll"]
    assert [p.name for p in rules.places] == ["Rafah"]
    assert str(rules.origins[("check", "two")]).endswith("b.yaml:4:9")


def test_places_are_validated_like_everything_else(tmp_path: Path) -> None:
    error = _one(tmp_path, "places:\n  - {name: Rafah, kind: metropolis}\n")
    assert error.startswith("rules.yaml:2:25: places[0].kind: expected one of country, territory")


def test_empty_and_non_mapping_files(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    assert load_rules([tmp_path], kinds=REGISTRY).figures == {}
    assert _errors(tmp_path, {"list.yaml": "- a\n- b\n"}) == [
        "list.yaml:1:1: a rule file is a mapping with the keys description, scope, figures, checks, reference, places, synonyms; got a list"
    ]


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleErrors) as info:
        load_rules([tmp_path / "nope"], kinds=REGISTRY)
    assert str(info.value) == f"{tmp_path / 'nope'}: no such rule folder or file"


@pytest.mark.parametrize(
    ("tolerance", "expected"),
    [
        ("{absolute: .nan}", "absolute: must be a finite number, not negative"),
        ("{absolute: .inf}", "absolute: must be a finite number, not negative"),
        ("{relative: -2}", "relative: must be a finite percentage, not negative"),
        ("{relative: .nan}", "relative: must be a finite percentage, not negative"),
        ("-5", "a tolerance cannot be negative, got -5"),
        ("-5%", "a tolerance cannot be negative, got '-5%'"),
        ("1e400%", "tolerance out of range: '1e400%' (at most 100%)"),
        ("250%", "tolerance out of range: '250%' (at most 100%)"),
        (".inf", "tolerance out of range: inf (a finite number)"),
        (".nan", "expected a tolerance like 2%, 5"),
    ],
)
def test_a_tolerance_must_be_a_finite_non_negative_amount(tmp_path: Path, tolerance: str, expected: str) -> None:
    """A NaN or negative tolerance would make every comparison of the figure quietly
    agree or disagree; it is an error at its line and column."""
    text = FIGURE.replace("kind: cumulative", f"kind: cumulative\n    tolerance: {tolerance}")
    error = _one(tmp_path, text)
    assert error.startswith("rules.yaml:6:") and expected in error, error


def test_impossible_inline_and_file_reference_values_point_at_their_lines(tmp_path: Path) -> None:
    # Issue 19: a negative count and a date of 9999-12-31 passed `rules validate`.
    text = FIGURE + (
        "reference:\n"
        "  - id: s\n    figure: toll\n    source: x\n    file: ref/s.csv\n"
        "    points:\n      - {date: 2024-01-01, value: -3}\n      - {date: 9999-12-31, value: 7}\n"
    )
    errors = _errors(tmp_path, {"rules.yaml": text, "ref/s.csv": "date,value\n2024-01-02,-1e308\n"})
    assert [e.split(" is ")[0] for e in errors] == [
        "ref/s.csv:2: value: -1e+308",
        "rules.yaml:13:35: reference series 's': value: -3",
        "rules.yaml:14:16: reference series 's': date: 9999-12-31",
    ]


def test_a_signed_figure_takes_negative_reference_values(tmp_path: Path) -> None:
    text = FIGURE.replace("kind: cumulative", "kind: level\n    signed: true") + (
        "reference:\n  - id: s\n    figure: toll\n    source: x\n    points:\n      - {date: 2024-01-01, value: -3}\n"
    )
    (tmp_path / "rules.yaml").write_text(text, encoding="utf-8")
    rules = load_rules([tmp_path], kinds=REGISTRY)
    assert rules.figures["toll"].signed and [p.value for p in rules.series[0].points] == [-3]
