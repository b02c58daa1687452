"""Planning: every file gets exactly one action, decided before anything is written."""

from __future__ import annotations

from roadvault.fsio import decode_note
from roadvault.manifest import FileRecord
from roadvault.vault.plan import Generated, plan_canvas, plan_files
from roadvault.vault.state import ABSENT, DiskFile, sha256_text
from roadvault.vault.update.item_travel import Action

BASE = (
    "---\nroadvault_id: rv-topic1\n---\n# Topic\n\n## Checklist\n"
    "- [ ] One ^rv-one111\n- [ ] Two ^rv-two222\n\n## My notes\n"
)
NEW = BASE.replace("- [ ] Two ^rv-two222", "- [ ] Two, renamed ^rv-two222")
PATH = "R/01 P/Topic.md"
TOPIC_RECORD = FileRecord(None, None, "topic", None, None)


def on_disk(text: str, *, writable: bool = True, crlf: bool = False, bom: bool = False) -> DiskFile:
    raw = text.replace("\n", "\r\n") if crlf else text
    data = (b"\xef\xbb\xbf" if bom else b"") + raw.encode()
    return DiskFile("file", note=decode_note(data), raw=data, writable=writable)


def plan_one(disk: DiskFile, base: str | None, new: str = NEW, previous: bool = True):
    generated = [Generated(PATH, new, "topic", "rv-topic1", "rv-phase1")]
    records = {PATH: FileRecord("r", "rv-topic1", "topic", None, None)} if previous else {}
    plan = plan_files(generated, {PATH: disk}, {PATH: base}, records, slug="r")
    assert len(plan.files) == 1
    return plan.files[0]


def test_first_build_creates() -> None:
    planned = plan_one(ABSENT, None, previous=False)
    assert planned.action is Action.CREATE
    assert planned.data == NEW.encode() and not planned.fsync
    assert planned.base_after == NEW
    assert planned.record == FileRecord("r", "rv-topic1", "topic", "rv-phase1", sha256_text(NEW))


def test_nothing_new_is_unchanged_and_writes_nothing() -> None:
    planned = plan_one(on_disk(NEW), NEW)
    assert planned.action is Action.UNCHANGED and planned.data is None


def test_untouched_note_is_updated_with_fsync() -> None:
    planned = plan_one(on_disk(BASE), BASE)
    assert planned.action is Action.UPDATE
    assert planned.data == NEW.encode() and planned.fsync


def test_learner_lines_and_ticks_are_merged_in() -> None:
    mine = BASE.replace("- [ ] One", "- [x] One") + "my line\n"
    planned = plan_one(on_disk(mine), BASE)
    assert planned.action is Action.MERGE
    assert planned.after is not None
    assert "- [x] One ^rv-one111" in planned.after and "Two, renamed" in planned.after
    assert planned.after.endswith("my line\n")
    assert planned.base_after == NEW  # the base is what roadvault generated, not the merge


def test_both_changed_the_same_line_is_a_conflict() -> None:
    mine = BASE.replace("# Topic", "# My topic")
    new = BASE.replace("# Topic", "# Their topic")
    planned = plan_one(on_disk(mine), BASE, new)
    assert planned.action is Action.CONFLICT and planned.conflicts == 1
    assert planned.after is not None and "<<<<<<< vault" in planned.after


def test_deleted_by_the_learner_is_not_recreated_and_stays_recorded() -> None:
    planned = plan_one(ABSENT, BASE)
    assert planned.action is Action.SKIP and planned.data is None
    assert planned.base_after == BASE and planned.record is not None


def test_blocked_and_read_only_files_are_skipped_with_a_reason() -> None:
    blocked = plan_one(DiskFile("blocked", reason="is a symlink"), None, previous=False)
    assert blocked.action is Action.SKIP and blocked.notes == ["is a symlink"]
    assert blocked.record is None
    read_only = plan_one(on_disk(BASE, writable=False), BASE)
    assert read_only.action is Action.SKIP and read_only.data is None
    assert "read-only" in read_only.notes[0] and read_only.base_after == BASE


def test_line_ends_and_bom_of_the_learners_file_are_kept() -> None:
    planned = plan_one(on_disk(BASE, crlf=True, bom=True), BASE)
    assert planned.data == b"\xef\xbb\xbf" + NEW.replace("\n", "\r\n").encode()


def test_a_note_whose_folder_moved_is_written_there_and_the_old_one_deleted() -> None:
    old = "R/02 P/Topic.md"
    mine = BASE + "my line\n"
    generated = [Generated(PATH, BASE, "topic", "rv-topic1", "rv-phase1")]
    plan = plan_files(
        generated,
        {PATH: ABSENT, old: on_disk(mine)},
        {PATH: None, old: BASE},
        {old: FileRecord("r", "rv-topic1", "topic", None, None)},
        slug="r",
        moves={PATH: old},
    )
    moved, deleted = plan.files
    assert moved.relpath == PATH and moved.moved_from == old and moved.after == mine
    assert moved.data == mine.encode()
    assert deleted.action is Action.DELETE and deleted.relpath == old
    assert deleted.moved_to == PATH and deleted.expect == mine.encode()


def test_notes_no_longer_generated_go_only_when_untouched() -> None:
    gone, kept = "R/01 P/Gone.md", "R/01 P/Kept.md"
    worked = BASE.replace("- [ ] One", "- [x] One")
    plan = plan_files(
        [],
        {gone: on_disk(BASE), kept: on_disk(worked)},
        {gone: BASE, kept: BASE},
        {gone: TOPIC_RECORD, kept: TOPIC_RECORD},
        slug="r",
    )
    by_path = {planned.relpath: planned for planned in plan.files}
    assert by_path[gone].action is Action.DELETE and by_path[gone].record is None
    assert by_path[kept].action is Action.ARCHIVE
    assert "roadvault_status: removed" in (by_path[kept].after or "")
    assert by_path[kept].record == TOPIC_RECORD


CANVAS = '{\n  "nodes": [],\n  "edges": []\n}\n'


def test_canvas_is_replaced_only_while_it_is_ours() -> None:
    generated = Generated("R/R.canvas", CANVAS.replace("[]", '[{"id": "x"}]', 1), "canvas", "rv-r")
    reindented = on_disk('{"nodes":[],"edges":[]}')
    assert plan_canvas(generated, reindented, CANVAS, slug="r").action is Action.UPDATE
    rearranged = on_disk('{"nodes":[{"id":"mine"}],"edges":[]}')
    skipped = plan_canvas(generated, rearranged, CANVAS, slug="r")
    assert skipped.action is Action.SKIP and "changed the map" in skipped.notes[0]
    assert plan_canvas(generated, ABSENT, CANVAS, slug="r").action is Action.SKIP
    assert plan_canvas(generated, ABSENT, None, slug="r").action is Action.CREATE
