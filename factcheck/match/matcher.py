"""Every figure of a rule set, ready to assign claims (see the package docstring)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck import units as unit_tools
from factcheck.extract.context.gazetteer import Gazetteer, default_gazetteer
from factcheck.match.fields import ClaimFields, field_values, normal
from factcheck.match.figure import Assignment, FigureMatcher, PatternTimeout
from factcheck.match.partitives import partitives
from factcheck.models import Claim
from factcheck.rules import patterns
from factcheck.rules.patterns import SentenceMemo, claim_span_in_sentence
from factcheck.rules.schema import RuleSet

# Distinct claim fields whose figures ``Matcher`` remembers; the bound keeps a huge
# archive of unique values from growing memory without limit.
FIELD_ANSWERS_KEPT = 100_000
# Where a claim's place is stated rather than inferred (``Claim.location_source``):
# containment does not apply to it.
STATED = frozenset({"phrase", "demonym"})


class Matcher:
    """Every figure of a rule set, ready to assign claims."""

    def __init__(self, rules: RuleSet, gazetteer: Gazetteer | None = None) -> None:
        self.rules = rules
        self.matchers = [FigureMatcher(f, k) for k, f in enumerate(rules.figures.values())]
        self.notes: list[str] = []
        self._noted: set[str] = set()
        self._gazetteer = gazetteer
        self._containers: dict[str, tuple[str, ...]] = {}
        self._by_fields: dict[tuple[object, ...], list[tuple[FigureMatcher, float, int]]] = {}
        self._sentences = SentenceMemo()

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
        used to place the claim within its sentence."""
        candidates = self._candidates(claim)
        if not candidates:  # most claims of an archive: nothing more to read
            return None
        span = claim_span_in_sentence(claim, text)
        fields = ClaimFields.of(claim)
        best: tuple[tuple[int, int, int], Assignment] | None = None
        for matcher, factor, positive in candidates:
            try:
                found = matcher.finish(claim, fields, span, factor, positive, self._sentences)
            except PatternTimeout as exc:
                self._timeout(exc, claim)
                continue
            if found is None:
                continue
            key = (matcher.figure.priority, found.score, -matcher.order)
            if best is None or key > best[0]:
                best = (key, found)
        return best[1] if best else None

    def _candidates(self, claim: Claim) -> list[tuple[FigureMatcher, float, int]]:
        """The figures whose ``fields_score`` the claim passes, with its answer; keyed
        by the raw fields the answer depends on."""
        key = (claim.kind, claim.unit, claim.entity, claim.entity_type, claim.predicate, claim.location,
               claim.attribution, claim.location_source in STATED)
        found = self._by_fields.get(key)
        if found is None:
            if len(self._by_fields) >= FIELD_ANSWERS_KEPT:
                self._by_fields.clear()
            places = self.containers(normal(claim.location)) if claim.location_source not in STATED else ()
            values = field_values(claim)
            found = []
            for matcher in self.matchers:
                answer = matcher.fields_score(claim.kind, claim.unit, values, places)
                if answer is not None:
                    found.append((matcher, *answer))
            self._by_fields[key] = found
        return found

    def _timeout(self, exc: PatternTimeout, claim: Claim) -> None:
        where = self.rules.origins.get(("figure", exc.figure.id))
        prefix = f"{where}: " if where else ""
        # A "warning: " note reaches stderr in every format: a figure silently not
        # matched must not go unnoticed by a pipeline reading JSON.
        note = (
            f"warning: {prefix}figure '{exc.figure.id}': the pattern {exc.pattern!r} took longer than "
            f"{patterns.PATTERN_TIMEOUT:g}s on a sentence of {claim.doc or 'a document'} and was taken as not matching; simplify it"
        )
        self.note(note)

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
            if claim.figure is not None and claim.figure in self.rules.figures:
                figure = self.rules.figures[claim.figure]
                factor = unit_tools.factor(claim.unit, figure.unit)
                out.append(Assignment(figure, factor, 0) if factor is not None else None)
                continue
            out.append(self.assign(claim, texts.get(claim.doc)))
        return out

    def finish_all(
        self, claims: Sequence[Claim], assignments: Sequence[Assignment | None], texts: Mapping[str, str] | None = None
    ) -> list[tuple[Claim, Assignment | None]]:
        """``assign_all`` from ``assign_each``'s answers: the parts of partitives let go."""
        out = list(zip(claims, assignments, strict=True))
        for part, whole in partitives([c for c, _ in out], texts or {}):
            a, b = out[part][1], out[whole][1]
            if a is not None and b is not None and a.figure.id == b.figure.id and out[part][0].figure is None:
                out[part] = (out[part][0], None)
        return out
