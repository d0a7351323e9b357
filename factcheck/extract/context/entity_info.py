"""What a figure counts, as the context stage finds it (``entity.find_entity``): the noun
phrase's words, its type, and where it stands in the sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class EntityInfo:
    entity: str | None = None
    entity_type: str | None = None
    # Token indices (in the sentence) of the noun phrase [first, end) and its head.
    first: int | None = None
    end: int | None = None
    head: int | None = None
    from_subject: bool = False
