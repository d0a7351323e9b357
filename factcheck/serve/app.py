"""The ASGI application of ``factcheck serve``: the page, the API and the gates.

=======================================  ============================================
``GET /``, ``POST /check``               the page: a form, and the HTML report
``POST /v1/check``                       JSON in, CONTRACT.md's report out
``POST /v2/check``                       LanguageTool's API (``matches[]``)
``GET /v1/figures``                      the rules' figures, with their corpus claims
``GET /v1/figures/{id}/timeline[.svg]``  a figure's series, as JSON or an SVG chart
``GET /openapi.json``, ``GET /healthz``  the API's description; whether it is ready
=======================================  ============================================

Every answer of the API is JSON, an error too (``{"error": {...}}``): a route's
exception becomes its status and message (``_answer_errors``), never a traceback. The
body limit and the token are middleware around everything (``factcheck.serve.limits``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from factcheck.errors import FactcheckError, UsageError
from factcheck.report.timeline.series import figure_series, resolve_figure
from factcheck.report.timeline.svg import timeline_svg
from factcheck.serve.errors import Overloaded, ServeError, status_of
from factcheck.serve.intake import (
    RequestProblem,
    json_job,
    keep_submission,
    languagetool_job,
    page_job,
    read_form,
)
from factcheck.serve.limits import BodyLimit, TokenGate
from factcheck.serve.models import ErrorAnswer, ErrorBody, FigureOut, FiguresAnswer, Health, SeriesPointOut, TimelineAnswer
from factcheck.serve.openapi import openapi_document
from factcheck.serve.page import FORM_CSP, RESULT_CSP, SECURITY_HEADERS, form_page, result_page
from factcheck.serve.runner import CheckJob, JobResult
from factcheck.serve.state import ServeState
from factcheck.serve.warm import WarmState

log = logging.getLogger("factcheck.serve")
Handler = Callable[[Request], Awaitable[Response]]


class NotFound(ServeError):
    status = 404


def error_json(status: int, error: str, message: str, problems: list[Any] | None = None) -> JSONResponse:
    body = ErrorAnswer(error=ErrorBody(status=status, error=error, message=message, problems=problems or []))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=SECURITY_HEADERS)


def _error_of(exc: Exception) -> JSONResponse:
    if isinstance(exc, RequestProblem):
        return error_json(exc.status, "RequestProblem", str(exc), exc.problems)
    if isinstance(exc, FactcheckError):
        return error_json(status_of(exc), type(exc).__name__, str(exc))
    log.exception("unexpected error")  # on the server's log; the client gets one line
    return error_json(500, "InternalError", "the server failed on this request; its log says why")


def _answer_errors(handler: Handler) -> Handler:
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except Exception as exc:  # noqa: BLE001 - every error is an answer, never a traceback
            return _error_of(exc)

    wrapped.__name__ = handler.__name__
    return wrapped


def _warm(request: Request) -> WarmState:
    state: ServeState = request.app.state.serve
    if state.status == "failed":
        raise ServeError(f"the server could not load its corpus: {state.message}", status=500)
    if state.warm is None:
        raise Overloaded("the corpus is still loading; try again in a moment (GET /healthz says when it is ready)")
    return state.warm


async def _run(request: Request, job: CheckJob) -> JobResult:
    """Check ``job`` off the event loop, within the time limit."""
    _warm(request)
    state: ServeState = request.app.state.serve
    assert state.runner is not None
    if state.settings.keep_submissions is not None:
        await asyncio.to_thread(keep_submission, state.settings.keep_submissions, job)
    started = time.perf_counter()
    try:
        result = await asyncio.wait_for(state.runner.run(job), state.settings.time_limit)
    except (asyncio.TimeoutError, TimeoutError):
        raise Overloaded(f"the check took longer than the time limit of {state.settings.time_limit:g} s") from None
    except BrokenProcessPool:
        raise ServeError("a check process died; the server needs a restart", status=500) from None
    if result.status >= 400:
        raise ServeError(result.message, status=result.status)
    return replace(result, total_ms=(time.perf_counter() - started) * 1000)


def _json_text(body: str, status: int = 200, timing: str = "") -> Response:
    headers = {**SECURITY_HEADERS, "Server-Timing": timing} if timing else SECURITY_HEADERS
    return Response(body, status_code=status, media_type="application/json", headers=headers)


@_answer_errors
async def check_v1(request: Request) -> Response:
    job = json_job(await request.body())
    result = await _run(request, job)
    return _json_text(result.body, timing=result.server_timing())


@_answer_errors
async def check_v2(request: Request) -> Response:
    state: ServeState = request.app.state.serve
    job = languagetool_job(await read_form(request, state.settings.max_body))
    result = await _run(request, job)
    return _json_text(result.body, timing=result.server_timing())


async def page_form(request: Request) -> Response:
    state: ServeState = request.app.state.serve
    corpus = str(state.settings.corpus) if state.settings.corpus is not None else "the shipped seed corpus"
    return _html(form_page(corpus=corpus), FORM_CSP)


def _html(content: str, csp: str, status: int = 200, timing: str = "") -> HTMLResponse:
    headers = {**SECURITY_HEADERS, "Content-Security-Policy": csp}
    if timing:
        headers["Server-Timing"] = timing
    return HTMLResponse(content, status_code=status, headers=headers)


async def page_check(request: Request) -> Response:
    """The form posted: the report, or the form again with the problem said on it."""
    state: ServeState = request.app.state.serve
    filled = None
    try:
        job, filled = page_job(await read_form(request, state.settings.max_body))
        result = await _run(request, job)
    except Exception as exc:  # noqa: BLE001 - shown on the page, never a traceback
        answer = _error_of(exc)
        message = json.loads(answer.body)["error"]["message"]
        f = filled
        page = form_page(error=message, text=f.text if f else "", title=f.title if f else "",
                         outlet=f.outlet if f else "", published=f.published if f else None)
        return _html(page, FORM_CSP, answer.status_code)
    return _html(result_page(result.body, result.json, result.title or "draft"), RESULT_CSP,
                 timing=result.server_timing())


async def healthz(request: Request) -> Response:
    state: ServeState = request.app.state.serve
    stats = state.warm.stats if state.warm is not None else None
    health = Health(
        status=state.status, documents=stats.documents if stats else 0, claims=stats.claims if stats else 0,
        message=state.message,
    )
    return JSONResponse(health.model_dump(mode="json"), status_code=200 if state.status == "ready" else 503,
                        headers=SECURITY_HEADERS)


@_answer_errors
async def figures(request: Request) -> Response:
    warm = _warm(request)
    view = warm.corpus_view
    assert view is not None
    counts: dict[str, int] = {}
    for claim in warm.corpus_claims:
        counts[claim.figure or ""] = counts.get(claim.figure or "", 0) + 1
    out = [
        FigureOut(id=fid, label=fig.label, unit=fig.unit, description=fig.description or "",
                  claims=counts.get(fid, 0), reference_points=len(view.series.get(fid, ())))
        for fid, fig in sorted(warm.rule_set.figures.items())
    ]
    return JSONResponse(FiguresAnswer(figures=out).model_dump(mode="json"), headers=SECURITY_HEADERS)


def _figure_id(request: Request, warm: WarmState) -> str:
    wanted = request.path_params["figure"]
    if wanted in warm.rule_set.figures:
        return wanted
    assert warm.corpus_view is not None
    try:
        return resolve_figure(warm.corpus_view, wanted)
    except UsageError as exc:
        raise NotFound(str(exc)) from None


@_answer_errors
async def timeline(request: Request) -> Response:
    warm = _warm(request)
    fid = _figure_id(request, warm)
    view = warm.corpus_view
    assert view is not None
    points = [
        SeriesPointOut(
            claim=p.claim.id, day=p.day, role=p.role, value=p.claim.value, lower=p.lower, upper=p.upper,  # type: ignore[arg-type]
            unit=p.claim.unit, surface=p.claim.surface, source=p.source, where=p.where,
            document=p.document.id if p.document is not None else None,
        )
        for p in figure_series(view, fid)
    ]
    fig = warm.rule_set.figures[fid]
    answer = TimelineAnswer(figure=fid, label=fig.label, unit=fig.unit, points=points)
    return JSONResponse(answer.model_dump(mode="json"), headers=SECURITY_HEADERS)


@_answer_errors
async def timeline_chart(request: Request) -> Response:
    warm = _warm(request)
    fid = _figure_id(request, warm)
    assert warm.corpus_view is not None
    svg = await asyncio.to_thread(timeline_svg, warm.corpus_view, fid)
    # An SVG opened on its own is a document: no script may run in it.
    headers = {**SECURITY_HEADERS, "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}
    return Response(svg, media_type="image/svg+xml", headers=headers)


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document(), headers=SECURITY_HEADERS)


async def not_found(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 404)
    message = "no such page or API route (see /openapi.json)" if status == 404 else str(getattr(exc, "detail", exc))
    return error_json(status, "NotFound" if status == 404 else "MethodNotAllowed" if status == 405 else "HTTPError", message)


async def _too_large(scope: Any, message: str) -> tuple[int, dict[str, str], bytes]:
    """The 413 answer: the form with the message for the page, JSON for the API."""
    if scope.get("path") == "/check":
        headers = {**SECURITY_HEADERS, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": FORM_CSP}
        return 413, headers, form_page(error=message).encode("utf-8")
    body = ErrorAnswer(error=ErrorBody(status=413, error="BodyTooLarge", message=message))
    return 413, {**SECURITY_HEADERS, "Content-Type": "application/json"}, body.model_dump_json().encode("utf-8")


def build_app(state: ServeState, *, token: str | None = None) -> Any:
    """The application for ``state``; with ``token``, every request must carry it."""
    routes = [
        Route("/", page_form, methods=["GET"]),
        Route("/check", page_check, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/v1/check", check_v1, methods=["POST"]),
        Route("/v2/check", check_v2, methods=["POST"]),
        Route("/v1/figures", figures, methods=["GET"]),
        Route("/v1/figures/{figure}/timeline", timeline, methods=["GET"]),
        Route("/v1/figures/{figure}/timeline.svg", timeline_chart, methods=["GET"]),
    ]
    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found})
    app.state.serve = state
    gated: Any = BodyLimit(app, state.settings.max_body, too_large=_too_large)
    if token:
        gated = TokenGate(gated, token)
    return gated
