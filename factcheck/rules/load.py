"""Loading rule files: every problem of every file, each at ``file:line:column``.

``load_rules(dirs, kinds=REGISTRY)`` reads the ``*.yaml`` files of each folder (not its subfolders:
``reference/`` holds series files and ``tests/`` rule tests), validates each figure,
check, series and place on its own so that one broken entry does not hide the problems
of the next, then checks what no single entry can: ids unique across files, checks
and series naming figures that exist, regular expressions that compile (with the
``regex`` module), relation expressions that parse, message placeholders the check
provides, units factcheck knows, reference files that read and scope places the
gazetteer knows. All problems are raised
together as ``RuleErrors``; each message says what was expected and, for a misspelt
key, figure or placeholder, the closest valid one.

The check kinds are the ``kinds`` the caller gives (``factcheck.check.REGISTRY``): each
check's options are validated against its kind's ``Options`` record, and the options
that name figures, patterns or a relation (``factcheck.rules.types.Names``) are checked
across the rule set by their type, so a new kind brings its own validation.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from pydantic import BaseModel, ValidationError

from factcheck import units as unit_tools
from factcheck.errors import FactcheckError, RuleError, RuleErrors, SourceLocation
from factcheck.extract.context.gazetteer import default_gazetteer, gazetteer_of
from factcheck.load.files import read_text_file
from factcheck.places import Place
from factcheck.rules.expr import ExprError, Relation, parse_relation
from factcheck.rules.messages import validate_template
from factcheck.rules.patterns import PATTERN_FIELDS, regex_problem
from factcheck.rules.problems import convert_error, describe, sort_errors, unknown_key
from factcheck.rules.reference import impossible, load_points
from factcheck.rules.schema import (
    CHECK_KEYS,
    Figure,
    Kinds,
    LoadedSeries,
    ReferencePoint,
    ReferenceSeries,
    RuleFile,
    RuleSet,
    Scope,
    check_entry_model,
    check_rule,
)
from factcheck.rules.synonyms import unknown_message, unknown_references
from factcheck.rules.types import FIGURE_ID_PATTERN, Names, names_in
from factcheck.util.yamlpos import YamlData, load_yaml

RULE_SUFFIXES = (".yaml", ".yml")
MAX_RULE_FILE_BYTES = 10 * 1024 * 1024


def sections(kinds: Kinds) -> dict[str, type[BaseModel]]:
    """The model of an entry of each list section of a rule file."""
    return {"figures": Figure, "checks": check_entry_model(kinds), "reference": ReferenceSeries, "places": Place}


@dataclass
class _File:
    path: Path
    shown: str
    text: str
    yaml: YamlData


class _Collector:
    def __init__(self) -> None:
        self.errors: list[RuleError] = []

    def add(self, message: str, where: SourceLocation) -> None:
        self.errors.append(RuleError(message, where))


def rule_files(
    dirs: Sequence[Path], shown_as: Sequence[str | None] | None = None
) -> tuple[list[tuple[Path, str]], list[RuleError]]:
    """The rule files of ``dirs`` (folders or single files), sorted, with how to show
    them: the path as given, or under ``shown_as[i]`` for folder ``i`` (the shipped
    rules are shown as "rules/..." wherever the package is installed)."""
    found: list[tuple[Path, str]] = []
    errors: list[RuleError] = []
    names = list(shown_as) if shown_as is not None else [None] * len(dirs)
    for given, name in zip(dirs, names, strict=True):
        path = Path(given)
        if path.is_dir():
            members = sorted(p for p in path.iterdir() if p.suffix in RULE_SUFFIXES and p.is_file())
            found += [(p, f"{name}/{p.name}" if name else str(p)) for p in members]
        elif path.is_file():
            found.append((path, str(path)))
        else:
            errors.append(RuleError("no such rule folder or file", SourceLocation(str(path))))
    return found, errors


def load_rules(dirs: Sequence[Path], shown_as: Sequence[str | None] | None = None, *, kinds: Kinds) -> RuleSet:
    """Read, validate and merge the rule files of ``dirs``, with the check kinds of
    ``kinds``. Raises ``RuleErrors`` with every problem found. ``shown_as`` names
    folders in messages and reports (see ``rule_files``)."""
    paths, errors = rule_files(dirs, shown_as)
    out = _Collector()
    out.errors += errors
    files: list[_File] = []
    for path, shown in paths:
        loaded = _read(path, shown, out)
        if loaded is not None:
            files.append(loaded)

    rules = RuleSet(files=[f.path for f in files], shown=[f.shown for f in files])
    entries: dict[tuple[str, str, int], BaseModel] = {}
    synonym_origins: dict[str, SourceLocation] = {}
    for f in files:
        for section, i, obj in _validate_file(f, out, kinds):
            if isinstance(obj, Scope):
                rules.scopes[f.shown] = obj
            else:
                entries[(f.shown, section, i)] = obj
        _read_synonyms(f, rules, out, synonym_origins)

    # Ids are checked on the raw data, so that an entry with other problems still
    # counts (no cascade of "unknown figure") and its duplicate is still reported.
    first: dict[tuple[str, str], tuple[str, int]] = {}
    for f in files:
        for section, what in (("figures", "figure"), ("checks", "check"), ("reference", "series")):
            for i, raw in _raw(f, section):
                ident = raw.get("id")
                if isinstance(ident, str) and _unique(rules.origins, what, ident, f.yaml.locate((section, i, "id")), out):
                    first[(what, ident)] = (f.shown, i)
    known = {ident for (what, ident) in first if what == "figure" and regex.match(FIGURE_ID_PATTERN, ident)}
    signed = {raw["id"] for f in files for _, raw in _raw(f, "figures") if raw.get("signed") is True and isinstance(raw.get("id"), str)}

    for f in files:
        for i, raw in _raw(f, "figures"):
            _check_figure(f, i, raw, out, rules.pattern_origins)
            _check_parts_and_sets(f, i, raw, known, rules, out)
        for i, raw in _raw(f, "checks"):
            relation = _check_check(f, i, raw, known, out, kinds)
            obj = entries.get((f.shown, "checks", i))
            if obj is not None and first.get(("check", raw.get("id"))) == (f.shown, i):
                rule = check_rule(obj)
                rules.checks.append(rule)
                if relation is not None:
                    rules.expressions[rule.id] = relation
        for i, raw in _raw(f, "reference"):
            points = _check_series(f, i, raw, known, signed, out)
            obj = entries.get((f.shown, "reference", i))
            if isinstance(obj, ReferenceSeries) and points is not None and first.get(("series", obj.id)) == (f.shown, i):
                rules.series.append(LoadedSeries(obj, sorted(obj.points + points, key=lambda p: p.date), f.shown))
    for (shown, section, i), obj in entries.items():  # files in order, entries in file order
        if isinstance(obj, Figure) and first.get(("figure", obj.id)) == (shown, i):
            rules.figures[obj.id] = obj
        elif isinstance(obj, Place):
            rules.places.append(obj)
            rules.place_files.append(shown)
    for f in files:
        scope = rules.scopes.get(f.shown)
        if scope is not None and scope.places:
            _check_scope_places(f, scope, rules, out)

    if out.errors:
        raise RuleErrors(sort_errors(out.errors))
    _no_part_cycles(rules, out)
    if out.errors:
        raise RuleErrors(sort_errors(out.errors))
    return rules


def _read_synonyms(f: _File, rules: RuleSet, out: _Collector, synonym_origins: dict[str, SourceLocation]) -> None:
    """The ``synonyms:`` of a file into the rule set; a name defined twice is an error."""
    data = f.yaml.data
    value = data.get("synonyms") if isinstance(data, dict) else None
    if not isinstance(value, dict):
        return
    for name, words in value.items():
        where = f.yaml.locate(("synonyms", name), prefer_key=True)
        if not isinstance(name, str) or not regex.fullmatch(FIGURE_ID_PATTERN, name):
            out.add(f"synonyms: {name!r} is not a valid name (lower-case letters, digits and '_')", where)
            continue
        if name in rules.synonyms:
            first = synonym_origins[name]
            out.add(f"synonyms: the set '{name}' is defined twice (first at {first}){_two_files_hint(first, where)}", where)
            continue
        synonym_origins[name] = where
        listed = [words] if isinstance(words, str) else words
        if isinstance(listed, list) and all(isinstance(w, str) and w.strip() for w in listed):
            rules.synonyms[name] = [w.strip() for w in listed]


def _check_parts_and_sets(f: _File, i: int, raw: dict[str, Any], known: set[str], rules: RuleSet, out: _Collector) -> None:
    """A figure's ``part_of`` names a figure; its ``@name`` words name sets."""
    name = raw.get("id") if isinstance(raw.get("id"), str) else f"#{i + 1}"
    whole = raw.get("part_of")
    if isinstance(whole, str):
        if whole == name:
            out.add(f"figure '{name}' cannot be a part of itself", f.yaml.locate(("figures", i, "part_of")))
        else:
            _figure_ref(whole, known, f.yaml.locate(("figures", i, "part_of")), out, f"figure '{name}': part_of")
    for key, k, ref in unknown_references(raw.get("match"), rules.synonyms):
        value = raw["match"][key]
        path: tuple[str | int, ...] = ("figures", i, "match", key) + (() if isinstance(value, str) else (k,))
        out.add(f"figure '{name}': {key}: {unknown_message(ref, rules.synonyms)}", f.yaml.locate(path))


def _no_part_cycles(rules: RuleSet, out: _Collector) -> None:
    """Parts of parts are fine; a figure that is, through its wholes, a part of itself is not."""
    for figure in rules.figures.values():
        seen = {figure.id}
        whole = rules.figures.get(figure.part_of) if figure.part_of else None
        while whole is not None:
            if whole.id in seen:
                out.add(f"figure '{figure.id}': part_of goes round in a circle", rules.origins.get(("figure", figure.id)) or SourceLocation(""))
                break
            seen.add(whole.id)
            whole = rules.figures.get(whole.part_of) if whole.part_of else None


def _raw(f: _File, section: str) -> list[tuple[int, dict[str, Any]]]:
    data = f.yaml.data
    if not isinstance(data, dict) or not isinstance(data.get(section), list):
        return []
    return [(i, item) for i, item in enumerate(data[section]) if isinstance(item, dict)]


# -- reading and structure ----------------------------------------------------------
def _read(path: Path, shown: str, out: _Collector) -> _File | None:
    try:
        text = read_text_file(path, shown, RuleError, MAX_RULE_FILE_BYTES, "rule file")
        data = load_yaml(text, shown, error=RuleError)
    except FactcheckError as exc:
        out.errors.append(exc if isinstance(exc, RuleError) else RuleError(exc.message, exc.location))
        return None
    return _File(path, shown, text, data)


def _validate_file(f: _File, out: _Collector, kinds: Kinds) -> list[tuple[str, int, BaseModel]]:
    data = f.yaml.data
    if data is None:
        return []
    if not isinstance(data, dict):
        out.add(
            f"a rule file is a mapping with the keys {', '.join(RuleFile.model_fields)}; got {describe(data)}",
            f.yaml.locate(()),
        )
        return []
    entries: list[tuple[str, int, BaseModel]] = []
    models = sections(kinds)
    for key, value in data.items():
        if key not in RuleFile.model_fields:
            out.add(unknown_key(key, list(RuleFile.model_fields)), f.yaml.locate((key,), prefer_key=True))
            continue
        model = models.get(key)
        if key == "synonyms":
            if value is not None and not (isinstance(value, dict) and all(isinstance(v, str | list) for v in value.values())):
                out.add(f"{key}: expected a mapping of names to lists of words, got {describe(value)}", f.yaml.locate((key,)))
            continue
        if key == "scope":
            scope = _validate_scope(f, value, out)
            if scope is not None:
                entries.append((key, 0, scope))
            continue
        if model is None:  # description
            if value is not None and not isinstance(value, str):
                out.add(f"{key}: expected text, got {describe(value)}", f.yaml.locate((key,)))
            continue
        if value is None:
            continue
        if not isinstance(value, list):
            out.add(f"{key}: expected a list (items starting with '- '), got {describe(value)}", f.yaml.locate((key,)))
            continue
        for i, item in enumerate(value):
            try:
                entries.append((key, i, model.model_validate(item)))
            except ValidationError as exc:
                for err in exc.errors():
                    out.errors.append(convert_error(err, f.yaml, (key, i), model))
    return entries


def _validate_scope(f: _File, value: Any, out: _Collector) -> Scope | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        keys = ", ".join(Scope.model_fields)
        out.add(f"scope: expected a mapping with the keys {keys}, got {describe(value)}", f.yaml.locate(("scope",)))
        return None
    try:
        return Scope.model_validate(value)
    except ValidationError as exc:
        for err in exc.errors():
            out.errors.append(convert_error(err, f.yaml, ("scope",), Scope))
    return None


def _check_scope_places(f: _File, scope: Scope, rules: RuleSet, out: _Collector) -> None:
    """A scope's places are places the gazetteer knows, or no document would match."""
    gazetteer = gazetteer_of(rules.places) or default_gazetteer()
    raw = f.yaml.data.get("scope", {}).get("places") if isinstance(f.yaml.data, dict) else None
    for k, name in enumerate(scope.places):
        if name in gazetteer:
            continue
        known = sorted({p.name for p in gazetteer})
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; add it to a places: list, or use scope: words"
        path: tuple[str | int, ...] = ("scope", "places") + ((k,) if isinstance(raw, list) else ())
        out.add(f"scope: unknown place '{name}'{hint}", f.yaml.locate(path))


# -- semantic checks ----------------------------------------------------------------
def _unique(origins: dict[tuple[str, str], SourceLocation], what: str, ident: str, where: SourceLocation, out: _Collector) -> bool:
    first = origins.get((what, ident))
    if first is not None:
        out.add(f"duplicate {what} id '{ident}' (first defined at {first}){_two_files_hint(first, where)}", where)
        return False
    origins[(what, ident)] = where
    return True


def _two_files_hint(first: SourceLocation, where: SourceLocation) -> str:
    """Two files defining one id are most often a copy of the shipped rules given with
    ``--rules``, which adds folders to the shipped ones."""
    if first.path == where.path:
        return ""
    return "; --rules adds to the shipped rules: rename one, or pass --no-default-rules to drop the shipped ones"


def _scalar_location(f: _File, path: tuple[str | int, ...], offset: int) -> SourceLocation:
    """Where character ``offset`` of the scalar at ``path`` is, when the scalar sits on
    one line (plain or quoted); else where the scalar starts."""
    start = f.yaml.value_at.get(path)
    if start is None or start.line is None or start.column is None:
        return f.yaml.locate(path)
    lines = f.text.splitlines()
    if start.line - 1 >= len(lines):
        return start
    line = lines[start.line - 1]
    col = start.column - 1
    if col >= len(line):
        return start
    quote = line[col] if line[col] in "'\"" else ""
    if line[col] in "|>":
        return start
    target = col + len(quote) + offset
    if target >= len(line) + 1:
        return start
    return SourceLocation(start.path, start.line, target + 1)


def _check_figure(
    f: _File, i: int, raw: dict[str, Any], out: _Collector,
    pattern_origins: dict[tuple[str, str, str], SourceLocation],
) -> None:
    base = ("figures", i)
    name = raw.get("id") if isinstance(raw.get("id"), str) else f"#{i + 1}"
    unit = raw.get("unit")
    if isinstance(unit, str) and not unit_tools.known(unit):
        out.add(
            f"figure '{name}': unknown unit '{unit}'; use count, percent, a currency code "
            "such as USD, or a unit name pint knows (kilometer, minute, metric_ton)",
            f.yaml.locate(base + ("unit",)),
        )
    match = raw.get("match")
    if not isinstance(match, dict):
        return
    for key in PATTERN_FIELDS:
        for path, pattern in _strings(match.get(key), base + ("match", key)):
            pattern_origins.setdefault((name, key, pattern), f.yaml.locate(path))
            problem = regex_problem(pattern)
            if problem is not None:
                message, offset = problem
                out.add(f"figure '{name}': bad regular expression in '{key}': {message}", _scalar_location(f, path, offset))


def _strings(value: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
    """A string or a list of strings, each with its path."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, list):
        return [(path + (j,), v) for j, v in enumerate(value) if isinstance(v, str)]
    return []


def _figure_ref(figure_id: str, known: set[str], where: SourceLocation, out: _Collector, what: str) -> None:
    if figure_id in known:
        return
    close = difflib.get_close_matches(figure_id, sorted(known), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    listing = ", ".join(sorted(known)) if known else "none are defined"
    out.add(f"{what} names unknown figure '{figure_id}'{hint} (figures: {listing})", where)


def _check_check(f: _File, i: int, raw: dict[str, Any], known: set[str], out: _Collector, kinds: Kinds) -> Relation | None:
    """What the options of one check name (figures, patterns, a relation) and its
    message; its parsed relation, if its kind has one."""
    base = ("checks", i)
    name = raw.get("id") if isinstance(raw.get("id"), str) else f"#{i + 1}"
    present = [k for k in raw if k not in CHECK_KEYS]
    if len(present) != 1 or present[0] not in kinds:
        return None
    kind = present[0]
    options = raw.get(kind)
    relation = None
    if isinstance(options, dict):
        for key, names in option_names(kinds[kind].Options).items():
            path = base + (kind, key)
            if names.what == "figures":
                for at, figure_id in _strings(options.get(key), path):
                    _figure_ref(figure_id, known, f.yaml.locate(at), out, f"check '{name}'")
            elif names.what == "patterns":
                for at, pattern in _strings(options.get(key), path):
                    problem = regex_problem(pattern)
                    if problem is not None:
                        out.add(f"check '{name}': bad regular expression in '{key}': {problem[0]}", _scalar_location(f, at, problem[1]))
            elif names.what == "relation" and isinstance(options.get(key), str):
                relation = _relation(f, path, options[key], known, out, name)
    message = raw.get("message")
    if isinstance(message, str):
        for problem in validate_template(message, kinds[kind].PLACEHOLDERS):
            out.add(f"check '{name}': message: {problem.message}", _scalar_location(f, base + ("message",), problem.offset))
    return relation


def option_names(options: type[BaseModel]) -> dict[str, Names]:
    """The options of a kind that name figures, patterns or a relation, by field."""
    found: dict[str, Names] = {}
    for key, field in options.model_fields.items():
        marker = next((m for m in field.metadata if isinstance(m, Names)), None) or names_in(field.annotation)
        if marker is not None:
            found[key] = marker
    return found


def _relation(f: _File, path: tuple[str | int, ...], text: str, known: set[str], out: _Collector, name: str) -> Relation | None:
    """The relation ``text`` parsed, its figures known; None (and the problems) else."""
    try:
        relation = parse_relation(text)
    except ExprError as exc:
        out.add(f"check '{name}': bad expression: {exc.message}", _scalar_location(f, path, exc.column))
        return None
    unknown = [ref for ref in relation.names() if ref.name not in known]
    for ref in unknown:
        _figure_ref(ref.name, known, _scalar_location(f, path, ref.column), out, f"check '{name}': the expression")
    return None if unknown else relation


def _check_series(
    f: _File, i: int, raw: dict[str, Any], known: set[str], signed: set[str], out: _Collector
) -> list[ReferencePoint] | None:
    """Figure reference, inline points and file of one series; the file's points (None
    on errors). ``signed``: the figures whose values may be negative."""
    base = ("reference", i)
    name = raw.get("id") if isinstance(raw.get("id"), str) else f"#{i + 1}"
    figure_id = raw.get("figure")
    if isinstance(figure_id, str):
        _figure_ref(figure_id, known, f.yaml.locate(base + ("figure",)), out, f"reference series '{name}'")
    may_be_negative = figure_id in signed
    inline = raw.get("points")
    for j, point in enumerate(inline if isinstance(inline, list) else []):
        try:
            valid = ReferencePoint.model_validate(point)
        except ValidationError:
            continue  # reported by the schema
        for key, why in impossible(valid, may_be_negative):
            out.add(f"reference series '{name}': {key}: {why}", f.yaml.locate(base + ("points", j, key)))
    file = raw.get("file")
    if not isinstance(file, str):
        return []
    loaded, errors = load_points(f.path.parent / file, str(Path(f.shown).parent / file), may_be_negative)
    out.errors += errors
    return None if errors else loaded
