"""What the claim-index tests (SQLite and Parquet) share: a copy of the seed corpus to
index, and a user cache of their own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    out = tmp_path / "archive"
    shutil.copytree(SEEDS, out, ignore=shutil.ignore_patterns("drafts"))
    return out


@pytest.fixture(autouse=True)
def _cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user cache."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache
