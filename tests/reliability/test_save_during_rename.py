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


# --- notes roadvault edits in place: the `start` property, the daily note's block ----------


def test_an_edit_in_place_is_made_again_on_a_save_that_landed_after_the_read(
    tmp_path: Path,
) -> None:
    """`fsio.edit_note` reads the note, edits it and, just before the rename, checks that the
    note still holds what it read. Before (`plan --start`, `today --daily-note`): read, then
    replaced unconditionally — a tick saved in between was undone."""
    from roadvault.fsio import edit_note

    note = tmp_path / "Note.md"
    note.write_bytes(b"- [ ] Syntax\n")
    seen: list[str] = []

    def add_line(text: str) -> str:
        seen.append(text)
        if len(seen) == 1:
            _save_in_place(note, b"- [x] Syntax\n")  # the learner ticks it meanwhile
        return text + "added\n"

    assert edit_note(tmp_path, "Note.md", add_line)
    assert seen == ["- [ ] Syntax\n", "- [x] Syntax\n"]
    assert note.read_bytes() == b"- [x] Syntax\nadded\n"


def test_an_edit_in_place_gives_up_rather_than_undo_saves(tmp_path: Path) -> None:
    from roadvault.fsio import edit_note

    note = tmp_path / "Note.md"
    note.write_bytes(b"0\n")
    saves = iter(range(1, 10))

    def edit(text: str) -> str:
        _save_in_place(note, f"{next(saves)}\n".encode())  # a save after every read
        return text + "mine\n"

    with pytest.raises(ChangedMeanwhileError):
        edit_note(tmp_path, "Note.md", edit, attempts=2)
    assert note.read_bytes() == b"2\n"
    assert not list(tmp_path.glob(".rv-*"))


def test_the_start_property_and_the_daily_note_keep_a_save_made_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from roadvault.progress import daily_note, plan_start
    from roadvault.vault import frontmatter

    roadmap = tmp_path / "Roadmap.md"
    roadmap.write_bytes(b"---\nroadvault_kind: roadmap\n---\n- [ ] A\n")
    real_set = frontmatter.set_property
    calls: list[str] = []

    def set_property_after_a_save(text: str, key: str, value: str) -> str:
        calls.append(text)
        if len(calls) == 1:
            _save_in_place(roadmap, roadmap.read_bytes().replace(b"[ ]", b"[x]"))
        return real_set(text, key, value)

    monkeypatch.setattr(frontmatter, "set_property", set_property_after_a_save)
    assert plan_start.set_start_property(tmp_path, "Roadmap.md", dt.date(2026, 3, 1))
    text = roadmap.read_text(encoding="utf-8")
    assert "start: 2026-03-01" in text
    assert "- [x] A" in text

    (tmp_path / ".obsidian").mkdir()
    (tmp_path / ".obsidian" / "daily-notes.json").write_text("{}", encoding="utf-8")
    day = tmp_path / "2026-03-14.md"
    day.write_bytes(b"# 14 March\n")
    real_block = daily_note.with_block
    blocks: list[str] = []

    def block_after_a_save(text: str, lines: list[str]) -> str:
        blocks.append(text)
        if len(blocks) == 1:
            _save_in_place(day, b"# 14 March\n\nWritten just now.\n")
        return real_block(text, lines)

    monkeypatch.setattr(daily_note, "with_block", block_after_a_save)
    daily_note.write_daily_note(tmp_path, dt.date(2026, 3, 14), ["- ![[A#^rv-aaaaaa]]"])
    assert day.read_text(encoding="utf-8") == (
        "# 14 March\n\nWritten just now.\n\n"
        f"{daily_note.BEGIN}\n- ![[A#^rv-aaaaaa]]\n{daily_note.END}\n"
    )
