"""The frames of every figure of one sentence, in text order (``SentenceFrames``)."""

from __future__ import annotations

from factcheck.extract.context.frame.left import LeftOfFigure
from factcheck.extract.context.frame.markers import ClauseMarkers
from factcheck.extract.context.frame.parts import PartsAndWholes
from factcheck.extract.context.frame.record import Frame, bare_lemma, head_of, np_after
from factcheck.extract.context.frame.vocabulary import (
    CONTAINERS,
    MEASURE_DIRECT,
    PARTICLES,
    PARTITIVE_PRONOUNS,
)
from factcheck.extract.context.lemma import verb_lemma
from factcheck.extract.context.tagger import Word


class SentenceFrames(LeftOfFigure, ClauseMarkers, PartsAndWholes):
    """The frames of every figure of one sentence; ``figures`` are their word ranges.
    Without ``words`` (a sentence too long to analyse) every figure gets an empty frame
    and ``figures`` is empty: nothing may look its words up."""

    def __init__(self, words: list[Word], figures: list[tuple[int, int]], text: str) -> None:
        self.words = words
        self.text = text
        self.low = " ".join(w.low for w in words)
        if not words:
            self.figures = []
            self.frames: list[Frame] = [Frame() for _ in figures]
            return
        self.figures = figures
        self.frames = [self._frame(n) for n in range(len(figures))]
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
        np, end = np_after(words, i0, i1, b)
        head = head_of(words, np)
        if head is not None:
            f.head, f.np_end = head, end
            f.noun = words[head].lemma if words[head].tag == "NOUN" else words[head].low
            f.noun_phrase = self.text[words[np[0]].tok.start : words[np[-1]].tok.end]
            f.modifiers = [words[k].lemma for k in np if k != head]
            if words[head].tag in ("ADJ", "VBN"):
                f.complement.append(words[head].low)  # "more than 300,000 displaced"
        else:
            f.np_end = end if np else i1
            if [w.low for w in words[i1 : i1 + 2]][:1] == ["of"] and i1 + 1 < b and words[i1 + 1].low in PARTITIVE_PRONOUNS:
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
        f.agent = [bare_lemma(w) for w in words[k:m] if w.tag in ("NOUN", "ADJ")]
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
                    names.append(bare_lemma(words[n]))
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
