"""``factcheck serve`` under load: concurrent clients posting drafts to ``/v1/check``
against a warm server holding a generated archive loaded through its claim index.

The server runs on 127.0.0.1 only, on a free port; the run is bounded by a count of
drafts and a time limit (``--max-seconds``: what is not sent by then is reported as
not sent). Printed: the index build and the server's start, then the median, p95 and
largest latency, errors, throughput, where a draft's time went (the answers'
Server-Timing: waiting for a check process, the check's wall clock and CPU time, medians)
and the server's memory (its process tree: the
server and its check processes) after loading, at its peak during the run and at the
end. Goal on the 2-core reference machine: median < 300 ms, p95 < 1 s.

    python benchmarks/bench_serve.py                 # 8 clients, 500 drafts, 10,000 articles
    python benchmarks/bench_serve.py --smoke         # 4 clients, 16 drafts, 30 articles
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from _common import REPO, TreeMemory, _rss, corpus_dir, factcheck_cmd, fmt_mib, print_machine

import corpus


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tree_rss(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss(p)
        try:
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except (OSError, ValueError):
            pass
    return total


def _wait_ready(url: str, proc: subprocess.Popen[bytes], limit: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if proc.poll() is not None:
            raise SystemExit(f"bench_serve: the server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as resp:
                if json.loads(resp.read())["status"] == "ready":
                    return time.monotonic() - started
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"bench_serve: the server was not ready within {limit:.0f} s")


def _drafts(n: int) -> list[bytes]:
    """``n`` drafts unlike the archive's articles (another seed of the generator)."""
    return [json.dumps({"text": text}).encode() for _, text in corpus.generate(n, seed=1017)]


def _timing(header: str | None) -> dict[str, float]:
    """The durations (ms) of a Server-Timing header: ``queue``, ``check``, ``cpu``."""
    out: dict[str, float] = {}
    for part in (header or "").split(","):
        name, *params = (p.strip() for p in part.split(";"))
        for param in params:
            key, _, value = param.partition("=")
            if key == "dur":
                out[name] = float(value)
    return out


def _load(url: str, drafts: list[bytes], clients: int, deadline: float
          ) -> tuple[list[float], list[str], int, list[dict[str, float]]]:
    """Send every draft, ``clients`` at a time; latencies in seconds, errors, sent, and
    the server's own timings of each answer."""
    latencies: list[float] = []
    errors: list[str] = []
    timings: list[dict[str, float]] = []
    lock = threading.Lock()
    queue = list(reversed(drafts))

    def client() -> None:
        while True:
            with lock:
                if not queue or time.monotonic() > deadline:
                    return
                body = queue.pop()
            req = urllib.request.Request(url + "/v1/check", data=body, headers={"Content-Type": "application/json"})
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=120) as resp:
                    json.loads(resp.read())
                    ok = resp.status == 200
                    why = "" if ok else f"HTTP {resp.status}"
                    timing = _timing(resp.headers.get("Server-Timing"))
            except urllib.error.HTTPError as exc:
                ok, why = False, f"HTTP {exc.code}"
            except (OSError, ValueError) as exc:
                ok, why = False, type(exc).__name__
            elapsed = time.perf_counter() - t
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors.append(why)
                else:
                    timings.append(timing)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, errors, len(latencies), timings


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="factcheck serve under concurrent load (loopback only).")
    ap.add_argument("--articles", type=int, default=10_000, help="archive size (generated, indexed)")
    ap.add_argument("--drafts", type=int, default=500, help="drafts to send")
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients")
    ap.add_argument("--workers", type=int, default=2, help="the server's check processes")
    ap.add_argument("--max-seconds", type=float, default=900, help="stop sending after this long")
    ap.add_argument("--smoke", action="store_true", help="30 articles, 16 drafts, 4 clients: checks the script works")
    ap.add_argument("--index", type=Path, help="a claim index of the archive to reuse (made by `factcheck index` "
                    "of the same archive: the server refreshes what differs); default: made anew in a temporary folder")
    args = ap.parse_args(argv)
    if args.smoke:
        args.articles, args.drafts, args.clients, args.workers, args.max_seconds = 30, 16, 4, 1, 300
    print_machine(headroom=not args.smoke)
    archive = corpus_dir(args.articles)
    drafts = _drafts(args.drafts)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-serve-") as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        index = args.index.resolve() if args.index else Path(tmp) / "index.sqlite3"
        t = time.perf_counter()
        subprocess.run(factcheck_cmd() + ["index", str(archive), "--index", str(index), "--quiet"],
                       check=True, env=env, cwd=REPO)
        print(f"index: {args.articles:,} articles indexed in {time.perf_counter() - t:.1f} s"
              + (" (brought up to date)" if args.index else ""))
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        cmd = factcheck_cmd() + ["serve", "--host", "127.0.0.1", "--port", str(port), "--corpus", str(archive),
                                 "--index", str(index), "--workers", str(args.workers)]
        proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            ready = _wait_ready(url, proc, limit=args.max_seconds)
            loaded = _tree_rss(proc.pid)
            print(f"serve: ready in {ready:.1f} s with {args.articles:,} articles, {args.workers} check process(es); "
                  f"memory {fmt_mib(loaded)}")
            started = time.monotonic()
            with TreeMemory(proc.pid) as memory:
                latencies, errors, sent, timings = _load(url, drafts, args.clients, started + args.max_seconds)
            wall = time.monotonic() - started
            end = _tree_rss(proc.pid)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    if not latencies:
        print("serve: no draft was answered")
        return 1
    ms = [x * 1000 for x in latencies]
    print(f"serve: {sent:,}/{len(drafts):,} drafts by {args.clients} clients against {args.articles:,} articles "
          f"in {wall:.1f} s ({sent / wall:.1f} drafts/s): median {_percentile(ms, 0.5):.0f} ms, "
          f"p95 {_percentile(ms, 0.95):.0f} ms, max {max(ms):.0f} ms; errors {len(errors)}"
          + (f" ({', '.join(sorted(set(errors)))})" if errors else ""))
    parts = {name: [t[name] for t in timings if name in t] for name in ("queue", "check", "cpu")}
    if all(parts.values()):
        print("serve: where a draft's time went (medians of the answers' Server-Timing): waiting for a check "
              f"process {_percentile(parts['queue'], 0.5):.0f} ms, the check {_percentile(parts['check'], 0.5):.0f} ms "
              f"(CPU {_percentile(parts['cpu'], 0.5):.0f} ms); the rest of the latency is HTTP and the client")
    print(f"serve: memory (server and check processes) after load {fmt_mib(loaded)}, "
          f"peak during the run {fmt_mib(max(memory.peak, end))}, at the end {fmt_mib(end)}")
    return 0 if not errors and sent == len(drafts) else 1


if __name__ == "__main__":
    sys.exit(main())
