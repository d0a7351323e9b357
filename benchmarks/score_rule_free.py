"""The reporting score without the topic's rules: the war's figures left out, only the
general checks (``rules/general.yaml``), the UN votes (``rules/un.yaml``), the shared
synonyms and the gazetteer.

``../shared/eval/reporting/score_reporting.py --rules DIR`` passes ``--rules DIR`` to
``factcheck run``, which adds DIR to the shipped rules; the rule-free score needs the
shipped rules dropped too. This script copies those four files into a temporary folder,
writes a small ``factcheck`` wrapper that adds ``--no-default-rules``, and runs the
scorer with ``--factcheck WRAPPER --rules FOLDER``:

    python benchmarks/score_rule_free.py [--scorer ../shared/eval/reporting/score_reporting.py] [--show N]

It prints the scorer's line ("reporting: extracted ..., conflicts N/8, findings N, clean
N/N"), the one README.md's "How well it judges" quotes. Nothing here is a timed assertion.
"""

from __future__ import annotations

import argparse
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KEPT = ("general.yaml", "un.yaml", "synonyms.yaml", "gazetteer.yaml")
DEFAULT_SCORER = REPO.parent / "shared" / "eval" / "reporting" / "score_reporting.py"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.scorer.exists():
        print(f"score_rule_free: no scorer at {args.scorer} (give --scorer)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="fc-rule-free-") as tmp:
        rules = Path(tmp) / "rules"
        rules.mkdir()
        for name in KEPT:
            shutil.copy2(REPO / "rules" / name, rules / name)
        wrapper = Path(tmp) / "factcheck"
        wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcheck "$@" --no-default-rules\n', encoding="utf-8")
        wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
        cmd = [sys.executable, str(args.scorer), "--factcheck", str(wrapper), "--rules", str(rules)]
        if args.show:
            cmd += ["--show", str(args.show)]
        return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
