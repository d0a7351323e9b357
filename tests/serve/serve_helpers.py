"""Start ``factcheck serve`` for a test (a subprocess on a free loopback port, stopped
when the test is done), talk to it with urllib, and build the drafts the tests send."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[2]
SAMPLE_DRAFT = REPO / "seeds" / "drafts" / "2024-05-27-rafah-draft.md"
# The sample draft's three findings (README): the claims they flag.
SAMPLE_FLAGGED = {"over 30,000", "Some 1.5 million", "135"}
READY_WITHIN = 180  # seconds: the seed corpus loads in a few; a busy machine is slow


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    log: Path

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def running_server(tmp: Path, *args: str, env: dict[str, str] | None = None, wait_ready: bool = True,
                   token: str | None = None) -> Iterator[Server]:
    """``factcheck serve ARGS`` on a free port of 127.0.0.1, run from ``tmp``; stopped
    (SIGTERM, then killed) when the block ends."""
    port = free_port()
    log = tmp / f"serve-{port}.log"
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "serve", "--port", str(port), *args],
            cwd=tmp, env=full_env, stdout=subprocess.DEVNULL, stderr=err, text=True,
        )
    server = Server(f"http://127.0.0.1:{port}", proc, log)
    try:
        if wait_ready:
            wait_until_ready(server, token)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def wait_until_ready(server: Server, token: str | None = None) -> None:
    deadline = time.monotonic() + READY_WITHIN
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"factcheck serve exited {server.process.returncode}: {server.stderr()}")
        try:
            status, body, _ = request(server.url + "/healthz", token=token)
            if status == 200 and json.loads(body)["status"] == "ready":
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"factcheck serve not ready within {READY_WITHIN} s: {server.stderr()}")


def request(url: str, body: bytes | None = None, *, content_type: str | None = None, token: str | None = None,
            headers: dict[str, str] | None = None, method: str | None = None) -> tuple[int, bytes, dict[str, str]]:
    """(status, body, headers with lower-case names) of one request; an HTTP error
    status is an answer too."""
    h = dict(headers or {})
    if content_type:
        h["Content-Type"] = content_type
    if token:
        h["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=body, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, resp.read(), {k.lower(): v for k, v in resp.headers.items()}
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), {k.lower(): v for k, v in exc.headers.items()}


def post_json(url: str, payload: Any, token: str | None = None) -> tuple[int, Any]:
    status, body, _ = request(url, json.dumps(payload).encode(), content_type="application/json", token=token)
    return status, json.loads(body)


def post_form(url: str, fields: dict[str, str]) -> tuple[int, Any]:
    from urllib.parse import urlencode

    status, body, _ = request(url, urlencode(fields).encode(), content_type="application/x-www-form-urlencoded")
    return status, json.loads(body)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(paragraphs: list[str], title: str = "", stored: bool = False) -> bytes:
    """A minimal .docx: one w:p per paragraph, a title in its core properties;
    ``stored``: not compressed (an upload as large as its text)."""
    import io

    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>"))
        zf.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>"))
        zf.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        zf.writestr("docProps/core.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(title)}</dc:title></cp:coreProperties>"))
    return out.getvalue()


def sample_body() -> list[str]:
    """The sample draft's paragraphs, without its front matter."""
    text = SAMPLE_DRAFT.read_text(encoding="utf-8").split("---\n", 2)[2]
    return [p for p in text.split("\n\n") if p.strip()]
