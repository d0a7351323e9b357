"""``factcheck serve``: the page and the HTTP API for editors without a terminal
(``factcheck.serve``). Like every command, a user's error is one line on stderr and
exit code 2."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_PORT = 8765


def _workers_default() -> int:
    from factcheck.extract.parallel import default_jobs

    # One check process per core, at most 4: a check is one draft, and more processes
    # than cores only add memory.
    return min(4, default_jobs())


def serve_command(
    corpus: Annotated[Optional[Path], typer.Option("--corpus", metavar="DIR", help="Folder of earlier reporting to check against (default: the shipped seed corpus).", show_default=False)] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", metavar="DIR", help="A folder of rule files to add to the shipped rules; repeat it for several.", show_default=False)] = None,
    no_default_rules: Annotated[bool, typer.Option("--no-default-rules", help="Do not load the shipped rules: only the --rules folders.")] = False,
    index: Annotated[Optional[Path], typer.Option("--index", metavar="FILE", help="Claim index (factcheck index) to load the corpus through; 'default' is the user cache directory's.", show_default=False)] = None,
    host: Annotated[str, typer.Option("--host", metavar="ADDRESS", help="Address to listen on. Anything but loopback needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", min=0, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    workers: Annotated[Optional[int], typer.Option("--workers", metavar="N", min=0, help="Check processes (default: one per core, at most 4); 0 checks in threads of the server.", show_default=False)] = None,
    token: Annotated[Optional[str], typer.Option("--token", metavar="TOKEN", help="Every request must carry it (Authorization: Bearer TOKEN, or as the password). Default: $FACTCHECK_SERVE_TOKEN.", show_default=False)] = None,
    max_body: Annotated[int, typer.Option("--max-body", metavar="BYTES", help="Largest request body accepted (413 above).")] = 5 * 1024 * 1024,
    time_limit: Annotated[float, typer.Option("--time-limit", metavar="SECONDS", help="Longest a check may take (503 above).")] = 30.0,
    keep_submissions: Annotated[Optional[Path], typer.Option("--keep-submissions", metavar="DIR", help="Copy every submitted draft into DIR (default: nothing submitted is written anywhere).", show_default=False)] = None,
) -> None:
    """Serve a page and an HTTP API that check drafts against a corpus kept loaded.

    \b
    Examples:
      factcheck serve                                  # http://127.0.0.1:8765/
      factcheck serve --corpus archive/ --index default --workers 2
      factcheck serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"
    """
    from factcheck.pipeline import RuleSources
    from factcheck.serve.server import serve
    from factcheck.serve.state import ServeSettings

    resolved = None
    if index is not None:
        from factcheck.extract.index import resolve_index_path

        resolved = resolve_index_path(index)
    settings = ServeSettings(
        corpus=corpus, rules=RuleSources(tuple(rules or ()), not no_default_rules, ("--rules",) * len(rules or ())), index=resolved,
        workers=_workers_default() if workers is None else workers,
        max_body=max_body, time_limit=time_limit, token=token, keep_submissions=keep_submissions,
    )
    serve(settings, host=host, port=port)
