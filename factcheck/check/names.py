"""The names a story mentions, so that checks without a rule compare only stories on one
subject: "the budget" of a Riverton story and "the budget" of an Oakdale story are two
figures, whatever their frames say.

A name is a run of capitalised words not at the start of a sentence ("Riverton",
"Riverton City Council", "Jane Smith"; a possessive counts there too: "Marlow's
council"), possessive dropped, from the sentences of the
document's claims and its title. Month and day names are not names of a subject. A
place of the gazetteer is one name however a story spells it: an alias or a demonym
("Kenyan", "Kenyans", "Gaza Strip") is read as the place's name ("Kenya", "Gaza").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import regex

from factcheck.check.base import Context, Item
from factcheck.places import Place

# Capitalised words in a row (an apostrophe-s ends a run), not after a sentence start.
_RUN = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{Lu}'’.-]*(?:\s+\p{Lu}[\p{Ll}\p{Lu}'’.-]*)*")
_OPENERS = frozenset(".!?:;")
_NOT_NAMES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday I Mr Mrs Ms Dr The A An".split()
)


def shares_names(ctx: Context, a: Item, b: Item) -> bool:
    """Whether the two claims' documents mention a name in common (or either mentions
    none, when there is nothing to tell them apart by)."""
    if a.doc_id == b.doc_id:
        return True
    names = ctx.memo(("names",), lambda: _Names(ctx))
    return names.share(a.doc_id, b.doc_id)


def texts_of(ctx: Context, docs: set[str]) -> dict[str, list[str]]:
    """The texts the names of ``docs`` are read from in this run (title and sentences)."""
    names = ctx.memo(("names",), lambda: _Names(ctx))
    return {d: list(names.texts[d]) for d in sorted(docs) if d in names.texts}


def seed(ctx: Context, texts: dict[str, list[str]], known: Mapping[str, frozenset[str]] | None = None) -> None:
    """Make ``ctx`` read names from ``texts`` (``texts_of`` in another run's context)
    instead of from its own items; ``known``: the names of other documents, read once
    before (``documents_names``: a server's warm corpus)."""
    ctx.memo(("names",), lambda: _Names(None, texts, spellings(ctx.rules.places), known))


def spellings(places: Iterable[Place]) -> dict[str, str]:
    """Every spelling of a place of the gazetteer (alias, demonym and its plural) ->
    the place's name, so that "Kenyan officials" and "Kenya's ministry" share a name."""
    out: dict[str, str] = {}
    for place in places:
        for spelling in (*place.aliases, *place.demonyms, *(f"{d}s" for d in place.demonyms)):
            out.setdefault(spelling, place.name)
    return out


def item_texts(items: Iterable[Item]) -> dict[str, list[str]]:
    """Per document, the texts its names are read from: its title, then the sentence of
    each of its claims, once each."""
    texts: dict[str, list[str]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for item in items:
        claim = item.claim
        if item.doc is not None and item.doc.title and (claim.doc, -1) not in seen:
            seen.add((claim.doc, -1))
            texts[claim.doc].append(item.doc.title)
        key = (claim.doc, id(claim.sentence))  # a document's claims share their sentence strings
        if claim.sentence and key not in seen:
            seen.add(key)
            texts[claim.doc].append(claim.sentence)
    return texts


def documents_names(
    titles: Mapping[str, str | None], sentences: Iterable[tuple[str, str]], places: Iterable[Place] = (),
) -> dict[str, frozenset[str]]:
    """The names of each document, from its title and the ``(document, sentence)`` of
    its claims, as a run reads them from its items (``places``: the gazetteer's, whose
    spellings are read as the place's name)."""
    texts: dict[str, list[str]] = defaultdict(list)
    for doc, title in titles.items():
        if title:
            texts[doc].append(title)
    for doc, sentence in sentences:
        if sentence:
            texts[doc].append(sentence)
    names = _Names(None, texts, spellings(places))
    return {doc: names.of(doc) for doc in texts}


class _Names:
    """Names per document, worked out the first time a document is asked about."""

    def __init__(
        self, ctx: Context | None, texts: dict[str, list[str]] | None = None,
        places: dict[str, str] | None = None, known: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        """Names read from ``ctx``'s items, or (``ctx`` None) from ``texts``."""
        self.texts: dict[str, list[str]] = defaultdict(list, item_texts(ctx.items) if ctx is not None else texts or {})
        self.found: dict[str, frozenset[str]] = {}
        self.places = places if places is not None else spellings(ctx.rules.places) if ctx is not None else {}
        self.known: Mapping[str, frozenset[str]] = known or {}

    def share(self, a: str, b: str) -> bool:
        """Whether documents ``a`` and ``b`` share a name (or either has none)."""
        na, nb = self.of(a), self.of(b)
        return not na or not nb or not na.isdisjoint(nb)

    def of(self, doc: str) -> frozenset[str]:
        names = self.found.get(doc)
        if names is None and doc not in self.texts:
            names = self.known.get(doc)
        if names is None:
            names = self.found[doc] = frozenset(
                self.places.get(n, n) for text in dict.fromkeys(self.texts.get(doc, ())) for n in names_in(text)
            )
        return names


def names_in(text: str) -> list[str]:
    """The names in one sentence (see the module docstring)."""
    out = []
    for m in _RUN.finditer(text):
        words = m.group().split()
        if _opens_sentence(text, m.start()) and not words[0].endswith(("'s", "’s")):
            # "Officials in Riverton ...": the first word is capitalised anyway; a
            # possessive ("Marlow's council") is a name wherever it stands.
            words = words[1:]
        words = [w.rstrip(".-") for w in words]
        if words and words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        words = [w for w in words if w]
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        while words and words[-1] in _NOT_NAMES:
            words = words[:-1]
        if words:
            out.append(" ".join(words))
    return out


def _opens_sentence(text: str, at: int) -> bool:
    """Whether only spaces, quotes and brackets stand between ``at`` and the text's
    start or the last full stop (looked at backwards, so the cost is the gap's)."""
    k = at - 1
    while k >= 0 and not (text[k].isalnum() or text[k] in _OPENERS):
        k -= 1
    return k < 0 or text[k] in _OPENERS
