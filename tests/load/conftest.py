from __future__ import annotations

import pytest
from load_helpers import Warnings


@pytest.fixture
def warnings() -> Warnings:
    return Warnings()
