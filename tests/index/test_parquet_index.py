"""The Parquet claim index (--index-format parquet): entries written and read back as
they were, a run with it reports what a run with the SQLite index (and without any)
reports, unchanged documents are not extracted again, stats and prune, and folders that
are not such an index are refused with exit 2.

Skipped only where pyarrow is missing and FACTCHECK_REQUIRE_PARQUET is unset (CI sets it)."""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

REQUIRED = os.environ.get("FACTCHECK_REQUIRE_PARQUET", "") not in ("", "0")
try:
    import pyarrow.parquet as pq
except ImportError:
    if REQUIRED:
        pytest.fail("pyarrow is missing, and FACTCHECK_REQUIRE_PARQUET is set", pytrace=False)
    pytest.skip("pyarrow is not installed (pip install 'factcheck[parquet]')", allow_module_level=True)

from factcheck import pipeline
from factcheck.extract import parquet_index
from factcheck.extract.documents import open_index
from factcheck.extract.index import IndexFileError, key_for
from factcheck.extract.parquet_index import ParquetIndex
from factcheck.report import FORMATTERS, get_formatter, make_view

EXTRACT_MODULE = importlib.import_module("factcheck.extract")
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def _rendered(result: pipeline.RunResult) -> dict[str, str]:
    view = make_view(result.report, "run", result.rule_set)
    return {fmt: get_formatter(fmt, color=False, quiet=False, width=None).render(view) for fmt in FORMATTERS}


def test_entries_are_read_back_as_they_were_written(tmp_path: Path) -> None:
    from factcheck.extract import extract

    texts = ["At least 1,200 people were killed on Oct. 7.", "Some 240 hostages were taken.", "No figure here."]
    keys = [key_for(t, None) for t in texts]
    with ParquetIndex.open(tmp_path / "pq", "v1") as index:
        for text, key in zip(texts, keys, strict=True):
            index.add(key, len(text), extract(text, None))
    files = sorted((tmp_path / "pq").rglob("*.parquet"))
    assert files and all(f.relative_to(tmp_path / "pq").parts[:2] == ("extractions", "extractor=v1") for f in files)
    assert set(pq.read_schema(files[0]).names) == {"content", "published", "chars", "n_claims", "claims", "created"}
    with ParquetIndex.open(tmp_path / "pq", "v1") as index:
        found = index.lookup(keys + [key_for("never written", None)])
        assert sorted(found) == sorted(keys)
        for text, key in zip(texts, keys, strict=True):
            assert [c.model_dump_json() for c in found[key].claims()] == [c.model_dump_json() for c in extract(text, None)]
        assert sorted(n for *_, n in index.entries()) == sorted(len(extract(t, None)) for t in texts)
    with ParquetIndex.open(tmp_path / "pq", "v2") as other:  # another extractor version sees nothing
        assert other.lookup(keys) == {}


def test_a_run_with_the_parquet_index_reports_what_the_sqlite_index_and_no_index_report(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _rendered(pipeline.run([], pipeline.RunOptions(corpus=archive, jobs=1)))
    sqlite = pipeline.RunOptions(corpus=archive, jobs=1, index=tmp_path / "index.sqlite3")
    parquet = pipeline.RunOptions(corpus=archive, jobs=1, index=tmp_path / "pq", index_format="parquet")
    assert _rendered(pipeline.run([], sqlite)) == plain
    assert _rendered(pipeline.run([], parquet)) == plain

    def boom(*_: object, **__: object) -> None:
        raise AssertionError("extracted although the Parquet index has the document")

    monkeypatch.setattr(EXTRACT_MODULE, "extract", boom)
    assert _rendered(pipeline.run([], parquet)) == plain  # now every claim comes from the Parquet files


def test_index_command_fills_the_parquet_index_and_says_what_it_holds(
    archive: Path, tmp_path: Path, cli_here: Callable[..., tuple[int, str, str]]
) -> None:
    target = tmp_path / "pq"
    code, _, err = cli_here("index", str(archive), "--index", str(target), "--index-format", "parquet", "--jobs", "1")
    assert code == 0, err
    assert "5 extracted, 0 unchanged" in err
    code, _, err = cli_here("index", str(archive), "--index", str(target), "--index-format", "parquet", "--jobs", "1")
    assert "0 extracted, 5 unchanged" in err
    code, out, _ = cli_here("index", "--stats", "--index", str(target), "--index-format", "parquet")
    assert code == 0
    assert "Parquet partitions" in out and "documents: 5 paths recorded, 5 with claims" in out
    sqlite = pipeline.index_documents([str(archive)], index=tmp_path / "index.sqlite3", jobs=1)
    gazetteer = pipeline.gazetteer_for(pipeline.load_rule_set(None))
    with open_index(target, gazetteer, "parquet") as a, open_index(tmp_path / "index.sqlite3", gazetteer) as b:
        assert a is not None and b is not None
        assert sorted(a.entries()) == sorted(b.entries())
        assert sum(n for *_, n in a.entries()) == sqlite.claims


def test_the_default_parquet_index_is_a_folder_in_the_user_cache(
    archive: Path, _cache_home: Path, cli_here: Callable[..., tuple[int, str, str]]
) -> None:
    code, _, err = cli_here("index", str(archive), "--index-format", "parquet", "--jobs", "1")
    assert code == 0, err
    assert (_cache_home / "factcheck" / "index.parquet" / "factcheck-index.json").is_file()
    assert not (_cache_home / "factcheck" / "index.sqlite3").exists()


def test_prune_drops_other_extractor_versions_and_content_no_path_has(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "pq"
    pipeline.index_documents([str(archive)], index=target, jobs=1, index_format="parquet")
    gazetteer = pipeline.gazetteer_for(pipeline.load_rule_set(None))
    with open_index(target, gazetteer, "parquet") as index:
        assert index is not None
        current = index.extractor
    with ParquetIndex.open(target, "old-version") as old:
        old.add(key_for("stale text", None), 10, [])
    with ParquetIndex.open(target, current) as index:
        index.add(key_for("a text no path has", None), 18, [])
    with ParquetIndex.open(target, current) as index:
        assert len(list(index.entries())) == 7
        assert index.prune() == 2
        assert sorted(v for v, *_ in index.entries()) == [current] * 5
        assert index.stats().documents_current == 5


@pytest.mark.parametrize("kind", ["file", "foreign folder", "other schema"])
def test_what_is_not_a_parquet_index_is_refused_with_exit_2(
    kind: str, tmp_path: Path, cli_here: Callable[..., tuple[int, str, str]]
) -> None:
    target = tmp_path / "target"
    if kind == "file":
        target.write_text("not a folder", encoding="utf-8")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("mine", encoding="utf-8")
        if kind == "other schema":
            (target / "factcheck-index.json").write_text(
                json.dumps({"format": parquet_index.FORMAT_NAME, "schema": 99}), encoding="utf-8"
            )
    code, out, err = cli_here("run", "--quiet", "--index", str(target), "--index-format", "parquet")
    assert code == 2
    assert "Traceback" not in err and out == ""
    assert err.startswith(f"factcheck: error: {target}: ")
    assert (target.read_text(encoding="utf-8") == "not a folder") if kind == "file" else (target / "notes.txt").is_file()


def test_a_damaged_partition_is_a_clear_error(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "pq"
    pipeline.index_documents([str(archive)], index=target, jobs=1, index_format="parquet")
    for file in (target / "extractions").rglob("*.parquet"):
        file.write_bytes(b"PAR1 garbage")
    with pytest.raises(IndexFileError, match="not a usable index partition"):
        pipeline.index_documents([str(archive)], index=target, jobs=1, index_format="parquet")


def test_without_pyarrow_the_parquet_index_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli_here: Callable[..., tuple[int, str, str]]
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: object, **kwargs: object) -> object:
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    code, _, err = cli_here("run", "--quiet", "--index", str(tmp_path / "pq"), "--index-format", "parquet")
    assert code == 2
    assert err == "factcheck: error: --index-format parquet needs pyarrow: pip install 'factcheck[parquet]'\n"
    assert not (tmp_path / "pq").exists()
