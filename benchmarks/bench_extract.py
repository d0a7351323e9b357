"""Extraction throughput, single process: factcheck against quantulum3 on the same text.

Prints characters/s and documents/s of ``factcheck.extract.extract`` (figures and their
context, as ``factcheck extract`` does) and of its first stage alone
(``find_quantities``: figures, hedges, intervals and units, which is what quantulum3
does), on article bodies from the generated corpus and on the shipped seed articles,
next to quantulum3's on the same texts, with the ratio. quantulum3 runs with its own
Python in ``benchmarks/.venv-peers`` (created here on first use with
``pip install 'quantulum3[classifier]'``; its classifier is retrained with
``quantulum3-training -s`` when the shipped one does not load). If the peer cannot be
installed (no access to the package index), factcheck's figures are still printed, with
the reason.

    python benchmarks/bench_extract.py [--articles 100] [--runs 5] [--no-classifier]
    python benchmarks/bench_extract.py --smoke     # seconds; no peer unless --peer
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import venv
from datetime import date
from pathlib import Path

from _common import HERE, REPO, corpus, median, print_machine

PEER_VENV = HERE / ".venv-peers"
PEER_REQUIREMENT = "quantulum3[classifier]"


def _python(venv_dir: Path) -> Path:
    return venv_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


PROBE = "from quantulum3 import classifier, parser; classifier.classifier(); parser.parse('5 km')"
READY = f"{PEER_REQUIREMENT}; classifier loads"


def ensure_peer(venv_dir: Path) -> tuple[Path | None, str]:
    """The peer environment's Python, or None and why not."""
    py = _python(venv_dir)
    ready = venv_dir / ".ready"
    if ready.exists() and py.exists() and ready.read_text() == READY:
        return py, "ready"
    try:
        if not py.exists():
            print(f"creating {venv_dir} for quantulum3 (once)...", file=sys.stderr)
            venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
        proc = subprocess.run(
            [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PEER_REQUIREMENT],
            capture_output=True, text=True, timeout=1800,
        )
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["pip failed"]
            return None, f"pip install {PEER_REQUIREMENT!r} failed: {tail[0]}"
        if subprocess.run([str(py), "-c", PROBE], capture_output=True, timeout=600).returncode != 0:
            # quantulum3 0.10.0's pickled classifier does not load with newer scikit-learn:
            # retrain and store it, as ../shared/eval/README.md says.
            print("retraining quantulum3's classifier (quantulum3-training -s)...", file=sys.stderr)
            train = venv_dir / ("Scripts" if os.name == "nt" else "bin") / "quantulum3-training"
            subprocess.run([str(train), "-s"], capture_output=True, timeout=1800)
            probe_run = subprocess.run([str(py), "-c", PROBE], capture_output=True, text=True, timeout=600)
            if probe_run.returncode != 0:
                return None, "quantulum3 installed but does not run: " + probe_run.stderr.strip().splitlines()[-1]
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"cannot set up the peer environment: {exc}"
    ready.write_text(READY)
    return py, "installed"


class Peer:
    """quantulum3 in its own Python, loaded once, timing one pass per ``run()``."""

    def __init__(self, py: Path, texts: list[str], classifier: bool) -> None:
        self._file = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8")
        json.dump(texts, self._file)
        self._file.close()
        cmd = [str(py), str(HERE / "_peer_quantulum3.py"), self._file.name]
        if not classifier:
            cmd.append("--no-classifier")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.info = self._read()

    def _read(self) -> dict:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            return {"error": (err.strip().splitlines() or ["quantulum3 stopped"])[-1]}
        return json.loads(line)

    def run(self) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)
        os.unlink(self._file.name)


def measure(items: list[tuple[str, date | None]], runs: int, peers: dict[str, Peer]) -> dict:
    """``runs`` rounds; each round times one pass of factcheck's extract, of its figures
    stage alone and of each peer, one after the other, so they share the machine's load."""
    from factcheck.extract import extract
    from factcheck.extract.quantities import find_quantities
    from factcheck.pipeline import gazetteer_for, load_rule_set

    gazetteer = gazetteer_for(load_rule_set(None))
    t = time.perf_counter()
    extract(items[0][0], items[0][1], gazetteer)  # builds the patterns and pint's registry
    first_call = time.perf_counter() - t
    for text, published in items[:5]:
        extract(text, published, gazetteer)
    out: dict = {"full_s": [], "quantities_s": [], "first_call_s": first_call, "found": 0,
                 "peers": {name: {**peer.info, "runs_s": [], "found": 0} for name, peer in peers.items()}}
    for _ in range(runs):
        t = time.perf_counter()
        out["found"] = sum(len(extract(text, published, gazetteer)) for text, published in items)
        out["full_s"].append(time.perf_counter() - t)
        t = time.perf_counter()
        for text, _published in items:
            find_quantities(text)
        out["quantities_s"].append(time.perf_counter() - t)
        for name, peer in peers.items():
            if "error" in out["peers"][name]:
                continue
            result = peer.run()
            if "error" in result:
                out["peers"][name]["error"] = result["error"]
                continue
            out["peers"][name]["runs_s"].append(result["seconds"])
            out["peers"][name]["found"] = result["found"]
    return out


def seed_texts() -> list[tuple[str, date | None]]:
    import yaml

    seeds = REPO / "seeds"
    dates = {e["file"]: e.get("published") for e in yaml.safe_load((seeds / "sources.yaml").read_text())}
    return [(p.read_text(encoding="utf-8"), dates.get(p.name)) for p in sorted(seeds.glob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Extraction throughput against quantulum3.")
    ap.add_argument("--articles", type=int, default=100, help="generated articles to time (default 100)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=5, help="timed rounds (medians quoted)")
    ap.add_argument("--no-peer", action="store_true", help="do not install or time quantulum3")
    ap.add_argument("--peer", action="store_true", help="time quantulum3 even with --smoke")
    ap.add_argument("--no-classifier", action="store_true", help="also time quantulum3 without its classifier")
    ap.add_argument("--peer-venv", type=Path, default=PEER_VENV)
    ap.add_argument("--smoke", action="store_true", help="10 articles, 1 round, no peer: checks the script works")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args(argv)
    if args.smoke:
        args.articles, args.runs = 10, 1
        args.no_peer = args.no_peer or not args.peer

    print_machine(headroom=False)
    corpora = {
        f"generated ({args.articles} articles, seed {args.seed})": corpus.dated_bodies(args.articles, args.seed),
        "seed articles (seeds/*.txt)": seed_texts(),
    }
    peer_py, peer_status = (None, "--no-peer given") if args.no_peer else ensure_peer(args.peer_venv)
    results: dict[str, dict] = {}
    for name, items in corpora.items():
        texts = [t for t, _ in items]
        peers: dict[str, Peer] = {}
        if peer_py is not None:
            peers["with its classifier"] = Peer(peer_py, texts, classifier=True)
            if args.no_classifier:
                peers["without classifier"] = Peer(peer_py, texts, classifier=False)
        try:
            row = measure(items, args.runs, peers)
        finally:
            for peer in peers.values():
                peer.close()
        row.update(documents=len(items), characters=sum(len(t) for t in texts))
        results[name] = row

    print(f"\nextraction throughput, one process; median of {args.runs} round(s), each round timing "
          "factcheck and quantulum3 one after the other on the same texts")
    for name, row in results.items():
        chars, docs = row["characters"], row["documents"]
        full, quant = median(row["full_s"]), median(row["quantities_s"])
        print(f"\n{name}: {docs:,} documents, {chars:,} characters")
        print(f"  factcheck extract (figures + context): {chars / full:>12,.0f} chars/s {docs / full:>8,.1f} docs/s"
              f"  ({row['found']:,} claims; first call {row['first_call_s']:.2f} s)")
        print(f"  factcheck figures only (find_quantities): {chars / quant:>9,.0f} chars/s {docs / quant:>8,.1f} docs/s")
        if not row["peers"]:
            print(f"  quantulum3: not measured ({peer_status}); factcheck's figures above stand alone")
        for label, peer in row["peers"].items():
            if "error" in peer or not peer["runs_s"]:
                print(f"  quantulum3 {label}: not measured: {peer.get('error', 'no run')}")
                continue
            qt = median(peer["runs_s"])
            ratio_full = median([q / f for q, f in zip(peer["runs_s"], row["full_s"])])
            ratio_quant = median([q / f for q, f in zip(peer["runs_s"], row["quantities_s"])])
            print(f"  quantulum3 {peer['version']} {label}: {chars / qt:>10,.0f} chars/s {docs / qt:>8,.1f} docs/s"
                  f"  ({peer['found']:,} quantities)")
            print(f"    ratio (median of the rounds' ratios): factcheck extract {ratio_full:.1f}x quantulum3's "
                  f"characters/s; figures only {ratio_quant:.1f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
