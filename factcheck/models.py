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


# Lists of claims as JSON, for the claim index and the extraction workers: one adapter,
# built once (building it compiles a schema).
CLAIM_LIST: TypeAdapter[list[Claim]] = TypeAdapter(list[Claim])
