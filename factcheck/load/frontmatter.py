"""YAML front matter at the top of a Markdown file.

::

    ---
    title: Gallant meets Austin
    outlet: Example News
    published: 2024-03-26
    ---
    Body text...

The block must start on the very first line (``---``) and end with a line ``---`` (or
``...``). The known fields are ``title``, ``outlet``, ``published`` (``date`` is accepted
as another name for it) and ``url``; every other key is kept in ``Document.extra``.
Errors point at ``file:line:col`` of the file itself, not of the block.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.errors import MetadataError, SourceLocation
from factcheck.load.metadata import Metadata, read_fields
from factcheck.util.yamlpos import load_yaml

SOURCE = "front_matter"
_OPEN = "---"
_CLOSE = ("---", "...")


@dataclass
class FrontMatter:
    metadata: Metadata
    body: str
    line_offset: int  # lines of the file before ``body``


def has_front_matter(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return first.rstrip() == _OPEN


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Separate front matter (if any) from the body; ``text`` has ``\\n`` newlines."""
    if not has_front_matter(text):
        return FrontMatter(Metadata(source=SOURCE), text, 0)
    lines = text.split("\n")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSE), None)
    if close is None:
        raise MetadataError(
            "front matter opened with '---' on line 1 is never closed (expected a line '---')",
            SourceLocation(path, 1, 1),
        )
    block = "\n".join(lines[1:close])
    yd = load_yaml(block, path, error=MetadataError, line_offset=1)
    data = yd.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise MetadataError(
            "front matter must be a mapping of keys to values (title: ..., published: ...)",
            yd.locate(()),
        )
    metadata = read_fields(
        data,
        SOURCE,
        lambda key: yd.locate((key,)),
        aliases={"date": "published"},
    )
    body = "\n".join(lines[close + 1 :])
    return FrontMatter(metadata, body, close + 1)
