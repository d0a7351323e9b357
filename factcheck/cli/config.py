"""Project configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

The configuration is found by walking up from the working directory: in each folder a
``factcheck.toml`` wins over a ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.factcheck]`` table is passed over. Command-line options beat the file. Keys::

    fail_on = "warning"        # error | warning | info | never   (default: error)
    format = "text"            # the default --format
    corpus = "archive/"        # the default --corpus (relative to the file)
    rules = ["rules/"]         # rule folders added to the shipped rules (relative to the
                               # file; a single string is one folder); --rules replaces them
    default_rules = true       # false: do not load the shipped rules (--no-default-rules)
    baseline = "factcheck-baseline.json"   # the default --baseline (relative to the file)

    [severity]                 # per-rule severity overrides: rule id = error|warning|info
    gaza-toll-outdated = "error"

In ``pyproject.toml`` the same keys go under ``[tool.factcheck]`` and
``[tool.factcheck.severity]``. Unknown keys and bad values are errors that name the
file, the line and the key (``ConfigError``, exit code 2).
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factcheck.errors import ConfigError, SourceLocation, escape_controls

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"

FailOn = Literal["error", "warning", "info", "never"]
SeverityName = Literal["error", "warning", "info"]


class Config(BaseModel):
    """The effective configuration (defaults where no file says otherwise)."""

    model_config = ConfigDict(extra="forbid")

    fail_on: FailOn = Field(default="error", description="exit 1 when there is a finding of this severity or above")
    format: str = Field(default="text", description="the default output format")
    corpus: Path | None = Field(default=None, description="the default corpus folder")
    rules: list[Path] = Field(default_factory=list, description="rule folders added to the shipped rules")
    default_rules: bool = Field(default=True, description="whether the shipped rules are loaded")
    baseline: Path | None = Field(default=None, description="the default baseline file")
    severity: dict[str, SeverityName] = Field(default_factory=dict, description="per-rule severity overrides")

    @field_validator("rules", mode="before")
    @classmethod
    def _one_or_more(cls, value: Any) -> Any:
        # One folder may be written as a string, as before rules became a list.
        return [value] if isinstance(value, str) else value

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        from factcheck.report import FORMATTERS

        if value not in FORMATTERS:
            raise ValueError(f"unknown format {value!r}; choose one of {', '.join(sorted(FORMATTERS))}")
        return value

    @field_validator("severity")
    @classmethod
    def _rule_ids(cls, value: dict[str, str]) -> dict[str, str]:
        for rule in value:
            if not rule or not re.match(r"^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$", rule):
                raise ValueError(f"{rule!r} is not a rule id")
        return dict(sorted(value.items()))


@dataclass(frozen=True)
class LoadedConfig:
    """A configuration and where it came from (``source`` is None for the defaults)."""

    config: Config
    source: Path | None = None
    table: str = ""  # "" for factcheck.toml, "tool.factcheck" for pyproject.toml


def _has_tool_table(path: Path) -> bool:
    # A broken or unreadable pyproject.toml is reported only if it is the one we would
    # use (an unreadable one reads as "", so it is not).
    text = _read(path, quiet=True)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return "[tool.factcheck" in text
    tool = data.get("tool")
    return isinstance(tool, dict) and "factcheck" in tool


MAX_CONFIG_BYTES = 1024 * 1024


def _read(path: Path, quiet: bool = False) -> str:
    """The configuration file's text: a regular, UTF-8 file of at most 1 MiB (read the
    way documents are, so a named pipe or a device is refused, never waited on)."""
    from factcheck.load.files import read_text_file

    try:
        return read_text_file(path, str(path), ConfigError, MAX_CONFIG_BYTES, "configuration")
    except ConfigError:
        if quiet:
            return ""
        raise


def discover(start: Path | None = None) -> Path | None:
    """The configuration file for ``start`` (default: the working directory), or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = folder / PYPROJECT
        if candidate.is_file() and _has_tool_table(candidate):
            return candidate
    return None


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _key_line(text: str, key: str, table: str | None) -> int | None:
    """Best-effort line of ``key`` (inside ``[table]`` when given) for error messages."""
    lines = text.splitlines()
    current: str | None = None
    for i, line in enumerate(lines, start=1):
        stripped = line.strip()
        header = re.match(r"^\[\s*([^\]]+?)\s*\]", stripped)
        if header:
            current = header.group(1).replace('"', "").replace(" ", "")
            continue
        if table is not None and current != table:
            continue
        m = re.match(r'^["\']?([^"\'=\s]+)["\']?\s*=', stripped)
        if m and m.group(1) == key:
            return i
    return None


def parse_config(text: str, path: Path) -> LoadedConfig:
    """Parse a configuration file's text (``factcheck.toml`` or ``pyproject.toml``)."""
    shown = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_POSITION.search(str(exc))
        message = _TOML_POSITION.sub("", str(exc)).strip()
        line, column = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        raise ConfigError(f"invalid TOML: {message}", SourceLocation(shown, line, column)) from None
    is_pyproject = path.name == PYPROJECT
    base_table = "tool.factcheck" if is_pyproject else None
    if is_pyproject:
        tool = data.get("tool", {})
        raw = tool.get("factcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(raw, dict):
            raise ConfigError("[tool.factcheck] must be a table", SourceLocation(shown))
    else:
        raw = data
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        raise _config_error(exc, text, shown, base_table) from None
    folder = path.parent
    resolved: dict[str, Any] = {
        key: (folder / value) if value is not None and not Path(value).is_absolute() else value
        for key, value in (("corpus", config.corpus), ("baseline", config.baseline))
    }
    resolved["rules"] = [r if r.is_absolute() else folder / r for r in config.rules]
    return LoadedConfig(config.model_copy(update=resolved), path, "tool.factcheck" if is_pyproject else "")


def _config_error(exc: ValidationError, text: str, shown: str, base_table: str | None) -> ConfigError:
    problems = []
    first_line: int | None = None
    known = list(Config.model_fields)
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        key = ".".join(loc) or "(top level)"
        if err.get("type") == "extra_forbidden":
            name = loc[-1] if loc else ""
            close = difflib.get_close_matches(name.replace("-", "_"), known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(known)}"
            message = f"unknown key '{key}'{hint}"
        elif err.get("type") == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            message = f"{key}: {json.dumps(err.get('input'))} is not allowed; expected {expected}"
        else:
            message = f"{key}: {err.get('msg', 'invalid value').removeprefix('Value error, ')}"
        if loc:
            table = base_table
            if len(loc) > 1:
                table = ".".join(p for p in ([base_table] if base_table else []) + loc[:-1])
            line = _key_line(text, loc[-1], table)
            if line is not None:
                message = f"line {line}: {message}"
                first_line = first_line or line
        problems.append(message)
    if len(problems) == 1:
        only = problems[0]
        if first_line is not None:
            only = only.split(": ", 1)[1]
        return ConfigError(only, SourceLocation(shown, first_line))
    return ConfigError("invalid configuration:\n  " + "\n  ".join(escape_controls(p) for p in problems), SourceLocation(shown))


def load_config(start: Path | None = None, explicit: Path | None = None) -> LoadedConfig:
    """The effective configuration: ``explicit`` if given, else the discovered file,
    else the defaults."""
    path = explicit if explicit is not None else discover(start)
    if path is None:
        return LoadedConfig(Config())
    if not Path(path).exists():
        raise ConfigError("configuration file not found", SourceLocation(str(path)))
    return parse_config(_read(Path(path)), Path(path))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path):
        value = value.as_posix()
    return json.dumps(value, ensure_ascii=False)


def _toml_key(key: str) -> str:
    return key if re.match(r"^[A-Za-z0-9_-]+$", key) else json.dumps(key, ensure_ascii=False)


def show_config(loaded: LoadedConfig | None = None) -> str:
    """``factcheck config show``: the effective configuration as TOML, saying where it
    came from; paste it into a factcheck.toml and it means the same."""
    loaded = loaded if loaded is not None else load_config()
    c = loaded.config
    lines = []
    if loaded.source is None:
        lines.append("# no factcheck.toml or [tool.factcheck] found; these are the defaults")
    else:
        where = f"[{loaded.table}] in " if loaded.table else ""
        lines.append(f"# from {where}{loaded.source}")
    for key in ("fail_on", "format", "corpus", "rules", "default_rules", "baseline"):
        value = getattr(c, key)
        if value is None or value == []:
            default = {"corpus": "the shipped seed corpus", "rules": "only the shipped rules", "baseline": "none"}[key]
            lines.append(f"# {key} = (not set: {default})")
        elif isinstance(value, list):
            lines.append(f"{key} = [{', '.join(_toml_value(v) for v in value)}]")
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    lines.append("")
    lines.append("[severity]")
    if not c.severity:
        lines.append("# no per-rule severity overrides")
    for rule, severity in c.severity.items():
        lines.append(f"{_toml_key(rule)} = {_toml_value(severity)}")
    return "\n".join(lines) + "\n"
