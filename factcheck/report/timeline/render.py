"""What ``factcheck timeline FIGURE`` writes: the table, the SVG or the PNG, chosen by
the suffix of ``--output``."""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import UsageError
from factcheck.report.base import ReportView
from factcheck.report.timeline.png import svg_to_png
from factcheck.report.timeline.series import resolve_figure
from factcheck.report.timeline.svg import timeline_svg
from factcheck.report.timeline.table import timeline_table


def render_timeline(
    view: ReportView,
    figure: str,
    output: Path | None = None,
    *,
    color: bool = False,
    width: int = 120,
) -> str | bytes:
    """The timeline of ``figure`` (an id or a label) for the CLI: a table for the
    terminal or a ``.txt`` file, an SVG chart for ``.svg``, a PNG for ``.png`` (via
    chromium). Unknown figures and other suffixes are ``UsageError``s."""
    figure_id = resolve_figure(view, figure)
    suffix = output.suffix.lower() if output is not None and str(output) != "-" else ""
    if suffix == ".svg":
        return timeline_svg(view, figure_id)
    if suffix == ".png":
        return svg_to_png(timeline_svg(view, figure_id))
    if suffix in ("", ".txt", ".text"):
        return timeline_table(view, figure_id, color=color and not suffix, width=width)
    raise UsageError(f"--output {output}: the timeline is written as .svg, .png or .txt")
