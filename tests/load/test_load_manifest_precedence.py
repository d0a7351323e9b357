"""sources.yaml manifests and metadata precedence: CLI > document's own > manifest."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.errors import MetadataError
from factcheck.load import MetadataOverrides, load_documents

FIELDS = ("title", "outlet", "published", "url")

MANIFEST_VALUES = {"title": "Manifest title", "outlet": "Manifest outlet", "published": "2024-01-01", "url": "https://manifest"}
OWN_VALUES = {"title": "Own title", "outlet": "Own outlet", "published": "2024-02-02", "url": "https://own"}
CLI_VALUES = {"title": "CLI title", "outlet": "CLI outlet", "published": date(2024, 3, 3), "url": "https://cli"}
EXPECTED = {
    "manifest": {"title": "Manifest title", "outlet": "Manifest outlet", "published": date(2024, 1, 1), "url": "https://manifest"},
    "front_matter": {"title": "Own title", "outlet": "Own outlet", "published": date(2024, 2, 2), "url": "https://own"},
    "cli": {**CLI_VALUES},
}


def write_manifest(folder, records: str) -> None:
    (folder / "sources.yaml").write_text(records, encoding="utf-8")


def manifest_record(name: str, values: dict) -> str:
    return f"- file: {name}\n" + "".join(f"  {k}: {v}\n" for k, v in values.items())


def make_story(tmp_path, own: dict):
    front = "".join(f"{k}: {v}\n" for k, v in own.items())
    text = f"---\n{front}---\nBody\n" if own else "Body\n"
    (tmp_path / "story.md").write_text(text, encoding="utf-8")
    write_manifest(tmp_path, manifest_record("story.md", MANIFEST_VALUES))


@pytest.mark.parametrize("field", FIELDS)
def test_front_matter_beats_manifest_for_each_field(tmp_path, field):
    make_story(tmp_path, {field: OWN_VALUES[field]})
    [doc] = load_documents([tmp_path])
    assert getattr(doc, field) == EXPECTED["front_matter"][field]
    assert doc.metadata_source[field] == "front_matter"
    for other in FIELDS:
        if other != field:
            assert getattr(doc, other) == EXPECTED["manifest"][other]
            assert doc.metadata_source[other] == "manifest"


@pytest.mark.parametrize("field", FIELDS)
def test_cli_beats_front_matter_and_manifest_for_each_field(tmp_path, field):
    make_story(tmp_path, OWN_VALUES)
    overrides = MetadataOverrides(**{field: CLI_VALUES[field]})
    [doc] = load_documents([tmp_path], overrides=overrides)
    assert getattr(doc, field) == EXPECTED["cli"][field]
    assert doc.metadata_source[field] == "cli"
    for other in FIELDS:
        if other != field:
            assert getattr(doc, other) == EXPECTED["front_matter"][other]


@pytest.mark.parametrize("field", FIELDS)
def test_cli_beats_manifest_for_each_field(tmp_path, field):
    make_story(tmp_path, {})
    [doc] = load_documents([tmp_path], overrides=MetadataOverrides(**{field: CLI_VALUES[field]}))
    assert getattr(doc, field) == EXPECTED["cli"][field]
    assert doc.metadata_source[field] == "cli"


def test_html_embedded_metadata_beats_manifest(tmp_path):
    (tmp_path / "p.html").write_text(
        "<title>Page title</title><meta property='article:published_time' content='2024-02-02'><p>x</p>",
        encoding="utf-8",
    )
    write_manifest(tmp_path, manifest_record("p.html", MANIFEST_VALUES))
    [doc] = load_documents([tmp_path])
    assert (doc.title, doc.published, doc.outlet) == ("Page title", date(2024, 2, 2), "Manifest outlet")
    assert doc.metadata_source == {"title": "html", "published": "html", "outlet": "manifest", "url": "manifest"}


def test_manifest_extra_fields_are_kept_and_manifest_is_not_a_document(tmp_path):
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    write_manifest(tmp_path, "- file: a.txt\n  published: 2024-03-26\n  date_confidence: inferred  # note\n  desk: world\n")
    docs = load_documents([tmp_path])
    assert [d.path for d in docs] == [f"{tmp_path}/a.txt"]
    assert docs[0].extra == {"date_confidence": "inferred", "desk": "world"}


def test_manifest_naming_missing_file_warns_and_continues(tmp_path, warnings):
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    write_manifest(tmp_path, "- file: a.txt\n  title: A\n- file: gone.txt\n  title: Gone\n")
    docs = load_documents([tmp_path], warn=warnings)
    assert [d.title for d in docs] == ["A"]
    assert len(warnings) == 1
    assert "gone.txt" in warnings[0] and "does not exist" in warnings[0]
    assert warnings[0].startswith(f"{tmp_path}/sources.yaml:3:")


def test_malformed_manifest_is_metadata_error_with_line_and_column(tmp_path):
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    write_manifest(tmp_path, "- file: a.txt\n  title: [oops\n")
    with pytest.raises(MetadataError) as exc:
        load_documents([tmp_path])
    loc = exc.value.location
    assert loc.path == f"{tmp_path}/sources.yaml" and loc.line is not None and loc.column is not None


@pytest.mark.parametrize(
    "manifest, line, message",
    [
        ("file: a.txt\n", 1, "must be a list"),
        ("- a.txt\n", 1, "mapping with a 'file' key"),
        ("- title: no file\n", 1, "needs 'file'"),
        ("- file: a.txt\n- file: ./a.txt\n", 2, "listed twice"),
        ("- file: a.txt\n  published: 03/26/2024\n", 2, "YYYY-MM-DD"),
    ],
)
def test_manifest_structure_errors_point_at_the_record(tmp_path, manifest, line, message):
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    write_manifest(tmp_path, manifest)
    with pytest.raises(MetadataError, match=message) as exc:
        load_documents([tmp_path])
    assert exc.value.location.line == line


def test_nested_manifest_applies_to_its_folder_and_overrides_parent(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("X", encoding="utf-8")
    write_manifest(tmp_path, "- file: sub/x.txt\n  title: Parent\n  outlet: Parent outlet\n")
    write_manifest(tmp_path / "sub", "- file: x.txt\n  title: Child\n")
    [doc] = load_documents([tmp_path])
    assert (doc.title, doc.outlet) == ("Child", "Parent outlet")


def test_single_file_uses_the_manifest_next_to_it(tmp_path, warnings):
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    write_manifest(tmp_path, "- file: a.txt\n  published: 2024-03-26\n- file: other.txt\n")
    [doc] = load_documents([tmp_path / "a.txt"], warn=warnings)
    assert doc.published == date(2024, 3, 26) and doc.metadata_source == {"published": "manifest"}
    assert not warnings  # other records of the manifest are not this load's business


def test_document_without_any_date_is_still_returned(tmp_path):
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    [doc] = load_documents([tmp_path])
    assert doc.published is None and doc.metadata_source == {}
