"""What stands before a figure: the verb it is the object of, the value it measures, the
whole of a partitive, who did it."""

from __future__ import annotations

from factcheck.extract.context.frame.following import FollowingFigure
from factcheck.extract.context.frame.record import Frame, bare_lemma
from factcheck.extract.context.frame.vocabulary import (
    CONTAINERS,
    LEVEL_PREPS,
    MEASURE,
    MEASURE_DIRECT,
    MEASURE_NOUNS,
    PARTICLES,
    QUANTIFIERS,
    SPEECH,
    STANCE,
)


class LeftOfFigure(FollowingFigure):
    """The figure as an object, a measure or the whole of a partitive."""

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
            (m - 1 >= a and (words[m - 1].tag == "NUM" or words[m - 1].low in QUANTIFIERS)) or m == 0 or words[m - 1].tag == "PUNCT"
            # "dozens of hostages of the remaining 128 hostages"
            or (m - 3 >= a and words[m - 1].tag == "NOUN" and words[m - 2].low == "of"
                and (words[m - 3].tag == "NUM" or words[m - 3].low in QUANTIFIERS))
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
        if w.tag in ("PREP", "TO") and w.low in LEVEL_PREPS and k - 1 >= a:
            if self._measure(f, k, a):
                return
            if w.low == "of" and words[k - 1].tag == "NOUN" and words[k - 1].low not in CONTAINERS and (
                f.head is None or words[k - 1].lemma in MEASURE_NOUNS
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
            if f.verb in MEASURE_DIRECT and not (i0 and words[i0 - 1].tag == "DET"):
                # "the toll topped 30,000"; but "passed a $3.4 billion budget" is an object
                f.how, f.measured = "measure", agent
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
                        out.insert(0, bare_lemma(words[n]))
                    n -= 1
                return out
            m -= 1
        s = a
        while s < k and words[s].tag in ("DET", "ADV", "CONJ", "PUNCT", "CD", "POSS"):
            s += 1
        out = []
        while s < k and words[s].tag in ("NOUN", "ADJ", "DET", "POSS", "ADV", "VBN"):
            if words[s].tag in ("NOUN", "ADJ", "VBN"):
                out.append(bare_lemma(words[s]))
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
            out.insert(0, bare_lemma(words[m]))
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
