"""F1 of ``find_quantities`` on every case table (tests/extract/cases/*.yaml, those of
issue 3 too), per file, and how often what is counted is right:

* a predicted claim is right when its surface overlaps a gold claim's and every field
  the table states for it (value, interval, qualifier, unit, role, direction) agrees;
  one-to-one per sentence, micro-averaged;
* *what is counted*: every gold claim that states ``entity`` is read through the
  context stage (``extract``) and is right when the claim overlapping it has an entity
  with the same head (``entity_head``: lower case, the word before an of-phrase, else
  the last word; "Shares of the airline" -> "shares", "average teacher salary" ->
  "salary"). ``entity: null`` says the figure counts nothing named (a duration, "Millions
  of dollars were wasted"): right only when the claim's entity is null too. A gold
  claim with no ``entity`` key is not scored for it (a conversion, or a case too
  ambiguous to annotate). ``entity_type`` is never scored here.

Cases marked ``held_out: true`` are scored again in a row of their own, per file: the last
ones of counted.yaml (written before the entity heuristics were tuned) and of
what_changes.yaml (written after its mechanism, scored once before any further change).

    python -m tests.eval.case_f1 [CHECKOUT]

CHECKOUT (default: this one) is put first on ``sys.path``, so that the same tables can
score an older checkout (fields it does not know count as wrong).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

CASES = Path(__file__).resolve().parents[1] / "extract" / "cases"
# Every case table, the issue-3 ones too: a table added later is scored without a change here.
FILES = tuple(sorted(p.stem for p in CASES.glob("*.yaml")))
_SKIP = frozenset({"surface", "entity", "entity_type"})
_NONE = "(none)"


def entity_head(entity: str | None) -> str | None:
    """The word an entity is compared on: lower case, straight apostrophes, without a
    possessive; the noun before an of-phrase ("price of a ticket" -> "price"), else the
    last word."""
    if entity is None:
        return None
    words = entity.lower().replace("’", "'").split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    if not words:
        return None
    head = words[-1]
    return head[:-2] if head.endswith("'s") else head.rstrip("'")


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


@dataclass
class Score:
    sentences: int = 0
    gold: int = 0
    predicted: int = 0
    right: int = 0
    counted: int = 0  # gold claims that state what is counted
    counted_right: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.sentences, self.gold, self.predicted, self.right, self.counted, self.counted_right)

    @property
    def f1(self) -> float:
        p = self.right / self.predicted if self.predicted else 1.0
        r = self.right / self.gold if self.gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_spans(text: str, gold: list[dict]) -> list[tuple[int, int]]:
    """Where each gold claim's surface is in ``text``. The claims of a case are listed in
    text order, so a surface written twice ("150% of GDP; prices rose 150%") is looked
    for after the claim before it; a surface not in the text is an error in the table."""
    spans: list[tuple[int, int]] = []
    after = 0
    for g in gold:
        surface = g.get("surface")
        if not surface:
            raise ValueError(f"{text!r}: a gold claim has no surface: {g}")
        start = text.find(surface, after)
        if start < 0:  # a claim listed out of order
            start = text.find(surface)
        if start < 0:
            raise ValueError(f"{text!r}: surface {surface!r} is not in the text")
        spans.append((start, start + len(surface)))
        after = start + len(surface)
    return spans


def _pairs(text: str, gold: list[dict], got: list[dict], agree: Callable[[dict, dict], bool]) -> Iterable[tuple[dict, dict]]:
    """Gold claims with the first unused overlapping prediction that ``agree`` accepts."""
    used: set[int] = set()
    for g, (start, end) in zip(gold, gold_spans(text, gold)):
        for k, p in enumerate(got):
            if k not in used and p["start"] < end and start < p["end"] and agree(g, p):
                used.add(k)
                yield g, p
                break


def misses(case: dict, extract: Callable) -> list[tuple[str, str | None, str | None]]:  # noqa: ANN001
    """(surface, expected entity, entity found) of each gold claim of ``case`` whose
    counted thing is wrong."""
    text = case["text"]
    got = [c.model_dump() for c in extract(text, None)]
    gold = [g for g in case["claims"] if "entity" in g]
    found = {id(g): p for g, p in _pairs(text, gold, got, lambda g, p: True)}
    out = []
    for g in gold:
        have = found[id(g)]["entity"] if id(g) in found else _NONE
        if id(g) not in found or entity_head(have) != entity_head(g["entity"]):
            out.append((g["surface"], g["entity"], have))
    return out


def score_cases(cases: list[dict], find: Callable, extract: Callable) -> Score:  # noqa: ANN001
    s = Score(sentences=len(cases))
    for case in cases:
        text = case["text"]
        got = [c.model_dump() for c in find(text)]
        gold = case["claims"]
        s.gold += len(gold)
        s.predicted += len(got)
        s.right += sum(1 for _ in _pairs(text, gold, got, _agrees))
        counted = [g for g in gold if "entity" in g]
        if counted:
            s.counted += len(counted)
            s.counted_right += len(counted) - len(misses(case, extract))
    return s


def load(name: str) -> list[dict]:
    return yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if args:
        sys.path.insert(0, args[0])
    from factcheck.extract import extract
    from factcheck.extract.quantities import find_quantities

    print("| case file | sentences | gold | predicted | right | F1 | what is counted |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    total = Score()
    for name in FILES:
        row = score_cases(load(name), find_quantities, extract)
        total += row
        print(_row(name, row))
    print(_row("**all**", total))
    for name in FILES:
        held = [c for c in load(name) if c.get("held_out")]
        if held:
            print(_row(f"{name}, held out (also in {name})", score_cases(held, find_quantities, extract)))
    if "--misses" in sys.argv:
        for name in FILES:
            for case in load(name):
                for surface, want, have in misses(case, extract) if any("entity" in g for g in case["claims"]) else ():
                    print(f"{name}: {case['text']!r} {surface!r}: expected {want!r}, got {have!r}")


def _row(name: str, s: Score) -> str:
    counted = f"{s.counted_right}/{s.counted} right" if s.counted else "-"
    return f"| {name} | {s.sentences} | {s.gold} | {s.predicted} | {s.right} | {s.f1:.3f} | {counted} |"


if __name__ == "__main__":
    main()
