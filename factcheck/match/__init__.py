"""Assigning claims to figures from their extracted fields.

Each figure's ``match`` block (see ``factcheck.rules.schema.Match``) becomes a
``FigureMatcher``: its word lists are compiled once into case-insensitive whole-word
patterns ("hostage" also matches "hostages"; "evacuat*" matches any ending), its
regular expressions with the ``regex`` module. A claim is scored against every figure
(O(claims x figures), one pass) and goes to the best match:

1. the claim's unit must convert into the figure's (a count is never a length);
2. no ``exclude`` word may appear in the claim's fields, no ``exclude_sentence``
   pattern may match its sentence;
3. every word list whose field extraction filled must match (an empty field does not
   count against the claim, unless it is ``required``), and so must one ``sentence``
   and one ``surface`` pattern when there are any; a ``sentence`` pattern with a group
   named ``claim`` must have that group overlap the claim's own figure;
4. at least ``min_fields`` lists or sentence patterns must match positively;
5. the claim's interval must reach into [``min_value``, ``max_value``] when given.

Places follow the gazetteer's containment (``Place.within``, from the rule set's
``places``; the shipped gazetteer when it has none) when the claim's place is only its
setting: a claim whose location extraction inferred from its sentence, paragraph or
article (``Claim.location_source``) matches a figure whose ``location`` words name
Gaza when that place is Rafah, because Rafah lies within Gaza (the claim's place, then
each place it lies within, is tried by name and aliases). A place stated in the claim's
own phrase ("dozens of hostages are held in Rafah"; ``location_source`` "phrase", or a
"demonym" there) makes the claim a count of that place, a part of Gaza's, so it does
not match the Gaza-wide figure. A claim whose source is not known (written out by hand)
is treated as a setting. Containment runs one way only: a claim about the whole of Gaza
does not match a figure about Rafah. ``exclude`` words are tried on the claim's own
fields only, not on the places around it.

Among the figures a claim matches it goes to the one with the highest ``priority``
(a figure with a narrow pattern, "hostages alive", outranks the broad "hostages held"),
then to the one with the most positive matches, then to the one defined first. Every
regular expression runs with a timeout (``factcheck.rules.patterns.PATTERN_TIMEOUT``
seconds); a pattern that times out does not match, and the run's notes name the figure
and where it is defined.

A rule file's ``scope`` (``factcheck.rules.schema.Scope``) is decided once per document
before any claim is matched (``scope``): the figures of a file out of a document's scope
are not candidates for its claims (``Matcher.scope``).

Modules: ``fields`` (what is read of a claim), ``figure`` (one figure's tests),
``matcher`` (every figure; the best match), ``partitives`` (parts of a whole let go),
``scope`` (which rule files apply to which documents).
"""

from __future__ import annotations

from factcheck.match.figure import Assignment, FigureMatcher, PatternTimeout
from factcheck.match.matcher import Matcher
from factcheck.match.partitives import partitives

__all__ = ["Assignment", "FigureMatcher", "Matcher", "PatternTimeout", "partitives"]
