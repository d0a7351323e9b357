"""Rule-file scopes applied: a scoped file's figures never assign a claim of a document
out of its scope (checked or corpus), and its checks do not see that document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck import pipeline
from factcheck.match import Matcher
from factcheck.match.scope import Scopes, url_words
from factcheck.models import Document

HARBOUR = """
description: the port of Easthaven
{scope}
figures:
  - id: ships_docked
    name: Ships docked
    description: ships docked in the harbour on one day
    kind: level
    tolerance: 0
    match:
      entity: [ship, vessel, freighter]
      predicate: [dock, berth]
checks:
  - id: ships-consistency
    consistency: {{figures: [ships_docked], window: 2d}}
  - id: port-count-twice
    internal: {{group: context}}
"""

SCOPE = "scope:\n  words: [harbour, harbor]\n  since: 2025-01-01\n"


def _story(folder: Path, name: str, text: str, published: str = "2025-03-10", outlet: str = "Easthaven Post") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\ntitle: {name}\noutlet: {outlet}\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    return path


def _run(tmp_path: Path, scope: str, draft: str, corpus: dict[str, str]) -> pipeline.RunResult:
    rules = tmp_path / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    (rules / "harbour.yaml").write_text(HARBOUR.format(scope=scope), encoding="utf-8")
    for name, text in corpus.items():
        _story(tmp_path / "corpus", name, text)
    checked = _story(tmp_path / "drafts", "draft.md", draft)
    options = pipeline.RunOptions(corpus=tmp_path / "corpus", rules=pipeline.RuleSources((rules,), defaults=False), jobs=1)
    return pipeline.run([str(checked)], options)


def _figures(result: pipeline.RunResult) -> dict[str, set[str | None]]:
    by_doc: dict[str, set[str | None]] = {}
    titles = {d.id: d.title or "" for d in result.report.documents}
    for claim in result.report.claims:
        by_doc.setdefault(titles.get(claim.doc, ""), set()).add(claim.figure)
    return by_doc


RIVER = {"river.md": "Some 90 ships docked at the river quay on Sunday, the canal board said."}
PORT = {"port.md": "The port authority said 41 ships docked in the harbour on Sunday."}
DRAFT = "Forty ships docked in the harbour on Sunday, the port authority said."


def test_a_corpus_story_out_of_scope_gives_the_scoped_figure_no_claim(tmp_path: Path) -> None:
    result = _run(tmp_path, SCOPE, DRAFT, {**RIVER, **PORT})
    figures = _figures(result)
    assert figures["draft.md"] == {"ships_docked"} and figures["port.md"] == {"ships_docked"}
    assert figures["river.md"] == {None}


def test_the_same_corpus_story_is_a_claim_of_the_figure_without_a_scope(tmp_path: Path) -> None:
    # What the scope changes: unscoped, the river story's ships are the harbour's.
    assert _figures(_run(tmp_path, "", DRAFT, RIVER))["river.md"] == {"ships_docked"}


def test_a_check_compares_only_claims_of_stories_in_scope(tmp_path: Path) -> None:
    result = _run(tmp_path, SCOPE, DRAFT, {**RIVER, **PORT})
    conflicts = [f for f in result.report.findings if f.rule == "ships-consistency"]
    claims = {c.id: c for c in result.report.claims}
    assert len(conflicts) == 1
    assert {claims[e].surface for e in conflicts[0].evidence} == {"41"}


def test_a_checked_draft_out_of_scope_is_not_checked_by_the_files_checks(tmp_path: Path) -> None:
    # A budget story, no harbour in it, giving one count two ways: the harbour file's
    # check of counts given twice does not see it.
    draft = "The county hired 120 nurses this year. Later the county said it hired 150 nurses this year."
    scoped = _run(tmp_path / "a", SCOPE, draft, PORT)
    unscoped = _run(tmp_path / "b", "", draft, PORT)
    assert [f.rule for f in unscoped.report.findings] == ["port-count-twice"]
    assert scoped.report.findings == []


def test_a_story_before_the_scopes_first_day_is_out_of_it(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "harbour.yaml").write_text(HARBOUR.format(scope=SCOPE), encoding="utf-8")
    _story(tmp_path / "corpus", "old.md", "The port authority said 12 ships docked in the harbour on Sunday.", published="2024-12-29")
    _story(tmp_path / "corpus", "new.md", "The port authority said 41 ships docked in the harbour on Sunday.")
    result = pipeline.run([], pipeline.RunOptions(corpus=tmp_path / "corpus", rules=pipeline.RuleSources((rules,), defaults=False), jobs=1))
    assert _figures(result) == {"old.md": {None}, "new.md": {"ships_docked"}}


# -- what decides: Scopes.verdicts -----------------------------------------------------------

def _scopes(tmp_path: Path, scope: str) -> tuple[Scopes, str]:
    (tmp_path / "topic.yaml").write_text(scope + HARBOUR.format(scope=""), encoding="utf-8")
    rules = pipeline.load_rule_set(pipeline.RuleSources((tmp_path,), defaults=False))
    return Scopes(rules, Matcher(rules).gazetteer), str(tmp_path / "topic.yaml")


def _doc(text: str, **fields: object) -> Document:
    return Document(id="d", path="d.txt", text=text, **fields)  # type: ignore[arg-type]


def test_a_place_within_a_scope_place_puts_a_story_in_scope(tmp_path: Path) -> None:
    scopes, shown = _scopes(tmp_path, "scope:\n  places: [Gaza]\n")
    inside = scopes.verdicts(_doc("Families queued for water in Khan Younis on Friday."))[shown]
    assert inside.applies and "Gaza" in inside.why
    assert not scopes.verdicts(_doc("Families queued for water in Leeds on Friday."))[shown].applies


def test_a_place_named_only_in_a_urls_slug_puts_a_story_in_scope(tmp_path: Path) -> None:
    scopes, shown = _scopes(tmp_path, "scope:\n  places: [Gaza]\n")
    doc = _doc("The convoy reached the crossing at dawn.", url="https://example.org/news/2024/aid-convoy-reaches-gaza")
    assert scopes.verdicts(doc)[shown].applies


def test_words_match_every_form_and_outlets_any_case(tmp_path: Path) -> None:
    scopes, shown = _scopes(tmp_path, "scope:\n  words: [ferry]\n  outlets: [Harbour Herald]\n")
    assert scopes.verdicts(_doc("Two ferries were cancelled."))[shown].applies
    assert scopes.verdicts(_doc("Two boats were cancelled.", outlet="harbour herald"))[shown].applies
    assert not scopes.verdicts(_doc("Two boats were cancelled.", outlet="Inland Times"))[shown].applies


def test_an_undated_story_is_within_the_scopes_dates(tmp_path: Path) -> None:
    scopes, shown = _scopes(tmp_path, "scope:\n  words: [ferry]\n  until: 2024-12-31\n")
    assert scopes.verdicts(_doc("A ferry sank."))[shown].applies
    late = scopes.verdicts(_doc("A ferry sank.", published=date(2025, 2, 1)))[shown]
    assert not late.applies and "after 2024-12-31" in late.why


def test_url_words_split_a_slug() -> None:
    assert url_words("https://news.example.com/2024/un-security-council_vote") == "news example com 2024 un security council vote"
