"""The check phase on the cluster: figure assignment in slices, the rules of figures by
partition, everything merged as one process would have produced it.

``factcheck.check.engine.run_checks`` takes an ``executor``: an object with the
``assign_all`` and ``run_rules`` functions of ``factcheck.check.parallel`` (which is
the default one, forking on one machine). ``ClusterChecks`` is the cluster's:

* ``assign_all``: the claims cut into contiguous slices, each assigned to figures on a
  worker (each claim alone: ``Matcher.assign_each``); the client decodes the answers in
  slice order, adds the notes in that order and settles the partitives
  (``Matcher.finish_all``), exactly as the forked version does;
* ``run_rules``: the client makes every item (it needs them for the report); the
  items of figures are shuffled by figure into partitions (``factcheck.cluster.units``:
  figures a rule reads together stay together), each partition checked by every rule
  of figures on one worker. The rules that read every claim (``SCOPE`` "claims") but
  compare only claims of one document (``SPLIT`` "document": ``internal``, whose groups
  for figures no rule defines are frame groups, entity, predicate and place within a
  document) get the checked items shuffled by document, contiguous ranges of document
  ids, one range per task, so each group is checked whole on one worker; those that
  compare claims of one frame group (``SPLIT`` "frame": ``undefined``, the figures no
  rule defines) get them shuffled by frame group, contiguous ranges of groups in the
  order the check visits them (``undefined.parts``), each sent with the texts its
  documents' names are read from; the rest (``range``) run on the client meanwhile. Outputs come back per rule and figure (or
  range) and are joined in rule order (``factcheck.cluster.merge``).

What a task is sent: the rules (sent once, a task result of their own), the rule runner
(severity overrides), and the items of its partition (claims, their documents and
figures); nothing else of the client's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from itertools import chain
from typing import TYPE_CHECKING, Any, Protocol, cast

from factcheck.check.base import Context, Item
from factcheck.check.parallel import RuleOutput, RunRule
from factcheck.cluster.flight import CHUNK_ITEMS, IN_FLIGHT, Call, in_order, part_count, without_texts
from factcheck.cluster.merge import OneFigure, PartitionOutput, assemble, joined
from factcheck.cluster.units import document_ranges, figure_units, partitions
from factcheck.match import Assignment, Matcher
from factcheck.models import Claim, Document
from factcheck.rules.schema import CheckRule, RuleSet

if TYPE_CHECKING:
    from distributed import Client

# Claims per assignment slice at least: below this a task costs more than it saves.
MIN_SLICE = 2_000

Encoded = tuple[str, float, int] | None

# -- the worker side -------------------------------------------------------------------


def assign_slice(
    rules: RuleSet, claims: list[Claim], texts: dict[str, str], figures_out: Mapping[str, frozenset[str]] | None = None,
    paths: dict[str, str] | None = None,
) -> tuple[list[Encoded], list[str]]:
    """On a worker: each claim's own figure assignment (id, factor, score) and the
    notes; ``figures_out``: the figures out of each document's scope (decided on the
    client, ``factcheck.match.scope``); ``paths``: the documents' paths, by id, for the
    notes to name them."""
    matcher = Matcher(rules, paths=paths).scope(figures_out or {})  # fresh: its notes are this slice's alone
    found = matcher.assign_each(claims, texts)
    return [None if x is None else (x.figure.id, x.factor, x.score) for x in found], list(matcher.notes)


def _run_here(ctx: Context, rule: CheckRule[Any], run_rule: RunRule) -> RuleOutput:
    return RuleOutput(*ctx.recorded(lambda: run_rule(ctx, rule)))


def check_partition(
    rules: RuleSet, run_rule: RunRule, items: list[Item], as_of: date | None, narrow: list[int], figures: list[str],
) -> PartitionOutput:
    """On a worker: every rule of ``narrow`` over the items of ``figures``: a relation
    rule whole (when its unit is here), any other once per figure of the partition."""
    from factcheck import check  # noqa: F401 - the check kinds register themselves

    ctx = OneFigure(rules, items, as_of, figures_only=True)
    here = set(figures)
    out = PartitionOutput()
    for k in narrow:
        rule = rules.checks[k]
        relation = rules.expressions.get(rule.id)
        if relation is not None:
            names = list(relation.variables())
            if names and names[0] in here:
                out.pieces[(k, None)] = _run_here(ctx, rule, run_rule)
            continue
        order: list[str] | None = None
        for figure in figures:
            if order is not None and figure not in order:
                continue
            ctx.only, ctx.order = figure, None
            piece = _run_here(ctx, rule, run_rule)
            if ctx.order is None:  # the rule does not go figure by figure
                out.uncut.add(k)
                break
            order = ctx.order
            if figure in order:
                out.pieces[(k, figure)] = piece
        if order is not None and k not in out.uncut:
            out.orders[k] = order
    return out


def check_documents(
    rules: RuleSet, run_rule: RunRule, items: list[Item], as_of: date | None, split: list[int]
) -> dict[int, RuleOutput]:
    """On a worker: every rule of ``split`` (checks that compare claims of one document
    only: ``internal``, by figure or by frame group) over the items of a range of
    documents."""
    from factcheck import check  # noqa: F401 - the check kinds register themselves

    ctx = Context(rules, items, as_of)
    return {k: _run_here(ctx, rules.checks[k], run_rule) for k in split}


def check_frames(
    rules: RuleSet, run_rule: RunRule, items: list[Item], as_of: date | None, k: int, texts: dict[str, list[str]]
) -> RuleOutput:
    """On a worker: rule ``k`` (a check that compares claims of one frame group only)
    over the items of a range of frame groups, names read from ``texts``."""
    from factcheck import check  # noqa: F401 - the check kinds register themselves
    from factcheck.check import names

    ctx = Context(rules, items, as_of)
    names.seed(ctx, texts)
    return _run_here(ctx, rules.checks[k], run_rule)


def split_of(rule: CheckRule[Any]) -> str | None:
    """How ``rule``'s check may be cut (``SPLIT``): "document", "frame" or None."""
    from factcheck.check import REGISTRY

    return getattr(REGISTRY[rule.kind], "SPLIT", None)


class FrameSplit(Protocol):
    """A check kind whose ``SPLIT`` is "frame": it cuts its frame groups into parts."""

    def parts(self, ctx: Context, count: int, size: int | None = None) -> Iterator[tuple[list[Item], dict[str, list[str]]]]: ...


def frame_split(rule: CheckRule[Any]) -> FrameSplit:
    """``rule``'s check kind as one that cuts its frame groups (``split_of`` said "frame")."""
    from factcheck.check import REGISTRY

    kind = REGISTRY[rule.kind]
    if not callable(getattr(kind, "parts", None)):
        raise TypeError(f"check kind {rule.kind!r} is split by frame but has no parts()")
    return cast(FrameSplit, kind)


def split_by_document(rule: CheckRule[Any]) -> bool:
    """Whether ``rule``'s check compares only claims of one document (``SPLIT``)."""
    return split_of(rule) == "document"


# -- the client side -------------------------------------------------------------------


class ClusterChecks:
    """``factcheck.check.parallel``'s ``assign_all`` and ``run_rules`` on a Dask cluster."""

    def __init__(self, client: Client, rules: RuleSet, held_rules: Any, workers: int) -> None:
        self.client = client
        self.rules = rules
        self.held = held_rules
        self.workers = max(1, workers)

    @property
    def limit(self) -> int:
        """Tasks out at a time (``factcheck.cluster.flight``)."""
        return self.workers * IN_FLIGHT

    def assign_all(
        self, matcher: Matcher, claims: Sequence[Claim], texts: Mapping[str, str], jobs: int | None
    ) -> list[tuple[Claim, Assignment | None]]:
        """``matcher.assign_all(claims, texts)``, the slices assigned on the workers."""
        if not claims:
            return matcher.assign_all(claims, texts)
        step = max(MIN_SLICE, -(-len(claims) // part_count(len(claims), self.workers)))

        def call(a: int) -> Call:
            def args() -> tuple[Any, ...]:
                part = list(claims[a : a + step])
                docs = {c.doc for c in part}
                return (
                    self.held, part, {d: texts[d] for d in docs if d in texts},
                    {d: matcher.figures_out[d] for d in docs if d in matcher.figures_out},
                    {d: matcher.paths[d] for d in docs if d in matcher.paths},
                )

            return Call(a, assign_slice, args)

        assignments: list[Assignment | None] = []
        calls = (call(a) for a in range(0, len(claims), step))
        for _, (encoded, notes) in in_order(self.client, calls, self.limit):
            assignments += [None if x is None else Assignment(matcher.rules.figures[x[0]], x[1], x[2]) for x in encoded]
            for note in notes:
                matcher.note(note)
        return matcher.finish_all(claims, assignments, texts)

    def run_rules(
        self,
        rules: Sequence[CheckRule[Any]],
        run_rule: RunRule,
        jobs: int | None,
        context: Callable[[bool], Context],
        size: int,
        sizes: Mapping[str, int],
        figures_only: Callable[[CheckRule[Any]], bool],
    ) -> tuple[Context, list[RuleOutput]]:
        """The client's context (every item) and each rule's output in rule order."""
        ctx = context(False)
        narrow = [k for k, rule in enumerate(rules) if figures_only(rule)]
        split = [k for k, rule in enumerate(rules) if not figures_only(rule) and split_by_document(rule)]
        framed = [k for k, rule in enumerate(rules) if not figures_only(rule) and split_of(rule) == "frame"]
        stripped: dict[str, Document] = {}
        # A chain, not a list: the frame calls are made as they are sent (their parts
        # hold items and texts), like the figure and document calls' arguments.
        calls = chain(
            self._figure_calls(ctx, run_rule, narrow, sizes, stripped),
            self._document_calls(ctx, run_rule, split),
            (call for k in framed for call in self._frame_calls(ctx, run_rule, k, rules[k], stripped)),
        )
        outputs: dict[int, RuleOutput] = {}

        def meanwhile() -> None:
            # The other rules that read every claim run here while the workers check.
            for k, rule in enumerate(rules):
                if not figures_only(rule) and k not in split and k not in framed:
                    outputs[k] = _run_here(ctx, rule, run_rule)

        results: list[PartitionOutput] = []
        pieces: list[dict[int, RuleOutput]] = []
        frame_pieces: dict[int, list[RuleOutput]] = {k: [] for k in framed}
        for tag, result in in_order(self.client, calls, self.limit, meanwhile):
            if tag[0] == "figures":
                results.append(result)
            elif tag[0] == "documents":
                pieces.append(result)
            else:
                frame_pieces[tag[1]].append(result)
        for k in split:
            outputs[k] = joined([piece[k] for piece in pieces]) if pieces else _run_here(ctx, rules[k], run_rule)
        for k in framed:
            outputs[k] = joined(frame_pieces[k])
        done, left = assemble(narrow, results)
        outputs.update(done)
        for k in left:
            outputs[k] = _run_here(ctx, rules[k], run_rule)
        return ctx, [outputs[k] for k in range(len(rules))]

    def _figure_calls(
        self, ctx: Context, run_rule: RunRule, narrow: list[int], sizes: Mapping[str, int], stripped: dict[str, Document],
    ) -> list[Call]:
        """The rules of figures over partitions of the figures (a unit never cut)."""
        if not narrow:
            return []
        grouped = ctx.groups
        count = part_count(sum(sizes.values()), self.workers)

        def call(figures: list[str]) -> Call:
            def args() -> tuple[Any, ...]:
                items = without_texts((i for f in figures for i in grouped.get(f, [])), stripped)
                return self.held, run_rule, items, ctx.as_of, narrow, figures

            return Call(("figures",), check_partition, args)

        return [call(figures) for figures in partitions(figure_units(self.rules), sizes, count)]

    def _frame_calls(
        self, ctx: Context, run_rule: RunRule, k: int, rule: CheckRule[Any], stripped: dict[str, Document],
    ) -> Iterator[Call]:
        """Rule ``k`` over ranges of its frame groups, one task per range, each made
        when it is asked for (``parts`` is a generator)."""
        def call(items: list[Item], texts: dict[str, list[str]]) -> Call:
            return Call(
                ("frames", k), check_frames,
                lambda: (self.held, run_rule, without_texts(items, stripped), ctx.as_of, k, texts),
            )

        return (call(items, texts) for items, texts in frame_split(rule).parts(ctx, 2 * self.workers, CHUNK_ITEMS))

    def _document_calls(self, ctx: Context, run_rule: RunRule, split: list[int]) -> list[Call]:
        """The rules ``split`` over ranges of documents (shuffled by document: a frame
        group never spans two), one task per range. These keep their documents' texts
        (the ``budget`` check reads them), each document in one task only."""
        if not split:
            return []
        count = part_count(sum(1 for i in ctx.items if i.checked), self.workers)

        def call(part: list[Item]) -> Call:
            return Call(("documents",), check_documents, lambda: (self.held, run_rule, part, ctx.as_of, split))

        return [call(part) for part in document_ranges(ctx.items, count)]
