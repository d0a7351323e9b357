"""Times quantulum3 on a list of texts; run by bench_extract.py with the peers' own Python
(``benchmarks/.venv-peers``), never imported by factcheck. Standard library + quantulum3.

    <peer python> _peer_quantulum3.py TEXTS.json [--no-classifier]

Loads quantulum3 (and its classifier), warms up, prints one JSON line ``{"ready": ...}``,
then times one pass over all texts for every line ``run`` read from standard input and
prints ``{"seconds": ..., "found": ...}``: bench_extract.py alternates these passes with
factcheck's own, so both see the same machine load.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    path = sys.argv[1]
    use_clf = "--no-classifier" not in sys.argv
    from importlib.metadata import version

    from quantulum3 import classifier, parser

    if use_clf:
        if not classifier.USE_CLF:
            print(json.dumps({"error": "quantulum3's classifier dependencies are missing"}), flush=True)
            return 0
        classifier.classifier()  # load it now (or fail now), not inside a timed pass
    classifier.USE_CLF = use_clf
    with open(path, encoding="utf-8") as fh:
        texts = json.load(fh)
    for text in texts[:5]:
        parser.parse(text)
    print(json.dumps({"ready": True, "version": version("quantulum3"), "classifier": use_clf}), flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        t = time.perf_counter()
        found = sum(len(parser.parse(text)) for text in texts)
        print(json.dumps({"seconds": time.perf_counter() - t, "found": found}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
