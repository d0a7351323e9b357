"""The pipeline: load → extract → match and check → report.

One function per stage, so the CLI, the tests and the benchmarks run exactly the same
code: ``load_inputs`` reads the checked documents and the corpus, ``extract_documents``
turns each document into claims with stable ids, and ``check`` runs the rules.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.models import Claim, Document, Report, Severity
from factcheck.resources import default_corpus, default_rules

if TYPE_CHECKING:
    from factcheck.extract.context.gazetteer import Gazetteer
    from factcheck.load import MetadataOverrides
    from factcheck.rules.schema import RuleSet

Warn = Callable[[str], None]
# A progress bar factory: progress(description, total) -> context giving advance().
Progress = Callable[[str, int], AbstractContextManager[Callable[..., None]]]

# A corpus folder's drafts/ holds unpublished copy (the shipped sample drafts live in
# seeds/drafts/): it is checked when named, never used as evidence.
DRAFTS_DIR = "drafts"


def _ignore(_: str) -> None:
    return None


@dataclass
class Inputs:
    checked: list[Document]
    corpus: list[Document]

    @property
    def documents(self) -> list[Document]:
        return self.checked + self.corpus


@dataclass
class RunResult:
    """A run's report and the rule set it was checked with (formatters describe rules)."""

    report: Report
    rule_set: RuleSet


def load_inputs(
    paths: Sequence[str],
    corpus: Path | None,
    overrides: MetadataOverrides | None = None,
    warn: Warn = _ignore,
    use_corpus: bool = True,
) -> Inputs:
    """Read the documents to check and the corpus to check them against.

    Without ``paths`` the corpus checks itself: every corpus document is "checked"
    (CONTRACT.md). A checked file that also lies in the corpus is not its own evidence.
    """
    from factcheck.load import load_documents

    corpus_docs: list[Document] = []
    if use_corpus:
        root = corpus if corpus is not None else default_corpus()
        corpus_docs = [
            d for d in load_documents([str(root)], role="corpus", warn=warn) if not _is_draft(d, root)
        ]
        if corpus is None:
            # The shipped corpus is reported as "seeds/..." wherever the package is
            # installed, so ids and reports do not depend on the installation path.
            corpus_docs = [_rebase(d, root, "seeds") for d in corpus_docs]
    if not paths:
        return Inputs(checked=[d.model_copy(update={"role": "checked"}) for d in corpus_docs], corpus=[])
    checked = load_documents(list(paths), role="checked", overrides=overrides, warn=warn)
    checked_files = {_real(d.path) for d in checked}
    corpus_docs = [d for d in corpus_docs if _real(d.path) not in checked_files]
    return Inputs(checked=checked, corpus=corpus_docs)


def _rebase(doc: Document, root: Path, shown_as: str) -> Document:
    from factcheck.load.ids import document_id

    file_part, hash_sign, record = doc.path.partition("#")
    try:
        relative = Path(file_part).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return doc
    path = f"{shown_as}/{relative}{hash_sign}{record}"
    return doc.model_copy(update={"path": path, "id": document_id(path)})


def _is_draft(doc: Document, root: Path) -> bool:
    file_part = doc.path.partition("#")[0]
    try:
        relative = Path(file_part).resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return DRAFTS_DIR in relative.parts[:-1]


def _real(path: str) -> str:
    # "archive.jsonl#3" names a record; the file part decides whether two are the same.
    file_part, _, record = path.partition("#")
    try:
        resolved = str(Path(file_part).resolve())
    except OSError:
        resolved = file_part
    return f"{resolved}#{record}" if record else resolved


def claim_id(doc_id: str, start: int, end: int, surface: str) -> str:
    """Stable claim id: the same document, position and surface give the same id."""
    digest = hashlib.sha256(f"{doc_id}\0{start}\0{end}\0{surface}".encode()).hexdigest()
    return f"{doc_id}-{digest[:10]}"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def extract_document(doc: Document, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """The claims of one document, with ids, document id and source line/column set."""
    from factcheck.extract import extract

    found = extract(doc.text, doc.published, gazetteer)
    starts = _line_starts(doc.text)
    claims: list[Claim] = []
    for c in found:
        line_index = bisect_right(starts, c.start) - 1
        claims.append(
            c.model_copy(
                update={
                    "id": claim_id(doc.id, c.start, c.end, c.surface),
                    "doc": doc.id,
                    "line": line_index + 1 + doc.line_offset,
                    "column": c.start - starts[line_index] + 1,
                }
            )
        )
    return claims


def extract_documents(
    docs: Sequence[Document], gazetteer: Gazetteer | None = None, advance: Callable[[], None] | None = None
) -> list[Claim]:
    """The claims of every document, in document order; ``advance`` is called after each
    document (a progress bar)."""
    claims: list[Claim] = []
    for doc in docs:
        claims.extend(extract_document(doc, gazetteer))
        if advance is not None:
            advance()
    return claims


def load_rule_set(rules: Path | None) -> RuleSet:
    from factcheck.rules.load import load_rules

    if rules is not None:
        return load_rules([rules])
    return load_rules([default_rules()], shown_as=["rules"])


def gazetteer_for(rule_set: RuleSet) -> Gazetteer | None:
    from factcheck.extract.context.gazetteer import Gazetteer

    return Gazetteer(rule_set.places) if rule_set.places else None


def extract_report(
    paths: Sequence[str],
    rules: Path | None = None,
    overrides: MetadataOverrides | None = None,
    warn: Warn = _ignore,
    progress: Progress | None = None,
) -> RunResult:
    """``factcheck extract``: the claims of the given documents, no checks."""
    rule_set = load_rule_set(rules)
    inputs = load_inputs(paths, None, overrides, warn, use_corpus=False)
    claims = _extract_with_progress(inputs.checked, gazetteer_for(rule_set), progress)
    return RunResult(Report(documents=inputs.checked, claims=claims), rule_set)


def _extract_with_progress(
    docs: Sequence[Document], gazetteer: Gazetteer | None, progress: Progress | None
) -> list[Claim]:
    if progress is None:
        return extract_documents(docs, gazetteer)
    with progress("Extracting claims", len(docs)) as advance:
        return extract_documents(docs, gazetteer, advance)


def run(
    paths: Sequence[str],
    corpus: Path | None = None,
    rules: Path | None = None,
    as_of: date | None = None,
    overrides: MetadataOverrides | None = None,
    severity_overrides: Mapping[str, Severity] | None = None,
    warn: Warn = _ignore,
    progress: Progress | None = None,
) -> RunResult:
    """``factcheck run``: check ``paths`` (or the corpus itself) against the corpus."""
    from factcheck.engine import run_checks

    rule_set = load_rule_set(rules)
    inputs = load_inputs(paths, corpus, overrides, warn)
    documents = inputs.documents
    claims = _extract_with_progress(documents, gazetteer_for(rule_set), progress)
    result = run_checks(rule_set, documents, claims, as_of=as_of, severity_overrides=severity_overrides)
    report = Report(
        documents=documents + list(result.reference_documents),
        claims=list(result.claims) + list(result.reference_claims),
        findings=list(result.findings),
        notes=list(result.notes),
        agreements=result.agreement_records(),
    )
    return RunResult(report, rule_set)
