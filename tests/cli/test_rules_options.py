"""``--rules DIR`` adds (repeatable) to the shipped rules, ``--no-default-rules`` drops
them, the configuration's ``rules`` is a list, and ``factcheck config show`` says which
rule files a run loads, why, and which apply to a document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# A topic of our own: a county library system's loans.
LIBRARY = """
description: Millbrook County libraries
scope:
  words: [library, libraries]
figures:
  - id: library_loans
    description: books lent by the county's libraries in a year
    kind: level
    tolerance: 0
    match:
      entity: [book, loan]
      predicate: [lend, loan, borrow, check out]
checks:
  - id: library-loans-consistency
    consistency: {figures: [library_loans], window: 2d}
"""

DRAFT = "---\npublished: 2025-02-03\n---\nThe libraries lent 410,000 books last year, the county said. About 130% of residents hold a card.\n"
ARCHIVE = "---\npublished: 2025-02-03\n---\nThe county's libraries lent 380,000 books last year, officials said.\n"


def _setup(tmp_path: Path) -> None:
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "library.yaml").write_text(LIBRARY, encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "loans.md").write_text(ARCHIVE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")


def _rules_of(result_stdout: str) -> set[str]:
    return {f["rule"] for f in json.loads(result_stdout)["findings"]}


def test_rules_adds_a_topic_folder_to_the_shipped_general_checks(tmp_path: Path, cli: Any) -> None:
    _setup(tmp_path)
    result = cli("run", "draft.md", "--corpus", "archive", "--rules", "library", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert result.code == 0, result.stderr
    # the topic's check and the shipped general one (a share above 100%) both ran
    assert {"library-loans-consistency", "share-above-100"} <= _rules_of(result.stdout)


def test_no_default_rules_leaves_only_the_given_folders(tmp_path: Path, cli: Any) -> None:
    _setup(tmp_path)
    result = cli(
        "run", "draft.md", "--corpus", "archive", "--rules", "library", "--no-default-rules",
        "--format", "json", "--fail-on", "never", cwd=tmp_path,
    )
    assert result.code == 0, result.stderr
    assert _rules_of(result.stdout) == {"library-loans-consistency"}


def test_no_default_rules_without_any_folder_is_a_one_line_usage_error(tmp_path: Path, cli: Any) -> None:
    _setup(tmp_path)
    result = cli("run", "draft.md", "--no-default-rules", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.strip().splitlines() == ["factcheck: error: --no-default-rules drops the shipped rules: give at least one --rules DIR"]


def test_rules_is_repeatable(tmp_path: Path, cli: Any) -> None:
    _setup(tmp_path)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "branches.yaml").write_text(
        "checks:\n  - id: branch-share\n    range: {kinds: [share], units: [percent], max: 100}\n", encoding="utf-8"
    )
    result = cli(
        "run", "draft.md", "--corpus", "archive", "--rules", "library", "--rules", "more", "--no-default-rules",
        "--format", "json", "--fail-on", "never", cwd=tmp_path,
    )
    assert result.code == 0, result.stderr
    assert _rules_of(result.stdout) == {"library-loans-consistency", "branch-share"}


def test_an_id_defined_in_two_loaded_files_names_both_and_hints_at_no_default_rules(tmp_path: Path, cli: Any) -> None:
    _setup(tmp_path)
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "mine.yaml").write_text(
        "checks:\n  - id: share-above-100\n    range: {kinds: [share], max: 100}\n", encoding="utf-8"
    )
    result = cli("run", "draft.md", "--rules", "copy", cwd=tmp_path)
    assert result.code == 2 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("factcheck: error: copy/mine.yaml:2:9: duplicate check id 'share-above-100' (first defined at rules/general.yaml:")
    assert "--no-default-rules" in line


def test_the_configurations_rules_is_a_list_added_to_the_shipped_rules(tmp_path: Path, cli: Any) -> None:
    _setup(tmp_path)
    (tmp_path / "factcheck.toml").write_text('rules = ["library"]\n', encoding="utf-8")
    result = cli("run", "draft.md", "--corpus", "archive", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert {"library-loans-consistency", "share-above-100"} <= _rules_of(result.stdout)
    (tmp_path / "factcheck.toml").write_text('rules = "library"\ndefault_rules = false\n', encoding="utf-8")
    result = cli("run", "draft.md", "--corpus", "archive", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert _rules_of(result.stdout) == {"library-loans-consistency"}


def test_config_show_lists_the_rule_files_why_and_their_scope(tmp_path: Path, cli: Any) -> None:
    _setup(tmp_path)
    (tmp_path / "factcheck.toml").write_text('rules = ["library"]\n', encoding="utf-8")
    result = cli("config", "show", "--document", "draft.md", cwd=tmp_path)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    shown = next(line for line in lines if "library/library.yaml" in line)
    assert f"configuration file {tmp_path / 'factcheck.toml'}" in shown and "words: library, libraries" in shown
    assert any("rules/general.yaml" in line and "shipped default; every document" in line for line in lines)
    start = lines.index("# rule files for draft.md:")
    verdicts = lines[start + 1 :]
    assert any("library.yaml" in v and "applies: mentions 'library'" in v for v in verdicts)
    assert any("rules/un.yaml" in v and "does not apply" in v for v in verdicts)


def test_config_show_as_json_gives_the_effective_rule_folders(tmp_path: Path, cli: Any) -> None:
    _setup(tmp_path)
    result = cli("config", "show", "--format", "json", "--rules", "library", "--no-default-rules", "--document", "archive", cwd=tmp_path)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["configuration"]["rules"] == ["library"] and data["configuration"]["default_rules"] is False
    assert [(f["file"], f["loaded_because"], f["scope"]) for f in data["rule_files"]] == [
        ("library/library.yaml", "--rules", {"words": ["library", "libraries"]})
    ]
    [doc] = data["documents"]
    assert doc["path"].endswith("loans.md") and doc["files"][0]["applies"] is True


def test_the_shipped_folder_given_to_rules_is_loaded_once(tmp_path: Path, cli: Any) -> None:
    """``--rules rules/`` in a checkout names the shipped folder again: the run is the
    one without it, not a duplicate id for every shipped rule."""
    from factcheck.util.resources import default_rules

    _setup(tmp_path)
    args = ("run", "draft.md", "--corpus", "archive", "--format", "json", "--fail-on", "never")
    plain = cli(*args, cwd=tmp_path)
    again = cli(*args, "--rules", str(default_rules()), cwd=tmp_path)
    assert again.code == 0, again.stderr
    assert again.stdout == plain.stdout and "share-above-100" in _rules_of(plain.stdout)


def test_a_copy_of_the_shipped_rules_given_to_rules_is_loaded_once(tmp_path: Path, cli: Any) -> None:
    """An installed package reads its own copy of the shipped rules: a checkout's
    ``rules/`` named beside it holds the same files, and is the same rule set, not a
    duplicate id for every shipped rule."""
    import shutil

    from factcheck.util.resources import default_rules

    _setup(tmp_path)
    copy = tmp_path / "checkout-rules"
    shutil.copytree(default_rules(), copy)
    args = ("run", "draft.md", "--corpus", "archive", "--format", "json", "--fail-on", "never")
    plain = cli(*args, cwd=tmp_path)
    again = cli(*args, "--rules", str(copy), cwd=tmp_path)
    assert again.code == 0, again.stderr
    assert again.stdout == plain.stdout
    validated = cli("rules", "validate", str(copy), cwd=tmp_path)
    assert validated.code == 0, validated.stderr
    (copy / "gaza-war.yaml").write_text((copy / "gaza-war.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = cli(*args, "--rules", str(copy), cwd=tmp_path)
    assert changed.code == 2 and "duplicate figure id" in changed.stderr  # no longer the shipped files
