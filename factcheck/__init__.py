"""factcheck: extract numeric claims from news copy and check them against each other,
against dated reference figures and against rules that researchers write in YAML."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

from factcheck.extract import extract  # noqa: E402  (public API)

__all__ = ["__version__", "extract"]
