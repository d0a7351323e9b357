"""The page of ``factcheck serve`` in a real headless chromium (selenium), against a
server the test starts on a free loopback port: paste the sample draft, check, see its
three findings highlighted, click one and see its evidence; upload a .docx; an empty or
binary upload is a readable error on the page; nothing in the page breaks its
Content-Security-Policy or loads from elsewhere.

Skipped when chromium, chromedriver or selenium is missing, unless
FACTCHECK_REQUIRE_BROWSER is set (CI), where that is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from headless_chromium import new_browser, require
from serve_helpers import SAMPLE_DRAFT, SAMPLE_FLAGGED, Server, docx_bytes, running_server, sample_body

require()

pytestmark = [pytest.mark.browser]

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("serve-page"), "--workers", "1") as s:
        yield s


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    driver = new_browser(tmp_path_factory.mktemp("chromium-profile"), page_load_timeout=120)
    try:
        yield driver
    finally:
        driver.quit()


def _severe(browser: webdriver.Chrome) -> list[dict]:
    # A CSP violation, a failed load or a script error is logged as SEVERE.
    return [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]


def _paste_and_check(browser: webdriver.Chrome, server: Server, text: str) -> None:
    browser.get(server.url + "/")
    box = browser.find_element(By.ID, "fc-text")
    # send_keys types character by character; setting the value is what a paste does.
    browser.execute_script("arguments[0].value = arguments[1]", box, text)
    browser.find_element(By.ID, "fc-check").click()


def _wait_for_report(browser: webdriver.Chrome) -> None:
    WebDriverWait(browser, 120).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".fc-text")))


def test_the_form_has_the_fields_and_defaults_to_today(browser: webdriver.Chrome, server: Server) -> None:
    from datetime import date

    browser.get(server.url + "/")
    assert browser.title.startswith("factcheck")
    for field in ("fc-text", "fc-file", "fc-title", "fc-outlet", "fc-published", "fc-check"):
        assert browser.find_element(By.ID, field).is_displayed()
    assert browser.find_element(By.ID, "fc-published").get_attribute("value") == date.today().isoformat()
    assert _severe(browser) == []


def test_paste_the_sample_draft_see_its_three_findings_and_click_one_for_its_evidence(
    browser: webdriver.Chrome, server: Server
) -> None:
    _paste_and_check(browser, server, SAMPLE_DRAFT.read_text(encoding="utf-8"))
    _wait_for_report(browser)
    assert _severe(browser) == []  # the report's script ran under the page's CSP
    flagged = browser.find_elements(By.CSS_SELECTOR, "mark.fc-claim.fc-flagged")
    assert {m.text for m in flagged} == SAMPLE_FLAGGED
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.fc-findings tbody tr")) == 3
    toll = next(m for m in flagged if m.text == "over 30,000")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", toll)
    toll.click()
    evidence = WebDriverWait(browser, 30).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, "#fc-panel ul.fc-evidence"))
    )
    assert "36,050" in evidence.text and "Gaza Ministry of Health" in evidence.text
    assert "out of date" in browser.find_element(By.ID, "fc-panel").text
    assert browser.find_elements(By.CSS_SELECTOR, "figure.fc-timeline svg")  # the figure timelines
    for link in ("fc-download-html", "fc-download-json"):
        href = browser.find_element(By.ID, link).get_attribute("href")
        assert href.startswith("data:")
    # nothing was loaded from anywhere but this server
    hosts = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)"
    )
    assert set(hosts) <= {server.url}


def test_the_title_outlet_and_date_of_the_form_are_the_reports(browser: webdriver.Chrome, server: Server) -> None:
    browser.get(server.url + "/")
    text = "Hamas is still holding 135 hostages in Gaza, Israeli officials say. <script>alert(1)</script>"
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, "fc-text"), text)
    browser.find_element(By.ID, "fc-title").send_keys("Hostages <b>update</b>")
    browser.find_element(By.ID, "fc-outlet").send_keys("City desk")
    browser.execute_script("arguments[0].value = '2024-05-27'", browser.find_element(By.ID, "fc-published"))
    browser.find_element(By.ID, "fc-check").click()
    _wait_for_report(browser)
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Hostages <b>update</b>" in body and "City desk" in body and "2024-05-27" in body  # escaped, shown
    assert "<script>alert(1)</script>" in browser.find_element(By.CSS_SELECTOR, ".fc-text").text
    assert {m.text for m in browser.find_elements(By.CSS_SELECTOR, "mark.fc-claim.fc-flagged")} == {"135"}


def test_upload_a_docx_draft(browser: webdriver.Chrome, server: Server, tmp_path: Path) -> None:
    path = tmp_path / "rafah.docx"
    path.write_bytes(docx_bytes(sample_body(), title="Rafah from Word"))
    browser.get(server.url + "/")
    browser.execute_script("arguments[0].value = '2024-05-27'", browser.find_element(By.ID, "fc-published"))
    browser.find_element(By.ID, "fc-file").send_keys(str(path))
    browser.find_element(By.ID, "fc-check").click()
    _wait_for_report(browser)
    assert {m.text for m in browser.find_elements(By.CSS_SELECTOR, "mark.fc-claim.fc-flagged")} == SAMPLE_FLAGGED
    assert "Rafah from Word" in browser.find_element(By.TAG_NAME, "body").text


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.md", b"", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
        ("notes.pdf", b"%PDF-1.4 ...", "not a draft factcheck reads"),
    ],
)
def test_an_empty_or_binary_upload_is_a_readable_error_on_the_page(
    browser: webdriver.Chrome, server: Server, tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    browser.get(server.url + "/")
    browser.find_element(By.ID, "fc-title").send_keys("Kept title")
    browser.find_element(By.ID, "fc-file").send_keys(str(path))
    browser.find_element(By.ID, "fc-check").click()
    error = WebDriverWait(browser, 60).until(EC.visibility_of_element_located((By.ID, "fc-error")))
    assert words in error.text and name in error.text
    assert "Traceback" not in browser.page_source
    assert browser.find_element(By.ID, "fc-title").get_attribute("value") == "Kept title"  # the form is refilled
    assert _severe(browser) == [] or all("400" in e.get("message", "") for e in _severe(browser))


def test_nothing_pasted_is_a_readable_error(browser: webdriver.Chrome, server: Server) -> None:
    _paste_and_check(browser, server, "   ")
    error = WebDriverWait(browser, 60).until(EC.visibility_of_element_located((By.ID, "fc-error")))
    assert "empty" in error.text
