"""The SVG chart as a PNG (``factcheck timeline FIGURE -o x.png``), rasterised by a
headless chromium when one is installed: no Python dependency for an image library;
without chromium, the user is told to write SVG."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from factcheck.errors import UsageError


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def svg_to_png(svg: str, width: int = 760, height: int = 300, chromium: str | None = None) -> bytes:
    """Rasterise an SVG with a headless chromium (``UsageError`` when none is installed)."""
    binary = chromium or find_chromium()
    if binary is None:
        raise UsageError("PNG output needs chromium (apt-get install chromium); write an .svg file instead")
    with tempfile.TemporaryDirectory(prefix="factcheck-png-") as tmp:
        src = Path(tmp) / "chart.html"
        # Wrapping in a page with no margin makes the screenshot exactly the chart.
        body = svg.split("?>", 1)[1] if svg.startswith("<?xml") else svg
        src.write_text(
            "<!doctype html><meta charset=utf-8><style>html,body{margin:0;background:#fff}</style>" + body,
            encoding="utf-8",
        )
        png = Path(tmp) / "chart.png"
        cmd = [
            binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--window-size={width},{height}", f"--screenshot={png}", src.as_uri(),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=120, check=False, env={**os.environ, "HOME": tmp})
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UsageError(f"PNG output: chromium failed ({exc}); write an .svg file instead") from None
        if not png.is_file():
            raise UsageError("PNG output: chromium wrote no image; write an .svg file instead")
        return png.read_bytes()
