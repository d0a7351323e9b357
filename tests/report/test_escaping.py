"""User text is data in every format: article text and rule messages containing
``<script>``, ``<b>&``, quotes, Markdown markup, control characters, commas and
colons never become markup, commands or formulas."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from report_helpers import make_view
from report_fixtures import build_suppressed_report, nasty_report

from factcheck.models import Report
from factcheck.report import FORMATTERS, ReportView
from factcheck.report.catalogue import build_catalogue
from factcheck.report.escape import csv_text, gh_data, gh_property, json_for_script, md, md_code, md_link
from factcheck.rules.schema import RuleSet

class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "ul", "li", "div", "main",
    "section", "table", "thead", "tbody", "tr", "th", "td", "span", "small", "br", "a", "mark", "code", "aside",
    "footer", "script", "template", "dl", "dt", "dd", "figure", "figcaption", "svg", "rect", "text", "g", "line",
    "circle", "polyline", "polygon",
}


def with_catalogue(report: Report) -> ReportView:
    """The view ``factcheck run --format html`` renders: with the figure catalogue page
    (built from the report's own claims, so its labels and sources are the hostile text)."""
    return replace(make_view(report), make_catalogue=lambda: build_catalogue(report, RuleSet(), min_docs=1))


@pytest.mark.parametrize("catalogue", [False, True], ids=["page", "with-catalogue"])
@pytest.mark.parametrize("report_factory", [build_suppressed_report, nasty_report])
def test_html_never_contains_user_markup(report_factory, catalogue: bool) -> None:  # noqa: ANN001
    report = report_factory()
    html = FORMATTERS["html"].render(with_catalogue(report) if catalogue else make_view(report))
    assert ('id="fc-catalogue"' in html) == catalogue
    assert "<script>alert" not in html
    assert "<b>&" not in html
    assert "<img" not in html  # as text it is "&lt;img src=x onerror=...": harmless
    assert "\x1b" not in html
    parser = TagCollector()
    parser.feed(html)
    assert set(parser.tags) <= ALLOWED_TAGS
    assert parser.tags.count("script") == 2  # the JSON data block and our own script
    for name, value in parser.attrs:
        assert not name.startswith("on"), name
        if name == "href":
            assert value is not None and (value.startswith("#") or value.startswith(("http://", "https://")))


def test_html_escapes_the_fixture_text(view) -> None:  # noqa: ANN001
    html = FORMATTERS["html"].render(view)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "UNRWA &lt;b&gt;&amp;&lt;/b&gt; partners" in html


def test_html_json_block_cannot_close_the_script() -> None:
    html = FORMATTERS["html"].render(make_view(nasty_report()))
    block = re.search(r'<script type="application/json" id="fc-data">(.*?)</script>', html, re.S)
    assert block is not None
    body = block.group(1)
    assert "</" not in body and "<!--" not in body and "<" not in body
    data = json.loads(body)
    assert data["findings"][0]["message"].startswith("bad \"><img")


def test_json_for_script_escapes() -> None:
    s = json_for_script({"a": "</script><!--\u2028&"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><!--\u2028&"}


def test_the_catalogue_page_escapes_its_labels_sources_and_documents() -> None:
    html = FORMATTERS["html"].render(with_catalogue(nasty_report()))
    section = html.split('id="fc-catalogue"', 1)[1].split("</section>", 1)[0]
    assert "fig&lt;1&gt;" in section and "&quot;&gt;&lt;img src=x" in section
    assert "<img" not in section and "\x1b" not in section


@pytest.mark.parametrize("catalogue", [False, True], ids=["page", "with-catalogue"])
def test_html_has_no_external_resources(view, catalogue: bool) -> None:  # noqa: ANN001
    html = FORMATTERS["html"].render(with_catalogue(view.report) if catalogue else view)
    assert "src=" not in html
    assert "<link" not in html
    assert "@import" not in html and "url(" not in html
    import html as htmllib

    assert "Content-Security-Policy" in html and "default-src 'none'" in htmllib.unescape(html)


# -- Markdown ------------------------------------------------------------------------------
def _render_markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


def test_markdown_escapes_metacharacters() -> None:
    out = FORMATTERS["markdown"].render(make_view(nasty_report()))
    html = _render_markdown(out)
    assert "<img" not in html and "<script" not in html and "<em>" not in html and "<s>" not in html
    assert 'href="javascript' not in html
    assert "\x1b" not in out


def test_markdown_fixture(view) -> None:  # noqa: ANN001
    out = FORMATTERS["markdown"].render(view)
    assert "<b>" not in out and "<script>" not in out
    html = _render_markdown(out)
    assert "UNRWA &lt;b&gt;&amp;&lt;/b&gt; partners" in html
    assert "<strong>over 30,000</strong>" in html


@pytest.mark.parametrize(
    "text",
    ["*a* _b_ `c` [d](e) <f> & | ~g~ $h$ \\i", "# not a heading", "1. not a list", "- not a list", "> not a quote",
     "+ x", "=== x", "a\nb   c"],
)
def test_md_renders_as_written(text: str) -> None:
    html = _render_markdown(md(text, line_start=True) + "\n")
    inner = re.sub(r"^<p>(.*)</p>\n$", r"\1", html, flags=re.S)
    import html as htmllib

    assert htmllib.unescape(inner) == " ".join(text.split())


def test_md_code_and_link() -> None:
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x`") == "`` `x` ``"
    assert md_link("x", "javascript:alert(1)") == "x `javascript:alert(1)`"
    assert md_link("src", "https://example.org/a") == "[src](<https://example.org/a>)"


# -- GitHub annotations ----------------------------------------------------------------
def test_github_escaping_rules() -> None:
    assert gh_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert gh_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def _parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    m = re.match(r"^::(\w+)(?: ([^:]*))?::(.*)$", line)
    assert m, line
    props = {}
    if m.group(2):
        for part in m.group(2).split(","):
            k, _, v = part.partition("=")
            props[k] = v.replace("%3A", ":").replace("%2C", ",").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    message = m.group(3).replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    return m.group(1), props, message


def test_github_annotations_round_trip(view) -> None:  # noqa: ANN001
    out = FORMATTERS["github"].render(view)
    lines = out.splitlines()
    parsed = [_parse_annotation(line) for line in lines]
    files = {p[1].get("file") for p in parsed}
    assert "drafts/notes, v2: rafah.txt" in files
    cmd, props, message = parsed[0]
    assert cmd == "error" and props["line"] == "7" and props["col"] == "30" and props["endColumn"] == "41"
    assert message.splitlines()[0].startswith("Gaza death toll: 'over 30,000' is out of date")
    assert "reference: 35,903" in message
    # the suppressed hostages finding is not annotated
    assert not any("135 hostages" in p[1].get("title", "") for p in parsed)


def test_github_nasty_message_stays_one_command() -> None:
    out = FORMATTERS["github"].render(make_view(nasty_report()))
    lines = out.splitlines()
    assert all(line.startswith("::") for line in lines)
    cmd, props, message = _parse_annotation(lines[0])
    assert props["file"] == 'drafts/<x>&"q"\'.md'
    assert "second line" in message


# -- CSV ---------------------------------------------------------------------------------
def test_csv_text_rule() -> None:
    for s in ("=1+2", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert csv_text(s) == "'" + s
    assert csv_text("30,000") == "30,000"


def test_csv_is_formula_safe_and_parses() -> None:
    out = FORMATTERS["csv"].render(make_view(nasty_report()))
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 2
    formula = next(r for r in rows if r["id"] == "c-formula")
    assert formula["surface"] == "'=1+2"
    assert formula["entity"] == "'@SUM(A1)"
    assert formula["predicate"] == "'-cmd|' /C calc'!A0"
    assert formula["location"] == "'+evil"
    assert formula["attribution"] == "'\tTAB"
    assert formula["value"] == "3"
    for row in rows:
        for key, value in row.items():
            if value and value[0] in "=+-@" and key not in ("value", "lower", "upper"):
                pytest.fail(f"{key}={value!r} would run as a formula")
    assert "\x1b" not in out


def test_csv_negative_numbers_stay_numbers() -> None:
    report = nasty_report()
    claim = report.claims[1].model_copy(update={"value": -5.0, "lower": -5.5, "upper": -4.5})
    report = report.model_copy(update={"claims": [report.claims[0], claim]})
    rows = list(csv.DictReader(io.StringIO(FORMATTERS["csv"].render(make_view(report)), newline="")))
    row = next(r for r in rows if r["id"] == "c-formula")
    assert (row["value"], row["lower"], row["upper"]) == ("-5", "-5.5", "-4.5")


def test_csv_has_header_and_crlf(view) -> None:  # noqa: ANN001
    out = FORMATTERS["csv"].render(view)
    header = out.split("\r\n", 1)[0].split(",")
    for field in ("id", "doc", "start", "end", "surface", "sentence", "value", "lower", "upper", "qualifier", "unit",
                  "entity", "predicate", "location", "attribution", "as_of", "figure"):
        assert field in header
    assert out.endswith("\r\n")
    assert len(out.split("\r\n")) - 2 == len(view.report.claims)


def test_jsonl_one_claim_per_line(view) -> None:  # noqa: ANN001
    out = FORMATTERS["jsonl"].render(view)
    lines = out.splitlines()
    assert len(lines) == len(view.report.claims)
    records = [json.loads(line) for line in lines]
    assert records[0]["id"] == "cl-30000" and records[0]["findings"] == ["f-30000"]
    assert all("\n" not in line for line in lines)


# -- terminal --------------------------------------------------------------------------
def test_text_strips_control_characters() -> None:
    out = FORMATTERS["text"].render(make_view(nasty_report()))
    assert "\x1b" not in out
    assert "\ufffd" in out
