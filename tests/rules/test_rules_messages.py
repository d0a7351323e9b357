"""Message templates: named placeholders checked at load, rendering that cannot fail."""

from __future__ import annotations

from factcheck.rules.messages import COMMON, EVIDENCE, render, validate_template

ALLOWED = {**COMMON, **EVIDENCE}


def _problems(template: str) -> list[tuple[int, str]]:
    return [(p.offset, p.message) for p in validate_template(template, ALLOWED)]


def test_a_good_template_has_no_problems() -> None:
    assert _problems("{figure}: {value!r:>12} vs {evidence_value} ({evidence_source}, {evidence_date}) {{literal}}") == []


def test_unknown_placeholders_get_the_closest_name_and_their_offset() -> None:
    [(offset, message)] = _problems("{{x}} {evidnce_value}")
    assert offset == 6
    assert message.startswith("unknown placeholder {evidnce_value}; did you mean {evidence_value}?")


def test_attribute_index_and_positional_access_are_refused() -> None:
    problems = _problems("{value.__class__} {value[0]} {} {0}")
    assert [o for o, _ in problems] == [0, 18, 29, 32]
    assert "attribute and index access" in problems[0][1]
    assert "positional placeholder" in problems[2][1]


def test_bad_format_specs_and_conversions_are_refused() -> None:
    assert "bad format spec" in _problems("{value:,.0f}")[0][1]
    assert "unknown conversion" in _problems("{value!x}")[0][1]
    assert "nested placeholders" in _problems("{value:{width}}")[0][1]


def test_unbalanced_braces_are_reported() -> None:
    assert "bad message template" in _problems("value}")[0][1]
    assert "bad message template" in _problems("{value")[0][1]


def test_render_shows_values_as_text_and_missing_ones_as_a_question_mark() -> None:
    assert render("{value} / {age_days} / {evidence_value}", {"value": "over 30,000", "age_days": 73, "evidence_value": None}) == (
        "over 30,000 / 73 / ?"
    )
