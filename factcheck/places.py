"""The gazetteer's record: one place that claims can be about.

Places are data that ship with the rules (``places:`` in any rule file, by convention
``rules/gazetteer.yaml``) so researchers can extend them; no place names live in code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PlaceKind = Literal[
    "country", "territory", "region", "state", "province", "city", "town", "district",
    "camp", "crossing", "border", "area", "other",
]


class Place(BaseModel):
    """A place name the extractor can recognise in text.

    ``name`` is the canonical form claims carry in ``location``; ``aliases`` are other
    spellings ("Gaza Strip", "the Strip"); ``demonyms`` adjectives that name it
    ("Gazan", "Israeli") and ``within`` the larger place it lies in, used when a claim
    about a part must be compared with one about the whole.
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    kind: PlaceKind = "other"
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    within: str | None = None
