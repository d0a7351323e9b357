"""The checks of one draft against a corpus kept warm: the corpus's items, groups and
evidence indexes are made once, and each draft adds only its own.

``run_checks(rules, [draft, *corpus], claims)`` makes an ``Item`` of every claim, sorts
every figure's group, and builds each figure's ``WindowIndex`` before it checks the
draft's few claims: for a server checking draft after draft against one archive, that
is the archive's cost on every request. ``WarmCorpus`` makes the corpus's part once.
``check_draft`` then assigns the draft's claims to figures, makes their items, and runs
every rule over a ``Context`` whose groups are the warm groups with the draft's items
merged in, sharing the warm evidence indexes wherever the draft adds no evidence to
them (its claims are checked, not evidence, once a corpus is there).

The result is the one ``run_checks`` gives for the draft with the corpus claims of the
figures it names (and of the figures a check reads with them, ``figure_neighbours``):
the same findings, comparisons and order. The draft's items rank before the corpus's
(negative ranks): ranks are only ever compared, and in a run of the draft with the
corpus the draft's claims come first too. ``tests/serve/test_serve_warm.py`` holds the
two to the same output.

Nothing of a ``WarmCorpus`` is changed by a check but the caches of its indexes, filled
on first use (each index is complete before it is stored), so concurrent checks may
share one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from functools import partial
from operator import attrgetter
from typing import Any

from factcheck.check import names as names_module
from factcheck.check.base import Context, Item, WindowIndex, date_key
from factcheck.check.engine import (
    UNPLACED,
    CheckResult,
    Placed,
    RuleRunner,
    gathered,
    make_item,
    may_see_out_of_scope,
    report_order,
)
from factcheck.check.parallel import RuleOutput
from factcheck.check.reference import reference_items
from factcheck.check.undefined import whole_items
from factcheck.extract.context.gazetteer import Gazetteer
from factcheck.match import Assignment, Matcher
from factcheck.match.figure import FigureMatcher
from factcheck.match.frames import FrameKey, frame_key, verb_classes
from factcheck.match.scope import scoped_run
from factcheck.models import Claim, Document
from factcheck.rules.schema import RuleSet
from factcheck.util import gcpause


class WarmCorpus:
    """The corpus side of many checks: its claims' items (ranks 0, 1, ...), the
    reference series' items, each figure's group, and their evidence indexes."""

    def __init__(
        self, rules: RuleSet, documents: Sequence[Document], pairs: Sequence[tuple[Claim, Assignment | None]],
        documents_out: Mapping[str, frozenset[str]] | None = None,
        names: Mapping[str, frozenset[str]] | None = None,
        wholes: Mapping[str, Claim] | None = None,
    ) -> None:
        """``pairs``: the corpus claims kept, in corpus order, with the figures they were
        assigned (within the scopes of the rule files), or None for a claim no figure
        claims that the rule-free check may compare (``frame_key``); ``documents_out``:
        by check id, the corpus documents out of the scope of its rule file
        (``factcheck.match.scope.ScopedRun``); ``names``: each document's names, read
        from all its claims (``names.documents_names``); ``wholes``: every corpus claim
        by id, the wholes a part's frame names (``frame_key``)."""
        self.rules = rules
        self.documents_out = dict(documents_out or {})
        self.documents = {d.id: d for d in documents}
        self._document_rank = {d: k for k, d in enumerate(self.documents)}
        placed = {d.id: Placed.of(d, False, None) for d in documents}
        made = [make_item(claim, placed.get(claim.doc, UNPLACED), rank, a) for rank, (claim, a) in enumerate(pairs)]
        self.items = [i for i in made if i.figure is not None]
        # The claims no figure claims, by frame (the groups of the rule-free check,
        # ``factcheck.check.undefined``): a draft's claim of a frame is compared with them.
        self.classes = verb_classes(rules.synonyms)
        self.by_frame: dict[FrameKey, list[Item]] = {}
        # The whole of each part kept, by claim id (a part's key names what its whole
        # counts; the check keys the parts again from the claims of its context).
        self.whole_of: dict[str, Item] = {}
        wholes = wholes or {}
        for item in made:
            if item.figure is None and (key := frame_key(item.claim, self.classes, wholes)) is not None:
                self.by_frame.setdefault(key, []).append(item)
                part_of = item.claim.frame.part_of if item.claim.frame is not None else None
                if part_of is not None and part_of in wholes and part_of not in self.whole_of:
                    whole = wholes[part_of]
                    self.whole_of[part_of] = make_item(whole, placed.get(whole.doc, UNPLACED), item.rank, None)
        self.names: Mapping[str, frozenset[str]] = names or {}
        self.reference_items, self.reference_docs = reference_items(rules, len(made))
        # Groups of corpus and reference items, and of reference items alone (a figure
        # the draft does not name is read only through its reference series).
        self.context = Context(rules, self.items + self.reference_items, None)
        self.references = Context(rules, self.reference_items, None)
        self.by_id: dict[str, Item] = {i.claim.id: i for i in made}
        self.by_id.update((i.claim.id, i) for i in self.reference_items)
        self.neighbours = figure_neighbours(rules)
        # Each figure's corpus items in corpus order (a draft's context lists those of
        # the figures it names without scanning the corpus).
        self.by_figure: dict[str, list[Item]] = {}
        for item in self.items:
            if item.figure is not None:
                self.by_figure.setdefault(item.figure.id, []).append(item)
        self._documents_of = {f: frozenset(i.claim.doc for i in items) for f, items in self.by_figure.items()}
        self._without: dict[frozenset[str], tuple[Context, dict[str, list[Item]]]] = {}
        # Whether a corpus or reference item is ever one of a checked document (a
        # corpus is evidence: none is, and a draft's checked items are its own).
        self.has_checked = any(i.checked for i in self.items) or any(i.checked for i in self.reference_items)
        # The rule set's places and compiled figures, made once: every draft's matcher
        # reads them (compiling them cost a draft's check a fifth of its time).
        self._compiled: tuple[Gazetteer, list[FigureMatcher]] | None = None

    def matcher(self, paths: Mapping[str, str]) -> Matcher:
        """A matcher of this corpus's rules for a run of the documents of ``paths``."""
        if self._compiled is None:
            first = Matcher(self.rules)
            self._compiled = (first.gazetteer, first.matchers)
        gazetteer, matchers = self._compiled
        return Matcher(self.rules, gazetteer, paths=paths, matchers=matchers)

    def document_rank(self, document: str) -> int:
        """Where ``document`` stands in the corpus's order."""
        return self._document_rank[document]

    def documents_of(self, figure: str) -> frozenset[str]:
        """The corpus documents with a claim of ``figure``."""
        return self._documents_of.get(figure, frozenset())

    def context_without(self, documents: frozenset[str]) -> tuple[Context, dict[str, list[Item]]]:
        """The warm context of the corpus items but those of ``documents`` (a scoped
        check may not see them) and its items by figure, made once per set of
        documents and kept, with the evidence indexes its checks fill, for every later
        draft."""
        found = self._without.get(documents)
        if found is None:
            kept = [i for i in self.items if i.claim.doc not in documents]
            by_figure: dict[str, list[Item]] = {}
            for item in kept:
                if item.figure is not None:
                    by_figure.setdefault(item.figure.id, []).append(item)
            found = (Context(self.rules, kept + self.reference_items, None), by_figure)
            if len(self._without) < _MAX_VIEWS:  # a few scoped checks: a few sets
                self._without[documents] = found
        return found

    def figure_items(self, figures: set[str], by_figure: Mapping[str, list[Item]] | None = None) -> list[Item]:
        """The corpus items of ``figures`` (in ``by_figure``, else the whole corpus's),
        in corpus order."""
        source = self.by_figure if by_figure is None else by_figure
        # Runs already in corpus order: sorting their concatenation merges them.
        return sorted((i for f in sorted(figures) for i in source.get(f, ())), key=_rank)

    @classmethod
    def of(cls, rules: RuleSet, documents: Sequence[Document], claims: Sequence[Claim]) -> WarmCorpus:
        """The warm corpus of ``documents`` (role "corpus") and their ``claims``: each
        claim assigned to a figure within the rule files' scopes, and the claims no
        figure claims whose frame the rule-free check groups (it cites them as evidence
        for a draft's claim of the same frame); the others are left out, and so are the
        documents left without a claim. Each kept document's names are read from all
        its claims, as a run reads them."""
        matcher = Matcher(rules, paths={d.id: d.path for d in documents})
        scoped = scoped_run(rules, list(documents), matcher.gazetteer)
        matcher.scope(scoped.figures_out)
        with gcpause.paused():
            found = matcher.assign_all(list(claims), {d.id: d.text for d in documents if d.text})
        classes = verb_classes(rules.synonyms)
        wholes = {c.id: c for c, _ in found if c.id and not c.unrepresentable}
        # The figure is written into the claim, for the report and ``claims_of``.
        pairs: list[tuple[Claim, Assignment | None]] = [
            (c.model_copy(update={"figure": a.figure.id}) if a is not None else c, a)
            for c, a in found
            if not c.unrepresentable and (a is not None or frame_key(c, classes, wholes) is not None)
        ]
        kept = {c.doc for c, _ in pairs}
        names = names_module.documents_names(
            {d.id: d.title for d in documents if d.id in kept},
            ((c.doc, c.sentence) for c, _ in found if c.doc in kept and not c.unrepresentable),
            rules.places,
        )
        warm = cls(rules, [d for d in documents if d.id in kept], pairs, scoped.documents_out, names, wholes)
        warm._compiled = (matcher.gazetteer, matcher.matchers)
        return warm

    def frame_items(self, keys: set[FrameKey], hidden: frozenset[str] = frozenset()) -> list[Item]:
        """The corpus items no figure claims of the frames ``keys``, but those of the
        documents ``hidden``, in corpus order."""
        return sorted((i for k in keys for i in self.by_frame.get(k, ()) if i.claim.doc not in hidden), key=_rank)

    def claims_of(self, figures: set[str]) -> list[Claim]:
        """The corpus claims of ``figures``, in corpus order."""
        return [i.claim for i in self.figure_items(figures)]


# Contexts without some documents a warm corpus keeps (one per scoped check, at most).
_MAX_VIEWS = 16


_rank = attrgetter("rank")


def _inserted(group: list[Item], mine: list[Item]) -> list[Item]:
    """``group`` (sorted by ``date_key``) with the few items ``mine`` put in their places."""
    out = list(group)
    for item in sorted(mine, key=date_key):
        out.insert(bisect_left(out, date_key(item), key=date_key), item)
    return out


def check_draft(
    warm: WarmCorpus, drafts: Sequence[Document], claims: Sequence[Claim], as_of: date | None = None,
) -> CheckResult:
    """Check the ``claims`` of ``drafts`` (role "checked") against the warm corpus and
    the rules' reference series, as ``run_checks`` would with the corpus claims of the
    figures they name. ``claims`` in the result are the drafts' (with ``figure`` set);
    ``notes`` those of matching the drafts and of the checks."""
    with gcpause.paused():
        return _check_draft(warm, drafts, claims, as_of)


def _check_draft(warm: WarmCorpus, drafts: Sequence[Document], claims: Sequence[Claim], as_of: date | None) -> CheckResult:
    rules = warm.rules
    matcher = warm.matcher({d.id: d.path for d in drafts})
    # The drafts against each scoped rule file, as a run of them with the corpus would.
    scoped = scoped_run(rules, list(drafts), matcher.gazetteer)
    matcher.scope(scoped.figures_out)
    pairs = matcher.assign_all(list(claims), {d.id: d.text for d in drafts if d.text})
    wanted: set[str] = set()
    for _, assignment in pairs:
        if assignment is not None:
            wanted |= warm.neighbours.get(assignment.figure.id, {assignment.figure.id})
    # As in a run of the drafts alone, drafts with no corpus claim to be judged against
    # are each other's evidence.
    self_check = not any(warm.context.group(f) and any(not i.is_reference for i in warm.context.group(f)) for f in wanted)
    placed = {d.id: Placed.of(d, self_check, as_of) for d in drafts}
    own: list[Item] = []
    assigned: list[Claim] = []
    for rank, (claim, assignment) in enumerate(pairs, start=-len(pairs)):
        figure_id = assignment.figure.id if assignment is not None else None
        if claim.figure != figure_id:
            claim = claim.model_copy(update={"figure": figure_id})
        assigned.append(claim)
        if not claim.unrepresentable:  # reported, but no check can compare its value
            own.append(make_item(claim, placed.get(claim.doc, UNPLACED), rank, assignment))
    ctx = DraftContext(warm, own, wanted, as_of)
    hidden = {
        check: out
        for check in set(warm.documents_out) | set(scoped.documents_out)
        if (out := warm.documents_out.get(check, frozenset()) | scoped.documents_out.get(check, frozenset()))
        and may_see_out_of_scope(rules, check)
    }
    run_rule = RuleRunner({}, hidden)
    outputs = [RuleOutput(*ctx.recorded(partial(run_rule, ctx, rule))) for rule in rules.checks]
    found = gathered(ctx, outputs)
    items: Mapping[str, Item] = ChainMap({i.claim.id: i for i in own}, warm.by_id)
    ordered = report_order(found, list(drafts), rules, items)
    cited = {e for f in ordered for e in f.evidence}
    ref_claims = [i.claim for i in warm.reference_items if i.id in cited]
    ref_doc_ids = {c.doc for c in ref_claims}
    return CheckResult(
        claims=assigned,
        findings=ordered,
        notes=matcher.notes + ctx.notes,
        reference_documents=[d for d in warm.reference_docs if d.id in ref_doc_ids],
        reference_claims=ref_claims,
        comparisons=ctx.comparisons,
        items=items,  # type: ignore[arg-type]
        kinds={r.id: r.kind for r in rules.checks},
    )


class DraftContext(Context):
    """A run's ``Context`` over the drafts' items and the warm corpus: the groups of the
    figures the drafts name (and their neighbours) are the warm ones with the drafts'
    items merged in, every other figure's its reference series alone."""

    def __init__(
        self, warm: WarmCorpus, own: list[Item], wanted: set[str], as_of: date | None,
        base: tuple[Context, dict[str, list[Item]]] | None = None, hidden: frozenset[str] = frozenset(),
    ) -> None:
        """``base``: the warm context whose groups this one's are, with its items by
        figure (None: the whole corpus's; else one without the documents ``hidden``,
        which a scoped check may not see, ``WarmCorpus.context_without``)."""
        self.warm = warm
        self.hidden = hidden
        self.wanted = wanted
        self.base, self._by_figure = base if base is not None else (warm.context, warm.by_figure)
        self.own: dict[str, list[Item]] = {}
        for item in own:
            if item.figure is not None:
                self.own.setdefault(item.figure.id, []).append(item)
        groups: dict[str, list[Item]] = dict(warm.references.groups)
        for figure in wanted:
            warm_group = self.base.group(figure)
            groups[figure] = _inserted(warm_group, self.own[figure]) if figure in self.own else warm_group
        super().__init__(warm.rules, [], as_of, groups=groups)
        self._own_items = own
        self._draft_documents = frozenset(i.claim.doc for i in own)
        self._all: list[Item] | None = None
        self._frames: list[Item] | None = None
        # The drafts' names are read from their items, the corpus documents' as a run
        # of the whole corpus reads them (from all their claims, not only those kept).
        names_module.seed(self, names_module.item_texts(own), warm.names)

    @property
    def items(self) -> list[Item]:
        """The drafts' items, then, in corpus order, the corpus items of the figures they
        name and those no figure claims of the frames of the drafts' own such claims,
        then the reference series' (made when a check first asks: the checks of figures
        never do)."""
        if self._all is None:
            corpus = self.warm.figure_items(self.wanted, self._by_figure)
            framed = self._framed()
            wholes: list[Item] = []
            if framed:
                corpus = sorted(corpus + framed, key=_rank)
                # The wholes the parts among them name, for keying them as a run does.
                wholes = whole_items(corpus, self.warm.whole_of)
            self._all = self._own_items + corpus + wholes + self.warm.reference_items
        return self._all

    def _framed(self) -> list[Item]:
        """The corpus items no figure claims of the frames of the drafts' own such items
        (the rule-free check's evidence), in corpus order."""
        if self._frames is None:
            wholes = {i.claim.id: i.claim for i in self._own_items if i.claim.id}
            keys = {
                key for i in self._own_items
                if i.figure is None and (key := frame_key(i.claim, self.warm.classes, wholes)) is not None
            }
            self._frames = self.warm.frame_items(keys, self.hidden) if keys else []
        return self._frames

    @property
    def checked_items(self) -> list[Item]:
        """The drafts' checked items (the corpus has none): ``items`` is not listed."""
        if self.warm.has_checked:
            return super().checked_items
        return self.memo(("checked-items",), lambda: [i for i in self._own_items if i.checked])

    def without(self, documents: frozenset[str]) -> Context:
        """This context without the items of ``documents`` (a check that may not see
        them, ``RuleRunner``): a draft context over the warm corpus without them (made
        once, ``WarmCorpus.context_without``), so its evidence indexes are shared too.
        This one itself when it holds no claim of them (most often: a scoped file's
        figures never have such claims)."""
        drafts = frozenset(i.claim.doc for i in self._own_items)
        hides_corpus = self.base is self.warm.context and any(
            not self.warm.documents_of(f).isdisjoint(documents) for f in self.wanted
        )
        hides_frames = any(i.claim.doc in documents for i in self._framed())
        if not hides_corpus and not hides_frames and drafts.isdisjoint(documents):
            return self
        corpus_hidden = documents - drafts if drafts & documents else documents
        base = self.warm.context_without(corpus_hidden) if hides_corpus else None
        own = [i for i in self._own_items if i.claim.doc not in documents]
        view = DraftContext(self.warm, own, self.wanted, self.as_of, base, self.hidden | corpus_hidden)
        view.notes, view._noted, view.comparisons = self.notes, self._noted, self.comparisons
        return view

    def _source(self, figure_id: str) -> Context | None:
        """The warm context whose group of ``figure_id`` is this one's, if the drafts
        add nothing to it."""
        if figure_id in self.own:
            return None
        return self.base if figure_id in self.wanted else self.warm.references

    def checked_of(self, figure_id: str) -> list[Item]:
        """The drafts' checked items of the figure (the corpus has none)."""
        if self.warm.has_checked:
            return super().checked_of(figure_id)
        return sorted((i for i in self.own.get(figure_id, ()) if i.checked), key=_rank)

    def in_document(self, figure_id: str, document: str) -> list[Item]:
        """A draft's own items (listed in rank order), else the warm context's, made
        once for all drafts."""
        if document in self._draft_documents:
            return [i for i in self.own.get(figure_id, ()) if i.claim.doc == document and i.interval is not None]
        source = self.base if figure_id in self.wanted else self.warm.references
        return source.in_document(figure_id, document)

    def references(self, figure_id: str) -> list[Item]:
        """The warm reference context's group: drafts hold no reference item."""
        return self.warm.references.group(figure_id)

    def dated(self, figure_id: str) -> list[Item]:
        source = self._source(figure_id)
        if source is not None:
            return source.dated(figure_id)
        return self._dated_starts(figure_id)[0]

    def starts(self, figure_id: str) -> list[int]:
        source = self._source(figure_id)
        if source is not None:
            return source.starts(figure_id)
        return self._dated_starts(figure_id)[1]

    def _dated_starts(self, figure_id: str) -> tuple[list[Item], list[int]]:
        """``dated`` and ``starts`` of a figure the drafts add to: the warm lists with
        the drafts' few items put in their places (not the merged group filtered again)."""
        found = self._dated.get(figure_id)
        if found is None:
            dated, starts = list(self.base.dated(figure_id)), list(self.base.starts(figure_id))
            for item in sorted((i for i in self.own[figure_id] if i.dated and i.interval is not None), key=date_key):
                k = bisect_left(dated, date_key(item), key=date_key)
                dated.insert(k, item)
                starts.insert(k, item.start.toordinal())  # type: ignore[union-attr]
            self._dated[figure_id], self._starts[figure_id] = dated, starts
            found = dated
        return found, self._starts[figure_id]

    def evidence_memo(self, figure_id: str, key: tuple[str, ...], build: Callable[[], Any]) -> Any:
        """The warm context's, when the drafts add no evidence to the figure."""
        if not any(i.evidence for i in self.own.get(figure_id, ())):
            source = self.base if figure_id in self.wanted else self.warm.references
            return source.evidence_memo(figure_id, key, build)
        return super().evidence_memo(figure_id, key, build)

    def window_index(self, figure_id: str, purpose: str, accept: Callable[[Item], bool]) -> WindowIndex:
        """The warm index when no item of the drafts is one it takes (a ``purpose``
        names what ``accept`` takes: "evidence", for one), else one of this run."""
        source = self._source(figure_id)
        if source is None and not any(accept(i) for i in self.own[figure_id] if i.dated and i.interval is not None):
            source = self.base if figure_id in self.wanted else self.warm.references
        if source is not None:
            return source.window_index(figure_id, purpose, accept)
        return super().window_index(figure_id, purpose, accept)


_WORD = re.compile(r"[A-Za-z0-9_]+")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _strings(v)


def figure_neighbours(rules: RuleSet) -> dict[str, frozenset[str]]:
    """For each figure, the figures some check names together with it (a relation's
    expression, a check's figure list): a draft's claim of one may be judged against
    the corpus claims of the others. Every figure is its own neighbour."""
    ids = set(rules.figures)
    out: dict[str, set[str]] = {f: {f} for f in ids}
    for rule in rules.checks:
        named = {w for s in _strings(rule.options.model_dump()) for w in _WORD.findall(s) if w in ids}
        for figure in named:
            out[figure] |= named
    return {f: frozenset(n) for f, n in out.items()}


__all__ = ["DraftContext", "WarmCorpus", "check_draft", "figure_neighbours"]
