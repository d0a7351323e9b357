"""benchmarks/score_rule_free.py gives the reporting scorer the rule-free setup: only the
general, UN, synonym and place files, and a factcheck that drops the shipped rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# A stand-in for the scorer: it runs the factcheck it is given as the real one does,
# with the rules folder, and prints what that factcheck loaded.
FAKE_SCORER = """
import argparse, subprocess, sys
ap = argparse.ArgumentParser()
ap.add_argument("--factcheck")
ap.add_argument("--rules")
ap.add_argument("--show")
a = ap.parse_args()
r = subprocess.run([a.factcheck, "config", "show", "--rules", a.rules, "--format", "json"], capture_output=True, text=True)
print(r.stdout or r.stderr)
"""


def test_the_rule_free_score_runs_the_scorer_without_the_topic_rules(tmp_path: Path) -> None:
    import json

    scorer = tmp_path / "score.py"
    scorer.write_text(FAKE_SCORER, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "score_rule_free.py"), "--scorer", str(scorer)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(proc.stdout)
    assert shown["configuration"]["default_rules"] is False
    assert sorted(Path(f["file"]).name for f in shown["rule_files"]) == ["gazetteer.yaml", "general.yaml", "synonyms.yaml", "un.yaml"]


def test_the_rule_free_score_says_when_there_is_no_scorer(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "score_rule_free.py"), "--scorer", str(tmp_path / "none.py")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 2 and "no scorer at" in proc.stderr
