"""Claim frames: the clause around each figure, analysed once per sentence.

For every figure of a sentence the analysis says what is counted, what happened to it
and how the figure stands in its clause, so that figure matching reads the sentence's
structure rather than a word list over a single field:

* the **counted thing**: the head noun of the figure's noun phrase, its lemma and the
  words that narrow it ("living", "dead", "the remains of", "food"); a figure without a
  noun of its own takes the noun of the whole it is part of, or of what it measures
  ("the death toll rose to 32,000" measures a death toll);
* the **governing verb** of its clause, with lemma, voice, tense and negation: the main
  verb when the figure's noun phrase is its subject or object, never a participle or a
  relative clause that only describes the noun ("132 hostages seized on Oct. 7 are still
  in Gaza" are *in Gaza*, held; *seized* describes them, ``described_by``); a verb the
  figure measures ("rose to", "put the toll at", "drove the toll up to"); the state of a
  copula or of "remain" ("are dead", "remain in captivity"); a chain of stance verbs
  ("are thought to still be held") ends at the verb that says what happened;
* the **agent**: who did it, when the figure is the object ("Israel's offensive has
  killed 15,899"; "a Hamas attack that killed 1,200");
* the **part-of relation**: "43 of whom", "X of them", "X among them", "including X",
  "X of the Y", "Of the Y, X were children", "X are among the dead": the part, the
  relation and the whole it belongs to (the claim of the whole when it is a figure);
* the **period** the figure counts when it is not the running total: a single day ("in
  the past 24 hours"), a rate ("a day", "daily"), an average, before the war ("pre-war",
  "before the conflict", "used to"), a month to date;
* the **role** of the figure: current, or an earlier value the sentence sets aside
  ("down from 1,400", "earlier Israel said 1,400", "an earlier estimate of 1,400").

The analysis works on the tags of ``tagger``; no parser. ``SentenceFrames`` frames all
the figures of one sentence in text order, so a part can name its whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extract.context.lemma import verb_lemma
from factcheck.extract.context.tagger import ADJECTIVES, Word
from factcheck.extract.context.tokens import IRREGULAR, past_form

_IRREGULAR_PAST = frozenset(form for form, (past, participle) in IRREGULAR.items() if form in (past, participle))

# Stance verbs: "are thought to be held", "claim to have seized", "is estimated to number".
STANCE = frozenset(
    "think believe estimate say report claim expect appear seem fear presume suspect "
    "understand know consider assume confirm declare pronounce".split()
)
# Verbs of saying: "officials said 116 hostages remained" reports a clause.
SPEECH = frozenset("say tell report estimate announce state add note write claim believe think confirm mean show suggest indicate".split())
# Verbs that only count or report the figure ("officials counted 300 people who fled"):
# what happened to the counted is said by the verb that describes them.
COUNTING_VERBS = frozenset("count record document register tally list report".split())
# Verbs a figure completes as the value of something else ("rose to", "stood at").
MEASURE = frozenset(
    "rise climb jump increase grow reach hit top exceed surpass pass stand total number "
    "fall drop decline decrease ease slip sink plunge soar surge swell double triple put "
    "take bring drive push raise lift hover peak amount".split()
)
# Verbs whose direct object is a value of their subject ("the toll topped 30,000").
MEASURE_DIRECT = frozenset("reach exceed top surpass pass hit number total near approach cross equal hover".split())
PARTICLES = frozenset({"off", "out", "away", "back", "up", "down"})
# Nouns a figure with a noun of its own is still the value of ("a toll of 32,000 people");
# other nouns take it as their object ("the return of 128 hostages").
_MEASURE_NOUNS = frozenset({"toll", "population", "total", "number", "count", "figure", "tally", "sum", "average", "estimate", "rate"})
_GENERIC_MEASURES = frozenset({"figure", "number", "count", "tally", "total", "new", "latest", "official", "overall"})
_LEVEL_PREPS = frozenset({"to", "at", "of", "past", "beyond", "above", "below", "around", "near"})
# Nouns a count is often "of" without being the counted thing ("the remains of 30").
CONTAINERS = frozenset({"remains", "body", "bodies", "corpse", "corpses"})
_SKIP_IN_NP = frozenset({"ADV", "NEG"})
_EARLIER_WORDS = frozenset({"earlier", "previously", "initially", "originally", "formerly", "first"})
_NOT_EARLIER_AFTER = frozenset({"this", "today", "week", "month", "year", "in", "on"})
_CHANGE_WORDS = frozenset({"down", "up", "revised", "lowered", "raised", "cut", "reduced"})
# Nouns of places: the object of "left the city", "crossed the border", "fled their
# homes" is where the counted went or came from, not what they acted on.
PLACE_NOUNS = frozenset(
    "city town village country area region district territory enclave strip camp crossing "
    "border home house north south east west neighbourhood neighborhood shelter school "
    "hospital building land coast frontier zone province state capital refuge safety "
    "cover asylum sanctuary".split()
)
# Words that take a part of a whole as a number would ("many of the 128 hostages").
_QUANTIFIERS = frozenset(
    "dozens hundreds thousands scores tens millions many most some several few all none "
    "half each both majority minority rest remainder".split()
)
_SUPPORT = frozenset({"support", "back", "endorse", "approve", "favor", "favour"})
_PARTITIVE_PRONOUNS = frozenset({"whom", "them", "which", "those", "these"})
_PREWAR = ("before the war", "before the conflict", "pre-war", "prewar", "prior to the war",
           "prior to the conflict", "before october 7", "before oct. 7", "before oct 7",
           "before the fighting", "before the israel-hamas war", "in pre-war times", "used to",
           "would typically", "once home to", "before israel's current")
# A recent span of days or weeks (not the war's whole length: "over the past 14 months"
# is how a running total is often told).
_SPAN = re.compile(
    r"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+"
    r"(?:(?:few|several|two|three|four|five|six|seven|ten|\d{1,2})\s+(?:days|weeks)|week|month|fortnight)\b"
    r"|\blast\s+(?:week|month)\b|\bthis\s+week\b"
)
_DURATION_UNITS = frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "months"})
_DAY = ("past 24 hours", "last 24 hours", "previous 24 hours", "past day", "in a single day",
        "in one day", "over the past day", "on monday alone", "in the latest 24")


@dataclass
class Frame:
    """What the clause says about one figure (see the module docstring)."""

    noun: str | None = None
    noun_phrase: str | None = None
    head: int | None = None  # word index of the head noun
    np_end: int | None = None  # word index after the noun phrase
    modifiers: list[str] = field(default_factory=list)
    verb: str | None = None
    verb_text: str | None = None
    complement: list[str] = field(default_factory=list)
    voice: str | None = None
    tense: str | None = None
    negated: bool = False
    stance: str | None = None
    how: str | None = None  # "subject", "object", "measure", "copula", "modifier", "none"
    described_by: list[str] = field(default_factory=list)
    agent: list[str] = field(default_factory=list)
    measured: list[str] = field(default_factory=list)  # what a "measure" figure is the value of
    part_of: int | None = None  # index of the whole among the sentence's figures
    part_noun: str | None = None  # the whole's noun when the whole is not a figure
    part_relation: str | None = None
    whole_before: bool = False  # the whole is the previous sentence's figure ("They include ...")
    period: str | None = None
    rate: str | None = None  # "day" for "500 trucks a day", "daily"
    vote: str | None = None  # "for", "against", "abstain": a part of a vote tally
    role: str = "current"
    clause: tuple[int, int] | None = None  # document offsets of the figure's clause
    place: str | None = None  # what "where" stands for, when the clause opens with it
    versus: int | None = None  # index of the figure this one is a value of (an earlier value, "the figure is ...")
    verb_at: int | None = None  # word index of the verb
    described_spans: list[tuple[int, int]] = field(default_factory=list)  # word ranges of the describing phrases
    verb_end: int | None = None  # word index after the verb group
    # What the counted act on, when the figure is the subject of an active verb with an
    # object that is not a place ("the two held a meeting"): then the verb says what
    # they did, not what happened to them.
    acted_on: str | None = None

    @property
    def predicate_words(self) -> list[str]:
        """Lemmas that say what happened: the verb, its complement, and the verbs that
        describe the noun (weaker, last)."""
        out = [self.verb] if self.verb else []
        out += self.complement
        return out + [w for w in self.described_by if w not in out]

    def predicate_text(self) -> str | None:
        """The predicate as the ``predicate`` field shows it: the verb's past participle
        ("held", "killed"), the state of a copula ("dead", "in captivity"); for the
        whole of a partitive, the state its noun is given ("the remaining 128")."""
        if self.how == "whole":
            return self.modifiers[0] if self.modifiers else None
        if self.verb and self.verb not in ("be", "remain"):
            written = (self.verb_text or "").lower()
            text = written if written.endswith(("ed", "en")) or written in _IRREGULAR_PAST else past_form(self.verb)
            return f"not {text}" if self.negated else text
        if self.complement:
            # "unable" and "unable to live in their homes": the longer phrase says it all
            kept = [c for k, c in enumerate(self.complement) if not any(o.startswith(c + " ") for o in self.complement[k + 1 :])]
            text = " ".join(kept)
            return f"{self.verb} {text}" if self.verb == "remain" else text
        if self.verb == "remain":
            return "remain"
        if self.described_by:
            first = self.described_by[0]
            return first if " " in first else past_form(first)  # a state phrase ("located in") as written
        return None


def _np(words: list[Word], i0: int, i1: int, limit: int) -> tuple[list[int], int]:
    """Word indices of the noun phrase after the figure at [i0, i1), and its end: nouns
    and adjectives, "of" + a determiner or possessive for a partitive ("128 of the
    hostages"), at most five words, up to ``limit``."""
    k = i1
    if k < limit and words[k].low in ("%", "percent", "per", "cent", "pc", "pct"):
        while k < limit and words[k].low in ("%", "percent", "per", "cent", "pc", "pct"):
            k += 1
    if k + 1 < limit and words[k].low == "of" and (words[k + 1].tag in ("DET", "POSS") or words[k + 1].tok.is_possessive):
        k += 1
        while k < limit and (words[k].tag in ("DET", "POSS") or words[k].tok.is_possessive) and words[k].tag != "NOUN":
            k += 1
        m = k
        while m < limit and words[m].tag == "ADJ":
            m += 1
        if m < limit and words[m].tag == "NUM":
            return [], i1  # "dozens of the remaining 128 hostages": the whole is a figure of its own
    found: list[int] = []
    if k < limit and words[k].low in ("more", "others", "other", "additional", "further"):
        found.append(k)  # "250 more were seized", "240 others": the head stands for the noun before
        k += 1
    while k < limit and len(found) < 5:
        w = words[k]
        if w.tag == "ADJ" and found and words[found[-1]].tag == "NOUN":
            break  # "people living in shelters": after its noun, an adjective describes it
        if w.tag in ("NOUN", "ADJ") or (w.tag == "VBN" and not found and k + 1 < limit and words[k + 1].tag == "NOUN"):
            if found and w.tok.is_capitalized and not words[found[-1]].tok.is_capitalized and w.tag == "NOUN":
                break
            found.append(k)
            k += 1
            if w.tok.is_possessive:
                break
            continue
        if w.tag == "PUNCT" and w.text == "-" and found:
            k += 1
            continue
        break
    return found, k


def _head(words: list[Word], np: list[int]) -> int | None:
    """The head of a noun phrase: its last noun."""
    for k in reversed(np):
        if words[k].tag == "NOUN":
            return k
    if np and words[np[-1]].low in ("more", "others", "other", "additional", "further"):
        return None  # a pronoun-like head: the noun comes from the figure before
    return np[-1] if np else None


class SentenceFrames:
    """The frames of every figure of one sentence; ``figures`` are their word ranges."""

    def __init__(self, words: list[Word], figures: list[tuple[int, int]], text: str) -> None:
        self.words = words
        self.figures = figures
        self.text = text
        self.low = " ".join(w.low for w in words)
        self.frames: list[Frame] = [self._frame(n) for n in range(len(figures))]
        for n in range(len(figures)):
            self._parts(n)
            self.frames[n].vote = self._vote(n)
        for n in range(len(figures) - 1):
            self._alive_beside_remains(n)
        for n in range(len(figures)):
            self._versus(n)

    # -- one figure ----------------------------------------------------------------------
    def _frame(self, n: int) -> Frame:
        i0, i1 = self.figures[n]
        words = self.words
        f = Frame()
        if not 0 <= i0 < i1 <= len(words):
            return f  # a figure the tokens do not cover (a span inside one token)
        a, b = self._clause(i0, i1)
        np, end = _np(words, i0, i1, b)
        head = _head(words, np)
        if head is not None:
            f.head, f.np_end = head, end
            f.noun = words[head].lemma if words[head].tag == "NOUN" else words[head].low
            f.noun_phrase = self.text[words[np[0]].tok.start : words[np[-1]].tok.end]
            f.modifiers = [words[k].lemma for k in np if k != head]
            if words[head].tag in ("ADJ", "VBN"):
                f.complement.append(words[head].low)  # "more than 300,000 displaced"
        else:
            f.np_end = end if np else i1
            if [w.low for w in words[i1 : i1 + 2]][:1] == ["of"] and i1 + 1 < b and words[i1 + 1].low in _PARTITIVE_PRONOUNS:
                f.np_end = i1 + 2  # "43 of whom have been declared dead": the verb is the part's
                if words[i1 + 1].low == "whom":
                    self._object_relative(f, i1 + 2, b)
        self._container(f, i0)
        first = words[i0].low
        if verb_lemma(first) in MEASURE_DIRECT | {"surpass", "pass", "exceed", "top", "near"} and i1 - i0 > 1:
            f.how, f.verb, f.measured = "measure", verb_lemma(first), self._agent(i0, a)  # "the toll surpassed 38,000"
        self._left(f, i0, a) if f.how is None else None
        if f.how is None:
            self._right(f, f.np_end or i1, b)
        else:
            self._modifiers(f, f.np_end or i1, b, verb_elsewhere=True)
        self._particle(f, b)
        self._coordinated_predicate(f, b)
        if not f.agent and f.how in ("subject", "exist", "none"):
            f.agent = self._with_agent(a, b)
        self._period(f, a, b, i0)
        self._earlier(f, a, i0)
        f.clause = (self.words[a].tok.start, self.words[b - 1].tok.end) if b > a else None
        if a > 0 and self.words[a - 1].low == "where":
            f.place = self._where(a - 1)
        return f

    def _object_relative(self, f: Frame, k: int, b: int) -> None:
        """ "43 of whom officials have declared dead": the part is the object of the
        relative clause's verb, its subject the agent, what follows the verb its state."""
        words = self.words
        m = k
        while m < b and words[m].tag in ("DET", "POSS", "ADJ", "NOUN", "PRON"):
            m += 1
        if m == k or m >= b or words[m].tag not in ("AUX", "VERB", "VBN"):
            return
        f.agent = [_bare(w) for w in words[k:m] if w.tag in ("NOUN", "ADJ")]
        self._set_verb(f, m, passive=False)
        f.how, f.voice = "object", "active"
        end = f.verb_end or m + 1
        if end < b and words[end].tag in ("ADJ", "VBN"):
            f.complement.append(words[end].low if words[end].tag == "ADJ" else words[end].lemma)

    def _where(self, k: int) -> str | None:
        """The place "where" stands for: the words before it, back to a verb or a clause
        boundary ("Rafah, the southernmost city in Gaza, where ...")."""
        words = self.words
        m = k - 1
        while m >= 0 and words[m].tag not in ("VERB", "AUX", "SUB") and words[m].text not in ";:" and k - m <= 12:
            m -= 1
        span = words[m + 1 : k]
        return self.text[span[0].tok.start : span[-1].tok.end] if span else None

    def _with_agent(self, a: int, b: int) -> list[str]:
        """ "... are dead, with Israel carrying out air strikes": who is acting, in an
        absolute "with" clause of the figure's clause."""
        words = self.words
        for m in range(a, b - 2):
            if words[m].low != "with":
                continue
            n = m + 1
            names: list[str] = []
            while n < b and words[n].tag in ("NOUN", "DET", "ADJ") and len(names) < 4:
                if words[n].tag in ("NOUN", "ADJ"):
                    names.append(_bare(words[n]))
                n += 1
            if names and n < b and words[n].tag == "VBG":
                tail = [w.lemma for w in words[n + 1 : min(b, n + 6)] if w.tag == "NOUN"]
                return names + tail[:2]
        return []

    def _particle(self, f: Frame, b: int) -> None:
        """ "forced 450,000 out of Rafah", "carried off 253 people", "have been moved out
        of": the verb's particle makes a phrase of its own."""
        if f.how not in ("object", "subject") or f.verb is None or f.np_end is None:
            return
        words = self.words
        places = (f.np_end, (f.verb_at or 0) + 1) if f.how == "object" else ((f.verb_at or 0) + 1,)
        for k in places:
            if 0 < k < b and words[k].low in PARTICLES:
                f.complement.append(f"{f.verb} {words[k].low}")
                return

    def _coordinated_predicate(self, f: Frame, b: int) -> None:
        """ "are still held captive and, officials believe, remain alive": a second verb
        group for the same subject adds its state."""
        if f.how != "subject" or f.verb_end is None:
            return
        words = self.words
        k = f.verb_end
        while k < b and words[k].tag in ("ADJ", "ADV", "PREP", "NOUN", "DET") and words[k].low not in ("and", "but"):
            k += 1
        if k >= b or words[k].low not in ("and", "but"):
            return
        m = k + 1
        if m < b and words[m].text == ",":
            m = self._skip_aside(m, b)
        if m < b and words[m].tag in ("AUX", "VERB", "ADV") and not (words[m].tag == "AUX" and m + 1 < b and words[m + 1].tag == "NUM"):
            second = Frame()
            self._set_verb(second, m, passive=None)
            f.complement += [w for w in [second.verb, *second.complement] if w and w not in ("be",)]

    def _clause(self, i0: int, i1: int) -> tuple[int, int]:
        """The clause around the figure: back to a clause boundary (";", ":", a spaced
        dash, a subordinator or relative pronoun, "and"/"but" before a new subject), on
        to the end of the sentence or a semicolon."""
        words = self.words
        a = i0
        while a > 0:
            w = words[a - 1]
            if w.text == ")":
                opening = next((m for m in range(a - 2, -1, -1) if words[m].text == "("), None)
                if opening is not None:
                    a = opening  # "displaced persons (IDPs) are estimated to number ...": an aside
                    continue
            if w.text in "–—":
                opening = next((m for m in range(a - 2, -1, -1) if words[m].text == w.text), None)
                if opening is not None and a - opening <= 12:
                    a = opening  # "the number killed – nearly nine months old – surpassed": an aside
                    continue
            if w.tag == "PUNCT" and w.text in ";:()[]—–":
                break  # (quotation marks wrap phrases as often as clauses: not a boundary)
            if w.tag in ("SUB", "REL", "COMP") or (w.tag == "PUNCT" and w.text == "," and self._comma_starts_clause(a)):
                break
            a -= 1
        b = i1
        while b < len(words) and not (words[b].tag == "PUNCT" and words[b].text in ";()[]"):
            if words[b].text == "," and b + 1 < len(words) and words[b + 1].low in ("and", "but", "while", "whereas"):
                break  # ", and Hamas has kept ...": the next clause
            b += 1
        return a, b

    def _comma_starts_clause(self, a: int) -> bool:
        """Whether the words after a comma at ``a - 1`` start a clause of their own (a
        subject and a verb) rather than continue the one before."""
        words = self.words
        k = a
        while k < len(words) and words[k].tag in ("DET", "ADV", "ADJ", "NOUN", "NUM", "POSS", "PRON"):
            k += 1
        return k < len(words) and k > a and words[k].tag in ("VERB", "AUX")

    def _container(self, f: Frame, i0: int) -> None:
        """ "the remains of around 30 others": the figure counts remains of its noun."""
        words = self.words
        k = i0 - 1
        if k >= 1 and words[k].low == "of" and words[k - 1].low in CONTAINERS:
            f.modifiers.append("remains")

    # -- what stands before the figure ---------------------------------------------------
    def _left(self, f: Frame, i0: int, a: int) -> None:
        """The figure as an object or complement: what precedes it decides."""
        words = self.words
        k = i0 - 1
        while k >= a and (words[k].tag in ("ADV", "DET") or words[k].text in "\"“”'‘’«»") and words[k].low not in ("the",):
            k -= 1  # hedges, and quotation marks: 'was hosting "1.4 million displaced people"'
        if k < a:
            return
        m = k
        while m >= a and words[m].tag in ("DET", "POSS", "ADV", "ADJ"):
            m -= 1  # "dozens of the remaining 128 hostages"
        if m >= 0 and words[m].low == "of" and (
            (m - 1 >= a and (words[m - 1].tag == "NUM" or words[m - 1].low in _QUANTIFIERS)) or m == 0 or words[m - 1].tag == "PUNCT"
            # "dozens of hostages of the remaining 128 hostages"
            or (m - 3 >= a and words[m - 1].tag == "NOUN" and words[m - 2].low == "of"
                and (words[m - 3].tag == "NUM" or words[m - 3].low in _QUANTIFIERS))
        ):
            f.how = "whole"  # "X of the Y", "Of the Y, X ...": the clause's verb is the part's
            f.modifiers = [w.low for w in words[m + 1 : i0] if w.tag == "ADJ"] + f.modifiers  # "the remaining 128"
            return
        w = words[k]
        after = f.np_end or i0
        if (
            w.text == "," and k - 1 >= 0 and words[k - 1].tag == "NOUN" and f.head is None
            and after + 1 < len(words) and words[after].text == "," and words[after + 1].tag in ("AUX", "VERB")
        ):
            f.how, f.measured = "measure", self._np_before(k)  # "the overall death toll, around 35,000, is ..."
            return
        if w.low == "for" and k - 1 >= 0:
            before = words[k - 1]
            if before.tag in ("VERB", "VBN") and before.lemma in ("account", "represent", "make"):
                subject = self._subject_before(k - 1, a)  # "children accounted for 13,200 of the dead"
                f.noun = subject[-1] if subject else f.noun
            elif before.tag == "NOUN" and k - 2 >= 0 and words[k - 2].low == "and":
                f.noun = before.lemma  # "... and women for around 7,360": the same verb, left out
        if w.low in PARTICLES and k - 1 >= a and words[k - 1].tag in ("VERB", "VBG", "VBN"):
            particle, k = w.low, k - 1  # "carried off 253 people": the verb is "carry off"
            w = words[k]
            f.complement.append(f"{w.lemma} {particle}")
        if w.tag in ("PREP", "TO") and w.low in _LEVEL_PREPS and k - 1 >= a:
            if self._measure(f, k, a):
                return
            if w.low == "of" and words[k - 1].tag == "NOUN" and words[k - 1].low not in CONTAINERS and (
                f.head is None or words[k - 1].lemma in _MEASURE_NOUNS
            ):
                f.how, f.measured = "measure", self._np_before(k)  # "a population of 300,000", "a toll of 32,000"
                return
        if w.tag in ("VERB", "VBG", "VBN"):
            start = k
            while start - 1 >= a and words[start - 1].tag in ("AUX", "ADV", "NEG"):
                start -= 1
            auxes = [x.lemma for x in words[start:k] if x.tag == "AUX"]
            if w.tag == "VBN" and auxes and auxes[-1] == "be":
                return  # a passive verb has no object: the figure is something else
            if w.lemma in SPEECH and self._verb_follows(f, i0):
                return  # "officials said 116 hostages remained": the figure is the subject
            self._set_verb(f, start, passive=False)
            self._coordinated_verbs(f, start, a)
            f.stance = f.stance or self._stance_before(start, a)
            agent = self._agent(start, a)
            if f.verb in MEASURE_DIRECT:
                f.how, f.measured = "measure", agent  # "the toll topped 30,000"
            else:
                f.how, f.agent = "object", agent
            return
        if w.tag == "AUX" and w.lemma == "be" and k - 1 >= a:
            if words[k - 1].low == "there":
                f.how, f.verb = "exist", "be"  # "there are still 135 hostages held in Gaza"
                f.agent = self._agent(k - 1, a) if a > 0 and words[a - 1].tag == "REL" else []
                return
            subject = self._subject_before(k, a)
            if subject:
                f.how, f.verb, f.measured = "measure", "be", subject

    def _agent(self, k: int, a: int) -> list[str]:
        """Who or what does what the verb at ``k`` says: the antecedent of the nearest
        relative pronoun before it ("an attack that killed 1,200", "Hamas attacks that
        began Saturday killed 900"), else the noun phrase that opens the clause, up to
        its first preposition ("Israel's offensive against Gaza ... has killed")."""
        words = self.words
        m = k - 1
        while m >= 0 and not (words[m].tag in ("SUB", "COMP") or words[m].text in ";:"):
            if words[m].tag == "REL" and m > 0 and words[m - 1].tag == "PREP":
                m -= 1  # "its attack, in which ...": the antecedent stands before "in"
            if words[m].tag == "REL" or (words[m].tag == "PREP" and m + 1 < len(words) and words[m + 1].tag == "REL"):
                out: list[str] = []
                n = m - 1
                while n >= 0 and words[n].text == ",":
                    n -= 1
                while n >= 0 and words[n].tag in ("NOUN", "ADJ", "CD") and len(out) < 4:
                    if words[n].tag != "CD":
                        out.insert(0, _bare(words[n]))
                    n -= 1
                return out
            m -= 1
        s = a
        while s < k and words[s].tag in ("DET", "ADV", "CONJ", "PUNCT", "CD", "POSS"):
            s += 1
        out = []
        while s < k and words[s].tag in ("NOUN", "ADJ", "DET", "POSS", "ADV", "VBN"):
            if words[s].tag in ("NOUN", "ADJ", "VBN"):
                out.append(_bare(words[s]))
            s += 1
        return out

    def _stance_before(self, start: int, a: int) -> str | None:
        """ "claim to have seized and removed 150": a stance verb, joined by "to", before
        the verb group at ``start`` (and the verb coordinated with it)."""
        words = self.words
        m = start - 1
        while m >= a and words[m].tag == "ADV":
            m -= 1
        if m - 1 >= a and words[m].low in ("and", "or") and words[m - 1].tag in ("VERB", "VBN"):
            m -= 2
        while m >= a and words[m].tag in ("AUX", "ADV"):
            m -= 1
        if m - 1 >= a and words[m].tag == "TO" and words[m - 1].lemma in STANCE:
            return words[m - 1].lemma
        return None

    def _coordinated_verbs(self, f: Frame, start: int, a: int) -> None:
        """ "seized and forcibly removed over 150 people": every verb the object belongs to."""
        words = self.words
        m = start - 1
        while m >= a and words[m].tag in ("ADV",):
            m -= 1
        if m - 1 >= a and words[m].low in ("and", "or") and words[m - 1].tag in ("VERB", "VBN", "VBG"):
            f.complement.append(words[m - 1].lemma)

    def _np_before(self, k: int) -> list[str]:
        """The lemmas of the noun phrase that ends at word ``k - 1``."""
        words = self.words
        out: list[str] = []
        m = k - 1
        while m >= 0 and words[m].tag in ("NOUN", "ADJ") and len(out) < 5:
            out.insert(0, _bare(words[m]))
            m -= 1
        return out

    def _verb_follows(self, f: Frame, i0: int) -> bool:
        """Whether a verb group follows the figure's noun phrase and its modifiers."""
        probe = Frame()
        words = self.words
        first = f.np_end or i0 + 1
        end = self._modifiers(probe, first, len(words))
        if end > first and words[first].tag == "VERB" and not (end < len(words) and words[end].tag in ("AUX", "VERB", "NEG")):
            # "said 200 trucks entered over two days": a form that can be finite, and no
            # other verb after it: it is the reported clause's verb, not a participle
            return True
        while end < len(words) and words[end].text in "\"”’»":
            end += 1  # 'said "136 Israelis" remain captive'
        while end < len(words) and words[end].text == ",":
            skipped = self._skip_aside(end, len(words))  # "almost a million people, or half ..., had been"
            if skipped == end:
                break
            end = skipped
        return end < len(words) and words[end].tag in ("AUX", "VERB", "NEG")

    def _measure(self, f: Frame, k: int, a: int) -> bool:
        """ "rose to 3.2%", "put the death toll at 3,785", "taking the number released to
        116": the figure is the value of the verb's object, or of its subject."""
        words = self.words
        v = k - 1
        measured_np: list[str] = []
        while v >= a:
            w = words[v]
            if w.tag in ("VERB", "VBG", "VBN") and w.lemma in MEASURE:
                break
            if w.tag not in ("NOUN", "ADJ", "DET", "POSS", "VBN", "VERB", "ADV", "CONJ", "PREP", "CD") or k - v > 10:
                return False
            if w.tag == "PREP" and w.low not in ("of", "in"):
                measured_np.clear()  # "the number killed since October 7": the phrase before it
            elif w.tag in ("NOUN", "ADJ", "VBN", "VERB"):
                measured_np.insert(0, w.lemma.removesuffix("'s").removesuffix("'"))
            v -= 1
        if v < a:
            return False
        start = v
        while start - 1 >= a and words[start - 1].tag in ("AUX", "ADV", "NEG"):
            start -= 1
        f.how, f.verb, f.verb_text = "measure", words[v].lemma, words[v].text
        f.measured = measured_np or self._subject_before(start, a)
        return True

    def _subject_before(self, k: int, a: int) -> list[str]:
        """The lemmas of the noun phrase that opens the clause before word ``k``."""
        words = self.words
        s = a
        while s < k and words[s].tag in ("PREP", "DET", "ADV", "CONJ", "PUNCT", "CD") and words[s].tag != "NOUN":
            if words[s].tag == "PREP":  # an opening adverbial: "Since the fighting started, ..."
                break
            s += 1
        out: list[str] = []
        m = s
        while m < k and words[m].tag not in ("VERB", "AUX", "REL", "COMP", "PUNCT", "SUB"):
            if words[m].tag in ("NOUN", "ADJ"):
                out.append(words[m].lemma.removesuffix("'s").removesuffix("'"))
            m += 1
        return out

    # -- what follows the figure's noun phrase ---------------------------------------------
    def _right(self, f: Frame, k: int, b: int) -> None:
        """The figure's noun phrase as a subject: its modifiers, then the verb group."""
        words = self.words
        k = self._modifiers(f, k, b)
        while k < b and words[k].tag in ("ADV", "PUNCT") and words[k].text not in ".;":
            if words[k].tag == "PUNCT" and words[k].text in "–—(":
                close = next((m for m in range(k + 1, b) if words[m].text in ("–—)" if words[k].text != "(" else ")")), None)
                if close is not None:
                    k = close + 1
                    continue
            if words[k].tag == "PUNCT" and words[k].text == ",":
                skipped = self._skip_aside(k, b)
                if skipped == k:
                    break
                k = skipped
                continue
            k += 1
        if k < b and words[k].tag in ("AUX", "VERB", "NEG", "VBN"):
            f.how = "subject"
            self._set_verb(f, k, passive=None)
            f.acted_on = self._acted_on(f, b)
        elif f.described_by:
            f.how = "modifier"
        else:
            f.how = "none"

    def _acted_on(self, f: Frame, b: int) -> str | None:
        """The object of the figure's active verb, when the figure is its subject: a noun
        phrase that is not the counted's own ("their homes") nor a place ("the city",
        "Gaza")."""
        if f.voice != "active" or f.verb_end is None or f.verb in ("be", "remain", "stay", "have"):
            return None
        words = self.words
        m = f.verb_end
        while m < b and words[m].tag == "ADV":
            m += 1
        if m >= b or words[m].tag in ("POSS",) or words[m].tok.is_possessive:
            return None
        start = m
        if words[m].tag == "DET":
            m += 1
        while m < b and words[m].tag == "ADJ":
            m += 1
        if m >= b or words[m].tag != "NOUN" or words[m].tok.is_capitalized:
            return None
        while m + 1 < b and words[m + 1].tag == "NOUN" and not words[m + 1].tok.is_capitalized:
            m += 1
        head = words[m].lemma
        if head in PLACE_NOUNS or (start == m and words[m].low.endswith("ing")):
            return None
        return head

    def _skip_aside(self, k: int, b: int) -> int:
        """After a comma at ``k``: the index after an aside with no verb ("Ten countries,
        the US and Israel among them, voted against"), else ``k``."""
        words = self.words
        m = k + 1
        verbs = 0
        while m < b and not (words[m].tag == "PUNCT" and words[m].text == ","):
            if words[m].tag == "AUX" or (words[m].tag == "VERB" and words[m].lemma not in SPEECH):
                verbs += 1
            m += 1
        if m >= b:
            return k
        # An aside: no verb ("the US among them"), a reporting one ("officials believe"),
        # or a short participle phrase ("foreigners included").
        short_participle = verbs == 1 and m - k <= 4 and not any(words[x].tag == "AUX" for x in range(k + 1, m))
        return m + 1 if verbs == 0 or short_participle else k

    def _modifiers(self, f: Frame, k: int, b: int, verb_elsewhere: bool = False) -> int:
        """Participles, relative clauses and prepositional phrases after the noun: what
        they say goes to ``described_by`` (or the complement for a "still in" phrase);
        returns where the clause's own verb may start."""
        words = self.words
        seen_verb = False
        while k < b:
            w = words[k]
            if w.tag == "ADJ" and verb_elsewhere and k == (f.np_end or 0) and not (k + 1 < b and words[k + 1].tag == "PREP"):
                f.complement.append(w.low)  # "left more than 1,200 Israelis dead"
                k += 1
                continue
            if w.tag == "ADJ" and not seen_verb and k + 1 < b and words[k + 1].tag == "PREP" and w.low.endswith(("ing", "ed")):
                f.described_by.append(verb_lemma(w.low))  # "people living in shelters"
                seen_verb = True
                k = self._phrase_end(k + 1, b)
                continue
            if w.tag in ("VBN", "VERB", "VBG") and not seen_verb and (
                self._is_reduced_relative(k, b) or (verb_elsewhere and w.tag == "VERB" and _participle(w))
            ):
                f.described_by.append(w.lemma)
                seen_verb = True
                end = self._phrase_end(k + 1, b)
                f.described_spans.append((k, end))  # "abducted on Oct. 7": that date is the abduction's
                k = end
                continue
            if w.tag == "REL" and w.low in ("who", "which", "that"):
                verb = self._next_verb(k + 1, b)
                if verb is not None:
                    f.described_by.append(words[verb].lemma)
                    k = self._phrase_end(verb + 1, b)
                    seen_verb = True
                    continue
            if w.tag in ("NOUN", "PRON") and k + 1 < b and not seen_verb and f.head is not None and k == (f.np_end or 0):
                nxt = self._next_verb(k + 1, min(b, k + 3))
                if nxt is not None and words[nxt].tag == "VERB" and (verb_elsewhere or self._has_later_verb(nxt + 1, b)):
                    f.described_by.append(words[nxt].lemma)  # "the 240 people Hamas abducted"
                    k = self._phrase_end(nxt + 1, b)
                    seen_verb = True
                    continue
            if w.tag == "PREP" and w.low in ("in", "inside", "within", "under", "still"):
                phrase = self._pp_state(k, b)
                if phrase:
                    f.described_by.append(phrase)  # "hostages still in the hands of Hamas"
                k = self._phrase_end(k + 1, b)
                continue
            if w.tag == "PREP" or w.tag == "ADV":
                k = self._phrase_end(k + 1, b) if w.tag == "PREP" else k + 1
                continue
            break
        return k

    def _pp_state(self, k: int, b: int) -> str | None:
        """A prepositional phrase that states where or how the counted are ("still in
        captivity", "in the hands of Hamas", "in Gaza")."""
        words = self.words
        rest = " ".join(w.low for w in words[k : min(b, k + 5)])
        for state in ("in captivity", "in the hands of", "in custody"):
            if rest.startswith(state):
                return state
        if k + 1 < b and words[k + 1].tok.is_capitalized and words[k].low in ("in", "inside", "within"):
            return "located in"  # "are still in Gaza"
        return None

    def _is_reduced_relative(self, k: int, b: int) -> bool:
        """A participle right after the noun that only describes it: followed by a
        preposition, "by", an adverb, a date or the end, and with a verb of the clause
        still to come ("hostages seized in the attack are ..."), or the last verb of a
        clause that has no other ("1.5 million people displaced across Gaza")."""
        words = self.words
        w = words[k]
        if w.tag == "VERB" and not _participle(w):
            return False
        nxt = words[k + 1] if k + 1 < b else None
        if nxt is not None and nxt.tag in ("NUM", "DET") and w.tag != "VBG":
            return False  # "had killed 30": a verb with an object
        if w.tag == "VERB":  # a past form: finite unless the clause has its verb further on
            return self._has_later_verb(self._phrase_end(k + 1, b), b)
        return True

    def _next_verb(self, k: int, b: int) -> int | None:
        words = self.words
        while k < b and words[k].tag not in ("PUNCT",):
            if words[k].tag in ("VERB", "VBN", "VBG") or (words[k].tag == "AUX" and self._last_of_group(k, b) == k):
                return self._last_of_group(k, b) if words[k].tag == "AUX" else k
            k += 1
        return None

    def _last_of_group(self, k: int, b: int) -> int:
        words = self.words
        m = k
        while m + 1 < b and words[m + 1].tag in ("AUX", "ADV", "NEG", "VBN", "VERB", "VBG"):
            m += 1
            if words[m].tag in ("VBN", "VERB", "VBG"):
                return m
        return m

    def _has_later_verb(self, k: int, b: int) -> bool:
        return any(w.tag in ("AUX", "VERB") for w in self.words[k:b])

    def _phrase_end(self, k: int, b: int) -> int:
        """The end of a modifying phrase: at the next verb group, comma or conjunction."""
        words = self.words
        while k < b:
            w = words[k]
            if w.tag in ("AUX", "NEG", "CONJ", "SUB", "REL") or (w.tag == "PUNCT" and w.text in ",;:"):
                return k
            if w.tag == "VERB" and not (k > 0 and words[k - 1].tag in ("DET", "PREP")):
                return k
            k += 1
        return k

    # -- the verb group ------------------------------------------------------------------
    def _set_verb(self, f: Frame, k: int, passive: bool | None) -> None:
        """The verb group starting at ``k``: its semantic verb, voice, tense, negation and,
        for a copula or "remain", its complement. A chain of verbs joined by "to" ("are
        thought to still be held", "claim to have seized") ends at the verb that says what
        happened; the verbs before it are stances ("think", "claim")."""
        words = self.words
        group, m = self._group(k)
        f.verb_end = m
        segments: list[list[int]] = [[]]
        for g in group:
            if words[g].tag == "TO":
                segments.append([])
            else:
                segments[-1].append(g)
        last = segments[-1]
        content = [g for g in last if words[g].tag in ("VERB", "VBN", "VBG")]
        auxes = [words[g] for g in last if words[g].tag == "AUX"]
        earlier = [words[g].lemma for seg in segments[:-1] for g in seg if words[g].tag in ("VERB", "VBN", "VBG")]
        # "have been confirmed killed": a stance verb right before the verb, in one segment.
        earlier += [words[g].lemma for g in content[:-1] if words[g].lemma in STANCE]
        stance = [v for v in earlier if v in STANCE]
        f.stance = stance[0] if stance else None
        f.negated = any(words[g].tag == "NEG" for g in group)
        yet_to = any(words[g].low == "yet" for g in group) and len(segments) > 1
        if content:
            verbs = [words[g].lemma for g in content]
            top = content[-1]
            f.verb, f.verb_text, f.verb_at = words[top].lemma, words[top].text, top
            f.voice = "passive" if auxes and auxes[-1].lemma == "be" and words[top].tag == "VBN" else "active"
            if len(verbs) >= 2 and verbs[-2] == "remain":
                f.verb, f.complement = "remain", f.complement + [verbs[-1]]
            elif f.verb in ("remain", "stay") or (f.verb in STANCE and f.voice == "passive"):
                f.complement += self._complement(m)
        elif auxes:
            f.verb, f.verb_text = ("be" if auxes[-1].lemma == "be" else auxes[-1].lemma), auxes[-1].text
            f.complement += self._complement(m)
        elif earlier:
            f.verb = earlier[-1]
        f.tense = _tense([words[g] for g in group if words[g].tag == "AUX"], words[content[-1]] if content else None)
        if f.verb and content and m + 1 < len(words) and words[m].tag in ("POSS", "DET") and words[m + 1].tag == "NOUN":
            f.complement.append(f"{f.verb} {words[m + 1].lemma}")  # "had to flee their homes": flee home
        if yet_to and f.verb in ("free", "release", "return", "rescue"):
            f.verb, f.voice, f.complement = "hold", "passive", f.complement + ["yet to be " + past_form(f.verb)]

    def _group(self, k: int) -> tuple[list[int], int]:
        """The words of the verb group at ``k`` and the index after it."""
        words = self.words
        group: list[int] = []
        m = k
        while m < len(words) and words[m].tag in ("AUX", "ADV", "NEG", "VERB", "VBN", "VBG", "TO"):
            if words[m].tag == "TO" and not (m + 1 < len(words) and words[m + 1].tag in ("AUX", "VERB", "VBN", "ADV")):
                break
            if words[m].tag == "ADV" and not (m + 1 < len(words) and words[m + 1].tag in ("AUX", "VERB", "VBN", "VBG", "NEG", "TO", "ADV")):
                break
            group.append(m)
            m += 1
            if words[m - 1].tag in ("VERB", "VBN", "VBG") and not (m < len(words) and words[m].tag in ("TO", "VBN", "AUX")):
                break
        return group, m

    def _complement(self, m: int) -> list[str]:
        """What a copula or "remain" says of its subject: an adjective ("dead", "alive"),
        a participle ("held"), a state phrase ("in captivity", "in Gaza")."""
        words = self.words
        out: list[str] = []
        while m < len(words) and words[m].tag == "ADV":
            m += 1
        if m < len(words) and words[m].tag in ("ADJ", "VBN", "VERB") and not words[m].tok.is_capitalized:
            out.append(words[m].lemma if words[m].tag != "ADJ" else words[m].low)
            if words[m].tag == "ADJ" and m + 2 < len(words) and words[m + 1].tag == "TO" and words[m + 2].tag == "VERB":
                end = self._phrase_end(m + 3, min(len(words), m + 8))
                out.append(" ".join(w.low for w in words[m:end]))  # "unable to live in their homes"
        elif m < len(words) and words[m].tag == "PREP":
            state = self._pp_state(m, len(words))
            if state:
                out.append(state)
        elif m < len(words) and words[m].tag == "NOUN":
            out.append(words[m].lemma)
        return out

    # -- clause-level markers ------------------------------------------------------------
    def _period(self, f: Frame, a: int, b: int, i0: int) -> None:
        """The period a figure counts when it is not the running total, read in its own
        segment of the clause (between the figures around it and commas)."""
        lo, hi = self._segment(i0, a, b)
        if lo > 0 and self.words[lo - 1].tag == "SUB":
            lo -= 1  # "Once home to 250,000": the word that opens the clause
        segment = " ".join(w.low for w in self.words[lo:hi])
        after = " ".join(w.low for w in self.words[(f.np_end or i0) : min(hi, (f.np_end or i0) + 3)])
        if any(p in segment for p in _PREWAR):
            f.period = "prewar"
        elif any(p in segment for p in _DAY):
            f.period = "day"
        elif "this month" in segment or "so far this" in segment:
            f.period = "month"
        elif _SPAN.search(segment):
            f.period = "span"  # "displaced over the past month": that span's count, not the running total
        if after.startswith(("a day", "per day", "daily", "each day", "every day", "a week", "per week")) or " every day" in segment:
            f.rate = "week" if "week" in after else "day"

    def _segment(self, i0: int, a: int, b: int) -> tuple[int, int]:
        """Word range of a figure's own part of its clause: from the figure before it to
        the figure after it."""
        n = next(k for k, (x, _) in enumerate(self.figures) if x == i0)
        # From the figure before (or the sentence's start: "Before the war, the UN says,
        # around 500 trucks ..." opens with its period) to the figure after.
        lo = self.figures[n - 1][1] if n else 0
        nxt = n + 1
        while nxt < len(self.figures) and self._is_duration(nxt):
            nxt += 1  # "killed in the past 24 hours": the span is part of this figure's clause
        hi = min(b, self.figures[nxt][0] if nxt < len(self.figures) else b)
        return lo, hi

    def _is_duration(self, n: int) -> bool:
        """Whether figure ``n`` is a length of time ("24 hours", "two weeks")."""
        x, y = self.figures[n]
        last = self.words[y - 1].low if y > x else ""
        if y < len(self.words) and self.words[y].low in _DURATION_UNITS:
            last = self.words[y].low
        return last in _DURATION_UNITS

    def _earlier(self, f: Frame, a: int, i0: int) -> None:
        """An earlier value the sentence sets aside: "down from 1,400", "where earlier
        Israel said 1,400", "an earlier estimate of 1,400"."""
        words = self.words
        k = i0 - 1
        while k >= a and words[k].tag in ("ADV", "DET"):
            k -= 1
        if k >= 1 and words[k].low == "from" and words[k - 1].low in _CHANGE_WORDS:
            f.role = "earlier"
            return
        if any(w.low in ("recent", "latest", "new", "current") for w in words[a:i0]):
            return  # "recent figures released earlier": still a current count
        for m in range(a, i0):
            w = words[m]
            if w.low in _EARLIER_WORDS and not (m + 1 < len(words) and words[m + 1].low in _NOT_EARLIER_AFTER | {"by"}):
                if w.low == "first" and not (m + 1 < len(words) and words[m + 1].tag in ("VERB", "VBN")):
                    continue
                f.role = "earlier"
                return

    # -- parts and wholes ----------------------------------------------------------------
    def _parts(self, n: int) -> None:
        """Whether figure ``n`` is a part of a whole: "43 of whom", "X among them", "X of
        the Y", "Of the Y, X ...", "including X", "X are among the dead"."""
        words = self.words
        f = self.frames[n]
        i0, i1 = self.figures[n]
        after = [w.low for w in words[i1 : i1 + 3]]
        before = [w.low for w in words[max(0, i0 - 3) : i0]]
        previous = n - 1 if n else None
        if after[:2] in (["of", "whom"], ["of", "them"], ["of", "which"], ["of", "those"]) or after[:2] == ["among", "them"] or (
            len(after) > 2 and after[1:3] == ["among", "them"]
        ):
            f.part_relation = " ".join(after[:2]) if after[0] == "of" else "among"
            f.part_of = previous
        elif before[-1:] == ["including"] or before[-2:] == ["among", "them"]:
            f.part_relation, f.part_of = before[-1], previous
        elif n + 1 < len(self.figures) and words[i1 : self.figures[n + 1][0]] and [w.low for w in words[i1 : i1 + 1]] == ["of"]:
            between = words[i1 : self.figures[n + 1][0]]
            if len(between) <= 4 and all(w.tag in ("PREP", "DET", "ADV", "POSS", "ADJ") or w.low in ("of", "total") for w in between):
                f.part_relation, f.part_of = "of", n + 1
        elif f.part_of is None and len(after) >= 2 and after[0] == "of" and words[i1 + 1].tag in ("DET", "POSS"):
            f.part_relation, f.part_noun = "of", f.noun
        if f.part_of is None and previous is not None and self._opening_of(previous, n):
            f.part_relation, f.part_of = "of", previous
        if f.part_of is None and "among the" in " ".join(w.low for w in words[i1 : i1 + 6]).replace("among them", ""):
            f.part_relation, f.part_noun = "among", "dead" if "among the dead" in self.low else None
        if f.part_of is None and previous is not None and self.frames[previous].part_relation == "of" and self._listed(previous, n):
            f.part_of, f.part_relation = self.frames[previous].part_of, self.frames[previous].part_relation
        if f.part_of is None and f.part_relation is None and self._pronoun_includes(f):
            f.part_relation, f.whole_before = "including", True  # "They include 10,006 men, ..."
        if f.part_relation in ("of them", "of whom") and i1 + 2 < len(words) and words[i1 + 2].tag == "NOUN" and f.how != "object":
            f.noun = words[i1 + 2].lemma  # "1,524 of them children"
        if f.noun is None and f.verb == "be" and f.complement and f.complement[0] not in ADJECTIVES and " " not in f.complement[0]:
            f.noun = f.complement[0]  # "447 were children" (not "25 are dead")
        if f.part_of is not None:
            whole = self.frames[f.part_of]
            if f.noun is None or f.noun in ("other", "more", "others"):
                f.noun = whole.noun
        elif f.noun in (None, "other", "others", "more") and previous is not None and self._coordinated(previous, n):
            f.noun = self.frames[previous].noun  # "killed 1,200 people and kidnapped 240 others"

    def _vote(self, n: int) -> str | None:
        """The figure's part of a vote, when it is one: "158 votes in favour", "158
        members supported", "159 ... backing" (for); "nine opposed", "9 against", "nine
        voted against" (against); "13 abstentions", "11 members abstained" (abstain)."""
        f = self.frames[n]
        if any(g.part_of == n and g.part_relation == "of" for g in self.frames if g is not f):
            return None  # the whole of "159 of the 193 member states": not a part of the vote
        i1 = self.figures[n][1]
        after: list[str] = []
        for w in self.words[i1 : i1 + 4]:
            if w.tag == "NUM":
                break  # the next figure's words are its own
            after.append(w.low)
        verbs = [v for v in (f.verb, *f.complement, *f.described_by) if v]
        whole_says = f.part_of is not None and f.part_relation == "of" and f.part_of > n
        if whole_says:
            verbs += self.frames[f.part_of].described_by  # "159 of the 193 member states backing it"
        if any(w.startswith(("abstention", "abstain")) for w in after[:3]) or "abstain" in verbs:
            return "abstain"
        if "against" in after[:3] or "opposed" in after[:2] or "oppose" in verbs[:1] or after[:2] == ["no", "votes"]:
            return "against"
        joined = " ".join(after)
        if "in favor" in joined or "in favour" in joined or after[:1] == ["for"] or after[:2] in (["votes", "for"], ["yes", "votes"]):
            return "for"
        if (whole_says or f.how in ("subject", "modifier", "none")) and any(v in _SUPPORT for v in verbs):
            return "for"  # "158 members supported the resolution", "159 ... backing it"
        return None

    def _pronoun_includes(self, f: Frame) -> bool:
        """A sentence that opens "They include", "These comprise": its objects are parts
        of what the sentence before counted."""
        words = self.words
        if len(words) < 2 or words[0].low not in ("they", "these", "those", "this"):
            return False
        k = 1
        while k < len(words) and words[k].tag in ("ADV", "AUX"):
            k += 1
        return k < len(words) and words[k].lemma in ("include", "comprise") and (f.how in ("object", "none") or f.verb in ("include", "comprise"))

    def _listed(self, first: int, second: int) -> bool:
        """ "447 were children and 248 women": two figures a comma or "and" apart."""
        between = self.words[self.figures[first][1] : self.figures[second][0]]
        return 0 < len(between) <= 3 and all(w.tag in ("NOUN", "CONJ") or w.text == "," for w in between)

    def _coordinated(self, first: int, second: int) -> bool:
        """Whether only "and", commas and a verb's worth of words join two figures."""
        between = self.words[self.figures[first][1] : self.figures[second][0]]
        return len(between) <= 8 and any(w.low in ("and", "while", "plus") for w in between) and not any(
            w.tag in ("SUB", "REL") or w.text in ".;" for w in between
        )

    def _versus(self, n: int) -> None:
        """The figure another one is about: an earlier value ("the figure is now around
        1,200, down from around 1,400") and a generic measure ("the figure is now around
        1,200") are values of the figure next to them in the sentence."""
        f = self.frames[n]
        generic = f.how == "measure" and bool(f.measured) and all(m in _GENERIC_MEASURES for m in f.measured)
        if f.role != "earlier" and not generic:
            return
        others = [k for k in (n - 1, n + 1) if 0 <= k < len(self.frames) and self.frames[k].role == "current" and k != n]
        if f.role == "earlier":
            others = [k for k in others if k < n] or others
        else:
            others = [k for k in others if not (self.frames[k].how == "measure" and set(self.frames[k].measured) <= _GENERIC_MEASURES)]
        if others:
            f.versus = others[0]

    def _alive_beside_remains(self, n: int) -> None:
        """ "around 100 hostages, as well as the remains of more than 30 others": beside
        the remains of others, the first count is of the living."""
        words = self.words
        between = [w.low for w in words[self.figures[n][1] : self.figures[n + 1][0]]]
        text = " ".join(between)
        if any(link in text for link in (" and ", " as well as ", " plus ", ", and")) and text.rstrip().endswith(
            ("remains of", "bodies of", "remains of some", "remains of about", "remains of around")
        ):
            self.frames[n].modifiers.append("living")

    def _opening_of(self, whole: int, part: int) -> bool:
        """ "Of the 1,417 killed ..., 447 were children": a sentence that opens with "Of"
        before the whole."""
        i0 = self.figures[whole][0]
        k = i0 - 1
        while k >= 0 and self.words[k].tag in ("DET", "ADV"):
            k -= 1
        return k >= 0 and self.words[k].low == "of" and (k == 0 or self.words[k - 1].tag == "PUNCT") and self.figures[part][0] > i0


def _bare(w: Word) -> str:
    return w.lemma.removesuffix("'s").removesuffix("'")


def _participle(w: Word) -> bool:
    low = w.low
    return low.endswith(("ed", "en")) or low in ("held", "fled", "left", "kept", "taken", "seized", "lost", "hit", "shot", "held")


def _tense(auxes: list[Word], content: Word | None) -> str | None:
    lemmas = [a.lemma for a in auxes]
    lows = [a.low for a in auxes]
    if any(x in ("will", "'ll", "shall") for x in lows):
        return "future"
    if "had" in lows:
        return "past_perfect"
    if "have" in lemmas:
        return "perfect"
    if any(x in ("was", "were", "did") for x in lows):
        return "past"
    if content is not None and content.tag == "VERB" and content.low.endswith("ed"):
        return "past"
    return "present"
