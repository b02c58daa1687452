"""Regeneration across notes, on texts: items travel with their tick and the learner's lines."""

from __future__ import annotations

from roadvault.vault.update.item_travel import ARCHIVE_HEADING, Action, NoteVersions, regenerate
from roadvault.vault.update.note_merge import item_statuses


def note(title: str, *items: str, extra: str = "") -> str:
    lines = [f"---\nroadvault_id: rv-{title.lower()}\n---", f"# {title}", "", *items, ""]
    return "\n".join(lines) + extra + "\n## My notes\n\n"


A_OLD = note("A", "- [ ] One ^rv-one", "- [ ] Two ^rv-two", "- [ ] Three ^rv-three")
B_OLD = note("B", "- [ ] Four ^rv-four")


def test_no_change_is_unchanged_everywhere() -> None:
    mine_a = A_OLD.replace("[ ] Two", "[x] Two")
    out = regenerate(
        {"a": NoteVersions(A_OLD, mine_a, A_OLD), "b": NoteVersions(B_OLD, B_OLD, B_OLD)}
    )
    assert out["a"].action is Action.UNCHANGED and out["a"].text == mine_a
    assert out["b"].action is Action.UNCHANGED


def test_moved_item_takes_its_tick_and_notes_to_the_other_note() -> None:
    mine_a = A_OLD.replace(
        "- [ ] Two ^rv-two\n", "- [x] Two ^rv-two\n\t- learned this from the book\n"
    )
    new_a = note("A", "- [ ] One ^rv-one", "- [ ] Three ^rv-three")
    new_b = note("B", "- [ ] Four ^rv-four", "- [ ] Two ^rv-two")
    out = regenerate(
        {"a": NoteVersions(A_OLD, mine_a, new_a), "b": NoteVersions(B_OLD, B_OLD, new_b)}
    )
    assert out["a"].text == new_a
    assert "- [x] Two ^rv-two\n\t- learned this from the book\n" in out["b"].text
    assert out["b"].action is Action.UPDATE
    assert "Two" not in out["a"].text


def test_removed_ticked_item_is_archived_untouched_one_goes() -> None:
    mine_a = A_OLD.replace("[ ] Two", "[x] Two")
    new_a = note("A", "- [ ] One ^rv-one")
    out = regenerate({"a": NoteVersions(A_OLD, mine_a, new_a)})
    text = out["a"].text
    assert f"{ARCHIVE_HEADING}\n" in text
    assert "- [x] Two ^rv-two" in text
    assert "Three" not in text  # unticked and untouched: gone
    assert text.index(ARCHIVE_HEADING) < text.index("## My notes")
    # Applying the same update again changes nothing.
    again = regenerate({"a": NoteVersions(new_a, text, new_a)})
    assert again["a"].action is Action.UNCHANGED


def test_archived_item_comes_back_with_its_tick() -> None:
    archived = note("A", "- [ ] One ^rv-one").replace(
        "## My notes", f"{ARCHIVE_HEADING}\n\n- [x] Two ^rv-two\n\n## My notes"
    )
    base = note("A", "- [ ] One ^rv-one")
    new = note("A", "- [ ] One ^rv-one", "- [ ] Two ^rv-two")
    out = regenerate({"a": NoteVersions(base, archived, new)})
    assert ARCHIVE_HEADING not in out["a"].text
    assert item_statuses(out["a"].text) == {"rv-one": " ", "rv-two": "x"}


def test_note_dropped_from_roadmap_untouched_is_deleted_edited_is_kept() -> None:
    gone = regenerate({"b": NoteVersions(B_OLD, B_OLD, None)})
    assert gone["b"].action is Action.DELETE and gone["b"].text is None
    edited = B_OLD + "My thoughts.\n"
    kept = regenerate({"b": NoteVersions(B_OLD, edited, None)})
    assert kept["b"].action is Action.ARCHIVE
    assert "roadvault_status: removed" in kept["b"].text
    assert "My thoughts." in kept["b"].text


def test_merged_topics_note_goes_its_ticks_travel() -> None:
    mine_b = B_OLD.replace("[ ] Four", "[x] Four")
    new_a = note(
        "A",
        "- [ ] One ^rv-one",
        "- [ ] Two ^rv-two",
        "- [ ] Three ^rv-three",
        "- [ ] Four ^rv-four",
    )
    out = regenerate(
        {"a": NoteVersions(A_OLD, A_OLD, new_a), "b": NoteVersions(B_OLD, mine_b, None)}
    )
    assert out["b"].action is Action.DELETE
    assert item_statuses(out["a"].text)["rv-four"] == "x"


def test_learner_deleted_note_is_not_recreated_and_its_moved_in_work_is_kept() -> None:
    mine_a = A_OLD.replace("[ ] Two", "[x] Two")
    new_a = note("A", "- [ ] One ^rv-one", "- [ ] Three ^rv-three")
    new_b = note("B", "- [ ] Four ^rv-four", "- [ ] Two ^rv-two")
    out = regenerate(
        {"a": NoteVersions(A_OLD, mine_a, new_a), "b": NoteVersions(B_OLD, None, new_b)}
    )
    assert out["b"].action is Action.SKIP
    assert "- [x] Two ^rv-two" in out["a"].text  # archived where it was, not lost
    restored = regenerate(
        {"a": NoteVersions(A_OLD, mine_a, new_a), "b": NoteVersions(B_OLD, None, new_b)},
        restore=True,
    )
    assert restored["b"].action is Action.CREATE
    assert "- [x] Two ^rv-two" in restored["b"].text


def test_moved_item_reworded_by_learner_and_roadmap_is_a_conflict() -> None:
    mine_a = A_OLD.replace("- [ ] Two ^", "- [x] Two, the hard way ^")
    mine_a = mine_a.replace("Two, the hard way", "Deux")
    new_a = note("A", "- [ ] One ^rv-one", "- [ ] Three ^rv-three")
    new_b = note("B", "- [ ] Four ^rv-four", "- [ ] Two (revised) ^rv-two")
    out = regenerate(
        {"a": NoteVersions(A_OLD, mine_a, new_a), "b": NoteVersions(B_OLD, B_OLD, new_b)}
    )
    assert out["b"].action is Action.CONFLICT and out["b"].conflicts == 1
    assert (
        "<<<<<<< vault\n- [x] Deux ^rv-two\n=======\n- [x] Two (revised) ^rv-two\n>>>>>>> roadmap"
        in out["b"].text
    )


def test_state_lost_keeps_ticks_and_lines() -> None:
    mine_a = A_OLD.replace("[ ] Two", "[x] Two") + "Written by me.\n"
    new_a = note(
        "A",
        "- [ ] One ^rv-one",
        "- [ ] Two ^rv-two",
        "- [ ] Three ^rv-three",
        "- [ ] Five ^rv-five",
    )
    out = regenerate({"a": NoteVersions(None, mine_a, new_a)})
    assert item_statuses(out["a"].text) == {
        "rv-one": " ",
        "rv-two": "x",
        "rv-three": " ",
        "rv-five": " ",
    }
    assert "Written by me." in out["a"].text
    assert out["a"].conflicts == 0


def test_a_merge_that_would_repeat_an_id_is_not_written(monkeypatch) -> None:
    """The run-time invariant: whatever a merge returns, a note is never written with one
    item twice; it is left as the learner has it, and the report says why."""
    from roadvault.vault.update import item_travel
    from roadvault.vault.update.note_merge import MergeResult

    def repeating(base: str | None, mine: str, new: str) -> MergeResult:
        return MergeResult(new.replace("- [ ] Two ^rv-two", "- [ ] Two ^rv-two\n- [ ] Two ^rv-two"))

    monkeypatch.setattr(item_travel, "merge_note", repeating)
    mine_a = A_OLD.replace("[ ] Two", "[x] Two")
    new_a = A_OLD.replace("Three", "Three and more")
    out = regenerate({"a": NoteVersions(A_OLD, mine_a, new_a)})["a"]
    assert (out.action, out.text) == (Action.SKIP, mine_a)
    assert "^rv-two" in out.notes[-1]


def test_reordered_items_keep_the_own_task_under_the_ticked_one() -> None:
    mine_a = A_OLD.replace("- [ ] Two ^rv-two", "- [x] Two ^rv-two\n- [ ] my own step")
    new_a = note("A", "- [ ] Two ^rv-two", "- [ ] One ^rv-one")
    out = regenerate({"a": NoteVersions(A_OLD, mine_a, new_a)})["a"]
    assert (out.action, out.conflicts) == (Action.MERGE, 0)
    assert "- [x] Two ^rv-two\n- [ ] my own step\n- [ ] One ^rv-one\n" in (out.text or "")


def test_copies_the_learner_reworded_are_left_as_they_are() -> None:
    """Which wording is the learner's is not ours to pick: both lines stay, ticks kept."""
    mine_a = A_OLD.replace("- [ ] Two ^rv-two", "- [x] Two ^rv-two\n- [ ] Two, again ^rv-two")
    new_a = A_OLD.replace("Three", "Three and more")
    out = regenerate({"a": NoteVersions(A_OLD, mine_a, new_a)})["a"]
    assert "- [x] Two ^rv-two\n- [ ] Two, again ^rv-two\n" in (out.text or "")
