"""Building documents, claims and rule sets by hand for the engine's tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from factcheck.intervals import interval_for
from factcheck.models import Claim, Document
from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules
from factcheck.rules.schema import RuleSet


def doc(doc_id: str, published: date | None, role: str = "checked", **extra: Any) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", published=published, role=role, **extra)  # type: ignore[arg-type]


def claim(doc_id: str, surface: str, value: float | None, n: int = 1, qualifier: str = "exact", **fields: Any) -> Claim:
    """A claim whose interval follows from its qualifier unless lower/upper are given."""
    if "lower" not in fields and "upper" not in fields and value is not None:
        iv = interval_for(value, qualifier)
        fields["lower"] = iv.lo if iv.lo != float("-inf") else None
        fields["upper"] = iv.hi if iv.hi != float("inf") else None
        fields.setdefault("lower_open", iv.lo_open and fields["lower"] is not None)
        fields.setdefault("upper_open", iv.hi_open and fields["upper"] is not None)
    fields.setdefault("lower", None)
    fields.setdefault("upper", None)
    start = fields.pop("start", 10 * n)
    return Claim(
        id=f"{doc_id}-c{n}", doc=doc_id, start=start, end=start + len(surface), surface=surface,
        sentence=fields.pop("sentence", surface), value=value, qualifier=qualifier, **fields,  # type: ignore[arg-type]
    )


def rules_from(tmp_path: Path, text: str, name: str = "rules.yaml", **files: str) -> RuleSet:
    (tmp_path / name).write_text(text, encoding="utf-8")
    for file_name, content in files.items():
        target = tmp_path / file_name.replace("__", "/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return load_rules([tmp_path], kinds=REGISTRY)


CASES_RULES = Path(__file__).parent / "cases"
