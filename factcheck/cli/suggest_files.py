"""Where ``factcheck rules suggest`` writes, and the refusals that keep it from writing
over anybody's rules: never over an existing file without ``--overwrite``, never into a
folder that already holds rule files without ``--add`` (a draft loaded with reviewed
rules would be checked as if it were reviewed). Both files are written atomically."""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import UsageError
from factcheck.report.write import write_output
from factcheck.rules.load import RULE_SUFFIXES
from factcheck.rules.testfile import TESTS_DIR


def draft_targets(output: Path, *, add: bool, overwrite: bool) -> tuple[Path, Path]:
    """The rule file and its test file, after the refusals (``UsageError``, exit 2)."""
    if output.suffix not in RULE_SUFFIXES:
        raise UsageError(f"--output {output}: a rule file is named *.yaml or *.yml")
    tests = output.parent / TESTS_DIR / output.name
    if not overwrite:
        for path in (output, tests):
            if path.exists() or path.is_symlink():
                raise UsageError(f"{path} exists; give --overwrite to replace it, or another --output")
    folder = output.parent
    if folder.is_dir() and not add:
        others = sorted(p.name for p in folder.iterdir() if p.suffix in RULE_SUFFIXES and p.is_file() and p != output)
        if others:
            raise UsageError(f"{folder} already holds rule files ({', '.join(others[:3])}); give --add to draft into it")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--output {output}: {folder} is not a folder")
    return output, tests


def write_drafts(rules_text: str, tests_text: str, rules_path: Path, tests_path: Path, inputs: object) -> None:
    """Both files, each replaced in one step (the tests first: a rule file is never left
    without the tests it names)."""
    tests_path.parent.mkdir(parents=True, exist_ok=True)
    write_output(tests_text, tests_path, inputs)  # type: ignore[arg-type]
    write_output(rules_text, rules_path, inputs)  # type: ignore[arg-type]
