"""Parts of partitives: "dozens of the remaining 128 hostages" -- the dozens are some of
the 128, not a second count of the same figure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.extract.context.location import is_partitive
from factcheck.models import Claim


def partitives(claims: Sequence[Claim], texts: Mapping[str, str]) -> list[tuple[int, int]]:
    """Pairs (part, whole) of indexes into ``claims``: claims of one document and one
    sentence where the text between them reads as a partitive ("dozens of the remaining
    128"). Needs the documents' texts; claims without one are never paired."""
    by_doc: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        by_doc.setdefault(c.doc, []).append(k)
    pairs: list[tuple[int, int]] = []
    for doc_id, indexes in by_doc.items():
        text = texts.get(doc_id)
        if not text:
            continue
        indexes.sort(key=lambda k: claims[k].start)
        for a, b in zip(indexes, indexes[1:], strict=False):
            part, whole = claims[a], claims[b]
            if part.sentence != whole.sentence or not (0 <= part.end <= whole.start <= len(text)):
                continue
            if is_partitive(text[part.end : whole.start]):
                pairs.append((a, b))
    return pairs
