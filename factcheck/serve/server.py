"""``factcheck serve``: check the bind, start uvicorn at once, load the corpus beside it.

The server answers from the first second (``/healthz`` says "loading"), so a
supervisor can tell a slow start from a dead one; the corpus is loaded in a thread and
the check processes are forked from it once the warm state is complete, so they
inherit it instead of loading it again.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.serve.limits import TOKEN_ENV, is_loopback
from factcheck.serve.state import ServeSettings, ServeState, say_on_stderr

# Requests in flight beyond which uvicorn answers 503 at once instead of queueing.
MAX_CONCURRENT = 64


def resolve_token(host: str, token: str | None) -> str | None:
    """The token the server wants: ``--token``, else ``FACTCHECK_SERVE_TOKEN``.
    Raises ``UsageError`` when the server would listen beyond this machine without one."""
    chosen = token if token else os.environ.get(TOKEN_ENV) or None
    if chosen is None and not is_loopback(host):
        raise UsageError(
            f"--host {host} listens beyond this machine: give --token TOKEN (or set {TOKEN_ENV}); "
            "every request must then carry it"
        )
    return chosen


def check_settings(settings: ServeSettings) -> None:
    """What can be wrong before anything starts: folders that are not there."""
    added = settings.rules.added if settings.rules is not None else ()
    for option, folder in (("--corpus", settings.corpus), *(("--rules", r) for r in added)):
        if folder is not None and not Path(folder).exists():
            raise UsageError(f"{option} {folder}: no such file or folder")
    keep = settings.keep_submissions
    if keep is not None and not keep.is_dir():
        raise UsageError(f"--keep-submissions {keep}: not a folder (create it first)")
    if settings.max_body < 1:
        raise UsageError("--max-body: give a number of bytes, 1 or more")
    if settings.time_limit <= 0:
        raise UsageError("--time-limit: give a number of seconds above 0")


def serve(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Run the server until it is stopped (Ctrl-C, SIGTERM)."""
    import uvicorn

    from factcheck.serve.app import build_app

    check_settings(settings)
    token = resolve_token(host, settings.token)
    state = ServeState(settings)
    app = build_app(state, token=token)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, server_header=False,
        limit_concurrency=MAX_CONCURRENT, timeout_graceful_shutdown=5, lifespan="off",
    )
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host
    say_on_stderr(f"listening on http://{shown}:{port}/ (the page; the API: /openapi.json)"
                  + ("; requests must carry the token" if token else ""))
    loader = threading.Thread(target=state.load, name="factcheck-load", daemon=True)
    loader.start()
    try:
        server.run()
    finally:
        state.close()
