"""The warm state checks a draft as ``factcheck run DRAFT`` does (same findings on the
same claims) while keeping only the corpus claims a figure claims; a submitted draft
reads as the same file on disk would, and offsets map back to the characters sent."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_helpers import REPO, SAMPLE_DRAFT

from factcheck import pipeline
from factcheck.errors import InputError
from factcheck.serve.runner import CheckJob, run_job
from factcheck.serve.submission import DraftMetadata, OffsetMap, draft_document, draft_name
from factcheck.serve.warm import WarmState


@pytest.fixture(scope="module")
def warm() -> WarmState:
    return WarmState.load()


def _findings(report) -> list[tuple[str, str, str]]:  # noqa: ANN001
    claims = {c.id: c for c in report.claims}
    return sorted((f.rule, f.severity, claims[f.claim].surface) for f in report.findings)


@pytest.mark.parametrize("draft", sorted((REPO / "seeds" / "drafts").glob("*.md")), ids=lambda p: p.name)
def test_a_warm_check_finds_what_factcheck_run_finds(warm: WarmState, draft: Path) -> None:
    outcome = warm.check(draft_document(draft.read_bytes(), draft.name))
    expected = pipeline.run([str(draft)], pipeline.RunOptions(jobs=1)).report
    assert _findings(outcome.report) == _findings(expected)
    assert _findings(outcome.report)  # each sample draft has findings


def test_the_warm_state_keeps_only_claims_of_figures(warm: WarmState) -> None:
    assert 0 < warm.stats.kept_claims < warm.stats.claims
    assert all(c.figure for c in warm.corpus_claims)


TOPICS = REPO / "tests" / "check" / "topics"


def _evidence(report) -> list[tuple[str, str, tuple[str, ...]]]:  # noqa: ANN001
    claims = {c.id: c for c in [*report.claims, *report.references]}
    return sorted((f.rule, f.message, tuple(claims[e].surface for e in f.evidence)) for f in report.findings)


PARTS = REPO / "tests" / "check" / "parts_and_rates"
STORIES = [(folder, p.name) for folder in (TOPICS, PARTS) for p in sorted(folder.glob("*.md"))]


@pytest.mark.parametrize(("folder", "story"), STORIES, ids=[f"{f.name}/{s}" for f, s in STORIES])
def test_a_draft_is_compared_with_the_archive_where_no_rule_defines_the_figure(tmp_path: Path, folder: Path, story: str) -> None:
    """The rule-free check (``possible-conflict``) compares a draft's figures that no rule
    defines with the same frame in the archive's stories, parts of a whole with the same
    parts: the page finds what ``factcheck run DRAFT --corpus ARCHIVE`` finds (it found
    none: the warm corpus kept only claims of figures). Our own topic stories, each one
    the draft against the others of its folder."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for path in folder.glob("*.md"):
        if path.name != story:
            (archive / path.name).write_bytes(path.read_bytes())
    warm = WarmState.load(corpus=archive)
    outcome = warm.check(draft_document((folder / story).read_bytes(), story))
    expected = pipeline.run([str(folder / story)], pipeline.RunOptions(corpus=archive, jobs=1)).report
    assert _evidence(outcome.report) == _evidence(expected)
    assert warm.stats.framed_claims > 0


def test_the_archive_stories_a_draft_is_compared_with_without_a_rule_are_found() -> None:
    """Across the topic stories, the rule-free check finds conflicts for drafts on the
    page (the planted ones: tests/check/test_undefined.py)."""
    import tempfile

    found = 0
    for story in sorted(p.name for p in TOPICS.glob("*.md")):
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp)
            for path in TOPICS.glob("*.md"):
                if path.name != story:
                    (archive / path.name).write_bytes(path.read_bytes())
            outcome = WarmState.load(corpus=archive).check(draft_document((TOPICS / story).read_bytes(), story))
            found += sum(f.rule == "possible-conflict" for f in outcome.report.findings)
    assert found >= 3


def test_two_checks_of_one_draft_give_the_same_answer_and_leave_the_state_alone(warm: WarmState) -> None:
    before = (len(warm.corpus_claims), [c.figure for c in warm.corpus_claims])
    job = CheckJob(content=SAMPLE_DRAFT.read_text(encoding="utf-8"), output="contract")
    first, second = run_job(warm, job), run_job(warm, job)
    assert first.status == 200 and first.body == second.body
    assert (len(warm.corpus_claims), [c.figure for c in warm.corpus_claims]) == before


def test_request_metadata_beats_the_drafts_own_and_names_are_cleaned() -> None:
    doc = draft_document(SAMPLE_DRAFT.read_bytes(), "a/b/../<x>.md", DraftMetadata(title="Mine", outlet=None))
    assert doc.title == "Mine" and doc.outlet == "Sample newsroom (unpublished draft)"
    assert doc.path == "_x_.md" == draft_name("a/b/../<x>.md")
    with pytest.raises(InputError, match="not a draft factcheck reads"):
        draft_document(b"x", "draft.exe")


def test_offsets_map_back_through_crlf_and_a_bom() -> None:
    original = "\ufeffOne\r\ntwo 135\r\nthree"
    derived = "One\ntwo 135\nthree"
    m = OffsetMap(original, derived)
    start = derived.index("135")
    offset, length = m.span(start, start + 3)
    assert original[offset:offset + length] == "135"


def test_check_processes_inherit_a_heap_frozen_through_gcpause(warm: WarmState) -> None:
    # Frozen behind gcpause's back, every pause of a draft's check walked the whole
    # inherited archive to ask whether it was frozen (70 ms a draft on 10,000 articles).
    import asyncio

    from factcheck.serve.runner import Runner
    from factcheck.util import gcpause

    runner = Runner(warm, 1)
    try:
        assert runner.pids and gcpause.heap_frozen()
        draft = (REPO / "seeds" / "drafts").glob("*.md").__next__().read_bytes()
        result = asyncio.run(runner.run(CheckJob(content=draft, filename="draft.md", output="contract")))
        assert result.status == 200 and result.findings > 0
    finally:
        runner.close()
        gcpause.thaw_heap()


def _recorded_contexts(monkeypatch: pytest.MonkeyPatch) -> list:
    """The draft contexts the checks make from now on, in order (for a test to ask them
    what a plain context would answer)."""
    from factcheck.check import warm as warm_module

    made: list[warm_module.DraftContext] = []

    class Recording(warm_module.DraftContext):
        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(warm_module, "DraftContext", Recording)
    return made


def test_a_draft_contexts_shortcuts_give_what_walking_its_items_gives(warm: WarmState, monkeypatch: pytest.MonkeyPatch) -> None:
    # The warm context answers the checks' questions from the warm corpus and the
    # draft's own items without listing the archive; each answer must be the one the
    # plain context gives by walking every item of the run.
    from factcheck.check.base import Context

    made = _recorded_contexts(monkeypatch)
    for draft in sorted((REPO / "seeds" / "drafts").glob("*.md")):
        warm.check(draft_document(draft.read_bytes(), draft.name))
    assert made
    compared = 0
    for ctx in made:
        assert ctx.checked_items == [i for i in ctx.items if i.checked]
        documents = {i.claim.doc for i in ctx.items}
        for figure in sorted(ctx.wanted):
            assert ctx.checked_of(figure) == Context.checked_of(ctx, figure)
            assert ctx.references(figure) == Context.references(ctx, figure)
            for document in sorted(documents):
                assert ctx.in_document(figure, document) == Context.in_document(ctx, figure, document)
                compared += bool(ctx.in_document(figure, document))
    assert compared > 0


def test_a_draft_context_without_some_documents_compares_none_of_their_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check that may not see some archive documents (a scoped rule file) gets a
    draft context without their claims, the rule-free check's evidence included."""
    from factcheck.check.warm import WarmCorpus, check_draft
    from factcheck.extract.documents import extract_documents
    from factcheck.load import load_documents

    rules = pipeline.load_rule_set(None)
    gazetteer = pipeline.gazetteer_for(rules)
    corpus = [d for d in load_documents([str(TOPICS)], role="corpus") if not d.path.endswith("valley-post.md")]
    warm = WarmCorpus.of(rules, corpus, extract_documents(corpus, gazetteer))
    drafts = load_documents([str(TOPICS / "valley-post.md")], role="checked")
    made = _recorded_contexts(monkeypatch)
    check_draft(warm, drafts, extract_documents(drafts, gazetteer))
    ctx = made[0]
    framed = [i for i in ctx.items if i.figure is None and not i.checked]
    assert framed  # the archive's claims of the draft's frames are there
    hidden = frozenset({framed[0].claim.doc})
    view = ctx.without(hidden)
    assert view is not ctx
    assert not any(i.claim.doc in hidden for i in view.items)
    assert [i for i in view.items if i.claim.doc not in hidden] == [i for i in ctx.items if i.claim.doc not in hidden]
