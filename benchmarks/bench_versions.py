"""Full extraction (``factcheck extract``: figures and context) of this checkout against
another checkout of factcheck on the same texts, rounds alternating between the two so
that a change in the machine's load hits both alike. Each timing runs in a fresh child
process with the checkout first on ``sys.path``, warms up once, then times extraction
of every text in-process; medians of the rounds and the median of the rounds' ratios.

    git worktree add ../factcheck-0e35d02 0e35d02     # the code before a change
    python benchmarks/bench_versions.py ../factcheck-0e35d02 [--articles 100] [--runs 5] [--cpu]

``--warm N`` times instead N rounds in each child after its warm-up (a warm process:
compiled patterns, tables and caches of the code in place, as in a long ``factcheck
run``), CPU time, both full extraction (``extract``) and figures only
(``find_quantities``) in every round; the context stage is their difference. The
children still alternate (``--runs`` of them per checkout) and the figures quoted are
medians over every round of every child of a checkout:

    python benchmarks/bench_versions.py ../factcheck-095e27c --warm 5 --runs 3

``--this CHECKOUT`` times that checkout in place of the one the script is in: two
older versions compared with this script.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import REPO, corpus, median, print_machine

# Run in the child: extract every text once to warm up, then once timed.
_CHILD = r"""
import json, sys, time
from datetime import date
from factcheck.extract import extract
items = json.load(open(sys.argv[1], encoding="utf-8"))
def run():
    return sum(len(extract(t, date.fromisoformat(d) if d else None)) for t, d in items)
clock = time.process_time if sys.argv[2:] == ["cpu"] else time.perf_counter
found = run()
t = clock()
run()
import factcheck
print(json.dumps({"seconds": clock() - t, "claims": found, "module": factcheck.__file__}))
"""


# ``--warm``: in one child, after the warm-up, N rounds of both stages, CPU time.
_WARM_CHILD = r"""
import json, sys, time
from datetime import date
from factcheck.extract import extract
from factcheck.extract.quantities import find_quantities
items = [(t, date.fromisoformat(d) if d else None) for t, d in json.load(open(sys.argv[1], encoding="utf-8"))]
found = sum(len(extract(t, d)) for t, d in items)
full, figures = [], []
for _ in range(int(sys.argv[2])):
    t = time.process_time()
    for x, d in items:
        extract(x, d)
    full.append(time.process_time() - t)
    t = time.process_time()
    for x, _d in items:
        find_quantities(x)
    figures.append(time.process_time() - t)
import factcheck
print(json.dumps({"extract": full, "figures": figures, "claims": found, "module": factcheck.__file__}))
"""


def _time(checkout: Path, data: Path, cpu: bool = False, warm: int = 0) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    if warm:
        cmd = [sys.executable, "-c", _WARM_CHILD, str(data), str(warm)]
    else:
        cmd = [sys.executable, "-c", _CHILD, str(data), *(["cpu"] if cpu else [])]
    # Run in the texts' folder: ``python -c`` puts the working directory first on
    # sys.path, so run from a checkout's root the child would import that checkout
    # whatever PYTHONPATH says, and time the same code twice.
    proc = subprocess.run(cmd, env=env, cwd=data.parent, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{checkout}: extraction failed:\n{proc.stderr}")
    got = json.loads(proc.stdout)
    if not Path(got["module"]).resolve().is_relative_to(checkout.resolve()):
        raise SystemExit(f"{checkout}: the child imported factcheck from {got['module']}, not from this checkout")
    return got


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Full extraction: this checkout against another, same texts.")
    ap.add_argument("other", type=Path, help="another checkout of factcheck (e.g. a git worktree of an older commit)")
    ap.add_argument("--articles", type=int, default=100, help="generated articles to time (default 100)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=5, help="rounds (medians quoted)")
    ap.add_argument(
        "--cpu", action="store_true",
        help="time the CPU the extraction uses (process time) instead of the wall clock: on a "
        "shared machine, waiting for a core then counts for neither version",
    )
    ap.add_argument(
        "--warm", type=int, default=0, metavar="N",
        help="time N rounds in each child after its warm-up (CPU time; full extraction and "
        "figures only), instead of one round in a fresh process",
    )
    ap.add_argument(
        "--this", type=Path, default=REPO, metavar="CHECKOUT",
        help="time this checkout against OTHER instead of the one the script is in (to compare two older versions)",
    )
    args = ap.parse_args(argv)
    if args.warm < 0:
        raise SystemExit("--warm: a number of rounds, 1 or more")
    other, this = args.other.resolve(), args.this.resolve()
    for checkout in (other, this):
        if not (checkout / "factcheck" / "__init__.py").is_file():
            raise SystemExit(f"{checkout}: not a factcheck checkout (no factcheck/__init__.py)")
    print_machine(headroom=False)
    items = [(text, str(published) if published else None) for text, published in corpus.dated_bodies(args.articles, args.seed)]
    chars = sum(len(t) for t, _ in items)
    with tempfile.TemporaryDirectory(prefix="factcheck-versions-") as tmp:
        data = Path(tmp) / "texts.json"
        data.write_text(json.dumps(items), encoding="utf-8")
        times: dict[str, list[float]] = {"other": [], "this": []}
        figures: dict[str, list[float]] = {"other": [], "this": []}
        claims: dict[str, float] = {}
        for _ in range(args.runs):
            for key, checkout in (("other", other), ("this", this)):
                got = _time(checkout, data, args.cpu, args.warm)
                claims[key] = got["claims"]
                if args.warm:
                    times[key].extend(got["extract"])
                    figures[key].extend(got["figures"])
                else:
                    times[key].append(got["seconds"])
    if args.warm:
        _print_warm(other, this, len(items), chars, args.runs, args.warm, times, figures, claims)
        return 0
    clock = "CPU time" if args.cpu else "wall clock"
    print(f"\nfull extraction, {len(items)} generated articles, {chars:,} characters; {clock}, median of {args.runs} round(s)")
    for key, label in (("other", str(other)), ("this", f"{this} (this checkout)")):
        t = median(times[key])
        print(f"  {label}: {chars / t:>10,.0f} chars/s  ({t:.3f} s, fastest {min(times[key]):.3f} s, {claims[key]:,.0f} claims)")
    ratio = median([o / t for o, t in zip(times["other"], times["this"])])
    print(f"  this checkout's speed / the other's (median of the rounds' ratios): {ratio:.2f}")
    return 0


def _print_warm(
    other: Path, this: Path, articles: int, chars: int, runs: int, rounds: int,
    times: dict[str, list[float]], figures: dict[str, list[float]], claims: dict[str, float],
) -> None:
    """The ``--warm`` figures: per stage, each checkout's median round and the ratio of
    the medians (the rounds of one child are not paired with the other's)."""
    print(f"\nwarm processes, {articles} generated articles, {chars:,} characters; CPU time, "
          f"median of {runs} process(es) x {rounds} round(s) per checkout")
    context = {k: [e - f for e, f in zip(times[k], figures[k])] for k in times}
    for key, label in (("other", str(other)), ("this", f"{this} (this checkout)")):
        print(f"  {label}: full extraction {median(times[key]):.3f} s ({chars / median(times[key]):,.0f} chars/s, "
              f"{claims[key]:,.0f} claims), figures only {median(figures[key]):.3f} s, "
              f"context stage {median(context[key]):.3f} s")
    for stage, values in (("full extraction", times), ("figures only", figures), ("context stage", context)):
        print(f"  {stage}: this checkout {median(values['other']) / median(values['this']):.2f}x as fast as the other (ratio of the medians)")


if __name__ == "__main__":
    sys.exit(main())
