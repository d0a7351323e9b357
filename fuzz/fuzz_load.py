"""Coverage-guided fuzzing of the document loader (bytes → documents) with atheris.

The first byte picks the format (txt, md, html, json, jsonl, docx or sniffed, as for
standard input); the rest is the file's bytes. Decoding and parsing any bytes must give
documents or raise factcheck's own ``FactcheckError`` (the CLI's one-line message and
exit code 2); anything else is a bug.

    python fuzz/fuzz_load.py -runs=5000 -seed=1 -timeout=10      # see fuzz/README.md
"""

from __future__ import annotations

import sys

import atheris

import _common  # first: puts the checkout on sys.path

with atheris.instrument_imports(include=["factcheck"]):
    _common.import_all("factcheck.load")
    from factcheck.errors import FactcheckError
    from factcheck.load.formats import parse

FORMATS = ("txt", "md", "html", "json", "jsonl", "docx", "sniff")


def _ignore(_message: str) -> None:
    return None


def TestOneInput(data: bytes) -> None:  # noqa: N802 - atheris' name
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    try:
        docs = parse(data[1:], fmt, "fuzz-input", _ignore)
    except FactcheckError:
        return
    for doc in docs:
        if not isinstance(doc.text, str):
            raise AssertionError(f"{fmt}: text is {type(doc.text).__name__}")
        if "\r" in doc.text:
            raise AssertionError(f"{fmt}: a carriage return survived newline normalisation")


def main() -> None:
    atheris.Setup(_common.libfuzzer_args(sys.argv, "load"), TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
