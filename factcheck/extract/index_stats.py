"""What a claim index holds, as ``factcheck index --stats`` prints it."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class VersionStats:
    extractor: str
    entries: int
    claims: int
    chars: int
    current: bool


@dataclass(frozen=True)
class IndexStats:
    path: str
    size_bytes: int
    schema: int
    journal_mode: str
    extractor: str
    documents: int
    documents_current: int  # recorded paths whose content has an entry for the current extractor
    last_seen: float | None
    versions: tuple[VersionStats, ...]

    @property
    def current(self) -> VersionStats | None:
        return next((v for v in self.versions if v.current), None)

    def render(self) -> str:
        cur = self.current
        others = [v for v in self.versions if not v.current]
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.last_seen)) if self.last_seen else "never"
        lines = [
            f"index: {self.path}",
            f"  size: {_size(self.size_bytes)} (schema {self.schema}, journal {self.journal_mode})",
            f"  extractor: {self.extractor}",
            f"  documents: {self.documents:,} paths recorded, {self.documents_current:,} with claims "
            f"for this extractor; last updated {when}",
        ]
        if cur is not None:
            lines.append(
                f"  entries for this extractor: {cur.entries:,} ({cur.claims:,} claims from "
                f"{cur.chars:,} characters)"
            )
        else:
            lines.append("  entries for this extractor: 0")
        if others:
            stale = sum(v.entries for v in others)
            lines.append(
                f"  entries for {len(others)} other extractor version(s): {stale:,} "
                "(never used; factcheck index --prune deletes them)"
            )
            lines.extend(f"    {v.extractor}: {v.entries:,} entries, {v.claims:,} claims" for v in others)
        return "\n".join(lines) + "\n"


def _size(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
