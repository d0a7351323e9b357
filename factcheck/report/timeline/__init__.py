"""The series of one figure across the corpus and the reference data.

``factcheck timeline FIGURE`` shows every claim the rules assigned to the figure, in
the checked documents, the corpus and the reference series, by the date it is about:
as a table in the terminal (``timeline_table``), or as an SVG chart
(``timeline_svg``), which the HTML report also embeds once per figure.

| module        | holds                                                              |
|---------------|--------------------------------------------------------------------|
| series.py     | the figure's points (``figure_series``), the reference window       |
| table.py      | the table for the terminal (``timeline_table``)                     |
| svg.py        | the SVG chart (``timeline_svg``): its parts in drawing order         |
| svg_frame.py  | colours, the frame mapping (day, value) to the drawing              |
| svg_axes.py   | the ranges and ticks of both axes, gridlines and labels             |
| svg_legend.py | the legend and the note on how to read a bar                        |
| svg_points.py | the reference line, every claim as an interval, the flagged labels  |
| png.py        | the chart as PNG through a headless chromium                        |
| render.py     | what the CLI writes, by the suffix of ``--output``                  |

The names are re-exported here, where the CLI and the tests have always imported them.
"""

from __future__ import annotations

from factcheck.report.timeline.png import find_chromium, svg_to_png
from factcheck.report.timeline.render import render_timeline
from factcheck.report.timeline.series import (
    REFERENCE_MARGIN,
    SeriesPoint,
    count_text,
    figure_series,
    known_figures,
    reference_window,
    resolve_figure,
)
from factcheck.report.timeline.svg import timeline_svg
from factcheck.report.timeline.svg_axes import compact, date_ticks, nice_ticks
from factcheck.report.timeline.svg_frame import CHECKED_COLOR, CORPUS_COLOR, REFERENCE_COLOR, SEVERITY_COLOR
from factcheck.report.timeline.table import timeline_table

__all__ = [
    "CHECKED_COLOR",
    "CORPUS_COLOR",
    "REFERENCE_COLOR",
    "REFERENCE_MARGIN",
    "SEVERITY_COLOR",
    "SeriesPoint",
    "compact",
    "count_text",
    "date_ticks",
    "figure_series",
    "find_chromium",
    "known_figures",
    "nice_ticks",
    "reference_window",
    "render_timeline",
    "resolve_figure",
    "svg_to_png",
    "timeline_svg",
    "timeline_table",
]
