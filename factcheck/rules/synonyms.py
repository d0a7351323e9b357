"""Sets of words that rules share: ``synonyms:`` in a rule file, ``$name`` in a word list.

A researcher writes ``predicate: [$held]`` once the set ``held`` is defined (the shipped
``rules/synonyms.yaml`` defines the general ones: killed, held, fled, displaced,
sheltering, ...), so every topic reuses one list instead of copying it. A set may name
other sets. ``expand`` replaces each ``$name`` by its words; the loader reports an
unknown name at its line and column, with the closest known one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any


REFERENCE = "$"
# The word lists of a figure's match that may name sets.
WORD_FIELDS = ("entity", "predicate", "location", "attribution", "agent", "context", "exclude")


def expand(words: Iterable[str], synonyms: Mapping[str, list[str]], seen: frozenset[str] = frozenset()) -> list[str]:
    """``words`` with every ``$name`` replaced by the words of the set (sets within sets
    too; a set that names itself through others is read once)."""
    out: list[str] = []
    for word in words:
        if word.startswith(REFERENCE):
            name = word[1:]
            if name in synonyms and name not in seen:
                out += expand(synonyms[name], synonyms, seen | {name})
        else:
            out.append(word)
    return list(dict.fromkeys(out))


def unknown_references(match: Any, synonyms: Mapping[str, list[str]]) -> list[tuple[str, int, str]]:
    """``(field, index, name)`` of each ``$name`` in a match block (raw data) that names
    no set."""
    found: list[tuple[str, int, str]] = []
    if not isinstance(match, dict):
        return found
    for key in WORD_FIELDS:
        value = match.get(key)
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for i, word in enumerate(values):
            if isinstance(word, str) and word.startswith(REFERENCE) and word[1:] not in synonyms:
                found.append((key, i, word[1:]))
    return found


def unknown_message(name: str, synonyms: Mapping[str, list[str]]) -> str:
    close = difflib.get_close_matches(name, sorted(synonyms), n=1)
    hint = f"; did you mean '${close[0]}'?" if close else ""
    known = ", ".join(sorted(synonyms)) or "none are defined"
    return f"unknown set of words '${name}'{hint} (sets: {known})"
