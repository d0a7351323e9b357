"""Document metadata: reading values, dates, and which source wins.

Precedence, highest first, per field (``title``, ``outlet``, ``published``, ``url``):

1. explicit command-line options (``--title`` ...), source ``"cli"``;
2. the document's own metadata: Markdown front matter (``"front_matter"``), HTML
   ``<title>``/``<meta>``/``<time>`` (``"html"``), .docx core properties (``"docx"``), a
   JSON record's fields (``"record"``);
3. the folder's ``sources.yaml`` manifest (``"manifest"``).

The document speaks for itself before a separate list about it does, and the person
running the check beats both. ``Document.metadata_source`` records, for each field that
has a value, which of these it came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from factcheck.errors import MetadataError, SourceLocation

FIELDS: tuple[str, ...] = ("title", "outlet", "published", "url")

DATE_FORMATS = "YYYY-MM-DD or an ISO 8601 date-time such as 2024-03-26T14:30:00Z"

_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?)"
    r"\s*(?P<tz>Z|z|[+-]\d{2}(?::?\d{2})?)?)?"
)


@dataclass
class Metadata:
    """Metadata from one source; ``values`` holds only the fields that source gives."""

    source: str
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def parse_date(value: Any, what: str, where: SourceLocation) -> date | None:
    """A publication date from ``value``: a date, a datetime (its date, as written), or
    a string ``YYYY-MM-DD`` / ISO 8601 date-time. None or "" means "not given"."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        m = _ISO.fullmatch(s)
        if m is not None:
            try:
                day = date.fromisoformat(m["date"])
                if m["time"]:
                    datetime.fromisoformat(f"{m['date']}T{m['time'].replace(',', '.')}")
                return day
            except ValueError:
                pass
    raise MetadataError(f"invalid date {value!r} for {what!r}: expected {DATE_FORMATS}", where)


def parse_text(value: Any, what: str, where: SourceLocation) -> str | None:
    """A text field (title, outlet, url): strings, and numbers written without quotes."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, date)):
        raise MetadataError(f"{what!r} must be text (put the value in quotes)", where)
    text = " ".join(str(value).split())
    return text or None


def read_fields(
    data: Mapping[str, Any],
    source: str,
    where: Any,
    aliases: Mapping[str, str] | None = None,
    drop: frozenset[str] = frozenset(),
) -> Metadata:
    """Split a mapping into the known fields (validated) and the rest (kept as extra).

    ``where(key)`` gives the location of ``key``'s value for errors. ``aliases`` maps
    other names onto fields (``date`` → ``published``); the field itself wins when both
    are given, and the alias is then kept in extra. Keys in ``drop`` are ignored.
    """
    meta = Metadata(source=source)
    aliases = aliases or {}
    for key, value in data.items():
        if key in drop:
            continue
        name = key if key in FIELDS else aliases.get(key)
        if name is None or (name != key and name in data):
            meta.extra[key] = value
            continue
        if name == "published":
            parsed = parse_date(value, key, where(key))
        else:
            parsed = parse_text(value, key, where(key))
        if parsed is not None:
            meta.values[name] = parsed
    return meta


def merge(layers: list[Metadata]) -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
    """Combine sources given lowest precedence first: (values, metadata_source, extra)."""
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for layer in layers:
        for name, value in layer.values.items():
            values[name] = value
            sources[name] = layer.source
        extra.update(layer.extra)
    return values, sources, extra
