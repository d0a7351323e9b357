"""What follows a figure's noun phrase (participles, relative clauses, the verb of which
the figure is the subject) and the verb group itself."""

from __future__ import annotations

from factcheck.extract.context.frame.base import FramesBase
from factcheck.extract.context.frame.record import Frame, participle_form, tense_of
from factcheck.extract.context.frame.vocabulary import PLACE_NOUNS, SPEECH, STANCE
from factcheck.extract.context.lemma import verb_lemma
from factcheck.extract.context.tokens import past_form


class FollowingFigure(FramesBase):
    """The figure as a subject: its modifiers, the verb group after it, what its counted acted on."""

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
                self._is_reduced_relative(k, b) or (verb_elsewhere and w.tag == "VERB" and participle_form(w))
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
        if w.tag == "VERB" and not participle_form(w):
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
        f.tense = tense_of([words[g] for g in group if words[g].tag == "AUX"], words[content[-1]] if content else None)
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
