"""A synthetic report for the formatter tests (the engine is not needed).

A draft dated 2024-05-28 says "over 30,000" were killed (outdated: the ministry gave
35,903 for 25 May), "1.5 million" shelter in Rafah (outdated: UNRWA said fewer than
500,000 remained) and "135 hostages" are held (outdated, but suppressed by an inline
marker), plus a vague "tens of thousands" flagged as info. A second checked draft has
a path with a comma and a colon. Evidence comes from a corpus article and from two
reference series (pseudo-documents with format "reference"). The draft's text
contains ``<script>alert(1)</script>`` and a message contains ``<b>&``, for the
escaping tests.
"""

from __future__ import annotations

from datetime import date

from factcheck.models import Claim, Document, Finding, Report

DRAFT_TEXT = """# Rafah under pressure <script>alert(1)</script>

Health officials in Gaza say over 30,000 Palestinians have been killed since October.

An estimated 1.5 million people are sheltering in Rafah, many in tents near the border.
<!-- factcheck: ignore hostages-outdated reason="quoting the family forum's own count" -->
Families say 135 hostages are still held in Gaza.

Aid groups say tens of thousands of children are malnourished.
"""

SECOND_TEXT = """Briefing note

Officials said about 35,000 people had been killed by 20 May.
"""

CORPUS_TEXT = """Gaza toll passes 35,800

More than 35,800 people have been killed in Gaza, the health ministry said on Monday.
UNRWA said fewer than 500,000 people remain in Rafah after about 800,000 fled.
"""


def _position(text: str, surface: str, occurrence: int = 1) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.index(surface, start + 1)
    return start


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the last line break or '. ' to the next."""
    lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1)
    hi_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    hi = min(hi_candidates) if hi_candidates else len(text)
    if hi < len(text) and text[hi] == ".":
        hi += 1
    return text[lo:hi].strip()


def claim(doc: Document, cid: str, surface: str, *, occurrence: int = 1, **fields: object) -> Claim:
    start = _position(doc.text, surface, occurrence)
    end = start + len(surface)
    line_index = doc.text.count("\n", 0, start)
    line_start = doc.text.rfind("\n", 0, start) + 1
    values: dict[str, object] = {
        "id": cid,
        "doc": doc.id,
        "start": start,
        "end": end,
        "surface": surface,
        "sentence": _sentence(doc.text, start, end),
        "line": line_index + 1 + doc.line_offset,
        "column": start - line_start + 1,
        "as_of": doc.published,
        "as_of_precision": "day",
        "as_of_source": "published",
    }
    values.update(fields)
    return Claim.model_validate(values)


def reference_claim(doc: Document, cid: str, day: str, value: float, source: str, figure: str, unit: str | None = None) -> Claim:
    surface = f"{value:,.0f}"
    return Claim(
        id=cid,
        doc=doc.id,
        start=0,
        end=0,
        surface=surface,
        sentence=f"{source}: {surface} on {day}",
        value=value,
        lower=value,
        upper=value,
        qualifier="exact",
        unit=unit,
        attribution=source,
        as_of=date.fromisoformat(day),
        as_of_precision="day",
        as_of_source="explicit",
        figure=figure,
        kind="reference",
    )


def build_report() -> Report:
    draft = Document(
        id="d0draft00001",
        path="drafts/rafah-draft.md",
        title="Rafah under pressure <b>&</b>",
        outlet="Example Times",
        published=date(2024, 5, 28),
        role="checked",
        format="md",
        text=DRAFT_TEXT,
        line_offset=4,
        metadata_source={"title": "front_matter", "published": "front_matter", "outlet": "cli"},
    )
    second = Document(
        id="d1second0002",
        path="drafts/notes, v2: rafah.txt",
        title=None,
        outlet=None,
        published=date(2024, 5, 28),
        role="checked",
        format="txt",
        text=SECOND_TEXT,
    )
    corpus = Document(
        id="c0corpus0003",
        path="seeds/003_de9af6f17d0dde06.txt",
        title="Gaza toll passes 35,800",
        outlet="Al Jazeera",
        published=date(2024, 5, 20),
        url="https://example.org/news/gaza-toll",
        role="corpus",
        format="txt",
        text=CORPUS_TEXT,
    )
    moh = Document(
        id="r0gazamoh004",
        path="rules/figures/gaza.yaml",
        title="Gaza Ministry of Health cumulative toll",
        url="github:TechForPalestine/palestine-datasets@9ea6456f:casualties_daily.json",
        role="corpus",
        format="reference",
    )
    hostages = Document(
        id="r1hostage005",
        path="rules/figures/hostages.yaml",
        title="Hostages held in Gaza",
        url="https://example.org/reference/hostages",
        role="corpus",
        format="reference",
    )

    claims = [
        claim(draft, "cl-30000", "over 30,000", value=30000, lower=30000, upper=None, lower_open=True,
              qualifier="over", hedge="over", entity="Palestinians", predicate="killed", location="Gaza",
              attribution="Health officials", figure="gaza_death_toll"),
        claim(draft, "cl-1-5m", "1.5 million", value=1_500_000, lower=1_450_000, upper=1_550_000,
              qualifier="approx", hedge="An estimated", entity="people", predicate="sheltering",
              location="Rafah", figure="rafah_sheltering"),
        claim(draft, "cl-135", "135 hostages", value=135, lower=135, upper=135, qualifier="exact",
              entity="hostages", predicate="held", location="Gaza", attribution="Families",
              figure="hostages_held"),
        claim(draft, "cl-tens", "tens of thousands", value=None, lower=20_000, upper=100_000,
              qualifier="vague", entity="children", predicate="malnourished", attribution="Aid groups"),
        claim(second, "cl-35000", "about 35,000", value=35000, lower=34_500, upper=35_500, qualifier="approx",
              hedge="about", entity="people", predicate="killed", attribution="Officials",
              as_of=date(2024, 5, 20), as_of_source="explicit", figure="gaza_death_toll"),
        claim(corpus, "cc-35800", "More than 35,800", value=35800, lower=35800, upper=None, lower_open=True,
              qualifier="over", hedge="More than", entity="people", predicate="killed", location="Gaza",
              attribution="the health ministry", as_of=date(2024, 5, 19), as_of_source="relative",
              figure="gaza_death_toll"),
        claim(corpus, "cc-500k", "fewer than 500,000", value=500_000, lower=None, upper=500_000, upper_open=True,
              qualifier="under", hedge="fewer than", entity="people", predicate="remain", location="Rafah",
              attribution="UNRWA", figure="rafah_sheltering"),
        claim(corpus, "cc-800k", "about 800,000", value=800_000, lower=750_000, upper=850_000,
              qualifier="approx", hedge="about", entity="people", predicate="fled", location="Rafah",
              attribution="UNRWA", figure="rafah_fled"),
        reference_claim(moh, "rf-moh-0315", "2024-03-15", 31184, "Gaza Ministry of Health", "gaza_death_toll"),
        reference_claim(moh, "rf-moh-0420", "2024-04-20", 34049, "Gaza Ministry of Health", "gaza_death_toll"),
        reference_claim(moh, "rf-moh-0525", "2024-05-25", 35903, "Gaza Ministry of Health", "gaza_death_toll"),
        reference_claim(hostages, "rf-hos-0401", "2024-04-01", 134, "Israeli PM's office", "hostages_held"),
        reference_claim(hostages, "rf-hos-0524", "2024-05-24", 125, "Israeli PM's office", "hostages_held"),
    ]

    findings = [
        Finding(
            id="f-vague",
            rule="vague-figure",
            kind="vague",
            severity="info",
            message="'tens of thousands' gives no number; say who counted and how many",
            claim="cl-tens",
            evidence=[],
            figure=None,
            doc=draft.id,
        ),
        Finding(
            id="f-30000",
            rule="gaza-toll-outdated",
            kind="outdated",
            severity="error",
            message=(
                "Gaza death toll: 'over 30,000' is out of date; Gaza Ministry of Health gave 35,903 "
                "for 2024-05-25 (the claim matches the figure of 2024-03-15, 74 days before 2024-05-28)"
            ),
            claim="cl-30000",
            evidence=["rf-moh-0525", "cc-35800"],
            figure="gaza_death_toll",
            doc=draft.id,
            details={"figure_label": "Gaza death toll", "age_days": 74},
        ),
        Finding(
            id="f-1-5m",
            rule="rafah-sheltering-outdated",
            kind="outdated",
            severity="warning",
            message="Rafah sheltering: '1.5 million' is out of date; UNRWA <b>&</b> partners gave fewer than 500,000 for 2024-05-19",
            claim="cl-1-5m",
            evidence=["cc-500k"],
            figure="rafah_sheltering",
            doc=draft.id,
        ),
        Finding(
            id="f-135",
            rule="hostages-outdated",
            kind="outdated",
            severity="warning",
            message="Hostages held: '135 hostages' is out of date; Israeli PM's office gave 125 for 2024-05-24",
            claim="cl-135",
            evidence=["rf-hos-0524"],
            figure="hostages_held",
            doc=draft.id,
        ),
        Finding(
            id="f-35000",
            rule="gaza-toll-outdated",
            kind="outdated",
            severity="warning",
            message="Gaza death toll: 'about 35,000' for 2024-05-20 is below the ministry's 35,800 of 2024-05-19",
            claim="cl-35000",
            evidence=["cc-35800"],
            figure="gaza_death_toll",
            doc=second.id,
        ),
    ]
    return Report(
        documents=[draft, second, corpus, moh, hostages],
        claims=claims,
        findings=findings,
        notes=["seeds/004_0c7b228e49d440e0.txt: no publication date; the outdated check 'gaza-toll-outdated' skipped its claims"],
    )


def build_suppressed_report() -> Report:
    """The report after ``apply_suppressions``: the hostages finding is suppressed."""
    from factcheck.suppress import apply_suppressions

    return apply_suppressions(build_report())


NASTY = '"><img src=x onerror=alert(2)> </script><!-- *bold* _it_ [x](javascript:alert(3)) | `code` &amp; \x1b[31m'


def nasty_report() -> Report:
    """A report whose every user string is hostile."""
    text = f"{NASTY}\nThey said =1+2 and over 30,000 died. @SUM(A1) -5 +7 {NASTY}\n"
    doc = Document(
        id="dnasty000001",
        path='drafts/<x>&"q"\'.md',
        title=NASTY,
        outlet=NASTY,
        url="javascript:alert(4)",
        role="checked",
        format="md",
        text=text,
    )
    start = text.index("over 30,000")
    claims = [
        Claim(id="c-nasty", doc=doc.id, start=start, end=start + 11, surface="over 30,000",
              sentence=f"They said =1+2 and over 30,000 died. {NASTY}", value=30000, lower=30000, upper=None,
              qualifier="over", entity=NASTY, attribution=NASTY, line=2, column=start - text.index("\n") , figure="fig<1>"),
        Claim(id="c-formula", doc=doc.id, start=text.index("=1+2"), end=text.index("=1+2") + 4, surface="=1+2",
              sentence="=1+2", value=3, lower=3, upper=3, qualifier="exact", entity="@SUM(A1)",
              predicate="-cmd|' /C calc'!A0", location="+evil", attribution="\tTAB", line=2, column=11),
    ]
    findings = [
        Finding(id="f-nasty", rule="rule<1>", kind="outdated", severity="error", message=f"bad {NASTY}\nsecond line",
                claim="c-nasty", evidence=["c-formula"], figure="fig<1>"),
    ]
    return Report(documents=[doc], claims=claims, findings=findings, notes=[f"note {NASTY}"])


FIGURE_LABELS = {
    "gaza_death_toll": "Gaza death toll",
    "rafah_sheltering": "People sheltering in Rafah",
    "hostages_held": "Hostages held in Gaza",
    "rafah_fled": "People who fled Rafah",
}

