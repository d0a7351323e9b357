"""What the server refuses and what it leaves alone: the token on every request, no
bind beyond loopback without one, the time limit, nothing submitted written to disk
unless asked, and bad options as the CLI's one-line errors."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from serve_helpers import REPO, SAMPLE_DRAFT, SAMPLE_FLAGGED, docx_bytes, post_json, request, running_server, sample_body

from factcheck.errors import UsageError
from factcheck.serve.limits import TOKEN_ENV, TokenGate, is_loopback
from factcheck.serve.server import resolve_token

TOKEN = "s3cret-t0ken"


def _serve(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", "serve", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


def test_binding_beyond_loopback_without_a_token_is_refused_before_listening() -> None:
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    proc = subprocess.run([sys.executable, "-m", "factcheck", "serve", "--host", "0.0.0.0", "--port", "1"],
                          capture_output=True, text=True, timeout=120, env={**env, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 2
    assert "--host 0.0.0.0 listens beyond this machine: give --token" in proc.stderr
    assert "Traceback" not in proc.stderr and "listening" not in proc.stderr


def test_a_token_is_required_beyond_loopback_and_taken_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert resolve_token("127.0.0.1", None) is None
    assert resolve_token("::1", None) is None and resolve_token("localhost", None) is None
    for host in ("0.0.0.0", "192.168.1.5", "::", "example.org"):
        assert not is_loopback(host)
        with pytest.raises(UsageError, match="--token"):
            resolve_token(host, None)
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    assert resolve_token("0.0.0.0", None) == "from-env"
    assert resolve_token("0.0.0.0", "given") == "given"


def test_the_token_gate_wants_bearer_or_basic_and_compares_the_whole_token() -> None:
    gate = TokenGate(lambda *a: None, TOKEN)  # type: ignore[arg-type, return-value]
    basic = base64.b64encode(f"editor:{TOKEN}".encode())
    assert gate.allowed([(b"authorization", f"Bearer {TOKEN}".encode())])
    assert gate.allowed([(b"authorization", b"Basic " + basic)])
    assert not gate.allowed([])
    assert not gate.allowed([(b"authorization", f"Bearer {TOKEN[:-1]}".encode())])
    assert not gate.allowed([(b"authorization", f"Bearer {TOKEN}x".encode())])
    assert not gate.allowed([(b"authorization", b"Basic !!notbase64")])


def test_with_a_token_every_request_without_it_is_401(tmp_path: Path) -> None:
    with running_server(tmp_path, "--workers", "0", "--token", TOKEN, token=TOKEN) as server:
        for path in ("/", "/healthz", "/openapi.json", "/v1/figures"):
            status, body, headers = request(server.url + path)
            assert status == 401, path
            assert json.loads(body)["error"]["error"] == "Unauthorized"
            assert headers["www-authenticate"].startswith("Basic")
        status, _ = post_json(server.url + "/v1/check", {"text": "135 hostages"}, token="wrong")
        assert status == 401
        status, report = post_json(server.url + "/v1/check", {"text": SAMPLE_DRAFT.read_text(encoding="utf-8")}, token=TOKEN)
        assert status == 200 and len(report["findings"]) == 3


def test_a_check_over_the_time_limit_is_503_and_the_server_keeps_answering(tmp_path: Path) -> None:
    with running_server(tmp_path, "--workers", "1", "--time-limit", "0.0001") as server:
        status, answer = post_json(server.url + "/v1/check", {"text": SAMPLE_DRAFT.read_text(encoding="utf-8")})
        assert status == 503
        assert "time limit of 0.0001 s" in answer["error"]["message"]
        assert request(server.url + "/healthz")[0] == 200


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_nothing_submitted_is_written_to_disk_and_the_corpus_is_left_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in (REPO / "seeds").glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "sources.yaml").write_bytes((REPO / "seeds" / "sources.yaml").read_bytes())
    before = {p: p.read_bytes() for p in _files(corpus)}
    work, tmpdir = tmp_path / "work", tmp_path / "tmpdir"
    work.mkdir()
    tmpdir.mkdir()
    # An upload over the 1 MB Starlette spools to a temporary file by default.
    big = docx_bytes(sample_body() + ["Padding paragraph of the draft. " * 40] * 1200, stored=True)
    assert len(big) > 1_200_000
    with running_server(work, "--workers", "0", "--corpus", str(corpus),
                        env={"TMPDIR": str(tmpdir), "HOME": str(tmp_path / "home")}) as server:
        logs = _files(work)
        boundary = "fcboundary"
        body = (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.docx\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode() + big + f"\r\n--{boundary}--\r\n".encode()
        status, page, _ = request(server.url + "/check", body, content_type=f"multipart/form-data; boundary={boundary}")
        assert status == 200, page[:2000]
        status, report = post_json(server.url + "/v1/check", {"text": SAMPLE_DRAFT.read_text(encoding="utf-8")})
        assert status == 200
        assert _files(work) == logs  # only the test's own log of the server
        assert _files(tmpdir) == set()
        assert not (tmp_path / "home").exists()
    assert {p: p.read_bytes() for p in _files(corpus)} == before


def test_keep_submissions_copies_each_draft_into_the_folder(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    with running_server(tmp_path, "--workers", "0", "--keep-submissions", str(kept)) as server:
        text = SAMPLE_DRAFT.read_text(encoding="utf-8")
        assert post_json(server.url + "/v1/check", {"text": text})[0] == 200
        data = docx_bytes(sample_body())
        payload = {"document": base64.b64encode(data).decode(), "filename": "../../etc/x.docx"}
        assert post_json(server.url + "/v1/check", payload)[0] == 200
    files = sorted(kept.iterdir())
    assert len(files) == 2
    assert {f.read_bytes() for f in files} == {text.encode("utf-8"), data}
    assert all(f.parent == kept for f in files)
    assert any(f.name.endswith("-pasted-draft") for f in files) and any(f.name.endswith("-x.docx") for f in files)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--corpus", "/no/such/folder"], "--corpus /no/such/folder: no such file or folder"),
        (["--keep-submissions", "/no/such/folder"], "--keep-submissions /no/such/folder: not a folder"),
        (["--max-body", "0"], "--max-body"),
        (["--time-limit", "0"], "--time-limit"),
    ],
)
def test_bad_options_are_one_line_errors_with_exit_2(args: list[str], message: str) -> None:
    proc = _serve("--port", "1", *args)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_a_corpus_that_fails_to_load_is_said_by_healthz_and_the_api(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text("figures: [\n", encoding="utf-8")
    with running_server(tmp_path, "--workers", "0", "--rules", str(rules), wait_ready=False) as server:
        import time

        status, body = 0, b'{"status": "loading"}'
        for _ in range(600):
            try:
                status, body, _ = request(server.url + "/healthz")
            except OSError:  # not listening yet
                pass
            if json.loads(body)["status"] != "loading":
                break
            time.sleep(0.2)
        health = json.loads(body)
        assert status == 503 and health["status"] == "failed" and "broken.yaml" in health["message"]
        status, answer = post_json(server.url + "/v1/check", {"text": "135 hostages"})
        assert status == 500 and "could not load" in answer["error"]["message"]
    assert "Traceback" not in server.stderr()


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _gone_within(pids: list[int], seconds: float) -> list[int]:
    """The ``pids`` still running after ``seconds`` (a zombie counts as gone)."""
    import time

    deadline = time.monotonic() + seconds
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if Path(f"/proc/{p}").exists()
                 and Path(f"/proc/{p}/stat").read_text().split(") ", 1)[1][:1] != "Z"]
    return alive


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="check processes are forked on Linux only")
@pytest.mark.parametrize("stop", ["terminate", "kill"])
def test_the_check_processes_end_with_the_server_however_it_is_stopped(tmp_path: Path, stop: str) -> None:
    # Left behind, each would hold its copy of the archive with no server to work for.
    with running_server(tmp_path, "--workers", "2") as server:
        workers = _children(server.process.pid)
        assert len(workers) == 2
        getattr(server.process, stop)()
        server.process.wait(timeout=30)
        assert _gone_within(workers, 15) == []
