"""The rule-file schema: pydantic models with ``extra="forbid"``; rules are data.

One YAML schema for every rule file (``rules/*.yaml``)::

    figures:    what a figure is and how to recognise its claims
    checks:     what must hold between claims (one key picks the check kind)
    reference:  dated authoritative values, inline or in a CSV/JSONL file
    places:     gazetteer entries (see ``factcheck.places``)

This module knows no check kind. A check is an id, a ``kind`` and that kind's options;
which kinds exist and what options each takes is the registry the loader is given
(``load_rules(dirs, kinds=factcheck.check.REGISTRY)``), the way yamllint validates each
rule's configuration against the options the rule declares. ``check_entry_model`` and
``rule_file_model`` build the models of a check entry and of a whole file for a
registry: they validate rule files, generate the JSON Schema editors use (``factcheck
rules schema``) and name every option in error messages. ``RuleSet`` is what
``load_rules`` returns: every file's contents merged, with ids checked unique and
expressions parsed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, FiniteFloat, create_model, model_validator

from factcheck.errors import SourceLocation
from factcheck.intervals import Tolerance
from factcheck.models import Severity
from factcheck.places import Place
from factcheck.rules.expr import Relation
from factcheck.rules.types import (
    Days,
    FigureId,
    PatternList,
    RuleId,
    ToleranceSpec,
    WordList,
)

FigureKind = Literal["cumulative", "level", "flow", "share", "fixed"]
MatchField = Literal["entity", "predicate", "location", "attribution", "agent"]
MATCH_FIELDS: tuple[str, ...] = ("entity", "predicate", "location", "attribution", "agent")
Period = Literal["day", "prewar", "month", "span"]


class Match(BaseModel):
    """How to recognise a claim of a figure from what extraction found.

    Words match every form of a word ("remain" matches remained, remaining; "hostage"
    hostages), and ``$name`` stands for a shipped set of synonyms (``synonyms:``,
    ``rules/synonyms.yaml``). Each word list is evidence from one part of the claim's
    clause (``factcheck.models.ClaimFrame``): ``entity`` the counted thing (its noun, the
    noun of the whole it is part of, what a figure measures), ``predicate`` what
    happened (the clause's verb and its state; participles that only describe the noun
    count for less), ``agent`` who did it, ``location`` and ``attribution``. A list that
    matches adds to the figure's score; a filled field that does not match takes from
    it, and a field in ``required`` must match. ``exclude`` words in any field and
    ``exclude_sentence`` patterns rule the claim out; ``context`` words, ``sentence``
    and ``surface`` patterns must match when given. At least ``min_fields`` lists must
    match. The claim goes to the figure with the highest ``priority``, then the highest
    score, by a margin: two figures of one priority and score leave the claim without a
    figure (see ``factcheck.match``).
    """

    model_config = ConfigDict(extra="forbid")

    entity: WordList = Field(default_factory=list, description="What is counted: 'Palestinians', 'hostages'.")
    predicate: WordList = Field(default_factory=list, description="The verb or state: 'killed', 'held', 'fled'.")
    location: WordList = Field(default_factory=list, description="Where: 'Gaza', 'Rafah', 'northern Israel'.")
    attribution: WordList = Field(default_factory=list, description="Who says so: 'health ministry', 'UNRWA'.")
    agent: WordList = Field(default_factory=list, description="Who or what did it, for a figure that is the object of its verb: 'Hamas', 'attack', 'offensive'.")
    context: WordList = Field(default_factory=list, description="Words of which one must appear in the claim's own clause, in any form: 'hostage', 'captive'.")
    topic: WordList = Field(default_factory=list, description="Words of which one must appear somewhere in the claim's document: 'United Nations', 'General Assembly'. When one does, it counts as a matching list.")
    min_total: float | None = Field(default=None, description="A tally whose parts add up to less than this is not of this figure.")
    max_total: float | None = Field(default=None, description="A tally whose parts add up to more than this is not of this figure (the Security Council has 15 members).")
    mentions: list[date] = Field(default_factory=list, description="Dates the claim's sentence may mention: the day of the event a figure is about (evidence, not required).")
    rates: list[Literal["day", "week"]] = Field(default_factory=list, description="Rates the figure is counted as ('day': '500 trucks a day'); a claim of a rate not listed is not of this figure, nor is a plain count when rates are listed.")
    periods: list[Period] = Field(default_factory=list, description="The periods the figure counts, when it is not a running total: 'day' (one day's count), 'prewar', 'month' (a month to date), 'span' (a recent span: 'over the past week', 'last month'). A claim of another period is not of this figure. Default: the running total only (a flow also takes a recent span: its own period).")
    required: list[MatchField] = Field(default_factory=list, description="Fields that must be filled and match.")
    exclude: WordList = Field(default_factory=list, description="Words that rule a claim out when they appear in any of its fields.")
    sentence: PatternList = Field(default_factory=list, description="Regular expressions of which one must match the claim's sentence.")
    exclude_sentence: PatternList = Field(default_factory=list, description="Regular expressions that rule a claim out when they match its sentence.")
    surface: PatternList = Field(default_factory=list, description="Regular expressions of which one must match the claim as written ('more than 1.4 million').")
    claim_kinds: WordList = Field(default_factory=list, description="Claim kinds accepted (e.g. 'tally'); default: any.")
    min_fields: int = Field(default=1, ge=0, description="How many word lists or sentence patterns must match positively.")
    min_value: float | None = Field(default=None, description="Claims certainly below this (in the figure's unit) are not of this figure, e.g. the toll of one strike next to a war's toll.")
    max_value: float | None = Field(default=None, description="Claims certainly above this (in the figure's unit) are not of this figure.")

    @model_validator(mode="after")
    def _required_listed(self) -> Match:
        for name in self.required:
            if not getattr(self, name):
                raise ValueError(f"'{name}' is required but has no words; add a '{name}' list")
        return self


class Figure(BaseModel):
    """A quantity that claims report: a death toll, hostages held, people displaced."""

    model_config = ConfigDict(extra="forbid")

    id: FigureId
    name: str | None = Field(default=None, description="Short name for messages; default: the id with spaces.")
    description: str = Field(description="What exactly is counted, by whom, since when.")
    unit: str = Field(default="count", description="'count' (plain number), 'percent', an ISO 4217 currency, or a pint unit name.")
    kind: FigureKind = Field(description="cumulative (only grows), level (goes up and down), flow (counted since a start date), share, fixed (a count of one past event, revised as reports improve).")
    match: Match
    tolerance: ToleranceSpec = Field(default_factory=Tolerance, description="How far apart two reports may be and still agree.")
    stale_after: Days | None = Field(default=None, description="How long a value stays current, e.g. 14d.")
    priority: int = Field(default=0, description="A claim matching several figures goes to the one with the highest priority (then to the best match).")
    part_of: FigureId | None = Field(default=None, description="The figure this one is a part of (the children among a death toll): a claim of this figure is a claim of that one whose fields match this figure's lists, which replace that figure's lists of the same name. A part is never compared with its whole; the 'parts' check keeps it below it.")
    near_reference: float | None = Field(default=None, ge=1, description="How many times below or above the figure's reference series at its date a claim may be and still be of this figure (2: between half and double): a strike's toll is not the war's.")
    growth: float | None = Field(default=None, ge=0, description="For a cumulative figure: how much it may grow in a day, in its unit (default: from its reference series, else unbounded).")
    report_lag: Days = Field(default=2, description="How many days old the figure a report gives may be (reports quote the latest count they have).")
    signed: bool = Field(default=False, description="Its values may be below zero (a temperature, a budget balance, a change); otherwise a reference value below zero is refused as impossible.")

    @property
    def label(self) -> str:
        return self.name or self.id.replace("_", " ").capitalize()


class CheckKind(Protocol):
    """What rule loading needs of a check kind (a module of ``factcheck.check``): its
    key in rule files, the record of its options, the placeholders its messages may use,
    its default message and severity."""

    ID: str
    Options: type[BaseModel]
    PLACEHOLDERS: Mapping[str, str]
    DEFAULT_MESSAGE: str
    DEFAULT_SEVERITY: str


Kinds = Mapping[str, CheckKind]

OptionsT = TypeVar("OptionsT", bound=BaseModel)

# The keys a check entry has besides its kind key.
CHECK_KEYS = ("id", "description", "severity", "message")


class CheckRule(BaseModel, Generic[OptionsT]):
    """One check of a rule set: its id, its kind and that kind's validated options."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: RuleId
    kind: str
    options: OptionsT
    description: str | None = None
    severity: Severity | None = Field(default=None, description="error, warning or info (default: the check kind's).")
    message: str | None = Field(default=None, description="Message template with named placeholders, e.g. {value}.")


def _kinds_key(kinds: Kinds) -> tuple[tuple[str, type[BaseModel]], ...]:
    return tuple((name, kind.Options) for name, kind in kinds.items())


def check_entry_model(kinds: Kinds) -> type[BaseModel]:
    """The model of a check as a rule file writes it: an id, how to report, and exactly
    one key naming a kind of ``kinds`` with its options (``consistency: {window: 2d}``)."""
    return _entry_model(_kinds_key(kinds))


@lru_cache(maxsize=8)
def _entry_model(kinds: tuple[tuple[str, type[BaseModel]], ...]) -> type[BaseModel]:
    names = [name for name, _ in kinds]

    class _Entry(BaseModel):
        model_config = ConfigDict(
            extra="forbid",
            json_schema_extra={"oneOf": [{"required": [k]} for k in names]},
        )

        id: RuleId
        description: str | None = None
        severity: Severity | None = Field(default=None, description="error, warning or info (default: the check kind's).")
        message: str | None = Field(default=None, description="Message template with named placeholders, e.g. {value}.")

        @model_validator(mode="before")
        @classmethod
        def _one_kind(cls, data: Any) -> Any:
            if not isinstance(data, dict):
                return data
            present = [k for k in names if k in data]
            if not present and set(data) - set(cls.model_fields):
                return data  # a misspelt kind: the unknown-key error says which was meant
            if len(present) != 1:
                listed = ", ".join(names)
                if not present:
                    raise ValueError(f"a check needs one kind key: {listed}")
                raise ValueError(f"a check has exactly one kind key, this one has {len(present)}: {', '.join(present)}")
            if data[present[0]] is None:  # "consistency:" with no options
                data = {**data, present[0]: {}}
            return data

    fields: dict[str, Any] = {name: (options | None, None) for name, options in kinds}
    return create_model("CheckRule", __base__=_Entry, __doc__="One check: an id, exactly one kind key with its options, and how to report.", **fields)


def check_rule(entry: BaseModel) -> CheckRule[Any]:
    """The ``CheckRule`` of a validated check entry (``check_entry_model``)."""
    values = entry.model_dump(include=set(CHECK_KEYS))
    kind = next(k for k in type(entry).model_fields if k not in CHECK_KEYS and getattr(entry, k) is not None)
    return CheckRule(kind=kind, options=getattr(entry, kind), **values)


ReferenceQualifier = Literal["exact", "approx", "over", "under", "at_least", "at_most"]


class ReferencePoint(BaseModel):
    """One dated value of a reference series."""

    model_config = ConfigDict(extra="forbid")

    date: date
    # Finite: NaN compares false with everything, and an infinite value is no count.
    value: FiniteFloat
    qualifier: ReferenceQualifier = "exact"
    lower: FiniteFloat | None = Field(default=None, description="Overrides the interval's lower end.")
    upper: FiniteFloat | None = Field(default=None, description="Overrides the interval's upper end.")
    source: str | None = Field(default=None, description="Who gave this value, if not the series' source.")
    url: str | None = None
    note: str | None = None


class ReferenceSeries(BaseModel):
    """Dated authoritative values of one figure: evidence like any claim, with its source."""

    model_config = ConfigDict(extra="forbid")

    id: RuleId
    figure: FigureId
    source: str = Field(description="Who publishes the values, shown in findings.")
    url: str | None = None
    description: str | None = None
    file: str | None = Field(default=None, description="A CSV or JSONL file of points, relative to this rule file.")
    points: list[ReferencePoint] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_points(self) -> ReferenceSeries:
        if self.file is None and not self.points:
            raise ValueError("a reference series needs 'points' or a 'file'")
        return self


class Scope(BaseModel):
    """The documents a rule file is about: its figures assign claims, and its checks see
    claims, of these documents only (``factcheck.match.scope``).

    A document is in scope when it mentions one of the ``places`` (by any name, alias or
    demonym of the place or of a place within it), or one of the ``words`` (in any
    form), or is from one of the ``outlets``: any one of them is enough. Its title,
    text and URL are read (a URL's slug is most often its headline). A date range (``since``, ``until``) must hold as well; a document with no
    date is taken to be in range. A scope that names none of places, words and outlets
    is a date range alone.
    """

    model_config = ConfigDict(extra="forbid")

    places: WordList = Field(default_factory=list, description="Places of the gazetteer a document may mention: 'Gaza' (also Rafah, Gazan, the Gaza Strip: its aliases, demonyms and the places within it).")
    words: WordList = Field(default_factory=list, description="Words or phrases a document may mention (its title, text or URL), in any form: 'hostage', 'Security Council'.")
    outlets: WordList = Field(default_factory=list, description="Outlets a document may be from (its outlet, any case): 'City Gazette'.")
    since: date | None = Field(default=None, description="Documents published on or after this day only (YYYY-MM-DD).")
    until: date | None = Field(default=None, description="Documents published on or before this day only (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _says_something(self) -> Scope:
        if not (self.places or self.words or self.outlets or self.since or self.until):
            raise ValueError("a scope needs places, words, outlets, since or until")
        if self.since is not None and self.until is not None and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def describe(self) -> str:
        """The scope in words, for ``factcheck config show``."""
        parts = []
        for key, values in (("places", self.places), ("words", self.words), ("outlets", self.outlets)):
            if values:
                parts.append(f"{key}: {', '.join(values)}")
        said = "documents mentioning " + " or ".join(parts) if parts else "documents"
        if self.since is not None:
            said += f", published since {self.since}"
        if self.until is not None:
            said += f", published until {self.until}"
        return said


class RuleFile(BaseModel):
    """The top level of a rule file; ``rule_file_model`` gives its checks their kinds."""

    model_config = ConfigDict(extra="forbid", title="factcheck rule file")

    description: str | None = None
    scope: Scope | None = Field(default=None, description="The documents this file's figures and checks apply to (default: every document).")
    figures: list[Figure] = Field(default_factory=list)
    checks: list[dict[str, Any]] = Field(default_factory=list)
    reference: list[ReferenceSeries] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    synonyms: dict[str, WordList] = Field(default_factory=dict, description="Named sets of words that rules use as $name.")


def rule_file_model(kinds: Kinds) -> type[RuleFile]:
    """``RuleFile`` whose ``checks`` are entries of the kinds of ``kinds``."""
    return _file_model(_kinds_key(kinds))


@lru_cache(maxsize=8)
def _file_model(kinds: tuple[tuple[str, type[BaseModel]], ...]) -> type[RuleFile]:
    entry = _entry_model(kinds)
    return create_model(  # type: ignore[call-overload, no-any-return]
        "RuleFile", __base__=RuleFile, checks=(list[entry], Field(default_factory=list))  # type: ignore[valid-type]
    )


@dataclass
class LoadedSeries:
    """A reference series with its points (from the file, if it has one)."""

    series: ReferenceSeries
    points: list[ReferencePoint]
    path: str  # the rule file that declares the series

    @property
    def id(self) -> str:
        return self.series.id


@dataclass
class RuleSet:
    """Every rule file of a run, merged and validated."""

    figures: dict[str, Figure] = field(default_factory=dict)
    checks: list[CheckRule[Any]] = field(default_factory=list)
    series: list[LoadedSeries] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    # How each file is shown ("rules/un.yaml"), in the order of ``files``.
    shown: list[str] = field(default_factory=list)
    # The scope of each scoped file, by how it is shown; a file not here applies to
    # every document.
    scopes: dict[str, Scope] = field(default_factory=dict)
    # Parsed relation expressions by check id.
    expressions: dict[str, Relation] = field(default_factory=dict)
    # Where each figure, check and series was defined: ("figure", id) -> location.
    origins: dict[tuple[str, str], SourceLocation] = field(default_factory=dict)
    # The file (as shown) of each place, in the order of ``places`` (two files may
    # name one place, so a place has no origin of its own).
    place_files: list[str] = field(default_factory=list)
    # Where each regular expression of a figure's match was written: (figure id, field,
    # pattern) -> location, so that a message about a pattern points at the pattern.
    pattern_origins: dict[tuple[str, str, str], SourceLocation] = field(default_factory=dict)

    def check(self, rule_id: str) -> CheckRule[Any] | None:
        for c in self.checks:
            if c.id == rule_id:
                return c
        return None

    def file_of(self, what: str, ident: str) -> str | None:
        """The file (as shown) that defines figure, check or series ``ident``."""
        where = self.origins.get((what, ident))
        return where.path if where is not None else None

    def parts(self, figure_id: str) -> list[Figure]:
        """The figures declared parts of ``figure_id``."""
        return [f for f in self.figures.values() if f.part_of == figure_id]

    def whole(self, figure_id: str) -> Figure | None:
        """The figure ``figure_id`` is a part of, if any."""
        figure = self.figures.get(figure_id)
        return self.figures.get(figure.part_of) if figure is not None and figure.part_of else None
