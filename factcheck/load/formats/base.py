"""What a format reader returns for each document it finds in a file."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.load.metadata import Metadata


@dataclass
class Parsed:
    text: str
    format: str  # "txt" | "md" | "html" | "docx" | "json"
    metadata: Metadata  # the format's own (embedded) metadata
    line_offset: int = 0
    fragment: str = ""  # "#3" or "#<id>" for the records of a JSON / JSON Lines file
