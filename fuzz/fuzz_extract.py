"""Coverage-guided fuzzing of the extractor (``factcheck.extract.extract``) with atheris.

Any text, with or without a publication date, must give claims whose offsets point at
their surface in the text, with ``lower <= value <= upper`` where those are set, and
must never raise. A slow input is a finding too: run with ``-timeout=N`` (the README's
commands do) and libFuzzer stops on an input that takes longer than N seconds.

    python fuzz/fuzz_extract.py -runs=1000 -seed=1 -timeout=10     # the CI run
    python fuzz/fuzz_extract.py ~/fuzz/extract fuzz/seeds/extract \
        -max_total_time=3600 -timeout=10 -max_len=8192 -len_control=0   # the long run
"""

from __future__ import annotations

import datetime
import math
import sys

import atheris

import _common  # first: puts the checkout on sys.path

with atheris.instrument_imports(include=["factcheck"]):
    _common.import_all("factcheck.extract")
    from factcheck.extract import extract

_DAY0 = datetime.date(2023, 1, 1)


def check_claims(text: str, claims: list) -> None:  # noqa: ANN001
    for c in claims:
        if text[c.start : c.end] != c.surface:
            raise AssertionError(f"offsets {c.start}:{c.end} give {text[c.start:c.end]!r}, not the surface {c.surface!r}")
        lo, hi, v = c.lower, c.upper, c.value
        for x in (lo, hi, v):
            if x is not None and math.isnan(x):
                raise AssertionError(f"NaN in claim {c.surface!r}")
        if lo is not None and hi is not None and lo > hi:
            raise AssertionError(f"claim {c.surface!r}: lower {lo} > upper {hi}")
        if v is not None and lo is not None and v < lo and not math.isclose(v, lo):
            raise AssertionError(f"claim {c.surface!r}: value {v} < lower {lo}")
        if v is not None and hi is not None and v > hi and not math.isclose(v, hi):
            raise AssertionError(f"claim {c.surface!r}: value {v} > upper {hi}")


def decode_input(data: bytes) -> tuple[str, datetime.date | None]:
    """The first byte picks the publication date (0: none), the rest is UTF-8 text
    (invalid bytes become U+FFFD, as no decoded document holds lone surrogates), so
    that a seed file is one byte and then a plain sentence."""
    if not data:
        return "", None
    published = _DAY0 + datetime.timedelta(days=7 * data[0]) if data[0] else None
    return data[1:].decode("utf-8", "replace"), published


def TestOneInput(data: bytes) -> None:  # noqa: N802 - atheris' name
    text, published = decode_input(data)
    check_claims(text, extract(text, published))


def main() -> None:
    extract("warm-up: load the gazetteer once, 12 people.", None)
    atheris.Setup(_common.libfuzzer_args(sys.argv, "extract"), TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
