from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
RULES = REPO / "rules"
SHARED = REPO.parent / "shared"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
