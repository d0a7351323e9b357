"""SECURITY.md: one test per promise, end to end through the command line.

1. Rule files are data, never executed (YAML tags, expressions, message templates).
2. YAML is loaded safely and within bounds (rule files, front matter, manifests).
3. HTML output escapes everything from documents and rules; nothing is fetched.
4. Other outputs cannot be turned into markup, commands, formulas or terminal escapes.
5. Inputs are read, never written (see also test_hard_inputs_unchanged.py) and a
   report never replaces one.
6. factcheck opens no network connection.
7. Everything read is bounded (sizes, YAML nodes and depth, regex time)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.load import MAX_FILE_BYTES
from factcheck.rules.load import MAX_RULE_FILE_BYTES
from factcheck.util.yamlpos import MAX_DEPTH, MAX_NODES
from hardening_helpers import FIGURE, assert_ok, assert_refused, assert_rule_errors, listing, run_cli, write_rules

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


# -- 1. rule files are data ------------------------------------------------------------
@pytest.mark.parametrize(
    "yaml_text",
    [
        "figures: !!python/object/apply:os.system ['touch PWNED']\n",
        "description: !!python/object/apply:os.system ['touch PWNED']\n",
        "figures:\n  - !!python/object/new:subprocess.Popen [['touch', 'PWNED']]\n",
        "description: !!python/name:os.system\n",
    ],
    ids=["apply-collection", "apply-scalar", "new", "name"],
)
def test_yaml_python_tags_are_refused_not_run(tmp_path: Path, yaml_text: str) -> None:
    write_rules(tmp_path, yaml_text)
    problems = assert_rule_errors(run_cli("rules", "validate", "my-rules", cwd=tmp_path))
    assert any("unsupported YAML tag" in p and "python/" in p for p in problems), problems
    assert not (tmp_path / "PWNED").exists()


def test_relation_expression_is_parsed_never_evaluated(tmp_path: Path) -> None:
    write_rules(
        tmp_path,
        "figures:\n" + FIGURE + "checks:\n  - id: rel\n    relation:\n"
        "      expression: \"__import__('os').system('touch PWNED') ~ toll\"\n",
    )
    assert_rule_errors(run_cli("rules", "validate", "my-rules", cwd=tmp_path), ("my-rules/rules.yaml:11:31", "bad expression"))
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize(
    "template",
    ["{value.__class__.__init__.__globals__}", "{evidence_value[0]}", "{0}", "{value!x}", "{value:{rule}}"],
)
def test_message_templates_cannot_reach_into_objects(tmp_path: Path, template: str) -> None:
    write_rules(tmp_path, "figures:\n" + FIGURE + f"checks:\n  - id: c\n    consistency:\n      figures: [toll]\n    message: \"{template}\"\n")
    problems = assert_rule_errors(run_cli("rules", "validate", "my-rules", cwd=tmp_path))
    assert any("check 'c': message:" in p for p in problems), problems


# -- 2. YAML is loaded safely and within bounds -----------------------------------------
def test_billion_laughs_in_front_matter_is_refused(tmp_path: Path) -> None:
    lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    lines += ["title: *a8", "---", "Body."]
    (tmp_path / "d.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("extract", "d.md", cwd=tmp_path, timeout=60)
    # Refused at the first anchor that expands too far (a6: ten million nodes).
    assert_refused(result, "d.md:8:5", f"more than {MAX_NODES:,} YAML nodes")


def test_python_tag_in_a_manifest_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("12 people.\n", encoding="utf-8")
    (tmp_path / "a" / "sources.yaml").write_text("- file: x.txt\n  title: !!python/object/apply:os.system ['touch PWNED']\n", encoding="utf-8")
    assert_refused(run_cli("extract", "a", cwd=tmp_path), "a/sources.yaml:2:10", "unsupported YAML tag")
    assert not (tmp_path / "PWNED").exists()


def test_deep_nesting_in_front_matter_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text("---\ntitle: " + "[" * 200_000 + "\n---\nBody.\n", encoding="utf-8")
    assert_refused(run_cli("extract", "d.md", cwd=tmp_path, timeout=60), f"d.md:2:{8 + MAX_DEPTH}", "nested more than")


# -- 3. HTML output ----------------------------------------------------------------------
class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def test_html_report_escapes_documents_and_rules(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text(
        f"---\ntitle: '{PAYLOAD}'\noutlet: '\"><svg onload=alert(3)>'\nurl: 'javascript:alert(4)'\npublished: 2024-05-01\n---\n"
        f"{PAYLOAD} Officials said 12 people were killed {PAYLOAD}. Later 40 people were killed.\n",
        encoding="utf-8",
    )
    write_rules(
        tmp_path,
        "figures:\n" + FIGURE.replace("name: Toll", f"name: '{PAYLOAD}'")
        + "checks:\n  - id: c\n    description: '</script><script>alert(5)</script>'\n    internal:\n      group: figure\n"
        + f"    message: \"{{figure}} <b onmouseover=alert(6)>{{value}}</b>\"\n",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "c.txt").write_text(f"{PAYLOAD} Officials said 3 people were killed.\n", encoding="utf-8")
    result = run_cli("run", "d.md", "--corpus", "corpus", "--rules", "my-rules", "--format", "html", "--fail-on", "never", cwd=tmp_path)
    assert_ok(result)
    page = result.stdout
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("script") == 2, "only the report's own data block and script"
    assert not [k for k, _ in parser.attrs if k.startswith("on")], "no event handler attributes"
    assert not [v for k, v in parser.attrs if k in ("href", "src", "action") and v.strip().lower().startswith("javascript:")]
    assert not [t for t in parser.tags if t in ("img", "iframe", "object", "embed")]
    for raw in ("<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "</script><script>"):
        assert raw not in page.replace('<script type="application/json" id="fc-data">', "")
    assert "Content-Security-Policy" in page


def test_html_report_fetches_nothing(tmp_path: Path) -> None:
    result = run_cli("run", "--format", "html", cwd=tmp_path)
    assert_ok(result)
    parser = _Tags()
    parser.feed(result.stdout)
    remote = [v for k, v in parser.attrs if k in ("src", "href") and "://" in v and not v.startswith(("https://", "http://"))]
    loaded = [v for k, v in parser.attrs if k == "src"]
    assert loaded == [] and remote == []
    assert [v for k, v in parser.attrs if k == "rel" and "stylesheet" in v] == []


# -- 4. other outputs ---------------------------------------------------------------------
def test_terminal_output_has_no_escape_sequences_from_documents(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("\x1b[2J\x1b]0;pwned\x07Officials said 12\x1b[31m people\x9b were killed.\n", encoding="utf-8")
    result = run_cli("extract", "d.txt", cwd=tmp_path)
    assert_ok(result)
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\x07" not in result.stdout


def test_csv_output_is_formula_safe(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text("---\ntitle: '=HYPERLINK(\"http://evil\",\"x\")'\n---\n=cmd|' /C calc'!A0 said 12 people were killed.\n", encoding="utf-8")
    result = run_cli("extract", "d.md", "--format", "csv", cwd=tmp_path)
    assert_ok(result)
    cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "@", "+") or (c[:1] == "-" and not c[1:2].isdigit())], cells


@pytest.mark.skipif(sys.platform == "win32", reason="a newline in a file name")
def test_github_annotations_cannot_inject_workflow_commands(tmp_path: Path) -> None:
    name = "d\n::error file=x::pwned.md"  # a newline in a file name, then a command
    (tmp_path / name).write_text(
        "---\npublished: 2024-05-27\n---\nIsrael's offensive has killed over 30,000 Palestinians, the Gaza health ministry said.\n",
        encoding="utf-8",
    )
    result = run_cli("run", name, "--format", "github", cwd=tmp_path)
    assert result.code in (0, 1) and "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    # The name stays inside one command, its newline and colons escaped.
    assert lines and all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines), lines
    assert all("file=d%0A%3A%3Aerror file=x%3A%3Apwned.md," in line for line in lines if " file=" in line), lines


# -- 5. inputs are never written ------------------------------------------------------------
def test_a_report_never_replaces_an_input(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("12 people were killed.\n", encoding="utf-8")
    assert_refused(run_cli("run", "d.txt", "--output", "d.txt", cwd=tmp_path), "d.txt", "is one of this run's inputs")
    assert (tmp_path / "d.txt").read_text(encoding="utf-8") == "12 people were killed.\n"
    assert listing(tmp_path) == ["d.txt"]


# -- 6. no network ----------------------------------------------------------------------------
_NO_NETWORK = r"""
import socket, sys
def refuse(*args, **kwargs):
    raise SystemExit("factcheck tried to open a network connection")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from factcheck.cli import main
for argv in (["run", "--format", "html", "-o", "r.html"], ["run", "--format", "sarif", "-o", "r.sarif"],
             ["extract", sys.argv[1], "--format", "json", "-o", "c.json"], ["rules", "test"],
             ["timeline", "gaza_death_toll", "-o", "t.svg"]):
    try:
        main(argv)
    except SystemExit as exc:
        if exc.code not in (0, 1, None):
            raise
"""


def test_no_network_connection_is_opened(tmp_path: Path) -> None:
    from hardening_helpers import SEEDS

    proc = subprocess.run(
        [sys.executable, "-c", _NO_NETWORK, str(SEEDS)], cwd=tmp_path, capture_output=True, timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.json", "r.html", "r.sarif", "t.svg"]


# -- 7. bounds --------------------------------------------------------------------------------
def test_documented_limits_are_the_code_s() -> None:
    text = (Path(__file__).resolve().parents[2] / "SECURITY.md").read_text(encoding="utf-8")
    from factcheck.cli.config import MAX_CONFIG_BYTES
    from factcheck.rules.patterns import PATTERN_TIMEOUT
    from factcheck.rules.reference import MAX_BYTES as MAX_REFERENCE_BYTES
    from factcheck.suppress.baseline import MAX_BASELINE_BYTES
    from factcheck.util.yamlpos import MAX_INDENT

    assert MAX_REFERENCE_BYTES == MAX_BASELINE_BYTES  # SECURITY.md states one limit for both
    for shown in (
        f"{MAX_FILE_BYTES // 2**20} MiB",
        f"{MAX_RULE_FILE_BYTES // 2**20} MiB",
        f"baselines up to {MAX_BASELINE_BYTES // 2**20} MiB",
        f"configuration up to {MAX_CONFIG_BYTES // 2**20} MiB",
        f"{MAX_INDENT:,} columns",
        f"{MAX_NODES:,}",
        f"{MAX_DEPTH} levels",
        f"{PATTERN_TIMEOUT:g} s",
    ):
        assert shown in text, f"SECURITY.md does not state {shown!r}"


def test_json_output_is_one_document(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text('12 people "} , {"injected": 1 were killed.\n', encoding="utf-8")
    result = run_cli("extract", "d.txt", "--format", "json", cwd=tmp_path)
    assert_ok(result)
    data = json.loads(result.stdout)
    assert "injected" not in data and set(data) >= {"version", "documents", "claims"}
