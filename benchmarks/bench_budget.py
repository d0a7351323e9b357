"""The figures SECURITY.md quotes: time and peak memory of ``factcheck run`` on text
dense with figures and few sentence breaks, as multiples of the text's size, within
the extraction budget (``factcheck.extract.budget``).

Inputs (generated, deterministic): figures with a few words between them and no full
stop at all, at 64 KiB, 128 KiB, 256 KiB and 1 MiB; and 10 MiB with a full stop every
2,000 words. Each run is a fresh process (``factcheck run FILE -q --jobs 1 --format
json``); peak memory is its ru_maxrss, less that of the same command on a one-line file
(what the program needs anyway), and divided by the input's size.

    python benchmarks/bench_budget.py             # all sizes (10 MiB takes a few minutes)
    python benchmarks/bench_budget.py --smoke     # 64 KiB only: checks the script works
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from _common import factcheck_cmd, print_machine, run_timed

KIB = 1024
MIB = 1024 * KIB

_WORDS = (
    "the council said residents of the northern district had been told to leave while "
    "officials in the capital warned roads would close"
).split()
_FIGURES = ["{n:,} people", "{p}%", "${m}.{d} million", "{n} km", "{n:,} homes", "{p} per cent", "{n} children", "{m} tonnes"]


def dense_text(size: int, stop_every_words: int = 0) -> str:
    """``size`` characters of figures two words apart, separated by commas; with
    ``stop_every_words``, a full stop after about that many words."""
    out, total, i, words = [], 0, 0, 0
    while total < size:
        figure = _FIGURES[i % len(_FIGURES)].format(n=1000 + (i * 37) % 90000, p=(i * 7) % 100, m=1 + i % 97, d=i % 10)
        piece = f"{_WORDS[i % len(_WORDS)]} {_WORDS[(i * 3) % len(_WORDS)]} {figure}"
        words += 3 + figure.count(" ")
        if stop_every_words and words >= stop_every_words:
            piece, words = piece + ". The", 0
        else:
            piece += ","
        out.append(piece + " ")
        total += len(piece) + 1
        i += 1
    return "".join(out)[:size]


CASES = [
    ("dense 64 KiB, no full stop", 64 * KIB, 0),
    ("dense 128 KiB, no full stop", 128 * KIB, 0),
    ("dense 256 KiB, no full stop", 256 * KIB, 0),
    ("dense 1 MiB, no full stop", 1 * MIB, 0),
    ("dense 10 MiB, a full stop every 2,000 words", 10 * MIB, 2000),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="factcheck run on text dense with figures, within the budget.")
    ap.add_argument("--smoke", action="store_true", help="64 KiB only")
    args = ap.parse_args(argv)
    cases = CASES[:1] if args.smoke else CASES
    print_machine(headroom=False)
    rows = []
    with tempfile.TemporaryDirectory(prefix="factcheck-budget-") as tmp:
        folder = Path(tmp)
        (folder / "empty.txt").write_text("One line.\n", encoding="utf-8")
        base = run_timed(factcheck_cmd() + ["run", str(folder / "empty.txt"), "-q", "--jobs", "1", "--format", "json", "-o", str(folder / "e.json")])
        for label, size, stops in cases:
            path = folder / "dense.txt"
            path.write_text(dense_text(size, stops), encoding="utf-8")
            out = folder / "out.json"
            t = run_timed(factcheck_cmd() + ["run", str(path), "-q", "--jobs", "1", "--format", "json", "-o", str(out)])
            if t.returncode not in (0, 1):
                raise SystemExit(f"{label}: exit {t.returncode}\n{t.stderr}")
            report = json.loads(out.read_text(encoding="utf-8"))
            cut = [f["message"].split("not fully checked: ", 1)[-1] for f in report["findings"] if f["rule"] == "not-fully-checked"]
            rows.append((label, size, t.wall, t.max_rss, (t.max_rss - base.max_rss) / size, len(report["claims"]), cut))
    print(f"\nfactcheck run FILE -q --jobs 1 --format json; start-up alone: {base.wall:.1f} s, {base.max_rss / MIB:.0f} MiB")
    print(f"{'input':<46} {'wall':>8} {'peak RSS':>9} {'x text':>7} {'claims':>7}  cut")
    for label, size, wall, rss, multiple, claims, cut in rows:
        print(f"{label:<46} {wall:>7.1f}s {rss / MIB:>8.0f}M {multiple:>6.0f}x {claims:>7,}  {'; '.join(cut) or '-'}")
    print("x text: (peak RSS - start-up's) / input size")
    return 0


if __name__ == "__main__":
    sys.exit(main())
