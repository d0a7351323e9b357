"""Plain text and Markdown.

Markdown is kept as written apart from the front matter: no markup is stripped. Claim
offsets index ``Document.text`` and line numbers are ``line_offset`` + the line in the
text, so a body that is a verbatim slice of the file keeps both trivially right; the
extractor copes with ``*``, ``#`` and link brackets around figures, while removing them
would need an offset map back to the file.
"""

from __future__ import annotations

from factcheck.load.formats.base import Parsed
from factcheck.load.frontmatter import split_front_matter
from factcheck.load.metadata import Metadata


def parse_txt(text: str, path: str) -> list[Parsed]:
    return [Parsed(text=text, format="txt", metadata=Metadata(source="txt"))]


def parse_md(text: str, path: str) -> list[Parsed]:
    fm = split_front_matter(text, path)
    return [Parsed(text=fm.body, format="md", metadata=fm.metadata, line_offset=fm.line_offset)]
