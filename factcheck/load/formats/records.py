"""JSON and JSON Lines archives: each record is one document.

A ``.json`` file holds one record (an object) or a list of them; a ``.jsonl`` file holds
one record per line (blank lines are skipped). A record needs its text in ``text`` (or
``body``, or ``content``) and may carry ``title``, ``outlet``, ``published`` (or
``date``), ``url`` and ``id``; other fields are kept in ``Document.extra`` (source
``"record"``).

A record is reported as ``file.jsonl#N`` where N is its line (JSON Lines) or its
1-based position in the list (JSON), or as ``file.jsonl#<id>`` when it has an ``id``.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.errors import InputError, SourceLocation
from factcheck.load.formats.base import Parsed
from factcheck.load.metadata import read_fields

SOURCE = "record"
TEXT_FIELDS: tuple[str, ...] = ("text", "body", "content")


def _record(
    obj: Any, number: int, path: str, where: SourceLocation, seen: dict[str, int]
) -> Parsed:
    name = f"record {number}"
    if not isinstance(obj, dict):
        raise InputError(f"{name} is not a JSON object (got {type(obj).__name__})", where)
    key = next((k for k in TEXT_FIELDS if obj.get(k) is not None), None)
    if key is None:
        raise InputError(f"{name} has no text: give it a 'text' (or 'body' or 'content') field", where)
    text = obj[key]
    if not isinstance(text, str):
        raise InputError(f"{name}: {key!r} must be a string, not {type(text).__name__}", where)
    fragment = f"#{number}"
    if obj.get("id") is not None:
        rid = obj["id"]
        if isinstance(rid, bool) or not isinstance(rid, (str, int)) or not str(rid).strip():
            raise InputError(f"{name}: 'id' must be a non-empty string or integer", where)
        fragment = f"#{str(rid).strip()}"
    if fragment in seen:
        raise InputError(f"{name}: {path}{fragment} is also record {seen[fragment]}; ids must be unique", where)
    seen[fragment] = number
    metadata = read_fields(
        obj,
        SOURCE,
        lambda _key: where,
        aliases={"date": "published"},
        drop=frozenset(TEXT_FIELDS) | {"id"},
    )
    return Parsed(
        text=text.replace("\r\n", "\n").replace("\r", "\n"), format="json", metadata=metadata, fragment=fragment
    )


def _loads(text: str, path: str, line_offset: int = 0) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = SourceLocation(path, exc.lineno + line_offset, exc.colno)
        raise InputError(f"invalid JSON: {exc.msg}", where) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply", SourceLocation(path, line_offset + 1 if line_offset else None)) from None


def parse_json(text: str, path: str) -> list[Parsed]:
    if not text.strip():
        return []
    data = _loads(text, path)
    records = data if isinstance(data, list) else [data]
    seen: dict[str, int] = {}
    return [_record(obj, i, path, SourceLocation(path), seen) for i, obj in enumerate(records, 1)]


def parse_jsonl(text: str, path: str) -> list[Parsed]:
    seen: dict[str, int] = {}
    parsed: list[Parsed] = []
    # split("\n"), not splitlines(): JSON strings may hold U+2028 and other line breaks.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        obj = _loads(line, path, line_offset=number - 1)
        parsed.append(_record(obj, number, path, SourceLocation(path, number), seen))
    return parsed
