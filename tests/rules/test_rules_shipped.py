"""The shipped rules: they load, every check has tests, the tests pass, and on the seed
corpus they meet the issue's bar (consistent figures judged consistent after actually
being compared; the sample drafts flagged with the newer figure, its source and date).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from factcheck import pipeline
from factcheck.check import REGISTRY
from factcheck.check.engine import CheckResult, run_checks
from factcheck.check.ruletests import run_tests
from factcheck.extract.documents import extract_documents
from factcheck.load import load_documents
from factcheck.rules.load import load_rules
from factcheck.rules.testfile import load_tests
from factcheck.util.resources import default_corpus, default_rules

RULES_DIR = default_rules()
RULES = load_rules([RULES_DIR], kinds=REGISTRY)
SEEDS = default_corpus()
DRAFTS = SEEDS / "drafts"


def _run(checked: list[Path] | None) -> tuple[CheckResult, dict[str, str]]:
    """The seed corpus (drafts excluded) checked against itself, or ``checked`` against it."""
    corpus = [d for d in load_documents([SEEDS], role="corpus") if "/drafts/" not in d.path.replace("\\", "/")]
    if checked is None:
        docs = [d.model_copy(update={"role": "checked"}) for d in corpus]
    else:
        docs = load_documents(checked, role="checked") + corpus
    claims = extract_documents(docs, pipeline.gazetteer_for(RULES))
    result = run_checks(RULES, docs, claims)
    names = {d.id: Path(d.path).name for d in docs}
    return result, names


def _claim(result: CheckResult, names: dict[str, str], file_prefix: str, surface: str):  # noqa: ANN202
    found = [c for c in result.claims if names[c.doc].startswith(file_prefix) and c.surface.lower() == surface.lower()]
    assert found, f"no claim {surface!r} in {file_prefix}: {[c.surface for c in result.claims if names[c.doc].startswith(file_prefix)]}"
    return found[0]


def _compared(result: CheckResult, rule: str, claim_id: str) -> list:  # noqa: ANN202
    return [c for c in result.comparisons if c.rule == rule and c.claim == claim_id]


# -- the rule files ---------------------------------------------------------------------
def test_the_shipped_rules_load_with_places_and_reference_series() -> None:
    assert {"gaza_death_toll", "oct7_israel_toll", "hostages_taken", "hostages_held", "hostages_alive",
            "hostages_remains", "rafah_sheltering", "rafah_fled", "gaza_displaced",
            "northern_israel_evacuees", "unsc_vote", "unga_vote"} <= set(RULES.figures)
    assert {s.series.figure for s in RULES.series} >= {"gaza_death_toll", "hostages_held"}
    assert all(len(s.points) >= 5 for s in RULES.series)
    assert RULES.places  # the gazetteer is a rule file too


def test_every_shipped_check_has_a_test_that_flags_or_passes() -> None:
    tested = {e.rule for t, _ in load_tests([RULES_DIR]) for e in t.flags + t.passes}
    assert [c.id for c in RULES.checks if c.id not in tested] == []


def test_every_shipped_reference_file_cites_its_source() -> None:
    for path in (RULES_DIR / "reference").iterdir():
        head = path.read_text(encoding="utf-8").split("\n", 3)
        assert head[0].startswith("#") and "Curated from" in "".join(head), path


def test_the_shipped_rule_tests_pass() -> None:
    report = run_tests(RULES, [RULES_DIR])
    failures = [f"{o.where}: {o.test.name}: {f}" for o in report.outcomes for f in o.failures]
    assert failures == []
    assert report.untested == []


# -- the seed corpus against itself -----------------------------------------------------
BAR_FIGURES = {"rafah_sheltering", "rafah_fled", "hostages_held", "hostages_alive", "hostages_remains", "hostages_taken"}


def test_the_seed_corpus_checked_against_itself_has_no_findings_on_the_bar_figures() -> None:
    result, _ = _run(None)
    assert [f.message for f in result.findings if f.figure in BAR_FIGURES] == []


def test_810000_fled_and_over_800000_evacuated_are_compared_and_agree() -> None:
    result, names = _run(None)
    fled = _claim(result, names, "003", "810,000")
    evacuated = _claim(result, names, "001", "over 800,000")
    assert fled.figure == evacuated.figure == "rafah_fled"
    [comparison] = _compared(result, "rafah-fled-consistency", evacuated.id)
    assert fled.id in comparison.against and comparison.agreed


def test_hundreds_of_thousands_in_may_is_compared_with_1_4_million_in_march_and_not_flagged() -> None:
    result, names = _run(None)
    march = _claim(result, names, "000", "more than 1.4 million")
    may = _claim(result, names, "003", "hundreds of thousands")
    assert march.figure == may.figure == "rafah_sheltering"
    [comparison] = _compared(result, "rafah-sheltering-outdated", may.id)
    assert comparison.against == (march.id,) and comparison.agreed


def test_a_march_breakdown_of_the_hostages_is_not_held_against_a_may_total() -> None:
    """The time model: hostages held are a level that moves in jumps; March's "around 100"
    alive and "around 30" bodies count March's hostages, not the 128 of late May."""
    result, names = _run(None)
    alive = _claim(result, names, "002", "around 100")
    remains = _claim(result, names, "002", "around 30")
    held = _claim(result, names, "001", "128")
    assert (alive.figure, remains.figure, held.figure) == ("hostages_alive", "hostages_remains", "hostages_held")
    assert _compared(result, "hostages-alive-plus-remains", held.id) == []
    assert _compared(result, "hostages-held-not-above-taken", held.id) == []  # March's "around 250" is 8 weeks off


def test_the_remaining_128_hostages_held_in_rafah_are_hostages_held_in_gaza_and_agree() -> None:
    """003's "dozens of hostages of the remaining 128 hostages ... are held in Rafah": the
    128 is the whole of a partitive, so the part's "held in Rafah" does not locate it; its
    place is the article's setting (Rafah, which lies within Gaza), so it is the Gaza
    figure. The "dozens" held in Rafah state their place: a count of Rafah, not the figure."""
    result, names = _run(None)
    remaining = _claim(result, names, "003", "128")
    assert (remaining.location, remaining.location_source, remaining.figure) == ("Rafah", "document", "hostages_held")
    dozens = _claim(result, names, "003", "dozens")
    assert (dozens.location, dozens.location_source, dozens.figure) == ("Rafah", "phrase", None)
    agreements = [a for a in result.agreement_records() if a.claim == remaining.id]
    assert {a.rule for a in agreements} >= {"hostages-held-outdated"}
    assert not [f for f in result.findings if f.figure == "hostages_held"]


def test_the_agreements_say_in_words_what_was_judged_consistent() -> None:
    result, _ = _run(None)
    lines = result.agreements()
    assert any("'over 800,000'" in line and "'810,000'" in line and line.endswith("consistent (rafah-fled-consistency)") for line in lines)
    assert any(line.startswith("Hostages held in Gaza: '128'") and line.endswith("not out of date (hostages-held-outdated)")
               for line in lines)


def test_the_seed_comparisons_would_flag_figures_that_disagreed() -> None:
    """The same corpus with the May figures changed: the same checks now flag them."""
    corpus = [d.model_copy(update={"role": "checked"}) for d in load_documents([SEEDS], role="corpus") if "/drafts/" not in d.path]
    claims = extract_documents(corpus, pipeline.gazetteer_for(RULES))
    changed = []
    for c in claims:
        if c.surface == "over 800,000":
            c = c.model_copy(update={"value": 400000.0, "lower": 400000.0, "upper": 500000.0})
        elif c.surface == "128" and c.predicate == "held":
            c = c.model_copy(update={"value": 290.0, "lower": 290.0, "upper": 290.0})
        changed.append(c)
    rules = {f.rule for f in run_checks(RULES, corpus, changed).findings}
    assert {"rafah-fled-outdated", "only-grows"} <= rules  # a fall below what UNRWA said two days before


# -- the sample drafts ------------------------------------------------------------------
def test_the_late_may_draft_gets_its_three_stale_figures_flagged_with_newer_value_source_and_date() -> None:
    result, names = _run([DRAFTS / "2024-05-27-rafah-draft.md"])
    draft = [f for f in result.findings if names[f.doc].startswith("2024-05-27")]
    by_rule = {f.rule: f for f in draft}
    assert sorted(by_rule) == ["gaza-toll-outdated", "hostages-held-outdated", "rafah-sheltering-outdated"]
    expected = {
        "gaza-toll-outdated": ("over 30,000", "36,050", "Gaza Ministry of Health", "2024-05-27"),
        "rafah-sheltering-outdated": ("1.5 million", "hundreds of thousands", "The Jerusalem Post", "2024-05-20"),
        "hostages-held-outdated": ("135", "121", "Wall Street Journal", "2024-05-24"),
    }
    for rule, parts in expected.items():
        for part in parts:
            assert part in by_rule[rule].message, (rule, part, by_rule[rule].message)
    ids = {c.id for c in result.claims} | {c.id for c in result.reference_claims}
    assert all(e in ids for f in draft for e in f.evidence)


def test_the_late_may_draft_gets_exactly_its_three_warnings() -> None:
    result, names = _run([DRAFTS / "2024-05-27-rafah-draft.md"])
    draft = [f for f in result.findings if names[f.doc].startswith("2024-05-27")]
    assert sorted((f.rule, f.severity) for f in draft) == [
        ("gaza-toll-outdated", "warning"), ("hostages-held-outdated", "warning"), ("rafah-sheltering-outdated", "warning"),
    ]


def test_a_count_of_hostages_held_in_rafah_is_not_compared_with_the_gaza_wide_figure(tmp_path) -> None:
    """"dozens of hostages are held in Rafah" counts a part of the hostages (those in
    Rafah): the place is in the claim's own phrase, so containment (Rafah within Gaza)
    does not make it the Gaza-wide figure, and the 121 held on 24 May is no evidence
    against it."""
    draft = tmp_path / "2024-05-24-rafah-hostages.md"
    draft.write_text(
        "---\ntitle: Rafah operation\noutlet: Sample newsroom\npublished: 2024-05-24\n---\n"
        "Israel believes dozens of hostages are held in Rafah.\n\n"
        "Israel believes dozens of hostages are held in Rafah, where troops are advancing.\n",
        encoding="utf-8",
    )
    result, names = _run([draft])
    dozens = [c for c in result.claims if names[c.doc] == draft.name]
    assert [(c.surface, c.location, c.location_source, c.figure) for c in dozens] == [("dozens", "Rafah", "phrase", None)] * 2
    assert [f.message for f in result.findings if names[f.doc] == draft.name] == []


def test_a_figure_whose_place_is_only_the_articles_setting_still_matches_the_containing_places_figure(tmp_path) -> None:
    """Containment stays for places inferred from wider context: an article set in Rafah
    whose sentence gives no place of its own reports the Gaza-wide count."""
    draft = tmp_path / "2024-05-24-setting.md"
    draft.write_text(
        "---\npublished: 2024-05-24\n---\n"
        "Troops pressed deeper into Rafah on Friday.\n\n"
        "Hamas is still holding 121 hostages, Israeli officials said.\n",
        encoding="utf-8",
    )
    result, names = _run([draft])
    [held] = [c for c in result.claims if names[c.doc] == draft.name]
    assert (held.location, held.location_source, held.figure) == ("Rafah", "document", "hostages_held")
    assert [f.message for f in result.findings if names[f.doc] == draft.name] == []


def test_the_seed_corpus_run_as_json_has_no_findings_and_the_128_of_003_in_the_hostage_agreements() -> None:
    """What `factcheck run --format json` says of the shipped corpus, as a user runs it."""
    proc = subprocess.run([sys.executable, "-m", "factcheck", "run", "--format", "json"], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    report = json.loads(proc.stdout.decode("utf-8"))
    assert report["findings"] == []
    docs = {d["id"]: Path(d["path"]).name for d in report["documents"]}
    [held] = [c for c in report["claims"] if docs[c["doc"]].startswith("003") and c["surface"] == "128"]
    assert (held["figure"], held["location_source"]) == ("hostages_held", "document")
    rules = {a["rule"] for a in report["agreements"] if a["claim"] == held["id"]}
    assert {"hostages-held-outdated"} <= rules


def test_a_draft_with_more_hostages_held_than_taken_gets_a_relation_finding() -> None:
    result, names = _run([DRAFTS / "2024-05-28-hostages-draft.md"])
    draft = [f for f in result.findings if names[f.doc].startswith("2024-05-28")]
    [finding] = [f for f in draft if f.kind == "relation"]
    assert finding.rule == "hostages-held-not-above-taken"
    assert "'260' hostages still held" in finding.message and "'250'" in finding.message
