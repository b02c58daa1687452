"""Attribution and totals: by block id wherever the line lives, else by the note (pure)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from progress_vaults import JOINS, MODEL, PIPE_NOTE, SLUG, manifest, notes

from conftest import examples
from roadvault.model import Status
from roadvault.progress.aggregate import Progress
from roadvault.progress.manifest import index_manifest
from roadvault.progress.notes import is_note_relpath, summarize_note

TODO, DOING, DONE, SKIPPED = range(4)


def progress_of(files: dict[str, str]) -> Progress:
    progress = Progress(index_manifest(manifest()))
    for relpath, text in sorted(files.items()):
        progress.set_note(
            relpath, summarize_note(text, need_properties=relpath not in progress.index.files)
        )
    return progress


def test_items_and_own_tasks_count_for_their_roadmap_and_phase() -> None:
    progress = progress_of(notes(rv_j1="x", rv_j2="/", rv_m1="-", rv_p1="x", own_sub=" "))
    # 8 items + the learner's subtask under rv-j1 (done: its parent is done); the task in
    # the code fence is not a task.
    assert progress.counts(SLUG) == (4, 1, 3, 1)
    assert progress.phase_totals(SLUG, "rv-ph1") == (2, 1, 2, 1)
    assert progress.phase_totals(SLUG, "rv-ph2") == (1, 0, 1, 0)
    assert progress.phase_totals(SLUG, "rv-cap") == (1, 0, 0, 0)
    assert progress.status_of("rv-j1") is Status.DONE
    assert progress.missing(SLUG) == 0


def test_a_skipped_parent_skips_its_subtree() -> None:
    progress = progress_of(notes(rv_j1="-", own_sub="x"))
    assert progress.counts(SLUG)[SKIPPED] == 2 and progress.counts(SLUG)[DONE] == 0


def test_an_item_moved_to_another_note_keeps_its_roadmap_and_phase() -> None:
    files = notes()
    files[JOINS] = files[JOINS].replace("- [ ] Window functions · 2 days ^rv-j3\n", "")
    files["Inbox.md"] = "# Inbox\n\n- [x] Window functions · 2 days ^rv-j3\n- [ ] call mum\n"
    progress = progress_of(files)
    assert progress.status_of("rv-j3") is Status.DONE
    assert progress.where("rv-j3") == "Inbox.md"
    assert progress.phase_totals(SLUG, "rv-ph1")[DONE] == 1
    # The other task of the inbox belongs to no roadmap.
    assert progress.other_counts == [1, 0, 0, 0]


def test_a_duplicated_item_counts_once_from_its_own_note() -> None:
    files = notes(rv_m1="x")
    files["Copy.md"] = "- [ ] Star schemas ^rv-m1\n"
    progress = progress_of(files)
    assert progress.status_of("rv-m1") is Status.DONE and progress.where("rv-m1") == MODEL
    assert progress.counts(SLUG)[DONE] == 1
    assert progress.other_counts == [0, 0, 0, 0]  # the copy is the item, not an own task


def test_a_renamed_topic_note_is_found_by_its_roadvault_id() -> None:
    files = notes()
    text = files.pop(MODEL) + "- [x] my extra task\n"
    files["Elsewhere/Renamed.md"] = text
    progress = progress_of(files)
    # 5 items + the subtask in Joins, + the extra task of the renamed note.
    assert progress.phase_totals(SLUG, "rv-ph1") == (6, 0, 1, 0)
    assert progress.where("rv-m2") == "Elsewhere/Renamed.md"


def test_a_note_with_only_a_roadmap_property_counts_for_that_roadmap() -> None:
    files = notes()
    files["Extra.md"] = "---\nroadmap: Data Engineering Starter\n---\n- [x] extra\n- [ ] more\n"
    progress = progress_of(files)
    # 8 items and 1 subtask to do, + the note's own "more" (todo) and "extra" (done).
    assert progress.counts(SLUG) == (10, 0, 1, 0)


def test_deleted_item_lines_are_missing_not_counted() -> None:
    files = notes()
    files[PIPE_NOTE] = files[PIPE_NOTE].replace("\t- [ ] Backfills ^rv-p2\n", "")
    progress = progress_of(files)
    assert progress.missing(SLUG) == 1
    assert progress.status_of("rv-p2") is None
    assert progress.counts(SLUG)[TODO] == 8


def test_first_items_in_roadmap_order() -> None:
    progress = progress_of(notes(rv_j1="x", rv_j3="/", rv_m2="/"))
    assert [i.id for i in progress.first_items(SLUG, Status.TODO, 3)] == ["rv-j2", "rv-m1", "rv-p1"]
    assert [i.id for i in progress.first_items(SLUG, Status.DOING, 5)] == ["rv-j3", "rv-m2"]


def test_link_names_are_file_names_unless_ambiguous() -> None:
    files = notes()
    files["Other folder/Modelling.md"] = "- [ ] a different note with the same name\n"
    files["Sub/Progress.md"] = "# a note named like Progress.md\n"
    progress = progress_of(files)
    assert progress.link_name(JOINS) == "Joins and Aggregation"
    assert progress.link_name(MODEL) == MODEL.removesuffix(".md")
    assert progress.link_name("Sub/Progress.md") == "Sub/Progress"


def test_reindex_after_a_new_manifest() -> None:
    progress = progress_of(notes(rv_j1="x"))
    data = manifest()
    data["roadmaps"][SLUG]["items"] = [
        item for item in data["roadmaps"][SLUG]["items"] if item["id"] != "rv-j1"
    ]
    changes = progress.reindex(index_manifest(data))
    # rv-j1 is no longer an item: the roadmap dropped it, so its line (kept for the record)
    # counts for nothing; the learner's own subtask under it still counts.
    assert [c.item.id for c in changes] == []
    assert progress.counts(SLUG) == (7, 0, 1, 0)
    assert progress.status_of("rv-j1") is None


def test_which_files_are_notes() -> None:
    assert is_note_relpath("A/B.md")
    for relpath in (
        "Progress.md",
        ".obsidian/x.md",
        ".trash/old.md",
        "A/.hidden.md",
        "A/.rv-1234.tmp",
        "A/B.canvas",
        "A/B (Conflicted copy laptop 202603141200).md",
        "A/B.sync-conflict-20260314-120000-ABCDEFG.md",
    ):
        assert not is_note_relpath(relpath), relpath


# --- incremental == from scratch --------------------------------------------------------------

VARIANTS = [
    None,  # the note is deleted
    "- [x] Inner and outer joins ^rv-j1\n\t- [ ] sub\n",
    "- [-] Inner and outer joins ^rv-j1\n- [/] Star schemas ^rv-m1\n",
    "- [ ] my task\n- [x] Backfills ^rv-p2\n- [x] Backfills ^rv-p2\n",
    "---\nroadvault_id: rv-t2\n---\n- [x] own\n- [/] Slowly changing dimensions ^rv-m2\n",
    "---\nroadmap: Data Engineering Starter\n---\n- [x] Capstone ^rv-cap\n",
    "```\n- [x] Capstone ^rv-cap\n```\n",
]


@settings(max_examples=examples(150))
@given(st.lists(st.tuples(st.sampled_from([JOINS, MODEL, "Inbox.md", "B/C.md"]),
                          st.sampled_from(VARIANTS)), max_size=12))  # fmt: skip
def test_updates_by_difference_match_a_recount(updates: list[tuple[str, str | None]]) -> None:
    files: dict[str, str] = dict(notes())
    live = progress_of(files)
    for relpath, text in updates:
        if text is None:
            files.pop(relpath, None)
            live.set_note(relpath, None)
        else:
            files[relpath] = text
            live.set_note(
                relpath, summarize_note(text, need_properties=relpath not in live.index.files)
            )
        fresh = progress_of(files)
        for slug in set(live.roadmap_counts) | set(fresh.roadmap_counts):
            assert live.counts(slug) == fresh.counts(slug)
        for key in set(live.phase_counts) | set(fresh.phase_counts):
            assert live.phase_totals(*key) == fresh.phase_totals(*key)
        assert live.other_counts == fresh.other_counts
        assert live.found == fresh.found
        assert live.todo_orders.get(SLUG, []) == fresh.todo_orders.get(SLUG, [])
        assert live.doing_orders.get(SLUG, []) == fresh.doing_orders.get(SLUG, [])
