"""Make docs/serve-page.png, the README's picture of ``factcheck serve``: a real server
on a free loopback port, the sample draft pasted into the page in headless Chromium,
checked, and the death toll's finding clicked open.

    python docs/make_serve_screenshot.py     # needs chromium, chromedriver, selenium
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "serve-page.png"
DRAFT = REPO / "seeds" / "drafts" / "2024-05-27-rafah-draft.md"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str) -> None:
    for _ in range(600):
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as resp:
                if json.loads(resp.read())["status"] == "ready":
                    return
        except (OSError, ValueError):
            time.sleep(0.2)
    raise SystemExit("the server did not get ready")


def main() -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", "--port", str(port), "--workers", "0"],
                              cwd=REPO, env=env, stderr=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="factcheck-shot-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                    f"--user-data-dir={profile}", "--window-size=1280,900", "--force-device-scale-factor=1"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        try:
            _wait(url)
            driver.get(url + "/")
            box = driver.find_element(By.ID, "fc-text")
            driver.execute_script("arguments[0].value = arguments[1]", box, DRAFT.read_text(encoding="utf-8"))
            driver.find_element(By.ID, "fc-check").click()
            WebDriverWait(driver, 120).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.fc-flagged")))
            mark = next(m for m in driver.find_elements(By.CSS_SELECTOR, "mark.fc-flagged") if m.text == "over 30,000")
            mark.click()
            WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#fc-panel ul.fc-evidence")))
            driver.execute_script("window.scrollTo(0, 0)")
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
            OUT.write_bytes(base64.b64decode(shot["data"]))
        finally:
            driver.quit()
            server.terminate()
            server.wait(timeout=30)
    print(f"wrote {OUT.relative_to(REPO)} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
