"""``GET /openapi.json``: the API described from the same pydantic models that check
the requests, so the description cannot drift from what the server accepts."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic.json_schema import models_json_schema

from factcheck import __version__
from factcheck.serve.models import (
    CheckRequest,
    ErrorAnswer,
    FiguresAnswer,
    Health,
    LanguageToolForm,
    LTAnswer,
    TimelineAnswer,
)

_REF = "#/components/schemas/{model}"


def _json(ref: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": _REF.format(model=ref)}}}}


def _errors(*statuses: int) -> dict[str, Any]:
    why = {400: "the draft cannot be read", 401: "the token is missing or wrong", 404: "no such figure",
           413: "the body is over the limit", 422: "the body does not fit the schema (the fields are named)",
           503: "the corpus is still loading, or the check took too long"}
    return {str(s): _json("ErrorAnswer", why[s]) for s in statuses}


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    models = [CheckRequest, LanguageToolForm, ErrorAnswer, LTAnswer, FiguresAnswer, TimelineAnswer, Health]
    _, schemas = models_json_schema([(m, "validation") for m in models], ref_template=_REF)
    figure = [{"name": "figure", "in": "path", "required": True, "schema": {"type": "string"},
               "description": "A figure's id (GET /v1/figures) or label."}]
    paths: dict[str, Any] = {
        "/v1/check": {"post": {
            "summary": "Check a draft; the answer is the report of `factcheck run --format json` (CONTRACT.md).",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": _REF.format(model="CheckRequest")}}}},
            "responses": {"200": {"description": "The report (CONTRACT.md, version 1).",
                                  "content": {"application/json": {"schema": {"type": "object"}}}},
                          **_errors(400, 401, 413, 422, 503)},
        }},
        "/v2/check": {"post": {
            "summary": "Check a draft in LanguageTool's API shape: one match per finding.",
            "requestBody": {"required": True, "content": {
                "application/x-www-form-urlencoded": {"schema": {"$ref": _REF.format(model="LanguageToolForm")}},
                "multipart/form-data": {"schema": {"$ref": _REF.format(model="LanguageToolForm")}},
            }},
            "responses": {"200": _json("LTAnswer", "LanguageTool's answer."), **_errors(400, 401, 413, 422, 503)},
        }},
        "/v1/figures": {"get": {"summary": "The rules' figures.",
                                "responses": {"200": _json("FiguresAnswer", "Every figure."), **_errors(401, 503)}}},
        "/v1/figures/{figure}/timeline": {"get": {
            "summary": "A figure's series: corpus claims and reference points by date.", "parameters": figure,
            "responses": {"200": _json("TimelineAnswer", "The series."), **_errors(401, 404, 503)}}},
        "/v1/figures/{figure}/timeline.svg": {"get": {
            "summary": "A figure's series as an SVG chart.", "parameters": figure,
            "responses": {"200": {"description": "The chart.", "content": {"image/svg+xml": {}}}, **_errors(401, 404, 503)}}},
        "/healthz": {"get": {"summary": "200 once the corpus is loaded, 503 before.",
                             "responses": {"200": _json("Health", "Ready."), "503": _json("Health", "Loading or failed.")}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "factcheck", "version": __version__,
                 "description": "Check the figures of a draft against the newsroom's archive and the rules."},
        "components": {
            "schemas": schemas.get("$defs", {}),
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer",
                                          "description": "Wanted when the server was started with --token."}},
        },
        "paths": paths,
    }
