"""Where full extraction's time goes, by stage and module: ``extract`` on the generated
articles under cProfile, each function's own time (``tottime``) summed per module of
``factcheck/extract/``, a C call (a pattern's scan) charged to the modules that made it. Shares, not seconds: the profiler's overhead inflates every call.

    python benchmarks/profile_extract.py [--articles 100] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections import defaultdict
from pathlib import Path

from _common import REPO, corpus, print_machine


def _module(path: str) -> str:
    """The module of a profiled function: ``quantities/prescan.py``, or where the
    time went outside factcheck/extract (pydantic, the standard library, builtins)."""
    p = Path(path)
    parts = p.parts
    if "factcheck" in parts:
        inside = parts[parts.index("factcheck") + 1 :]
        if inside[:1] == ("extract",):
            return "/".join(inside[1:])
        return "factcheck/" + "/".join(inside)
    if path.startswith("~") or path == "<string>":
        return "builtins (C)"
    return "other Python"


def _stage(module: str) -> str:
    if module.startswith("quantities/"):
        return "figures (find_quantities)"
    if module.startswith("context/"):
        return "context"
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Full extraction under cProfile: time per stage and module.")
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--top", type=int, default=25, help="modules to list")
    args = ap.parse_args(argv)
    print_machine(headroom=False)
    sys.path.insert(0, str(REPO))
    from factcheck.extract import extract

    items = corpus.dated_bodies(args.articles, args.seed)
    for text, day in items[:10]:
        extract(text, day)  # warm: patterns compiled, tables built
    profile = cProfile.Profile()
    profile.enable()
    for text, day in items:
        extract(text, day)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    per_module: dict[str, float] = defaultdict(float)
    for (path, _line, _name), (_cc, _nc, tottime, _ct, callers) in stats.items():
        if _module(path) == "builtins (C)" and callers:
            # a C call (a pattern's scan, str.join) is charged to the modules that made
            # it, by the time each caller spent in it
            for (caller_path, _l, _n), caller_stats in callers.items():
                per_module[_module(caller_path)] += caller_stats[2]
        else:
            per_module[_module(path)] += tottime
    total = sum(per_module.values())
    per_stage: dict[str, float] = defaultdict(float)
    for module, t in per_module.items():
        per_stage[_stage(module)] += t
    print(f"\nfull extraction of {len(items)} generated articles under cProfile: {total:.3f} s of own time")
    print("\n| stage | share |\n| --- | ---: |")
    for stage, t in sorted(per_stage.items(), key=lambda kv: -kv[1]):
        print(f"| {stage} | {t / total:.0%} |")
    print("\n| module | share |\n| --- | ---: |")
    for module, t in sorted(per_module.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"| {module} | {t / total:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
