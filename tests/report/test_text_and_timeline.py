"""The terminal report (colour decision, quiet, extract), the figure timeline (table,
SVG, PNG) and the progress bar."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from report_helpers import make_view

from factcheck.errors import UsageError
from factcheck.report import ReportView, get_formatter, use_color
from factcheck.report.progress import progress, progress_enabled
from factcheck.report.text import TextFormatter
from factcheck.report.timeline import (
    compact,
    figure_series,
    find_chromium,
    nice_ticks,
    resolve_figure,
    svg_to_png,
    timeline_svg,
    timeline_table,
)


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("environ", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # no-color.org: only a non-empty value counts
        ({"TERM": "dumb"}, True, False),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, True, False),
        ({"FORCE_COLOR": "0"}, False, False),
    ],
)
def test_use_color(environ: dict[str, str], tty: bool, expected: bool) -> None:
    stream = FakeTty() if tty else io.StringIO()
    assert use_color(stream, environ) is expected


def test_plain_text_has_no_escape_codes(view) -> None:  # noqa: ANN001
    out = TextFormatter().render(view)
    assert "\x1b" not in out
    assert "«over 30,000»" in out


def test_color_text_highlights_the_figure(view) -> None:  # noqa: ANN001
    out = TextFormatter(color=True).render(view)
    assert "\x1b[" in out
    assert "«" not in out
    line = next(line for line in out.splitlines() if "Health officials in Gaza say" in line)
    before, _, after = line.partition("over 30,000")
    assert before.endswith("m") and after.startswith("\x1b[")  # styled on its own


def test_findings_grouped_by_document_most_severe_first(view) -> None:  # noqa: ANN001
    out = TextFormatter().render(view)
    first_doc = out.index("drafts/rafah-draft.md")
    second_doc = out.index("drafts/notes, v2: rafah.txt")
    assert first_doc < second_doc
    block = out[first_doc:second_doc]
    assert block.index("error") < block.index("warning") < block.index("info")
    assert "135 hostages" not in block.split("suppressed finding")[0]  # suppressed: counted, not listed
    assert "reference: 35,903 — Gaza Ministry of Health — 2024-05-25 — citation:" in block
    assert "evidence: More than 35,800 (35,800) — the health ministry — Al Jazeera — 2024-05-19" in block


def test_summary_line_counts(view) -> None:  # noqa: ANN001
    last = TextFormatter().render(view).rstrip("\n").splitlines()[-1]
    assert last == (
        "2 checked documents against 1 corpus document and 2 reference series, 8 claims: "
        "4 findings (1 error, 2 warnings, 1 info), 1 suppressed"
    )


def test_quiet_is_the_summary_only(view) -> None:  # noqa: ANN001
    out = get_formatter("text", quiet=True).render(view)
    assert out.count("\n") == 1 and out.startswith("2 checked documents")


def test_extract_lists_claims(view) -> None:  # noqa: ANN001
    report = view.report.model_copy(update={"findings": []})
    out = TextFormatter().render(make_view(report, "extract"))
    assert "'over 30,000'" in out and "(30,000, ∞)" in out
    assert "rules/figures/gaza.yaml" not in out  # reference series are not documents
    assert out.rstrip().endswith("3 documents, 8 claims")


def test_no_findings(view) -> None:  # noqa: ANN001
    report = view.report.model_copy(update={"findings": [], "notes": []})
    out = TextFormatter().render(make_view(report))
    assert out.strip().endswith("0 findings (0 errors, 0 warnings, 0 info)")


# -- timeline ----------------------------------------------------------------------------
def test_series_covers_corpus_reference_and_checked(view) -> None:  # noqa: ANN001
    series = figure_series(view, "gaza_death_toll")
    roles = [p.role for p in series]
    assert roles.count("reference") == 3 and roles.count("checked") == 2 and roles.count("corpus") == 1
    days = [p.day for p in series]
    assert days == sorted(days)
    flagged = {p.claim.id: p.flagged for p in series}
    assert flagged["cl-30000"] == "error" and flagged["cc-35800"] is None


def test_table(view) -> None:  # noqa: ANN001
    out = timeline_table(view, "gaza_death_toll")
    assert out.startswith("Gaza death toll (gaza_death_toll): 3 claims and 3 reference values")
    assert "ERROR" in out and "(30,000, ∞)" in out
    assert "reference series Gaza Ministry of Health cumulative toll: github:TechForPalestine" in out


def test_resolve_figure(view) -> None:  # noqa: ANN001
    assert resolve_figure(view, "gaza_death_toll") == "gaza_death_toll"
    assert resolve_figure(view, "Gaza death toll") == "gaza_death_toll"
    with pytest.raises(UsageError, match="unknown figure 'nope'; figures in this run: gaza_death_toll"):
        resolve_figure(view, "nope")


def test_svg_draws_intervals_and_arrows(view) -> None:  # noqa: ANN001
    svg = timeline_svg(view, "gaza_death_toll")
    root = ET.fromstring(svg.split("?>", 1)[1])
    ns = {"s": "http://www.w3.org/2000/svg"}
    groups = {g.get("data-claim"): g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("data-claim")}
    assert set(groups) == {"rf-moh-0315", "rf-moh-0420", "rf-moh-0525", "cc-35800", "cl-35000", "cl-30000"}
    flagged = groups["cl-30000"]
    assert "fc-flag-error" in flagged.get("class", "")
    assert flagged.findall("s:polygon", ns), "an unbounded end is drawn as an arrow"
    assert flagged.findall("s:circle", ns), "the open lower end is a hollow circle"
    bar = flagged.findall("s:line", ns)[0]
    assert float(bar.get("y2")) - float(bar.get("y1")) > 20, "an interval, not a point"
    assert root.findall("s:polyline", ns), "the reference series is a line"
    assert any(t.text == "over 30,000" for t in root.iter("{http://www.w3.org/2000/svg}text"))


def test_svg_with_no_dated_claims(view) -> None:  # noqa: ANN001
    claims = [c.model_copy(update={"as_of": None}) if c.figure == "rafah_fled" else c for c in view.report.claims]
    svg = timeline_svg(make_view(view.report.model_copy(update={"claims": claims})), "rafah_fled")
    assert "no dated claims" in svg
    ET.fromstring(svg.split("?>", 1)[1])


def test_axis_helpers() -> None:
    assert compact(1_500_000) == "1.5M" and compact(35_000) == "35k" and compact(135) == "135"
    assert nice_ticks(0, 39_000) == [0, 10_000, 20_000, 30_000, 40_000]
    assert nice_ticks(0, 148.5) == [0, 50, 100, 150]


@pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed (apt-get install chromium)")
def test_png_via_chromium(view) -> None:  # noqa: ANN001
    png = svg_to_png(timeline_svg(view, "gaza_death_toll"))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000


def test_png_without_chromium(view) -> None:  # noqa: ANN001
    with pytest.raises(UsageError, match="PNG output needs chromium"):
        svg_to_png("<svg/>", chromium=None) if find_chromium() is None else _raise_like_missing()


def _raise_like_missing() -> None:
    from unittest import mock

    with mock.patch("factcheck.report.timeline.png.find_chromium", return_value=None):
        svg_to_png("<svg/>")


# -- progress --------------------------------------------------------------------------
def test_progress_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    assert not progress_enabled(stream, {})
    with progress("Reading", total=3, stream=stream) as advance:
        for _ in range(3):
            advance()
    assert stream.getvalue() == ""


def test_progress_only_after_the_delay() -> None:
    now = [0.0]
    stream = FakeTty()
    with progress("Reading", total=100, stream=stream, enabled=True, delay=0.5, clock=lambda: now[0]) as advance:
        advance()
        assert stream.getvalue() == ""
        now[0] = 1.0
        advance(50)
    assert "Reading" in stream.getvalue()


def test_progress_disabled_in_ci() -> None:
    assert not progress_enabled(FakeTty(), {"CI": "true"})
    assert progress_enabled(FakeTty(), {})


def test_render_timeline_by_suffix(view, tmp_path) -> None:  # noqa: ANN001
    from pathlib import Path

    from factcheck.report.timeline import render_timeline

    assert str(render_timeline(view, "Gaza death toll")).startswith("Gaza death toll (gaza_death_toll)")
    assert str(render_timeline(view, "gaza_death_toll", Path("x.svg"))).startswith("<?xml")
    assert str(render_timeline(view, "gaza_death_toll", Path("x.txt"))).startswith("Gaza death toll")
    with pytest.raises(UsageError, match=r"written as \.svg, \.png or \.txt"):
        render_timeline(view, "gaza_death_toll", Path("x.pdf"))


def test_metadata_from_the_shipped_rules() -> None:
    """Rule descriptions and figure labels come from the rule set when the CLI has one.
    The shipped rules are part of the package: if they stop loading, this fails."""
    from factcheck import pipeline
    from factcheck.report.metadata import figure_metadata, make_view as view_with_rules, rule_metadata

    rule_set = pipeline.load_rule_set(None)

    rules = rule_metadata(rule_set)
    figures = figure_metadata(rule_set)
    assert rules and figures
    assert all(r.description for r in rules.values())
    assert all(f.label for f in figures.values())
    from report_fixtures import build_suppressed_report

    view = view_with_rules(build_suppressed_report(), "run", rule_set)
    assert view.rules is not None and view.figures is not None


def test_unused_suppression_warning_is_shown(raw_report) -> None:  # noqa: ANN001
    from factcheck.suppress import apply_suppressions

    draft = raw_report.documents[0]
    raw_report.documents[0] = draft.model_copy(update={"text": draft.text.replace("hostages-outdated", "no-such-rule")})
    out = TextFormatter().render(make_view(apply_suppressions(raw_report)))
    assert "\nwarning: drafts/rafah-draft.md:10: unused suppression of 'no-such-rule'" in out


# -- plain text written without rich's per-line machinery --------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.text import Text  # noqa: E402

from factcheck.models import Claim, Document, Finding, Report  # noqa: E402
from factcheck.report.text import wrap_plain  # noqa: E402

_WORDS = st.lists(
    st.one_of(
        st.sampled_from(["a", "figure", "Rafah", "1.4", "million", "—", "«32,000»", "hostages,"]),
        st.text(alphabet="xyz東京한🙂é", min_size=1, max_size=60),  # wide characters, long words
    ),
    max_size=40,
)


@given(words=_WORDS, width=st.integers(min_value=20, max_value=110), spaces=st.sampled_from([" ", "  "]))
@settings(max_examples=400, deadline=None)
def test_wrap_plain_cuts_lines_where_rich_does(words: list[str], width: int, spaces: str) -> None:
    text = spaces.join(words)
    console = Console(width=200, color_system=None, _environ={})
    expected = [line.plain.rstrip() for line in Text(text).wrap(console, width, overflow="fold")]
    assert wrap_plain(text, width) == expected


def _long_text_view() -> ReportView:
    title = "A headline far longer than one terminal line, with 東京 and 한국어 and a word " + "x" * 130
    sentence = (
        "Officials in 東京 said on Monday that more than 1.4 million people — "
        + "supercalifragilistic" * 8
        + " — were sheltering in Rafah, a figure repeated by aid agencies in several statements."
    )
    start = sentence.index("1.4 million")
    doc = Document(id="d1", path="seeds/" + "very-long-folder-name/" * 5 + "a.md", text=sentence, title=title)
    claim = Claim(
        id="d1:c1", doc="d1", surface="1.4 million", value=1_400_000, start=start, end=start + 11,
        sentence=sentence, qualifier="over", lower=1_400_000, upper=None, line=1, column=start + 1,
        figure="rafah_sheltering",
    )
    finding = Finding(
        id="f1", rule="gaza-toll-outdated", kind="outdated", severity="error", claim="d1:c1", figure="rafah_sheltering",
        message="The figure " + "is out of date and " * 12 + "東京" * 30,
    )
    return make_view(Report(documents=[doc], claims=[claim], findings=[finding]))


@pytest.mark.parametrize("width", [40, 80, 100])
@pytest.mark.parametrize("command", ["run", "extract"])
def test_plain_text_written_directly_is_byte_identical_to_rich(width: int, command: str) -> None:
    view = _long_text_view()
    view.command = command
    fast = TextFormatter(color=False, width=width)
    slow = TextFormatter(color=False, width=width)
    slow.direct = False
    out = fast.render(view)
    assert out == slow.render(view)
    assert "東京" in out and "x" * 30 in out


def test_characters_wrapped_by_length_are_one_cell_wide_for_rich() -> None:
    from rich.cells import cell_len

    from factcheck.report.text import _SINGLE_CELL_TEXT

    chars = [chr(c) for c in range(0x20, 0x3000) if _SINGLE_CELL_TEXT.fullmatch(chr(c))]
    assert len(chars) > 700
    assert [c for c in chars if cell_len(c) != 1 or cell_len("a" + c) != 2] == []
