"""The drafts of ``factcheck.report.suggest`` as YAML: a rule file and its rule tests.

Every value gets a comment naming the claims it came from (``path:line "phrase"``), so
that a reviewer can check it against the stories. The text is written by hand, not by
a YAML dumper, because dumpers drop comments; every string goes out as a JSON string,
which is a YAML double-quoted scalar, so no text of a story can break the file's
structure, and comments are made one line with control characters replaced. The same
drafts give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from factcheck.report.escape import one_line
from factcheck.report.numbers import format_interval
from factcheck.report.suggest import Cited, Draft

# A quoted sentence in a comment is cut to this many characters around its figure.
_QUOTE_CHARS = 100


def q(text: str) -> str:
    """A YAML scalar for any text (a JSON string is a double-quoted YAML scalar)."""
    return json.dumps(text, ensure_ascii=False)


def cite(c: Cited) -> str:
    """``path:line "figure"``: where a claim is and how it reads."""
    return f'{one_line(c.where)} "{one_line(c.claim.surface)}"'


def quote(c: Cited) -> str:
    """The claim's sentence, cut around its figure, for a comment."""
    sentence = one_line(c.claim.sentence or c.claim.surface)
    if len(sentence) <= _QUOTE_CHARS:
        return sentence
    at = max(0, sentence.find(one_line(c.claim.surface)) - _QUOTE_CHARS // 2)
    return ("…" if at else "") + sentence[at:at + _QUOTE_CHARS] + "…"


def _comment(text: str, indent: str) -> str:
    return f"{indent}# {one_line(text)}"


def rule_file(drafts: list[Draft], tests_name: str, command: str) -> str:
    """The rule file of the drafts."""
    lines = [
        f"# Rules drafted for review by `{one_line(command)}`.",
        "# Nothing here is checked by a person yet: each value says which claims of the corpus",
        "# it came from. Correct the words, the tolerance and the window, delete what is wrong,",
        f"# and run `factcheck rules test` on the folder (the tests: {one_line(tests_name)}).",
        "",
        f"description: {q('Figures drafted by factcheck rules suggest, for review')}",
        "",
        "figures:" if drafts else "figures: []",
    ]
    for d in drafts:
        lines += _figure(d)
    lines += ["", "checks:" if drafts else "checks: []"]
    for d in drafts:
        lines += _check(d)
    return "\n".join(lines) + "\n"


def _figure(d: Draft) -> list[str]:
    i = "    "
    agree = len({c.doc.id for c in d.agreeing})
    sides = len({c.doc.id for c in [*d.agreeing, *d.conflicting]})
    lines = [
        "",
        _comment(f"{d.label}: {len(d.claims)} claim(s) in {d.documents} document(s); {agree} of {sides} agree on {d.anchor.day or 'its date'}:", "  "),
    ]
    lines += [_comment(f"  {cite(c)} ({c.day or 'undated'}): {quote(c)}", "  ") for c in d.claims]
    unit = d.anchor.claim.unit or "count"
    entity = counted_phrase(d)
    lines += [
        f"  - id: {d.figure_id}",
        f"    name: {q(d.label)}",
        f"    description: {q(_description(d))}",
        _comment("level: compared with claims of its own date only (cumulative would also require it to grow)", i),
        "    kind: level",
        _comment(f"the unit of every claim above: {', '.join(cite(c) for c in d.claims[:3])}{' …' if len(d.claims) > 3 else ''}", i),
        f"    unit: {q(unit)}",
        "    match:",
        _comment(f"what every claim above counts ({d.key.describe()}): {cite(d.anchor)}", i + "  "),
        f"      entity: [{q(entity)}]",
    ]
    if d.verbs:
        said = "; ".join(f"{verb}: {', '.join(cite(c) for c in cs)}" for verb, cs in d.verbs.items())
        lines += [
            _comment(f"the verbs the claims are told with (one class: {d.key.action}): {said}", i + "  "),
            f"      predicate: [{', '.join(q(v) for v in d.verbs)}]",
        ]
    docs = sorted({one_line(c.doc.path) for c in d.claims})
    lines += [
        _comment(f"a name every story of this figure mentions, so the rule stays in its subject: {', '.join(docs)}", i + "  "),
        f"      topic: [{q(d.topic)}]",
        f"      required: [{'entity, predicate' if d.verbs else 'entity'}]",
    ]
    lines += _tolerance(d, i)
    return lines


def counted_phrase(d: Draft) -> str:
    """The counted thing as the stories write it: the frame keeps its narrowing words
    sorted, a phrase matches them in the order of the text ("full-time city worker")."""
    *narrowing, noun = d.key.thing
    sentence = d.anchor.claim.sentence.lower()
    at = {w: sentence.find(w) for w in narrowing}
    return " ".join([*sorted(narrowing, key=lambda w: (at[w] < 0, at[w], w)), noun])


def _description(d: Draft) -> str:
    return (
        f"{d.label}: drafted from {d.documents} stories that give it ({d.key.describe()}, "
        f"in stories that mention {d.topic}). Say what exactly is counted, by whom, since when."
    )


def _tolerance(d: Draft, i: str) -> list[str]:
    w = d.widest
    assert w is not None
    reading = format_interval(w.claim)
    why = (
        f"the widest reading the calibrated hedges (docs/hedges.md) give an agreeing claim, rounded up: "
        f"{cite(w)} reads {reading}"
    )
    if d.tolerance == d.leeway.relative:
        why += f"; no less than the possible-conflict check's {d.leeway.describe()}"
    return [_comment(why, i), f"    tolerance: {_percent(d.tolerance)}"]


def _percent(x: float) -> str:
    return f"{round(x * 100, 6):g}%"


def _check(d: Draft) -> list[str]:
    i = "    "
    if d.flag_case is not None:
        found, against = d.flag_case
        why = f"the claims of one date must agree: {cite(found)} disagrees with {cite(against)}"
    else:
        why = f"the claims of one date must agree (all {len(d.agreeing)} of {d.anchor.day or 'its date'} do)"
    return [
        "",
        _comment(why, "  "),
        f"  - id: {d.check_id}",
        f"    description: {q(f'Reports of {d.label} about one date agree.')}",
        "    consistency:",
        f"      figures: [{d.figure_id}]",
        _comment("the window of the possible-conflict check that grouped the claims", i + "  "),
        "      window: 1d",
    ]


def tests_file(drafts: list[Draft], rules_name: str) -> str:
    """The rule tests of the drafts: for each a case that must flag and one that must
    pass, made of the stories' own sentences."""
    lines = [
        f"# Tests of the rules in ../{one_line(rules_name)}, drafted by `factcheck rules suggest` from",
        "# sentences of the corpus: each case names the claims it is made of.",
        "",
        "tests:" if drafts else "tests: []",
    ]
    for d in drafts:
        if d.flag_case is not None:
            found, against = d.flag_case
            lines += _case(d, f"{d.label}: {found.claim.surface} against {against.claim.surface}", found, [against], "flags")
        else:
            lines += ["", _comment(f"{d.label}: no story disagrees, so no case that must flag; write one by hand", "  ")]
        if d.pass_case is not None:
            checked, other = d.pass_case
            name = f"{d.label}: {checked.claim.surface} agrees" + (f" with {other.claim.surface}" if other else "")
            lines += _case(d, name, checked, [other] if other else [], "passes")
    return "\n".join(lines) + "\n"


def _case(d: Draft, name: str, checked: Cited, corpus: Iterable[Cited], how: str) -> list[str]:
    corpus = list(corpus)
    made_of = ", ".join(cite(c) for c in [checked, *corpus])
    lines = [
        "",
        _comment(f"made of {made_of}", "  "),
        f"  - name: {q(name)}",
        *_document(d, checked, "    "),
    ]
    if corpus:
        lines.append("    corpus:")
        for c in corpus:
            doc = _document(d, c, "        ")
            lines += ["      - " + doc[0].lstrip(), *doc[1:]]
    lines.append(f"    figures: {{{q(checked.claim.surface)}: {d.figure_id}}}")
    if how == "flags":
        lines += ["    flags:", f"      - {{rule: {d.check_id}, claim: {q(checked.claim.surface)}, figure: {d.figure_id}}}"]
    else:
        lines += ["    passes:", f"      - {{rule: {d.check_id}}}"]
    return lines


def _document(d: Draft, c: Cited, indent: str) -> list[str]:
    """A case's document: the claim's sentence, after the story's title when only the
    title names the subject (the figure's topic must be in the text)."""
    text = one_line(c.claim.sentence or c.claim.surface)
    title = one_line(c.doc.title or "")
    if title and d.topic not in text and d.topic in title:
        text = f"{title}. {text}"
    lines = []
    if c.doc.published is not None:
        lines.append(f"{indent}published: {c.doc.published.isoformat()}")
    lines.append(f"{indent}text: {q(text)}")
    return lines
