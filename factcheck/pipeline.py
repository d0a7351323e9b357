"""The pipeline: load → extract → rules → match and check → suppress → report.

One function per command, so the CLI, the tests and the benchmarks run exactly the same
code: ``run`` (``factcheck run``: load the documents and the corpus, extract, check,
apply suppressions), ``extract_report`` (``factcheck extract``) and ``index_documents``
(``factcheck index``). What a run is given besides the documents is one ``RunOptions``
record. Each stage lives in its package (``factcheck.load``, ``factcheck.extract``,
``factcheck.rules``, ``factcheck.match``, ``factcheck.check``, ``factcheck.suppress``);
this module only strings them together, and records the files the run read
(``factcheck.load.files.InputFiles``) so that nothing it read is written over.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.check import REGISTRY
from factcheck.check.budget import ID as BUDGET
from factcheck.check.budget import budget_of, describe
from factcheck.check.engine import run_checks
from factcheck.check.merge import merge_findings
from factcheck.errors import UsageError
from factcheck.extract.budget import Budget, may_be_cut, read_plan
from factcheck.extract.context.gazetteer import Gazetteer, gazetteer_of
from factcheck.extract.documents import (
    Extracting,
    ExtractionTally,
    Progress,
    early_extractor,
    extract_documents,
    open_index,
    real_path,
)
from factcheck.extract.index import IndexFormat, default_index_path
from factcheck.errors import InputError
from factcheck.extract.parallel import default_jobs
from factcheck.load import MetadataOverrides, load_documents
from factcheck.load.files import InputFiles, recording
from factcheck.load.ids import document_id
from factcheck.models import Claim, DocPath, Document, Report, Severity
from factcheck.rules.load import RULE_SUFFIXES, load_rules
from factcheck.rules.schema import RuleSet
from factcheck.suppress import apply_suppressions
from factcheck.suppress.baseline import Baseline
from factcheck.util import gcpause
from factcheck.util.resources import default_corpus, default_rules

if TYPE_CHECKING:
    from factcheck.cluster import ClusterSession

Warn = Callable[[str], None]

# A document of at least this many characters is announced as it is read, even with
# --quiet: a long one takes a while, and a silent terminal looks like a hang.
LONG_DOCUMENT_CHARS = 2**20

# A corpus folder's drafts/ holds unpublished copy (the shipped sample drafts live in
# seeds/drafts/): it is checked when named, never used as evidence.
DRAFTS_DIR = "drafts"


def _ignore(_: str) -> None:
    return None


@dataclass(frozen=True)
class RuleSources:
    """Which rule folders a run loads, and why each: the shipped rules (unless
    ``defaults`` is False: ``--no-default-rules``), then each folder ``added`` (``--rules``
    or the configuration's ``rules``), whose reason ``why`` gives by position."""

    added: tuple[Path, ...] = ()
    defaults: bool = True
    why: tuple[str, ...] = ()

    @classmethod
    def of(cls, rules: RuleSources | Path | Sequence[Path] | None) -> RuleSources:
        """A bare folder, or a list of them, is added to the shipped rules."""
        if isinstance(rules, RuleSources):
            return rules
        if rules is None:
            return cls()
        folders = (Path(rules),) if isinstance(rules, str | Path) else tuple(Path(r) for r in rules)
        return cls(folders, True, ("--rules",) * len(folders))

    def folders(self) -> list[tuple[Path, str | None, str]]:
        """Each folder with how its files are shown (None: as given) and why it is loaded."""
        out: list[tuple[Path, str | None, str]] = []
        shipped = default_rules()
        if self.defaults:
            out.append((shipped, "rules", "shipped default"))
        for k, folder in enumerate(self.added):
            if self.defaults and names_shipped_rules(Path(folder)):
                continue  # the shipped folder named again ("--rules rules/" in a checkout) is loaded once
            out.append((folder, None, self.why[k] if k < len(self.why) else "--rules"))
        return out


def names_shipped_rules(folder: Path) -> bool:
    """Whether ``folder`` is the shipped rule folder: the same folder, or one whose rule
    files are the shipped ones byte for byte (a checkout's ``rules/`` beside an
    installed package, which reads its own copy of them)."""
    shipped = default_rules()
    try:
        if folder.resolve() == shipped.resolve():
            return True
        if not folder.is_dir():
            return False

        def files(at: Path) -> dict[str, Path]:
            return {p.name: p for p in at.iterdir() if p.suffix in RULE_SUFFIXES and p.is_file()}

        mine, theirs = files(folder), files(shipped)
        return mine.keys() == theirs.keys() and all(mine[n].read_bytes() == theirs[n].read_bytes() for n in mine)
    except OSError:
        return False


@dataclass(frozen=True)
class RunOptions:
    """What a run is given besides the documents to check.

    ``corpus``: a folder (None: the shipped one). ``rules``: the rule folders
    (``RuleSources``; a folder or a list of them is added to the shipped rules). ``as_of``: judge every
    claim at this date instead of its document's. ``overrides``: metadata of the checked
    documents. ``severity``: severities by check id. ``baseline``: findings to report as
    suppressed. ``jobs``: processes (None: one per core). ``index``: a claim index file
    to reuse and fill (``index_format`` "parquet": a folder of Parquet partitions). ``warn`` and ``progress``: how to tell the user. ``cluster``: a
    Dask cluster (``factcheck.cluster``) that extracts and checks instead of local
    processes; the output is the same. ``strict_records``: a bad record of a JSON or
    JSON Lines file refuses the file (else the other records are checked and the bad
    ones are listed in ``RunResult.bad_records``). ``notice``: what the user is told
    even in a quiet run (a long document being read)."""

    corpus: Path | None = None
    rules: RuleSources | Path | Sequence[Path] | None = None
    as_of: date | None = None
    overrides: MetadataOverrides | None = None
    severity: Mapping[str, Severity] = field(default_factory=dict)
    baseline: Baseline | None = None
    jobs: int | None = None
    index: Path | None = None
    warn: Warn = _ignore
    progress: Progress | None = None
    cluster: ClusterSession | None = None
    index_format: IndexFormat = "sqlite"
    strict_records: bool = False
    notice: Warn = _ignore

    def bad_records(self) -> list[InputError] | None:
        """The list a run collects its bad records in (None: strict, a bad one raises)."""
        return None if self.strict_records else []


@dataclass
class Inputs:
    checked: list[Document]
    corpus: list[Document]

    @property
    def documents(self) -> list[Document]:
        return self.checked + self.corpus


@dataclass
class RunResult:
    """A run's report, the rule set it was checked with (formatters describe rules) and
    the files it read (never to be written over). ``bad_records``: the records of JSON
    and JSON Lines files that could not be read, left out of the report."""

    report: Report
    rule_set: RuleSet
    inputs: InputFiles = field(default_factory=InputFiles)
    bad_records: list[InputError] = field(default_factory=list)
    # The warnings told the user as the run went (``Said``), also in the report's notes:
    # the CLI does not repeat them after the report.
    said: list[str] = field(default_factory=list)


class Said:
    """A ``Warn`` that also keeps what it said: the warnings of reading (a legacy encoding
    guessed, a bad record skipped) and of the budget (a part left unread) are told at
    once, and the report carries them as notes, so a JSON, SARIF or GitHub report says
    what standard error said."""

    def __init__(self, warn: Warn) -> None:
        self._warn = warn
        self.messages: list[str] = []

    def __call__(self, message: str) -> None:
        self.messages.append(message)
        self._warn(message)

    def notes(self) -> list[str]:
        """The report's notes for them (``warning: `` as every warning note)."""
        return [f"warning: {m}" for m in self.messages]


def load_inputs(
    paths: Sequence[str],
    corpus: Path | None,
    overrides: MetadataOverrides | None = None,
    warn: Warn = _ignore,
    use_corpus: bool = True,
    bad_records: list[InputError] | None = None,
) -> Inputs:
    """Read the documents to check and the corpus to check them against.

    Without ``paths`` the corpus checks itself: every corpus document is "checked"
    (CONTRACT.md). A checked file that also lies in the corpus is not its own evidence.
    ``bad_records``: see ``load_documents``.
    """
    corpus_docs: list[Document] = []
    if use_corpus:
        root = corpus if corpus is not None else default_corpus()
        corpus_docs = [
            d for d in load_documents([str(root)], role="corpus", warn=warn, bad_records=bad_records)
            if not _is_draft(d, root)
        ]
        if corpus is None:
            # The shipped corpus is reported as "seeds/..." wherever the package is
            # installed, so ids and reports do not depend on the installation path.
            corpus_docs = [_rebase(d, root, "seeds") for d in corpus_docs]
    if not paths:
        return Inputs(checked=[d.model_copy(update={"role": "checked"}) for d in corpus_docs], corpus=[])
    checked = load_documents(list(paths), role="checked", overrides=overrides, warn=warn, bad_records=bad_records)
    checked_files = {real_path(d.path) for d in checked}
    corpus_docs = [d for d in corpus_docs if real_path(d.path) not in checked_files]
    return Inputs(checked=checked, corpus=corpus_docs)


def _relative(doc: Document, root: Path) -> Path | None:
    try:
        return Path(DocPath.parse(doc.path).file).resolve().relative_to(root.resolve())
    except ValueError:
        return None


def _rebase(doc: Document, root: Path, shown_as: str) -> Document:
    relative = _relative(doc, root)
    if relative is None:
        return doc
    path = str(DocPath.parse(doc.path).with_file(f"{shown_as}/{relative.as_posix()}"))
    return doc.model_copy(update={"path": path, "id": document_id(path)})


def _is_draft(doc: Document, root: Path) -> bool:
    relative = _relative(doc, root)
    return relative is not None and DRAFTS_DIR in relative.parts[:-1]


def load_rule_set(rules: RuleSources | Path | Sequence[Path] | None) -> RuleSet:
    """The rule files of ``rules`` (``RuleSources.of``: a folder is added to the shipped
    rules), with factcheck's check kinds. No folder at all is an error: nothing to check."""
    sources = RuleSources.of(rules)
    folders = sources.folders()
    if not folders:
        raise UsageError("--no-default-rules drops the shipped rules: give at least one --rules DIR")
    return load_rules([f for f, _, _ in folders], shown_as=[s for _, s, _ in folders], kinds=REGISTRY)


def gazetteer_for(rule_set: RuleSet) -> Gazetteer | None:
    """The places of ``rule_set`` (None: the shipped gazetteer)."""
    return gazetteer_of(rule_set.places)


def announce_long(documents: Sequence[Document], notice: Warn) -> None:
    """One line per long document ("reading big.txt (10.0 MiB of text)…")."""
    for doc in documents:
        if len(doc.text) >= LONG_DOCUMENT_CHARS:
            notice(f"reading {doc.path} ({len(doc.text) / 2**20:.1f} MiB of text)\u2026")


def warn_cuts(documents: Sequence[Document], rule_set: RuleSet, warn: Warn, checks: bool = True) -> None:
    """A warning for each part of a document the budget left unread that no finding
    reports: corpus documents (evidence not read), and every document when the rules
    have no ``budget`` check (or none runs: ``factcheck extract``)."""
    budget: Budget = budget_of(rule_set)
    reported = checks and any(r.kind == BUDGET for r in rule_set.checks)
    for doc in documents:
        if (reported and doc.role == "checked") or not may_be_cut(doc.text, budget):
            continue
        for cut in read_plan(doc.text, budget).cuts:
            warn(f"{doc.path}: not fully read: {describe(cut, doc)}")


def _load_and_extract(
    sources: Sequence[str],
    load: Callable[[], list[Document]],
    gazetteer: Gazetteer | None,
    jobs: int | None,
    index: Path | None,
    progress: Progress | None,
    cluster: ClusterSession | None = None,
    rule_set: RuleSet | None = None,
    index_format: IndexFormat = "sqlite",
    notice: Warn = _ignore,
) -> tuple[list[Document], list[Claim]]:
    """The documents ``load()`` reads from ``sources`` and their claims; a worker pool
    starts before the reading when the files are large (``early_extractor``), or the
    cluster's workers extract."""
    early: Extracting | None
    budget = budget_of(rule_set) if rule_set is not None else None
    if cluster is not None and rule_set is not None:
        early = cluster.extractor(rule_set, gazetteer)
    else:
        early = early_extractor(sources, gazetteer, jobs, index, budget)
    # Stops the workers if loading fails; after extraction, leaving it does nothing.
    with early if early is not None else nullcontext():
        documents = load()
        announce_long(documents, notice)
        with open_index(index, gazetteer, index_format, budget) as claim_index:
            claims = extract_documents(
                documents, gazetteer, jobs=jobs, index=claim_index, progress=progress, extractor=early, budget=budget,
            )
    return documents, claims


def run(paths: Sequence[str], options: RunOptions | None = None) -> RunResult:
    """``factcheck run``: check ``paths`` (or the corpus itself) against the corpus, then
    mark what the checked documents' markers and the baseline suppress."""
    opts = options if options is not None else RunOptions()
    said = Said(opts.warn)
    with recording() as inputs:
        jobs = default_jobs() if opts.jobs is None else opts.jobs  # extraction's default, for the checks too
        rule_set = load_rule_set(opts.rules)
        gazetteer = gazetteer_for(rule_set)
        sources = list(paths) + [str(opts.corpus if opts.corpus is not None else default_corpus())]
        bad_records = opts.bad_records()
        documents, claims = _load_and_extract(
            sources,
            lambda: load_inputs(paths, opts.corpus, opts.overrides, said, bad_records=bad_records).documents,
            gazetteer, jobs, opts.index, opts.progress, opts.cluster, rule_set, opts.index_format, opts.notice,
        )
        warn_cuts(documents, rule_set, said)
        executor = opts.cluster.checks(rule_set) if opts.cluster is not None else None
        with gcpause.paused():
            result = run_checks(
                rule_set, documents, claims, as_of=opts.as_of, severity_overrides=opts.severity, jobs=jobs,
                executor=executor,
            )
            report = Report(
                documents=documents,
                claims=list(result.claims),
                reference_series=list(result.reference_documents),
                references=list(result.reference_claims),
                findings=list(result.findings),
                notes=said.notes() + list(result.notes),
                agreements=result.agreement_records(),
            )
        report = apply_suppressions(report, report.documents, opts.baseline)
        # Suppressions silence one check's verdict; then one finding per claim and problem.
        order = {r.id: k for k, r in enumerate(rule_set.checks)}
        report = report.model_copy(update={"findings": merge_findings(report.findings, order)})
    return RunResult(report, rule_set, inputs, bad_records or [], said.messages)


def extract_report(paths: Sequence[str], options: RunOptions | None = None) -> RunResult:
    """``factcheck extract``: the claims of the given documents, no checks (the options
    it reads: ``rules`` for the places, ``overrides``, ``warn``, ``progress``, ``jobs``
    and ``index``)."""
    opts = options if options is not None else RunOptions()
    said = Said(opts.warn)
    with recording() as inputs:
        rule_set = load_rule_set(opts.rules)
        gazetteer = gazetteer_for(rule_set)
        bad_records = opts.bad_records()
        documents, claims = _load_and_extract(
            paths,
            lambda: load_inputs(
                paths, None, opts.overrides, said, use_corpus=False, bad_records=bad_records
            ).checked,
            gazetteer, opts.jobs, opts.index, opts.progress, opts.cluster, rule_set, opts.index_format, opts.notice,
        )
        warn_cuts(documents, rule_set, said, checks=False)
    report = Report(documents=documents, claims=claims, notes=said.notes())
    return RunResult(report, rule_set, inputs, bad_records or [], said.messages)


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
    bad_records: list[InputError] = field(default_factory=list)


def index_documents(
    paths: Sequence[str],
    index: Path | None = None,
    rules: RuleSources | Path | Sequence[Path] | None = None,
    warn: Warn = _ignore,
    progress: Progress | None = None,
    jobs: int | None = None,
    cluster: ClusterSession | None = None,
    index_format: IndexFormat = "sqlite",
    strict_records: bool = False,
    notice: Warn = _ignore,
) -> IndexRun:
    """``factcheck index PATH...``: add the claims of every document (drafts folders
    included) to the claim index (default: the user cache directory's; ``index_format``
    "parquet": a folder of Parquet partitions); with ``cluster``, extracted on its
    workers and written here. ``strict_records``: as in ``RunOptions``."""
    with recording():
        rule_set = load_rule_set(rules)
        gazetteer = gazetteer_for(rule_set)
        bad_records: list[InputError] | None = None if strict_records else []
        docs = load_documents(list(paths), role="corpus", warn=warn, bad_records=bad_records)
        announce_long(docs, notice)
        target = index if index is not None else default_index_path(index_format)
        budget = budget_of(rule_set)
        with open_index(target, gazetteer, index_format, budget) as claim_index:
            assert claim_index is not None
            tally = ExtractionTally()
            extractor = cluster.extractor(rule_set, gazetteer) if cluster is not None else None
            claims = extract_documents(
                docs, gazetteer, jobs=jobs, index=claim_index, progress=progress, tally=tally, extractor=extractor,
                budget=budget,
            )
            warn_cuts(docs, rule_set, warn, checks=False)
            return IndexRun(
                path=claim_index.path,
                documents=len(docs),
                extracted=tally.extracted,
                reused=tally.unchanged,
                copies=tally.copies,
                claims=len(claims),
                bad_records=bad_records or [],
            )
