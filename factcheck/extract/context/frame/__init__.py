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

from factcheck.extract.context.frame.record import Frame
from factcheck.extract.context.frame.sentence import SentenceFrames
from factcheck.extract.context.frame.vocabulary import COUNTING_VERBS

__all__ = ["COUNTING_VERBS", "Frame", "SentenceFrames"]
