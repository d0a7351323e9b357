"""``--jobs``: parallel extraction gives the same output as one process, in the same
order; one process when asked (--jobs 1) or when the input is small."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.extract.documents import extract_documents
from factcheck import pipeline
from factcheck.extract import parallel

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
EXTRACT_MODULE = importlib.import_module("factcheck.extract")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles plus a few generated ones: documents of different lengths, so
    workers finish out of order."""
    out = tmp_path_factory.mktemp("archive")
    for path in SEEDS.glob("*"):
        if path.is_file():
            (out / path.name).write_bytes(path.read_bytes())
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    corpus.write_corpus(out / "generated", 14, seed=3)
    return out


def test_run_gives_the_same_bytes_with_one_and_two_jobs(archive: Path, cli_here: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "0")
    code1, one, _ = cli_here("run", "--corpus", str(archive), "--format", "json", "--jobs", "1", "--fail-on", "never")
    code2, two, _ = cli_here("run", "--corpus", str(archive), "--format", "json", "--jobs", "2", "--fail-on", "never")
    assert code1 == code2 == 0
    assert one.encode() == two.encode()
    assert '"findings"' in one and len(one) > 10_000


def test_extract_gives_the_same_bytes_with_one_and_three_jobs(archive: Path, cli_here: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "0")
    code1, one, _ = cli_here("extract", str(archive), "--format", "csv", "--jobs", "1")
    code3, three, _ = cli_here("extract", str(archive), "--format", "csv", "-j", "3")
    assert code1 == code3 == 0
    assert one.encode() == three.encode() and one.count("\n") > 100


def test_workers_are_used_and_results_keep_document_order(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = pipeline.load_inputs([str(archive)], None, use_corpus=False).checked
    gazetteer = pipeline.gazetteer_for(pipeline.load_rule_set(None))
    sequential = extract_documents(docs, gazetteer, jobs=1)
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "0")
    used: list[bool] = []
    original = parallel.Extractor.__enter__

    def enter(self: parallel.Extractor) -> parallel.Extractor:
        result = original(self)
        used.append(self.parallel)
        return result

    monkeypatch.setattr(parallel.Extractor, "__enter__", enter)
    steps: list[int] = []
    in_parallel = extract_documents(docs, gazetteer, advance=lambda n=1: steps.append(n), jobs=2)
    assert used == [True]
    assert [c.model_dump() for c in in_parallel] == [c.model_dump() for c in sequential]
    assert sum(steps) == len(docs)


def test_one_job_or_a_small_input_never_starts_a_process(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_: object, **__: object) -> None:
        raise AssertionError("a worker pool was started")

    for method in multiprocessing.get_all_start_methods():
        monkeypatch.setattr(type(multiprocessing.get_context(method)), "Pool", no_pool)
    docs = pipeline.load_inputs([str(archive)], None, use_corpus=False).checked
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "0")
    assert extract_documents(docs, None, jobs=1)
    monkeypatch.delenv("FACTCHECK_PARALLEL_MIN_CHARS")
    draft = pipeline.load_inputs([str(SEEDS / "drafts")], None, use_corpus=False).checked
    assert extract_documents(draft, None, jobs=8)  # two drafts: below the threshold


def test_a_worker_error_reaches_the_caller(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork") or not sys.platform.startswith("linux"):
        pytest.skip("the patched extractor reaches workers only when they are forked")
    real = EXTRACT_MODULE.extract

    def failing(text: str, *args: object, **kwargs: object):  # noqa: ANN202
        if "Gallant" in text:
            raise ValueError("extractor failed")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(EXTRACT_MODULE, "extract", failing)
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "0")
    docs = pipeline.load_inputs([str(archive)], None, use_corpus=False).checked
    with pytest.raises(ValueError, match="extractor failed"):
        extract_documents(docs, None, jobs=2)


def test_default_jobs_is_the_number_of_usable_cores() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert parallel.default_jobs() == expected


def test_threshold_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "12")
    assert parallel.parallel_min_chars() == 12
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "lots")
    assert parallel.parallel_min_chars() == parallel.PARALLEL_MIN_CHARS
    assert parallel.Extractor(None, 2, chars=10**9, documents=1).workers == 0  # one document: no pool
    assert parallel.Extractor(None, 4, chars=10**9, documents=3).workers == 3


def test_jobs_must_be_positive() -> None:
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(SEEDS), "--jobs", "0"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 2 and b"--jobs" in proc.stderr


def test_workers_start_before_a_large_input_is_read(archive: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Workers warm up while the documents are read; not with an index (it may leave
    nothing to extract), and not for a small input."""
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "1000")
    children_at_load: list[int] = []
    real_load = pipeline.load_inputs

    def load(*args: object, **kwargs: object):  # noqa: ANN202
        children_at_load.append(len(multiprocessing.active_children()))
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "load_inputs", load)
    big = pipeline.run([], pipeline.RunOptions(corpus=archive, jobs=2)).report.model_dump_json()
    pipeline.run([], pipeline.RunOptions(corpus=archive, jobs=2, index=tmp_path / "index.sqlite3"))
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", str(10**9))
    small = pipeline.run([], pipeline.RunOptions(corpus=archive, jobs=2)).report.model_dump_json()
    assert children_at_load == [2, 0, 0]
    assert big == small
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_input_size_counts_what_the_loader_reads_and_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 10, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y" * 20, encoding="utf-8")
    (tmp_path / "sub" / "image.png").write_bytes(b"\0" * 1000)
    (tmp_path / ".hidden.txt").write_text("z" * 1000, encoding="utf-8")
    os.symlink("..", tmp_path / "sub" / "up")
    os.symlink(".", tmp_path / "sub" / "here")
    assert parallel.input_size([str(tmp_path)]) == (30, 2)
    assert parallel.input_size([str(tmp_path / "a.txt"), "-", str(tmp_path / "missing")]) == (10, 1)
