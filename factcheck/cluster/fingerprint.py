"""What a worker must share with the client: the factcheck version, its code, and the
rules as the worker reads them.

The client sends the rules to the workers, but a worker unpickles them with its own
factcheck: a different version (another extractor, another check's defaults) would
give different claims and findings, silently. So before any work is sent, every worker
reports its ``Fingerprint`` and the client compares it with its own; a difference is a
``ClusterError`` naming the worker and what differs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import factcheck
from factcheck.rules.schema import RuleSet

# Files of the package whose content decides what factcheck does (sources and data).
_CODE_SUFFIXES = (".py", ".json", ".yaml", ".yml", ".txt")


@dataclass(frozen=True)
class Fingerprint:
    """The version, a digest of the package's code and data, and a digest of the rules."""

    version: str
    code: str
    rules: str

    def differences(self, other: Fingerprint) -> list[str]:
        """What differs between this (a worker's) and ``other`` (the client's), in words."""
        found = []
        if self.version != other.version:
            found.append(f"factcheck {self.version}, the client has {other.version}")
        if self.code != other.code:
            found.append("its factcheck code differs from the client's")
        if self.rules != other.rules:
            found.append("it reads the rules differently from the client")
        return found


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 of every source and data file of the installed package (16 hex digits)."""
    root = Path(factcheck.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _plain(value: Any) -> Any:
    """``value`` as JSON-able data, the same on every machine (models dumped, sets sorted)."""
    if hasattr(value, "model_dump"):
        return _plain(value.model_dump(mode="json"))
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(v) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def rules_digest(rule_set: RuleSet) -> str:
    """SHA-256 of the rule set's figures, checks, series, places and relations."""
    data = {
        "figures": _plain(rule_set.figures),
        "checks": _plain(rule_set.checks),
        "series": _plain(rule_set.series),
        "places": _plain(rule_set.places),
        "expressions": {k: v.text for k, v in sorted(rule_set.expressions.items())},
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def fingerprint(rule_set: RuleSet) -> Fingerprint:
    """This process's fingerprint with ``rule_set``. It runs on the workers too: the
    version is read when called (not at import), so the check sees what runs now."""
    return Fingerprint(factcheck.__version__, code_digest(), rules_digest(rule_set))
