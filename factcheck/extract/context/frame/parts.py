"""Parts and wholes between the figures of one sentence, vote sides, and values of one
another ("down from")."""

from __future__ import annotations

from factcheck.extract.context.frame.base import FramesBase
from factcheck.extract.context.frame.record import Frame
from factcheck.extract.context.frame.vocabulary import GENERIC_MEASURES, SUPPORT
from factcheck.extract.context.tagger import ADJECTIVES


class PartsAndWholes(FramesBase):
    """Which figure of the sentence each one is a part or a value of."""

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
        whole = f.part_of if f.part_relation == "of" and f.part_of is not None and f.part_of > n else None
        whole_says = whole is not None
        if whole is not None:
            verbs += self.frames[whole].described_by  # "159 of the 193 member states backing it"
        if any(w.startswith(("abstention", "abstain")) for w in after[:3]) or "abstain" in verbs:
            return "abstain"
        if "against" in after[:3] or "opposed" in after[:2] or "oppose" in verbs[:1] or after[:2] == ["no", "votes"]:
            return "against"
        joined = " ".join(after)
        if "in favor" in joined or "in favour" in joined or after[:1] == ["for"] or after[:2] in (["votes", "for"], ["yes", "votes"]):
            return "for"
        if (whole_says or f.how in ("subject", "modifier", "none")) and any(v in SUPPORT for v in verbs):
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
        generic = f.how == "measure" and bool(f.measured) and all(m in GENERIC_MEASURES for m in f.measured)
        if f.role != "earlier" and not generic:
            return
        others = [k for k in (n - 1, n + 1) if 0 <= k < len(self.frames) and self.frames[k].role == "current" and k != n]
        if f.role == "earlier":
            others = [k for k in others if k < n] or others
        else:
            others = [k for k in others if not (self.frames[k].how == "measure" and set(self.frames[k].measured) <= GENERIC_MEASURES)]
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
