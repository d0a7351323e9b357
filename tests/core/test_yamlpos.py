from __future__ import annotations

import pytest

from factcheck.errors import FactcheckError, RuleError
from factcheck.util.yamlpos import load_yaml


def test_positions_of_keys_and_values_are_one_based_line_and_column() -> None:
    doc = load_yaml("figures:\n  - id: toll\n    unit: person\n", "r.yaml")
    assert doc.data == {"figures": [{"id": "toll", "unit": "person"}]}
    key = doc.key_at[("figures", 0, "unit")]
    assert (key.path, key.line, key.column) == ("r.yaml", 3, 5)
    value = doc.value_at[("figures", 0, "unit")]
    assert (value.line, value.column) == (3, 11)


def test_locate_falls_back_to_the_longest_known_prefix() -> None:
    doc = load_yaml("a:\n  b: 1\n", "x.yaml")
    where = doc.locate(("a", "b", "missing", 3))
    assert (where.line, where.column) == (2, 6)


def test_syntax_error_names_file_line_and_column() -> None:
    with pytest.raises(RuleError) as info:
        load_yaml("a: [1, 2\nb: 3\n", "bad.yaml", error=RuleError)
    text = str(info.value)
    assert text.startswith("bad.yaml:")
    assert info.value.location is not None and info.value.location.line is not None
    assert "YAML syntax error" in text


def test_duplicate_key_is_an_error_pointing_at_the_second_key() -> None:
    with pytest.raises(FactcheckError) as info:
        load_yaml("id: a\nunit: x\nid: b\n", "dup.yaml")
    assert info.value.location is not None
    assert info.value.location.line == 3
    assert "duplicate key 'id' (first at line 1)" in info.value.message


def test_python_object_tags_are_refused_not_executed() -> None:
    with pytest.raises(FactcheckError):
        load_yaml("x: !!python/object/apply:os.system ['echo hacked']\n", "evil.yaml")


def test_alias_expansion_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.util.yamlpos as yamlpos

    monkeypatch.setattr(yamlpos, "MAX_NODES", 1000)
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    names = "abcdefg"
    for prev, cur in zip(names, names[1:]):
        laughs += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    with pytest.raises(FactcheckError, match="YAML nodes"):
        load_yaml(laughs, "laughs.yaml")


def test_line_offset_shifts_reported_lines_for_embedded_yaml() -> None:
    with pytest.raises(FactcheckError) as info:
        load_yaml("title: [unclosed\n", "draft.md", line_offset=1)
    assert info.value.location is not None and info.value.location.line is not None
    assert info.value.location.line >= 2


def test_empty_document_gives_none_or_an_error_when_required() -> None:
    assert load_yaml("", "e.yaml").data is None
    with pytest.raises(FactcheckError, match="empty"):
        load_yaml("# only a comment\n", "e.yaml", allow_empty=False)


def test_yaml_dates_become_date_objects() -> None:
    import datetime

    assert load_yaml("published: 2024-05-20\n", "m.yaml").data == {"published": datetime.date(2024, 5, 20)}
