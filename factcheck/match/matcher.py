"""Every figure of a rule set, ready to assign claims (see the package docstring)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from factcheck import units as unit_tools
from factcheck.errors import SourceLocation
from factcheck.extract.context.gazetteer import Gazetteer, default_gazetteer
from factcheck.match.fields import ClaimFields, Evidence, normal
from factcheck.match.figure import Assignment, DocumentWords, FigureMatcher, PatternTimeout, effective_match
from factcheck.match.partitives import partitives
from factcheck.models import Claim
from factcheck.rules import patterns
from factcheck.rules.patterns import PATTERN_FIELDS, SentenceMemo, claim_span_in_sentence
from factcheck.rules.schema import Figure, RuleSet

# Distinct claim fields whose figures ``Matcher`` remembers; the bound keeps a huge
# archive of unique values from growing memory without limit.
FIELD_ANSWERS_KEPT = 100_000
# Where a claim's place is stated rather than inferred (``Claim.location_source``):
# containment does not apply to it.
STATED = frozenset({"phrase", "demonym"})


def figure_matchers(rules: RuleSet) -> list[FigureMatcher]:
    """Every figure of ``rules`` compiled, in rule-file order."""
    reference: dict[str, list[tuple[date, float]]] = {}
    for series in rules.series:
        reference.setdefault(series.series.figure, []).extend((p.date, p.value) for p in series.points)
    return [
        FigureMatcher(f, k, effective_match(f, rules.figures), rules.synonyms, reference.get(f.id, ()))
        for k, f in enumerate(rules.figures.values())
    ]


class Matcher:
    """Every figure of a rule set, ready to assign claims."""

    def __init__(
        self, rules: RuleSet, gazetteer: Gazetteer | None = None, paths: Mapping[str, str] | None = None,
        matchers: Sequence[FigureMatcher] | None = None,
    ) -> None:
        """``matchers``: the rule set's compiled figures (``figure_matchers``) when a
        caller that matches many small runs against one rule set keeps them (they are
        read-only; a matcher's own state is its notes and memos)."""
        self.rules = rules
        # Document id -> path, so that a message names the document as its user knows it.
        self.paths: Mapping[str, str] = paths if paths is not None else {}
        self.matchers = list(matchers) if matchers is not None else figure_matchers(rules)
        self.notes: list[str] = []
        self._noted: set[str] = set()
        self._gazetteer = gazetteer
        self._containers: dict[str, tuple[str, ...]] = {}
        self._by_fields: dict[tuple[object, ...], list[tuple[FigureMatcher, float, int, int]]] = {}
        self._sentences = SentenceMemo()
        self._document: DocumentWords | None = None
        # By document id, the figures of rule files out of its scope
        # (``factcheck.match.scope``): decided once per document, before matching.
        self.figures_out: Mapping[str, frozenset[str]] = {}

    def scope(self, figures_out: Mapping[str, frozenset[str]]) -> Matcher:
        """This matcher, keeping the figures of ``figures_out[doc]`` from the claims of
        each document ``doc`` (``factcheck.match.scope.ScopedRun``)."""
        self.figures_out = figures_out
        return self

    @property
    def gazetteer(self) -> Gazetteer:
        """The places of the rule set (the shipped gazetteer when it has none), as
        extraction reads them."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(self.rules.places) if self.rules.places else default_gazetteer()
        return self._gazetteer

    def containers(self, location: str | None) -> tuple[str, ...]:
        """Every name and alias of the places ``location`` lies within, nearest first
        ("Rafah" -> "southern Gaza", ..., "Gaza", "Gaza Strip", ...)."""
        if not location:
            return ()
        found = self._containers.get(location)
        if found is None:
            names: list[str] = []
            place = self.gazetteer.get(location)
            seen = {place.name} if place is not None else set()
            while place is not None:
                place = self.gazetteer.container(place)
                if place is None or place.name in seen:  # a cycle in `within`
                    break
                seen.add(place.name)
                names += [place.name, *place.aliases]
            found = self._containers[location] = tuple(normal(n) or n for n in names)
        return found

    def assign(self, claim: Claim, text: str | None = None) -> Assignment | None:
        """The figure ``claim`` belongs to, if any. ``text`` is its document's text,
        used to place the claim within its sentence.

        The best match wins: the highest priority, then the highest score, then a part
        over its whole (a part matching is the more precise reading). Two figures of
        one priority and score that are not a part and its whole leave the claim without
        a figure: a tie is a guess."""
        if claim.unrepresentable:  # a value no check can compare is no figure's claim
            return None
        if claim.role in ("change", "conversion"):
            # Figures are levels: "prices rose 12 cents" is not a price of 12 cents; and
            # "€10 ($11)" is one figure, the one written first.
            return None
        candidates = self._candidates(claim)
        out_of_scope = self.figures_out.get(claim.doc) if self.figures_out else None
        if out_of_scope:
            candidates = [c for c in candidates if c[0].figure.id not in out_of_scope]
        if not candidates:  # most claims of an archive: nothing more to read
            return None
        span = claim_span_in_sentence(claim, text)
        fields = ClaimFields.of(claim)
        if self._document is None or self._document.text is not text:
            self._document = DocumentWords(text)
        document = self._document
        found: list[tuple[tuple[int, int, int, int], FigureMatcher, Assignment]] = []
        for matcher, factor, score, positive in candidates:
            try:
                assignment = matcher.finish(claim, fields, span, factor, score, positive, self._sentences, document)
            except PatternTimeout as exc:
                self._timeout(exc, claim)
                continue
            if assignment is not None:
                key = (matcher.figure.priority, assignment.score, self._depth(matcher.figure), -matcher.order)
                found.append((key, matcher, assignment))
        if not found:
            return None
        found.sort(key=lambda x: x[0], reverse=True)
        best = found[0]
        for key, _, other in found[1:]:
            if key[:2] != best[0][:2]:
                break
            if not self._related(best[2].figure.id, other.figure.id):
                return None  # as good a match for another figure: no guess
        return best[2]

    def _depth(self, figure: Figure) -> int:
        depth, seen = 0, {figure.id}
        while figure.part_of and figure.part_of in self.rules.figures and figure.part_of not in seen:
            figure = self.rules.figures[figure.part_of]
            seen.add(figure.id)
            depth += 1
        return depth

    def _related(self, a: str, b: str) -> bool:
        """Whether one figure is a part (at any depth) of the other."""
        return a in self._wholes(b) or b in self._wholes(a)

    def _candidates(self, claim: Claim) -> list[tuple[FigureMatcher, float, int, int]]:
        """The figures whose ``fields_score`` the claim passes, with its answer; keyed
        by what the answer depends on."""
        evidence = Evidence.of(claim)
        period = (claim.frame.period, claim.frame.rate) if claim.frame is not None else (None, None)
        key = (claim.kind, claim.unit, period, evidence, claim.location_source in STATED)
        found = self._by_fields.get(key)
        if found is None:
            if len(self._by_fields) >= FIELD_ANSWERS_KEPT:
                self._by_fields.clear()
            stated = claim.location_source in STATED
            containers = self.containers(normal(claim.location))
            places, within = ((), containers) if stated else (containers, ())
            found = []
            for matcher in self.matchers:
                answer = matcher.fields_score(claim.kind, claim.unit, period, evidence, places, within=within)
                if answer is not None:
                    found.append((matcher, *answer))
            self._by_fields[key] = found
        return found

    def _timeout(self, exc: PatternTimeout, claim: Claim) -> None:
        where = self._pattern_origin(exc.figure, exc.pattern) or self.rules.origins.get(("figure", exc.figure.id))
        prefix = f"{where}: " if where else ""
        document = self.paths.get(claim.doc) or claim.doc or "a document"
        # A "warning: " note reaches stderr in every format: a figure silently not
        # matched must not go unnoticed by a pipeline reading JSON.
        note = (
            f"warning: {prefix}figure '{exc.figure.id}': the pattern {exc.pattern!r} took longer than "
            f"{patterns.PATTERN_TIMEOUT:g}s on a sentence of {document} and was taken as not matching; simplify it"
        )
        self.note(note)

    def _pattern_origin(self, figure: Figure, pattern: str) -> SourceLocation | None:
        """Where ``pattern`` was written: in the figure's match, or (a part inherits its
        whole's lists) in the match of the figure it is a part of."""
        seen: set[str] = set()
        current: Figure | None = figure
        while current is not None and current.id not in seen:
            seen.add(current.id)
            for key in PATTERN_FIELDS:
                found = self.rules.pattern_origins.get((current.id, key, pattern))
                if found is not None:
                    return found
            current = self.rules.figures.get(current.part_of) if current.part_of else None
        return None

    def note(self, message: str) -> None:
        """Add ``message`` to the run's notes, once."""
        if message not in self._noted:
            self._noted.add(message)
            self.notes.append(message)

    def assign_all(self, claims: Sequence[Claim], texts: Mapping[str, str] | None = None) -> list[tuple[Claim, Assignment | None]]:
        """Each claim with its assignment. A claim that already names a figure of the
        rule set keeps it (its unit must still convert).

        A part of a count is not the count: when a claim is the part of a partitive
        ("X of the N ...", ``factcheck.extract.context.location.PARTITIVE``) whose
        whole went to the same figure, the part is left without a figure ("dozens of the
        remaining 128 hostages are still held": the dozens are some of the 128).
        "97 of the 251 hostages are still held" keeps both: the 97 are held, the 251
        were taken. (When the part states its own place, "... are held in Rafah", it is
        a count of that place and does not match the whole's figure in the first place.)"""
        return self.finish_all(claims, self.assign_each(claims, texts), texts)

    def assign_each(self, claims: Sequence[Claim], texts: Mapping[str, str] | None = None) -> list[Assignment | None]:
        """Each claim's own assignment (``assign_all`` before the partitives are
        settled: each claim alone, so that slices can be assigned in parallel)."""
        texts = texts or {}
        out: list[Assignment | None] = []
        for claim in claims:
            if claim.figure is not None and claim.figure in self.rules.figures and not self._out_of_scope(claim, claim.figure):
                figure = self.rules.figures[claim.figure]
                factor = unit_tools.factor(claim.unit, figure.unit)
                out.append(Assignment(figure, factor, 0) if factor is not None else None)
                continue
            out.append(self.assign(claim, texts.get(claim.doc)))
        return out

    def finish_all(
        self, claims: Sequence[Claim], assignments: Sequence[Assignment | None], texts: Mapping[str, str] | None = None
    ) -> list[tuple[Claim, Assignment | None]]:
        """``assign_all`` from ``assign_each``'s answers: a part whose whole went to the
        same figure (or to a part of the part's figure) is let go; its own part figure, if
        one matched, it keeps ("43 of whom have been declared dead": dead among the held)."""
        out = list(zip(claims, assignments, strict=True))
        pairs = set(partitives([c for c, _ in out], texts or {}))
        by_id = {c.id: k for k, c in enumerate(claims) if c.id}
        for k, c in enumerate(claims):
            whole = c.frame.part_of if c.frame is not None else None
            if whole is not None and whole in by_id:
                pairs.add((k, by_id[whole]))
        for k, c in enumerate(claims):
            linked = c.frame.value_of if c.frame is not None else None
            if out[k][1] is None and linked in by_id and out[by_id[linked]][1] is not None and c.figure is None:
                out[k] = (c, out[by_id[linked]][1])  # "down from around 1,400": the same figure's earlier value
        for part, whole in sorted(pairs):
            a, b = out[part][1], out[whole][1]
            if b is None or out[part][0].figure is not None:
                continue
            if (
                a is None or a.figure.id == b.figure.id or self._is_whole_of(a.figure.id, b.figure.id)
                or self._sibling_parts(a.figure.id, b.figure.id)
            ):
                # A part of a claim of W: one of W's parts, if one fits, else no figure.
                # (Children among the *identified* dead are not the children of the
                # whole toll: a part of one part is not a part of its sibling.)
                text = (texts or {}).get(claims[part].doc)
                out[part] = (out[part][0], self._part_of(claims[part], b.figure, text))
        return out

    def _out_of_scope(self, claim: Claim, figure_id: str) -> bool:
        found = self.figures_out.get(claim.doc) if self.figures_out else None
        return found is not None and figure_id in found

    def _part_of(self, claim: Claim, whole: Figure, text: str | None) -> Assignment | None:
        """The best of ``whole``'s part figures for a claim that is a part of a claim of
        ``whole``: what the part counts is what the whole counts, so the parts' own
        ``entity`` lists need not match ("120 remain held, 43 of whom have been declared
        dead": dead hostages)."""
        evidence = Evidence.of(claim)
        period = (claim.frame.period, claim.frame.rate) if claim.frame is not None else (None, None)
        places = self.containers(normal(claim.location)) if claim.location_source not in STATED else ()
        fields = ClaimFields.of(claim)
        document = DocumentWords(text)
        best: tuple[tuple[int, int, int], Assignment] | None = None
        for matcher in self.matchers:
            if matcher.figure.part_of != whole.id or self._out_of_scope(claim, matcher.figure.id):
                continue
            answer = matcher.fields_score(claim.kind, claim.unit, period, evidence, places, linked=True)
            if answer is None:
                continue
            found = matcher.finish(claim, fields, None, *answer, self._sentences, document)
            if found is not None:
                key = (matcher.figure.priority, found.score, -matcher.order)
                if best is None or key > best[0]:
                    best = (key, found)
        return best[1] if best else None

    def _wholes(self, x: str) -> set[str]:
        out: set[str] = set()
        figure = self.rules.figures.get(x)
        while figure is not None and figure.part_of and figure.part_of not in out:
            out.add(figure.part_of)
            figure = self.rules.figures.get(figure.part_of)
        return out

    def _sibling_parts(self, a: str, b: str) -> bool:
        """Whether figures ``a`` and ``b`` are parts of one whole, ``a`` not within ``b``."""
        wholes_a = self._wholes(a)
        return b not in wholes_a and bool(wholes_a & self._wholes(b))

    def _is_whole_of(self, a: str, b: str) -> bool:
        """Whether figure ``a`` is a whole (at any depth) of figure ``b``."""
        figure = self.rules.figures.get(b)
        seen: set[str] = set()
        while figure is not None and figure.part_of and figure.part_of not in seen:
            if figure.part_of == a:
                return True
            seen.add(figure.part_of)
            figure = self.rules.figures.get(figure.part_of)
        return False
