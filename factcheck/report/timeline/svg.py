"""The series of a figure as an SVG chart (``factcheck timeline FIGURE -o x.svg``; the
HTML report embeds one per figure). This module lays the parts out in drawing order:
title and legend (``svg_legend``), axes (``svg_axes``), then the reference line, the
claims and the flagged claims' labels (``svg_points``), so labels stay on top."""

from __future__ import annotations

from factcheck.report.base import ReportView
from factcheck.report.escape import h
from factcheck.report.timeline.series import SeriesPoint, count_text, figure_series
from factcheck.report.timeline.svg_axes import draw_axes, fit_axes
from factcheck.report.timeline.svg_frame import Frame
from factcheck.report.timeline.svg_legend import draw_legend
from factcheck.report.timeline.svg_points import draw_flag_labels, draw_points, draw_reference_line


def timeline_svg(
    view: ReportView,
    figure_id: str,
    *,
    standalone: bool = True,
    width: int = 760,
    height: int = 300,
    dom_id: str | None = None,
    points: list[SeriesPoint] | None = None,
) -> str:
    """The figure's series as an SVG chart (``standalone`` adds the XML prolog);
    ``points`` is ``figure_series(view, figure_id)`` when the caller has it already."""
    if points is None:
        points = figure_series(view, figure_id)
    label = view.figure_label(figure_id)
    dated = [p for p in points if p.day is not None]
    frame = Frame(width, height)
    out = _heading(frame, label, points, standalone=standalone, dom_id=dom_id)
    draw_legend(out, frame)
    if not dated:
        out.append(f'<text x="{frame.left}" y="{height // 2}" fill="#6b7280">no dated claims of this figure</text>')
        out.append("</svg>")
        return "\n".join(out) + "\n"

    draw_axes(out, frame, fit_axes(frame, dated))
    refs = [p for p in dated if p.role == "reference" and p.claim.value is not None]
    draw_reference_line(out, frame, refs)
    # Points less than 8px apart on average: small dots, so the line stays readable.
    dense = len(refs) > 1 and (frame.width - frame.left - frame.right) / len(refs) < 8
    draw_flag_labels(out, frame, draw_points(out, frame, dated, dense))
    undated = len(points) - len(dated)
    if undated:
        out.append(
            f'<text x="{width - frame.right}" y="{height - 6}" text-anchor="end" fill="#6b7280" font-size="10">'
            f"{undated} undated claim{'s' if undated != 1 else ''} not drawn</text>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _heading(frame: Frame, label: str, points: list[SeriesPoint], *, standalone: bool, dom_id: str | None) -> list[str]:
    """The opening of the drawing: the ``<svg>`` element (with the XML prolog when
    ``standalone``), its title for screen readers, the white background and the label."""
    width, height = frame.width, frame.height
    out: list[str] = []
    id_attr = f' id="{h(dom_id)}"' if dom_id else ""
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg"{id_attr} class="fc-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{h(f"Timeline of {label}")}" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" font-size="11">'
    )
    out.append(f"<title>{h(f'{label}: {count_text(points)} by date')}</title>")
    out.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>')
    out.append(f'<text x="{frame.left}" y="18" font-size="13" font-weight="bold" fill="#111827">{h(label)}</text>')
    return out
