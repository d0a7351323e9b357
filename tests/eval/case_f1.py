"""F1 of ``find_quantities`` on the case tables of issue 15 (tests/extract/cases/), per
file: a predicted claim is right when its surface overlaps a gold claim's and every
field the table states for it (value, interval, qualifier, unit, role, direction)
agrees; one-to-one per sentence, micro-averaged. ``entity`` is left to the case tests.

    python -m tests.eval.case_f1 [CHECKOUT]

CHECKOUT (default: this one) is put first on ``sys.path``, so that the same tables can
score an older checkout (fields it does not know count as wrong).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import yaml

FILES = ("changes", "from_to", "vague_words", "units_wild", "names", "down_from", "apostrophe_years", "currencies_more")
CASES = Path(__file__).resolve().parents[1] / "extract" / "cases"
_SKIP = frozenset({"surface", "entity"})


def _agrees(gold: dict, got: dict) -> bool:
    for field, want in gold.items():
        if field in _SKIP:
            continue
        have = got.get(field)
        if isinstance(want, float | int) and not isinstance(want, bool):
            if not isinstance(have, float | int) or not math.isclose(want, have, rel_tol=1e-9, abs_tol=1e-12):
                return False
        elif want != have:
            return False
    return True


def score(name: str, find) -> tuple[int, int, int, int]:  # noqa: ANN001
    """(sentences, gold, predicted, right) for one case file."""
    cases = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    gold_n = pred_n = right = 0
    for case in cases:
        text = case["text"]
        got = [c.model_dump() for c in find(text)]
        gold = case["claims"]
        gold_n += len(gold)
        pred_n += len(got)
        used: set[int] = set()
        for g in gold:
            start = text.find(g["surface"])
            for k, p in enumerate(got):
                if k in used or not (p["start"] < start + len(g["surface"]) and start < p["end"]):
                    continue
                if _agrees(g, p):
                    used.add(k)
                    right += 1
                    break
    return len(cases), gold_n, pred_n, right


def main() -> None:
    if len(sys.argv) > 1:
        sys.path.insert(0, sys.argv[1])
    from factcheck.extract.quantities import find_quantities

    print("| case file | sentences | gold | predicted | right | F1 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    total = [0, 0, 0, 0]
    for name in FILES:
        row = score(name, find_quantities)
        total = [a + b for a, b in zip(total, row)]
        print(_row(name, *row))
    print(_row("**all**", *total))


def _row(name: str, sentences: int, gold: int, pred: int, right: int) -> str:
    p = right / pred if pred else 1.0
    r = right / gold if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"| {name} | {sentences} | {gold} | {pred} | {right} | {f1:.3f} |"


if __name__ == "__main__":
    main()
