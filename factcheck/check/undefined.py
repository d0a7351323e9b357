"""undefined: the same figure in two stories, where no rule defines it, must agree.

Most figures a newsroom prints have no rule. Claims that no figure definition assigns
are grouped by what their clause says they count (``factcheck.match.frames``: the
counted thing and the words that narrow it, the verb's class, the place, the kind of
figure, the unit's dimension, the period), and a checked claim is compared with the
claims of *other* documents in its group about the same date (at most ``window`` days
apart; a claim that gives no date is about its story's day) and the same place (or
none named). A part of a whole is grouped with the same part of the same whole
("16,000 children among the dead" and "the toll includes 16,000 children", never the
children among the injured nor the women among the dead). A baseline, a level of a
period before an event ("500 trucks a day before the war"), is dated by that period:
every story's baseline is compared with every other's, whatever days apart they were
told and whether they give a date at all. Values in different
units of one dimension are converted first (2 miles and 3.2 km agree); the calibrated
hedges give each claim its interval ("about 4.2 billion").

The result is a *possible* conflict (a warning by default): no rule says what the
figure is, so the finding shows the frame that grouped the claims. To keep false alarms
rare, claims a day or more apart conflict only when the later one is lower (running
counts grow), a claim is flagged only when more of the other stories disagree with it than agree
(a story repeating the figure most others give is not the one to check), two stories
are compared only when they share a name (a place, an organisation: "Riverton's budget"
and "Oakdale's budget" are two figures), and changes, earlier values, parts of a whole
the clause does not name ("It includes 1,900 patients") and vague amounts are never
grouped.

Example::

    checks:
      - id: possible-conflict
        undefined:
          tolerance: 1%

Passes: "The council adopted a $4.2 billion budget for fiscal 2025" in one story and
"Riverton's $4.2 billion budget for fiscal 2025" in another.

Fails: the same first story, and a draft saying "the council adopted a $4.6 billion
budget for fiscal 2025".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from itertools import islice

from pydantic import BaseModel, ConfigDict, Field

from factcheck.check.base import (
    MAX_EVIDENCE,
    Context,
    Item,
    Problem,
    WindowIndex,
    base_params,
    evidence_order,
    evidence_params,
    in_unit,
)
from factcheck.check.names import shares_names, texts_of
from factcheck.intervals import Tolerance
from factcheck.match.frames import FrameKey, frame_key, places_agree, verb_classes
from factcheck.models import Claim
from factcheck.rules.messages import COMMON, EVIDENCE
from factcheck.rules.schema import CheckRule
from factcheck.rules.types import Days, ToleranceSpec

ID = "undefined"


class UndefinedOptions(BaseModel):
    """Options of the ``undefined`` check."""

    model_config = ConfigDict(extra="forbid")

    window: Days = Field(default=1, description="Days apart that still count as the same date (stories lag a day behind the figure they quote).")
    tolerance: ToleranceSpec = Field(default=Tolerance(relative=0.01), description="How far apart two values may be and still agree.")
    min_docs: int = Field(default=2, ge=2, le=1000, description="Documents a group needs before its claims are compared.")
    include_vague: bool = Field(default=False, description="Whether vague claims ('dozens') take part.")


Options = UndefinedOptions

# Reads every claim of the run (Context.items): the claims no figure assigns. Compares
# claims of one frame group only, in the groups' order: the cluster checks ranges of
# groups apart (``parts``) and joins their outputs in order.
SPLIT = "frame"
SCOPE = "claims"
PROBLEM = "disagreement"
RANK = 4
DEFAULT_SEVERITY = "warning"
DEFAULT_MESSAGE = (
    "possible conflict (no rule defines this figure: {frame}): '{value}' ({date}) here, "
    "but {evidence_value} from {evidence_source} for {evidence_date}"
)
PLACEHOLDERS = {**COMMON, **EVIDENCE, "frame": "what grouped the claims: the counted thing, the verb, the place", "tolerance": "the tolerance used"}

# The one date a baseline's claims are compared on (``_baseline``).
_BASELINE_DAY = date.min

# Agreeing claims counted per claim: enough to outvote the conflicts that can be shown.
_MAX_AGREEING = 50


def check(ctx: Context, rule: CheckRule[Options]) -> Iterator[Problem]:
    opts = rule.options
    groups = ctx.memo(("undefined", "groups"), lambda: _groups(ctx))
    for key in sorted(groups):
        members = [i for i in groups[key] if opts.include_vague or not i.vague]
        if len({i.doc_id for i in members}) < opts.min_docs or not any(i.checked for i in members):
            continue
        yield from _group(ctx, rule, opts, key, members)


def parts(ctx: Context, count: int, size: int | None = None) -> Iterator[tuple[list[Item], dict[str, list[str]]]]:
    """The items of the frame groups cut into at most ``count`` parts of about equal
    size (more, when ``size``, items a part holds, asks for more), each the groups of a contiguous range of keys in the order ``check`` visits
    them (a group never cut), with the texts the names of the part's documents are read
    from (``names.texts_of``: a part's own claims would not hold every sentence of its
    documents). Checking each part in a ``Context`` of its items seeded with its texts
    (``names.seed``) and joining the outputs in part order is checking them all at once.

    A generator: only the cut is worked out at once; a part's items and texts are made
    when it is asked for, so the cluster builds each frame task as it sends it
    (``factcheck.cluster.flight``) and never holds every part at the same time."""
    groups = ctx.memo(("undefined", "groups"), lambda: _groups(ctx))
    keys = sorted(groups)
    total = sum(len(groups[k]) for k in keys)
    if size:
        count = max(count, -(-total // size))
    cut: list[list[FrameKey]] = [[]]
    filled = 0
    for key in keys:
        if cut[-1] and filled >= len(cut) * total / max(1, count) and len(cut) < count:
            cut.append([])
        cut[-1].append(key)
        filled += len(groups[key])
    # A part lists its items in the run's order (each group's members are in it already,
    # as ``_groups`` met them; a part merges several groups).
    grouped = {id(i) for members in groups.values() for i in members}
    position = {id(item): n for n, item in enumerate(ctx.items) if id(item) in grouped}
    del grouped
    wholes = {i.claim.id: i for i in ctx.items if i.series is None and i.claim.id}
    for part in cut:
        items = sorted((i for key in part for i in groups[key]), key=lambda i: position[id(i)])
        if items:
            yield items + whole_items(items, wholes), texts_of(ctx, {i.doc_id for i in items})


def _groups(ctx: Context) -> dict[FrameKey, list[Item]]:
    """The dated claims no figure assigns, by frame (their units made the group's)."""
    classes = verb_classes(ctx.rules.synonyms)
    wholes = _wholes(ctx.items)
    groups: dict[FrameKey, list[Item]] = defaultdict(list)
    for item in ctx.items:
        if item.figure is not None or item.series is not None or item.interval is None:
            continue
        if not (item.checked or item.evidence):
            continue
        key = frame_key(item.claim, classes, wholes)
        if key is not None and (item.start is not None or _baseline(key)):
            groups[key].append(item)
    return groups


def _baseline(key: FrameKey) -> bool:
    """Whether the group's figure is dated by its period, not by the story: a level
    "before the war" is the same days' in a story of March and one of May (and in one
    that gives no date)."""
    return key.period.startswith("prewar")


def _wholes(items: list[Item]) -> dict[str, Claim]:
    """The claims a part may be a part of, by id: every claim of the run, since the
    whole of a part need not be a claim the check compares ("Of the 530 injured, 122
    were children": the 530 is grouped with nothing)."""
    return {i.claim.id: i.claim for i in items if i.series is None and i.claim.id}


def whole_items(items: list[Item], wholes: Mapping[str, Item]) -> list[Item]:
    """The wholes of a part's parts that the part does not hold, neither checked nor
    evidence: a part's key names what its whole counts, so a part of the frame groups
    checked in a context of its own (``parts``, a server's draft context) needs them to
    key its parts as the run does, and none of them joins a group there."""
    held = {i.claim.id for i in items}
    out: dict[str, Item] = {}
    for item in items:
        frame = item.claim.frame
        whole = frame.part_of if frame is not None else None
        if whole is not None and whole not in held and whole not in out and whole in wholes:
            out[whole] = replace(wholes[whole], checked=False, evidence=False)
    return list(out.values())


def _group(ctx: Context, rule: CheckRule[Options], opts: Options, key: FrameKey, members: list[Item]) -> Iterator[Problem]:
    target = members[0].claim.unit
    copies: list[Item] = []
    original: dict[int, Item] = {}
    baseline = _baseline(key)
    for item, interval in in_unit(members, target):
        # Only a claim in another unit needs a copy with its interval converted; a
        # baseline's copies all get one date, its period's (the story's date says
        # nothing of it), so every story's baseline is compared with every other's and a
        # later one is not a running count that grew.
        copy = replace(item, interval=interval) if interval is not item.interval else item
        if baseline:
            copy = replace(copy, start=_BASELINE_DAY, end=_BASELINE_DAY)
        original[id(copy)] = item
        copies.append(copy)
    copies.sort(key=lambda i: (i.start, i.rank))  # type: ignore[arg-type, return-value]
    evidence = WindowIndex([c for c in copies if c.evidence])
    for copy in copies:
        item = original[id(copy)]
        if not item.checked:
            continue
        against = [
            o for o in evidence.conflicts(copy, opts.window, opts.tolerance, related=True)
            if _apart(copy, o) and _same_subject(ctx, item, o)
        ]
        if not against:
            continue
        conflicting = {o.doc_id for o in against}
        agreeing: dict[str, Item] = {}
        for o in islice(evidence.in_window(copy, opts.window, related=True), _MAX_AGREEING):
            if o.doc_id not in conflicting and o.doc_id not in agreeing and _same_subject(ctx, item, o):
                agreeing[o.doc_id] = original[id(o)]
                if len(agreeing) + 1 > len(conflicting):
                    break  # backed by more stories than contradict it: not the one to flag
        if not _outvoted(item, [original[id(o)] for o in against], len(agreeing), len(conflicting)):
            # Not the one to flag; what it agrees with, if anything, is its comparison.
            if agreeing:
                ctx.compared(rule, item, list(agreeing.values()), agreed=True)
            continue
        shown = evidence_order([original[id(o)] for o in against])[:MAX_EVIDENCE]
        ctx.compared(rule, item, shown, agreed=False)
        params = base_params(item, rule) | evidence_params(shown[0])
        params |= {"frame": key.describe(), "figure": key.describe(), "tolerance": opts.tolerance.describe()}
        yield Problem(item, shown, params)


def _apart(a: Item, b: Item) -> bool:
    """Whether two disagreeing claims cannot both be right: on one day any gap is a
    conflict; a day apart only a fall, since the running counts of news (tolls, the
    displaced, cases) grow from one day's report to the next."""
    if a.start == b.start:
        return True
    later, earlier = (a, b) if (a.start, a.rank) > (b.start, b.rank) else (b, a)  # type: ignore[operator]
    return later.interval.below(earlier.interval)  # type: ignore[union-attr, arg-type]


def _same_subject(ctx: Context, a: Item, b: Item) -> bool:
    return places_agree(a.claim, b.claim) and shares_names(ctx, a, b)


def _outvoted(item: Item, against: list[Item], agreeing: int, conflicting: int) -> bool:
    """Whether the claim is the one to flag: fewer stories back it (itself included)
    than contradict it; on a tie, the story told later, unless the other side is told
    later and will be flagged itself."""
    backing = agreeing + 1
    if conflicting != backing:
        return conflicting > backing
    # The stories' own dates, a baseline's too (compared on one date, told on its own).
    mine = (item.start or date.min, item.rank)
    return not any(o.checked and (o.start or date.min, o.rank) > mine for o in against)
