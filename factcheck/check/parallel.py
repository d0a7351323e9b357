"""The check phase on several cores: figure assignment and the check rules shared
between this process and forked children, the results merged as one process would
have produced them.

Two steps of ``factcheck.check.engine.run_checks`` cost time in proportion to the claims:

* assigning claims to figures (``assign_all``): each claim alone, so the claims are cut
  into contiguous slices, one per process; a child sends back, per claim, the figure
  id, unit factor and score (small), and its notes;
* the check rules (``run_rules``): each rule reads the run's items and writes only its
  own findings, comparisons and notes, so rules are independent. Most read only the
  items of figures (check modules declare it: ``SCOPE`` "figures"), a sixth of the
  claims of an archive; the children are forked before this process makes the items,
  make those few themselves and start on such rules at once, while this process makes
  every item and runs the rules that read every claim. The processes then take the
  next rule from a shared counter (the costliest first, by an estimate), so a
  misjudged rule does not leave one process idle. A child pickles each rule's output
  (``RuleOutput``) to a file of a private spool directory as soon as the rule is done
  and tells the parent its number; the parent loads what is ready between its own
  rules. Pickling and loading an output costs about a tenth of making it (tens of MB
  at 10^6 claims), and done this way it is shared out by the same counter instead of
  being left for the end, when both processes would wait on it.

Children are forked when a step starts: they share the claims (and what the parent
has made so far) with this process, copy-on-write, and nothing is sent to them.
Outputs are merged in claim order and in rule order, so the report is byte for byte
the one a single process gives (the tests check it).

Forking pays off only on large runs: below ``PARALLEL_MIN_ITEMS`` claims (the
environment variable FACTCHECK_PARALLEL_MIN_ITEMS overrides it; the tests use 0), with
``jobs`` 1, or where ``fork`` is not available (Windows), everything runs here. A child
that fails (killed, out of memory) costs time, not results: what it did not deliver is
done again here, and so is a rule whose output a child took and could not deliver (a
full disk, say).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from factcheck.check.base import Comparison, Context
from factcheck.match import Assignment, Matcher
from factcheck.models import Claim, Finding
from factcheck.rules.schema import CheckRule

# Claims below which the check phase stays in one process: forking a process that holds
# 10^5 claims costs about a second, and the whole check phase of 10^5 claims is a few.
PARALLEL_MIN_ITEMS = 200_000

# Relative cost per item of each check kind (from the profiles in benchmarks/README.md):
# the order in which rules are handed out, costliest first.
_COST = {"consistency": 4.0, "outdated": 1.5, "internal": 1.0, "monotonic": 0.7, "relation": 0.6, "range": 0.3}


@dataclass
class RuleOutput:
    """What one rule produced: its findings (in the order it found them), the
    comparisons it recorded and the notes it added."""

    findings: list[Finding] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


RunRule = Callable[["Context", "CheckRule"], list["Finding"]]
MakeContext = Callable[[bool], "Context"]


def min_items() -> int:
    raw = os.environ.get("FACTCHECK_PARALLEL_MIN_ITEMS", "")
    return int(raw) if raw.strip().isdigit() else PARALLEL_MIN_ITEMS


def workers(jobs: int | None, size: int, parts: int) -> int:
    """How many processes share ``parts`` pieces of work over ``size`` claims."""
    if jobs is None or jobs <= 1 or parts < 2 or size < min_items():
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(jobs, parts)


# -- figure assignment ----------------------------------------------------------------

Encoded = tuple[str, float, int] | None


def assign_all(
    matcher: Matcher, claims: Sequence[Claim], texts: Mapping[str, str], jobs: int | None
) -> list[tuple[Claim, Assignment | None]]:
    """``matcher.assign_all(claims, texts)``, the claims shared among ``jobs``
    processes when there are enough of them."""
    count = workers(jobs, len(claims), len(claims))
    if count <= 1:
        return matcher.assign_all(claims, texts)
    step = -(-len(claims) // count)
    bounds = [(k, min(k + step, len(claims))) for k in range(0, len(claims), step)]

    def work(a: int, b: int, send: Send) -> None:
        found = matcher.assign_each(claims[a:b], texts)
        send(([None if x is None else (x.figure.id, x.factor, x.score) for x in found], matcher.notes))

    children = [_fork(lambda send, a=a, b=b: work(a, b, send)) for a, b in bounds[1:]]
    with _stopped_on_error([c for c in children if c is not None]):
        assignments = matcher.assign_each(claims[bounds[0][0] : bounds[0][1]], texts)
        for (a, b), child in zip(bounds[1:], children, strict=True):
            result = _result(child)
            if result is None:  # the child failed: this slice again, here
                assignments += matcher.assign_each(claims[a:b], texts)
                continue
            encoded, notes = result
            assignments += [_decode(matcher, x) for x in encoded]
            for note in notes:
                matcher.note(note)
    return matcher.finish_all(claims, assignments, texts)


def _decode(matcher: Matcher, encoded: Encoded) -> Assignment | None:
    if encoded is None:
        return None
    figure_id, factor, score = encoded
    return Assignment(matcher.rules.figures[figure_id], factor, score)


# -- check rules ----------------------------------------------------------------------


def run_rules(
    rules: Sequence[CheckRule],
    run_rule: RunRule,
    jobs: int | None,
    context: MakeContext,
    size: int,
    sizes: Mapping[str, int],
    figures_only: Callable[[CheckRule], bool],
) -> tuple[Context, list[RuleOutput]]:
    """This process's context (``context(False)``: every item of the run) and each
    rule's output, in the order of ``rules``; ``run_rule(ctx, rule)`` runs one rule and
    returns its findings. ``size`` is the number of claims, ``sizes`` the number of
    items of each figure, for the estimate of each rule's cost.

    With several processes, the children are forked before this process makes its
    context: a child makes ``context(True)``, the items of figures alone (a sixth of
    the claims of an archive, and a fraction of the time to make them all), and takes
    only rules for which ``figures_only(rule)`` holds. Meanwhile this process makes the
    whole context and runs the other rules (those that read every claim), then shares
    the rest with the children."""
    def all_here() -> tuple[Context, list[RuleOutput]]:
        ctx = context(False)
        return ctx, [_run_here(ctx, rule, run_rule) for rule in rules]

    order = _costliest_first(rules, size, sizes)
    narrow = [k for k in order if figures_only(rules[k])]
    wide = [k for k in order if not figures_only(rules[k])]
    count = workers(jobs, size, len(narrow) + 1)
    if count <= 1 or not narrow:
        return all_here()
    counter = multiprocessing.get_context("fork").Value("i", 0)

    def take() -> int | None:
        with counter.get_lock():
            k = counter.value
            counter.value = k + 1
        return narrow[k] if k < len(narrow) else None

    outputs: dict[int, RuleOutput] = {}
    try:
        spooled = tempfile.TemporaryDirectory(prefix="factcheck-rules-", ignore_cleanup_errors=True)
    except OSError:  # nowhere to spool to: every rule here
        return all_here()
    with spooled as spool:
        parent = os.getpid()

        def in_child(send: Send) -> None:
            mine = context(True)
            # A parent killed outright (SIGKILL, or SIGTERM, which Python does not
            # turn into an exception) cleans nothing up: an orphan stops taking rules.
            while os.getppid() == parent and (k := take()) is not None:
                _spool(spool, k, _run_here(mine, rules[k], run_rule))
                send(k)  # only once the file is whole

        children = [child for child in (_fork(in_child) for _ in range(count - 1)) if child is not None]

        def load(block: bool) -> None:
            for child in children:
                for k in _receive(child, block):
                    output = _unspool(spool, k)
                    if output is not None:
                        outputs[k] = output

        with _stopped_on_error(children):
            ctx = context(False)
            for k in wide:
                outputs[k] = _run_here(ctx, rules[k], run_rule)
                load(block=False)
            while (k := take()) is not None:
                outputs[k] = _run_here(ctx, rules[k], run_rule)
                load(block=False)
            load(block=True)
        for child in children:
            _close(child)
    for k in range(len(rules)):  # what a failed child took and did not deliver
        if k not in outputs:
            outputs[k] = _run_here(ctx, rules[k], run_rule)
    return ctx, [outputs[k] for k in range(len(rules))]


def _spool(directory: str, k: int, output: RuleOutput) -> None:
    with open(os.path.join(directory, f"{k}.pickle"), "wb") as fh:
        pickle.dump(output, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _unspool(directory: str, k: int) -> RuleOutput | None:
    path = os.path.join(directory, f"{k}.pickle")
    try:
        with open(path, "rb") as fh:
            output = pickle.load(fh)  # noqa: S301 - written by our own child
    except (OSError, EOFError, pickle.UnpicklingError):
        return None
    # Gone once loaded: the spool holds only what is not read yet (tens of MB at most
    # at 10^6 claims, where a temporary folder may be small).
    with suppress(OSError):
        os.unlink(path)
    return output


def _run_here(ctx: Context, rule: CheckRule, run_rule: RunRule) -> RuleOutput:
    # What a rule adds to the context is taken out of it, its notes as it would add
    # them alone; the engine merges outputs in rule order, dropping repeated notes.
    return RuleOutput(*ctx.recorded(lambda: run_rule(ctx, rule)))


def _costliest_first(rules: Sequence[CheckRule], size: int, sizes: Mapping[str, int]) -> list[int]:
    costs = []
    for k, rule in enumerate(rules):
        figures = getattr(rule.options, "figures", None)
        if rule.kind == "internal" or figures is None:
            items = size
        else:
            items = sum(sizes.get(f, 0) for f in figures)
        costs.append((-_COST.get(rule.kind, 1.0) * items, k))
    return [k for _, k in sorted(costs)]


# -- forked children ------------------------------------------------------------------


Send = Callable[[Any], None]


@dataclass
class _Child:
    process: BaseProcess
    receive: Connection
    done: bool = False


def _fork(work: Callable[[Send], None]) -> _Child | None:
    """A forked child running ``work(send)``, where each ``send(x)`` sends ``x`` back
    pickled; None when no child can be started (the caller does the work itself)."""
    fork = multiprocessing.get_context("fork")
    receive, send = fork.Pipe(duplex=False)
    try:
        process = fork.Process(target=_child, args=(work, send), daemon=True)
        process.start()
    except OSError:
        receive.close()
        send.close()
        return None
    send.close()
    return _Child(process, receive)


def _child(work: Callable[[Send], None], send: Connection) -> None:
    # Ctrl-C is the parent's to report: a child leaves quietly, the parent's result
    # collection sees the pipe close.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        work(lambda x: send.send_bytes(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL)))
    except BaseException:  # noqa: BLE001 - the parent redoes the work; nothing to print here
        pass
    finally:
        send.close()


def _receive(child: _Child, block: bool) -> Iterator[Any]:
    """What the child has sent so far (``block``: everything, until it closes the pipe)."""
    while not child.done:
        try:
            if not block and not child.receive.poll():
                return
            yield pickle.loads(child.receive.recv_bytes())  # noqa: S301 - our own child's bytes
        except (EOFError, OSError, pickle.UnpicklingError):
            child.done = True


def _result(child: _Child | None) -> Any:
    """The one thing a child sends, or None when it delivered nothing. (Interrupted
    while waiting, it leaves the child to ``_stopped_on_error``: joining it here would
    wait for the child to finish, as it ignores Ctrl-C.)"""
    if child is None:
        return None
    result = next(_receive(child, block=True), None)
    _close(child)
    return result


def _close(child: _Child) -> None:
    child.receive.close()
    child.process.join()


@contextmanager
def _stopped_on_error(children: Sequence[_Child]) -> Iterator[None]:
    """Stop the children when the block fails (an error, or Ctrl-C): none outlives the
    run, and none writes into a spool directory being removed."""
    try:
        yield
    except BaseException:
        for child in children:
            child.process.terminate()
        for child in children:
            child.process.join()
            child.receive.close()
        raise
