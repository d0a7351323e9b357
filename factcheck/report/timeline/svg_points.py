"""The data of the chart: the reference series as a line through its points, and
every other claim as an interval.

"over 30,000" is a bar from 30,000 up with an arrow where it is unbounded, "about 1.5
million" a bar from 1.45 to 1.55 million; a closed end has a cap, an open end a hollow
circle. Claims of the checked documents are orange, flagged ones drawn in their
severity's colour, thicker, circled and labelled with what the document says.
"""

from __future__ import annotations

from factcheck.report.base import format_date
from factcheck.report.escape import h, one_line
from factcheck.report.numbers import format_interval
from factcheck.report.timeline.series import SeriesPoint
from factcheck.report.timeline.svg_frame import CHECKED_COLOR, CORPUS_COLOR, REFERENCE_COLOR, SEVERITY_COLOR, Frame, px

# A flagged claim's label: where it is drawn (x, y), what it says and in which colour.
FlagLabel = tuple[float, float, str, str]


def draw_reference_line(out: list[str], frame: Frame, refs: list[SeriesPoint]) -> None:
    """The reference series: a line through its points (``refs``, dated, with a value)."""
    if refs:
        coords = " ".join(f"{px(frame.x(p.day))},{px(frame.y(p.claim.value))}" for p in refs if p.day and p.claim.value is not None)
        out.append(f'<polyline class="fc-ref-line" points="{coords}" fill="none" stroke="{REFERENCE_COLOR}" stroke-width="1.5"/>')


def draw_points(out: list[str], frame: Frame, dated: list[SeriesPoint], dense: bool) -> list[FlagLabel]:
    """Every dated point: reference values as dots (small ones when ``dense``), claims as
    intervals, claims on the same day side by side. Returns the labels of the flagged
    claims, which ``draw_flag_labels`` draws on top of everything."""
    offsets = _offsets(frame, [p for p in dated if p.role != "reference"])
    labelled: list[FlagLabel] = []
    for p in dated:
        if p.role == "reference":
            _reference_point(out, frame, p, dense)
            continue
        x = frame.x(p.day) + offsets[p.claim.id]  # type: ignore[arg-type]
        color = SEVERITY_COLOR[p.flagged] if p.flagged else (CHECKED_COLOR if p.role == "checked" else CORPUS_COLOR)
        widthpx = 4 if p.flagged else (3 if p.role == "checked" else 2.5)
        _interval(out, frame, p, x, color, widthpx)
        if p.flagged:
            top = frame.y(p.upper) if p.upper is not None else frame.y_top
            bottom = frame.y(p.lower) if p.lower is not None else frame.y_bottom
            labelled.append((x, (top + bottom) / 2, p.claim.surface, color))
    return labelled


def draw_flag_labels(out: list[str], frame: Frame, labelled: list[FlagLabel]) -> None:
    """What each flagged claim says, beside its bar (to the left in the right part of the
    chart, so it is not cut off), with a white halo to stay readable over the lines."""
    for x, y, text, color in labelled:
        anchor = "end" if x > frame.width * 0.6 else "start"
        dx = -10 if anchor == "end" else 10
        out.append(
            f'<text class="fc-flag-label" x="{px(x + dx)}" y="{px(y + 4)}" text-anchor="{anchor}" '
            f'fill="{color}" font-weight="bold" stroke="#ffffff" stroke-width="3" paint-order="stroke">{h(one_line(text))}</text>'
        )


def _offsets(frame: Frame, points: list[SeriesPoint]) -> dict[str, float]:
    """Horizontal offsets so that claims drawn at (nearly) the same x do not overlap."""
    groups: list[list[SeriesPoint]] = []
    last_x: float | None = None
    for p in sorted(points, key=lambda p: (p.day, p.claim.doc, p.claim.start, p.claim.id)):  # type: ignore[arg-type, return-value]
        x = frame.x(p.day)  # type: ignore[arg-type]
        if last_x is not None and abs(x - last_x) < 6 and groups:
            groups[-1].append(p)
        else:
            groups.append([p])
            last_x = x
    offsets: dict[str, float] = {}
    for group in groups:
        n = len(group)
        for i, p in enumerate(group):
            offsets[p.claim.id] = (i - (n - 1) / 2) * 7
    return offsets


def _title(p: SeriesPoint) -> str:
    what = "reference" if p.role == "reference" else ("checked document" if p.role == "checked" else "corpus")
    flag = f", flagged ({p.flagged})" if p.flagged else (", suppressed finding" if p.suppressed else "")
    return one_line(
        f"{p.claim.surface} = {format_interval(p.claim)} — {p.source} — "
        f"{format_date(p.day, p.claim.as_of_precision)} — {what}{flag} — {p.where}"
    )


def _reference_point(out: list[str], frame: Frame, p: SeriesPoint, dense: bool = False) -> None:
    assert p.day is not None
    x = frame.x(p.day)
    value = p.claim.value if p.claim.value is not None else p.lower
    if value is None:
        return
    out.append(f'<g class="fc-pt fc-ref" data-claim="{h(p.claim.id)}"><title>{h(_title(p))}</title>')
    if p.lower is not None and p.upper is not None and p.upper > p.lower:
        out.append(
            f'<line x1="{px(x)}" y1="{px(frame.y(p.upper))}" x2="{px(x)}" y2="{px(frame.y(p.lower))}" '
            f'stroke="{REFERENCE_COLOR}" stroke-width="1.5"/>'
        )
    r = 4.5 if p.evidence else (3 if not dense else 1.8)
    stroke = ' stroke="#ffffff" stroke-width="1"' if r > 2 else ""
    out.append(f'<circle cx="{px(x)}" cy="{px(frame.y(value))}" r="{r}" fill="{REFERENCE_COLOR}"{stroke}/>')
    out.append("</g>")


def _interval(out: list[str], frame: Frame, p: SeriesPoint, x: float, color: str, widthpx: float) -> None:
    top = frame.y(p.upper) if p.upper is not None else frame.y_top + 6
    bottom = frame.y(p.lower) if p.lower is not None else frame.y_bottom - 6
    if bottom - top < 3:  # an exact figure: still an interval, drawn at least 3px tall
        mid = (top + bottom) / 2
        top, bottom = mid - 1.5, mid + 1.5
    checked = ' data-checked="1"' if p.role == "checked" else ""
    cls = "fc-pt fc-" + p.role + (f" fc-flag-{p.flagged}" if p.flagged else "")
    out.append(f'<g class="{cls}" data-claim="{h(p.claim.id)}"{checked}><title>{h(_title(p))}</title>')
    if p.flagged:
        out.append(
            f'<rect x="{px(x - 7)}" y="{px(top - 7)}" width="14" height="{px(bottom - top + 14)}" rx="7" '
            f'fill="none" stroke="{color}" stroke-width="1.5" stroke-dasharray="3 2"/>'
        )
    out.append(
        f'<line x1="{px(x)}" y1="{px(top)}" x2="{px(x)}" y2="{px(bottom)}" stroke="{color}" '
        f'stroke-width="{widthpx}" stroke-linecap="butt"/>'
    )
    # the ends: arrows where unbounded, hollow circles where open, caps where closed
    for end, bound, is_open, direction in (
        (top, p.upper, p.claim.upper_open, -1),
        (bottom, p.lower, p.claim.lower_open, 1),
    ):
        if bound is None:
            tip = end + 6 * direction  # up from the top end, down from the bottom end
            out.append(
                f'<polygon points="{px(x - 5)},{px(end)} {px(x + 5)},{px(end)} {px(x)},{px(tip)}" fill="{color}"/>'
            )
        elif is_open:
            out.append(f'<circle cx="{px(x)}" cy="{px(end)}" r="3" fill="#ffffff" stroke="{color}" stroke-width="1.5"/>')
        else:
            out.append(f'<line x1="{px(x - 5)}" y1="{px(end)}" x2="{px(x + 5)}" y2="{px(end)}" stroke="{color}" stroke-width="2"/>')
    if p.claim.value is not None and p.lower is not None and p.upper is not None and p.lower < p.claim.value < p.upper:
        out.append(f'<circle cx="{px(x)}" cy="{px(frame.y(p.claim.value))}" r="2" fill="#ffffff"/>')
    out.append("</g>")
