"""Changes and levels: whether a figure is an amount of change, and which way.

"Gas prices rose 12 cents", "shares fell 3%", "up 40 miles on a charge", "a 6.1 percent
drop", "warmed by 0.8 degrees" are **changes** (``role`` "change", ``direction`` "up"
or "down"): the figure measures how much something moved, not where it stands. "Rose to
4.6%" is the new **level** (``role`` "after"); "dropped from $1,980 to $1,740" is two
figures, the old value (``role`` "before") and the new (``role`` "after"), each naming
the other (``pair_start``: the other's start offset; ``pair``: its id, once claims have
ids), with the direction their values give.

This module is the one vocabulary of change the project has: the quantity stage reads
roles with it, the clause analysis (``factcheck.extract.context.frame``) takes from it
the words that make "from X" an earlier value, and the rule-free grouping
(``factcheck.match.frames``) the verbs whose figures are never levels.

The grammar, read in a few words either side of each figure (never across another
figure or a clause mark, so the cost is a constant per figure):

* ``VERB [by] FIG``: an intransitive verb of change ("rose 3%", "warmed by 0.8
  degrees"); a verb that also takes an object ("cut", "raised", "added") makes a
  change only with "by" ("cut prices by 5%") or of a percentage ("cut 5%"): "raised
  $50 million" and "cut 200 jobs" count what was raised and cut;
* ``up|down [by] FIG`` ("up 40 miles", "shares were down 3%"), unless the particle
  belongs to another verb ("shut down 3 plants");
* ``FIG higher|lower|up|down`` ("closed 3% higher");
* ``FIG [word word] NOUN`` and ``NOUN of FIG`` for a noun of change ("a 6.1 percent
  drop", "a 5% pay rise", "an increase of 12 cents"); a sum of money before "loss" or
  "gain" is a level of that loss or gain ("a $2 billion loss");
* ``VERB to FIG`` / ``up|down to FIG``: the level reached (``after``), also after a
  change ("slid 3 points to 71%");
* ``CUE ... from FIG to FIG``: a cue of change within four words before "from" (any
  verb of change, a neutral one such as "went" or "moved", a noun of change, "up" or
  "down") makes the two figures before and after;
* ``FIG [words] [,] up|down from|compared with|versus|against|from FIG [time]``: the new
  level, then the old one it is set against (``comparisons``: "48,200, down from 51,000
  a year earlier", "2.8% in April, compared with 3.1% in March").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.extract.quantities.comparisons import Direction, comparison
from factcheck.models import Claim

# Verb lemmas of change by direction. Intransitive ones make their bare figure a change
# ("rose 3%"); the transitive ones below need "by" or a percentage.
_UP = (
    "rise increase grow climb jump surge soar gain rebound recover rally advance spike "
    "balloon swell widen expand accelerate warm rocket skyrocket improve strengthen "
    "appreciate"
).split()
_DOWN = (
    "fall decrease drop decline plunge plummet slip slide tumble dip sink slump ease "
    "shrink narrow contract cool retreat weaken depreciate sag crash dive slow decelerate "
    "soften"
).split()
_UP_TRANSITIVE = "raise boost lift add hike double triple increase".split()
_DOWN_TRANSITIVE = "cut reduce lower slash trim shed halve drop lose".split()
# Verbs that only move a figure somewhere, the direction coming from the values or a
# particle ("went from 310 miles to 345 miles", "edged up 0.2%").
_NEUTRAL = "move change shift swing switch revise adjust edge tick inch nudge creep trend".split() + ["go", "went", "gone", "goes", "going"]
# "a pay rise", "an increase of 12 cents": nouns of change.
_UP_NOUNS = "rise increase gain jump surge climb growth hike boost rebound uptick spike rally upswing warming".split()
_DOWN_NOUNS = "drop fall decrease decline cut reduction loss slump plunge dip slide contraction downturn fall-off markdown downswing cooling".split()
# A sum of money before these is the level of a loss or a gain ("a $2 billion loss").
_MONEY_LEVEL_NOUNS = frozenset({"loss", "losses", "gain", "gains"})

_IRREGULAR = {
    "rise": ("rose", "risen", "rising"), "grow": ("grew", "grown"), "fall": ("fell", "fallen"),
    "sink": ("sank", "sunk"), "shrink": ("shrank", "shrunk", "shrunken"), "swell": ("swollen",),
    "slide": ("slid", "sliding"), "lose": ("lost", "losing"), "cut": ("cutting",),
    "dive": ("dove", "diving"), "shed": ("shedding",),
}
_VOWELS = "aeiou"


def _forms(lemma: str) -> set[str]:
    """The inflected forms of a regular verb (or noun plural) and its irregular ones."""
    out = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("sh", "ch", "s", "x")):
        out |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        # one vowel before one final consonant of a one-syllable verb doubles it
        # ("slipped", "dipped"; not "lowered", "widened")
        syllables = len(re.findall(f"[{_VOWELS}]+", lemma))
        double = syllables == 1 and lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS
        stem = lemma + lemma[-1] if double else lemma
        out |= {lemma + "s", stem + "ed", stem + "ing"}
    return out


def _table(lemmas: Iterable[str], direction: Direction | None) -> dict[str, Direction | None]:
    return {form: direction for lemma in lemmas for form in (_forms(lemma) if " " not in lemma else {lemma})}


# Word form -> direction, per class.
INTRANSITIVE: dict[str, Direction | None] = {**_table(_UP, "up"), **_table(_DOWN, "down")}
TRANSITIVE: dict[str, Direction | None] = {**_table(_UP_TRANSITIVE, "up"), **_table(_DOWN_TRANSITIVE, "down")}
NEUTRAL: dict[str, Direction | None] = _table(_NEUTRAL, None)
NOUNS: dict[str, Direction | None] = {**_table(_UP_NOUNS, "up"), **_table(_DOWN_NOUNS, "down")}
PARTICLES: dict[str, Direction] = {"up": "up", "down": "down", "higher": "up", "lower": "down"}

# Lemmas of every verb of change (the rule-free grouping never takes their figures as
# levels), and every form of them (what makes "from X" an earlier value).
CHANGE_LEMMAS = frozenset(_UP + _DOWN + _UP_TRANSITIVE + _DOWN_TRANSITIVE)
CHANGE_FORMS = frozenset(INTRANSITIVE) | frozenset(TRANSITIVE)
FROM_TO_CUES = CHANGE_FORMS | frozenset(NEUTRAL) | frozenset(NOUNS) | frozenset({"up", "down", "revised", "upgraded", "downgraded"})

# Forms of "be", and the verbs "up"/"down" may follow as a change ("is up 3%", "closed
# down 2%"). Any other verb before the particle makes it that verb's ("shut down 3").
_BE = frozenset("is are was were be been being 's ’s".split())
_PARTICLE_HOSTS = _BE | frozenset(NEUTRAL) | frozenset(
    f for lemma in "close end finish trade open start head stay remain".split() for f in _forms(lemma)
)
# Verbs that take "up"/"down" as their own particle; a noun ("shares up 3%") or the
# start of the clause leaves the particle to the figure.
_PARTICLE_VERBS = frozenset(
    f for lemma in (
        "shut set put break take pick bring turn make give sign lock build round back tie "
        "tear hold knock mark wind step scale write shoot hunt track call load pile take "
        "mop clean beef ramp crack clamp"
    ).split() for f in _forms(lemma)
) | frozenset("broke broken took taken brought made gave given built held wrote written shot tore torn".split())
# "add X to the bill": X is what the bill grows by.
_ADD_FORMS = frozenset(_forms("add"))
_DETERMINERS = frozenset("the a an its their his her our your each every this that these those".split())
# Comparatives after a percentage: "40 percent fewer flowers", "30% more expensive".
_COMPARATIVES: dict[str, Direction] = {"more": "up", "fewer": "down", "less": "down"}
# Words that may stand between a verb and its figure ("rose another 2%", "fell sharply 3%").
_FILLERS = frozenset("another further a an additional just only still some nearly almost roughly".split())
# Words that cannot sit inside "a 6.1 percent drop" between the figure and the noun.
_FUNCTION = frozenset("of in on at to for from and or the a an than with by over after before as since into per".split())

_WORD = re.compile(r"[a-z][a-z'’-]*|[^\sa-z]")
# How many words before "by FIG" the verb of change may be (its object between).
_BY_REACH = 9
# How far either side of a figure the grammar reads (characters).
_LEFT = 70
_RIGHT = 40
# "from 41,000 in 2019 to 55,000", "from 4.1% last year to": the old value's date
# between the two values.
_DATED_GAP = re.compile(r"(?:in|on|at|during|a|last|the|this|of|[a-z]+day|\d{4}|[a-z]{3,9}\.?)(?:\s+[\w.'’]+){0,3}\s+to")
_PERCENTS = frozenset({"percent", "percentage_point"})
# At most this many words (a time, the rate's words) between a change and "to" its level.
_AFTER_CHANGE_WORDS = 6
# ", or 0.5%", " (or 0.5%": the change before, restated.
_RESTATED = re.compile(r"\s*,?\s*\(?\s*or\s+")
# "to 10,000 rupees from 1,000 rupees": the old value after the new one.
# A few words of the new level's own may stand between ("rise to 2.5% of GDP by 2030,
# from 2.3% now").
_FROM_NEXT = re.compile(r"(?:\s+[\w'’.-]+){0,6}?\s*,?\s+from\s+")
# "to 3% from 2019 to 2021": "from" opens a span (of years, or a range), not the old level.
_TO_NEXT = re.compile(r"\s+to\s")


def _left_words(text: str, lo: int, start: int) -> list[str]:
    """The words before ``start`` back to ``lo`` or a clause mark, lower-cased."""
    words = _WORD.findall(text[max(lo, start - _LEFT) : start].lower())
    for k in range(len(words) - 1, -1, -1):
        if words[k] in (",", ";", ":", ".", "(", ")", "!", "?", "—", "–") or words[k].isdigit():
            return words[k + 1 :]
    return words if start - _LEFT <= lo else words[1:]  # the first may be cut


def _right_words(text: str, end: int, hi: int) -> list[str]:
    words = _WORD.findall(text[end : min(hi, end + _RIGHT)].lower())
    for k, w in enumerate(words):
        if not w[0].isalpha() and w not in ("-", "%"):
            return words[:k]
    return words if end + _RIGHT >= hi else words[:-1]


class _Reading:
    """What the words around one figure say: its role and direction (or nothing)."""

    __slots__ = ("direction", "role")

    def __init__(self, role: str | None = None, direction: Direction | None = None) -> None:
        self.role = role
        self.direction = direction


# Words that open another clause: a verb of change before them is not the figure's.
_CLAUSE_OPENERS = frozenset("and but or while whereas which who that as when after before".split())


def _verb_before(left: list[str], k: int, reach: int = 4) -> int | None:
    """The index of a change verb within ``reach`` words before index ``k``, none across
    another clause."""
    for j in range(k - 1, max(-1, k - reach - 1), -1):
        w = left[j]
        if w in INTRANSITIVE or w in TRANSITIVE or w in NEUTRAL:
            return j
        if w in _CLAUSE_OPENERS:
            return None
    return None


# Words between "to" and the level it reaches: "to a record 191.5p", "to a new high of $2,450".
_LEVEL_WORDS = frozenset("a an record new fresh all-time high low peak of".split())


def _to_index(left: list[str]) -> int | None:
    """The index of the "to" before the figure, past the words of a record level ("rose
    to a record $84"), or None."""
    k = len(left) - 1
    while k >= 0 and left[k] in _LEVEL_WORDS and len(left) - k <= 4:
        k -= 1
    return k if k >= 0 and left[k] == "to" else None


def _read_left(left: list[str], claim: Claim, right: list[str]) -> _Reading | None:
    if not left:
        return None
    t = _to_index(left)
    if t is not None and t < len(left) - 1:
        left = left[: t + 1]
    k = len(left) - 1
    to = left[k] == "to"
    by = left[k] == "by"
    if to or by:
        k -= 1
    skipped = 0
    while k >= 0 and skipped < 2 and (left[k] in _FILLERS or (left[k].endswith("ly") and len(left[k]) > 4)):
        k -= 1
        skipped += 1
    if k < 0:
        return None
    w = left[k]
    of_after = bool(right) and right[0] == "of"
    if w in ("up", "down"):
        host = left[k - 1] if k >= 1 else None
        if host is not None and host in _PARTICLE_VERBS:
            return None
        if host is not None and not (host in _PARTICLE_HOSTS or host in INTRANSITIVE or host in TRANSITIVE) and host.endswith(("ed", "ing")):
            return None  # "wound down 3": another verb's particle
        return _Reading("after" if to else "change", PARTICLES[w])
    if w in INTRANSITIVE:
        if to:
            return _Reading("after", INTRANSITIVE[w])
        if w in TRANSITIVE and not by and claim.kind == "count" and right[:1] != ["points"]:
            return None  # "dropped 3 games", "increased 40 staff": what was dropped
        return None if of_after and not by else _Reading("change", INTRANSITIVE[w])
    if w in TRANSITIVE:
        if to:
            return _Reading("after", TRANSITIVE[w])
        if by or (claim.unit in _PERCENTS and not of_after):
            return _Reading("change", TRANSITIVE[w])
        if w in _ADD_FORMS and claim.kind != "count" and right[:1] == ["to"] and right[1:2] and right[1] in _DETERMINERS:
            return _Reading("change", "up")  # "adding $120 a year to the average bill"
        return None
    if to and claim.kind != "count":
        # "cut season ticket prices to £480": the verb's object between it and "to" (a
        # count after "to" is more often somewhere else: "added flights to 30 cities")
        j = _verb_before(left, k + 1)
        if j is not None:
            d = INTRANSITIVE.get(left[j]) or TRANSITIVE.get(left[j])
            return _Reading("after", d) if d else None
    if by:
        # "cut the price of its hatchback by 4,000 yuan": the object may stand between
        j = _verb_before(left, k + 1, _BY_REACH)
        if j is not None:
            d = INTRANSITIVE.get(left[j]) or TRANSITIVE.get(left[j])
            return _Reading("change", d) if d else None
    if w == "of" and k >= 1 and left[k - 1] in NOUNS:
        if claim.kind == "money" and left[k - 1] in _MONEY_LEVEL_NOUNS:
            return None
        return _Reading("change", NOUNS[left[k - 1]])
    return None


def _read_right(right: list[str], claim: Claim) -> _Reading | None:
    if not right:
        return None
    w = right[0]
    if w in PARTICLES:
        nxt = right[1] if len(right) > 1 else ""
        if w in ("up", "down") and nxt in ("the", "a", "an", "and", "or", "in", "at", "to", "with", "for", "on"):
            return None  # "40 miles up the coast", "set 3 traps down in"
        return _Reading("change", PARTICLES[w])
    if w in _COMPARATIVES and claim.unit == "percent":
        return _Reading("change", _COMPARATIVES[w])
    if claim.kind == "count" and w != "-":
        return None  # "200 job cuts" counts the cuts; "a 9-point decline" is one
    for k, w in enumerate(right[:4]):
        if w in NOUNS and right[k + 1 : k + 2] and right[k + 1] in _DETERMINERS:
            return None  # "50 mg a day cut the risk": a verb with its object, not a noun
        if w in NOUNS:
            if claim.kind == "money" and w in _MONEY_LEVEL_NOUNS:
                return None
            return _Reading("change", NOUNS[w])
        if w in _FUNCTION or not w[0].isalpha() and w != "-":
            return None
    return None


def _from_to(text: str, a: Claim, b: Claim, lo: int) -> bool:
    """Whether ``a`` and ``b`` are "from A to B" after a cue of change."""
    gap = text[a.end : b.start].strip().lower()
    if gap != "to" and not _DATED_GAP.fullmatch(gap):
        return False
    left = _left_words(text, lo, a.start)
    if not left or left[-1] != "from":
        return False
    return any(w in FROM_TO_CUES for w in left[-5:-1])


def _direction_between(a: Claim, b: Claim, cue: Direction | None) -> Direction | None:
    if a.value is not None and b.value is not None and a.unit == b.unit and a.value != b.value:
        return "up" if b.value > a.value else "down"
    return cue


def _cue_direction(text: str, lo: int, start: int) -> Direction | None:
    for w in reversed(_left_words(text, lo, start)[:-1]):
        for table in (INTRANSITIVE, TRANSITIVE, NOUNS, PARTICLES):
            d = table.get(w)
            if d is not None:
                return d  # type: ignore[return-value]
    return None


def mark_changes(text: str, claims: list[Claim]) -> list[Claim]:
    """``claims`` (in text order) with ``role``, ``direction`` and ``pair_start`` read
    from the words around each; a claim the grammar says nothing of is returned as is."""
    out = list(claims)
    n = len(out)
    k = 0
    while k < n:
        c = out[k]
        lo = out[k - 1].end if k else 0
        hi = out[k + 1].start if k + 1 < n else len(text)
        if k + 1 < n and _from_to(text, c, out[k + 1], lo):
            b = out[k + 1]
            d = _direction_between(c, b, _cue_direction(text, lo, c.start))
            out[k] = c.model_copy(update={"role": "before", "direction": d, "pair_start": b.start})
            out[k + 1] = b.model_copy(update={"role": "after", "direction": d, "pair_start": c.start})
            k += 2
            continue
        right = _right_words(text, c.end, hi)
        left = _left_words(text, lo, c.start)
        reading = _read_left(left, c, right) or _read_right(right, c)
        if k + 1 < n:
            paired, d = comparison(text, c, out[k + 1])
            # "down from 4,300 to 4,150" is a from-to of its own, read at the next figure
            if paired and not (k + 2 < n and _from_to(text, out[k + 1], out[k + 2], c.end)):
                # "48,200, down from 51,000": the new level, then the old; a change
                # compared with an earlier change ("rose 3.2%, up from 2.9%") stays one
                b = out[k + 1]
                role = "change" if reading is not None and reading.role == "change" else "after"
                direction = reading.direction if role == "change" and reading is not None else d
                out[k] = c.model_copy(update={"role": role, "direction": direction, "pair_start": b.start})
                out[k + 1] = b.model_copy(update={"role": "before", "direction": d, "pair_start": c.start})
                k += 2
                continue
        if reading is None and k and out[k - 1].role == "change":
            t = _to_index(left)
            if t is not None and t <= _AFTER_CHANGE_WORDS and not any(
                w in CHANGE_FORMS or w in _CLAUSE_OPENERS for w in left[:t]
            ):
                # "slid 3 points to 71%", "up 5% to $4.20", "rose 12p a litre in a month
                # to a record 191.5p": the level the change reached
                reading = _Reading("after", out[k - 1].direction)
            elif _RESTATED.fullmatch(text, out[k - 1].end, c.start):
                # "slipped 42 cents, or 0.5%": the same change in another unit
                reading = _Reading("change", out[k - 1].direction)
        if reading is not None:
            out[k] = c.model_copy(update={"role": reading.role, "direction": reading.direction})
            if reading.role == "after" and k + 1 < n and _FROM_NEXT.fullmatch(text, c.end, out[k + 1].start) \
                    and not _TO_NEXT.match(text, out[k + 1].end):
                # "raised to 10,000 rupees from 1,000 rupees": the new level, then the old
                b = out[k + 1]
                d = _direction_between(b, c, reading.direction)
                out[k] = out[k].model_copy(update={"direction": d, "pair_start": b.start})
                out[k + 1] = b.model_copy(update={"role": "before", "direction": d, "pair_start": c.start})
                k += 2
                continue
        k += 1
    return out
