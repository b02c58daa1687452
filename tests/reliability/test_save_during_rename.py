"""A learner's save that lands between the build's last look at a note and its rename: the
save is kept, the build leaves the note and says so (docs/SAFETY.md, external edits)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from roadvault.errors import ChangedMeanwhileError
from roadvault.fsio import atomic_write


def _save_in_place(path: Path, data: bytes) -> None:
    """As an editor that writes in place does: open, truncate, write."""
    with open(path, "r+b") as handle:
        handle.truncate(0)
        handle.write(data)


def test_a_save_in_place_right_after_the_last_look_is_kept(tmp_path: Path) -> None:
    note = tmp_path / "Note.md"
    note.write_bytes(b"- [ ] Syntax ^rv-aaaaaa\n")

    def still_as_planned() -> bool:
        _save_in_place(note, b"- [x] Syntax ^rv-aaaaaa\n")  # the learner ticks it just now
        return True

    with pytest.raises(ChangedMeanwhileError):
        atomic_write(
            tmp_path,
            "Note.md",
            "- [ ] Syntax ^rv-aaaaaa\n- [ ] New ^rv-bbbbbb\n",
            unchanged=still_as_planned,
        )
    assert note.read_bytes() == b"- [x] Syntax ^rv-aaaaaa\n"
    assert not list(tmp_path.glob(".rv-*"))  # no temp file left


def test_a_newer_copy_renamed_in_after_the_build_is_not_overwritten(tmp_path: Path) -> None:
    note = tmp_path / "Note.md"
    note.write_bytes(b"one\n")
    holder: dict[str, int] = {}

    def still_as_planned() -> bool:
        holder["inode"] = note.stat().st_ino
        _save_in_place(note, b"two\n")
        return True

    real_replace = os.replace

    def replace_then_sync(src: str, dst: str, **kwargs: int) -> None:
        real_replace(src, dst, **kwargs)
        if "-back" not in str(src):
            (tmp_path / "sync.part").write_bytes(b"three\n")
            real_replace(tmp_path / "sync.part", note)  # a sync tool's newer copy

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("os.replace", replace_then_sync)
        with pytest.raises(ChangedMeanwhileError):
            atomic_write(tmp_path, "Note.md", "ours\n", unchanged=still_as_planned)
    assert note.read_bytes() == b"three\n"


def test_a_write_with_nobody_saving_meanwhile_replaces_the_note(tmp_path: Path) -> None:
    note = tmp_path / "Note.md"
    note.write_bytes(b"old\n")
    atomic_write(tmp_path, "Note.md", "new\n", unchanged=lambda: True)
    assert note.read_bytes() == b"new\n"
