"""The claim index: unchanged documents are not extracted again, changed ones are; ids do
not depend on where claims come from; a new extractor or gazetteer is a new version;
two processes can update one index at once."""

from __future__ import annotations

import importlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.extract import index as claim_index
from factcheck import pipeline
from factcheck.extract.index import ClaimIndex, extractor_version, key_for

EXTRACT_MODULE = importlib.import_module("factcheck.extract")  # the package: factcheck.extract is also a function
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
RULES = REPO / "rules"


def _forbid_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object, **__: object) -> None:
        raise AssertionError("extracted although the index has the document")

    monkeypatch.setattr(EXTRACT_MODULE, "extract", boom)


def test_unchanged_archive_is_not_extracted_again(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "index.sqlite3"
    first = pipeline.index_documents([str(archive)], index=db, jobs=1)
    assert (first.documents, first.extracted, first.reused) == (5, 5, 0)
    assert first.claims > 0
    _forbid_extraction(monkeypatch)
    again = pipeline.index_documents([str(archive)], index=db, jobs=1)
    assert (again.extracted, again.reused, again.claims) == (0, 5, first.claims)
    # factcheck run with the index does not extract either.
    result = pipeline.run([], pipeline.RunOptions(corpus=archive, index=db, jobs=1))
    assert len([c for c in result.report.claims if not c.doc.startswith("reference:")]) == first.claims


def test_changed_file_is_read_again(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "index.sqlite3"
    pipeline.index_documents([str(archive)], index=db, jobs=1)
    changed = sorted(archive.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nSome 7,500 people fled Rafah on Monday.\n", encoding="utf-8")
    seen: list[str] = []
    from factcheck.extract import extract as real_extract

    def spy(text: str, *args: object, **kwargs: object):  # noqa: ANN202
        seen.append(text)
        return real_extract(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(EXTRACT_MODULE, "extract", spy)
    again = pipeline.index_documents([str(archive)], index=db, jobs=1)
    assert (again.extracted, again.reused) == (1, 4)
    assert len(seen) == 1 and "7,500" in seen[0]
    claims = pipeline.extract_report([str(changed)], pipeline.RunOptions(index=db, jobs=1)).report.claims
    assert any(c.surface == "Some 7,500" for c in claims)
    assert len(seen) == 1  # the changed file's new text is in the index now


def test_claims_are_the_same_from_the_index_and_from_extraction(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite3"
    draft = str(SEEDS / "drafts" / "2024-05-27-rafah-draft.md")
    fresh = pipeline.run([draft], pipeline.RunOptions(corpus=archive, jobs=1)).report.model_dump_json()
    cold = pipeline.run([draft], pipeline.RunOptions(corpus=archive, jobs=1, index=db)).report.model_dump_json()
    warm = pipeline.run([draft], pipeline.RunOptions(corpus=archive, jobs=1, index=db)).report.model_dump_json()
    assert fresh == cold == warm
    fresh_extract = pipeline.extract_report([str(archive)], pipeline.RunOptions(jobs=1)).report.model_dump_json()
    warm_extract = pipeline.extract_report([str(archive)], pipeline.RunOptions(jobs=1, index=db)).report.model_dump_json()
    assert fresh_extract == warm_extract


def test_the_same_text_under_another_path_reuses_the_entry_with_its_own_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "index.sqlite3"
    one = tmp_path / "a" / "story.md"
    two = tmp_path / "b" / "copy.md"
    for path in (one, two):
        path.parent.mkdir()
        path.write_text("---\npublished: 2024-05-20\n---\nMore than 800,000 people have fled Rafah.\n", encoding="utf-8")
    first = pipeline.extract_report([str(one)], pipeline.RunOptions(jobs=1, index=db)).report.claims
    _forbid_extraction(monkeypatch)
    second = pipeline.extract_report([str(two)], pipeline.RunOptions(jobs=1, index=db)).report.claims
    assert [c.surface for c in first] == [c.surface for c in second]
    assert first[0].id != second[0].id and second[0].doc != first[0].doc


def test_publication_date_is_part_of_the_key(tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite3"
    story = tmp_path / "story.txt"
    story.write_text("Officials said on Monday that 40 people had been killed.\n", encoding="utf-8")
    may = pipeline.extract_report([str(story)], pipeline.RunOptions(jobs=1, index=db, overrides=_published("2024-05-22"))).report.claims
    june = pipeline.extract_report([str(story)], pipeline.RunOptions(jobs=1, index=db, overrides=_published("2024-06-05"))).report.claims
    assert may[0].as_of != june[0].as_of


def _published(day: str):  # noqa: ANN202
    from datetime import date

    from factcheck.load import MetadataOverrides

    return MetadataOverrides(published=date.fromisoformat(day))


def test_a_new_gazetteer_is_a_new_extractor_version(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite3"
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    # A copy of the shipped rules stands in for them (--no-default-rules --rules copy).
    rules = pipeline.RuleSources((folder,), defaults=False)
    shipped = extractor_version(pipeline.gazetteer_for(pipeline.load_rule_set(rules)))
    assert shipped == extractor_version(pipeline.gazetteer_for(pipeline.load_rule_set(None)))
    pipeline.index_documents([str(archive)], index=db, rules=rules, jobs=1)
    with (folder / "gazetteer.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - {name: Atlantis, kind: city}\n")
    changed = extractor_version(pipeline.gazetteer_for(pipeline.load_rule_set(rules)))
    assert changed != shipped and changed.startswith(shipped.split("+")[0] + "+")
    again = pipeline.index_documents([str(archive)], index=db, rules=rules, jobs=1)
    assert (again.extracted, again.reused) == (5, 0)
    with ClaimIndex.open(db, changed) as idx:
        stats = idx.stats()
        assert [v.current for v in stats.versions] == [True, False]
        assert idx.prune() == 5
        assert {e[0] for e in idx.entries()} == {changed}


def test_a_changed_extractor_is_a_new_version(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "index.sqlite3"
    pipeline.index_documents([str(archive)], index=db, jobs=1)
    monkeypatch.setattr(claim_index, "_code_digest", lambda: "an edited extractor")
    again = pipeline.index_documents([str(archive)], index=db, jobs=1)
    assert (again.extracted, again.reused) == (5, 0)


def test_extractor_version_hashes_the_extraction_code(monkeypatch: pytest.MonkeyPatch) -> None:
    claim_index._code_digest.cache_clear()
    digest = claim_index._code_digest()
    assert len(digest) == 64 and digest == claim_index._code_digest()
    real = Path.read_bytes

    def edited(path: Path) -> bytes:  # one line of the extractor changed
        data = real(path)
        return data + b"\n# edited" if path.name == "assemble.py" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    claim_index._code_digest.cache_clear()
    try:
        assert claim_index._code_digest() != digest
    finally:
        monkeypatch.undo()
        claim_index._code_digest.cache_clear()


def test_index_command_and_stats(archive: Path, tmp_path: Path, cli_here: Callable[..., tuple[int, str, str]]) -> None:
    db = tmp_path / "idx.sqlite3"
    code, out, err = cli_here("index", "--stats", "--index", str(db))
    assert code == 0 and "does not exist" in out and not db.exists()
    code, out, err = cli_here("index", str(archive), "--index", str(db), "-q")
    assert code == 0 and out == "" and db.exists()
    code, out, err = cli_here("index", str(archive), "--index", str(db), "--stats")
    assert code == 0
    assert "indexed 5 document(s)" in err and "0 extracted, 5 unchanged" in err
    assert "documents: 5 paths recorded, 5 with claims for this extractor" in out
    assert "entries for this extractor: 5 (" in out and "journal wal" in out
    code, out, err = cli_here("index")
    assert code == 2 and "--stats" in err


def test_default_location_is_the_user_cache(archive: Path, _cache_home: Path, cli_here: Callable[..., tuple[int, str, str]]) -> None:
    assert claim_index.default_index_path() == _cache_home / "factcheck" / "index.sqlite3"
    code, _, _ = cli_here("index", str(archive), "-q")
    assert code == 0 and (_cache_home / "factcheck" / "index.sqlite3").exists()
    code, out, _ = cli_here("run", "--corpus", str(archive), "--index", "default", "--format", "json", "-q")
    assert code == 0 and '"claims"' in out
    code, out, _ = cli_here("index", "--stats")
    assert "5 paths recorded" in out


def test_run_without_index_writes_nothing(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli_here: Callable[..., tuple[int, str, str]]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    cache = Path(str(claim_index.default_index_path())).parent.parent
    code, _, _ = cli_here("run", "--corpus", str(archive), "-q", "--jobs", "1")
    assert code in (0, 1)  # it ran (findings or none) and so had every chance to write
    code, _, _ = cli_here("extract", str(archive), "-q", "--jobs", "1")
    assert code == 0
    assert not cache.exists() and list(home.iterdir()) == []


@pytest.mark.parametrize("content", [b"this is not a database at all, just text" * 200, None])
def test_a_file_that_is_not_an_index_is_refused(tmp_path: Path, content: bytes | None, cli_here: Callable[..., tuple[int, str, str]]) -> None:
    db = tmp_path / "other.sqlite3"
    if content is None:
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
    else:
        db.write_bytes(content)
    before = db.read_bytes()
    code, out, err = cli_here("run", str(SEEDS / "drafts"), "--index", str(db), "-q")
    assert code == 2 and out == ""
    assert err.startswith("factcheck: error: ") and str(db) in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_index_is_in_wal_mode_and_keyed_by_content(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite3"
    pipeline.index_documents([str(archive)], index=db, jobs=1)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    text = (archive / "000_0938fca4ffc01957.txt").read_text(encoding="utf-8")
    doc = next(d for d in pipeline.load_inputs([str(archive / "000_0938fca4ffc01957.txt")], None, use_corpus=False).checked)
    content, published = key_for(doc.text, doc.published)
    assert content == claim_index.content_hash(doc.text) and len(content) == 64
    assert doc.text.strip() == text.strip()
    row = conn.execute("SELECT n_claims FROM extractions WHERE content = ? AND published = ?", (content, published)).fetchone()
    assert row is not None and row[0] > 0
    conn.close()


WORKER = textwrap.dedent(
    """
    import sys
    from factcheck.cli import main
    main(["index", *sys.argv[1:], "-q", "--jobs", "1"])
    """
)


def test_two_processes_update_one_index_at_once(tmp_path: Path) -> None:
    """Two real processes index different archives (and one shared document) into one
    new index file at the same moment: both succeed, the file is intact, and it holds
    both sets."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import corpus  # the benchmark's generator: a few dozen realistic articles
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    a, b = tmp_path / "a", tmp_path / "b"
    corpus.write_corpus(a, 12, seed=1)
    corpus.write_corpus(b, 12, seed=2)
    shared = (SEEDS / "000_0938fca4ffc01957.txt").read_text(encoding="utf-8")
    (a / "shared.txt").write_text(shared, encoding="utf-8")
    (b / "shared.txt").write_text(shared, encoding="utf-8")
    db = tmp_path / "shared-index.sqlite3"
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(folder), "--index", str(db)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for folder in (a, b)
    ]
    outcomes = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outcomes, strict=True):
        assert p.returncode == 0, err.decode()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    paths = {row[0] for row in conn.execute("SELECT path FROM documents")}
    assert len(paths) == 26
    assert {Path(p).parent.parent.name for p in paths if not p.endswith("shared.txt")} == {"a", "b"}
    entries = conn.execute("SELECT count(*) FROM extractions").fetchone()[0]
    distinct = conn.execute("SELECT count(DISTINCT content || published) FROM documents").fetchone()[0]
    assert entries == distinct == 25  # the shared text is one entry
    conn.close()


OPENER = textwrap.dedent(
    """
    import sys
    from factcheck.extract.index import ClaimIndex
    from factcheck.models import Claim
    claim = Claim(start=0, end=2, surface="12", value=12.0, lower=12.0, upper=12.0, qualifier="exact")
    name = sys.argv[2]
    with ClaimIndex.open(sys.argv[1], "test-version") as index:
        for k in range(40):
            index.add((f"{name}-{k}", ""), 2, [claim])
            index.flush()  # one transaction each: as many lock hand-overs as possible
            index.seen(f"/{name}/{k}", (f"{name}-{k}", ""), 2)
    """
)


def test_processes_creating_one_index_at_the_same_moment_all_succeed(tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite3"
    procs = [
        subprocess.Popen([sys.executable, "-c", OPENER, str(db), f"p{n}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for n in range(4)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    with ClaimIndex.open(db, "test-version") as index:
        assert len(index.entries()) == 160
        assert index.stats().documents == 160


def test_index_counts_a_repeated_document_once_as_extracted(tmp_path: Path, cli_here: Callable[..., tuple[int, str, str]]) -> None:
    """Two files with the same text are extracted once (syndicated copies): the summary
    must not say two extractions happened, and must add up to the documents read."""
    folder = tmp_path / "wire"
    folder.mkdir()
    story = "More than 35,000 people have been killed in Gaza, the ministry said on Monday.\n"
    (folder / "a.md").write_text(story, encoding="utf-8")
    (folder / "b.md").write_text(story, encoding="utf-8")
    (folder / "c.md").write_text("130 hostages are still held in Gaza.\n", encoding="utf-8")
    db = tmp_path / "idx.sqlite3"
    code, _, err = cli_here("index", str(folder), "--index", str(db))
    assert code == 0
    assert "indexed 3 document(s)" in err and "2 extracted, 0 unchanged, 1 copy of another document;" in err
    (folder / "d.md").write_text(story, encoding="utf-8")
    code, _, err = cli_here("index", str(folder), "--index", str(db))
    assert code == 0
    assert "indexed 4 document(s)" in err and "0 extracted, 4 unchanged;" in err
