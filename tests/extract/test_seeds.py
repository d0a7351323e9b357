"""The seed articles (real news copy): the figures an editor would check, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract.quantities import find_quantities

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _claims(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text, find_quantities(text)


def _by_surface(claims):
    return {c.surface: c for c in claims}


def test_seed_000_more_than_1_4_million():
    _, claims = _claims("000_0938fca4ffc01957.txt")
    assert [c.surface for c in claims] == ["more than 1.4 million"]
    c = claims[0]
    assert (c.qualifier, c.lower, c.upper) == ("over", 1_400_000, 1_500_000)


def test_seed_001_hostages_and_evacuees():
    _, claims = _claims("001_7f4d65f08d8eef6c.txt")
    s = _by_surface(claims)
    assert s["128"].value == 128 and s["128"].qualifier == "exact"
    assert s["over 800,000"].qualifier == "over"


def test_seed_002_ap_story():
    _, claims = _claims("002_e44a7dc205e6c07e.txt")
    s = _by_surface(claims)
    assert s["90-minute"].unit == "minute"
    assert s["14-0"].kind == "tally" and s["14-0"].parts == [14, 0]
    assert s["four"].value == 4
    assert s["thousands"].qualifier == "vague"
    assert s["over 32,000"].qualifier == "over"
    assert s["a third"].unit == "percent" and s["a third"].kind == "share"
    assert s["some 1,200"].qualifier == "approx"
    assert s["around 250"].qualifier == "approx"
    assert s["around 100"].value == 100
    assert s["around 30"].value == 30
    surfaces = [c.surface for c in claims]
    assert not any("7" in x for x in surfaces)  # "Oct. 7"


def test_seed_003_jpost_story():
    _, claims = _claims("003_de9af6f17d0dde06.txt")
    s = _by_surface(claims)
    assert s["dozens"].qualifier == "vague" and s["dozens"].value is None
    assert s["128"].value == 128
    assert s["hundreds of thousands"].lower == 200_000
    assert s["810,000"].qualifier == "exact"
    assert s["more than half"].kind == "share" and s["more than half"].value == 50
    assert s["Some 40,000"].qualifier == "approx"
    surfaces = [c.surface for c in claims]
    assert "two-front" not in " ".join(surfaces)
    assert not any(x.startswith(("7", "6")) for x in surfaces)  # "October 7", "May 6"


def test_seed_004_no_idioms():
    _, claims = _claims("004_0c7b228e49d440e0.txt")
    assert all(c.surface == "two" for c in claims)  # "The two held ...", "the two men"


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_spans_are_exact_and_ordered(name):
    text, claims = _claims(name)
    last_end = -1
    for c in claims:
        assert text[c.start : c.end] == c.surface
        assert c.start >= last_end
        last_end = c.end
