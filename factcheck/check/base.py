"""What every check works with: claims as ``Item``s, grouped and sorted once, and the
``Problem`` a check reports.

The engine turns each claim (and each point of a reference series) into an ``Item``:
its interval in the figure's unit, the dates it is about, whether it is in a checked
document and whether it may serve as evidence. ``Context`` groups the items by figure
and sorts each group by date once; checks then look up neighbours by bisection or in a
``WindowIndex`` (a segment tree over a group), so no check compares every claim with
every other: the whole run is O(n log n) in the number of claims.

``Item`` and the helpers on dates and evidence order live in ``items``, ``WindowIndex``
in ``window``; a check module imports what it needs from here alone.
"""

from __future__ import annotations

import copy

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from factcheck import units as unit_tools
from factcheck.check.items import (
    MAX_COMPARED,
    MAX_CONFLICTS,
    MAX_EVIDENCE,
    Item,
    date_span,
    days_apart,
    evidence_order,
    format_day,
    within_days,
)
from factcheck.check.window import WindowIndex
from factcheck.intervals import Interval, Tolerance
from factcheck.rules.schema import CheckRule, Figure, RuleSet

__all__ = [
    "MAX_COMPARED", "MAX_CONFLICTS", "date_key", "MAX_EVIDENCE", "Comparison", "Context", "Item", "Problem", "WindowIndex",
    "base_params", "date_span", "in_unit", "days_apart", "evidence_order", "evidence_params", "format_day", "tolerance_for",
    "within_days",
]


@dataclass(frozen=True)
class Comparison:
    """A record of one check looking at one claim: what it compared it with and whether
    they agreed. Kept so tests and ``rules test`` can tell "agreed" from "never compared"."""

    rule: str
    claim: str
    against: tuple[str, ...]
    agreed: bool


@dataclass
class Problem:
    """What a check yields: the flagged claim, the claims that contradict or supersede
    it, and the values for the rule's message placeholders."""

    item: Item
    evidence: list[Item]
    params: dict[str, Any] = field(default_factory=dict)


class Context:
    """The items of one run, grouped by figure and sorted by date, plus the run's notes."""

    def __init__(
        self, rules: RuleSet, items: list[Item], as_of: date | None, figures_only: bool = False,
        groups: dict[str, list[Item]] | None = None,
    ) -> None:
        """``groups``: the items by figure, each sorted by ``date_key``, when the caller
        has them (``factcheck.check.warm``); else made from ``items``."""
        self.rules = rules
        self._items = items
        self.figures_only = figures_only
        self.as_of = as_of
        self.notes: list[str] = []
        self._noted: set[str] = set()
        self.comparisons: list[Comparison] = []
        if groups is None:
            grouped: dict[str, list[Item]] = defaultdict(list)
            for item in items:
                if item.figure is not None:
                    grouped[item.figure.id].append(item)
            for group in grouped.values():
                group.sort(key=date_key)
            groups = dict(grouped)
        self.groups: dict[str, list[Item]] = groups
        self._dated: dict[str, list[Item]] = {}
        self._starts: dict[str, list[int]] = {}
        self._windows: dict[tuple[str, str], WindowIndex] = {}
        self._memo: dict[tuple[str, ...], Any] = {}

    # -- lookups --------------------------------------------------------------------
    @property
    def items(self) -> list[Item]:
        """Every item of the run. A context made ``figures_only`` (for checks whose
        ``SCOPE`` is "figures") holds only the items of figures and refuses this."""
        if self.figures_only:
            raise RuntimeError("a context of the items of figures only cannot give every item")
        return self._items

    @property
    def checked_items(self) -> list[Item]:
        """The items of the checked documents, in ``items`` order (what the checks that
        judge a document's own claims read, without walking the evidence)."""
        return self.memo(("checked-items",), lambda: [i for i in self.items if i.checked])

    def group(self, figure_id: str) -> list[Item]:
        """Items of one figure sorted by (start date, rank); undated ones first."""
        return self.groups.get(figure_id, [])

    def checked_of(self, figure_id: str) -> list[Item]:
        """The items of one figure from checked documents, in rank order."""
        return self.memo(("checked-of", figure_id),
                         lambda: sorted((i for i in self.group(figure_id) if i.checked), key=attrgetter("rank")))

    def in_document(self, figure_id: str, document: str) -> list[Item]:
        """The items of one figure with an interval in ``document``, in rank order."""
        def build() -> dict[str, list[Item]]:
            found: dict[str, list[Item]] = defaultdict(list)
            for item in sorted(self.group(figure_id), key=attrgetter("rank")):
                if item.interval is not None:
                    found[item.doc_id].append(item)
            return dict(found)

        return self.memo(("in-document", figure_id), build).get(document, [])

    def references(self, figure_id: str) -> list[Item]:
        """The reference series' items of one figure, in ``group`` order."""
        return self.memo(("references", figure_id), lambda: [i for i in self.group(figure_id) if i.is_reference])

    def dated(self, figure_id: str) -> list[Item]:
        """Items of one figure that have both a date and an interval, sorted by date."""
        found = self._dated.get(figure_id)
        if found is None:
            found = [i for i in self.group(figure_id) if i.dated and i.interval is not None]
            self._dated[figure_id] = found
        return found

    def starts(self, figure_id: str) -> list[int]:
        """Ordinals of the start dates of ``dated(figure_id)``, for bisection."""
        found = self._starts.get(figure_id)
        if found is None:
            found = [i.start.toordinal() for i in self.dated(figure_id)]  # type: ignore[union-attr]
            self._starts[figure_id] = found
        return found

    def window_index(self, figure_id: str, purpose: str, accept: Callable[[Item], bool]) -> WindowIndex:
        key = (figure_id, purpose)
        index = self._windows.get(key)
        if index is None:
            index = WindowIndex([i for i in self.dated(figure_id) if accept(i)])
            self._windows[key] = index
        return index

    def memo(self, key: tuple[str, ...], build: Callable[[], Any]) -> Any:
        """``build()``, once per run for ``key``: what several checks derive alike."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def evidence_memo(self, figure_id: str, key: tuple[str, ...], build: Callable[[], Any]) -> Any:
        """``build()``, once per run for ``key``, where ``build`` reads nothing but the
        evidence items of ``figure_id``: a run that shares its evidence with others (a
        server's warm corpus, ``factcheck.check.warm``) builds it once for all of them."""
        return self.memo(("evidence", figure_id, *key), build)

    def figure_ids(self, wanted: list[str] | None, kinds: tuple[str, ...] | None = None) -> list[str]:
        """The figures a check applies to, in rule order."""
        if wanted is not None:
            return [f for f in wanted if f in self.rules.figures]
        return [f.id for f in self.rules.figures.values() if kinds is None or f.kind in kinds]

    def horizon(self, item: Item) -> date | None:
        """The date the checked claim is judged at: --as-of, else its document's date."""
        if self.as_of is not None:
            return self.as_of
        if item.doc is not None and item.doc.published is not None:
            return item.doc.published
        return None

    def without(self, documents: frozenset[str]) -> Context:
        """A view of this context without the claims of ``documents`` (those out of a
        check's scope), sharing its notes and comparisons; reference points stay."""
        view = copy.copy(self)
        kept = [i for i in self._items if i.claim.doc not in documents or i.series is not None]
        Context.__init__(view, self.rules, kept, self.as_of, self.figures_only)
        view.notes, view._noted, view.comparisons = self.notes, self._noted, self.comparisons
        return view

    def adopt(self, view: Context) -> None:
        """What a rule run on ``view`` (``without``) left on it that this context's
        caller reads; a plain context keeps nothing more than the shared notes."""

    def note(self, message: str) -> None:
        if message not in self._noted:
            self._noted.add(message)
            self.notes.append(message)

    def recorded(self, run: Callable[[], Any]) -> tuple[Any, list[Comparison], list[str]]:
        """``run()``'s result with the comparisons and notes it recorded, taken out of
        this context: the notes as ``run`` would add them alone (the ones seen before
        are forgotten meanwhile), so that rules run apart can be merged in order."""
        seen, self._noted = self._noted, set()
        comparisons, notes = len(self.comparisons), len(self.notes)
        try:
            result = run()
        finally:
            self._noted = seen
        recorded = (result, self.comparisons[comparisons:], self.notes[notes:])
        del self.comparisons[comparisons:], self.notes[notes:]
        return recorded

    def compared(self, rule: CheckRule[Any], item: Item, against: list[Item], agreed: bool) -> None:
        self.comparisons.append(
            Comparison(rule.id, item.id, tuple(a.id for a in against[:MAX_COMPARED]), agreed)
        )


def date_key(item: Item) -> tuple[int, int]:
    """The order of a group's items: by start date (undated first), then rank."""
    return (item.start.toordinal() if item.start is not None else -1, item.rank)


def in_unit(items: list[Item], unit: str | None) -> Iterator[tuple[Item, Interval]]:
    """Each item with its interval converted to ``unit`` (claims no figure claims may
    mix convertible units: 2 miles and 3.2 km); items whose unit does not convert, or
    with no interval, are left out."""
    for item in items:
        factor = unit_tools.factor(item.claim.unit, unit)
        if factor is not None and item.interval is not None:
            yield item, item.interval if factor == 1.0 else item.interval.scaled(factor)


def tolerance_for(figure: Figure | None, override: Tolerance | None) -> Tolerance:
    if override is not None:
        return override
    if figure is not None:
        return figure.tolerance
    return Tolerance()


def base_params(item: Item, rule: CheckRule[Any]) -> dict[str, Any]:
    """Placeholders every message may use."""
    fig = item.figure
    return {
        "rule": rule.id,
        "value": item.value_text,
        "interval": item.interval.describe() if item.interval else "unknown",
        "figure": fig.label if fig is not None else (item.claim.entity or "figure"),
        "figure_id": fig.id if fig is not None else "",
        "figure_description": fig.description if fig is not None else "",
        "unit": (fig.unit if fig is not None else item.claim.unit) or "count",
        "date": item.date_text if item.start is not None else "an unknown date",
        "doc": (item.doc.title or item.doc.path) if item.doc is not None else item.claim.doc,
        "sentence": item.claim.sentence,
    }


def evidence_params(evidence: Item) -> dict[str, Any]:
    return {
        "evidence_value": evidence.value_text,
        "evidence_interval": evidence.interval.describe() if evidence.interval else "unknown",
        "evidence_source": evidence.source,
        "evidence_date": evidence.date_text if evidence.start is not None else "an unknown date",
        "evidence_doc": (evidence.doc.title or evidence.doc.path) if evidence.doc is not None else evidence.claim.doc,
    }
