"""Which rule files apply to which documents: a rule file's ``scope`` decided once per
document, before any claim is matched.

A scoped file's figures never assign a claim of a document out of its scope, and its
checks do not see that document's claims (``factcheck.check.engine``). Rule files
without a scope apply to every document. A document is read once per run however many
claims it has and however many files are scoped: its words and the places it names are
found once, then each scope is tried against them (see ``factcheck.rules.schema.Scope``
for what a scope says).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from factcheck.extract.context.gazetteer import Gazetteer
from factcheck.match.words import WordSet, forms
from factcheck.models import Document
from factcheck.places import Place
from factcheck.rules.schema import RuleSet, Scope


@dataclass(frozen=True)
class Verdict:
    """Whether one scoped file applies to one document, and why in words."""

    applies: bool
    why: str


# What of a URL is words: its host and path, "-", "_", "/" and "." apart (a slug is most
# often the headline: ".../un-security-council-passes-resolution").
_URL_SEPARATORS = re.compile(r"[^\w]+|_")


def url_words(url: str | None) -> str:
    """The words of a URL, as text: "https://x.org/un-votes/1" -> "x org un votes 1"."""
    if not url:
        return ""
    return _URL_SEPARATORS.sub(" ", url.split("://", 1)[-1]).strip()


@dataclass
class _Compiled:
    scope: Scope
    places: frozenset[str]  # canonical names of the scope's places
    # Any spelling (name, alias, demonym) of those places and of the places within them,
    # as the gazetteer matches them in text (case as written), and in a URL (any case).
    spelt: dict[str, str]
    in_text: re.Pattern[str] | None
    in_url: re.Pattern[str] | None
    words: tuple[tuple[str, WordSet], ...]  # each word alone, to say which one matched
    outlets: frozenset[str]

    @property
    def has_subject(self) -> bool:
        return bool(self.places or self.words or self.outlets)


# The words of a whole document, as ``factcheck.match.words.words_of`` reads a claim's
# (lower case, "’" as "'"), with ``re``: on a whole article it is several times faster
# than the ``regex`` module's letter classes, and a scope needs no more.
_WORD = re.compile(r"[^\W_][\w'’-]*")


class _Words:
    """A text's words and every form of them, read once for every scope."""

    def __init__(self, text: str) -> None:
        self.words = tuple(_WORD.findall(text.lower().replace("’", "'")))
        self.present: set[str] = set()
        for word in set(self.words):
            self.present |= forms(word)

    def mentions(self, words: WordSet) -> bool:
        # A one-word phrase is in the text when one of its forms is; only a longer
        # phrase whose every word is there needs the words in order.
        longer = False
        for phrase in words.phrases:
            if all(form & self.present for form in phrase):
                if len(phrase) == 1:
                    return True
                longer = True
        if words.prefixes and any(w.startswith(words.prefixes) for w in self.present):
            return True
        return longer and words.matches_words(self.words)


@dataclass
class ScopedRun:
    """What the scopes of a rule set decide for the documents of one run.

    ``figures_out``: by document id, the figures that may not assign its claims;
    ``documents_out``: by check id, the documents whose claims the check may not see.
    Both are empty when no document is out of any scope (the common case)."""

    figures_out: dict[str, frozenset[str]] = field(default_factory=dict)
    documents_out: dict[str, frozenset[str]] = field(default_factory=dict)


class Scopes:
    """The scopes of a rule set, compiled once, and what they say of documents."""

    def __init__(self, rules: RuleSet, gazetteer: Gazetteer) -> None:
        self.rules = rules
        self.gazetteer = gazetteer
        self._compiled = {shown: self._compile(scope) for shown, scope in rules.scopes.items()}

    def _compile(self, scope: Scope) -> _Compiled:
        wanted: set[str] = set()
        for name in scope.places:
            place = self.gazetteer.get(name)
            if place is not None:
                wanted.add(place.name)
        spelt: dict[str, str] = {}
        for place in self.gazetteer:
            hit = next((p for p in self._within(place) if p in wanted), None)
            if hit is None:
                continue
            for form in (place.name, *place.aliases, *place.demonyms, *(f"{d}s" for d in place.demonyms)):
                if form.strip():
                    spelt.setdefault(form.strip(), hit)
        body = "|".join(re.escape(f) for f in sorted(spelt, key=lambda f: (-len(f), f)))
        return _Compiled(
            scope,
            frozenset(wanted),
            {f.casefold(): p for f, p in spelt.items()} | spelt,
            re.compile(rf"(?<!\w)(?:{body})(?!\w)") if body else None,
            re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None,
            tuple((w, WordSet.of([w])) for w in scope.words),
            frozenset(o.casefold().strip() for o in scope.outlets),
        )

    def __bool__(self) -> bool:
        return bool(self._compiled)

    def _within(self, place: Place | None) -> list[str]:
        """``place`` and the places it lies within, by canonical name, nearest first."""
        names: list[str] = []
        while place is not None and place.name not in names:  # a cycle in `within` ends it
            names.append(place.name)
            place = self.gazetteer.container(place)
        return names

    def verdicts(self, doc: Document) -> dict[str, Verdict]:
        """For each scoped file (as shown), whether it applies to ``doc`` and why."""
        out: dict[str, Verdict] = {}
        text = f"{doc.title or ''}\n{doc.text}"
        url = url_words(doc.url)
        words: _Words | None = None
        url_read: _Words | None = None
        for shown, c in self._compiled.items():
            reason = None
            if c.words:
                words = _Words(text) if words is None else words
                hit = next((w for w, ws in c.words if words.mentions(ws)), None)
                if hit is None and url:
                    url_read = _Words(url) if url_read is None else url_read
                    hit = next((w for w, ws in c.words if url_read.mentions(ws)), None)
                    reason = f"mentions '{hit}' in its URL" if hit is not None else None
                elif hit is not None:
                    reason = f"mentions '{hit}'"
            if reason is None and c.in_text is not None:
                found = c.in_text.search(text)
                if found is not None:
                    place = c.spelt[found.group()]
                    reason = f"mentions {place}" + (f" ('{found.group()}')" if found.group() != place else "")
                elif url and c.in_url is not None and (found := c.in_url.search(url)) is not None:
                    reason = f"mentions {c.spelt.get(found.group(), c.spelt.get(found.group().casefold(), found.group()))} in its URL"
            if reason is None and c.outlets and doc.outlet and doc.outlet.casefold().strip() in c.outlets:
                reason = f"is from {doc.outlet}"
            if c.has_subject and reason is None:
                out[shown] = Verdict(False, _none_of(c.scope))
                continue
            dated = _date_verdict(c.scope, doc)
            out[shown] = Verdict(False, dated) if dated is not None else Verdict(True, reason or "is within its dates")
        return out

    def out_of_scope(self, doc: Document) -> frozenset[str]:
        """The files (as shown) that do not apply to ``doc``."""
        return frozenset(shown for shown, v in self.verdicts(doc).items() if not v.applies)

    def run(self, documents: Iterable[Document]) -> ScopedRun:
        """What the scopes decide for ``documents``: each document tried once."""
        out = ScopedRun()
        if not self._compiled:
            return out
        figures_of = _defined_in(self.rules, "figure", self.rules.figures)
        checks_of = _defined_in(self.rules, "check", [c.id for c in self.rules.checks])
        hidden: dict[str, set[str]] = {}
        for doc in documents:
            files = self.out_of_scope(doc)
            if not files:
                continue
            out.figures_out[doc.id] = frozenset(f for shown in files for f in figures_of.get(shown, ()))
            for shown in files:
                for check in checks_of.get(shown, ()):
                    hidden.setdefault(check, set()).add(doc.id)
        out.documents_out = {check: frozenset(docs) for check, docs in hidden.items()}
        return out


def _none_of(scope: Scope) -> str:
    """Why a document is out of a scope that names a subject: none of it is there."""
    said = [what for what, given in (("places", scope.places), ("words", scope.words)) if given]
    parts = [f"mentions none of its {' or '.join(said)}"] if said else []
    if scope.outlets:
        parts.append("is from none of its outlets")
    return " and ".join(parts)


def _date_verdict(scope: Scope, doc: Document) -> str | None:
    """Why ``doc`` is outside the scope's dates, or None."""
    if doc.published is None:
        return None  # an undated draft is judged now: taken to be in range
    if scope.since is not None and doc.published < scope.since:
        return f"was published {doc.published}, before {scope.since}"
    if scope.until is not None and doc.published > scope.until:
        return f"was published {doc.published}, after {scope.until}"
    return None


def _defined_in(rules: RuleSet, what: str, ids: Iterable[str]) -> dict[str, list[str]]:
    """The ids of ``what`` each scoped file defines."""
    out: dict[str, list[str]] = {}
    for ident in ids:
        shown = rules.file_of(what, ident)
        if shown is not None and shown in rules.scopes:
            out.setdefault(shown, []).append(ident)
    return out


def scoped_run(rules: RuleSet, documents: Sequence[Document], gazetteer: Gazetteer) -> ScopedRun:
    """``Scopes(rules, gazetteer).run(documents)``, nothing built when no file is scoped."""
    if not rules.scopes:
        return ScopedRun()
    return Scopes(rules, gazetteer).run(documents)
