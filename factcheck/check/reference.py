"""Reference series as evidence: every point of a series becomes a claim (kind
"reference") of one pseudo-document per series, and an ``Item`` the checks compare like
any claim. Findings cite the points by id ("reference:<series>@<date>"), so every
evidence id of every finding names a claim of the report."""

from __future__ import annotations

import math
from datetime import date

from factcheck.check.items import Item
from factcheck.models import REFERENCE_FORMAT, REFERENCE_KIND, Claim, Document
from factcheck.rules.reference import point_interval, point_surface
from factcheck.rules.schema import LoadedSeries, ReferencePoint, RuleSet
from factcheck.units import normalise


def reference_document(series: LoadedSeries) -> Document:
    s = series.series
    return Document(
        id=f"reference:{s.id}",
        path=series.path,
        title=s.description or f"Reference series {s.id}",
        outlet=s.source,
        url=s.url,
        role="corpus",
        format=REFERENCE_FORMAT,
    )


def reference_claims(rules: RuleSet) -> list[tuple[LoadedSeries, Document, list[tuple[ReferencePoint, Claim]]]]:
    """Every point of every reference series of a figure of ``rules`` as a claim (kind
    "reference") of its series' pseudo-document, with the ids findings cite them by
    ("reference:<series>@<date>"). The engine makes its evidence items from these;
    reports draw the whole series in timelines with them."""
    out: list[tuple[LoadedSeries, Document, list[tuple[ReferencePoint, Claim]]]] = []
    for series in rules.series:
        figure = rules.figures.get(series.series.figure)
        if figure is None:
            continue
        doc = reference_document(series)
        points: list[tuple[ReferencePoint, Claim]] = []
        seen: dict[date, int] = {}
        for point in series.points:
            n = seen.get(point.date, 0)
            seen[point.date] = n + 1
            claim_id = f"{doc.id}@{point.date.isoformat()}" + (f"#{n + 1}" if n else "")
            interval = point_interval(point)
            surface = point_surface(point)
            source = point.source or series.series.source
            citation = f"{source}: {surface} for {point.date.isoformat()}"
            if point.url or series.series.url:
                citation += f" ({point.url or series.series.url})"
            if point.note:
                citation += f"; {point.note}"
            claim = Claim(
                id=claim_id,
                doc=doc.id,
                start=0,
                end=len(surface),
                surface=surface,
                sentence=citation,
                value=point.value,
                lower=interval.lo if math.isfinite(interval.lo) else None,
                upper=interval.hi if math.isfinite(interval.hi) else None,
                lower_open=interval.lo_open,
                upper_open=interval.hi_open,
                qualifier=point.qualifier,
                unit=normalise(figure.unit),
                attribution=source,
                as_of=point.date,
                as_of_precision="day",
                as_of_source="explicit",
                figure=figure.id,
                kind=REFERENCE_KIND,
            )
            points.append((point, claim))
        out.append((series, doc, points))
    return out


def reference_items(rules: RuleSet, first_rank: int) -> tuple[list[Item], list[Document]]:
    items: list[Item] = []
    docs: list[Document] = []
    rank = first_rank
    for series, doc, points in reference_claims(rules):
        figure = rules.figures[series.series.figure]
        docs.append(doc)
        for point, claim in points:
            items.append(
                Item(
                    claim=claim,
                    doc=doc,
                    rank=rank,
                    figure=figure,
                    interval=point_interval(point),
                    start=point.date,
                    end=point.date,
                    explicit_date=True,
                    checked=False,
                    evidence=True,
                    series=series,
                    point=point,
                )
            )
            rank += 1
    return items, docs
