"""Word .docx built in the test with zipfile."""

from __future__ import annotations

import zipfile

import pytest
from load_helpers import core_xml, paragraph, write_docx

from factcheck.errors import InputError
from factcheck.load import load_documents
from factcheck.load.formats import docx as docx_module


def test_docx_paragraphs_runs_tabs_and_breaks(tmp_path):
    body = (
        paragraph("More than ", "1.4 million", " people")
        + "<w:p/>"
        + '<w:p><w:r><w:t>Col A</w:t><w:tab/><w:t>Col B</w:t><w:br/><w:t>next line</w:t></w:r></w:p>'
        + "<w:tbl><w:tr><w:tc>" + paragraph("In a table: 42") + "</w:tc></w:tr></w:tbl>"
        + '<w:p><w:r><w:delText>deleted 99</w:delText></w:r><w:r><w:instrText>PAGE 7</w:instrText></w:r>'
        + "<w:r><w:t>kept</w:t></w:r></w:p>"
    )
    f = write_docx(tmp_path / "story.docx", body, core_xml(title="Draft headline", created="2024-01-02T09:00:00Z"))
    [doc] = load_documents([f])
    assert doc.format == "docx"
    assert doc.text == "More than 1.4 million people\n\nCol A\tCol B\nnext line\n\nIn a table: 42\n\nkept"
    assert doc.title == "Draft headline"
    assert doc.metadata_source == {"title": "docx"}
    # Creation time of the file is not a publication date.
    assert doc.published is None
    assert doc.extra == {"created": "2024-01-02T09:00:00Z"}


def test_docx_without_core_properties_still_loads(tmp_path):
    f = write_docx(tmp_path / "bare.docx", paragraph("Only text"))
    [doc] = load_documents([f])
    assert doc.text == "Only text" and doc.title is None


def test_malformed_zip_is_input_error_naming_the_file(tmp_path):
    f = tmp_path / "broken.docx"
    f.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(InputError) as exc:
        load_documents([f])
    assert str(exc.value).startswith(f"{f}: not a valid .docx file")
    assert exc.value.exit_code == 2


def test_zip_without_document_part_is_input_error(tmp_path):
    f = tmp_path / "other.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="no word/document.xml"):
        load_documents([f])


def test_docx_with_broken_xml_is_input_error(tmp_path):
    f = tmp_path / "badxml.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(InputError, match="not well-formed XML"):
        load_documents([f])


def test_zip_bomb_is_refused_by_the_uncompressed_size_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_module, "MAX_PART_BYTES", 10_000)
    f = write_docx(tmp_path / "bomb.docx", paragraph("x" * 50_000))
    assert f.stat().st_size < 10_000  # compresses well: the archive itself is small
    with pytest.raises(InputError, match="limit is 10,000|more than 10,000"):
        load_documents([f])


def test_docx_doctype_entities_are_refused(tmp_path):
    f = tmp_path / "lol.docx"
    xml = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="x"><w:body/></w:document>'
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("word/document.xml", xml)
    with pytest.raises(InputError, match="DOCTYPE"):
        load_documents([f])
