"""The HTTP boundary as pydantic models: what a client may send, and the shapes of
the answers that are not CONTRACT.md's report (errors, figures, LanguageTool matches).

Every request model forbids unknown fields and names the field at fault: a client that
misspells ``publshed`` is told so (HTTP 422) instead of having its date silently
ignored.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_TEXT_FIELD = 200


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class DraftMetadataIn(Strict):
    """Metadata of the draft; each beats what the draft itself says."""

    title: str | None = Field(default=None, max_length=MAX_TEXT_FIELD * 5)
    outlet: str | None = Field(default=None, max_length=MAX_TEXT_FIELD)
    published: date | None = Field(default=None, description="YYYY-MM-DD; default: the draft's own date, else today.")
    url: str | None = Field(default=None, max_length=2000)


class CheckRequest(Strict):
    """``POST /v1/check``: a draft as ``text`` or as a base64 ``document`` whose
    ``filename`` gives its format (.md, .txt, .html, .docx)."""

    text: str | None = Field(default=None, description="The draft's text (Markdown front matter is read).")
    document: str | None = Field(default=None, description="The draft file, base64-encoded.")
    filename: str | None = Field(default=None, max_length=255, description="The file's name; its extension is its format.")
    metadata: DraftMetadataIn = Field(default_factory=DraftMetadataIn)
    as_of: date | None = Field(default=None, description="Judge the figures as of this date instead of the publication date.")

    @model_validator(mode="after")
    def _one_draft(self) -> CheckRequest:
        if (self.text is None) == (self.document is None):
            raise ValueError("give exactly one of 'text' and 'document'")
        if self.document is not None and not self.filename:
            raise ValueError("'filename' is required with 'document' (its extension is the format)")
        return self


class AnnotationPart(Strict):
    """One piece of LanguageTool's annotated text."""

    text: str | None = None
    markup: str | None = None
    interpretAs: str | None = None  # noqa: N815 - LanguageTool's name

    @model_validator(mode="after")
    def _text_or_markup(self) -> AnnotationPart:
        if (self.text is None) == (self.markup is None):
            raise ValueError("each part has exactly one of 'text' and 'markup'")
        return self


class Annotation(Strict):
    annotation: list[AnnotationPart]


class LanguageToolForm(Strict):
    """``POST /v2/check`` form fields (LanguageTool's). Fields LanguageTool clients send
    that factcheck has no use for (``enabledOnly``, ``level``, ``motherTongue``...) are
    accepted and ignored, so an editor plug-in pointed at factcheck works unchanged."""

    text: str | None = None
    data: str | None = Field(default=None, description="LanguageTool's annotated text as JSON.")
    language: str = Field(default="auto", max_length=40)
    published: date | None = Field(default=None, description="factcheck's own field: the draft's publication date.")

    @model_validator(mode="after")
    def _one_text(self) -> LanguageToolForm:
        if (self.text is None) == (self.data is None):
            raise ValueError("give exactly one of 'text' and 'data'")
        return self


# Form fields of LanguageTool's API that change nothing here.
LANGUAGETOOL_IGNORED = frozenset({
    "username", "apiKey", "dicts", "motherTongue", "preferredVariants", "enabledRules", "disabledRules",
    "enabledCategories", "disabledCategories", "enabledOnly", "level", "mode", "allowIncompleteResults",
    "useragent", "noopLanguages", "abtest", "textSessionId", "ruleValues",
})


# -- answers ---------------------------------------------------------------------------


class Problem(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    status: int
    error: str
    message: str
    problems: list[Problem] = Field(default_factory=list)


class ErrorAnswer(BaseModel):
    """Every error answer: ``{"error": {...}}``, never a traceback."""

    error: ErrorBody


class LTCategory(BaseModel):
    id: str
    name: str


class LTRule(BaseModel):
    id: str
    description: str
    issueType: str  # noqa: N815
    category: LTCategory


class LTContext(BaseModel):
    text: str
    offset: int
    length: int


class LTReplacement(BaseModel):
    value: str


class LTMatch(BaseModel):
    message: str
    shortMessage: str  # noqa: N815
    offset: int
    length: int
    replacements: list[LTReplacement]
    context: LTContext
    sentence: str
    rule: LTRule
    type: dict[str, str] = Field(default_factory=lambda: {"typeName": "Other"})
    factcheck: dict[str, Any] = Field(default_factory=dict, description="factcheck's finding, claim and evidence.")


class LTAnswer(BaseModel):
    software: dict[str, Any]
    language: dict[str, Any]
    warnings: dict[str, Any] = Field(default_factory=lambda: {"incompleteResults": False})
    matches: list[LTMatch]


class FigureOut(BaseModel):
    id: str
    label: str
    unit: str | None
    description: str
    claims: int = Field(description="Claims of the warm corpus assigned to it.")
    reference_points: int


class FiguresAnswer(BaseModel):
    figures: list[FigureOut]


class SeriesPointOut(BaseModel):
    claim: str
    day: date | None
    role: Literal["checked", "corpus", "reference"]
    value: float | None
    lower: float | None
    upper: float | None
    unit: str | None
    surface: str
    source: str
    where: str
    document: str | None


class TimelineAnswer(BaseModel):
    figure: str
    label: str
    unit: str | None
    points: list[SeriesPointOut]


class Health(BaseModel):
    status: Literal["loading", "ready", "failed"]
    documents: int = 0
    claims: int = 0
    message: str | None = None
