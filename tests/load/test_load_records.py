"""JSON and JSON Lines archives: one document per record."""

from __future__ import annotations

import json
from datetime import date

import pytest

from factcheck.errors import InputError, MetadataError
from factcheck.load import document_id, load_documents


def test_jsonl_records_become_documents_with_line_numbered_paths(tmp_path):
    f = tmp_path / "archive.jsonl"
    lines = [
        json.dumps({"text": "About 250 hostages.", "title": "One", "published": "2024-03-26", "section": "world"}),
        "",
        json.dumps({"body": "Two text", "date": "2024-05-20T08:00:00Z", "outlet": "Wire", "url": "https://x"}),
        json.dumps({"content": "Three text", "id": "abc-1"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = load_documents([f])
    assert [d.path for d in docs] == [f"{f}#1", f"{f}#3", f"{f}#abc-1"]
    assert [d.text for d in docs] == ["About 250 hostages.", "Two text", "Three text"]
    assert {d.format for d in docs} == {"json"}
    assert docs[0].title == "One" and docs[0].published == date(2024, 3, 26)
    assert docs[0].extra == {"section": "world"}
    assert docs[0].metadata_source == {"title": "record", "published": "record"}
    assert docs[1].published == date(2024, 5, 20) and docs[1].outlet == "Wire" and docs[1].url == "https://x"
    assert docs[2].id == document_id(f"{f}#abc-1")
    assert len({d.id for d in docs}) == 3


def test_jsonl_bad_line_is_input_error_naming_file_and_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"text": "ok"}\n{"text": "broken"\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_documents([f])
    assert exc.value.location.path == str(f) and exc.value.location.line == 2
    assert str(exc.value).startswith(f"{f}:2:")


def test_record_without_text_is_an_error_naming_the_record(tmp_path):
    f = tmp_path / "notext.jsonl"
    f.write_text('{"text": "ok"}\n{"title": "no text here"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="record 2 has no text") as exc:
        load_documents([f])
    assert exc.value.location.line == 2


def test_json_list_of_records_and_single_record(tmp_path):
    f = tmp_path / "list.json"
    f.write_text(json.dumps([{"text": "A"}, {"text": "B", "id": 7}]), encoding="utf-8")
    docs = load_documents([f])
    assert [d.path for d in docs] == [f"{f}#1", f"{f}#7"]
    g = tmp_path / "one.json"
    g.write_text(json.dumps({"text": "Solo", "title": "S"}), encoding="utf-8")
    [doc] = load_documents([g])
    assert doc.path == f"{g}#1" and doc.title == "S"


def test_json_syntax_error_has_line_and_column(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text('[\n  {"text": "A"},\n  {"text": }\n]', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_documents([f])
    assert (exc.value.location.line, exc.value.location.column) == (3, 12)


def test_json_record_that_is_not_an_object_is_an_error(tmp_path):
    f = tmp_path / "nums.json"
    f.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="record 1 is not a JSON object"):
        load_documents([f])


def test_duplicate_record_ids_are_an_error(tmp_path):
    f = tmp_path / "dup.jsonl"
    f.write_text('{"text": "a", "id": "x"}\n{"text": "b", "id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="ids must be unique"):
        load_documents([f])


def test_record_bad_date_is_metadata_error(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "a", "published": "last Tuesday"}\n', encoding="utf-8")
    with pytest.raises(MetadataError, match="YYYY-MM-DD") as exc:
        load_documents([f])
    assert exc.value.location.line == 1


def test_deeply_nested_json_is_an_input_error_not_a_crash(tmp_path):
    f = tmp_path / "deep.json"
    f.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError):
        load_documents([f])


# -- bad records among good ones (issue 19) ----------------------------------------------

_MIXED_EXPORT = (
    '{"text": "The orchestra sold 3,400 season tickets.", "id": "arts-1"}\n'
    '{"text": "The ferry carried 212 passengers" \n'  # a missing comma: not JSON
    '["a list, not a record"]\n'
    '{"text": "Rainfall reached 48 millimetres in an hour.", "id": "arts-1"}\n'  # repeated id
    '{"text": "The county closed 9 libraries.", "published": "last week"}\n'  # bad date
    '{"text": "Turnout was 61 percent in the by-election.", "id": "pol-7"}\n'
)


def test_bad_records_are_collected_and_the_good_ones_still_read(tmp_path):
    f = tmp_path / "export.jsonl"
    f.write_text(_MIXED_EXPORT, encoding="utf-8")
    bad: list[InputError] = []
    docs = load_documents([f], bad_records=bad)
    assert [d.path for d in docs] == [f"{f}#arts-1", f"{f}#pol-7"]
    assert [(e.location.line, e.location.column) for e in bad] == [(2, 45), (3, 1), (4, 1), (5, 1)]
    assert all(str(e).startswith(f"{f}:{e.location.line}:{e.location.column}: ") for e in bad)
    assert "ids must be unique" in bad[2].message and "YYYY-MM-DD" in bad[3].message


def test_a_skipped_record_does_not_keep_its_id_from_a_later_good_record(tmp_path):
    f = tmp_path / "export.jsonl"
    f.write_text(
        '{"text": "The club signed 3 strikers.", "id": "s1", "published": "soon"}\n'
        '{"text": "The club signed 2 keepers.", "id": "s1"}\n',
        encoding="utf-8",
    )
    bad: list[InputError] = []
    assert [d.path for d in load_documents([f], bad_records=bad)] == [f"{f}#s1"]
    assert len(bad) == 1 and bad[0].location.line == 1


def test_bad_records_of_a_json_list_are_collected_by_position(tmp_path):
    f = tmp_path / "list.json"
    f.write_text('[{"text": "The bakery sold 800 loaves."}, 17, {"title": "no text"}]', encoding="utf-8")
    bad: list[InputError] = []
    assert [d.path for d in load_documents([f], bad_records=bad)] == [f"{f}#1"]
    assert [e.message.split(" ")[:2] for e in bad] == [["record", "2"], ["record", "3"]]


def test_without_a_list_for_bad_records_the_first_one_refuses_the_file(tmp_path):
    f = tmp_path / "export.jsonl"
    f.write_text(_MIXED_EXPORT, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_documents([f])
    assert exc.value.location.line == 2


def test_too_deep_json_on_the_first_line_is_reported_at_that_line(tmp_path):
    f = tmp_path / "deep.jsonl"
    f.write_text("[" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_documents([f])
    assert exc.value.location.line == 1
