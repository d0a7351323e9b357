"""Inline suppression markers: syntax, coverage, errors with file:line:col."""

from __future__ import annotations

import pytest

from factcheck.models import Document
from factcheck.suppress import SuppressionErrors, find_markers
from factcheck.suppress.markers import parse_markers


def doc(text: str, line_offset: int = 0, path: str = "drafts/d.md") -> Document:
    return Document(id="d", path=path, role="checked", format="md", text=text, line_offset=line_offset)


def test_marker_on_its_own_line_covers_the_next_line() -> None:
    markers, errors = parse_markers(doc(
        "Intro.\n"
        '<!-- factcheck: ignore outdated reason="quoting the 2023 figure on purpose" -->\n'
        "\n"
        "Over 30,000 were killed.\n"
    ))
    assert not errors
    (m,) = markers
    assert m.rules == ("outdated",)
    assert m.reason == "quoting the 2023 figure on purpose"
    assert (m.line, m.column) == (2, 1)
    assert m.covers == (2, 4)  # blank lines are skipped


def test_marker_after_text_covers_its_own_line_only() -> None:
    markers, _ = parse_markers(doc(
        "Over 30,000 were killed. <!-- factcheck: ignore gaza-toll-outdated, units reason='dated' -->\n"
        "Another 5,000 figure.\n"
    ))
    (m,) = markers
    assert m.rules == ("gaza-toll-outdated", "units")
    assert m.covers == (1,)
    assert m.matches("gaza-toll-outdated", "outdated") == "gaza-toll-outdated"
    assert m.matches("other", "units") == "units"
    assert m.matches("other", "other") is None


def test_line_offset_counts_front_matter() -> None:
    markers, _ = parse_markers(doc('<!-- factcheck: ignore x reason="r" -->\nfigure\n', line_offset=5))
    assert markers[0].line == 6 and markers[0].covers == (6, 7)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<!-- factcheck: ignore outdated -->", "a suppression needs a reason"),
        ('<!-- factcheck: ignore outdated reason="" -->', "a suppression needs a reason"),
        ('<!-- factcheck: ignore reason="why" -->', "name the rule to ignore"),
        ('<!-- factcheck: ignroe outdated reason="why" -->', "unknown directive 'ignroe'"),
        ("<!-- factcheck: ignore outdated reason=why -->", "the reason must be quoted"),
        ('<!-- factcheck: ignore outdated reason="why -->', "closing \" is missing"),
        ('<!-- factcheck: ignore outdated reason="why" extra -->', "unexpected text after the reason"),
        ('<!-- factcheck: ignore out%dated reason="why" -->', "is not a rule id"),
    ],
)
def test_malformed_markers_are_errors_with_location(text: str, message: str) -> None:
    d = doc("Title\n\n   " + text + "\nOver 30,000.\n", line_offset=2)
    with pytest.raises(SuppressionErrors) as exc:
        find_markers([d])
    (error,) = exc.value.errors
    assert message in error.message
    assert str(error).startswith("drafts/d.md:5:4: ")  # line 3 of the text + 2 front-matter lines
    assert exc.value.exit_code == 2


def test_unclosed_marker_is_an_error() -> None:
    with pytest.raises(SuppressionErrors, match=r"drafts/d.md:2:1: suppression marker is not closed"):
        find_markers([doc('x\n<!-- factcheck: ignore a reason="b"\n')])


def test_all_errors_reported_together() -> None:
    d = doc("<!-- factcheck: ignore a -->\n<!-- factcheck: ignore b -->\n")
    with pytest.raises(SuppressionErrors) as exc:
        find_markers([d])
    assert len(exc.value.errors) == 2
    assert str(exc.value).count("drafts/d.md:") == 2


def test_corpus_documents_are_not_scanned() -> None:
    d = doc("<!-- factcheck: ignore a -->\n").model_copy(update={"role": "corpus"})
    assert find_markers([d]) == []


def test_other_comments_are_ignored() -> None:
    markers, errors = parse_markers(doc("<!-- an editor's note about factcheck -->\n<!-- TODO -->\n"))
    assert markers == [] and errors == []
