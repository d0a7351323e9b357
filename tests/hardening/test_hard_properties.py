"""Issue 8, "Beyond single cases": property-based tests (hypothesis).

Arbitrary text through the extractor never raises; arbitrary bytes through the loader,
arbitrary YAML through the rule loader and front matter, arbitrary TOML and JSON
through the configuration and baseline readers raise nothing but factcheck's own
errors (``FactcheckError``: the CLI's one line and exit code 2), and a rule error
from a file that parsed always says where (line and column)."""

from __future__ import annotations

import io
import math
import os
import tempfile
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError, RuleErrors
from factcheck.extract import extract
from factcheck.load import load_documents
from factcheck.load.formats import parse
from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules

# 150 examples each in the suite; HARDENING_EXAMPLES=5000 for a longer hunt (fuzz/README.md).
SETTINGS = settings(
    max_examples=int(os.environ.get("HARDENING_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# -- the extractor -------------------------------------------------------------------------
_NEWSY = [
    "About", "about", "more than", "nearly", "some", "over", "at least", "up to", "around", "fewer than",
    "1", "12", "1,200", "1.4", "32,000", "3.5", "100", "2024", "½", "a third of", "half", "dozens of",
    "hundreds of thousands of", "million", "billion", "bn", "m", "k", "%", "percent", "$", "€", "£",
    "km", "miles", "tons", "people", "Palestinians", "hostages", "children", "were killed", "fled",
    "are sheltering", "in Rafah", "in Gaza", "in northern Israel", "there", "the city", "according to",
    "UNRWA", "the health ministry said", "on Monday", "since May 6", "last week", "in March", "from",
    "to", "and", "or", "-", "–", "(", ")", '"', "“", "”", ",", ".", ";", ":", "\n", "\n\n", " ",
    "\u00a0", "\u2009", "\u200b", "\u0663\u0662", "\uff11\uff12", "٫", "Oct. 7", "7 October", "x",
]
newsy_text = st.lists(st.sampled_from(_NEWSY), max_size=80).map(" ".join)
dates = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))


def _check_claims(text: str, claims: list) -> None:  # noqa: ANN001
    for c in claims:
        assert text[c.start : c.end] == c.surface
        for x in (c.value, c.lower, c.upper):
            assert x is None or not math.isnan(x)
        if c.lower is not None and c.upper is not None:
            assert c.lower <= c.upper, c


@SETTINGS
@given(st.text(), dates)
def test_extractor_on_arbitrary_text_never_raises(text: str, published: date | None) -> None:
    _check_claims(text, extract(text, published))


@SETTINGS
@given(newsy_text, dates)
def test_extractor_on_newsy_text_never_raises(text: str, published: date | None) -> None:
    _check_claims(text, extract(text, published))


# -- the loader -------------------------------------------------------------------------------
_FORMATS = ("txt", "md", "html", "json", "jsonl", "docx", "sniff")
_PREFIXES = [b"", b"---\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<!doctype html><html>", b"PK\x03\x04", b"[{", b'{"text": ']


@SETTINGS
@given(st.sampled_from(_PREFIXES), st.binary(max_size=2000), st.sampled_from(_FORMATS))
def test_loader_on_arbitrary_bytes_raises_only_factcheck_errors(prefix: bytes, data: bytes, fmt: str) -> None:
    try:
        parsed = parse(prefix + data, fmt, "input", lambda _m: None)
    except FactcheckError:
        return
    for p in parsed:
        assert isinstance(p.text, str) and "\r" not in p.text


@SETTINGS
@given(st.sampled_from(_PREFIXES), st.binary(max_size=2000))
def test_standard_input_of_arbitrary_bytes_raises_only_factcheck_errors(prefix: bytes, data: bytes) -> None:
    try:
        docs = load_documents(["-"], stdin=io.BytesIO(prefix + data), warn=lambda _m: None)
    except FactcheckError:
        return
    assert len(docs) >= 1


# -- YAML: rule files and front matter ------------------------------------------------------
_KEYS = [
    "description", "figures", "checks", "reference", "places", "id", "name", "unit", "kind", "match",
    "tolerance", "stale_after", "priority", "entity", "predicate", "location", "attribution", "required",
    "exclude", "sentence", "exclude_sentence", "surface", "claim_kinds", "min_fields", "min_value",
    "max_value", "severity", "message", "consistency", "outdated", "monotonic", "relation", "range",
    "internal", "figures", "window", "include_vague", "lag", "allowance", "expression", "kinds", "units",
    "min", "max", "max_total", "group", "compare", "figure", "source", "url", "file", "points", "date",
    "value", "qualifier", "lower", "upper", "note", "aliases", "demonyms", "within", "<<", "x",
]
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20), st.dates(), st.sampled_from([
        "toll", "cumulative", "level", "count", "percent", "USD", "2%", "14d", "error", "warning",
        "toll + x ~ 2", "(a+)+$", "[", "{value}", "{nope}", "exact", "approx", "ref.csv", "../x.csv",
        "2024-02-30", "/dev/zero", "figure", "context",
    ]),
)
yaml_data = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5)),
    max_leaves=30,
)


def _load_rule_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "rules.yaml").write_text(text, encoding="utf-8")
        try:
            load_rules([Path(folder)], kinds=REGISTRY)
        except RuleErrors as exc:
            for error in exc.errors:
                loc = error.location
                assert loc is not None and loc.path, error
                if loc.path.endswith("rules.yaml") and "too large" not in error.message:
                    assert loc.line is not None and loc.column is not None, str(error)
        except FactcheckError:
            pass


@SETTINGS
@given(st.dictionaries(st.sampled_from(["description", "figures", "checks", "reference", "places"]), yaml_data, max_size=5))
def test_rule_loader_on_arbitrary_yaml_data(data: dict) -> None:
    _load_rule_text(yaml.safe_dump(data, allow_unicode=True))


@SETTINGS
@given(st.lists(st.sampled_from(list("figures:checks- \n[]{},&*!<>|'\"#%@?0123456789abcxyz\t.") + ["id: a", "\n  - ", "figures:", "&a ", "*a", "<<: ", "!!python/name:os.system", "!!binary ", "? "]), max_size=150).map("".join))
def test_rule_loader_on_arbitrary_yaml_text(text: str) -> None:
    _load_rule_text(text)


@SETTINGS
@given(yaml_data)
def test_front_matter_of_arbitrary_yaml(data: object) -> None:
    block = yaml.safe_dump(data, allow_unicode=True)
    try:
        parse(f"---\n{block}---\nBody.\n".encode(), "md", "d.md")
    except FactcheckError as exc:
        assert exc.location is not None and exc.location.path == "d.md"


# -- configuration and baselines --------------------------------------------------------------
_TOML_LINES = [
    'fail_on = "warning"', 'fail_on = "sometimes"', "format = 3", 'format = "json"', 'corpus = "a"',
    "rules = []", 'baseline = "b.json"', "[severity]", 'x-y = "error"', '"" = "info"', "[tool]", "bogus = 1",
    "[severity.x]", "a = {", "= 1", "fail_on = 'error'\nfail_on = 'info'",
]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_TOML_LINES), st.text(max_size=15)), max_size=6))
def test_configuration_of_arbitrary_toml(lines: list[str]) -> None:
    from factcheck.cli.config import parse_config

    try:
        parse_config("\n".join(lines), Path("factcheck.toml"))
    except FactcheckError as exc:
        assert str(exc).startswith("factcheck.toml")


@SETTINGS
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
                    lambda inner: st.one_of(st.lists(inner, max_size=3),
                                            st.dictionaries(st.sampled_from(["factcheck_baseline", "findings", "fingerprint", "figure", "rule", "reason", "x"]), inner, max_size=4)),
                    max_leaves=15))
def test_baseline_of_arbitrary_json(data: object) -> None:
    import json

    from factcheck.suppress import parse_baseline

    try:
        parse_baseline(json.dumps(data), "b.json")
    except FactcheckError as exc:
        assert str(exc).startswith("b.json")
