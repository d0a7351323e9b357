"""Plain text and Markdown with front matter."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.errors import MetadataError
from factcheck.load import load_documents


def test_txt_is_loaded_verbatim(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Headline\n\nAbout 1,400 people fled *Rafah*.\n", encoding="utf-8")
    [doc] = load_documents([f])
    assert doc.text == "Headline\n\nAbout 1,400 people fled *Rafah*.\n"
    assert doc.format == "txt"
    assert doc.line_offset == 0
    assert doc.role == "checked"
    assert doc.published is None and doc.title is None


def test_empty_file_is_a_document_with_empty_text(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    [doc] = load_documents([f])
    assert doc.text == ""
    assert doc.path == str(f)


def test_markdown_front_matter_becomes_metadata_and_body_is_text(tmp_path):
    f = tmp_path / "story.md"
    f.write_text(
        "---\ntitle: Talks in Washington\noutlet: Example News\npublished: 2024-03-26\n"
        "url: https://example.org/a\nauthor: J. Doe\ntags: [defence, gaza]\n---\n"
        "# Talks\n\nMore than **250** hostages.\n",
        encoding="utf-8",
    )
    [doc] = load_documents([f])
    assert doc.format == "md"
    assert doc.title == "Talks in Washington"
    assert doc.outlet == "Example News"
    assert doc.published == date(2024, 3, 26)
    assert doc.url == "https://example.org/a"
    assert doc.extra == {"author": "J. Doe", "tags": ["defence", "gaza"]}
    assert doc.metadata_source == {f: "front_matter" for f in ("title", "outlet", "published", "url")}
    # Markup is kept; the body starts right after the closing '---'.
    assert doc.text == "# Talks\n\nMore than **250** hostages.\n"
    assert doc.line_offset == 8


def test_line_offset_maps_body_lines_to_file_lines(tmp_path):
    f = tmp_path / "story.markdown"
    source = "---\ntitle: T\n---\nline one\nline two with 42\n"
    f.write_text(source, encoding="utf-8")
    [doc] = load_documents([f])
    body_line = doc.text.split("\n").index("line two with 42") + 1
    assert source.split("\n")[body_line + doc.line_offset - 1] == "line two with 42"


def test_markdown_without_front_matter_is_unchanged(tmp_path):
    f = tmp_path / "plain.md"
    f.write_text("Just text.\n---\nnot front matter\n", encoding="utf-8")
    [doc] = load_documents([f])
    assert doc.text == "Just text.\n---\nnot front matter\n"
    assert doc.line_offset == 0 and doc.metadata_source == {}


def test_front_matter_date_may_be_an_iso_datetime_or_named_date(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ndate: 2024-05-20T23:30:00-04:00\n---\nx\n", encoding="utf-8")
    [doc] = load_documents([f])
    assert doc.published == date(2024, 5, 20)  # the date as written, not converted to UTC


def test_malformed_front_matter_names_file_line_and_column(tmp_path):
    f = tmp_path / "bad.md"
    f.write_text("---\ntitle: ok\noutlet: [unclosed\n---\nbody\n", encoding="utf-8")
    with pytest.raises(MetadataError) as exc:
        load_documents([f])
    loc = exc.value.location
    assert loc.path == str(f) and loc.line is not None and loc.line >= 3 and loc.column is not None
    assert exc.value.exit_code == 2


def test_unclosed_front_matter_is_an_error(tmp_path):
    f = tmp_path / "open.md"
    f.write_text("---\ntitle: x\nbody without end\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="never closed"):
        load_documents([f])


def test_front_matter_that_is_not_a_mapping_is_an_error(tmp_path):
    f = tmp_path / "list.md"
    f.write_text("---\n- a\n- b\n---\nbody\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="mapping") as exc:
        load_documents([f])
    assert exc.value.location.line == 2


@pytest.mark.parametrize("value", ["26/03/2024", "March 26, 2024", "2024-13-01", "20240326", "2024"])
def test_bad_date_in_front_matter_names_file_line_col_and_accepted_formats(tmp_path, value):
    f = tmp_path / "d.md"
    f.write_text(f"---\ntitle: T\npublished: '{value}'\n---\nbody\n", encoding="utf-8")
    with pytest.raises(MetadataError) as exc:
        load_documents([f])
    assert exc.value.location is not None
    assert (exc.value.location.path, exc.value.location.line, exc.value.location.column) == (str(f), 3, 12)
    assert "YYYY-MM-DD" in str(exc.value)


def test_unquoted_yaml_integer_date_is_an_error(tmp_path):
    f = tmp_path / "d.md"
    f.write_text("---\npublished: 2024\n---\nbody\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="YYYY-MM-DD"):
        load_documents([f])


def test_non_text_title_is_an_error(tmp_path):
    f = tmp_path / "t.md"
    f.write_text("---\ntitle: {a: 1}\n---\nbody\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="'title' must be text"):
        load_documents([f])
