"""Document ids.

A document's id is the first 12 hex digits of the SHA-256 of its path *as reported*
(``Document.path``): the path the user gave, joined with a directory member's relative
path using ``/``; ``<stdin>`` for standard input; ``file.jsonl#N`` (or ``file.jsonl#<id>``
when the record has its own ``id``) for a record of a JSON or JSON Lines file.

So the same invocation gives the same ids in every run and every process (no counters,
no memory addresses, no hash randomisation), different paths give different ids, and
claim ids built on them (``factcheck.extract.documents.claim_id``) are stable too.
"""

from __future__ import annotations

import hashlib

ID_LENGTH = 12


def document_id(reported_path: str) -> str:
    """The id of the document reported as ``reported_path``."""
    return hashlib.sha256(reported_path.encode("utf-8", "surrogatepass")).hexdigest()[:ID_LENGTH]
