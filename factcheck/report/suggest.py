"""Rules drafted for review (``factcheck rules suggest``): from the figures no rule
defines to a rule file a researcher reads, corrects and keeps.

The groups are the catalogue's and the ``undefined`` check's: claims no figure assigns,
grouped by their frame (``factcheck.match.frames``). A frame leaves the place out, so
a group of "budget approved" holds every town's budget; a drafted figure must not, or
its consistency check would set one town's budget against another's. Each group is
therefore split by subject: the name (a capitalised word of the stories, "Marlow") that
most of its stories mention, preferring the rarest in the corpus, becomes the figure's
``topic``, the words a document must mention for the figure to apply (the same test the
rule will make: ``factcheck.match.words``). A group of stories that share no name gives
no draft: a figure that applies to every document is how a council vote becomes a UN
vote.

Within a subject, the claims about one date are compared with the calibrated intervals
(``factcheck.hedging``): the claim most other stories agree with is the draft's
reference, the ones that disagree are its planted conflicts. Drafts come ranked by how
many documents give the figure, then by the share of them that agree, then by name;
``factcheck.report.suggest_yaml`` writes them with a comment behind every value, and
``factcheck.report.suggest_check`` keeps only those whose own rule tests pass.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import regex

from factcheck.check.names import names_in
from factcheck.intervals import Interval, Tolerance
from factcheck.match.frames import FrameKey, frame_key, verb_classes
from factcheck.match.words import WordSet, words_of
from factcheck.models import Claim, Document, Report
from factcheck.rules.schema import RuleSet

# Days apart that still make two claims about one date: the ``undefined`` check's window.
WINDOW_DAYS = 1
# The leeway of the check that groups figures no rule defines, when the rules set none.
DEFAULT_LEEWAY = Tolerance(relative=0.01)
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])")
# Verbs that say only that the thing is (``frames``): never a figure's predicate word.
_EMPTY_VERBS = frozenset({"be", "have", "remain", "stand", "total", "number", "reach", "hit", "top"})


@dataclass(frozen=True)
class Cited:
    """One claim of the corpus as the draft cites it."""

    claim: Claim
    doc: Document
    interval: Interval
    day: date | None
    order: int  # the document's place in the run

    @property
    def where(self) -> str:
        """``path:line``, as an editor opens it."""
        return f"{self.doc.path}:{self.claim.line}" if self.claim.line is not None else self.doc.path

    @property
    def sort_key(self) -> tuple[str, int, int]:
        return (self.day.isoformat() if self.day else "", self.order, self.claim.start)


@dataclass
class Draft:
    """One drafted figure: what grouped its claims and what the corpus says of it."""

    key: FrameKey
    topic: str
    figure_id: str
    label: str
    claims: list[Cited]
    # The claim most stories of its date agree with, those that do, those that do not.
    anchor: Cited
    agreeing: list[Cited]
    conflicting: list[Cited]
    # The predicate words, each with the claims whose verb it is.
    verbs: dict[str, list[Cited]] = field(default_factory=dict)
    tolerance: float = 0.01  # relative
    widest: Cited | None = None  # the agreeing claim whose reading sets the tolerance
    leeway: Tolerance = DEFAULT_LEEWAY
    # The rule tests: (checked claim, corpus claim) that must flag and that must pass.
    flag_case: tuple[Cited, Cited] | None = None
    pass_case: tuple[Cited, Cited | None] | None = None

    @property
    def check_id(self) -> str:
        return self.figure_id.replace("_", "-") + "-consistency"

    @property
    def documents(self) -> int:
        return len({c.doc.id for c in self.claims})

    @property
    def agreement(self) -> float:
        """The share of the documents of the reference's date that agree with it."""
        docs = {c.doc.id for c in [*self.agreeing, *self.conflicting]}
        return len({c.doc.id for c in self.agreeing}) / len(docs) if docs else 1.0


def suggest(report: Report, rules: RuleSet, min_docs: int = 2, taken: set[str] | frozenset[str] = frozenset()) -> list[Draft]:
    """The drafts for the figures no rule defines that ``min_docs`` documents give;
    ``taken`` are ids the drafts must not reuse (the loaded figures and checks)."""
    docs = {d.id: d for d in report.documents}
    order = {d.id: k for k, d in enumerate(report.documents)}
    groups = _groups(report, rules, docs, order)
    leeway = _leeway(rules)
    mentions = _Mentions(report.documents)
    drafts: list[Draft] = []
    for key in sorted(groups):
        for topic, members in mentions.subjects(groups[key], min_docs):
            drafts.append(_draft(key, topic, members, leeway))
    drafts.sort(key=lambda d: (-d.documents, -d.agreement, d.label, d.figure_id))
    _unique_ids(drafts, taken)
    return drafts


def _groups(report: Report, rules: RuleSet, docs: dict[str, Document], order: dict[str, int]) -> dict[FrameKey, list[Cited]]:
    classes = verb_classes(rules.synonyms)
    groups: dict[FrameKey, list[Cited]] = defaultdict(list)
    for claim in report.claims:
        doc = docs.get(claim.doc)
        interval = Interval.from_claim(claim)
        if claim.figure is not None or doc is None or interval is None or not math.isfinite(interval.lo + interval.hi):
            continue
        key = frame_key(claim, classes)
        if key is not None:
            groups[key].append(Cited(claim, doc, interval, claim.as_of or doc.published, order[doc.id]))
    return groups


def _leeway(rules: RuleSet) -> Tolerance:
    """The tolerance of the rule set's check of figures no rule defines."""
    for check in rules.checks:
        if check.kind == "undefined":
            return check.options.tolerance  # type: ignore[no-any-return]
    return DEFAULT_LEEWAY


class _Mentions:
    """Which names each document mentions, tested as a rule's ``topic`` tests them."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self._words: dict[str, tuple[str, ...]] = {}
        self._rarity: dict[str, int] = {}
        # Words some story writes in lower case are common nouns a name happens to hold
        # ("City Council", "the council"): a topic of them would match every council.
        self.common = frozenset(w for d in documents for w in _LOWER_WORD.findall(f"{d.title or ''} {d.text}"))

    def words(self, doc: Document) -> tuple[str, ...]:
        if doc.id not in self._words:
            self._words[doc.id] = words_of(f"{doc.title or ''}\n{doc.text}")
        return self._words[doc.id]

    def mentions(self, doc: Document, name: str) -> bool:
        return WordSet.of([name]).matches_words(self.words(doc))

    def rarity(self, name: str) -> int:
        """How many documents of the run mention ``name`` (fewer: more telling)."""
        if name not in self._rarity:
            self._rarity[name] = sum(1 for d in self.documents if self.mentions(d, name))
        return self._rarity[name]

    def subjects(self, members: list[Cited], min_docs: int) -> list[tuple[str, list[Cited]]]:
        """The group split by the names its documents share: the name most of the
        remaining documents mention (see ``rank``) takes the documents that mention it,
        while it has ``min_docs``."""
        docs = {c.doc.id: c.doc for c in members}
        candidates = sorted(_names(docs.values(), self.common))
        sentences: dict[str, tuple[str, ...]] = defaultdict(tuple)
        for c in members:
            sentences[c.doc.id] += words_of(c.claim.sentence)
        remaining = set(docs)
        out = []

        def rank(name: str) -> tuple[int, int, int, str]:
            # Named in the claims' own sentences first ("Marlow's council passed ..."),
            # then anywhere in the stories, then the rarest in the run.
            near = sum(1 for d in remaining if WordSet.of([name]).matches_words(sentences[d]))
            anywhere = sum(1 for d in remaining if self.mentions(docs[d], name))
            return (-near, -anywhere, self.rarity(name), name)

        while remaining and candidates:
            best = min(candidates, key=rank)
            taken = {d for d in remaining if self.mentions(docs[d], best)}
            if len(taken) < min_docs:
                break
            out.append((best, [c for c in members if c.doc.id in taken]))
            remaining -= taken
            candidates.remove(best)
        return out


def _names(documents: Iterable[Document], common: frozenset[str]) -> set[str]:
    """The names the documents mention: whole ("Gaza Strip"), and one word of a longer
    name only where it also stands alone ("Marlow" of "Marlow City Council"), never a
    word some story writes in lower case. Lines are read one by one: a line without a
    full stop (a dateline, a heading) does not run into the next one's first word."""
    whole: set[str] = set()
    for doc in documents:
        for line in f"{doc.title or ''}\n{doc.text}".splitlines():
            whole.update(names_in(line))
    alone = {n for n in whole if " " not in n}
    found = {n for n in whole if " " in n} | {w for n in whole for w in n.split() if w in alone}
    return {n for n in found if len(n) > 2 and all(w.isalpha() and w.lower() not in common for w in n.split())}


def _draft(key: FrameKey, topic: str, members: list[Cited], leeway: Tolerance) -> Draft:
    members = sorted(members, key=lambda c: c.sort_key)
    unit = members[0].claim.unit
    # Values are compared in one unit; a claim in another is left to the reviewer.
    members = [c for c in members if c.claim.unit == unit]
    anchor, agreeing, conflicting = _sides(members, leeway)
    label = f"{topic}: {key.describe()}"
    draft = Draft(
        key=key, topic=topic, figure_id=_figure_id(label), label=label, claims=members,
        anchor=anchor, agreeing=agreeing, conflicting=conflicting, verbs=_verbs(key, members), leeway=leeway,
    )
    _tolerance(draft)
    _cases(draft)
    return draft


def _days_near(members: list[Cited]) -> dict[date | None, list[Cited]]:
    """The claims about each date and the dates a window away (undated: together)."""
    by_day: dict[date | None, list[Cited]] = defaultdict(list)
    for c in members:
        by_day[c.day].append(c)
    near: dict[date | None, list[Cited]] = {}
    for day, claims in by_day.items():
        if day is None:
            near[day] = claims
            continue
        near[day] = [c for k in range(-WINDOW_DAYS, WINDOW_DAYS + 1) for c in by_day.get(day + timedelta(days=k), ())]
    return near


def _sides(members: list[Cited], leeway: Tolerance) -> tuple[Cited, list[Cited], list[Cited]]:
    """The claim the most documents of its date agree with (the earliest on a tie, as
    the ``undefined`` check flags the later), with the claims of its date that agree
    with it and those that do not."""
    near = _days_near(members)

    def backing(c: Cited) -> int:
        return len({o.doc.id for o in near[c.day] if c.interval.overlaps(o.interval, leeway)})

    anchor = min(members, key=lambda c: (-backing(c), c.sort_key))
    same_day = sorted(near[anchor.day], key=lambda c: c.sort_key)
    agreeing = [c for c in same_day if anchor.interval.overlaps(c.interval, leeway)]
    agreed = {id(c) for c in agreeing}
    conflicting = [c for c in same_day if id(c) not in agreed and c.doc.id != anchor.doc.id]
    return anchor, agreeing, conflicting


def _verbs(key: FrameKey, members: list[Cited]) -> dict[str, list[Cited]]:
    """The verbs that put the claims in the frame's verb class, as predicate words."""
    if key.action == "level":
        return {}
    verbs: dict[str, list[Cited]] = defaultdict(list)
    for c in members:
        verb = c.claim.frame.verb if c.claim.frame is not None else None
        if verb and verb not in _EMPTY_VERBS:
            verbs[verb].append(c)
    if not verbs:  # the class came from a state or a participle: its name is the word
        verbs[key.action] = list(members)
    return dict(sorted(verbs.items()))


def _tolerance(draft: Draft) -> None:
    """The widest relative reading the calibrated hedges give an agreeing claim,
    rounded up to a whole percent, and never below the leeway that grouped the claims:
    a story may be a rounding away from the figure the others give."""
    def half_width(c: Cited) -> float:
        iv = c.interval
        scale = max(abs(iv.lo), abs(iv.hi))
        return (iv.hi - iv.lo) / 2 / scale if scale else 0.0

    draft.widest = min(draft.agreeing, key=lambda c: (-half_width(c), c.sort_key))
    percent = math.ceil(round(half_width(draft.widest) * 100, 6))
    draft.tolerance = max(percent / 100, draft.leeway.relative)


def _cases(draft: Draft) -> None:
    """A conflicting claim checked against the reference must flag, an agreeing claim
    of another story checked against it must pass (alone, when no other story agrees)."""
    tolerance = Tolerance(absolute=draft.leeway.absolute, relative=draft.tolerance)
    telling = sorted(draft.conflicting, key=lambda c: (not _mentions(c, draft.topic), c.sort_key))
    for c in telling:
        if not c.interval.overlaps(draft.anchor.interval, tolerance):
            draft.flag_case = (c, draft.anchor)
            break
    others = [c for c in draft.agreeing if c.doc.id != draft.anchor.doc.id]
    others.sort(key=lambda c: (not _mentions(c, draft.topic), c.sort_key))
    draft.pass_case = (others[0], draft.anchor) if others else (draft.anchor, None)


def _mentions(c: Cited, topic: str) -> bool:
    return WordSet.of([topic]).matches_words(words_of(c.claim.sentence))


def _figure_id(label: str) -> str:
    # Ids are ASCII (FIGURE_ID_PATTERN): "Zürich" gives "z_rich", which the label keeps readable.
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in label.lower()).split()
    ident = "_".join(words)[:60].strip("_") or "figure"
    return ident if ident[0].isalpha() else f"figure_{ident}"


def _unique_ids(drafts: list[Draft], taken: set[str] | frozenset[str]) -> None:
    """Two drafts of one label (a money and a count figure of one thing), or a draft
    and a loaded figure, get ids kept apart by rank: the same corpus, the same ids."""
    used = set(taken)
    for d in drafts:
        base, n = d.figure_id, 1
        while d.figure_id in used or d.check_id in used:
            n += 1
            d.figure_id = f"{base}_{n}"
        used |= {d.figure_id, d.check_id}
