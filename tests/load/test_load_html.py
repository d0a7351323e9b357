"""HTML: article text without page furniture, and the page's own metadata."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.errors import MetadataError
from factcheck.load import load_documents

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Rafah talks | Example News</title>
<meta property="og:title" content="Rafah talks &amp; aid">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-26T14:05:00+02:00">
<link rel="canonical" href="https://example.org/rafah">
<style>p { color: red } .x:before { content: "99 bottles" }</style>
<script>var deaths = 12345; document.write("<p>1000 fake</p>");</script>
</head>
<body>
<header><a href="/">Home</a> <span>Subscribe for 5 dollars</span></header>
<nav><ul><li>World</li><li>Top 10 stories</li></ul></nav>
<main>
<article>
<h1>Rafah   talks</h1>
<p>More than   1.4 million people
are sheltering in&nbsp;Rafah, officials said.</p>
<p>The meeting lasted <b>90</b> minutes &mdash; longer than planned.</p>
<div>A block <em>element</em> too.</div>
<aside>Related: 300 other things</aside>
<form><label>Email</label><button>Sign up 2 day</button></form>
<noscript>Enable JS 77</noscript>
<template><p>template 55</p></template>
<ul><li>First item, 3 people</li><li>Second item</li></ul>
</article>
<article><p>Teaser of another story</p></article>
</main>
<footer>Copyright 2024 Example, 42 staff</footer>
<script type="application/ld+json">{"datePublished": "2020-01-01"}</script>
</body></html>
"""


def load_page(tmp_path, html: str, name: str = "page.html"):
    f = tmp_path / name
    f.write_text(html, encoding="utf-8")
    [doc] = load_documents([f])
    return doc


def test_html_article_text_keeps_paragraphs_and_drops_scripts_styles_nav(tmp_path):
    doc = load_page(tmp_path, PAGE)
    assert doc.format == "html"
    assert doc.text == (
        "Rafah talks\n\n"
        "More than 1.4 million people are sheltering in Rafah, officials said.\n\n"
        "The meeting lasted 90 minutes \u2014 longer than planned.\n\n"
        "A block element too.\n\n"
        "First item, 3 people\n\n"
        "Second item"
    )
    for junk in ("12345", "99 bottles", "Subscribe", "Top 10", "300 other", "Sign up", "77", "55", "Copyright", "Teaser"):
        assert junk not in doc.text


def test_html_metadata_from_og_title_published_time_site_name_and_canonical(tmp_path):
    doc = load_page(tmp_path, PAGE)
    assert doc.title == "Rafah talks & aid"
    assert doc.outlet == "Example News"
    assert doc.published == date(2024, 3, 26)
    assert doc.url == "https://example.org/rafah"
    assert set(doc.metadata_source.values()) == {"html"}


def test_html_without_article_uses_main_then_body(tmp_path):
    page = "<html><body><nav>menu 1</nav><main><p>Main text 5.</p></main><div>Outside 6</div></body></html>"
    assert load_page(tmp_path, page).text == "Main text 5."
    page = "<html><body><nav>menu 1</nav><p>One.</p><p>Two &amp; three.</p></body></html>"
    assert load_page(tmp_path, page, "b.htm").text == "One.\n\nTwo & three."


def test_html_title_tag_and_time_element_and_meta_date(tmp_path):
    page = (
        "<html><head><title>  Plain   title </title></head><body>"
        "<p>Updated <time datetime='10:00'>ten</time> on <time datetime='2024-05-20'>Monday</time></p>"
        "</body></html>"
    )
    doc = load_page(tmp_path, page)
    assert doc.title == "Plain title"
    assert doc.published == date(2024, 5, 20)
    page = "<html><head><meta name='date' content='2024-06-25'></head><body><p>x</p></body></html>"
    assert load_page(tmp_path, page, "c.html").published == date(2024, 6, 25)


def test_html_br_breaks_lines_and_double_br_breaks_paragraphs(tmp_path):
    page = "<p>line one<br>line two<br><br>new paragraph</p><pre>keep   this\n  indented</pre>"
    assert load_page(tmp_path, page).text == "line one\nline two\n\nnew paragraph\n\nkeep   this\n  indented"


def test_html_bad_meta_date_is_metadata_error_at_its_line(tmp_path):
    page = "<html><head>\n<meta property='article:published_time' content='yesterday'>\n</head><body>x</body></html>"
    f = tmp_path / "bad.html"
    f.write_text(page, encoding="utf-8")
    with pytest.raises(MetadataError, match="YYYY-MM-DD") as exc:
        load_documents([f])
    assert exc.value.location.line == 2


def test_html_declared_legacy_charset_is_honoured(tmp_path, warnings):
    f = tmp_path / "old.html"
    f.write_bytes("<meta charset='windows-1251'><p>\u0420\u0430\u0444\u0430\u0445 \u2013 1 400</p>".encode("cp1251"))
    [doc] = load_documents([f], warn=warnings)
    assert doc.text == "\u0420\u0430\u0444\u0430\u0445 \u2013 1 400"
    assert warnings and "cp1251" in warnings[0]


def test_html_unclosed_tags_and_stray_end_tags_do_not_lose_text(tmp_path):
    page = "<body><p>First <b>bold</i> text<p>Second</div> text</body>"
    assert load_page(tmp_path, page).text == "First bold text\n\nSecond text"


def test_html_head_without_end_tag_does_not_hide_the_body(tmp_path):
    page = "<html><head><title>T</title><meta name='date' content='2024-01-05'><p>Body text 8.</p>"
    doc = load_page(tmp_path, page)
    assert (doc.text, doc.title, doc.published) == ("Body text 8.", "T", date(2024, 1, 5))
