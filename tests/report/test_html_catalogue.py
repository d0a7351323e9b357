"""The figure catalogue as a page of the HTML report: the same entries as ``factcheck
figures``, each claim of a shown document linked to its highlight, and the page's
Content Security Policy unchanged (no new style or script)."""

from __future__ import annotations

import html as htmllib
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOPICS = REPO / "tests" / "check" / "topics"


def _cli(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, timeout=300, check=False)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc.stdout.decode("utf-8")


def test_the_html_report_lists_the_entries_factcheck_figures_lists(tmp_path: Path) -> None:
    listed = json.loads(_cli("figures", "--corpus", str(TOPICS), "--format", "json", "-q"))["figures"]
    page = tmp_path / "report.html"
    _cli("run", "--corpus", str(TOPICS), "--format", "html", "-o", str(page), "-q")
    html = page.read_text(encoding="utf-8")
    section = html.split('id="fc-catalogue"', 1)[1].split("</section>", 1)[0]
    headings = [htmllib.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<h3[^>]*>(.*?)</h3>", section)]
    assert len(headings) == len(listed) > 0
    for entry, heading in zip(listed, headings, strict=True):
        assert heading.startswith(f"{entry['label']} (no rule: {entry['id']})")
        for claim in entry["claims"]:
            # every claim is a row, and a claim of a shown document links to its highlight
            assert f'data-claim="{claim["claim"]}">{htmllib.escape(claim["value"])}</a>' in section


def test_the_catalogue_page_adds_no_style_or_script(tmp_path: Path) -> None:
    from factcheck.report.html import CSP

    page = tmp_path / "report.html"
    _cli("run", "--corpus", str(TOPICS), "--format", "html", "-o", str(page), "-q")
    html = page.read_text(encoding="utf-8")
    assert htmllib.escape(CSP) in html and html.count("<script") == 2 and html.count("<style") == 1
    assert " style=" not in html and "src=" not in html
