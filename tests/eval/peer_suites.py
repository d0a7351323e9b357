"""Score ``tests.eval.peer_eval:score_adapter`` on the peer suites, in process.

Used by ``test_peer_suites.py`` (targets) and ``results.py`` (RESULTS.md). The scorer
is ``../shared/eval/score_peers.py`` itself (imported, not copied), so the figures are
those of ``score_peers.py --extractor tests.eval.peer_eval:score_adapter``;
"with exclusions" drops the case ids listed in ``exclusions.yaml`` before scoring.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def eval_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_PEER_EVAL", REPO.parent / "shared" / "eval"))


@lru_cache(maxsize=1)
def scorer():
    path = eval_dir() / "score_peers.py"
    spec = importlib.util.spec_from_file_location("score_peers", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def exclusions() -> dict[str, str]:
    data = yaml.safe_load((HERE / "exclusions.yaml").read_text(encoding="utf-8"))
    return {item["id"]: item["reason"] for item in data}


# Issue 3 targets: suite -> (minimum F1, typed?)
TARGETS: dict[str, tuple[float, bool]] = {
    "recognizers-number": (0.90, False),
    "quantulum3": (0.90, False),
    "quantulum3-spellout": (0.90, False),
    "recognizers-unit-currency": (0.95, True),
    "recognizers-unit-dimension": (0.90, True),
    "recognizers-unit-temperature": (0.90, True),
    "recognizers-percent": (0.95, False),
    "recognizers-unit-age": (0.90, True),
}


@dataclass
class Score:
    cases: int
    gold: int
    f1: float
    f1_typed: float | None
    excluded: int = 0


@lru_cache(maxsize=1)
def suites():
    sp = scorer()
    loaded, _robustness = sp.load_suites(str(eval_dir()))
    return loaded


def score_suite(name: str, *, with_exclusions: bool) -> Score:
    from tests.eval.peer_eval import score_adapter

    sp = scorer()
    records = suites()[name]
    excluded = exclusions() if with_exclusions else {}
    kept = [r for r in records if r["id"] not in excluded]
    typed = sp.type_filter(name)

    def extract(text):
        out = []
        for p in score_adapter(text):
            p = dict(p)
            p.setdefault("type", None)
            out.append(p)
        return out

    res = sp.run_suite(extract, kept, typed)
    gold = sum(1 for r in kept for e in r["expected"] if e.get("value") is not None)
    return Score(
        cases=len(kept),
        gold=gold,
        f1=res["prf"][2],
        f1_typed=res["typed_prf"][2] if res["typed_prf"] else None,
        excluded=len(records) - len(kept),
    )


def all_suite_names() -> list[str]:
    return sorted(suites())
