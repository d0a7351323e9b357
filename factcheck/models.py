"""The data factcheck passes between its stages and writes out.

These pydantic models are the boundary described in CONTRACT.md: ``Report`` serialises
to the JSON document that downstream tools read. Fields beyond the contract are allowed
(the contract says "add fields freely") but the contract's names and meanings are fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Qualifier = Literal["exact", "approx", "over", "under", "at_least", "at_most", "range", "vague"]
Severity = Literal["error", "warning", "info"]
Role = Literal["checked", "corpus"]
# What a figure is to the thing it measures (``factcheck.extract.quantities.changes``):
# an amount of change, the old or new value of a change, or a bracketed conversion of
# the figure before it ("€10 ($11)"); null for a plain level.
ChangeRole = Literal["change", "before", "after", "conversion"]
Direction = Literal["up", "down"]
DatePrecision = Literal["day", "month", "year"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

# The format of the pseudo-document of a reference series, and the kind of its points
# as claims (reports tell reference values from reporting by these).
REFERENCE_FORMAT = "reference"
REFERENCE_KIND = "reference"


@dataclass(frozen=True, slots=True)
class DocPath:
    """A document's path split into its file and, for a document that is one record of
    a file of records (JSONL, JSON), the record: "archive.jsonl#3" is record "3" of
    "archive.jsonl"; "draft.md" is a whole file (``record`` None)."""

    file: str
    record: str | None = None

    @classmethod
    def parse(cls, path: str) -> DocPath:
        file, hash_sign, record = path.partition("#")
        return cls(file, record if hash_sign else None)

    def with_file(self, file: str) -> DocPath:
        return DocPath(file, self.record)

    def __str__(self) -> str:
        return self.file if self.record is None else f"{self.file}#{self.record}"


class Document(BaseModel):
    """One article, draft or archive record, with the text factcheck reads.

    ``text`` is the document as factcheck reads it: front matter removed, and for HTML
    and .docx the markup too (Markdown keeps its markup so offsets stay simple).
    Claim offsets refer to it. ``line_offset`` is how many lines of the source file come
    before ``text`` (front matter), so that reports can point at the file's own lines.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    role: Role = "corpus"
    format: str = "txt"
    text: str = Field(default="", exclude=True, repr=False)
    line_offset: int = 0
    # Where each metadata field came from ("cli", "front_matter", "manifest", "record", "html").
    metadata_source: dict[str, str] = Field(default_factory=dict)
    # Fields of a manifest or record that factcheck keeps but does not interpret
    # (e.g. the seed manifest's outlet_confidence and date_confidence).
    extra: dict[str, Any] = Field(default_factory=dict)


class ClaimFrame(BaseModel):
    """What the clause around a figure says about it (``factcheck.extract.context.frame``):
    the counted thing, the governing verb, who did it, what the figure is a part of, the
    period it counts and whether it is an earlier value the sentence sets aside. Words
    are lemmas ("hostage", "hold"), so that rules match every form of a word."""

    model_config = ConfigDict(extra="forbid")

    # The counted thing: the head noun of the figure's noun phrase and the words that
    # narrow it ("living", "dead", "remains", "food").
    noun: str | None = None
    modifiers: list[str] = Field(default_factory=list)
    # The governing verb of the figure's clause ("hold", "kill", "be"), with what a
    # copula or "remain" says ("dead", "in captivity"), voice, tense and negation.
    verb: str | None = None
    complement: list[str] = Field(default_factory=list)
    voice: Literal["active", "passive"] | None = None
    tense: str | None = None
    negated: bool = False
    # A verb the sentence reports the figure through ("are thought to be held": think).
    stance: str | None = None
    # How the figure stands in its clause: "subject", "object", "measure" (the value of
    # something else: "the toll rose to 32,000"), "whole" (of a partitive), "modifier"
    # (only a participle or relative clause describes it), "exist", "none".
    how: str | None = None
    # Verbs of participles and relative clauses that only describe the counted thing
    # ("hostages seized on Oct. 7 are ...": seize).
    described_by: list[str] = Field(default_factory=list)
    # Who did it, when the figure is the object ("Israel's offensive has killed ...").
    agent: list[str] = Field(default_factory=list)
    # What the counted did something to, when the figure is the subject of an active
    # verb with an object ("the two held a meeting": meeting): the verb is then their
    # act, not what happened to them.
    acted_on: str | None = None
    # What a "measure" figure is the value of ("death", "toll").
    measured: list[str] = Field(default_factory=list)
    # The claim this one is a part of ("43 of whom", "X among them", "X of the Y"), its
    # start offset while the claims have no ids yet, and the relation that says so.
    part_of: str | None = None
    whole_start: int | None = None
    part_relation: str | None = None
    # The noun of the whole when the whole is no figure ("31 of the hostages": hostage;
    # "X are among the dead": dead).
    whole_noun: str | None = None
    # The period counted when it is not the running total: "day" (one day's count),
    # "prewar", "month" (a month to date), "span" (a recent span: "over the past week");
    # ``rate`` "day" for a daily rate.
    period: str | None = None
    rate: str | None = None
    # "earlier": a value the sentence sets aside ("down from 1,400").
    role: Literal["current", "earlier"] = "current"
    # "for", "against" or "abstain": the figure is a part of a vote tally.
    vote: str | None = None
    # Every date the sentence mentions (events included: "the Oct. 7 attack").
    mentions: list[date] = Field(default_factory=list)
    # Document offsets of the figure's clause (``context`` words are looked for there).
    clause: tuple[int, int] | None = None
    # What "where" stands for when the clause opens with it ("Rafah, the city where ...").
    place: str | None = None
    # The claim whose figure this one is a value of: an earlier value ("down from 1,400")
    # or a generic "the figure is now 1,200" next to it (its id; its start offset while
    # the claims have no ids).
    value_of: str | None = None
    value_of_start: int | None = None


class Claim(BaseModel):
    """One numeric claim found in a document (CONTRACT.md ``claims[]``)."""

    model_config = ConfigDict(extra="forbid")

    id: str = ""
    doc: str = ""
    start: int
    end: int
    surface: str
    sentence: str = ""
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: Qualifier
    unit: str | None = None
    entity: str | None = None
    predicate: str | None = None
    location: str | None = None
    attribution: str | None = None
    as_of: date | None = None
    figure: str | None = None

    # -- beyond the contract -------------------------------------------------------
    # Whether the interval's ends are themselves included: "more than 1.4 million" is
    # [1.4e6, 1.5e6) with lower included, "fewer than 10" excludes 10.
    lower_open: bool = False
    upper_open: bool = False
    # What sort of figure: "count", "quantity", "money", "percent", "share", "tally", ...
    kind: str = "count"
    # A vote tally's parts, "158-9-13" -> [158, 9, 13].
    parts: list[float] | None = None
    # How the hedge word read ("more than", "around"), null for a bare figure.
    hedge: str | None = None
    # Precision of as_of, and where it came from ("explicit", "relative", "published").
    as_of_precision: DatePrecision | None = None
    as_of_source: str | None = None
    # Start of the period a flow figure counts ("since May 6").
    period_start: date | None = None
    # What the counted entity is, where the noun says less ("people" taken hostage -> "hostages").
    entity_type: str | None = None
    # Where ``location`` was found: "phrase" (the claim's own clause), "sentence",
    # "paragraph", "document" (the article's dominant place), "demonym". A place stated
    # in the claim's own phrase makes it a count of that place, not of a larger one.
    location_source: str | None = None
    quoted: bool = False
    # 1-based line and column of ``start`` in the source file (for SARIF, annotations).
    line: int | None = None
    column: int | None = None
    # The clause analysis of the figure (see ``ClaimFrame``).
    frame: ClaimFrame | None = None
    # A change and the two values of a change: "rose 3%" is a change (direction up);
    # "dropped from $1,980 to $1,740" is a "before" and an "after" value, each naming
    # the other in ``pair`` (its id; ``pair_start`` its start offset, which is all a
    # claim has before ids are given); a conversion names the figure it converts. A
    # change is never compared with a level, nor a conversion taken as a second claim.
    role: ChangeRole | None = None
    direction: Direction | None = None
    pair: str | None = None
    pair_start: int | None = None
    # A number beyond any float (``1.8e308``, thousands of digits): kept as a vague claim
    # with the interval that is known, compared by no check.
    unrepresentable: bool = False
    # The whole number as written when its float value rounds it
    # ("999999999999999999999" for 1e+21); the interval then covers the written number.
    exact: str | None = None


class Reason(BaseModel):
    """One check's verdict within a finding: when several checks flag one claim for the
    same problem (a stale toll is out of date, disagrees with the day's figure and looks
    like a fall), the finding is one and each check is a reason of it."""

    model_config = ConfigDict(extra="forbid")

    id: str  # the id the check's own finding had
    rule: str
    kind: str
    severity: Severity
    message: str
    evidence: list[str] = Field(default_factory=list)
    fingerprint: str | None = None
    suppressed: bool = False
    suppression: str | None = None
    # How it was suppressed ({"kind": "inline" | "baseline", "reason", ...}), if it was.
    suppressed_by: dict[str, Any] | None = None


class Finding(BaseModel):
    """A problem a check found with a claim in a checked document (CONTRACT.md ``findings[]``)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    rule: str
    kind: str
    severity: Severity
    message: str
    claim: str
    evidence: list[str] = Field(default_factory=list)
    figure: str | None = None

    # -- beyond the contract -------------------------------------------------------
    doc: str | None = None
    # Survives edits elsewhere in the text: rule, figure, normalised value, document identity.
    fingerprint: str | None = None
    suppressed: bool = False
    suppression: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    # Every check that flagged the claim for this problem, the finding's own rule first
    # (``factcheck.check.merge``); a finding straight from one check has none.
    reasons: list[Reason] = Field(default_factory=list)

    def also(self) -> list[Reason]:
        """The reasons beside the finding's own that are not suppressed: what a report
        shows under the message ("also: ...")."""
        return [r for r in self.reasons[1:] if not r.suppressed]


class Agreement(BaseModel):
    """A check that compared a claim with others and found nothing wrong: what a reader
    needs to trust a clean report ("810,000 fled against over 800,000 evacuated: consistent")."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    claim: str
    against: list[str]
    verdict: str
    summary: str


class Report(BaseModel):
    """The JSON document of CONTRACT.md."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    documents: list[Document] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    # Things the user should know that are not findings: checks skipped for want of a
    # date, legacy encodings guessed, unused suppressions.
    notes: list[str] = Field(default_factory=list)
    # Comparisons that found the figures in order (checked claims only).
    agreements: list[Agreement] = Field(default_factory=list)
    # The reference series points findings cite as evidence (claims of kind
    # "reference"), and the series they come from. They are not documents the run read
    # nor claims of them, so they are kept out of ``documents`` and ``claims``; a
    # finding's evidence id names a claim of ``claims`` or of ``references``.
    reference_series: list[Document] = Field(default_factory=list)
    references: list[Claim] = Field(default_factory=list)


# Lists of claims as JSON, for the claim index and the extraction workers: one adapter,
# built once (building it compiles a schema).
CLAIM_LIST: TypeAdapter[list[Claim]] = TypeAdapter(list[Claim])
