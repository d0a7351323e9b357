"""The issue's bar on the seed corpus, with hand-made claims (the context stage alone)."""

from __future__ import annotations

from datetime import date

import pytest

from context_helpers import claim_at
from factcheck.extract.context import annotate
from factcheck.models import Claim
from factcheck.util.resources import default_corpus
from factcheck.util.yamlpos import load_yaml


def seed(prefix: str) -> tuple[str, date]:
    root = default_corpus()
    path = next(root.glob(f"{prefix}_*.txt"))
    manifest = load_yaml((root / "sources.yaml").read_text(encoding="utf-8"), "sources.yaml").data
    published = next(r["published"] for r in manifest if r["file"] == path.name)
    return path.read_text(encoding="utf-8"), published


def one(prefix: str, surface: str, nth: int = 0) -> Claim:
    text, published = seed(prefix)
    (c,) = annotate(text, [claim_at(text, surface, nth)], published)
    return c


def test_002_killed_over_32000_palestinians() -> None:
    c = one("002", "over 32,000")
    assert (c.entity, c.predicate, c.location, c.attribution) == ("Palestinians", "killed", "Gaza", "local health officials")
    assert (c.as_of, c.as_of_source) == (date(2024, 3, 26), "published")


def test_002_took_around_250_people_hostage() -> None:
    c = one("002", "around 250")
    assert (c.entity, c.entity_type, c.predicate) == ("people", "hostages", "took")


def test_002_holding_around_100_hostages_and_the_remains_of_around_30_others() -> None:
    text, published = seed("002")
    held, remains = annotate(text, [claim_at(text, "around 100"), claim_at(text, "around 30")], published)
    assert (held.entity, held.predicate) == ("hostages", "held")
    assert (remains.entity, remains.entity_type, remains.predicate) == ("remains", "hostage remains", "held")


def test_003_unrwa_810000_fled_rafah_since_may_6() -> None:
    c = one("003", "810,000")
    assert (c.predicate, c.location, c.attribution) == ("fled", "Rafah", "UNRWA")
    assert (c.as_of, c.period_start) == (date(2024, 5, 20), date(2024, 5, 6))


def test_003_displaced_palestinians_sheltering_there() -> None:
    c = one("003", "hundreds of thousands")
    assert (c.entity, c.predicate, c.location) == ("displaced Palestinians", "sheltering", "Rafah")


def test_003_the_remaining_128_hostages_and_the_residents_of_the_north() -> None:
    c = one("003", "128")
    assert (c.entity, c.predicate, c.location, c.attribution) == ("hostages", "remaining", "Rafah", "Israel")
    assert c.as_of == date(2024, 5, 20)  # not the Oct. 7 of the rampage
    c = one("003", "Some 40,000")
    assert (c.entity, c.location) == ("residents of the north", "northern Israel")
    assert c.period_start == date(2023, 10, 7)


def test_001_evacuated_over_800000_civilians_from_the_city() -> None:
    c = one("001", "over 800,000")
    assert (c.entity, c.predicate, c.location, c.attribution) == ("civilians", "evacuated", "Rafah", "Bloomberg")
    c = one("001", "128")
    assert (c.entity, c.predicate, c.location) == ("hostages", "held", "Gaza")


def test_000_more_than_14_million_palestinian_civilians_sheltering_there() -> None:
    c = one("000", "more than 1.4 million")
    assert (c.entity, c.predicate, c.location) == ("Palestinian civilians", "sheltering", "Rafah")
    assert c.quoted and c.attribution == "Matthew Miller"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_number_of_every_seed_gets_a_sentence_and_a_date(prefix: str) -> None:
    import regex

    text, published = seed(prefix)
    claims = [
        Claim(start=m.start(), end=m.end(), surface=m.group(), value=1, lower=1, upper=1, qualifier="exact")
        for m in regex.finditer(r"\d[\d,.]*\d|\d", text)
    ]
    for c in annotate(text, claims, published):
        assert c.surface in c.sentence and c.sentence in text
        assert c.as_of is not None and c.as_of <= published
