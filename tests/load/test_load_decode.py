"""bytes → text: BOMs, UTF-16/32, legacy encodings, binary files, newlines."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.load import load_documents
from factcheck.load.decode import decode_bytes

SMART = "He said \u2018no\u2019 and \u201cmaybe\u201d \u2013 then left\u2026"


def test_utf8_bom_is_stripped(tmp_path, warnings):
    f = tmp_path / "a.txt"
    f.write_bytes(codecs.BOM_UTF8 + "Caf\u00e9 12 people".encode())
    [doc] = load_documents([f], warn=warnings)
    assert doc.text == "Caf\u00e9 12 people"
    assert not warnings


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded_without_warning(tmp_path, warnings, codec):
    bom = codecs.BOM_UTF16_BE if codec == "utf-16-be" else codecs.BOM_UTF16_LE
    body_codec = "utf-16-be" if codec == "utf-16-be" else "utf-16-le"
    f = tmp_path / "a.txt"
    f.write_bytes(bom + SMART.encode(body_codec))
    [doc] = load_documents([f], warn=warnings)
    assert doc.text == SMART
    assert not warnings


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_is_decoded(codec):
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    assert decode_bytes(bom + SMART.encode(codec), "x.txt") == SMART


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_guessed_from_nul_pattern_with_warning(codec, warnings):
    text = decode_bytes("The army said 1,200 people were killed.\n".encode(codec), "x.txt", warnings)
    assert text == "The army said 1,200 people were killed.\n"
    assert len(warnings) == 1 and "x.txt" in warnings[0] and "UTF-16" in warnings[0]


def test_cp1252_smart_quotes_decode_with_a_warning_naming_file_and_encoding(tmp_path, warnings):
    f = tmp_path / "legacy.txt"
    f.write_bytes("Officials said it\u2019s \u201cunacceptable\u201d \u2013 about 40 killed.".encode("cp1252"))
    [doc] = load_documents([f], warn=warnings)
    assert doc.text == "Officials said it\u2019s \u201cunacceptable\u201d \u2013 about 40 killed."
    assert "\u2019" in doc.text and "\u201c" in doc.text and "\u201d" in doc.text
    assert len(warnings) == 1
    assert str(f) in warnings[0] and "1252" in warnings[0]


def test_cyrillic_legacy_text_is_not_misread_as_cp1252(warnings):
    text = "\u0412 \u0420\u0430\u0444\u0430\u0445\u0435 \u043f\u043e\u0433\u0438\u0431\u043b\u0438 \u043b\u044e\u0434\u0438, \u0441\u043e\u043e\u0431\u0449\u0430\u0435\u0442 \u0430\u0433\u0435\u043d\u0442\u0441\u0442\u0432\u043e. " * 5
    decoded = decode_bytes(text.encode("cp1251"), "ru.txt", warnings)
    # charset-normalizer may pick a sibling Cyrillic code page; the words must survive.
    assert "\u043f\u043e\u0433\u0438\u0431\u043b\u0438 \u043b\u044e\u0434\u0438" in decoded
    assert len(warnings) == 1 and "ru.txt" in warnings[0] and "1252" not in warnings[0]


@pytest.mark.parametrize(
    "raw, expected",
    [(b"a\r\nb\r\n", "a\nb\n"), (b"a\rb\r", "a\nb\n"), (b"a\r\n\rb\n", "a\n\nb\n")],
)
def test_crlf_and_cr_become_lf(raw, expected):
    assert decode_bytes(raw, "x.txt") == expected


def test_crlf_file_loads_with_lf_only(tmp_path):
    f = tmp_path / "win.txt"
    f.write_bytes(b"First line.\r\nSecond line, 30 people.\r\n")
    [doc] = load_documents([f])
    assert doc.text == "First line.\nSecond line, 30 people.\n"


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"text\x00with a NUL\x00in \x00 the \x00 middle and more", "NUL"),
        (bytes(range(1, 9)) * 10, "control"),
    ],
)
def test_binary_data_is_an_input_error_naming_the_file(tmp_path, data, what):
    f = tmp_path / "story.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as exc:
        load_documents([f])
    assert exc.value.exit_code == 2
    message = str(exc.value)
    assert message.startswith(f"{f}: binary file, not text (")
    assert what in message


def test_empty_bytes_decode_to_empty_text():
    assert decode_bytes(b"", "x.txt") == ""


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_either_decode_or_raise_input_error(data):
    try:
        text = decode_bytes(data, "fuzz.txt", lambda _m: None)
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
    else:
        assert isinstance(text, str)
        assert "\r" not in text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_utf8_text_round_trips_except_newline_normalisation(text):
    data = text.encode("utf-8")
    try:
        decoded = decode_bytes(data, "t.txt")
    except InputError:
        return  # NUL or control-heavy text is refused as binary; that is allowed
    if "\x00" in text:
        return  # bytes with NULs may honestly read as UTF-16/32 without a BOM
    assert decoded == text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["txt", "md", "html", "docx", "json", "jsonl", "sniff"]),
    st.sampled_from([b"", b"---\n", b"<html>", b"PK\x03\x04", b"[", b'{"text":', b"\xff\xfe"]),
    st.binary(max_size=200) | st.text(max_size=200).map(str.encode),
)
def test_every_reader_returns_documents_or_raises_input_error(fmt, prefix, data):
    from factcheck.load.formats import parse

    try:
        parsed = parse(prefix + data, fmt, "fuzz", lambda _m: None)
    except InputError:
        return
    assert all(isinstance(p.text, str) for p in parsed)
