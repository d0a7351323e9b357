"""What a rule set holds, counted for some of its files: ``factcheck rules validate``
loads a topic folder with the shipped rules (as ``factcheck run --rules`` does) and
reports the folder's own figures, checks, series and places."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.rules.schema import RuleSet


def files_from(rules: RuleSet, given: Sequence[Path]) -> set[str]:
    """How the files of ``rules`` loaded from ``given`` (folders, or single rule files)
    are shown. Paths are compared resolved: "topic/" and "./topic" are one folder."""
    roots = {Path(g).resolve() for g in given}
    return {
        shown for path, shown in zip(rules.files, rules.shown, strict=True)
        if (resolved := Path(path).resolve()) in roots or resolved.parent in roots
    }


@dataclass(frozen=True)
class RuleCounts:
    files: int
    figures: int
    checks: int
    series: int
    values: int
    places: int

    def describe(self) -> str:
        return (
            f"{self.files} file(s), {self.figures} figure(s), {self.checks} check(s), "
            f"{self.series} reference series ({self.values} values), {self.places} place(s)"
        )


def counts(rules: RuleSet, files: Iterable[str]) -> RuleCounts:
    """What the files ``files`` (as shown) of ``rules`` define."""
    own = set(files)
    series = [s for s in rules.series if s.path in own]
    return RuleCounts(
        files=sum(1 for shown in rules.shown if shown in own),
        figures=sum(1 for f in rules.figures if rules.file_of("figure", f) in own),
        checks=sum(1 for c in rules.checks if rules.file_of("check", c.id) in own),
        series=len(series),
        values=sum(len(s.points) for s in series),
        places=sum(1 for shown in rules.place_files if shown in own),
    )
