"""Fuzz target: reference series files (``factcheck/rules/reference.py``), CSV and JSON
Lines, with hypothesis.

Any file is points and problems, never an exception: every problem is one line naming
the file (and a line within it, if any); every point is finite, dated, and its
interval (``point_interval``) is a real interval; no point is kept from a row that was
reported. Files are drawn as rows of plausible and hostile cells (quotes, commas,
``nan``, ``1e400``, ``-0``, far dates, comments, blank lines, carriage returns), then
mutated, and as any text.

    python fuzz/fuzz_reference.py --examples 100000 --seed 1     # the long run
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import _common  # noqa: F401 - puts the checkout on sys.path
import _hypothesis_run

from factcheck.rules.reference import FIELDS, load_points, point_interval

CELLS = (
    "2024-05-25", "2024-02-30", "9999-12-31", "0001-01-01", "35903", "-12", "1e400", "-1e308", "nan", "inf",
    "1.5", "0", "-0", "", " ", "approx", "exact", "over", "about", '"', '""', '"a,b"', '"open', "x\r", "#", "null",
)
HEADERS = ("date,value", "date,value,qualifier", "date,value,lower,upper,source,note", "day,value", "", "value")

cells = st.sampled_from(CELLS) | st.text(alphabet='0123456789.-e,"#\r\n ', max_size=8)
rows = st.lists(cells, min_size=0, max_size=6).map(",".join)


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    lines = [draw(st.sampled_from(HEADERS)), *draw(st.lists(rows | st.sampled_from(("# note", "")), max_size=8))]
    text = "\n".join(lines) + draw(st.sampled_from(("", "\n", "\r\n")))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from('",\n\r#')) + text[at:]
    return text


values = st.one_of(
    st.sampled_from(("2024-01-01", "9999-12-31", "nan", "x", "")),
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**400), 10**400), st.none(), st.booleans(),
)
records = st.dictionaries(st.sampled_from((*FIELDS, "dat", "extra")), values, max_size=5)
jsonl_lines = records.map(lambda r: json.dumps(r, allow_nan=True)) | st.sampled_from(("[1]", "{bad", "", "{}", "null", '"s"'))
jsonl_files = st.lists(jsonl_lines, max_size=8).map("\n".join)

files = st.one_of(
    st.tuples(st.just(".csv"), csv_files() | st.text(max_size=200)),
    st.tuples(st.just(".jsonl"), jsonl_files | st.text(max_size=200)),
)


def check_reference(suffix: str, text: str, signed: bool, folder: Path) -> None:
    path = folder / f"series{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass", newline="")
    points, errors = load_points(path, path.name, signed=signed)
    for error in errors:
        line = str(error)
        assert "\n" not in line and line.startswith(path.name), line
    for point in points:
        assert math.isfinite(point.value)
        assert signed or point.value >= 0
        interval = point_interval(point)
        assert interval.lo <= interval.hi


_FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-reference-"))


@given(file=files, signed=st.booleans())
def fuzz_reference(file: tuple[str, str], signed: bool) -> None:
    suffix, text = file
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    check_reference(suffix, text, signed, _FOLDER)


def run(examples: int, seed_value: int | None = None) -> None:
    """Run the target for ``examples`` inputs (the same ones for the same seed)."""
    _hypothesis_run.run_hypothesis(fuzz_reference, examples, seed_value)


if __name__ == "__main__":
    _hypothesis_run.hypothesis_main(fuzz_reference, "fuzz_reference", __doc__)
