"""A save that lands in a note's old file after the build replaced it (docs/SAFETY.md, §2
and "Known issues").

An editor that opened a note for writing before the build renamed the new version over it,
and writes only after the build's look at the old file right after the rename, writes into
the replaced (unlinked) file. The build holds the old files it replaced open until the end
of its apply step and looks at each once more there: such a save is folded into the new note
by the build's three-way merge (base: what the old file held; mine: the save; new: what the
build wrote), or, when that cannot be done cleanly, the save is put back whole and the note
reported — never dropped.

No sleeping: the editor's write is made from a hook at the exact moment after the build's
look at the old file that follows the rename (`fsio._read_whole` reading the old inode).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from roadvault import fsio
from roadvault.parse import parse_roadmap
from roadvault.vault import build_vault
from roadvault.vault.build import BuildReport

from .scenario import PYTHON, ROADMAP_V1, ROADMAP_V2, do_learner_work, item_ids, lost_work


class LateEditor:
    """An editor with `relpath` open for writing since just before the build's rename (it
    holds the old inode), which writes `change(old text)` in place (truncate, write) right
    after the build's look at that old file that follows the rename."""

    def __init__(
        self,
        vault: Path,
        relpath: str,
        change: Callable[[str], str],
        then: Callable[[Path], None] | None = None,
    ) -> None:
        self.path = vault / relpath
        self.change = change
        self.then = then  # what happens next (a sync tool's copy renamed over the note)
        self.handle = None
        self.old_inode: int | None = None
        self.wrote: bytes | None = None

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_replace, real_read = os.replace, fsio._read_whole

        def replace(src, dst, **kwargs) -> None:
            if self.handle is None and self.wrote is None and self._is_our_note(dst, kwargs):
                self.handle = open(self.path, "r+b")  # noqa: SIM115 - closed in read()
                self.old_inode = os.fstat(self.handle.fileno()).st_ino
            real_replace(src, dst, **kwargs)

        def read(fd: int) -> bytes:
            data = real_read(fd)
            ours = self.handle is not None and os.fstat(fd).st_ino == self.old_inode
            if ours and os.stat(self.path).st_ino != self.old_inode:  # after the rename
                self._write_now()
            return data

        monkeypatch.setattr("roadvault.fsio.os.replace", replace)
        monkeypatch.setattr(fsio, "_read_whole", read)

    def _is_our_note(self, dst: object, kwargs: dict) -> bool:
        if "dst_dir_fd" in kwargs:
            try:
                here = os.stat(dst, dir_fd=kwargs["dst_dir_fd"], follow_symlinks=False)
            except FileNotFoundError:
                return False
            return os.path.samestat(here, os.stat(self.path))
        return Path(dst) == self.path

    def _write_now(self) -> None:
        handle, self.handle = self.handle, None
        assert handle is not None
        old = handle.read().decode("utf-8")
        self.wrote = self.change(old).encode("utf-8")
        handle.seek(0)
        handle.truncate(0)
        handle.write(self.wrote)
        handle.close()
        if self.then is not None:
            self.then(self.path)


def _rebuild_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[str], str]
) -> tuple[Path, LateEditor, BuildReport]:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    editor = LateEditor(vault, PYTHON, change)
    with monkeypatch.context() as patch:
        editor.install(patch)
        report = build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    assert editor.wrote is not None, "the hook never ran: the build did not replace the note"
    return vault, editor, report


def _entry(report: BuildReport, relpath: str):
    return next(planned for planned in report.files if planned.relpath == relpath)


def test_a_save_into_the_replaced_note_after_the_last_look_is_folded_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The learner ticks "Classes" and writes a line, in the old file, after the build's
    look: both end up in the new note, beside the roadmap's update. Before the fix the save
    went into the unlinked file and was lost (the tick came back `[ ]`)."""

    def tick_classes(text: str) -> str:
        return text.replace("- [ ] Classes", "- [x] Classes") + "Written late (learner).\n"

    vault, _, report = _rebuild_with(tmp_path, monkeypatch, tick_classes)
    text = (vault / PYTHON).read_text(encoding="utf-8")
    marks = {title: mark for mark, title in item_ids(text).values()}
    assert marks.get("Classes") == "x", text  # the late save is in
    assert "Written late (learner)." in text
    assert "Decorators" in marks and "Functions and closures" in marks, text  # and the update
    assert "<<<<<<<" not in text
    python = _entry(report, PYTHON)
    assert python.after == text.replace("\r\n", "\n")

    again = build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    assert (vault / PYTHON).read_text(encoding="utf-8") == text  # recorded: nothing to redo
    assert not again.conflicts


def test_a_late_save_that_cannot_be_merged_is_put_back_whole_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The late save rewords the very item the roadmap renamed ("Functions"): no clean
    merge. The save goes back whole (the build's update of this note waits for the next
    build) and the note is reported as changed meanwhile."""
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    work = do_learner_work(vault)  # ticks Functions, writes under it

    def rename_functions(text: str) -> str:
        return text.replace("] Functions ^", "] Closures first ^")

    editor = LateEditor(vault, PYTHON, rename_functions)
    with monkeypatch.context() as patch:
        editor.install(patch)
        report = build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    assert editor.wrote is not None
    assert (vault / PYTHON).read_bytes() == editor.wrote
    python = _entry(report, PYTHON)
    assert python.notes and "changed while roadvault was building" in python.notes[0]
    assert not lost_work(vault, work), lost_work(vault, work)

    build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)  # the next run merges
    text = (vault / PYTHON).read_text(encoding="utf-8")
    assert "Closures first" in text and "Decorators" in text
    assert not lost_work(vault, work), lost_work(vault, work)


def test_a_late_save_is_kept_aside_when_someone_wrote_the_note_after_the_build_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the late save, a sync tool renames its own copy over the note, with the item
    reworded its way: the late save (the item reworded another way) can be neither merged
    nor put back (that would undo the sync tool's copy). It is kept under
    `.roadvault/late-saves/` and the note reported; the sync tool's copy stands."""
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    synced: list[bytes] = []

    def sync_tool(path: Path) -> None:
        text = path.read_text(encoding="utf-8").replace("] Syntax ^", "] Core syntax ^")
        synced.append(text.encode("utf-8"))
        incoming = path.with_name(".sync.part")
        incoming.write_bytes(synced[0])
        os.rename(incoming, path)

    def reword(text: str) -> str:
        return text.replace("] Syntax ^", "] Grammar ^")

    editor = LateEditor(vault, PYTHON, reword, then=sync_tool)
    with monkeypatch.context() as patch:
        editor.install(patch)
        report = build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    assert editor.wrote is not None and synced
    assert (vault / PYTHON).read_bytes() == synced[0]
    kept = list((vault / ".roadvault" / "late-saves").rglob("Python.*.md"))
    assert [path.read_bytes() for path in kept] == [editor.wrote]
    python = _entry(report, PYTHON)
    assert any("late-saves" in note for note in python.notes), python.notes


def test_a_late_save_is_merged_into_a_copy_renamed_in_after_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same, with changes that do not clash: the late save is merged into the sync
    tool's copy (which is not overwritten: both changes are in)."""
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)

    def sync_tool(path: Path) -> None:
        incoming = path.with_name(".sync.part")
        incoming.write_bytes(path.read_bytes() + b"A line from the other device.\n")
        os.rename(incoming, path)

    def tick(text: str) -> str:
        return text.replace("- [ ] Classes", "- [x] Classes")

    editor = LateEditor(vault, PYTHON, tick, then=sync_tool)
    with monkeypatch.context() as patch:
        editor.install(patch)
        build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    text = (vault / PYTHON).read_text(encoding="utf-8")
    assert "- [x] Classes" in text and "A line from the other device." in text
    assert "Decorators" in text and not (vault / ".roadvault" / "late-saves").exists()


def test_few_replaced_files_are_held_open_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for one held file, the oldest is looked at (and closed) as the next is
    taken: a late save in it is still folded in, and no more than two are ever open."""
    from roadvault.vault import apply

    monkeypatch.setattr(apply, "max_held", lambda: 1)
    open_now: list[int] = []
    most = [0]
    real_init, real_close = fsio.ReplacedFile.__init__, fsio.ReplacedFile.close

    def init(self, *args, **kwargs) -> None:
        real_init(self, *args, **kwargs)
        open_now.append(self.fd)
        most[0] = max(most[0], len(open_now))

    def close(self) -> None:
        if self.fd in open_now:
            open_now.remove(self.fd)
        real_close(self)

    monkeypatch.setattr(fsio.ReplacedFile, "__init__", init)
    monkeypatch.setattr(fsio.ReplacedFile, "close", close)

    def tick_classes(text: str) -> str:
        return text.replace("- [ ] Classes", "- [x] Classes")

    vault, _, report = _rebuild_with(tmp_path, monkeypatch, tick_classes)
    text = (vault / PYTHON).read_text(encoding="utf-8")
    assert "- [x] Classes" in text and "Decorators" in text
    replaced = [p for p in report.files if p.writes and p.before is not None]
    assert len(replaced) >= 3  # enough notes replaced for the limit to matter
    assert most[0] <= 2 and not open_now


def test_at_most_an_eighth_of_the_descriptors_are_held() -> None:
    import resource

    from roadvault.vault import apply

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    limit = apply.max_held()
    assert 4 <= limit <= apply.MAX_HELD
    if soft != resource.RLIM_INFINITY:
        assert limit <= max(4, soft // 8)


# --- notes the build deletes: a moved note's old copy, a note no longer in the roadmap ------


class LateEditorAtUnlink(LateEditor):
    """As `LateEditor`, for a note the build deletes: opened just before the unlink, written
    right after it."""

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_unlink = os.unlink

        def unlink(name, **kwargs) -> None:
            ours = self.wrote is None and self._is_our_note(name, kwargs)
            if ours:
                self.handle = open(self.path, "r+b")  # noqa: SIM115 - closed in _write_now
            real_unlink(name, **kwargs)
            if ours:
                self._write_now()

        monkeypatch.setattr("roadvault.fsio.os.unlink", unlink)

    def _is_our_note(self, dst: object, kwargs: dict) -> bool:
        kwargs = {"dst_dir_fd": kwargs["dir_fd"]} if "dir_fd" in kwargs else {}
        return super()._is_our_note(dst, kwargs)


def test_a_save_into_a_moved_notes_old_copy_is_folded_into_its_new_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Phases reordered: the notes move to other folders (new copy written, old copy
    deleted). A tick saved into the old copy after its deletion lands in the new copy."""
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    reordered = "# Study Plan\n\n" + "## Advanced\n" + ROADMAP_V1.split("## Advanced\n")[1]
    reordered += "\n" + ROADMAP_V1.split("# Study Plan\n\n")[1].split("## Advanced\n")[0]
    editor = LateEditorAtUnlink(
        vault, PYTHON, lambda text: text.replace("- [ ] Classes", "- [x] Classes")
    )
    with monkeypatch.context() as patch:
        editor.install(patch)
        report = build_vault(parse_roadmap(reordered, source="plan.md"), vault)
    assert editor.wrote is not None, "the old copy was not deleted"
    moved = next(p for p in report.files if p.relpath.endswith("/Python.md") and p.writes)
    assert moved.relpath != PYTHON and not (vault / PYTHON).exists()
    text = (vault / moved.relpath).read_text(encoding="utf-8")
    assert "- [x] Classes" in text, text


def test_a_save_into_a_removed_note_brings_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A topic gone from the roadmap: its untouched note is deleted. A tick saved into it
    after the deletion brings it back with the tick; the next build keeps the tick."""
    from .scenario import CAPSTONE

    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    without = ROADMAP_V1.replace("### Capstone\n\n- [ ] Project\n", "")
    editor = LateEditorAtUnlink(
        vault, CAPSTONE, lambda text: text.replace("- [ ] Project", "- [x] Project")
    )
    with monkeypatch.context() as patch:
        editor.install(patch)
        report = build_vault(parse_roadmap(without, source="plan.md"), vault)
    assert editor.wrote is not None, "the note was not deleted"
    assert (vault / CAPSTONE).read_bytes() == editor.wrote
    assert "changed while roadvault was building" in _entry(report, CAPSTONE).notes[0]

    build_vault(parse_roadmap(without, source="plan.md"), vault)
    kept = [
        line
        for line in (vault / "Study Plan").rglob("*.md")
        if "[x] Project" in line.read_text(encoding="utf-8")
    ]
    assert kept, "the tick saved into the deleted note is gone"


# --- a save caught half way at the last look ------------------------------------------------


class HalfWayEditor(LateEditor):
    """Truncates the old file right after the build's look and writes its bytes only when
    the build pauses to read it again (`ReplacedFile.late_save`), or never (`finish`)."""

    def __init__(self, *args, finish: float, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.finish = finish  # the share of its bytes it writes at the pause
        self.rest: tuple | None = None

    def _write_now(self) -> None:
        handle, self.handle = self.handle, None
        assert handle is not None
        self.wrote = self.change(handle.read().decode("utf-8")).encode("utf-8")
        handle.seek(0)
        handle.truncate(0)
        handle.flush()
        self.rest = (handle, self.wrote)

    def pause(self, seconds: float) -> None:
        if self.rest is not None:
            handle, data = self.rest
            self.rest = None
            handle.write(data[: int(len(data) * self.finish)])
            handle.close()


@pytest.mark.parametrize(
    "finish", [1.0, 0.0, 0.5], ids=["then-written", "left-empty", "left-half-written"]
)
def test_a_save_caught_between_its_truncate_and_its_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, finish: float
) -> None:
    """The last look finds the old file empty: it reads again after a pause, and folds in
    the save written meanwhile. A file still empty (or cut within a line) is no save to fold
    in (the note is not emptied): it stays as the build wrote it, and the report says to
    check it."""
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    editor = HalfWayEditor(
        vault, PYTHON, lambda text: text.replace("- [ ] Classes", "- [x] Classes"), finish=finish
    )
    from roadvault.vault import apply

    with monkeypatch.context() as patch:
        editor.install(patch)
        patch.setattr(apply, "HOLD_SECONDS", 0.0)  # the only pause: the read again
        patch.setattr("roadvault.fsio.time.sleep", editor.pause)
        report = build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    assert editor.wrote is not None and editor.rest is None
    text = (vault / PYTHON).read_text(encoding="utf-8")
    assert "Decorators" in text
    assert ("- [x] Classes" in text) is (finish == 1.0)
    if finish < 1.0:
        python = _entry(report, PYTHON)
        assert any("check it" in note for note in python.notes)
        assert text == python.after  # as the build wrote it: no line deleted


def test_a_late_tick_on_an_item_the_update_moves_to_another_note_is_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The update moves "Classes" from Python.md to Tools.md; the late save ticks it in
    Python.md's old file. Python.md's new text has no "Classes" line to take the tick, and a
    fold into one note cannot carry it to the other: the save goes back whole (reported),
    and the next build carries the tick over as it does for any learner's save."""
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    moved = ROADMAP_V1.replace("- [ ] Classes\n", "").replace(
        "- [ ] Shell\n", "- [ ] Shell\n- [ ] Classes\n"
    )
    editor = LateEditor(vault, PYTHON, lambda text: text.replace("- [ ] Classes", "- [x] Classes"))
    with monkeypatch.context() as patch:
        editor.install(patch)
        report = build_vault(parse_roadmap(moved, source="plan.md"), vault)
    assert editor.wrote is not None

    def ticked_classes() -> list[str]:
        return [
            str(path.relative_to(vault))
            for path in (vault / "Study Plan").rglob("*.md")
            if any(
                title == "Classes" and mark == "x"
                for mark, title in item_ids(path.read_text(encoding="utf-8")).values()
            )
        ]

    assert ticked_classes(), "the late tick was dropped"
    assert "changed while roadvault was building" in _entry(report, PYTHON).notes[0]
    build_vault(parse_roadmap(moved, source="plan.md"), vault)
    assert ticked_classes() == ["Study Plan/01 Basics/Tools.md"]
