"""HTML: the article's text and the page's own metadata, with the standard library's
``html.parser``.

Text: scripts, styles, navigation, header, footer, aside, forms, noscript, template,
``<head>``, inline SVG, iframes, elements marked ``hidden`` and the ARIA landmark roles
for navigation/banner/footer/sidebar/search are dropped. If the page has ``<article>``
elements, the one with the most text is the document (pages list teasers of other
articles in ``<article>`` too); otherwise ``<main>``; otherwise the whole body. Block
elements (``p``, ``div``, headings, ``li``, ``blockquote``, table rows, ...) become
paragraphs separated by a blank line; within a paragraph whitespace collapses to single
spaces, a ``<br>`` (or a table cell) starts a new line and two ``<br>`` start a new
paragraph; ``<pre>`` keeps its whitespace. Entities are decoded.

Metadata (source ``"html"``): title from ``og:title``, else ``<title>``; outlet from
``og:site_name``; url from ``<link rel="canonical">``, else ``og:url``; published from
``<meta property="article:published_time">``, else ``<meta name="date">`` (and its
common spellings ``dc.date``, ``dcterms.date``, ``pubdate``, ``publish-date``,
``itemprop="datePublished"``), else the first ``<time datetime>`` that holds a full date
(one marked ``pubdate`` or ``itemprop="datePublished"`` first). A ``<meta>`` date that is
not a date is a ``MetadataError`` at its line and column; ``<time>`` elements that are
not full dates are passed over (they mark all sorts of times in a page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from factcheck.errors import InputError, MetadataError, SourceLocation
from factcheck.load.formats.base import Parsed
from factcheck.load.metadata import Metadata, parse_date

SOURCE = "html"

_SKIP = frozenset(
    {
        "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
        "head", "svg", "math", "iframe", "object", "canvas", "select", "button", "textarea",
        "dialog", "audio", "video", "map",
    }
)  # fmt: skip
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html", "legend", "li", "main", "menu",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
        "ul", "option",
    }
)  # fmt: skip
_CELL = frozenset({"td", "th"})
# What may stand in <head>; any other start tag ends a <head> whose end tag was left out.
_HEAD_CONTENT = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
_DATE_NAMES = frozenset({"date", "dc.date", "dcterms.date", "pubdate", "publish-date", "publish_date", "datepublished"})
_FULL_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}(?:[T ].*)?\s*")
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB (``<meta charset>``)."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


@dataclass
class _Block:
    text: str
    article: int | None
    in_main: bool


@dataclass
class _Candidate:
    value: str
    where: SourceLocation


class _Extractor(HTMLParser):
    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        # How many of each tag are open, so that neither "is <head> open?" nor a stray
        # end tag costs a walk down the stack (100,000 nested <div>s stay linear).
        self.open: dict[str, int] = {}
        self.skip_depth = 0
        self.pre_depth = 0
        self.svg_depth = 0
        self.main_depth = 0
        self.article_depth = 0
        self.article_count = 0
        self.blocks: list[_Block] = []
        # The paragraph being built: finished lines, the current line, and its context.
        self.lines: list[str] = []
        self.line: list[str] = []
        self.context: tuple[int | None, bool, bool] | None = None
        # Metadata.
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.meta: dict[str, _Candidate] = {}
        self.times: list[tuple[int, _Candidate]] = []

    # -- structure -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        self._metadata(tag, a)
        if tag not in _HEAD_CONTENT and self.title_parts is None and self.open.get("head"):
            self.handle_endtag("head")
        if tag in _VOID:
            if self.skip_depth:
                return
            if tag == "br":
                self._line_break()
            elif tag == "hr":
                self._flush()
            return
        skipped = (
            tag in _SKIP
            or "hidden" in a
            or a.get("aria-hidden", "").lower() == "true"
            or a.get("role", "").lower() in _SKIP_ROLES
        )
        if tag in _BLOCK or skipped:
            self._flush()
        elif tag in _CELL:
            self._end_line()
        self.stack.append((tag, skipped))
        self.open[tag] = self.open.get(tag, 0) + 1
        self._count(tag, skipped, +1)
        if tag == "title" and self.svg_depth == 0 and self.title is None:
            self.title_parts = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self._line_break()  # browsers read </br> as <br>
            return
        if not self.open.get(tag):
            return  # a stray end tag
        for i in range(len(self.stack) - 1, -1, -1):  # every element passed is closed
            if self.stack[i][0] == tag:
                break
        while len(self.stack) > i:
            name, skipped = self.stack.pop()
            self.open[name] -= 1
            if name in _BLOCK or skipped:
                self._flush()
            elif name in _CELL:
                self._end_line()
            self._count(name, skipped, -1)
            if name == "title" and self.title_parts is not None:
                self.title = " ".join("".join(self.title_parts).split()) or None
                self.title_parts = None

    def _count(self, tag: str, skipped: bool, step: int) -> None:
        if skipped:
            self.skip_depth += step
        if tag == "pre":
            self.pre_depth += step
        elif tag == "svg":
            self.svg_depth += step
        elif tag == "main":
            self.main_depth += step
        elif tag == "article":
            if step > 0 and self.article_depth == 0:
                self.article_count += 1
            self.article_depth += step

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.skip_depth or self.title_parts is not None:
            return
        if self.context is None:
            if not data.strip():
                return
            article = self.article_count if self.article_depth else None
            self.context = (article, self.main_depth > 0, self.pre_depth > 0)
        self.line.append(data)

    # -- paragraphs ------------------------------------------------------------------
    def _end_line(self) -> None:
        if self.line:
            self.lines.append("".join(self.line))
            self.line = []

    def _line_break(self) -> None:
        if self.context is not None and self.context[2]:  # inside <pre>
            self.line.append("\n")
            return
        if "".join(self.line).strip():
            self._end_line()
        elif self.lines:
            self._flush()  # a second <br> in a row: new paragraph
        self.line = []

    def _flush(self) -> None:
        self._end_line()
        if self.context is None:
            self.lines = []
            return
        article, in_main, pre = self.context
        if pre:
            raw = "\n".join(self.lines).split("\n")
            text = "\n".join(line.rstrip() for line in raw).strip("\n")
        else:
            text = "\n".join(filter(None, (" ".join(line.split()) for line in self.lines)))
        if text.strip():
            self.blocks.append(_Block(text, article, in_main))
        self.lines = []
        self.context = None

    def text(self) -> str:
        self._flush()
        blocks = self.blocks
        articles: dict[int, int] = {}
        for b in blocks:
            if b.article is not None:
                articles[b.article] = articles.get(b.article, 0) + len(b.text)
        if articles:
            best = max(articles, key=lambda k: (articles[k], -k))
            blocks = [b for b in blocks if b.article == best]
        elif any(b.in_main for b in blocks):
            blocks = [b for b in blocks if b.in_main]
        return "\n\n".join(b.text for b in blocks)

    # -- metadata --------------------------------------------------------------------
    def _where(self) -> SourceLocation:
        line, col = self.getpos()
        return SourceLocation(self.path, line, col + 1)

    def _remember(self, key: str, value: str) -> None:
        if value.strip() and key not in self.meta:
            self.meta[key] = _Candidate(value.strip(), self._where())

    def _metadata(self, tag: str, a: dict[str, str]) -> None:
        if tag == "meta":
            content = a.get("content", "")
            prop = a.get("property", "").lower()
            name = a.get("name", "").lower()
            itemprop = a.get("itemprop", "").lower()
            for key in (prop, name):
                if key in ("og:title", "og:site_name", "og:url", "article:published_time"):
                    self._remember(key, content)
            if name in _DATE_NAMES or itemprop == "datepublished":
                self._remember("date", content)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self._remember("canonical", a.get("href", ""))
        elif tag == "time" and a.get("datetime", "").strip():
            value = a["datetime"]
            if _FULL_DATE.fullmatch(value):
                marked = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
                self.times.append((0 if marked else 1, _Candidate(value.strip(), self._where())))

    def metadata(self) -> Metadata:
        meta = Metadata(source=SOURCE)
        title = self.meta.get("og:title")
        if title is not None:
            meta.values["title"] = " ".join(title.value.split())
        elif self.title:
            meta.values["title"] = self.title
        if "og:site_name" in self.meta:
            meta.values["outlet"] = " ".join(self.meta["og:site_name"].value.split())
        url = self.meta.get("canonical") or self.meta.get("og:url")
        if url is not None:
            meta.values["url"] = url.value
        for key in ("article:published_time", "date"):
            if key in self.meta:
                c = self.meta[key]
                meta.values["published"] = parse_date(c.value, key, c.where)
                break
        else:
            for _, c in sorted(self.times, key=lambda t: t[0]):
                try:
                    meta.values["published"] = parse_date(c.value, "time datetime", c.where)
                    break
                except MetadataError:
                    continue
        return meta


def _defuse_tail(text: str) -> str:
    """``text`` with every ``<`` after its last ``>`` written as ``&lt;``.

    The standard library's ``html.parser`` (as in Python 3.11.7; later releases fixed it) scans to
    the end of the input again for each ``<`` that no ``>`` follows: 24 KB of ``<a <a
    <a ...`` took six seconds, 1 MB would take hours. Such a ``<`` opens no tag (an
    unclosed tag at the end of a page is text), so it is escaped first; the parser
    then reads the same text in linear time."""
    last = text.rfind(">")
    tail = text[last + 1 :]
    if "<" not in tail:
        return text
    return text[: last + 1] + tail.replace("<", "&lt;")


def parse_html(text: str, path: str) -> list[Parsed]:
    parser = _Extractor(path)
    try:
        parser.feed(_defuse_tail(text))
        parser.close()
    except (AssertionError, ValueError, IndexError) as exc:  # html.parser's rare give-ups
        raise InputError(f"cannot parse HTML: {exc}", SourceLocation(path)) from None
    return [Parsed(text=parser.text(), format="html", metadata=parser.metadata())]
