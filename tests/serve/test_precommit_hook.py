"""The pre-commit hook (.pre-commit-hooks.yaml): a valid hook manifest whose entry,
run as pre-commit runs it (entry, args, then the changed files its ``files`` pattern
selects), checks the drafts and fails the commit on findings at ``--fail-on``."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from serve_helpers import REPO, SAMPLE_DRAFT

MANIFEST = REPO / ".pre-commit-hooks.yaml"
# pre-commit's manifest schema (pre_commit/clientlib.py, MANIFEST_HOOK_DICT): required
# keys, the types of the optional ones, and its languages.
REQUIRED = {"id": str, "name": str, "entry": str, "language": str}
OPTIONAL = {
    "alias": str, "files": str, "exclude": str, "types": list, "types_or": list, "exclude_types": list,
    "additional_dependencies": list, "args": list, "always_run": bool, "fail_fast": bool, "pass_filenames": bool,
    "description": str, "language_version": str, "log_file": str, "minimum_pre_commit_version": str,
    "require_serial": bool, "stages": list, "verbose": bool,
}
LANGUAGES = {"conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail", "golang", "haskell", "julia",
             "lua", "node", "perl", "pygrep", "python", "r", "ruby", "rust", "swift", "unsupported",
             "unsupported_script", "system", "script"}


def _hook() -> dict:
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    return hooks[0]


def test_the_hook_manifest_is_valid() -> None:
    hook = _hook()
    for key, kind in REQUIRED.items():
        assert isinstance(hook.get(key), kind), key
    for key, value in hook.items():
        assert key in REQUIRED or key in OPTIONAL, f"unknown key {key}"
        if key in OPTIONAL:
            assert isinstance(value, OPTIONAL[key]), key
    assert hook["language"] in LANGUAGES
    assert hook["id"] == "factcheck" and shlex.split(hook["entry"])[0] == "factcheck"
    pattern = re.compile(hook["files"])
    assert pattern.search("drafts/2024-05-27-rafah.md") and pattern.search("a.markdown")
    assert not pattern.search("notes.txt") and not pattern.search("draft.md.bak")


def _run_hook(repo: Path, files: list[str], args: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """The entry as pre-commit runs it: entry, the hook's args, then the files (the
    ``factcheck`` of the entry is this checkout's, run with this Python)."""
    hook = _hook()
    entry = shlex.split(hook["entry"])
    command = [sys.executable, "-m", "factcheck", *entry[1:], *hook.get("args", []), *(args or []), *files]
    pattern = re.compile(hook["files"])
    assert all(pattern.search(f) for f in files)
    env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(repo / ".cache")}
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A newsroom repository: drafts/ of Markdown, the archive beside it."""
    repo = tmp_path / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    shutil.copytree(REPO / "seeds", repo / "archive", ignore=shutil.ignore_patterns("drafts"))
    shutil.copy(SAMPLE_DRAFT, repo / "drafts" / "rafah.md")
    (repo / "drafts" / "clean.md").write_text(
        "---\ntitle: Weather\npublished: 2024-05-27\n---\nThe weather in Rafah was mild on Monday.\n", encoding="utf-8"
    )
    return repo


def test_the_hook_passes_drafts_whose_findings_are_below_fail_on(newsroom: Path) -> None:
    proc = _run_hook(newsroom, ["drafts/rafah.md", "drafts/clean.md"], ["--corpus", "archive"])
    assert proc.returncode == 0, proc.stderr
    assert "3 findings (0 errors, 3 warnings" in proc.stdout
    assert "drafts/rafah.md" in proc.stdout


def test_the_hook_fails_the_commit_on_findings_at_fail_on(newsroom: Path) -> None:
    proc = _run_hook(newsroom, ["drafts/rafah.md"], ["--corpus", "archive", "--fail-on", "warning"])
    assert proc.returncode == 1
    assert "gaza-toll-outdated" in proc.stdout
    clean = _run_hook(newsroom, ["drafts/clean.md"], ["--corpus", "archive", "--fail-on", "warning"])
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_the_hook_says_which_draft_it_cannot_read(newsroom: Path) -> None:
    (newsroom / "drafts" / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    proc = _run_hook(newsroom, ["drafts/broken.md"], ["--corpus", "archive"])
    assert proc.returncode == 2
    assert "drafts/broken.md" in proc.stderr and "Traceback" not in proc.stderr
