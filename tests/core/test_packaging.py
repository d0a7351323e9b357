from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from factcheck.util.resources import default_corpus, default_rules

REPO = Path(__file__).resolve().parents[2]


def test_shipped_corpus_and_rules_are_found() -> None:
    corpus = default_corpus()
    assert (corpus / "sources.yaml").is_file()
    assert len(list(corpus.glob("*.txt"))) == 5
    assert default_rules().is_dir()


@pytest.mark.slow
def test_wheel_carries_the_seed_corpus_and_rules_as_package_data(tmp_path: Path) -> None:
    # `factcheck run` must work after a plain `pip install .` from any directory, so the
    # wheel itself has to carry copies of the top-level seeds/ and rules/.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("factcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    for name in [*seeds, "sources.yaml"]:
        assert f"factcheck/_data/seeds/{name}" in names
    for rule_file in (REPO / "rules").glob("*.yaml"):
        assert f"factcheck/_data/rules/{rule_file.name}" in names
    assert "factcheck/cli/main.py" in names
