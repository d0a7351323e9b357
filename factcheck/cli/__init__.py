"""The ``factcheck`` command line: ``main`` (the console script) and its typer ``app``
(``main``), the ``rules`` subcommands (``rules``) and the configuration file (``config``)."""

from __future__ import annotations

from factcheck.cli.main import app, main

__all__ = ["app", "main"]
