"""`.roadvault/` state: a missing one is a first build, a damaged one a clear error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import write_tree
from roadvault.errors import VaultError
from roadvault.manifest import FileRecord, RoadmapRecord
from roadvault.vault.state import (
    Manifest,
    list_vault,
    load_base,
    load_manifest,
    load_roadmap_model,
    read_disk_file,
)


def test_missing_state_is_a_first_build(tmp_path: Path) -> None:
    assert load_manifest(tmp_path) == Manifest()
    assert load_base(tmp_path, "A/B.md") is None
    assert load_roadmap_model(tmp_path, "x") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "not a JSON object"),
        ('{"roadmaps": {}}', "no format version"),
        ('{"format": 99}', "newer than this roadvault"),
        ('{"format": 1, "files": []}', "damaged"),
        ('{"format": 1, "files": {"../escape.md": {}}}', "unsafe path"),
        ('{"format": 1, "files": {"/etc/passwd": {}}}', "unsafe path"),
    ],
)
def test_damaged_manifest_is_a_clear_vault_error(tmp_path: Path, text: str, message: str) -> None:
    write_tree(tmp_path, {".roadvault/manifest.json": text})
    with pytest.raises(VaultError) as caught:
        load_manifest(tmp_path)
    assert message in str(caught.value)
    assert "manifest.json" in str(caught.value)


def test_manifest_round_trips_with_sorted_keys(tmp_path: Path) -> None:
    manifest = Manifest(
        roadmaps={"b": RoadmapRecord.from_json({"folder": "B", "z": 1, "a": 2})},
        files={"X/Y.md": FileRecord("b", None, None, None, None)},
        template={},
    )
    text = manifest.to_text()
    assert text.endswith("}\n") and text.index('"files"') < text.index('"roadmaps"')
    assert Manifest.from_text(text) == manifest


def test_broken_model_falls_back_to_none(tmp_path: Path) -> None:
    write_tree(tmp_path, {".roadvault/roadmaps/x.json": "{broken"})
    assert load_roadmap_model(tmp_path, "x") is None


def test_disk_files_are_read_without_following_links(tmp_path: Path) -> None:
    write_tree(tmp_path, {"A/note.md": "\ufeffhello\r\nworld\r\n", "outside.md": "secret"})
    os.symlink(tmp_path / "outside.md", tmp_path / "A" / "link.md")
    os.symlink(tmp_path / "A", tmp_path / "Linked")
    (tmp_path / "A" / "folder.md").mkdir()
    note = read_disk_file(tmp_path, "A/note.md")
    assert note.state == "file" and note.text == "hello\nworld\n"
    assert note.note is not None and note.note.bom and note.note.newline == "\r\n"
    assert read_disk_file(tmp_path, "A/missing.md").state == "absent"
    (tmp_path / "A" / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    for relpath in ["A/link.md", "Linked/note.md", "A/folder.md", "A/note.md/x.md", "A/latin1.md"]:
        disk = read_disk_file(tmp_path, relpath)
        assert disk.state == "blocked" and disk.reason, relpath


def test_listing_skips_dot_folders_and_symlinked_folders(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"A/n.md": "", ".obsidian/app.json": "", ".trash/old.md": "", "top.md": ""}
    )
    os.symlink(tmp_path / "A", tmp_path / "B")
    listing = list_vault(tmp_path)
    assert listing.file_relpaths == ["top.md", "A/n.md"]
    assert "B" in listing.top_level


def test_file_records_round_trip_as_written() -> None:
    """The manifest's `files` entries are typed records (roadvault/manifest.py FileRecord):
    what a build wrote reads back and is written again byte for byte, the keys of a
    leftover copy included; a value of the wrong type stays visibly wrong (a damaged hash
    matches no base copy)."""
    written = {"roadmap": "r", "id": "rv-1", "kind": "topic", "phase": None, "sha256": "ab"}
    assert FileRecord.from_json(written).to_json() == written
    leftover = {**written, "leftover_of": "R/New.md", "leftover_sha256": "cd"}
    assert FileRecord.from_json(leftover).to_json() == leftover
    assert FileRecord.from_json({**written, "sha256": 5}).sha256 == "5"


def test_roadmap_records_are_typed_and_written_back_byte_for_byte() -> None:
    """The manifest's `roadmaps` entries are typed records (roadvault/manifest.py
    RoadmapRecord): the fields the build reads are typed, and the record is written back as
    it was read, keys of another roadvault version and the key order included."""
    entry = {
        "title": "Go",
        "folder": "Go",
        "source": "go.md",
        "depth": 2,
        "id": "rv-1",
        "note": "Go/Go.md",
        "canvas": "Go/Go.canvas",
        "items": [{"id": "rv-2", "title": "Channels"}, "junk"],
        "notes": {"rv-3": "Go/01 Basics/Basics.md"},
        "aliases": ["Golang"],
        "from_the_future": {"kept": True},
    }
    text = Manifest(roadmaps={"go": RoadmapRecord.from_json(entry)}).to_text()
    record = Manifest.from_text(text).roadmaps["go"]
    assert (record.folder, record.title, record.source_path, record.tag) == ("Go", "Go", None, None)
    assert record.aliases == ("Golang",) and record.notes == {"rv-3": "Go/01 Basics/Basics.md"}
    assert record.pinned == {} and len(record.items) == 2
    assert record.to_json() == entry
    assert Manifest.from_text(text).to_text() == text
