"""JSON and JSON Lines archives: each record is one document.

A ``.json`` file holds one record (an object) or a list of them; a ``.jsonl`` file holds
one record per line (blank lines are skipped). A record needs its text in ``text`` (or
``body``, or ``content``) and may carry ``title``, ``outlet``, ``published`` (or
``date``), ``url`` and ``id``; other fields are kept in ``Document.extra`` (source
``"record"``).

A record is reported as ``file.jsonl#N`` where N is its line (JSON Lines) or its
1-based position in the list (JSON), or as ``file.jsonl#<id>`` when it has an ``id``.

A bad record (a line that is not JSON, a record without text, a repeated id, a bad
date) raises ``InputError`` naming its line, unless the caller gives ``bad_record``: then
the error is handed to it and the other records are still read, so that one broken line
of a large CMS export does not stop the checking of all the others. A ``.json`` file
whose JSON syntax is broken has no records to save and is always refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from factcheck.errors import InputError, SourceLocation
from factcheck.load.formats.base import Parsed
from factcheck.load.metadata import read_fields

SOURCE = "record"
TEXT_FIELDS: tuple[str, ...] = ("text", "body", "content")

BadRecord = Callable[[InputError], None]


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
    metadata = read_fields(
        obj,
        SOURCE,
        lambda _key: where,
        aliases={"date": "published"},
        drop=frozenset(TEXT_FIELDS) | {"id"},
    )
    # Taken only once the record is good: a skipped bad record does not hold its id.
    seen[fragment] = number
    return Parsed(
        text=text.replace("\r\n", "\n").replace("\r", "\n"), format="json", metadata=metadata, fragment=fragment
    )


def _loads(text: str, path: str, line: int | None = None) -> Any:
    """``text`` as JSON; ``line``: the line of a JSON Lines file it is (errors count
    from there)."""
    line_offset = 0 if line is None else line - 1
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = SourceLocation(path, exc.lineno + line_offset, exc.colno)
        raise InputError(f"invalid JSON: {exc.msg}", where) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply", SourceLocation(path, line, 1 if line is not None else None)) from None


def _read_records(
    items: list[tuple[int, SourceLocation, Callable[[], Any]]], path: str, bad_record: BadRecord | None
) -> list[Parsed]:
    """The records of ``items`` (number, place, how to get the object); a bad one raises,
    or goes to ``bad_record`` and is left out."""
    seen: dict[str, int] = {}
    parsed: list[Parsed] = []
    for number, where, get in items:
        try:
            parsed.append(_record(get(), number, path, where, seen))
        except InputError as exc:
            if bad_record is None:
                raise
            bad_record(exc)
    return parsed


def parse_json(text: str, path: str, bad_record: BadRecord | None = None) -> list[Parsed]:
    if not text.strip():
        return []
    data = _loads(text, path)
    records = data if isinstance(data, list) else [data]
    where = SourceLocation(path)
    return _read_records(
        [(i, where, (lambda obj=obj: obj)) for i, obj in enumerate(records, 1)], path, bad_record
    )


def parse_jsonl(text: str, path: str, bad_record: BadRecord | None = None) -> list[Parsed]:
    items: list[tuple[int, SourceLocation, Callable[[], Any]]] = []
    # split("\n"), not splitlines(): JSON strings may hold U+2028 and other line breaks.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        # Column 1: a record's own problem (no text, a repeated id) is about the whole line.
        where = SourceLocation(path, number, 1)
        items.append((number, where, (lambda line=line, number=number: _loads(line, path, line=number))))
    return _read_records(items, path, bad_record)
