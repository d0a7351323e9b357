"""Coverage-guided fuzzing of the rule loader with atheris.

Any bytes written as a rule file must load, or raise ``RuleErrors``/``FactcheckError``
with every problem on one line naming the file (``file:line:column: message``, exit
code 2); anything else is a bug. The input is
written to a scratch folder (``/dev/shm`` when there is one) and loaded with
``load_rules`` exactly as ``factcheck rules validate`` does.

    python fuzz/fuzz_rules.py -runs=5000 -seed=1 -timeout=10     # see fuzz/README.md
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

import _common  # first: puts the checkout on sys.path

with atheris.instrument_imports(include=["factcheck"]):
    _common.import_all("factcheck.rules")
    import factcheck.util.yamlpos  # noqa: F401
    from factcheck.errors import FactcheckError, RuleErrors
    from factcheck.check import REGISTRY
    from factcheck.rules.load import load_rules

_SCRATCH = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-rules-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
_FILE = _SCRATCH / "rules.yaml"


def TestOneInput(data: bytes) -> None:  # noqa: N802 - atheris' name
    _FILE.write_bytes(data)
    try:
        load_rules([_SCRATCH], kinds=REGISTRY)
    except RuleErrors as exc:
        for error in exc.errors:
            _one_line(error)
    except FactcheckError as exc:
        _one_line(exc)


def _one_line(error: FactcheckError) -> None:
    """Each problem is one line ``file[:line[:col]]: message``."""
    text = str(error)
    if "\n" in text or "\r" in text or not text.startswith(str(_FILE)):
        raise AssertionError(f"not one line naming the file: {text!r}")


def main() -> None:
    atheris.Setup(_common.libfuzzer_args(sys.argv, "rules"), TestOneInput)
    try:
        atheris.Fuzz()
    finally:
        _FILE.unlink(missing_ok=True)
        _SCRATCH.rmdir()


if __name__ == "__main__":
    main()
