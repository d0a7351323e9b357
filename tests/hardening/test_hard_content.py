"""Issue 8, "Content": binary data, invalid UTF-8, UTF-16 with and without a BOM, mixed
newlines, an empty file, a 100 MB file, a single 10 MB line, other digit systems and
zero-width characters inside numbers. Unreadable content is refused in one line with
exit code 2; merely unusual content gives a correct result."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from factcheck.load import MAX_FILE_BYTES
from hardening_helpers import article, assert_ok, assert_refused, run_cli


def _claims(result) -> list[dict]:  # noqa: ANN001
    assert_ok(result)
    return json.loads(result.stdout)["claims"]


def _surfaces(result) -> list[tuple[str, float | None]]:  # noqa: ANN001
    return [(c["surface"], c["value"]) for c in _claims(result)]


# -- binary ----------------------------------------------------------------------------
def test_binary_file_with_a_known_signature(tmp_path: Path) -> None:
    (tmp_path / "chart.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert_refused(run_cli("extract", "chart.txt", cwd=tmp_path), "chart.txt", "binary file, not text", "PNG image")


def test_random_binary_data(tmp_path: Path) -> None:
    noise = bytes((i * 7919 + 13) % 256 for i in range(65536))  # NUL bytes and all
    (tmp_path / "noise.md").write_bytes(noise)
    assert_refused(run_cli("extract", "noise.md", cwd=tmp_path), "noise.md", "binary file, not text")


def test_binary_data_on_standard_input(tmp_path: Path) -> None:
    result = run_cli("extract", "-", cwd=tmp_path, stdin=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 64)
    assert_refused(result, "<stdin>", "PDF document")


def test_word_document_without_its_extension(tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_bytes(b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml" + b"\x00" * 32)
    assert_refused(run_cli("extract", "draft.txt", cwd=tmp_path), "draft.txt", "give it the .docx extension")


def test_corrupt_docx(tmp_path: Path) -> None:
    (tmp_path / "draft.docx").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    result = run_cli("extract", "draft.docx", cwd=tmp_path)
    assert_refused(result, "draft.docx")


# -- encodings -------------------------------------------------------------------------
def test_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "cms.txt").write_bytes("\u201cAbout 40\u201d people were hurt \u2013 officials said.\n".encode("cp1252"))
    result = run_cli("extract", "cms.txt", "--format", "json", cwd=tmp_path)
    assert _surfaces(result) == [("About 40", 40.0)]
    assert result.warnings == [
        "factcheck: warning: cms.txt: not valid UTF-8; read as Windows-1252 (cp1252), guessed. Save it as UTF-8 to be sure."
    ]


@pytest.mark.parametrize("command", ["extract", "run"])
def test_a_warning_of_reading_is_in_the_json_report_and_said_once(tmp_path: Path, command: str) -> None:
    """A legacy encoding guessed is told on standard error as the file is read, once,
    and carried in the report's notes: a JSON (or SARIF, GitHub) report read by another
    tool says what standard error said (it was on standard error only)."""
    (tmp_path / "cms.txt").write_bytes("Caf\u00e9 owners said 40 people were hurt.\n".encode("cp1252"))
    result = run_cli(command, "cms.txt", "--format", "json", *(["--fail-on", "never"] if command == "run" else []), cwd=tmp_path)
    message = "cms.txt: not valid UTF-8; read as Windows-1252 (cp1252), guessed. Save it as UTF-8 to be sure."
    assert result.warnings == [f"factcheck: warning: {message}"]
    assert f"warning: {message}" in json.loads(result.stdout)["notes"]


def test_a_line_read_in_part_says_so_in_the_extract_json(tmp_path: Path) -> None:
    """``factcheck extract`` on a sentence of more figures than the budget reads: the
    JSON's notes say what was left unread, as standard error does."""
    (tmp_path / "table.txt").write_text("1,000 people " * 6000, encoding="utf-8")
    result = run_cli("extract", "table.txt", "--format", "json", "--quiet", cwd=tmp_path)
    notes = json.loads(result.stdout)["notes"]
    assert len(notes) == 1 and notes[0].startswith("warning: table.txt: not fully read: ") and "6,000 numbers" in notes[0]
    assert result.warnings == [f"factcheck: {notes[0]}"]


def test_invalid_utf8_bytes_no_single_byte_encoding_explains(tmp_path: Path) -> None:
    # Bytes undefined in Windows-1252: whatever is guessed, the figure is read and the
    # user is told the encoding was a guess.
    (tmp_path / "odd.txt").write_bytes(b"About 40 \x81\x8d\x8f\x90\x9d people were hurt.\n")
    result = run_cli("extract", "odd.txt", "--format", "json", cwd=tmp_path)
    assert _surfaces(result) == [("About 40", 40.0)]
    assert len(result.warnings) == 1 and "odd.txt: not valid UTF-8; read as" in result.warnings[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom(tmp_path: Path, codec: str) -> None:
    text = "\ufeffThe strike killed 12 people.\nAbout 1.4 million shelter in Rafah.\n"
    (tmp_path / "wire.txt").write_bytes(text.encode(codec))
    result = run_cli("extract", "wire.txt", "--format", "json", cwd=tmp_path)
    claims = _claims(result)
    assert [(c["surface"], c["line"], c["column"]) for c in claims] == [("12", 1, 19), ("About 1.4 million", 2, 1)]
    assert result.warnings == []


def test_utf16_without_a_bom_is_recognised_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_bytes("The strike killed 12 people in the town.\n".encode("utf-16-le"))
    result = run_cli("extract", "wire.txt", "--format", "json", cwd=tmp_path)
    assert _surfaces(result) == [("12", 12.0)]
    assert result.warnings == ["factcheck: warning: wire.txt: no byte-order mark; read as UTF-16 LE (guessed from the NUL bytes)"]


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf12 people were hurt.\n")
    claims = _claims(run_cli("extract", "a.txt", "--format", "json", cwd=tmp_path))
    assert [(c["surface"], c["start"], c["line"], c["column"]) for c in claims] == [("12", 0, 1, 1)]


def test_bom_that_lies_about_the_encoding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xff\xfeA\x00b\x00c")  # UTF-16 LE BOM, odd length
    assert_refused(run_cli("extract", "a.txt", cwd=tmp_path), "a.txt", "byte-order mark", "not valid UTF-16 LE")


# -- newlines and empty files ----------------------------------------------------------
def test_mixed_newlines_give_the_lines_an_editor_shows(tmp_path: Path) -> None:
    (tmp_path / "mixed.txt").write_bytes(
        b"There were 5 cats.\r\nThere were 6 dogs.\rThere were 7 cows.\nThere were 8 pigs.\n"
    )
    claims = _claims(run_cli("extract", "mixed.txt", "--format", "json", cwd=tmp_path))
    assert [(c["surface"], c["line"], c["column"]) for c in claims] == [("5", 1, 12), ("6", 2, 12), ("7", 3, 12), ("8", 4, 12)]
    # Offsets are into the text as factcheck reads it, newlines normalised to "\n".
    assert [c["start"] for c in claims] == [11, 30, 49, 68]


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"  \n\n\t\r\n"], ids=["empty", "bom-only", "whitespace"])
def test_empty_file_is_checked_and_has_no_claims(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "empty.md").write_bytes(content)
    result = run_cli("run", "empty.md", "--format", "json", cwd=tmp_path)
    assert_ok(result)
    data = json.loads(result.stdout)
    assert [d["path"] for d in data["documents"] if d["role"] == "checked"] == ["empty.md"]
    assert [c for c in data["claims"] if c["doc"] == data["documents"][0]["id"]] == []
    assert data["findings"] == []


def test_empty_standard_input(tmp_path: Path) -> None:
    result = run_cli("extract", "-", "--format", "json", cwd=tmp_path, stdin=b"")
    assert _claims(result) == []


# -- size ------------------------------------------------------------------------------
def test_file_over_the_100_mb_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as fh:  # sparse: costs no disk and no time
        fh.truncate(MAX_FILE_BYTES + 1)
    result = run_cli("extract", "dump.txt", cwd=tmp_path)
    assert_refused(
        result, "dump.txt", f"file too large ({MAX_FILE_BYTES + 1:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes)"
    )
    assert MAX_FILE_BYTES == 100 * 1024 * 1024


_PEAK_RSS = (
    "import resource, sys\n"
    "try:\n"
    "    exec(sys.argv.pop(1))\n"
    "finally:\n"
    "    sys.stderr.write(f'\\nPEAK_RSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
)


def _peak_rss_mb(tmp_path: Path, code: str, *args: str) -> float:
    """Run ``code`` (with ``args`` in sys.argv) in a fresh interpreter; its peak RSS."""
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, code, *args], cwd=tmp_path, capture_output=True, timeout=600,
        stdin=subprocess.DEVNULL,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, err
    assert "Traceback" not in err, err
    kb = int(err.rsplit("PEAK_RSS_KB=", 1)[1].split()[0])
    return kb / (1024 * 1024 if sys.platform == "darwin" else 1024)  # macOS reports bytes


_CLI = "from factcheck.cli import main\nmain(sys.argv[1:])"
_BASELINE = "import factcheck.cli, factcheck.load, factcheck.pipeline"


@pytest.mark.skipif(sys.platform == "win32", reason="resource module")
def test_a_20_mb_file_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """A 20 MB article (a fifth of the limit, far more than any real one): the loader
    (read, decode, newlines, parse) needs at most three times its size on top of what
    the program needs anyway. What extraction adds is measured on a 10 MB line below."""
    size = 20 * 1000 * 1000
    (tmp_path / "huge.txt").write_bytes(article(size).replace("\n", "\r\n").encode("utf-8"))
    base = _peak_rss_mb(tmp_path, _BASELINE)
    load = (
        "from factcheck.load import load_documents\n"
        "[doc] = load_documents(sys.argv[1:])\n"
        "assert doc.text.count('Officials said about') > 30000 and '\\r' not in doc.text\n"
    )
    peak = _peak_rss_mb(tmp_path, _BASELINE + "\n" + load, "huge.txt")
    assert peak - base < 3 * 1.05 * size / 2**20, f"loading a {size / 1e6:.0f} MB file took {peak - base:.0f} MB"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="resource module")
def test_a_single_10_mb_line(tmp_path: Path) -> None:
    """Ten megabytes without a newline (a CMS export on one line): every figure is read,
    on line 1, in memory proportional to the size: at most twenty times it, over what
    the program needs anyway (the claims, a few kilobytes each with their sentence,
    are most of it)."""
    size = 10 * 1000 * 1000
    (tmp_path / "one-line.txt").write_text(article(size).replace("\n", " "), encoding="utf-8")
    base = _peak_rss_mb(tmp_path, _BASELINE)
    peak = _peak_rss_mb(tmp_path, _CLI, "extract", "one-line.txt", "--quiet", "--format", "json", "--output", "claims.json")
    claims = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))["claims"]
    assert len(claims) > 20000 and {c["line"] for c in claims} == {1}
    assert claims[-1]["column"] > 9_900_000
    assert peak - base < 20 * size / 2**20, f"{peak - base:.0f} MB for a {size / 1e6:.0f} MB line"


def test_a_sentence_of_thousands_of_figures_is_read(tmp_path: Path) -> None:
    """A table pasted without full stops: one "sentence" of 3,000 figures and 6,000
    words. Beyond the words the clause analysis reads it is not analysed (this crashed
    with an IndexError), but every figure is a claim, and each carries the 2,000
    characters around it, not the whole line."""
    (tmp_path / "table.txt").write_text("1,000 people " * 3000, encoding="utf-8")
    result = run_cli("extract", "table.txt", "--format", "json", "--quiet", cwd=tmp_path)
    assert_ok(result)
    claims = json.loads(result.stdout)["claims"]
    assert len(claims) == 3000 and {c["value"] for c in claims} == {1000.0}
    assert all(c["surface"] in c["sentence"] and len(c["sentence"]) <= 2000 for c in claims)
    assert {c["entity"] for c in claims} == {"people"}


@pytest.mark.skipif(sys.platform == "win32", reason="resource module")
def test_figures_on_one_line_cost_memory_in_proportion(tmp_path: Path) -> None:
    """20,000 figures on one line (260 KB) stay far under 1 GB and the JSON grows in
    proportion to the figures, not to their square (each claim carried the whole line:
    10 GB of JSON). Time is measured by benchmarks/bench_dense.py, not here."""
    sizes = {}
    for n in (2000, 20000):
        name = f"dense-{n}.txt"
        (tmp_path / name).write_text("1,000 people " * n, encoding="utf-8")
        peak = _peak_rss_mb(tmp_path, _CLI, "extract", name, "--quiet", "--format", "json", "--output", f"{n}.json")
        sizes[n] = (tmp_path / f"{n}.json").stat().st_size
        assert peak < 1024, f"{peak:.0f} MB for {n:,} figures on one line"
    assert sizes[20000] < 12 * sizes[2000], sizes


# -- digits ----------------------------------------------------------------------------
def test_zero_width_characters_inside_numbers(tmp_path: Path) -> None:
    # CMS copy-paste leaves zero-width spaces, joiners and soft hyphens inside figures.
    text = (
        "Some 1\u200b000 people fled.\n"
        "About 2,\u200d500 were hurt.\n"
        "Nearly 3.\u20605 million live there.\n"
        "The toll rose to 12\u00ad345.\n"
    )
    (tmp_path / "cms.txt").write_text(text, encoding="utf-8")
    result = run_cli("extract", "cms.txt", "--format", "json", cwd=tmp_path)
    assert _surfaces(result) == [("Some 1000", 1000.0), ("About 2,500", 2500.0), ("Nearly 3.5 million", 3_500_000.0), ("12345", 12345.0)]


def test_zero_width_joiners_outside_numbers_are_kept(tmp_path: Path) -> None:
    text = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645: 40 people. Family \U0001f468\u200d\U0001f469 of 4.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = run_cli("extract", "a.txt", "--format", "json", cwd=tmp_path)
    claims = _claims(result)
    assert "\u200c" in claims[0]["sentence"] and "\u200d" in claims[-1]["sentence"]


@pytest.mark.parametrize(
    ("digits", "sep"),
    [
        ("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "\u066c"),  # Arabic-Indic
        ("\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9", ","),  # Extended Arabic-Indic (Persian)
        ("\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f", ","),  # Devanagari
        ("\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19", ","),  # fullwidth
    ],
    ids=["arabic-indic", "persian", "devanagari", "fullwidth"],
)
def test_other_digit_systems_in_an_englisharticle(tmp_path: Path, digits: str, sep: str) -> None:
    def native(n: str) -> str:
        return "".join(digits[int(ch)] if ch.isdigit() else sep if ch == "," else ch for ch in n)

    text = f"The ministry said {native('32,000')} people were killed and {native('75')} were wounded.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    values = [v for _, v in _surfaces(run_cli("extract", "a.txt", "--format", "json", cwd=tmp_path))]
    assert values == [32000.0, 75.0]


def test_every_unicode_digit_system_is_safe(tmp_path: Path) -> None:
    # Whatever is read of them, text in every digit system Unicode has is no error.
    import unicodedata

    systems = sorted({chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Nd" and unicodedata.digit(chr(c)) == 0})
    lines = []
    for zero in systems:
        d = [chr(ord(zero) + k) for k in range(10)]
        lines.append(f"Officials said {d[3]}{d[2]},{d[0]}{d[0]}{d[0]} people fled and {d[1]}.{d[5]} million stayed.")
    (tmp_path / "digits.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("run", "digits.txt", "--format", "json", cwd=tmp_path)
    assert_ok(result)
    assert len(systems) > 50
