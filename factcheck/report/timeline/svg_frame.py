"""What every part of the SVG chart shares: the colours, the frame that maps a day
and a value to a point of the drawing, and how a coordinate is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SEVERITY_COLOR = {"error": "#c62828", "warning": "#b45309", "info": "#1d4ed8"}
REFERENCE_COLOR = "#0f766e"
CORPUS_COLOR = "#6b7280"
CHECKED_COLOR = "#ea580c"


def px(x: float) -> str:
    """A coordinate as the chart writes it: one decimal, so the bytes do not depend on
    floating-point noise."""
    return f"{x:.1f}"


@dataclass
class Frame:
    """The drawing's size and margins, and the days (``d0``..``d1``, ordinals) and
    values (``y0``..``y1``) the plot area spans (set by ``svg_axes.fit_axes``)."""

    width: int
    height: int
    left: int = 64
    right: int = 24
    top: int = 56
    bottom: int = 48
    d0: int = 0
    d1: int = 1
    y0: float = 0.0
    y1: float = 1.0

    def x(self, day: date) -> float:
        return self.left + (day.toordinal() - self.d0) / (self.d1 - self.d0) * (self.width - self.left - self.right)

    def y(self, value: float) -> float:
        plot = self.height - self.top - self.bottom
        return self.top + (1 - (value - self.y0) / (self.y1 - self.y0)) * plot

    @property
    def y_top(self) -> float:
        return float(self.top)

    @property
    def y_bottom(self) -> float:
        return float(self.height - self.bottom)
