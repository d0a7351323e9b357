"""Shared set-up of the fuzz targets: run them as scripts (``python fuzz/fuzz_extract.py``)
or as short runs from ``tests/hardening/test_hard_fuzz.py``; see ``fuzz/README.md``."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).resolve().parent / "seeds"

if str(ROOT) not in sys.path:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))


def libfuzzer_args(argv: list[str], seed_dir: str) -> list[str]:
    """``argv`` with the committed seed corpus appended when no corpus folder is given,
    so that a bare ``python fuzz/fuzz_x.py -runs=N`` starts from the seeds without
    writing into them (libFuzzer adds new inputs only to the first folder, and with
    none given it adds none)."""
    flags = [a for a in argv[1:] if a.startswith("-")]
    folders = [a for a in argv[1:] if not a.startswith("-")]
    if not folders:
        flags = [*flags, f"-seed_inputs={','.join(str(p) for p in sorted((SEEDS / seed_dir).iterdir()))}"]
    return [argv[0], *flags, *folders]


def import_all(package: str) -> None:
    """Import ``package`` and every module below it now: atheris instruments only what
    is imported inside ``atheris.instrument_imports()``, and factcheck imports many of
    its modules lazily, inside functions."""
    import importlib
    import pkgutil

    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        importlib.import_module(info.name)

