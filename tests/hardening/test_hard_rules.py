"""Issue 8, "Rules": YAML syntax errors, wrong types, unknown keys, duplicate ids across
files, unknown figures, relation expressions with a syntax error, unknown message
placeholders, invalid and catastrophically backtracking regular expressions, reference
files with bad rows, a rule file of 10 MB.

``factcheck rules validate`` reports every problem as ``file:line:col: message`` and
exits 2; ``factcheck run --rules`` stops with the same lines, each prefixed
``factcheck: error:``. Never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck.rules.load import MAX_RULE_FILE_BYTES
from hardening_helpers import FIGURE, assert_ok, assert_rule_errors, run_cli, write_rules

OTHER = """\
  - id: wounded
    name: Wounded
    description: People wounded in the town.
    kind: cumulative
    match:
      predicate: [wounded]
"""


def validate(tmp_path: Path, folder: str = "my-rules", *options: str):  # noqa: ANN201
    return run_cli("rules", "validate", folder, *options, cwd=tmp_path)


def test_valid_minimal_rules_pass(tmp_path: Path) -> None:
    write_rules(tmp_path, "figures:\n" + FIGURE + OTHER)
    result = validate(tmp_path)
    assert_ok(result)
    assert "ok: 1 file(s), 2 figure(s)" in result.stdout


def test_yaml_syntax_error(tmp_path: Path) -> None:
    write_rules(tmp_path, "figures:\n" + FIGURE + "  - id: [unclosed\n    name: X\n")
    assert_rule_errors(validate(tmp_path), ("my-rules/rules.yaml:9:9", "YAML syntax error: did not find expected ',' or ']'"))


def test_yaml_syntax_error_stops_run_with_the_same_location(tmp_path: Path) -> None:
    write_rules(tmp_path, "figures:\n" + FIGURE + "\tname: tab-indented\n")
    (tmp_path / "d.txt").write_text("12 people were killed.\n", encoding="utf-8")
    result = run_cli("run", "d.txt", "--rules", "my-rules", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.stderr and result.stdout == ""
    [error] = result.errors
    assert error.startswith("factcheck: error: my-rules/rules.yaml:8:1: YAML syntax error: found character"), error
    assert "cannot start any token" in error


def test_wrong_types(tmp_path: Path) -> None:
    text = FIGURE.replace("kind: cumulative", "kind: 5").replace("predicate: [killed]", "predicate: killed\n      min_fields: many")
    write_rules(tmp_path, "figures:\n" + text + "checks: {not: a list}\n")
    assert_rule_errors(
        validate(tmp_path),
        ("my-rules/rules.yaml:5:11", "figures[0].kind: expected one of cumulative, level, flow, share, fixed; got the number 5"),
        ("my-rules/rules.yaml:8:19", "figures[0].match.min_fields: wrong type: expected a whole number, got the text 'many'"),
        ("my-rules/rules.yaml:9:9", "checks: expected a list"),
    )


def test_unknown_keys_suggest_the_closest(tmp_path: Path) -> None:
    write_rules(tmp_path, "figurse:\n" + FIGURE + "chekcs: []\n")
    write_rules(tmp_path, "figures:\n" + FIGURE.replace("toll", "toll2").replace("    kind:", "    tolerence: 2%\n    kind:"), name="b.yaml")
    assert_rule_errors(
        validate(tmp_path),
        ("my-rules/rules.yaml:1:1", "unknown key 'figurse'; did you mean 'figures'?"),
        ("my-rules/rules.yaml:8:1", "unknown key 'chekcs'; did you mean 'checks'?"),
        ("my-rules/b.yaml:5:5", "figures[0]: unknown key 'tolerence'; did you mean 'tolerance'?"),
    )


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write_rules(tmp_path, "figures:\n" + FIGURE, name="a.yaml")
    write_rules(tmp_path, "figures:\n" + OTHER + FIGURE.replace("Toll", "Toll again"), name="b.yaml")
    assert_rule_errors(
        validate(tmp_path), ("my-rules/b.yaml:8:9", "duplicate figure id 'toll' (first defined at my-rules/a.yaml:2:9)")
    )


def test_check_naming_an_unknown_figure(tmp_path: Path) -> None:
    write_rules(tmp_path, "figures:\n" + FIGURE + OTHER + "checks:\n  - id: c1\n    consistency:\n      figures: [tol, wounded]\n")
    # The folder alone: with the shipped rules the message lists their figures too.
    assert_rule_errors(
        validate(tmp_path, "my-rules", "--no-default-rules"),
        ("my-rules/rules.yaml:17:17", "check 'c1' names unknown figure 'tol'; did you mean 'toll'? (figures: toll, wounded)"),
    )


@pytest.mark.parametrize(
    ("expression", "column", "fragment"),
    [
        ("toll + * wounded ~ 10", 27, "expected a number, a figure id or '('"),
        ("toll + wounded = 10", 35, "unexpected character '=' (use == to compare)"),
        ("(toll + wounded ~ 10", 36, "expected ')' to close the '(' at column 1"),
        ("toll + wounded", 34, "comparison"),
        ("__import__('os') ~ 1", 31, "unexpected character"),
    ],
    ids=["operator", "single-equals", "unclosed-paren", "no-comparison", "python"],
)
def test_relation_expression_syntax_error_points_at_the_column(tmp_path: Path, expression: str, column: int, fragment: str) -> None:
    # The expression's first character is at column 20 of line 17: `      expression: "...`
    write_rules(tmp_path, "figures:\n" + FIGURE + OTHER + f'checks:\n  - id: rel\n    relation:\n      expression: "{expression}"\n')
    problems = assert_rule_errors(validate(tmp_path))
    [problem] = [p for p in problems if "bad expression" in p]
    assert problem.startswith(f"my-rules/rules.yaml:17:{column}: check 'rel': bad expression: "), problem
    assert fragment in problem


def test_unknown_message_placeholder(tmp_path: Path) -> None:
    write_rules(
        tmp_path,
        "figures:\n" + FIGURE + "checks:\n  - id: c1\n    consistency:\n      figures: [toll]\n"
        '    message: "{figure}: {valeu} against {evidence_value.__class__}"\n',
    )
    assert_rule_errors(
        validate(tmp_path),
        ("my-rules/rules.yaml:12:25", "check 'c1': message: unknown placeholder {valeu}; did you mean {value}?"),
        ("my-rules/rules.yaml:12:41", "attribute and index access are not allowed"),
    )


@pytest.mark.parametrize(
    ("pattern", "column", "fragment"),
    [("(?i)killed (", 31, "missing )"), ("[a-", 22, "unterminated character set"), ("a{2,1}", 21, "min repeat greater than max")],
)
def test_invalid_regex(tmp_path: Path, pattern: str, column: int, fragment: str) -> None:
    # The pattern's first character is at column 19 of line 8: `      sentence: ['...`;
    # the column is where the regex module found the problem.
    write_rules(tmp_path, "figures:\n" + FIGURE + f"      sentence: ['{pattern}']\n")
    assert_rule_errors(
        validate(tmp_path), (f"my-rules/rules.yaml:8:{column}", f"figure 'toll': bad regular expression in 'sentence': {fragment}")
    )


def test_catastrophic_regex_stops_at_the_timeout_and_names_the_rule(tmp_path: Path) -> None:
    # (a+)+$ on a long run of a's followed by "!" backtracks for ever; the regex module
    # runs every rule pattern with a timeout, and the run says which pattern and where.
    # The sentence stays under the 2,000 characters a claim carries whole, so the "!" is
    # in what the pattern sees.
    write_rules(tmp_path, "figures:\n" + FIGURE.replace("      predicate: [killed]", "      sentence: ['(a+)+$']"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "c.txt").write_text("Officials said 3 people were killed.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("About 40 people were killed " + "a" * 1900 + "!\n", encoding="utf-8")
    result = run_cli("run", "d.txt", "--rules", "my-rules", "--corpus", "corpus", "--format", "json", cwd=tmp_path, timeout=120)
    assert_ok(result)
    notes = json.loads(result.stdout)["notes"]
    # Issue 19: at the pattern's line and column (7:18, not the id's 2:9), naming the
    # document by its path (not its id).
    expected = "my-rules/rules.yaml:7:18: figure 'toll': the pattern '(a+)+$' took longer than"
    assert any(n.startswith(f"warning: {expected}") and "of d.txt and" in n and "simplify it" in n for n in notes), notes
    assert [w for w in result.warnings if "(a+)+$" in w] == [f"factcheck: warning: {n.removeprefix('warning: ')}" for n in notes if "(a+)+$" in n]
    text = run_cli("run", "d.txt", "--rules", "my-rules", "--corpus", "corpus", cwd=tmp_path, timeout=120)
    assert_ok(text)
    # The text report leaves it to stderr: one line there, not wrapped into the report.
    [line] = [w for w in text.warnings if "(a+)+$" in w]
    assert line.startswith(f"factcheck: warning: {expected}") and line.endswith("simplify it")
    assert "(a+)+$" not in text.stdout


def test_reference_file_with_bad_rows_names_each_row(tmp_path: Path) -> None:
    folder = write_rules(
        tmp_path,
        "figures:\n" + FIGURE + "reference:\n  - id: toll-ref\n    figure: toll\n    source: Ministry\n    file: toll.csv\n",
    )
    (folder / "toll.csv").write_text(
        "# Ministry of Health, cumulative\n"
        "date,value,qualifier\n"
        "2024-01-01,100,exact\n"
        "2024-13-01,200,exact\n"
        "2024-02-01,lots,exact\n"
        "2024-03-01,300,roughly\n"
        "2024-04-01,400,exact,extra\n"
        ",500,exact\n",
        encoding="utf-8",
    )
    assert_rule_errors(
        validate(tmp_path),
        ("my-rules/toll.csv:4", "date: expected a date YYYY-MM-DD, got '2024-13-01'"),
        ("my-rules/toll.csv:5", "value: expected a number, got 'lots'"),
        ("my-rules/toll.csv:6", "qualifier: expected one of"),
        ("my-rules/toll.csv:7", "row has 4 cells but the header has 3"),
        ("my-rules/toll.csv:8", "missing 'date'"),
    )


def test_reference_file_with_bad_json_lines(tmp_path: Path) -> None:
    folder = write_rules(
        tmp_path,
        "figures:\n" + FIGURE + "reference:\n  - id: toll-ref\n    figure: toll\n    source: Ministry\n    file: toll.jsonl\n",
    )
    (folder / "toll.jsonl").write_text('{"date": "2024-01-01", "value": 1}\n{"date": \n[1, 2]\n{"date": "2024-01-02", "valeu": 3}\n', encoding="utf-8")
    assert_rule_errors(
        validate(tmp_path),
        ("my-rules/toll.jsonl:2:10", "invalid JSON"),
        ("my-rules/toll.jsonl:3:1", "expected a JSON object per line"),
        ("my-rules/toll.jsonl:4", "unknown field 'valeu'; did you mean 'value'?"),
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_reference_file_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    folder = write_rules(
        tmp_path,
        "figures:\n" + FIGURE + "reference:\n  - id: toll-ref\n    figure: toll\n    source: Ministry\n    file: toll.csv\n",
    )
    os.mkfifo(folder / "toll.csv")
    assert_rule_errors(run_cli("rules", "validate", "my-rules", cwd=tmp_path, timeout=60), ("my-rules/toll.csv", "named pipe"))


def test_rule_file_that_is_not_utf8_names_the_line_and_column(tmp_path: Path) -> None:
    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "rules.yaml").write_bytes(("figures:\n" + FIGURE).encode() + b"    description: Caf\xe9 toll\n")
    assert_rule_errors(validate(tmp_path), ("my-rules/rules.yaml:8:21", "rule file is not UTF-8 text (byte 0xe9"))


def test_rule_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "my-rules"
    folder.mkdir()
    with (folder / "huge.yaml").open("wb") as fh:
        fh.truncate(MAX_RULE_FILE_BYTES + 1)
    assert_rule_errors(
        validate(tmp_path),
        ("my-rules/huge.yaml", f"rule file too large ({MAX_RULE_FILE_BYTES + 1:,} bytes; the limit is {MAX_RULE_FILE_BYTES:,} bytes)"),
    )


@pytest.mark.slow
def test_rule_file_of_10_mb_loads(tmp_path: Path) -> None:
    """10 MB (just under the 10 MiB limit) of figures, each with a long description:
    it loads, and every figure is there."""
    entry = FIGURE.replace("People killed in the town.", "People killed in the town. " + "Counted by the ministry. " * 80)
    count = 10 * 1000 * 1000 // len(entry)
    body = "".join(entry.replace("id: toll", f"id: toll_{i}") for i in range(count))
    write_rules(tmp_path, "figures:\n" + body)
    size = (tmp_path / "my-rules" / "rules.yaml").stat().st_size
    assert 9_900_000 < size <= MAX_RULE_FILE_BYTES
    result = validate(tmp_path)
    assert_ok(result)
    assert f"ok: 1 file(s), {count} figure(s)" in result.stdout


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("description: *a8")
    write_rules(tmp_path, "\n".join(lines) + "\n")
    problems = assert_rule_errors(run_cli("rules", "validate", "my-rules", cwd=tmp_path, timeout=60))
    assert any("YAML nodes (after expanding aliases); refusing to load" in p for p in problems), problems


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    write_rules(tmp_path, "description: x\nfigures: &loop\n  - *loop\n")
    assert_rule_errors(validate(tmp_path), ("my-rules/rules.yaml:2:10", "recursive anchor"))


@pytest.mark.parametrize(
    ("text", "where", "fragment"),
    [
        ("figures: " + "[" * 100_000 + "]" * 100_000 + "\n", "my-rules/rules.yaml:1:110", "nested more than 100 levels deep"),
        ("figures:\n" + "- " * 1_000_000 + "x\n", "my-rules/rules.yaml:2:1", "more than 1000 columns deep"),
        ("figures:\n" + "".join(" " * i + f"k{i}:\n" for i in range(0, 202, 2)), "my-rules/rules.yaml:102:206", "nested more than 100 levels deep"),
    ],
    ids=["flow", "compact-block", "block"],
)
def test_deeply_nested_yaml_is_refused_without_crashing(tmp_path: Path, text: str, where: str, fragment: str) -> None:
    # libyaml's composer recursed into a segmentation fault on the first two.
    write_rules(tmp_path, text)
    assert_rule_errors(run_cli("rules", "validate", "my-rules", cwd=tmp_path, timeout=60), (where, fragment))


def test_every_problem_stays_on_one_line_whatever_the_file_holds(tmp_path: Path) -> None:
    # Found by fuzz_rules.py: carriage returns inside a quoted placeholder name split
    # the message over many lines. Quoted user text is escaped now.
    write_rules(
        tmp_path,
        "figures:\n" + FIGURE + "checks:\n  - id: c1\n    consistency:\n      figures: [toll]\n"
        '    message: "{fig\\r\\nure\\x1b}"\n  - id: c2\n    internal: {}\n    "bad\\nkey": 1\n',
    )
    problems = assert_rule_errors(
        validate(tmp_path),
        ("my-rules/rules.yaml:12:15", "unknown placeholder {fig\\r\\nure\\x1b}"),
        ("my-rules/rules.yaml:15:5", "unknown key 'bad\\nkey'"),
    )
    assert all(p.startswith("my-rules/rules.yaml:") for p in problems), problems
    assert "\x1b" not in validate(tmp_path).stderr


def test_every_problem_of_every_file_at_once(tmp_path: Path) -> None:
    write_rules(tmp_path, "figures:\n" + FIGURE.replace("kind: cumulative", "kind: growing"), name="a.yaml")
    write_rules(tmp_path, "checks:\n  - id: c\n    monotonic:\n      figures: [tolls]\n", name="b.yaml")
    write_rules(tmp_path, "places: [\n", name="c.yaml")
    problems = assert_rule_errors(
        validate(tmp_path),
        ("my-rules/a.yaml:5:11", "expected one of cumulative, level, flow, share"),
        ("my-rules/b.yaml:4:17", "names unknown figure 'tolls'; did you mean 'toll'?"),
        ("my-rules/c.yaml:2:1", "YAML syntax error"),
    )
    assert len(problems) == 3


@pytest.mark.parametrize(
    ("expression", "fragment"),
    [
        ("(" * 300 + "toll" + ")" * 300 + " ~ wounded", "nested too deep (more than 50 levels"),
        ("-" * 300 + "toll ~ wounded", "nested too deep (more than 50 levels"),
        (" + ".join(["toll"] * 20001) + " ~ wounded", "too long: 20,002 numbers and figure ids (at most 200)"),
    ],
    ids=["300-parentheses", "300-signs", "20001-terms"],
)
def test_runaway_relation_expressions_are_refused_with_a_message(tmp_path: Path, expression: str, fragment: str) -> None:
    # Both were RecursionError tracebacks (in the parser, and in collecting the names).
    write_rules(tmp_path, "figures:\n" + FIGURE + OTHER + f'checks:\n  - id: rel\n    relation:\n      expression: "{expression}"\n')
    for result in (validate(tmp_path), run_cli("run", "--rules", "my-rules", cwd=tmp_path)):
        assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
        assert result.code == 2, result.stderr
        assert fragment in result.stderr
        assert "check 'rel': bad expression" in result.stderr


def test_a_long_but_reasonable_relation_still_loads(tmp_path: Path) -> None:
    expression = " + ".join(["toll"] * 150) + " <= " + "(" * 40 + "wounded" + ")" * 40
    write_rules(tmp_path, "figures:\n" + FIGURE + OTHER + f'checks:\n  - id: rel\n    relation:\n      expression: "{expression}"\n')
    assert_ok(validate(tmp_path))


def test_reference_values_that_are_not_finite_are_refused_at_their_row(tmp_path: Path) -> None:
    # NaN passed validation and then stopped `run` with "an interval end cannot be NaN".
    folder = write_rules(
        tmp_path,
        "figures:\n" + FIGURE + "reference:\n  - id: toll-ref\n    figure: toll\n    source: Ministry\n    file: toll.csv\n",
    )
    (folder / "toll.csv").write_text(
        "date,value,lower\n2024-01-01,100,\n2024-01-02,nan,\n2024-01-03,inf,\n2024-01-04,1e400,\n2024-01-05,200,-inf\n",
        encoding="utf-8",
    )
    expected = (
        ("my-rules/toll.csv:3", "value: expected a finite number, got 'nan'"),
        ("my-rules/toll.csv:4", "value: expected a finite number, got 'inf'"),
        ("my-rules/toll.csv:5", "value: expected a finite number, got '1e400'"),
        ("my-rules/toll.csv:6", "lower: expected a finite number, got '-inf'"),
    )
    assert_rule_errors(validate(tmp_path), *expected)
    result = run_cli("run", "--rules", "my-rules", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.stderr
    assert "value: expected a finite number, got 'nan'" in result.stderr
