"""The HTTP API of ``factcheck serve``, against a real server (a subprocess with one
check process, on a free loopback port): the contract checker passes on /v1/check,
/v2/check answers are LanguageTool matches whose offsets point at the claims, and
every bad request is a JSON error naming the problem (400/404/413/422), never a
traceback."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from serve_helpers import (
    REPO,
    SAMPLE_DRAFT,
    SAMPLE_FLAGGED,
    Server,
    docx_bytes,
    post_form,
    post_json,
    request,
    running_server,
    sample_body,
)

CONTRACT_CHECKER = REPO.parent / "shared" / "tools" / "check_contract.py"
MAX_BODY = 200_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("serve-api")
    with running_server(tmp, "--workers", "1", "--max-body", str(MAX_BODY)) as s:
        yield s


def _sample_text() -> str:
    return SAMPLE_DRAFT.read_text(encoding="utf-8")


def _flagged(report: dict) -> set[str]:
    claims = {c["id"]: c for c in report["claims"]}
    return {claims[f["claim"]]["surface"] for f in report["findings"] if not f.get("suppressed")}


# -- /v1/check --------------------------------------------------------------------------
def test_v1_check_of_the_sample_draft_keeps_the_contract_and_finds_its_three_problems(server: Server) -> None:
    status, report = post_json(server.url + "/v1/check", {"text": _sample_text()})
    assert status == 200, report
    assert _flagged(report) == SAMPLE_FLAGGED
    checked = [d for d in report["documents"] if d["role"] == "checked"]
    assert [d["published"] for d in checked] == ["2024-05-27"]  # the front matter's date
    if not CONTRACT_CHECKER.is_file():
        pytest.skip(f"{CONTRACT_CHECKER} is not beside this checkout")
    proc = subprocess.run([sys.executable, str(CONTRACT_CHECKER), "--run"], input=json.dumps(report),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout
    assert "contract: ok" in proc.stdout


def test_a_check_says_in_server_timing_how_long_it_waited_ran_and_computed(server: Server) -> None:
    # What a load test (benchmarks/bench_serve.py) and a slow client read to tell a
    # queue from a slow check.
    body = json.dumps({"text": _sample_text()}).encode()
    status, _, headers = request(server.url + "/v1/check", body, content_type="application/json")
    assert status == 200
    metrics = {}
    for part in headers["server-timing"].split(","):
        name, *params = (p.strip() for p in part.split(";"))
        metrics[name] = float(dict(p.split("=", 1) for p in params)["dur"])
    assert set(metrics) == {"queue", "check", "cpu"}
    assert metrics["check"] > 0 and metrics["cpu"] > 0 and metrics["queue"] >= 0
    status, _, headers = request(server.url + "/v1/check", b"{", content_type="application/json")
    assert status == 422 and "server-timing" not in headers  # no check ran


def test_v1_check_of_a_base64_docx_reads_it_with_the_given_metadata(server: Server) -> None:
    data = docx_bytes(sample_body(), title="From Word")
    status, report = post_json(server.url + "/v1/check", {
        "document": base64.b64encode(data).decode(), "filename": "rafah.docx",
        "metadata": {"published": "2024-05-27", "outlet": "Desk"},
    })
    assert status == 200, report
    doc = next(d for d in report["documents"] if d["role"] == "checked")
    assert (doc["title"], doc["outlet"], doc["published"]) == ("From Word", "Desk", "2024-05-27")
    assert _flagged(report) == SAMPLE_FLAGGED


def test_v1_check_without_a_date_dates_the_draft_today(server: Server) -> None:
    from datetime import date

    status, report = post_json(server.url + "/v1/check", {"text": "Some 1.5 million Palestinians are sheltering in Rafah."})
    assert status == 200, report
    assert report["documents"][0]["published"] == date.today().isoformat()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": "x", "publshed": "2024-05-27"}, "publshed"),  # unknown field
        ({"text": 12}, "text"),  # wrong type
        ({"text": "x", "metadata": {"published": "27 May"}}, "metadata.published"),
        ({"text": "x", "metadata": {"colour": "red"}}, "metadata.colour"),
        ({"document": "!!!", "filename": "a.docx"}, "document"),  # not base64
        ([1, 2], "body"),  # not an object
    ],
)
def test_v1_check_answers_a_bad_body_with_422_naming_the_field(server: Server, payload: object, field: str) -> None:
    status, answer = post_json(server.url + "/v1/check", payload)
    assert status == 422, answer
    assert field in [p["field"] for p in answer["error"]["problems"]] or answer["error"]["problems"][0]["field"] == field
    assert field in answer["error"]["message"]


def test_v1_check_answers_malformed_json_with_422_and_no_traceback(server: Server) -> None:
    status, body, headers = request(server.url + "/v1/check", b'{"text": ', content_type="application/json")
    assert status == 422
    answer = json.loads(body)
    assert answer["error"]["problems"][0]["field"] == "body"
    assert "not JSON" in answer["error"]["message"]
    assert b"Traceback" not in body and headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ({"text": "   \n"}, "empty"),
        ({"document": base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4).decode(), "filename": "a.txt"}, "binary"),
        ({"document": base64.b64encode(b"hello").decode(), "filename": "a.pdf"}, "not a draft"),
        ({"document": base64.b64encode(b"PK\x03\x04broken").decode(), "filename": "a.docx"}, "a.docx"),
    ],
)
def test_v1_check_answers_an_unreadable_draft_with_400_saying_why(server: Server, payload: dict, words: str) -> None:
    status, answer = post_json(server.url + "/v1/check", payload)
    assert status == 400, answer
    assert words in answer["error"]["message"]
    assert "Traceback" not in json.dumps(answer)


def test_a_body_over_the_limit_is_413(server: Server) -> None:
    status, answer = post_json(server.url + "/v1/check", {"text": "x" * (MAX_BODY + 10)})
    assert status == 413
    assert answer["error"]["error"] == "BodyTooLarge" and f"{MAX_BODY:,}" in answer["error"]["message"]


def test_a_chunked_body_over_the_limit_is_413_too(server: Server) -> None:
    import http.client

    host, port = server.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    chunks = (b"x" * 50_000 for _ in range(6))  # no Content-Length: sent chunked
    conn.request("POST", "/v1/check", body=chunks, headers={"Content-Type": "application/json"}, encode_chunked=True)
    resp = conn.getresponse()
    assert resp.status == 413
    assert json.loads(resp.read())["error"]["error"] == "BodyTooLarge"
    conn.close()


def test_unknown_routes_and_methods_are_json_errors(server: Server) -> None:
    status, body, _ = request(server.url + "/v1/nothing")
    assert status == 404 and json.loads(body)["error"]["status"] == 404
    status, body, _ = request(server.url + "/v1/check")  # GET
    assert status == 405 and json.loads(body)["error"]["status"] == 405


# -- /v2/check (LanguageTool) -----------------------------------------------------------
def _assert_languagetool_match(m: dict) -> None:
    for key, kind in (("message", str), ("shortMessage", str), ("offset", int), ("length", int),
                      ("replacements", list), ("context", dict), ("sentence", str), ("rule", dict)):
        assert isinstance(m[key], kind), key
    assert set(m["context"]) >= {"text", "offset", "length"}
    assert set(m["rule"]) >= {"id", "description", "issueType", "category"}
    assert set(m["rule"]["category"]) >= {"id", "name"}


def test_v2_check_answers_languagetool_matches_whose_offsets_point_at_the_claims(server: Server) -> None:
    # CRLF newlines, as a browser form sends them: offsets count the characters sent.
    text = _sample_text().replace("\n", "\r\n")
    status, answer = post_form(server.url + "/v2/check", {"text": text, "language": "en-US", "enabledOnly": "false"})
    assert status == 200, answer
    matches = answer["matches"]
    assert len(matches) == 3
    for m in matches:
        _assert_languagetool_match(m)
        ctx = m["context"]
        assert ctx["text"][ctx["offset"]:ctx["offset"] + ctx["length"]] == m["factcheck"]["claim"]["surface"]
    assert {text[m["offset"]:m["offset"] + m["length"]] for m in matches} == SAMPLE_FLAGGED
    assert {m["rule"]["id"] for m in matches} == {"gaza-toll-outdated", "rafah-sheltering-outdated", "hostages-held-outdated"}
    assert {m["rule"]["category"]["id"] for m in matches} == {"FACTCHECK_OUTDATED"}
    toll = next(m for m in matches if m["rule"]["id"] == "gaza-toll-outdated")
    assert "36,050" in toll["message"]  # the evidence, in words
    assert toll["factcheck"]["evidence"][0]["value"] == "36,050"  # and as data


def test_v2_check_reads_annotated_data_and_counts_offsets_in_the_whole_annotation(server: Server) -> None:
    parts = [
        {"markup": "<p>"},
        {"text": "Hamas is still holding 135 hostages in Gaza, "},
        {"markup": "<b>", "interpretAs": ""},
        {"text": "Israeli officials say."},
        {"markup": "</b></p>"},
    ]
    whole = "".join(p.get("text", p.get("markup", "")) for p in parts)
    status, answer = post_form(server.url + "/v2/check", {"data": json.dumps({"annotation": parts}), "language": "en",
                                                          "published": "2024-05-27"})
    assert status == 200, answer
    (m,) = answer["matches"]
    assert whole[m["offset"]:m["offset"] + m["length"]] == "135"


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"language": "en"}, "text"), ({"text": "x", "colour": "red"}, "colour"), ({"data": "{", "language": "en"}, "data"),
     ({"data": json.dumps({"annotation": [{"txt": "x"}]})}, "data.annotation.0.txt")],
)
def test_v2_check_answers_bad_fields_with_422_naming_them(server: Server, fields: dict, field: str) -> None:
    status, answer = post_form(server.url + "/v2/check", fields)
    assert status == 422, answer
    assert field in answer["error"]["message"]


# -- figures, timelines, the description -------------------------------------------------
def test_figures_and_a_timeline_as_json_and_as_svg(server: Server) -> None:
    status, body, _ = request(server.url + "/v1/figures")
    assert status == 200
    figures = {f["id"]: f for f in json.loads(body)["figures"]}
    assert figures["gaza_death_toll"]["claims"] > 0 and figures["gaza_death_toll"]["reference_points"] > 10
    status, body, _ = request(server.url + "/v1/figures/gaza_death_toll/timeline")
    series = json.loads(body)
    assert status == 200 and series["label"] == "Gaza death toll"
    roles = {p["role"] for p in series["points"]}
    assert roles == {"corpus", "reference"}
    days = [p["day"] for p in series["points"] if p["day"]]
    assert days == sorted(days)
    status, body, headers = request(server.url + "/v1/figures/Gaza%20death%20toll/timeline.svg")
    assert status == 200 and headers["content-type"].startswith("image/svg+xml")
    assert body.startswith(b"<?xml") and b"<svg" in body and b"<script" not in body
    status, body, _ = request(server.url + "/v1/figures/no_such_figure/timeline")
    assert status == 404 and "unknown figure" in json.loads(body)["error"]["message"]


def test_openapi_describes_every_route_with_the_request_models(server: Server) -> None:
    status, body, _ = request(server.url + "/openapi.json")
    doc = json.loads(body)
    assert status == 200 and doc["openapi"].startswith("3.")
    assert set(doc["paths"]) >= {"/v1/check", "/v2/check", "/v1/figures", "/v1/figures/{figure}/timeline", "/healthz"}
    check = doc["components"]["schemas"]["CheckRequest"]
    assert check["additionalProperties"] is False and {"text", "document", "metadata"} <= set(check["properties"])


def test_healthz_says_ready_with_the_corpus_size_and_the_log_said_it_was_loading(server: Server) -> None:
    status, body, _ = request(server.url + "/healthz")
    health = json.loads(body)
    assert status == 200 and health["status"] == "ready" and health["documents"] == 5
    log = server.stderr()
    assert log.index("loading the rules and the corpus") < log.index("ready: 5 documents")
    assert "Traceback" not in log


# -- concurrency -----------------------------------------------------------------------
def test_concurrent_checks_each_get_their_own_answer(server: Server) -> None:
    """Sixteen drafts at once, four different ones: each answer is the one that draft
    gets alone (no state shared between requests)."""
    lines = [
        "Hamas is still holding 135 hostages in Gaza, Israeli officials say.",
        "Some 1.5 million Palestinians are sheltering in Rafah.",
        "Israel's offensive in Gaza has killed over 30,000 Palestinians, the health ministry said.",
        "The weather in Rafah was mild.",
    ]

    def check(k: int) -> tuple[int, set[str]]:
        status, report = post_json(server.url + "/v1/check", {"text": lines[k % 4], "metadata": {"published": "2024-05-27"}})
        assert status == 200, report
        return k % 4, _flagged(report)

    alone = dict(check(k) for k in range(4))
    assert alone == {0: {"135"}, 1: {"Some 1.5 million"}, 2: {"over 30,000"}, 3: set()}
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(check, range(16)))
    assert all(flagged == alone[k] for k, flagged in together)


# -- the page's answers -------------------------------------------------------------------
def test_the_page_is_served_with_a_strict_policy_and_nothing_from_elsewhere(server: Server) -> None:
    status, body, headers = request(server.url + "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert b"<script" not in body and b"http://" not in body and b"https://" not in body


def test_a_page_upload_over_the_limit_is_413_shown_on_the_form(server: Server) -> None:
    boundary = "fcb"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n").encode()
    body += b"135 hostages. " * (MAX_BODY // 10) + f"\r\n--{boundary}--\r\n".encode()
    status, page, headers = request(server.url + "/check", body, content_type=f"multipart/form-data; boundary={boundary}")
    assert status == 413
    assert headers["content-type"].startswith("text/html") and "default-src 'none'" in headers["content-security-policy"]
    assert b'id="fc-error"' in page and f"{MAX_BODY:,} bytes".encode() in page


def test_the_pages_report_escapes_what_was_sent(server: Server) -> None:
    boundary = "fcb"
    fields = {"text": "Hamas holds 135 hostages. <img src=x onerror=alert(1)>", "title": "<script>alert(2)</script>",
              "published": "2024-05-27"}
    body = b"".join(
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode() for k, v in fields.items()
    ) + f"--{boundary}--\r\n".encode()
    status, page, headers = request(server.url + "/check", body, content_type=f"multipart/form-data; boundary={boundary}")
    assert status == 200, page[:500]
    assert b"<img src=x" not in page and b"<script>alert(2)" not in page
    assert b"&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "script-src" in headers["content-security-policy"] and "unsafe-inline" not in headers["content-security-policy"]
