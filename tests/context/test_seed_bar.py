"""The issue's bar on the seed corpus, through ``factcheck.extract.extract`` (quantities
and context together)."""

from __future__ import annotations

from datetime import date

import pytest

# Plain imports: the quantities stage has landed, so a broken import is a failure here,
# never a skip.
from factcheck.extract import extract
from factcheck.extract.quantities import find_quantities  # noqa: F401 - the stage the bar is on
from factcheck.models import Claim
from factcheck.util.resources import default_corpus
from factcheck.util.yamlpos import load_yaml


def seed(prefix: str) -> tuple[str, list[Claim]]:
    root = default_corpus()
    path = next(root.glob(f"{prefix}_*.txt"))
    manifest = load_yaml((root / "sources.yaml").read_text(encoding="utf-8"), "sources.yaml").data
    published = next(r["published"] for r in manifest if r["file"] == path.name)
    text = path.read_text(encoding="utf-8")
    return text, extract(text, published)


def claim_on(text: str, claims: list[Claim], phrase: str, number: str) -> Claim:
    """The claim covering ``number`` inside ``phrase``."""
    at = text.index(phrase) + phrase.index(number)
    found = [c for c in claims if c.start <= at < c.end]
    assert found, f"no claim on {number!r} in {phrase!r}"
    return found[0]


def test_002_killed_over_32000_palestinians() -> None:
    text, claims = seed("002")
    c = claim_on(text, claims, "killed over 32,000 Palestinians", "32,000")
    assert (c.value, c.qualifier) == (32000, "over")
    assert (c.entity, c.predicate, c.location, c.attribution) == ("Palestinians", "killed", "Gaza", "local health officials")
    assert c.as_of == date(2024, 3, 26)


def test_002_hostages_taken_held_and_remains() -> None:
    text, claims = seed("002")
    taken = claim_on(text, claims, "took around 250 people hostage", "250")
    assert (taken.value, taken.qualifier) == (250, "approx")
    assert (taken.entity, taken.entity_type, taken.predicate) == ("people", "hostages", "took")
    held = claim_on(text, claims, "holding around 100 hostages", "100")
    remains = claim_on(text, claims, "the remains of around 30 others", "30")
    assert held is not remains
    assert (held.value, held.entity, held.predicate) == (100, "hostages", "held")
    assert (remains.value, remains.entity, remains.predicate) == (30, "remains", "held")
    assert remains.entity_type == "hostage remains"


def test_003_unrwa_810000_fled_rafah_since_may_6() -> None:
    text, claims = seed("003")
    c = claim_on(text, claims, "estimated 810,000 people had fled Rafah", "810,000")
    assert c.value == 810000
    assert (c.predicate, c.location, c.attribution) == ("fled", "Rafah", "UNRWA")
    assert (c.as_of, c.period_start) == (date(2024, 5, 20), date(2024, 5, 6))


def test_003_hundreds_of_thousands_sheltering_there() -> None:
    text, claims = seed("003")
    c = claim_on(text, claims, "hundreds of thousands of displaced Palestinians", "hundreds")
    assert c.qualifier == "vague"
    assert c.location == "Rafah"


def test_001_evacuated_over_800000_civilians_from_the_city() -> None:
    text, claims = seed("001")
    c = claim_on(text, claims, "evacuated over 800,000 civilians from the city", "800,000")
    assert c.location == "Rafah"


def test_000_more_than_14_million_sheltering_there() -> None:
    text, claims = seed("000")
    c = claim_on(text, claims, "the more than 1.4 million Palestinian civilians sheltering there", "1.4 million")
    assert (c.value, c.qualifier) == (1_400_000, "over")
    assert c.location == "Rafah"


@pytest.mark.parametrize(("prefix", "phrase"), [("002", "Oct. 7"), ("003", "Oct. 7"), ("003", "October 7"), ("003", "May 6"), ("004", "one-on-one")])
def test_no_claim_from_dates_or_one_on_one(prefix: str, phrase: str) -> None:
    text, claims = seed(prefix)
    start = 0
    while (at := text.find(phrase, start)) >= 0:
        assert not [c for c in claims if c.start < at + len(phrase) and at < c.end], (phrase, at)
        start = at + 1


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_claim_has_its_sentence_and_a_date(prefix: str) -> None:
    text, claims = seed(prefix)
    for c in claims:
        assert text[c.start : c.end] == c.surface
        assert c.surface in c.sentence and c.sentence in text
        assert c.as_of is not None
