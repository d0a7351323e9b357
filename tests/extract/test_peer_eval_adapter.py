"""The scorer adapter (tests.eval.peer_eval): what score_peers.py reads."""

from __future__ import annotations

from tests.eval.peer_eval import score_adapter


def _types(text):
    return [(text[p["start"] : p["end"]], p["value"], p["type"]) for p in score_adapter(text)]


def test_adapter_types_match_the_scorers_suites():
    got = _types("It cost $5 for 3 km in 2 hours at 30 C heat, 40% of 12 people aged 87.")
    assert got == [
        ("$5", 5.0, "currency"),
        ("3 km", 3.0, "dimension"),
        ("2 hours", 2.0, "age"),
        ("30 C", 30.0, "temperature"),
        ("40%", 40.0, "percentage"),
        ("12", 12.0, "number"),
        ("aged 87", 87.0, "age"),
    ]


def test_adapter_leaves_out_vague_amounts_and_gives_range_midpoints():
    got = _types("hundreds of people and between 30 and 40 more")
    assert got == [("between 30 and 40", 35.0, "number")]


def test_adapter_returns_plain_dicts_with_the_scorers_keys():
    (p,) = score_adapter("5 km")
    assert set(p) == {"start", "end", "value", "unit", "type"}
    assert p["unit"] == "kilometer"
