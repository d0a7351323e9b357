"""The series of a figure as a table for the terminal (``factcheck timeline FIGURE``
without ``--output``, or with a ``.txt`` one)."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.report.base import ReportView, format_date
from factcheck.report.escape import one_line
from factcheck.report.numbers import format_interval, format_value
from factcheck.report.timeline.series import SeriesPoint, count_text, figure_series


def timeline_table(view: ReportView, figure_id: str, color: bool = False, width: int = 120) -> str:
    """The series as a table for the terminal (plain text unless ``color``)."""
    points = figure_series(view, figure_id)
    table = Table(
        title=f"{view.figure_label(figure_id)} ({figure_id}): {count_text(points)}",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
    )
    for column, justify, wrap in (("date", "left", False), ("value", "right", False), ("interval", "left", False),
                                  ("as written", "left", True), ("source", "left", True),
                                  ("document / series", "left", True), ("", "left", False)):
        table.add_column(column, justify=justify, overflow="fold", no_wrap=not wrap)  # type: ignore[arg-type]
    for p in points:
        flag = ""
        style = ""
        if p.flagged:
            flag = f"{p.flagged.upper()}"
            style = {"error": "bold red", "warning": "yellow", "info": "cyan"}[p.flagged]
        elif p.suppressed:
            flag = "suppressed"
        elif p.role == "checked":
            flag = "checked"
        elif p.role == "reference":
            style = "blue"
        table.add_row(
            format_date(p.day, p.claim.as_of_precision),
            format_value(p.claim),
            format_interval(p.claim),
            one_line(p.claim.surface) if p.role != "reference" else "(reference)",
            one_line(p.source),
            one_line(_series_name(p) if p.role == "reference" else p.where),
            flag,
            style=style if color else None,
        )
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
        no_color=not color, force_jupyter=False, force_interactive=False, legacy_windows=False,
        highlight=False, markup=False, emoji=False, _environ={},
    )
    console.print(table)
    undated = sum(1 for p in points if p.day is None)
    if undated:
        console.print(Text(f"{undated} undated claim(s) listed last"))
    cited: dict[str, str] = {}
    for p in points:
        if p.role == "reference" and p.document is not None:
            cited.setdefault(_series_name(p), p.document.url or p.document.path)
    for name, citation in cited.items():
        console.print(Text(f"reference series {one_line(name)}: {one_line(citation)}"), soft_wrap=True)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _series_name(p: SeriesPoint) -> str:
    doc = p.document
    return (doc.title or doc.path) if doc is not None else p.claim.doc
