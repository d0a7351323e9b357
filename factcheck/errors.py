"""Errors factcheck reports to its user.

Every error the user can cause (a bad path, a broken rule file, a bad option) is a
``FactcheckError``: it carries its exit code and, where there is one, the place in a
file it is about, so the CLI prints one line ``file:line:col: message`` and exits
with that code instead of showing a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that would break the one-line form or drive a terminal: C0 and C1 controls
# (TAB aside), DEL and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_KEEP_NEWLINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str, keep_newlines: bool = False) -> str:
    """``text`` with every control character written as its escape (``\\n``,
    ``\\x1b``): user text quoted in a message (a key, a file name, a placeholder) can
    neither split the message over several lines nor send escape sequences."""
    pattern = _CONTROL_KEEP_NEWLINES if keep_newlines else _CONTROL
    return pattern.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A place in a user's file; ``line`` and ``column`` are 1-based."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class FactcheckError(Exception):
    """Base of every error the user can cause. ``exit_code`` is what the CLI exits with.

    ``str()`` is the line(s) the CLI prints: control characters in the location and the
    message are escaped, newlines included unless ``multiline`` (a message listing
    several problems, one per line)."""

    exit_code: int = 2
    multiline: bool = False

    def __init__(self, message: str, location: SourceLocation | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        message = escape_controls(self.message, keep_newlines=self.multiline)
        if self.location is not None:
            return f"{escape_controls(str(self.location))}: {message}"
        return message


class UsageError(FactcheckError):
    """Bad command-line usage: an unknown format, an invalid option value."""


class InputError(FactcheckError):
    """A document that cannot be read: missing, unreadable, binary, too large."""


class MetadataError(InputError):
    """Front matter or a manifest that cannot be understood."""


class SkippedRecords(InputError):
    """The bad records of JSON and JSON Lines files, raised after the run has checked
    (and reported) every good one: one line per bad record, then what was done."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__(
            f"{len(errors)} bad record(s) left out, every other record was checked "
            "(--strict-records refuses such files instead)"
        )
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join([*(str(e) for e in self.errors), super().__str__()])


class RuleError(FactcheckError):
    """A rule file that cannot be used. Several may be collected into ``RuleErrors``."""


class RuleErrors(FactcheckError):
    """Every problem found in a set of rule files, reported together."""

    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__(f"{len(errors)} error(s) in rule files")
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class ConfigError(FactcheckError):
    """A configuration file (factcheck.toml, [tool.factcheck]) that cannot be used.
    Several problems are listed one per line."""

    multiline = True


class OutputError(FactcheckError):
    """The report cannot be written where the user asked."""
