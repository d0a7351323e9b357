"""What the benchmark scripts share: machine description, timing, peak memory of a
process tree, and the generated corpora (cached under ``benchmarks/.data/``)."""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / ".data"

sys.path.insert(0, str(HERE))

import corpus  # noqa: E402


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def fmt_mib(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:,.0f} MiB"


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def parallel_headroom(n: int = 1_500_000, tasks: int = 8) -> float:
    """How much faster two processes run pure-Python work than one, right now: 2.0 on
    an idle two-core machine, less when other programs hold the cores. Printed with every
    parallel figure, so a noisy machine is visible in the numbers."""
    t = time.perf_counter()
    for _ in range(tasks):
        _burn(n)
    one = time.perf_counter() - t
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # started
        t = time.perf_counter()
        pool.map(_burn, [n] * tasks, chunksize=1)
        two = time.perf_counter() - t
    return one / two


def machine() -> dict[str, object]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    from factcheck import __version__

    return {
        "cpu": model,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory": fmt_mib(mem) if mem else "?",
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "factcheck": __version__,
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?",
    }


def print_machine(headroom: bool = True) -> dict[str, object]:
    info = machine()
    if headroom:
        info["parallel headroom (2 procs / 1)"] = f"{parallel_headroom():.2f}x"
    print("machine: " + "; ".join(f"{k} {v}" for k, v in info.items()))
    return info


# -- peak memory of a process and its children -------------------------------------------


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            out += [int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()]
        except (OSError, ValueError):
            pass
    return out


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class TreeMemory:
    """Samples the summed resident memory of a process and all its descendants (Linux
    /proc; elsewhere it reports 0 and only the per-process peak is known)."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.descendant_peak = 0  # the largest single process below ``pid`` (a worker)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            total, todo, seen = 0, [self.pid], set()
            while todo:
                p = todo.pop()
                if p in seen:
                    continue
                seen.add(p)
                rss = _rss(p)
                total += rss
                if p != self.pid:
                    self.descendant_peak = max(self.descendant_peak, rss)
                todo += _children(p)
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Timed:
    wall: float
    max_rss: int  # the largest single process (the main one unless a worker grew larger)
    tree_peak: int  # all processes together, sampled
    returncode: int
    stderr: str
    worker_peak: int = 0  # the largest process below the main one (a worker), sampled


def run_timed(cmd: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Timed:
    """Run ``cmd``; wall time, peak RSS of its largest process and of its whole tree."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as mem:
        # wait4 gives this child's own peak; its workers are its children, not ours.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
    stderr = proc.stderr.read() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    max_rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return Timed(wall, max_rss, max(mem.peak, max_rss), proc.returncode, stderr, mem.descendant_peak)


# -- corpora -------------------------------------------------------------------------------


def corpus_dir(n: int, seed: int = 7) -> Path:
    """The generated corpus of ``n`` articles (written once, then reused while the
    generator writes the same articles)."""
    import hashlib
    import shutil

    out = DATA / f"corpus-{n}-seed{seed}"
    stamp = out / ".complete"
    sample = "".join(content for _, content in corpus.generate(3, seed))
    want = json.dumps({"articles": n, "seed": seed, "sample": hashlib.sha256(sample.encode()).hexdigest()})
    if not stamp.exists() or stamp.read_text() != want:
        if out.exists():
            shutil.rmtree(out)
        corpus.write_corpus(out, n, seed)
        stamp.write_text(want)
    return out


def factcheck_cmd() -> list[str]:
    return [sys.executable, "-m", "factcheck"]
