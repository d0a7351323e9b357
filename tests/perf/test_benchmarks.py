"""The benchmarks cannot rot: the corpus generator is deterministic and realistic enough
to exercise the rules, and each benchmark script runs in its smallest configuration.
(Figures are printed by the scripts, never asserted: see benchmarks/README.md.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "benchmarks"

if not BENCH.is_dir():
    # An sdist (it has PKG-INFO) carries tests/ but not benchmarks/; in a checkout a
    # missing benchmarks/ is a failure, not a skip.
    if not (REPO / "PKG-INFO").is_file():
        pytest.fail(f"{BENCH} is missing from this checkout", pytrace=False)
    pytest.skip("benchmarks/ is not part of an sdist", allow_module_level=True)

sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402

sys.path.remove(str(BENCH))


def test_generator_is_deterministic_and_articles_do_not_depend_on_corpus_size() -> None:
    first = list(corpus.generate(40, seed=7))
    assert first == list(corpus.generate(40, seed=7))
    assert first[:15] == list(corpus.generate(15, seed=7))
    assert first != list(corpus.generate(40, seed=8))
    assert len({content for _, content in first}) == 40
    assert [path for path, _ in first][:2] == ["000/000000.md", "000/000001.md"]


def test_generated_articles_look_like_news_and_are_not_the_seed_articles() -> None:
    articles = [content for _, content in corpus.generate(60, seed=7)]
    lengths = [len(a.split("---\n", 2)[2]) for a in articles]
    assert 2000 <= min(lengths) and max(lengths) <= 6500
    for article in articles:
        assert article.startswith("---\ntitle: ") and "\npublished: 20" in article and "\noutlet: " in article
    seed_sentences = {
        s.strip() for p in (REPO / "seeds").glob("*.txt") for s in p.read_text(encoding="utf-8").split(".") if len(s.strip()) > 40
    }
    text = "\n".join(articles)
    assert not any(s in text for s in seed_sentences)


def test_generated_archive_has_figures_and_the_planted_inconsistencies(tmp_path: Path) -> None:
    from factcheck import pipeline

    corpus.write_corpus(tmp_path / "archive", 60, seed=7)
    report = pipeline.run([], pipeline.RunOptions(corpus=tmp_path / "archive", jobs=1)).report
    figures = {c.figure for c in report.claims if c.figure}
    assert {"gaza_death_toll", "hostages_held", "rafah_sheltering"} <= figures
    rules = {f.rule for f in report.findings}
    assert len(report.claims) > 400
    # A toll lower than an earlier one, a stale toll, a share above 100%.
    assert {"gaza-toll-consistency", "only-grows"} & rules
    assert {"gaza-toll-outdated", "rafah-sheltering-outdated", "hostages-held-outdated"} & rules
    assert {"share-above-100", "percent-of-people-above-100"} & rules


def _needs_dask(script: str) -> None:
    """bench_cluster.py needs the dask extra: skipped without it, unless CI requires it."""
    import importlib.util
    import os

    if script != "bench_cluster.py" or importlib.util.find_spec("distributed") is not None:
        return
    if os.environ.get("FACTCHECK_REQUIRE_DASK", "") not in ("", "0"):
        pytest.fail("dask.distributed is missing, and FACTCHECK_REQUIRE_DASK is set", pytrace=False)
    pytest.skip("bench_cluster.py needs factcheck[dask]")


@pytest.mark.parametrize(
    "script", ["bench_extract.py", "bench_check.py", "bench_run.py", "bench_phases.py", "bench_dense.py", "bench_serve.py",
     "bench_cluster.py"]
)
def test_benchmark_script_smoke(script: str) -> None:
    _needs_dask(script)
    proc = subprocess.run([sys.executable, str(BENCH / script), "--smoke"], capture_output=True, text=True,
                          timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("machine: ")
    assert "chars/s" in proc.stdout or "claims" in proc.stdout or "articles" in proc.stdout


def test_version_comparison_script_times_both_checkouts() -> None:
    # against itself: both sides extract the same claims; the ratio is printed
    proc = subprocess.run([sys.executable, str(BENCH / "bench_versions.py"), str(REPO), "--articles", "3", "--runs", "1"],
                          capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if "chars/s" in line]
    assert len(lines) == 2
    assert lines[0].split("(")[-1].split(" claims")[0].split(", ")[-1] == lines[1].split("(")[-1].split(" claims")[0].split(", ")[-1]
    assert "median of the rounds' ratios" in proc.stdout


def test_version_comparison_script_times_cpu_with_cpu_flag() -> None:
    proc = subprocess.run([sys.executable, str(BENCH / "bench_versions.py"), str(REPO), "--articles", "2", "--runs", "1", "--cpu"],
                          capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "CPU time, median of 1 round(s)" in proc.stdout
    assert len([line for line in proc.stdout.splitlines() if "chars/s" in line and "fastest" in line]) == 2


def test_version_comparison_times_the_other_checkout_not_the_working_directory(tmp_path: Path) -> None:
    # a stand-in checkout whose extraction finds 7 claims in every text: run from this
    # repository's root, the comparison must still time it (python -c puts the working
    # directory first on sys.path)
    package = tmp_path / "factcheck" / "extract"
    package.mkdir(parents=True)
    (tmp_path / "factcheck" / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("def extract(text, published=None):\n    return [None] * 7\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(BENCH / "bench_versions.py"), str(tmp_path), "--articles", "2", "--runs", "1"],
                          capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    other = next(line for line in proc.stdout.splitlines() if line.strip().startswith(str(tmp_path)))
    assert other.endswith(", 14 claims)")


def test_version_comparison_refuses_a_folder_that_is_no_checkout(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(BENCH / "bench_versions.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert proc.returncode != 0 and "not a factcheck checkout" in proc.stderr


def test_version_comparison_warm_mode_times_both_stages_in_warm_processes() -> None:
    # against itself, 2 rounds in each of one process per checkout: every stage's ratio
    # is printed and both sides found the same claims
    proc = subprocess.run([sys.executable, str(BENCH / "bench_versions.py"), str(REPO), "--articles", "2", "--runs", "1", "--warm", "2"],
                          capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "median of 1 process(es) x 2 round(s) per checkout" in proc.stdout
    sides = [line for line in proc.stdout.splitlines() if "full extraction" in line and "claims)" in line]
    assert len(sides) == 2
    assert sides[0].split("chars/s, ")[1].split(" claims")[0] == sides[1].split("chars/s, ")[1].split(" claims")[0]
    for stage in ("full extraction", "figures only", "context stage"):
        assert f"  {stage}: this checkout " in proc.stdout


def test_extraction_profile_script_prints_shares_per_stage_and_module() -> None:
    proc = subprocess.run([sys.executable, str(BENCH / "profile_extract.py"), "--articles", "2", "--top", "3"],
                          capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "| figures (find_quantities) |" in proc.stdout and "| context |" in proc.stdout
    modules = [line for line in proc.stdout.split("| module | share |")[1].splitlines() if line.startswith("| ") and "%" in line]
    assert len(modules) == 3


def test_version_comparison_times_the_checkout_given_as_this(tmp_path: Path) -> None:
    # --this: a stand-in checkout finding 3 claims a text is timed in place of this one
    package = tmp_path / "factcheck" / "extract"
    package.mkdir(parents=True)
    (tmp_path / "factcheck" / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("def extract(text, published=None):\n    return [None] * 3\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(BENCH / "bench_versions.py"), str(REPO), "--this", str(tmp_path), "--articles", "2", "--runs", "1"],
                          capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    this = next(line for line in proc.stdout.splitlines() if "(this checkout)" in line)
    assert this.strip().startswith(str(tmp_path)) and this.endswith(", 6 claims)")
