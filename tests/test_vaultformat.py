"""The vault's format as code (src/roadvault/vaultformat.py): one answer to "which paths
does roadvault look at", whoever asks — the build's listing, the progress walk, the watcher
and the temp-file cleanup."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, write_tree
from roadvault.errors import VaultError
from roadvault.fsio import remove_stale_temps, temp_token
from roadvault.parse import read_roadmap
from roadvault.progress import scan_vault
from roadvault.progress.cache import save_cache
from roadvault.progress.notes import is_note_relpath, summarize_note
from roadvault.progress.vault_scan import walk_notes
from roadvault.vault import build_fingerprint
from roadvault.vault.build import build_vault
from roadvault.vault.doctor import doctor_vault
from roadvault.vault.state import (
    list_vault,
    load_manifest,
    load_roadmap_model,
    read_disk_file,
    recover_note_paths,
)
from roadvault.vaultformat import (
    CONFIG_DIR,
    MANIFEST_RELPATH,
    PROGRESS_NOTE,
    STATE_DIR,
    model_relpath,
)
from roadvault.watch import coalesce

GO_V1 = REPO / "tests" / "golden" / "update" / "retitle" / "v1.md"
NOTE = "---\nroadvault_id: rv-abc123\n---\n- [ ] a task ^rv-t1\n"

TREE = {
    "Road/Topic.md": NOTE,
    "Road/.Hidden topic.md": NOTE.replace("rv-abc123", "rv-hid111"),
    ".Top hidden.md": NOTE.replace("rv-abc123", "rv-hid222"),
    ".obsidian/snippets/x.md": "",
    ".trash/Old.md": NOTE,
    ".git/notes.md": "",
    "Road/.drafts/Draft.md": NOTE.replace("rv-abc123", "rv-hid333"),
    PROGRESS_NOTE: "# Progress\n",
    "Top.md": "",
}


def test_listing_walk_and_watch_see_the_same_notes(tmp_path: Path) -> None:
    """Before: the build's listing kept hidden files (`.Hidden topic.md`) that progress,
    the watcher and Obsidian ignore, so a note the learner hid was still "found again" by
    its roadvault_id, and updated where nobody sees it."""
    write_tree(tmp_path, TREE)
    listed = {p for p in list_vault(tmp_path).file_relpaths if p.endswith(".md")}
    walked = set(walk_notes(tmp_path))
    assert walked == {"Road/Topic.md", "Top.md"}
    assert listed == walked | {PROGRESS_NOTE}
    watched = {
        relpath
        for relpath in TREE
        if coalesce([("modified", str(tmp_path / relpath), None, False)], root=str(tmp_path)).notes
    }
    assert watched == walked
    assert {p for p in TREE if is_note_relpath(p)} == walked
    relpaths = list_vault(tmp_path).file_relpaths
    assert recover_note_paths(functools.partial(read_disk_file, tmp_path), "", relpaths) == {
        "rv-abc123": "Road/Topic.md"
    }


def test_temp_files_a_killed_build_left_in_obsidian_settings_are_cleaned(tmp_path: Path) -> None:
    """Before: the cleanup skipped `.obsidian/`, where the build writes the template's
    files, so a temp file a killed build left there stayed for ever."""
    token = temp_token(tmp_path)
    stale = [
        f"{CONFIG_DIR}/.rv-{token}-a1.tmp",
        f"{STATE_DIR}/base/Road/.rv-{token}-b2.tmp",
        f"Road/.rv-{token}-c3.tmp",
    ]
    kept = [
        f".git/.rv-{token}-d4.tmp",  # not ours to look into
        f"{CONFIG_DIR}/.rv-draft.tmp",  # a learner's look-alike
    ]
    write_tree(tmp_path, dict.fromkeys(stale + kept, "half"))
    assert remove_stale_temps(tmp_path) == len(stale)
    assert not any((tmp_path / relpath).exists() for relpath in stale)
    assert all((tmp_path / relpath).exists() for relpath in kept)


def test_a_build_record_that_fails_to_save_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the build's fingerprint cache had its own atomic write, which left its
    `.build-*.tmp` behind in the cache folder whenever the write or the rename failed;
    the caches now share fsio's one helper (the progress cache's copy cleaned up)."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("ROADVAULT_CACHE_DIR", str(cache))
    vault = tmp_path / "vault"
    write_tree(vault, {"A.md": "a\n"})

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    build_fingerprint.remember(vault, "key", ["A.md"], [])
    save_cache(vault, {"A.md": summarize_note("- [ ] a\n")}, min_notes=0)
    assert [p.name for p in cache.iterdir() if p.name.endswith(".tmp")] == []


# --- the manifest: one reader, one cap, one wording --------------------------------------------


def _built(tmp_path: Path) -> Path:
    vault = tmp_path / "vault"
    build_vault(read_roadmap(GO_V1), vault)
    return vault


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "{not json",
        lambda text: text.replace('"format": 1', '"format": 99'),
        lambda text: text.replace('"format": 1,', ""),
        lambda text: "[]",
    ],
    ids=["not-json", "newer-format", "no-format", "a-list"],
)
def test_build_doctor_and_progress_refuse_a_damaged_manifest_in_the_same_words(
    tmp_path: Path, damage: Callable[[str], str]
) -> None:
    """Before: progress had its own loader: it read a manifest of a newer format (or of
    none) as if it were its own, and for one that is not JSON said "run `roadvault build`
    again" — a build that then refused the same file."""
    vault = _built(tmp_path)
    manifest = vault / MANIFEST_RELPATH
    manifest.write_text(damage(manifest.read_text(encoding="utf-8")), encoding="utf-8")
    errors = []
    for reader in (load_manifest, doctor_vault, scan_vault):
        with pytest.raises(VaultError) as caught:
            reader(vault)
        errors.append((str(caught.value), caught.value.hint))
    assert errors[0] == errors[1] == errors[2], errors


def test_a_manifest_over_20_mb_is_read_by_the_build_that_wrote_it(tmp_path: Path) -> None:
    """Before: progress read manifests up to 512 MiB, the build only up to 20 MiB, so a
    vault of many roadmaps got a manifest its next build refused to read."""
    vault = _built(tmp_path)
    manifest = vault / MANIFEST_RELPATH
    text = manifest.read_text(encoding="utf-8")
    padded = text.replace("{", "{" + " " * (21 * 1024 * 1024), 1)
    manifest.write_text(padded, encoding="utf-8")
    assert load_manifest(vault).roadmaps.keys() == {"learn-go-in-10-weeks"}
    assert scan_vault(vault) is not None


def test_a_model_over_20_mb_is_read_by_the_build_that_wrote_it(tmp_path: Path) -> None:
    """`roadmaps/<slug>.json` holds every node of a roadmap (~17 MB for 100,000 short
    items). Before: it was written without a limit and read back under a note's 20 MB, so
    the next build refused it at the end, after writing the notes, and every build after
    that did the same; ids were no longer carried over from it either."""
    vault = _built(tmp_path)
    path = vault / model_relpath("learn-go-in-10-weeks")
    model = json.loads(path.read_text(encoding="utf-8"))
    model["notes"] = "x" * (21 * 1024 * 1024)  # an introduction of 21 MB
    path.write_text(json.dumps(model), encoding="utf-8")
    assert load_roadmap_model(vault, "learn-go-in-10-weeks").notes == model["notes"]
    build_vault(read_roadmap(GO_V1), vault)  # rewrites the model it read back
    assert json.loads(path.read_text(encoding="utf-8"))["notes"] == ""
