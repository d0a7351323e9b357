"""The HTML report in a real headless chromium (Debian's chromium and chromium-driver,
driven with selenium): the page opens offline without errors, every claim is
highlighted, clicking a flagged claim opens the panel with its evidence, the charts
render, and a screenshot is saved to test-artifacts/ for people to look at.

Needs ``apt-get install chromium chromium-driver`` and ``pip install selenium``; the
test is skipped, saying which is missing, when either is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from headless_chromium import new_browser, require
from report_helpers import ARTIFACTS, make_view
from report_fixtures import build_suppressed_report

from factcheck.report import FORMATTERS

require()

pytestmark = [pytest.mark.browser]

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    driver = new_browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(FORMATTERS["html"].render(make_view(build_suppressed_report())), encoding="utf-8")
    return path


def test_click_a_flagged_claim_shows_the_evidence(browser, page: Path) -> None:  # noqa: ANN001
    browser.get(page.as_uri())
    assert browser.title.startswith("factcheck report")
    # the script ran (CSP hash matches) and nothing in the page failed
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert not errors, errors

    marks = browser.find_elements(By.CSS_SELECTOR, "mark.fc-claim")
    assert len(marks) == 5  # every claim of the two checked drafts is highlighted
    flagged = browser.find_elements(By.CSS_SELECTOR, "mark.fc-claim.fc-flagged")
    assert {m.text for m in flagged} == {"over 30,000", "1.5 million", "tens of thousands", "about 35,000"}
    colours = {
        m.text: m.value_of_css_property("border-bottom-color") for m in flagged
    }
    assert colours["over 30,000"] != colours["1.5 million"]  # coloured by severity

    # the article's <script> is text, and did not run
    assert "<script>alert(1)</script>" in browser.find_element(By.CSS_SELECTOR, ".fc-text").text
    assert browser.execute_script("return document.querySelectorAll('script').length") == 2

    target = browser.find_element(By.CSS_SELECTOR, "mark.fc-claim.fc-sev-error")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    target.click()
    evidence = WebDriverWait(browser, 10).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, "#fc-panel ul.fc-evidence"))
    )
    panel = browser.find_element(By.ID, "fc-panel").text
    assert "over 30,000" in panel
    assert "out of date" in panel
    assert "35,903" in evidence.text and "Gaza Ministry of Health" in evidence.text and "2024-05-25" in evidence.text
    assert "casualties_daily.json" in evidence.text  # the reference series' citation
    assert "Al Jazeera" in evidence.text
    assert "fc-selected" in target.get_attribute("class")

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report-evidence-panel.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_keyboard_and_findings_list_open_the_panel(browser, page: Path) -> None:  # noqa: ANN001
    browser.get(page.as_uri())
    link = browser.find_element(By.CSS_SELECTOR, "table.fc-findings a.fc-jump[data-claim='cl-1-5m']")
    link.click()
    WebDriverWait(browser, 10).until(
        EC.text_to_be_present_in_element((By.ID, "fc-panel"), "fewer than 500,000")
    )
    mark = browser.find_element(By.CSS_SELECTOR, "mark[data-claim='cl-tens']")
    browser.execute_script("arguments[0].focus()", mark)
    from selenium.webdriver.common.keys import Keys

    mark.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.ID, "fc-panel"), "gives no number"))


def test_timelines_render(browser, page: Path) -> None:  # noqa: ANN001
    browser.get(page.as_uri())
    charts = browser.find_elements(By.CSS_SELECTOR, "figure.fc-timeline svg")
    assert len(charts) == 3  # gaza_death_toll, rafah_sheltering, hostages_held
    chart = browser.find_element(By.ID, "timeline-gaza_death_toll")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
    size = chart.find_element(By.TAG_NAME, "svg").size
    assert size["width"] > 300 and size["height"] > 100
    bar = chart.find_element(By.CSS_SELECTOR, "g[data-claim='cl-30000']")
    browser.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", bar
    )
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.ID, "fc-panel"), "over 30,000"))
    ARTIFACTS.mkdir(exist_ok=True)
    assert chart.screenshot(str(ARTIFACTS / "html-report-timeline.png"))


# -- the real sample draft -------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from report_helpers import REPO, in_directory, run_sample_draft

    from factcheck.report import make_view

    with in_directory(REPO):
        result = run_sample_draft()
    path = tmp_path_factory.mktemp("sample") / "report.html"
    path.write_text(FORMATTERS["html"].render(make_view(result.report, "run", result.rule_set)), encoding="utf-8")
    return path


def test_the_sample_drafts_report_is_readable_and_shows_its_flagged_figures_and_timelines(
    browser, sample_page: Path  # noqa: ANN001
) -> None:
    browser.get(sample_page.as_uri())
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert not errors, errors
    flagged = browser.find_elements(By.CSS_SELECTOR, "mark.fc-claim.fc-flagged")
    assert {m.text for m in flagged} == {"over 30,000", "Some 1.5 million", "135"}
    rows = browser.find_elements(By.CSS_SELECTOR, "table.fc-findings tbody tr")
    assert len(rows) == 3
    # readable: body text at least 14px, the article's text not squeezed
    text = browser.find_element(By.CSS_SELECTOR, ".fc-text")
    assert float(text.value_of_css_property("font-size").removesuffix("px")) >= 14
    assert text.size["width"] > 500

    charts = {f.get_attribute("id"): f for f in browser.find_elements(By.CSS_SELECTOR, "figure.fc-timeline")}
    for figure in ("gaza_death_toll", "hostages_held", "rafah_sheltering"):
        assert f"timeline-{figure}" in charts
    toll = charts["timeline-gaza_death_toll"]
    # the reference series around the claims, not only the points cited as evidence
    assert len(toll.find_elements(By.CSS_SELECTOR, "g.fc-ref")) > 10
    assert toll.find_elements(By.CSS_SELECTOR, "g.fc-flag-warning")
    assert "reference values" in toll.find_element(By.TAG_NAME, "figcaption").text

    flagged[0].click()
    WebDriverWait(browser, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#fc-panel ul.fc-evidence")))
    ARTIFACTS.mkdir(exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    shot = browser.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": 1400, "height": height, "scale": 1}},
    )
    import base64

    page_png = ARTIFACTS / "html-sample-draft.png"
    page_png.write_bytes(base64.b64decode(shot["data"]))
    assert page_png.stat().st_size > 50_000
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", toll)
    assert toll.screenshot(str(ARTIFACTS / "html-sample-draft-timeline.png"))
