"""``factcheck rules suggest``: rule files drafted for review from the figures no rule
defines. A draft must validate, its tests must pass, and loaded with the general rules
it must find the planted conflicts of our topic stories as errors; every value in it
names the claims it came from; it never writes over anybody's rules."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from tests.cli.conftest import run_cli

REPO = Path(__file__).resolve().parents[2]
TOPICS = REPO / "tests" / "check" / "topics"
SHIPPED = REPO / "rules"


def rules_folder(where: Path, draft: Path) -> Path:
    """The folder a run adds to the shipped rules with ``--rules DIR``: the draft and
    its tests alone (``--rules`` adds to the shipped rules)."""
    folder = where / "with-draft"
    (folder / "tests").mkdir(parents=True)
    shutil.copy(draft, folder / draft.name)
    shutil.copy(draft.parent / "tests" / draft.name, folder / "tests" / draft.name)
    return folder


def _suggest(out: Path, *args: str, corpus: Path = TOPICS) -> Path:
    result = run_cli("rules", "suggest", "--corpus", str(corpus), "-o", str(out), *args)
    assert result.code == 0, result.stderr
    return out


def _story(folder: Path, name: str, title: str, outlet: str, published: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def test_a_draft_validates_its_tests_pass_and_it_finds_the_planted_conflicts_as_errors(tmp_path: Path) -> None:
    draft = _suggest(tmp_path / "drafts" / "topics.yaml")
    assert run_cli("rules", "validate", str(draft.parent)).code == 0
    tested = run_cli("rules", "test", str(draft.parent))
    assert tested.code == 0, tested.stdout + tested.stderr
    assert " 0 failure(s)" in tested.stdout
    import json

    ran = run_cli("run", "--corpus", str(TOPICS), "--rules", str(rules_folder(tmp_path, draft)), "--format", "json", "--fail-on", "never")
    report = json.loads(ran.stdout)
    claims = {c["id"]: c for c in report["claims"]}
    paths = {d["id"]: Path(d["path"]).name for d in report["documents"]}
    errors = {
        (paths[claims[f["claim"]]["doc"]], claims[f["claim"]]["surface"])
        for f in report["findings"] if f["severity"] == "error"
    }
    drafted = {f["rule"] for f in report["findings"] if f["severity"] == "error"}
    assert {("valley-post.md", "$3.4 billion"), ("valley-post.md", "about 9,600"), ("hadley-herald.md", "21,400")} <= errors
    assert drafted <= {c["id"] for c in yaml.safe_load(draft.read_text(encoding="utf-8"))["checks"]}
    # Figures that look alike stay out: another town, another fiscal year, a change.
    assert not {s for _, s in errors} & {"$1.2 billion", "2,300", "$2.9 billion", "22,800", "4%", "6%"}
    # What the draft defines is no longer a possible conflict: it is an error now.
    assert not [f for f in report["findings"] if f["rule"] == "possible-conflict"]


def test_every_value_of_a_draft_is_explained_by_a_comment_citing_real_claims(tmp_path: Path) -> None:
    draft = _suggest(tmp_path / "d" / "topics.yaml")
    lines = draft.read_text(encoding="utf-8").splitlines()
    explained = ("kind:", "unit:", "entity:", "predicate:", "topic:", "tolerance:", "window:")
    checked = 0
    for k, line in enumerate(lines):
        if line.strip().startswith(explained):
            assert lines[k - 1].strip().startswith("#"), f"no comment explains line {k + 1}: {line}"
            checked += 1
    assert checked >= 3 * 6
    cited = re.findall(r'(\S+\.md):(\d+) "([^"]+)"', "\n".join(lines))
    assert cited
    for path, line, phrase in cited:
        assert phrase in (REPO / path).read_text(encoding="utf-8").splitlines()[int(line) - 1], (path, line, phrase)


def test_drafts_come_ranked_by_documents_then_agreement(tmp_path: Path) -> None:
    text = _suggest(tmp_path / "d" / "topics.yaml").read_text(encoding="utf-8")
    ranks = [(-int(d), -int(a) / int(s)) for d, a, s in re.findall(r"in (\d+) document\(s\); (\d+) of (\d+) agree", text)]
    assert len(ranks) == 3 and ranks == sorted(ranks)


def test_a_draft_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    first = _suggest(tmp_path / "a" / "topics.yaml")
    second = _suggest(tmp_path / "b" / "topics.yaml")
    assert first.read_bytes() == second.read_bytes()
    assert (first.parent / "tests" / "topics.yaml").read_bytes() == (second.parent / "tests" / "topics.yaml").read_bytes()


def test_min_docs_leaves_out_figures_fewer_stories_give(tmp_path: Path) -> None:
    ids = [f["id"] for f in yaml.safe_load(_suggest(tmp_path / "d" / "t.yaml", "--min-docs", "3").read_text(encoding="utf-8"))["figures"]]
    assert ids and not any(i.startswith("hadley") for i in ids)


def test_suggest_never_writes_over_a_file_without_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "drafts" / "topics.yaml"
    out.parent.mkdir()
    out.write_text("kept\n", encoding="utf-8")
    refused = run_cli("rules", "suggest", "--corpus", str(TOPICS), "-o", str(out))
    assert refused.code == 2 and "exists" in refused.stderr and "--overwrite" in refused.stderr
    assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "kept\n" and not (out.parent / "tests").exists()
    _suggest(out, "--overwrite")
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["figures"]


def test_suggest_never_drafts_into_a_rule_folder_without_add(tmp_path: Path) -> None:
    folder = tmp_path / "my-rules"
    folder.mkdir()
    shutil.copy(SHIPPED / "general.yaml", folder / "general.yaml")
    refused = run_cli("rules", "suggest", "--corpus", str(TOPICS), "-o", str(folder / "drafted.yaml"))
    assert refused.code == 2 and "already holds rule files" in refused.stderr and "--add" in refused.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["general.yaml"]
    _suggest(folder / "drafted.yaml", "--add")
    assert (folder / "drafted.yaml").exists() and (folder / "tests" / "drafted.yaml").exists()


def test_a_draft_from_stories_on_another_beat_with_awkward_text_still_validates_and_tests(tmp_path: Path) -> None:
    corpus = tmp_path / "storm"
    _story(corpus, "a.md", '"Ivo" # leaves: Brenton counts', "Coast Wire", "2025-10-02",
           'Storm Ivo destroyed 1,240 homes in Brenton, the county\'s #1 "emergency" office said: {tally}.')
    _story(corpus, "b.md", "Brenton digs out", "Bay Daily", "2025-10-02", "Storm Ivo destroyed 1,240 homes in Brenton.")
    _story(corpus, "c.md", "After Ivo", "Shore Times", "2025-10-02", "In Brenton, Storm Ivo destroyed 1,900 homes.")
    # Stories that share no name with them: no figure may take them in.
    _story(corpus, "d.md", "storm notes", "Elsewhere", "2025-10-02", "the storm destroyed 300 homes, officials said.")
    draft = _suggest(tmp_path / "drafts" / "storm.yaml", corpus=corpus)
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    (figure,) = data["figures"]
    assert figure["match"]["predicate"] == ["destroy"] and figure["match"]["entity"] == ["home"]
    assert figure["match"]["topic"] in (["Brenton"], ["Ivo"])
    assert run_cli("rules", "validate", str(draft.parent)).code == 0
    tested = run_cli("rules", "test", str(draft.parent))
    assert tested.code == 0, tested.stdout + tested.stderr
    assert "2 of 2 cases passed" in tested.stdout


def test_stories_that_share_no_name_give_no_draft(tmp_path: Path) -> None:
    corpus = tmp_path / "plain"
    for k, n in enumerate(("400", "400", "520")):
        _story(corpus, f"{k}.md", "storm notes", "Wire", "2025-10-02", f"the storm destroyed {n} homes, officials said.")
    data = yaml.safe_load(_suggest(tmp_path / "d" / "plain.yaml", corpus=corpus).read_text(encoding="utf-8"))
    assert data["figures"] == [] and data["checks"] == []
    assert run_cli("rules", "validate", str(tmp_path / "d")).code == 0


def test_a_draft_output_must_be_a_yaml_file(tmp_path: Path) -> None:
    result = run_cli("rules", "suggest", "--corpus", str(TOPICS), "-o", str(tmp_path / "rules.txt"))
    assert result.code == 2 and "*.yaml" in result.stderr and "Traceback" not in result.stderr


def test_the_worked_example_of_docs_rules_md_is_what_suggest_writes(tmp_path: Path) -> None:
    docs = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    command, shown = re.search(r"<!-- BEGIN EXAMPLE: (.+?) -->\n```yaml\n(.*?)```\n<!-- END EXAMPLE -->", docs, re.DOTALL).groups()  # type: ignore[union-attr]
    args = command.split()
    assert args[:3] == ["factcheck", "rules", "suggest"] and args[-2] == "-o"
    out = tmp_path / Path(args[-1]).name
    result = run_cli(*args[1:-1], str(out), cwd=REPO)  # from the repository root, as the docs run it
    assert result.code == 0, result.stderr
    assert shown in out.read_text(encoding="utf-8")
    promised = re.search(r"factcheck rules test drafts/ +# (\d+ of \d+ cases passed)", docs)
    assert promised is not None
    tested = run_cli("rules", "test", str(tmp_path), cwd=REPO)
    assert tested.code == 0 and promised.group(1) in tested.stdout


def test_a_draft_whose_own_tests_fail_is_left_out_and_the_others_kept() -> None:
    from factcheck import pipeline
    from factcheck.report.suggest import suggest
    from factcheck.report.suggest_check import passing
    from factcheck.report.suggest_yaml import rule_file, tests_file

    result = pipeline.run([], pipeline.RunOptions(corpus=TOPICS, jobs=1))
    drafts = suggest(result.report, result.rule_set)
    assert len(drafts) == 3
    # A topic no story mentions: the figure can capture none of its claims.
    drafts[0].topic = "Nowhere"

    def render(ds: list) -> tuple[str, str]:  # type: ignore[type-arg]
        return rule_file(ds, "tests/t.yaml", "test"), tests_file(ds, "t.yaml")

    kept, left_out = passing(drafts, render, result.rule_set.files)
    assert left_out == [drafts[0]] and kept == drafts[1:]


def test_the_words_narrowing_the_counted_thing_keep_the_order_of_the_text(tmp_path: Path) -> None:
    corpus = tmp_path / "jobs"
    for k, n in enumerate(("4,100", "4,100", "5,300")):
        _story(corpus, f"{k}.md", f"Jobs report {k}", f"Outlet {k}", "2025-03-04",
               f"The Halvering council employs {n} part-time parks workers, the mayor said.")
    draft = _suggest(tmp_path / "drafts" / "jobs.yaml", corpus=corpus)
    (figure,) = yaml.safe_load(draft.read_text(encoding="utf-8"))["figures"]
    assert figure["match"]["entity"] == ["part-time park worker"] and figure["match"]["topic"] == ["Halvering"]
    tested = run_cli("rules", "test", str(draft.parent))
    assert tested.code == 0 and "2 of 2 cases passed" in tested.stdout, tested.stdout


def test_a_name_beyond_ascii_still_gives_a_valid_figure_id(tmp_path: Path) -> None:
    corpus = tmp_path / "zurich"
    for k, n in enumerate(("2.1", "2.1", "2.6")):
        _story(corpus, f"{k}.md", f"Budget {k}", f"Outlet {k}", "2025-06-10", f"The Zürich council approved a ${n} billion budget for fiscal 2026.")
    draft = _suggest(tmp_path / "drafts" / "zurich.yaml", corpus=corpus)
    (figure,) = yaml.safe_load(draft.read_text(encoding="utf-8"))["figures"]
    assert figure["match"]["topic"] == ["Zürich"] and re.fullmatch(r"[a-z][a-z0-9_]*", figure["id"])
    assert run_cli("rules", "validate", str(draft.parent)).code == 0
