"""Headless Chromium for the browser tests (tests/report/test_html_browser.py,
tests/serve/test_serve_browser.py): Debian's chromium and chromium-driver, driven with
selenium.

``require()`` skips the calling test module, saying what is missing, when chromium,
chromedriver or selenium is absent; CI sets FACTCHECK_REQUIRE_BROWSER=1 after installing
chromium, and there a missing piece fails the module instead of skipping it silently.
Call it before importing selenium.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from selenium import webdriver


def _installed(*candidates: str | None) -> str | None:
    return next((p for p in candidates if p and Path(p).exists()), None)


CHROMIUM = _installed("/usr/bin/chromium", shutil.which("chromium"))
CHROMEDRIVER = _installed("/usr/bin/chromedriver", shutil.which("chromedriver"))


def required() -> bool:
    """Whether a missing browser is a failure (CI) rather than a skip."""
    return os.environ.get("FACTCHECK_REQUIRE_BROWSER", "") not in ("", "0")


def _missing(reason: str) -> None:
    if required():
        pytest.fail(f"{reason}, and FACTCHECK_REQUIRE_BROWSER is set", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require() -> None:
    """Skip (or, under FACTCHECK_REQUIRE_BROWSER, fail) the calling module when the
    browser, its driver or selenium is missing."""
    if CHROMIUM is None:
        _missing("chromium is not installed (apt-get install chromium chromium-driver)")
    if CHROMEDRIVER is None:
        _missing("chromedriver is not installed (apt-get install chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        _missing("selenium is not installed (pip install selenium)")


def new_browser(profile: Path, page_load_timeout: float = 60) -> webdriver.Chrome:
    """A headless Chromium with its own profile folder, a fixed window and scale (the
    screenshots compare), browser logs kept, and nothing of its own fetched from the
    network (no updates, sync or QUIC). The driver's path is given, so selenium does not
    try to download one."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for arg in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(page_load_timeout)
    return driver
