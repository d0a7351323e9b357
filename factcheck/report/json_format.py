"""JSON per CONTRACT.md: one document with version, documents, claims and findings.

The claims (and the reference points) are written one at a time: a document of tens
of thousands of claims, each with its sentence and clause analysis, would otherwise be
held whole as Python dicts before a byte is written (ten times its text). The bytes
are those of ``json.dumps(report, indent=2)``.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from factcheck.models import Report
from factcheck.report.base import ReportView

# Lists written item by item.
_STREAMED = ("claims", "references")


def _dumps(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``depth`` levels deep."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


# Claim fields written only when set: they are about rare numbers (beyond a float, or
# rounded by one), and every other claim's record stays as it was.
_ONLY_WHEN_SET = ("unrepresentable", "exact")


def _record(item: BaseModel) -> dict[str, Any]:
    data = item.model_dump(mode="json", exclude={"frame"})
    for key in _ONLY_WHEN_SET:
        if key in data and not data[key]:
            del data[key]
    frame = getattr(item, "frame", None)
    if frame is not None:
        # The clause analysis, only what it found (a claim's frame has some thirty
        # fields, most of them empty).
        data["frame"] = frame.model_dump(mode="json", exclude_defaults=True)
    elif "frame" in type(item).model_fields:
        data["frame"] = None
    return data


# Every indented ``json.dumps`` leaves a reference cycle behind (the standard library's
# pure-Python encoder, whose nested functions refer to each other), and reports are
# rendered with the collector paused (``factcheck.util.gcpause``): without a young
# collection now and then, a page of 25,000 claims would keep 800,000 dead objects.
_COLLECT_EVERY = 1000


def _items(items: Iterable[BaseModel], out: list[str]) -> None:
    """Append the JSON of a list of models to ``out``, a fragment per item."""
    first = True
    for n, item in enumerate(items, 1):
        out.append("[\n    " if first else ",\n    ")
        out.append(_dumps(_record(item), 2))
        first = False
        if n % _COLLECT_EVERY == 0:
            gc.collect(0)
    out.append("[]" if first else "\n  ]")


class JsonFormatter:
    name = "json"
    description = "the JSON document of CONTRACT.md, for tools"

    def render(self, view: ReportView) -> str:
        # `extract` has no findings: the contract lists them "only from run".
        skip = {"findings"} if view.command == "extract" else set()
        report = view.report
        data = report.model_dump(mode="json", exclude=skip | set(_STREAMED))
        # Fragments joined once at the end: the output is built in memory one time.
        out: list[str] = ["{\n"]
        for key in Report.model_fields:
            if key in skip:
                continue
            out.append(("  " if len(out) == 1 else ",\n  ") + json.dumps(key) + ": ")
            if key in _STREAMED:
                _items(getattr(report, key), out)
            else:
                out.append(_dumps(data[key], 1))
        out.append("\n}\n")
        return "".join(out)
