"""Standard input, document ids, and the shipped seed corpus."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date

import pytest
from load_helpers import paragraph, write_docx

from factcheck.errors import InputError
from factcheck.load import document_id, load_documents


@pytest.mark.parametrize(
    "data, fmt, text",
    [
        (b"Plain 5 people\r\n", "txt", "Plain 5 people\n"),
        (b"---\ntitle: From stdin\n---\nBody 3\n", "md", "Body 3\n"),
        (b"<!DOCTYPE html><html><body><nav>menu</nav><p>Para 4</p></body></html>", "html", "Para 4"),
        (b"\xef\xbb\xbf<html><p>BOM page</p></html>", "html", "BOM page"),
    ],
)
def test_stdin_bytes_are_decoded_and_format_sniffed(data, fmt, text):
    [doc] = load_documents(["-"], stdin=io.BytesIO(data))
    assert (doc.path, doc.format, doc.text) == ("<stdin>", fmt, text)
    assert doc.id == document_id("<stdin>")


def test_stdin_text_stream_and_docx_on_stdin(tmp_path):
    [doc] = load_documents(["-"], stdin=io.StringIO("\ufeffText stream\r\n"))
    assert doc.text == "Text stream\n"
    data = write_docx(tmp_path / "s.docx", paragraph("Word on stdin")).read_bytes()
    [doc] = load_documents(["-"], stdin=io.BytesIO(data))
    assert (doc.format, doc.text) == ("docx", "Word on stdin")


def test_stdin_cp1252_warns_and_binary_stdin_is_refused(warnings):
    [doc] = load_documents(["-"], stdin=io.BytesIO("It\u2019s 10".encode("cp1252")), warn=warnings)
    assert doc.text == "It\u2019s 10" and warnings and "<stdin>" in warnings[0]
    with pytest.raises(InputError, match="^<stdin>: binary file"):
        load_documents(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n...."))


def test_stdin_given_twice_is_an_error():
    with pytest.raises(InputError, match="only be read once"):
        load_documents(["-", "-"], stdin=io.BytesIO(b"x"))


def test_ids_are_stable_across_two_loads_and_differ_between_paths(tmp_path):
    (tmp_path / "a.txt").write_text("same text", encoding="utf-8")
    (tmp_path / "b.txt").write_text("same text", encoding="utf-8")
    first = load_documents([tmp_path])
    second = load_documents([tmp_path])
    assert [d.id for d in first] == [d.id for d in second]
    assert first[0].id != first[1].id
    assert all(len(d.id) == 12 and int(d.id, 16) >= 0 for d in first)


def test_ids_are_the_same_in_another_process(seeds_dir):
    code = "from factcheck.load import load_documents; print(' '.join(d.id for d in load_documents([%r])))"
    out = subprocess.run(
        [sys.executable, "-c", code % str(seeds_dir)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [d.id for d in load_documents([seeds_dir])]


def test_id_is_sha256_of_reported_path():
    import hashlib

    assert document_id("seeds/a.txt") == hashlib.sha256(b"seeds/a.txt").hexdigest()[:12]


def test_seed_folder_gives_five_articles_with_manifest_metadata(seeds_dir, warnings):
    loaded = load_documents([seeds_dir], role="corpus", warn=warnings)
    # The folder is loaded recursively: the sample drafts in seeds/drafts/ come too.
    assert sorted(d.path.rsplit("/", 2)[-2] for d in loaded if "/drafts/" in d.path) == ["drafts", "drafts"]
    docs = [d for d in loaded if "/drafts/" not in d.path]
    assert len(docs) == 5
    assert not warnings
    by_name = {d.path.rsplit("/", 1)[1][:3]: d for d in docs}
    assert [d.path.rsplit("/", 1)[1][:3] for d in docs] == ["000", "001", "002", "003", "004"]
    assert {k: d.published for k, d in by_name.items()} == {
        "000": date(2024, 3, 26),
        "001": date(2024, 5, 22),
        "002": date(2024, 3, 26),
        "003": date(2024, 5, 20),
        "004": date(2024, 6, 25),
    }
    zero = by_name["000"]
    assert zero.title == "Gallant and Austin"
    assert zero.outlet == "Israel National News (Arutz Sheva)"
    assert zero.extra == {"outlet_confidence": "inferred", "date_confidence": "inferred"}
    assert zero.metadata_source == {"title": "manifest", "outlet": "manifest", "published": "manifest"}
    assert zero.role == "corpus" and zero.format == "txt"
    assert zero.text.startswith("Gallant and Austin\n")
    assert all(d.text and "\r" not in d.text for d in docs)


def test_document_json_has_contract_fields_and_no_text(seeds_dir):
    doc = load_documents([seeds_dir])[0]
    dumped = doc.model_dump(mode="json")
    assert {"id", "path", "title", "outlet", "published", "role"} <= dumped.keys()
    assert "text" not in dumped
    assert dumped["published"] == "2024-03-26"
