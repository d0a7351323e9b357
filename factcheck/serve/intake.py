"""Request bodies to check jobs: JSON for ``/v1/check``, LanguageTool's form fields for
``/v2/check``, the page's multipart form for ``/check``.

Every value passes a pydantic model (``factcheck.serve.models``) before anything is
checked: a malformed body, a wrong type or an unknown field is a ``RequestProblem``
(HTTP 422) naming the field. Forms are parsed in memory: Starlette spools an upload of
over 1 MB to a temporary file, and nothing submitted may reach the disk unless the
server keeps submissions (``keep``), so the spool is as large as the body limit.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request

from factcheck.serve.errors import ServeError
from factcheck.serve.models import (
    LANGUAGETOOL_IGNORED,
    Annotation,
    CheckRequest,
    DraftMetadataIn,
    LanguageToolForm,
    Problem,
)
from factcheck.serve.runner import CheckJob
from factcheck.serve.submission import DraftMetadata, annotated_text, draft_name

MAX_FORM_FIELDS = 60


class RequestProblem(ServeError):
    """A request body that does not fit its model: 422, with the fields at fault."""

    status = 422

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


def problems_of(exc: ValidationError, prefix: str = "") -> RequestProblem:
    """pydantic's errors as fields and messages (``metadata.published``: "Input
    should be a valid date...")."""
    problems = []
    for err in exc.errors(include_url=False, include_input=False):
        field = ".".join(str(p) for p in err.get("loc", ())) or prefix or "body"
        message = err.get("msg", "invalid")
        if err.get("type") == "extra_forbidden":
            message = "unknown field"
        problems.append(Problem(field=f"{prefix}{field}" if prefix and field != prefix else field, message=message))
    first = problems[0] if problems else Problem(field="body", message="invalid")
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return RequestProblem(f"{first.field}: {first.message}{more}", problems)


def _parse_model(model: type[Any], data: Any, prefix: str = "") -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise problems_of(exc, prefix) from None


def _metadata(title: str | None, outlet: str | None, published: Any, url: str | None) -> DraftMetadata:
    return DraftMetadata(title=title or None, outlet=outlet or None, published=published, url=url or None)


def json_job(body: bytes) -> CheckJob:
    """``POST /v1/check``."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RequestProblem(f"body: not JSON ({exc})", [Problem(field="body", message=f"not JSON: {exc}")]) from None
    request: CheckRequest = _parse_model(CheckRequest, data)
    content: bytes | str
    if request.document is not None:
        try:
            content = base64.b64decode(request.document, validate=True)
        except (binascii.Error, ValueError):
            raise RequestProblem("document: not base64", [Problem(field="document", message="not base64")]) from None
    else:
        content = request.text or ""
    m = request.metadata
    return CheckJob(
        content=content, output="contract", filename=request.filename if request.document is not None else None,
        metadata=_metadata(m.title, m.outlet, m.published, m.url), as_of=request.as_of,
    )


def languagetool_job(form: FormData) -> CheckJob:
    """``POST /v2/check``: LanguageTool's ``text`` or annotated ``data``."""
    fields: dict[str, Any] = {}
    for key, value in form.multi_items():
        if key in LANGUAGETOOL_IGNORED:
            continue
        if not isinstance(value, str):
            raise RequestProblem(f"{key}: expected a form field, got a file", [Problem(field=key, message="a file")])
        fields[key] = value
    request: LanguageToolForm = _parse_model(LanguageToolForm, fields)
    if request.data is not None:
        try:
            parsed = json.loads(request.data)
        except json.JSONDecodeError as exc:
            raise RequestProblem(f"data: not JSON ({exc})", [Problem(field="data", message=f"not JSON: {exc}")]) from None
        annotation: Annotation = _parse_model(Annotation, parsed, "data.")
        ann = annotated_text([p.model_dump(exclude_none=True) for p in annotation.annotation])
        return CheckJob(content=ann.text, output="languagetool", language=request.language, positions=ann.positions,
                        original=ann.whole, metadata=_metadata(None, None, request.published, None))
    text = request.text or ""
    return CheckJob(content=text, output="languagetool", language=request.language, original=text,
                    metadata=_metadata(None, None, request.published, None))


@dataclass(frozen=True)
class PageForm:
    """The page's fields, to refill the form when the draft comes back with an error."""

    text: str = ""
    title: str = ""
    outlet: str = ""
    published: str = ""


def page_job(form: FormData) -> tuple[CheckJob, PageForm]:
    """``POST /check``: pasted text, or an uploaded file (which wins when both)."""
    def field(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    text = form.get("text")
    text = text if isinstance(text, str) else ""
    # The date the form came with, unchanged, is not given (``page.form_page``).
    published = "" if field("published") == field("published_default") else field("published")
    filled = PageForm(text=text, title=field("title"), outlet=field("outlet"), published=published)
    upload = form.get("file")
    meta = _parse_model(
        DraftMetadataIn, {"title": filled.title or None, "outlet": filled.outlet or None,
                            "published": published or None},
    )
    metadata = _metadata(meta.title, meta.outlet, meta.published, None)
    if isinstance(upload, UploadFile) and upload.filename:
        # The file was read into memory by the parser (see ``read_form``).
        data = upload.file.read()
        return CheckJob(content=data, output="page", filename=upload.filename, metadata=metadata), filled
    return CheckJob(content=text, output="page", metadata=metadata), filled


class _InMemoryMultiPart(MultiPartParser):
    def __init__(self, *args: Any, spool: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spool_max_size = spool


async def read_form(request: Request, max_body: int) -> FormData:
    """The request's form, parsed in memory; a malformed one is a 422."""
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    try:
        if content_type == "multipart/form-data":
            parser: MultiPartParser | FormParser = _InMemoryMultiPart(
                request.headers, request.stream(), max_files=2, max_fields=MAX_FORM_FIELDS,
                max_part_size=max_body, spool=max_body + 1,
            )
        elif content_type in ("application/x-www-form-urlencoded", ""):
            parser = FormParser(request.headers, request.stream(), max_fields=MAX_FORM_FIELDS, max_part_size=max_body)
        else:
            raise RequestProblem(
                f"Content-Type {content_type!r}: send form fields (application/x-www-form-urlencoded or multipart/form-data)",
                [Problem(field="Content-Type", message="not a form")],
            )
        return await parser.parse()
    except MultiPartException as exc:
        raise RequestProblem(f"body: {exc.message}", [Problem(field="body", message=exc.message)]) from None


def keep_submission(folder: Path, job: CheckJob) -> Path:
    """Copy a submitted draft into ``folder`` (``--keep-submissions``), with a name
    that says when it came and cannot clash with another."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    name = f"{stamp}-{uuid.uuid4().hex[:8]}-{draft_name(job.filename)}"
    path = folder / name
    data = job.content if isinstance(job.content, bytes) else job.content.encode("utf-8")
    path.write_bytes(data)
    return path
