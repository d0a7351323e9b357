"""``check_draft`` against a ``WarmCorpus`` gives what ``run_checks`` gives for the same
draft with the whole corpus: the same findings in the same order, the same comparisons,
the same notes of the checks; and a check leaves the warm corpus as it was, whatever the
draft."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.check.engine import run_checks
from factcheck.check.warm import WarmCorpus, check_draft
from factcheck.extract.documents import extract_documents
from factcheck.load import load_documents

REPO = Path(__file__).resolve().parents[2]


def _generated(count: int, seed: int, role: str):  # noqa: ANN202
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import corpus as generator
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = generator.write_corpus(Path(tmp) / "corpus", count, seed=seed)
        return [d.model_copy(update={"role": role}) for d in load_documents([str(folder)], role="corpus")]


@pytest.fixture(scope="module")
def world():  # noqa: ANN201
    rules = pipeline.load_rule_set(None)
    gazetteer = pipeline.gazetteer_for(rules)
    corpus_docs = _generated(150, seed=21, role="corpus")
    corpus_claims = extract_documents(corpus_docs, gazetteer)
    warm = WarmCorpus.of(rules, corpus_docs, corpus_claims)
    drafts = _generated(12, seed=77, role="checked")
    _CORPUS[id(warm)] = (corpus_docs, corpus_claims)
    return rules, gazetteer, warm, drafts


# The corpus each warm corpus of ``world`` was made of, every claim of it.
_CORPUS: dict[int, tuple[list, list]] = {}


def _cold(rules, warm: WarmCorpus, draft, claims):  # noqa: ANN001, ANN202
    """``run_checks`` on the draft and the whole corpus, every claim of it (the warm
    corpus keeps only the claims some check may cite for a draft)."""
    corpus_docs, corpus_claims = _CORPUS[id(warm)]
    return run_checks(rules, [draft, *corpus_docs], list(claims) + list(corpus_claims), jobs=1)


def test_a_draft_checked_against_the_warm_corpus_gets_what_a_cold_run_gets(world) -> None:  # noqa: ANN001
    rules, gazetteer, warm, drafts = world
    findings = comparisons = 0
    for draft in drafts:
        claims = extract_documents([draft], gazetteer)
        cold = _cold(rules, warm, draft, claims)
        hot = check_draft(warm, [draft], claims)
        assert [f.model_dump_json() for f in hot.findings] == [f.model_dump_json() for f in cold.findings]
        own = {c.id for c in claims}
        assert hot.comparisons == [c for c in cold.comparisons if c.claim in own]
        assert [a.model_dump_json() for a in hot.agreement_records()] == [
            a.model_dump_json() for a in cold.agreement_records() if a.claim in own
        ]
        assert [c.model_dump_json() for c in hot.claims] == [c.model_dump_json() for c in cold.claims if c.id in own]
        findings += len(hot.findings)
        comparisons += len(hot.comparisons)
    assert findings >= 5 and comparisons >= 20  # the drafts do meet the corpus


def test_checking_drafts_leaves_the_warm_corpus_as_it_was(world) -> None:  # noqa: ANN001
    rules, gazetteer, warm, drafts = world
    before = [(i.claim.id, i.rank, i.checked, i.evidence) for i in warm.items]
    groups = {f: [i.claim.id for i in g] for f, g in warm.context.groups.items()}
    first = [check_draft(warm, [d], extract_documents([d], gazetteer)) for d in drafts[:4]]
    again = [check_draft(warm, [d], extract_documents([d], gazetteer)) for d in drafts[:4]]
    assert [[f.id for f in r.findings] for r in first] == [[f.id for f in r.findings] for r in again]
    assert [(i.claim.id, i.rank, i.checked, i.evidence) for i in warm.items] == before
    assert {f: [i.claim.id for i in g] for f, g in warm.context.groups.items()} == groups


def test_a_draft_whose_figures_the_corpus_lacks_is_judged_on_its_own_claims(world) -> None:  # noqa: ANN001
    """No corpus claim of its figures: the draft's claims are each other's evidence, as
    in a run of the draft alone."""
    rules, gazetteer, _, drafts = world
    empty = WarmCorpus(rules, [], [])
    for draft in drafts[:4]:
        claims = extract_documents([draft], gazetteer)
        alone = run_checks(rules, [draft], list(claims), jobs=1)
        hot = check_draft(empty, [draft], claims)
        assert [f.model_dump_json() for f in hot.findings] == [f.model_dump_json() for f in alone.findings]
