"""The page editors use: a form to paste or upload a draft, and the result, which is
the HTML report of ``factcheck run --format html`` with links back and to download it.

No JavaScript on the form and nothing from other sites: the style is inline and allowed
by its hash in a Content-Security-Policy that allows nothing else (``form-action
'self'``: the form can only post back here). The result is the report as it is written
to a file, with its own policy (its inline style and script by hash), sent as the HTTP
header too; a bar at the top links back to the form and offers the report and its JSON
as ``data:`` downloads, so nothing of the draft is kept on the server to download later.
Every value from the request is escaped (``factcheck.report.escape.h``).
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date

from factcheck import __version__
from factcheck.report.escape import h
from factcheck.report.html import CSP as REPORT_CSP
from factcheck.serve.submission import DRAFT_FORMATS

STYLE = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
main{max-width:860px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:.2em 0}
form{background:#fff;border:1px solid #d5dae1;border-radius:8px;padding:20px}
label{display:block;font-weight:600;margin:14px 0 4px}
textarea{width:100%;min-height:260px;box-sizing:border-box;font:15px/1.45 ui-monospace,monospace;padding:8px}
input[type=text],input[type=date],input[type=url]{width:100%;box-sizing:border-box;padding:6px;font:inherit}
.row{display:flex;gap:16px}.row>div{flex:1}
button{margin-top:18px;font:inherit;font-weight:600;padding:8px 28px;border-radius:6px;border:1px solid #1a56b0;background:#1f63c9;color:#fff;cursor:pointer}
.fc-error{background:#fdecea;border:1px solid #e0a19b;color:#8a1c12;border-radius:6px;padding:10px 14px}
.hint{color:#5a6472;font-size:.9em}
footer{color:#5a6472;font-size:.85em;margin-top:24px}
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# The page's own policy, in its <meta> too (a saved copy keeps it); frame-ancestors
# works only as a header (browsers ignore it in <meta> and log an error), so only the
# header has it.
META_CSP = f"default-src 'none'; style-src '{_sha256(STYLE)}'; img-src data:; form-action 'self'; base-uri 'none'"
FORM_CSP = META_CSP + "; frame-ancestors 'none'"
RESULT_CSP = REPORT_CSP + "; frame-ancestors 'none'"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

ACCEPT = ",".join(sorted(DRAFT_FORMATS))


def form_page(
    *,
    error: str | None = None,
    text: str = "",
    title: str = "",
    outlet: str = "",
    published: str | None = None,
    corpus: str = "",
) -> str:
    """The form, filled in with what was sent when it comes back with an ``error``."""
    day = published if published else date.today().isoformat()
    alert = f'<p class="fc-error" id="fc-error" role="alert">{h(error)}</p>' if error else ""
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{h(META_CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        "<title>factcheck: check a draft</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body><main>",
        "<h1>Check a draft</h1>",
        f'<p class="hint">Paste the text or choose a file ({h(", ".join(sorted(DRAFT_FORMATS)))}); '
        f"factcheck checks its figures against {h(corpus or 'the archive')} and the rules. "
        "A date the draft gives itself (front matter, document properties) is used unless you change the one here.</p>",
        alert,
        '<form method="post" action="/check" enctype="multipart/form-data" id="fc-form">',
        '<label for="fc-text">Draft text</label>',
        f'<textarea id="fc-text" name="text" spellcheck="false">{h(text)}</textarea>',
        '<label for="fc-file">or a file</label>',
        f'<input type="file" id="fc-file" name="file" accept="{h(ACCEPT)}">',
        '<div class="row">',
        f'<div><label for="fc-title">Title</label><input type="text" id="fc-title" name="title" value="{h(title)}"></div>',
        f'<div><label for="fc-outlet">Outlet</label><input type="text" id="fc-outlet" name="outlet" value="{h(outlet)}"></div>',
        f'<div><label for="fc-published">Publication date</label>'
        f'<input type="date" id="fc-published" name="published" value="{h(day)}">'
        # The date shown when the form was made: left as it is, the draft's own date
        # (front matter, document properties) wins, and today only dates a draft
        # that has none.
        f'<input type="hidden" name="published_default" value="{h(day if not published else "")}"></div>',
        "</div>",
        '<button type="submit" id="fc-check">Check</button>',
        "</form>",
        f'<footer>factcheck {h(__version__)} · the API: <a href="/openapi.json">/openapi.json</a> · '
        "nothing you send is kept</footer>",
        "</main></body>",
        "</html>",
    ]) + "\n"


def _data_url(mime: str, content: str) -> str:
    return f"data:{mime};charset=utf-8;base64," + base64.b64encode(content.encode("utf-8")).decode("ascii")


def result_page(report_html: str, contract_json: str, name: str) -> str:
    """The HTML report with a bar linking back to the form and to downloads of the
    report and its JSON."""
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name.rsplit(".", 1)[0])[:60] or "draft"
    bar = (
        '<nav class="fc-header" id="fc-serve-nav" aria-label="factcheck serve">'
        '<a href="/" id="fc-again">Check another draft</a> · '
        f'<a id="fc-download-html" download="{h(stem)}-factcheck.html" href="{h(_data_url("text/html", report_html))}">'
        "Download this report</a> · "
        f'<a id="fc-download-json" download="{h(stem)}-factcheck.json" href="{h(_data_url("application/json", contract_json))}">'
        "Download the JSON</a></nav>"
    )
    head, sep, rest = report_html.partition("<body>\n")
    if not sep:  # pragma: no cover - the report always has its body on a line of its own
        return report_html
    return head + sep + bar + "\n" + rest
