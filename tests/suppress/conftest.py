from __future__ import annotations

import sys
from pathlib import Path

# The synthetic report of the report tests (tests/report/report_fixtures.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "report"))
