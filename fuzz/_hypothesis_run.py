"""How the hypothesis fuzz targets (``fuzz_relation``, ``fuzz_reference``) run, as
scripts and from the suite's short runs. (Its own name: a module called ``_common`` is
also the benchmarks', and the first one imported wins.)"""

from __future__ import annotations


def run_hypothesis(target, examples: int, seed_value: int | None = None) -> None:  # noqa: ANN001 - a @given function
    """Run a hypothesis target for ``examples`` inputs (the same ones for the same seed;
    without one, hypothesis's derandomized sequence)."""
    from hypothesis import HealthCheck, seed, settings

    run = settings(
        max_examples=examples, deadline=None, database=None, derandomize=seed_value is None,
        suppress_health_check=list(HealthCheck),
    )(target)
    if seed_value is not None:
        run = seed(seed_value)(run)
    run()


def hypothesis_main(target, name: str, doc: str) -> None:  # noqa: ANN001
    """The command line of a hypothesis target: ``--examples N --seed S``, then one line
    saying how many ran and how long it took."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    started = time.monotonic()
    run_hypothesis(target, args.examples, args.seed)
    print(f"{name}: {args.examples:,} examples, no finding, {time.monotonic() - started:.0f} s")
