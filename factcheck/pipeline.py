"""The pipeline: load → extract → match and check → report.

One function per stage, so the CLI, the tests and the benchmarks run exactly the same
code: ``load_inputs`` reads the checked documents and the corpus, ``extract_documents``
turns each document into claims with stable ids (in worker processes with ``jobs``,
skipping what a claim index already has with ``index``; see ``factcheck.extract.parallel`` and
``factcheck.extract.index``), and ``check`` runs the rules.
"""

from __future__ import annotations

import hashlib
import os
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.util import gcpause
from factcheck.models import Claim, Document, Report, Severity
from factcheck.util.resources import default_corpus, default_rules

if TYPE_CHECKING:
    from factcheck.extract.context.gazetteer import Gazetteer
    from factcheck.extract.index import ClaimIndex
    from factcheck.load import MetadataOverrides
    from factcheck.extract.parallel import Extractor
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

    return _identified(doc, extract(doc.text, doc.published, gazetteer))


# Claims made here share one set of "fields set" (every field is set): pydantic keeps a
# set per model instance otherwise, about 2 KB each, the largest part of a claim's memory.
_ALL_FIELDS = set(Claim.model_fields)


def _identified(doc: Document, found: Sequence[Claim]) -> list[Claim]:
    """Claims as extraction returns them, given their ids, document and line/column.

    The claims are built with ``model_construct`` from already validated values (no
    validation twice); claims quoting the same sentence share one string."""
    starts = _line_starts(doc.text)
    sentences: dict[str, str] = {}
    claims: list[Claim] = []
    for c in found:
        line_index = bisect_right(starts, c.start) - 1
        values = dict(c.__dict__)
        values.update(
            id=claim_id(doc.id, c.start, c.end, c.surface),
            doc=doc.id,
            line=line_index + 1 + doc.line_offset,
            column=c.start - starts[line_index] + 1,
            sentence=sentences.setdefault(c.sentence, c.sentence),
        )
        claims.append(Claim.model_construct(_fields_set=_ALL_FIELDS, **values))
    return claims


def extract_documents(
    docs: Sequence[Document],
    gazetteer: Gazetteer | None = None,
    advance: Callable[..., None] | None = None,
    *,
    jobs: int | None = 1,
    index: ClaimIndex | None = None,
) -> list[Claim]:
    """The claims of every document, in document order; ``advance`` is called after each
    document (a progress bar).

    ``jobs``: worker processes (None: one per core; inputs under
    ``factcheck.extract.parallel.PARALLEL_MIN_CHARS`` characters stay in this process). The
    result does not depend on it. ``index``: an open claim index; documents it has are
    not extracted again, and fresh extractions are added to it. Claims get the same ids
    either way: ids, document and line numbers are set here, after the index.
    """
    return _extract_all(docs, gazetteer, jobs=jobs, index=index, progress=None, advance=advance)


def _extract_all(
    docs: Sequence[Document],
    gazetteer: Gazetteer | None,
    *,
    jobs: int | None,
    index: ClaimIndex | None,
    progress: Progress | None,
    advance: Callable[..., None] | None = None,
    extractor: Extractor | None = None,
    tally: ExtractionTally | None = None,
) -> list[Claim]:
    """``extract_documents``, with a progress bar factory, optionally a worker pool
    started earlier (``_early_extractor``), and ``tally`` filled in."""
    from factcheck.extract.index import key_for

    keys = [key_for(d.text, d.published) for d in docs]
    stored = index.lookup(keys) if index is not None else {}
    if index is not None:
        for doc, key in zip(docs, keys, strict=True):
            path = _index_path(doc)
            if path is not None:
                index.seen(path, key, len(doc.text))
    # Each distinct (text, date) is extracted (or decoded from the index) once: syndicated
    # copies and repeated records cost one extraction. Claims get their ids as soon as
    # they arrive, so only one document's raw claims are held at a time.
    positions: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(keys):
        positions.setdefault(key, []).append(i)
    todo = [places[0] for key, places in positions.items() if key not in stored]
    if tally is not None:
        tally.extracted = len(todo)
        tally.unchanged = sum(len(positions[key]) for key in stored)
        tally.copies = len(docs) - tally.extracted - tally.unchanged
    per_doc: list[list[Claim]] = [[] for _ in docs]

    def place(key: tuple[str, str], raw: list[Claim]) -> int:
        for i in positions[key]:
            per_doc[i] = _identified(docs[i], raw)
        return len(positions[key])

    chars = sum(len(docs[i].text) for i in todo)
    # The worker pool starts before the progress bar (a thread), so workers can be forked.
    if extractor is None:
        from factcheck.extract.parallel import Extractor

        extractor = Extractor(gazetteer, jobs, chars=chars, documents=len(todo))
    with extractor:
        bar = progress("Extracting claims", len(docs)) if progress is not None else nullcontext(advance)
        with bar as step:
            reused = sum(place(key, entry.claims()) for key, entry in stored.items())
            if step is not None and reused:
                step(reused)
            tasks = [(docs[i].text, docs[i].published) for i in todo]
            for i, claims in zip(todo, extractor.map(tasks), strict=True):
                if index is not None:
                    index.add(keys[i], len(docs[i].text), claims)
                placed = place(keys[i], claims)
                if step is not None:
                    step(placed)
    if index is not None:
        index.flush()
    return [claim for claims in per_doc for claim in claims]


def _index_path(doc: Document) -> str | None:
    """The path the index records a document under: the real file (and record), or the
    path as reported when there is no such file (standard input is not recorded)."""
    if doc.path.startswith("<"):
        return None
    file_part = doc.path.partition("#")[0]
    return _real(doc.path) if os.path.exists(file_part) else doc.path


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
    jobs: int | None = None,
    index: Path | None = None,
) -> RunResult:
    """``factcheck extract``: the claims of the given documents, no checks.

    ``jobs``: worker processes for extraction (None: one per core); ``index``: a claim
    index file to read claims from and add fresh extractions to (None: nothing is
    written anywhere)."""
    rule_set = load_rule_set(rules)
    gazetteer = gazetteer_for(rule_set)
    documents, claims = _load_and_extract(
        paths, lambda: load_inputs(paths, None, overrides, warn, use_corpus=False).checked,
        gazetteer, jobs, index, progress,
    )
    return RunResult(Report(documents=documents, claims=claims), rule_set)


def _load_and_extract(
    sources: Sequence[str],
    load: Callable[[], list[Document]],
    gazetteer: Gazetteer | None,
    jobs: int | None,
    index: Path | None,
    progress: Progress | None,
) -> tuple[list[Document], list[Claim]]:
    """The documents ``load()`` reads from ``sources`` and their claims; a worker pool
    starts before the reading when the files are large (``_early_extractor``)."""
    early = _early_extractor(sources, gazetteer, jobs, index)
    # Stops the workers if loading fails; after extraction, leaving it does nothing.
    with early if early is not None else nullcontext():
        documents = load()
        with open_index(index, gazetteer) as claim_index:
            claims = _extract_all(
                documents, gazetteer, jobs=jobs, index=claim_index, progress=progress, extractor=early
            )
    return documents, claims


def _early_extractor(
    paths: Sequence[str], gazetteer: Gazetteer | None, jobs: int | None, index: Path | None
) -> Extractor | None:
    """A worker pool to start before the documents are read, when the files are large
    enough to be extracted in parallel anyway: the workers warm up (patterns, units,
    gazetteer) while this process reads. Not with an index, which may make extraction
    unnecessary."""
    from factcheck.extract.parallel import Extractor, input_size, parallel_min_chars

    if index is not None or (jobs is not None and jobs <= 1):
        return None
    enough = parallel_min_chars()
    size, files = input_size(paths, enough)
    if size < enough or files < 2:
        return None
    return Extractor(gazetteer, jobs, chars=size, documents=files, min_chars=enough)


@contextmanager
def open_index(path: Path | None, gazetteer: Gazetteer | None) -> Iterator[ClaimIndex | None]:
    """The claim index at ``path`` for this extractor (``default``: the user cache
    directory's), or None without a path."""
    if path is None:
        yield None
        return
    from factcheck.extract.index import ClaimIndex, extractor_version, resolve_index_path

    with ClaimIndex.open(resolve_index_path(path), extractor_version(gazetteer)) as index:
        yield index


def index_documents(
    paths: Sequence[str],
    index: Path | None = None,
    rules: Path | None = None,
    warn: Warn = _ignore,
    progress: Progress | None = None,
    jobs: int | None = None,
) -> IndexRun:
    """``factcheck index PATH...``: add the claims of every document (drafts folders
    included) to the claim index (default: the user cache directory's)."""
    from factcheck.extract.index import default_index_path
    from factcheck.load import load_documents

    rule_set = load_rule_set(rules)
    gazetteer = gazetteer_for(rule_set)
    docs = load_documents(list(paths), role="corpus", warn=warn)
    with open_index(index if index is not None else default_index_path(), gazetteer) as claim_index:
        assert claim_index is not None
        tally = ExtractionTally()
        claims = _extract_all(docs, gazetteer, jobs=jobs, index=claim_index, progress=progress, tally=tally)
        return IndexRun(
            path=claim_index.path,
            documents=len(docs),
            extracted=tally.extracted,
            reused=tally.unchanged,
            copies=tally.copies,
            claims=len(claims),
        )


@dataclass
class ExtractionTally:
    """Where the claims of a run's documents came from: ``extracted`` texts read now,
    documents whose text the index ``unchanged`` had, and ``copies``: documents with
    the same text (and date) as one extracted now, which take its claims. They add up
    to the documents."""

    extracted: int = 0
    unchanged: int = 0
    copies: int = 0


@dataclass
class IndexRun:
    """What ``index_documents`` did: documents read, how many were extracted afresh,
    how many the index already had, and how many repeat a document extracted now."""

    path: Path
    documents: int
    extracted: int
    reused: int
    claims: int
    copies: int = 0


def run(
    paths: Sequence[str],
    corpus: Path | None = None,
    rules: Path | None = None,
    as_of: date | None = None,
    overrides: MetadataOverrides | None = None,
    severity_overrides: Mapping[str, Severity] | None = None,
    warn: Warn = _ignore,
    progress: Progress | None = None,
    jobs: int | None = None,
    index: Path | None = None,
) -> RunResult:
    """``factcheck run``: check ``paths`` (or the corpus itself) against the corpus.

    ``jobs`` and ``index`` as for ``extract_report``."""
    from factcheck.check.engine import run_checks
    from factcheck.extract.parallel import default_jobs

    jobs = default_jobs() if jobs is None else jobs  # extraction's default, for the checks too
    rule_set = load_rule_set(rules)
    gazetteer = gazetteer_for(rule_set)
    sources = list(paths) + [str(corpus if corpus is not None else default_corpus())]
    documents, claims = _load_and_extract(
        sources, lambda: load_inputs(paths, corpus, overrides, warn).documents, gazetteer, jobs, index, progress
    )
    with gcpause.paused():
        result = run_checks(rule_set, documents, claims, as_of=as_of, severity_overrides=severity_overrides, jobs=jobs)
        report = Report(
            documents=documents + list(result.reference_documents),
            claims=list(result.claims) + list(result.reference_claims),
            findings=list(result.findings),
            notes=list(result.notes),
            agreements=result.agreement_records(),
        )
    return RunResult(report, rule_set)
