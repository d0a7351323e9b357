"""A scoped rule file's checks on the warm server: a check that may not see some corpus
stories (out of its file's scope) reads a warm context without them, made once and
shared by later drafts, and finds what ``factcheck run DRAFT`` finds, draft after
draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.serve.submission import draft_document
from factcheck.serve.warm import WarmState

# The figure is everyone's (an unscoped file); the harbour desk's file, scoped to
# harbour stories, checks it: a river story's ships are the figure's claims, but never
# that check's evidence.
SHIPS = """
description: ships in port
figures:
  - id: ships_docked
    name: Ships docked
    description: ships docked on one day
    kind: level
    tolerance: 0
    match:
      entity: [ship, vessel, freighter]
      predicate: [dock, berth]
checks: []
"""
HARBOUR_DESK = """
description: the harbour desk's checks
scope:
  words: [harbour, harbor]
checks:
  - id: harbour-ships-consistency
    consistency: {figures: [ships_docked], window: 2d}
"""
CORPUS = {
    "river.md": "Some 90 ships docked at the river quay on Sunday, the canal board said.",
    "port.md": "The port authority said 41 ships docked in the harbour on Sunday.",
    "quay.md": "Sixty ships docked along the canal quays on Sunday, the board said.",
}
DRAFTS = {
    "in-scope.md": "Forty ships docked in the harbour on Sunday, the port authority said.",
    "also-in-scope.md": "Harbour staff said 75 ships docked on Sunday.",
    "out-of-scope.md": "Some 52 vessels docked at the river quay on Sunday, the board said.",
}


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\ntitle: {name}\noutlet: Easthaven Post\npublished: 2025-03-10\n---\n{text}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.RuleSources, WarmState]:
    root = tmp_path_factory.mktemp("scoped")
    rules = root / "rules"
    rules.mkdir()
    (rules / "ships.yaml").write_text(SHIPS, encoding="utf-8")
    (rules / "harbour.yaml").write_text(HARBOUR_DESK, encoding="utf-8")
    for name, text in CORPUS.items():
        _write(root / "corpus", name, text)
    sources = pipeline.RuleSources((rules,), defaults=False)
    return root, sources, WarmState.load(root / "corpus", sources)


def _findings(report) -> list[tuple[str, str, list[str]]]:  # noqa: ANN001
    claims = {c.id: c for c in report.claims}
    return sorted((f.rule, claims[f.claim].surface, sorted(claims[e].surface for e in f.evidence)) for f in report.findings)


def test_a_scoped_check_on_the_warm_server_finds_what_run_finds_draft_after_draft(
    setup: tuple[Path, pipeline.RuleSources, WarmState],
) -> None:
    root, sources, warm = setup
    seen = []
    for _ in range(2):  # the second round reads the contexts the first one made
        for name, text in DRAFTS.items():
            path = _write(root / "drafts", name, text)
            outcome = warm.check(draft_document(path.read_bytes(), name))
            options = pipeline.RunOptions(corpus=root / "corpus", rules=sources, jobs=1)
            expected = pipeline.run([str(path)], options).report
            assert _findings(outcome.report) == _findings(expected), name
            seen.append(_findings(outcome.report))
    # The harbour draft conflicts with the harbour story alone, never the river's 90.
    assert seen[0] == [("harbour-ships-consistency", "Forty", ["41"])]
    assert seen[2] == []  # a river draft is not the harbour desk's to check
    assert warm.corpus is not None and len(warm.corpus._without) == 1  # one context without the river stories
