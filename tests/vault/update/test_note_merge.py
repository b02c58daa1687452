"""The per-note three-way merge: ticks by block id, owned keys only, merge3 with a finer
look at conflicts."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from roadvault.obsidian.conflicts import CONFLICT_END, CONFLICT_MID, CONFLICT_START
from roadvault.obsidian.frontmatter import split_front_matter
from roadvault.vault.update.note_merge import (
    block_id_counts,
    count_conflicts,
    item_statuses,
    merge_front_matter,
    merge_note,
    merge_texts,
    repeated_block_ids,
)

FRONT = """---
roadvault_id: rv-topic1
roadvault_kind: topic
roadmap: Test Roadmap
up: "[[Phase One]]"
duration: 3 weeks
tags:
  - roadmap/test-roadmap
  - roadvault/topic
---
"""

BODY = """# Linear Algebra

- [ ] Vectors ^rv-aaaaa1
- [ ] Matrices ^rv-aaaaa2
- [ ] Eigenvalues ^rv-aaaaa3

## Resources
- [A book](https://example.org/book)

## My notes

"""

BASE = FRONT + BODY


def test_untouched_note_takes_the_new_rendering() -> None:
    new = BASE.replace("Matrices", "Matrices and tensors")
    assert merge_note(BASE, BASE, new).text == new


def test_tick_survives_a_rename_of_the_same_line() -> None:
    mine = BASE.replace("- [ ] Matrices", "- [x] Matrices")
    new = BASE.replace("Matrices ^", "Matrices and tensors ^")
    result = merge_note(BASE, mine, new)
    assert "- [x] Matrices and tensors ^rv-aaaaa2" in result.text
    assert result.conflicts == 0


def test_tasks_plugin_done_date_is_kept_on_a_renamed_line() -> None:
    mine = BASE.replace("- [ ] Vectors ^", "- [x] Vectors ✅ 2026-11-20 ^")
    new = BASE.replace("Vectors ^", "Vectors and spaces ^")
    result = merge_note(BASE, mine, new)
    assert "- [x] Vectors and spaces ✅ 2026-11-20 ^rv-aaaaa1" in result.text
    assert result.conflicts == 0


def test_roadmap_status_change_comes_in_when_the_learner_left_it() -> None:
    new = BASE.replace("- [ ] Eigenvalues", "- [x] Eigenvalues")
    mine = BASE.replace("- [ ] Vectors", "- [/] Vectors")
    result = merge_note(BASE, mine, new)
    assert item_statuses(result.text) == {"rv-aaaaa1": "/", "rv-aaaaa2": " ", "rv-aaaaa3": "x"}


def test_learner_untick_beats_roadmap() -> None:
    base = BASE.replace("- [ ] Vectors", "- [x] Vectors")
    mine = BASE  # the learner unticked it
    new = base.replace("Eigenvalues", "Eigenvalues and eigenvectors")
    result = merge_note(base, mine, new)
    assert item_statuses(result.text)["rv-aaaaa1"] == " "


def test_learner_lines_next_to_a_changed_line_do_not_conflict() -> None:
    mine = BASE.replace(
        "- [ ] Matrices ^rv-aaaaa2\n", "- [ ] Matrices ^rv-aaaaa2\n\t- my own note on matrices\n"
    )
    new = BASE.replace("Eigenvalues ^", "Eigenvalues and eigenvectors ^")
    result = merge_note(BASE, mine, new)
    assert result.conflicts == 0
    assert "\t- my own note on matrices\n- [ ] Eigenvalues and eigenvectors" in result.text


def test_both_adding_at_one_place_keeps_both_learner_first() -> None:
    mine = BASE.replace("^rv-aaaaa3\n", "^rv-aaaaa3\n- [ ] my own task\n")
    new = BASE.replace("^rv-aaaaa3\n", "^rv-aaaaa3\n- [ ] SVD ^rv-aaaaa4\n")
    result = merge_note(BASE, mine, new)
    assert result.conflicts == 0
    assert "^rv-aaaaa3\n- [ ] my own task\n- [ ] SVD ^rv-aaaaa4\n" in result.text


def test_same_line_changed_by_both_is_a_labelled_conflict() -> None:
    mine = BASE.replace("- [ ] Matrices ^", "- [ ] Matrix basics ^")
    new = BASE.replace("- [ ] Matrices ^", "- [ ] Matrix algebra ^")
    result = merge_note(BASE, mine, new)
    assert result.conflicts == 1
    assert (
        f"{CONFLICT_START}\n- [ ] Matrix basics ^rv-aaaaa2\n{CONFLICT_MID}\n"
        f"- [ ] Matrix algebra ^rv-aaaaa2\n{CONFLICT_END}\n"
    ) in result.text
    assert count_conflicts(result.text) == 1


def test_my_notes_text_survives_a_restructured_checklist() -> None:
    mine = BASE + "Eigenvectors are directions a matrix only stretches.\n"
    new = BASE.replace(
        "- [ ] Eigenvalues ^rv-aaaaa3\n", "- [ ] SVD ^rv-aaaaa4\n- [ ] Eigenvalues ^rv-aaaaa3\n"
    ).replace("## Resources\n", "## Resources\n- [Video](https://example.org/v)\n")
    result = merge_note(BASE, mine, new)
    assert result.conflicts == 0
    assert result.text.endswith("Eigenvectors are directions a matrix only stretches.\n")
    assert "- [ ] SVD ^rv-aaaaa4" in result.text and "[Video]" in result.text


# --- front matter -------------------------------------------------------------------------


def test_learner_keys_order_and_comments_stay_byte_for_byte() -> None:
    mine_front = FRONT.replace(
        "duration: 3 weeks\n", "duration: 3 weeks\nrating: 5  # loved it\nstarted: 2026-11-01\n"
    )
    new_front = FRONT.replace("3 weeks", "4 weeks")
    merged, remarks = merge_front_matter(FRONT, mine_front, new_front)
    assert merged == mine_front.replace("3 weeks", "4 weeks")
    assert remarks == []


def test_owned_key_changed_by_both_keeps_learner_value_and_says_so() -> None:
    mine_front = FRONT.replace("3 weeks", "5 weeks")
    new_front = FRONT.replace("3 weeks", "4 weeks")
    merged, remarks = merge_front_matter(FRONT, mine_front, new_front)
    assert "duration: 5 weeks" in merged
    assert remarks and "duration" in remarks[0] and "4 weeks" in remarks[0]


def test_learner_tags_are_merged_with_new_tags() -> None:
    mine_front = FRONT.replace("  - roadvault/topic\n", "  - roadvault/topic\n  - favourite\n")
    new_front = FRONT.replace("roadmap/test-roadmap", "roadmap/test-roadmap-v2")
    merged, _ = merge_front_matter(FRONT, mine_front, new_front)
    tags = yaml.safe_load(merged.strip("-\n").replace("\n---", ""))["tags"]
    assert tags == ["roadmap/test-roadmap-v2", "roadvault/topic", "favourite"]


def test_new_owned_key_is_inserted_after_the_owned_block() -> None:
    mine_front = FRONT.replace("---\n", "---\nmy_key: 1\n", 1)
    new_front = FRONT.replace("duration: 3 weeks\n", "duration: 3 weeks\nplanned_days: [21, 21]\n")
    merged, _ = merge_front_matter(FRONT, mine_front, new_front)
    data = yaml.safe_load(split_front_matter(merged + "x")[0].strip("-\n").rsplit("\n---", 1)[0])
    assert data["planned_days"] == [21, 21] and data["my_key"] == 1
    assert merged.startswith("---\nmy_key: 1\n")


# --- no record of the last build ------------------------------------------------------------


def test_without_base_ticks_and_learner_lines_are_kept() -> None:
    mine = (
        BASE.replace("- [ ] Vectors", "- [x] Vectors") + "My summary of the chapter.\n"
    ).replace("## Resources\n", "## Resources\n- [My own link](https://example.org/mine)\n")
    new = BASE.replace("Matrices ^", "Matrices and tensors ^")
    result = merge_note(None, mine, new)
    assert "- [x] Vectors ^rv-aaaaa1" in result.text
    assert "- [ ] Matrices and tensors ^rv-aaaaa2" in result.text
    assert "- [ ] Matrices ^rv-aaaaa2" not in result.text  # the old wording is not duplicated
    assert "My summary of the chapter." in result.text
    assert "[My own link]" in result.text
    assert result.conflicts == 0


# --- laws ---------------------------------------------------------------------------------

LINES = st.lists(
    st.sampled_from(
        ["# T\n", "- [ ] a ^rv-a1\n", "- [x] b ^rv-b1\n", "text\n", "\n", "## H\n", "- c\n"]
    ),
    max_size=12,
).map("".join)


@given(LINES, LINES)
def test_law_untouched_takes_new(base: str, new: str) -> None:
    assert merge_texts(base, base, new) == (new, 0)


@given(LINES, LINES)
def test_law_roadmap_unchanged_keeps_mine(base: str, mine: str) -> None:
    assert merge_texts(base, mine, base) == (mine, 0)


@given(LINES, LINES)
def test_law_same_change_on_both_sides(base: str, both: str) -> None:
    assert merge_texts(base, both, both) == (both, 0)


@given(LINES, LINES, LINES)
def test_every_learner_added_line_survives(base: str, mine: str, new: str) -> None:
    merged, _ = merge_texts(base, mine, new)
    out = merged.splitlines()
    base_lines = base.splitlines()
    for line in mine.splitlines():
        if line not in base_lines:
            assert line in out


# --- items travel by block id: a reorder is never a conflict ---------------------------------

REORDER_BASE = (
    FRONT
    + """# Branching

## Checklist
- [ ] Create a branch ^rv-aaaaa1
- [ ] Merge a branch ^rv-aaaaa2
- [ ] Delete a branch ^rv-aaaaa3

## My notes
"""
)


def _id_count(text: str, item_id: str) -> int:
    return sum(1 for line in text.split("\n") if line.endswith("^" + item_id))


def test_reorder_next_to_an_own_task_is_not_a_conflict() -> None:
    """The learner ticks B and adds an own task under it; the roadmap reorders to B, A and
    drops C. (Before: a conflict around lines nobody changed, and B's id twice.)"""
    mine = REORDER_BASE.replace(
        "- [ ] Merge a branch ^rv-aaaaa2",
        "- [x] Merge a branch ^rv-aaaaa2\n- [ ] Practise on my toy repo",
    )
    new = REORDER_BASE.replace(
        "- [ ] Create a branch ^rv-aaaaa1\n- [ ] Merge a branch ^rv-aaaaa2\n"
        "- [ ] Delete a branch ^rv-aaaaa3",
        "- [ ] Merge a branch ^rv-aaaaa2\n- [ ] Create a branch ^rv-aaaaa1",
    )
    result = merge_note(REORDER_BASE, mine, new)
    assert result.conflicts == 0, result.text
    assert _id_count(result.text, "rv-aaaaa2") == 1
    assert (
        "## Checklist\n- [x] Merge a branch ^rv-aaaaa2\n- [ ] Practise on my toy repo\n"
        "- [ ] Create a branch ^rv-aaaaa1\n\n## My notes" in result.text
    )
    assert merge_note(REORDER_BASE, result.text, new).text == result.text


def test_reorder_carries_nested_notes_and_blank_separated_paragraphs() -> None:
    mine = REORDER_BASE.replace(
        "- [ ] Create a branch ^rv-aaaaa1",
        "- [/] Create a branch ^rv-aaaaa1\n\n  `git switch -c` is the new way.\n",
    )
    new = REORDER_BASE.replace(
        "- [ ] Create a branch ^rv-aaaaa1\n- [ ] Merge a branch ^rv-aaaaa2\n",
        "- [ ] Merge a branch ^rv-aaaaa2\n- [ ] Create a branch ^rv-aaaaa1\n",
    )
    result = merge_note(REORDER_BASE, mine, new)
    assert result.conflicts == 0, result.text
    assert (
        "- [ ] Merge a branch ^rv-aaaaa2\n- [/] Create a branch ^rv-aaaaa1\n\n"
        "  `git switch -c` is the new way.\n\n- [ ] Delete a branch ^rv-aaaaa3" in result.text
    )


def test_block_id_counts_take_the_larger_side_of_a_conflict() -> None:
    text = (
        "- [x] B ^rv-aaaaa2\n<<<<<<< vault\n- [ ] A ^rv-aaaaa1\n=======\n- [ ] A ^rv-aaaaa1\n"
        "- [ ] B ^rv-aaaaa2\n>>>>>>> roadmap\n"
    )
    assert block_id_counts(text) == {"rv-aaaaa1": 1, "rv-aaaaa2": 2}
    assert repeated_block_ids(text, "") == ["rv-aaaaa2"]
    fenced = "```\n- [ ] B ^rv-aaaaa2\n```\n- [ ] B ^rv-aaaaa2\n"
    assert repeated_block_ids(fenced, "") == []  # a code example is not an item


def test_a_copy_the_learner_made_is_not_the_merge_repeating_an_id() -> None:
    mine = "- [x] B ^rv-aaaaa2\n- [ ] B ^rv-aaaaa2\n"
    assert repeated_block_ids(mine, mine) == []
    assert repeated_block_ids(mine + "- [ ] B ^rv-aaaaa2\n", mine) == ["rv-aaaaa2"]


def test_item_moved_under_another_parent_keeps_its_lines_once() -> None:
    """The roadmap moves a sub-item to another parent; the learner ticked it and wrote an
    own task under it. (Before: its id twice, inside a conflict.)"""
    base = FRONT + (
        "# Git\n\n## Checklist\n- Branches ^rv-aaaaa1\n\t- [ ] Create ^rv-aaaaa2\n"
        "\t- [ ] Rebase ^rv-aaaaa3\n- History ^rv-aaaaa4\n\t- [ ] Log ^rv-aaaaa5\n\n## My notes\n"
    )
    mine = base.replace("- Branches ^", "- Branches (done) ^").replace(
        "\t- [ ] Rebase ^rv-aaaaa3", "\t- [x] Rebase ^rv-aaaaa3\n\t- [ ] rebase my fork"
    )
    new = base.replace("\t- [ ] Rebase ^rv-aaaaa3\n", "").replace(
        "\t- [ ] Log ^rv-aaaaa5", "\t- [ ] Log ^rv-aaaaa5\n\t- [ ] Rebase ^rv-aaaaa3"
    )
    result = merge_note(base, mine, new)
    assert result.conflicts == 0, result.text
    assert _id_count(result.text, "rv-aaaaa3") == 1
    assert "\t- [ ] Log ^rv-aaaaa5\n\t- [x] Rebase ^rv-aaaaa3\n\t- [ ] rebase my fork\n" in (
        result.text
    )
    assert merge_note(base, result.text, new).text == result.text


_FENCE = (
    "\n```text\n<<<<<<< HEAD\n- [x] Vectors ^rv-i00\n=======\n- [ ] code task\n"
    ">>>>>>> feature\n```\n"
)


def _checklist(lines: str) -> str:
    return FRONT + "# Linear Algebra\n\n## Checklist\n" + lines + "\n## My notes\n\n"


def test_a_fence_above_a_renamed_item_stays_out_of_its_nested_items() -> None:
    """Found by the long fuzz profile (test_merge_repeated_after_an_interrupted_build_changes
    _nothing): the learner wrote a fenced example under an item the roadmap removes, while
    the next item is renamed and takes in nested items. Before: the example went between
    the renamed item and its sub-items, which then stood after a blank line (indented code:
    no tick counted), and a merge repeated after an interrupted build moved it again."""
    nested = "".join(f"\t- [ ] Vectors ^rv-i0{i}\n" for i in (2, 3, 5, 6, 7))
    base = _checklist(
        "- [ ] Vectors ^rv-i00\n- [ ] Vectors ^rv-i01\n\t- [ ] Vectors ^rv-i02\n"
        "\t- [ ] Vectors ^rv-i03\n- [ ] Vectors ^rv-i04\n\t- [ ] Vectors ^rv-i05\n"
        "\t- [ ] Vectors ^rv-i06\n\t- [ ] Vectors ^rv-i07\n"
    )
    mine = base.replace("^rv-i00\n", "^rv-i00\n" + _FENCE + "\n")
    new = _checklist("- [ ] Vectors revised revised ^rv-i01\n" + nested)
    first = merge_note(base, mine, new)
    assert first.conflicts == 0
    assert first.text == _checklist(_FENCE + "\n- [ ] Vectors revised revised ^rv-i01\n" + nested)
    assert merge_note(base, first.text, new).text == first.text


def test_a_nested_item_left_after_a_learners_paragraph_moves_out_once() -> None:
    """Found by the long fuzz profile (test_merge_keeps_every_learner_line_and_tick): the
    learner's fence and paragraph stand between an item and its nested items, the first of
    which the roadmap renames and moves out to the top level. Before: the old line stayed
    after the paragraph (at its old indentation) while the renamed one came in as a
    conflict — its block id twice, so the build refused the note. The lines after the
    learner's paragraph stay as they wrote them."""
    nested = "".join(f"\t- [ ] Vectors ^rv-i0{i}\n" for i in (1, 2, 3, 4))
    base = _checklist("- [ ] Vectors ^rv-i00\n" + nested)
    mine = _checklist("- [ ] Vectors ^rv-i00\n" + _FENCE + "\nMy note 0.\n" + nested)
    rest = "".join(f"\t- [ ] Vectors ^rv-i0{i}\n" for i in (2, 3, 4))
    new = _checklist("- [ ] Vectors revised revised ^rv-i01\n- [ ] Vectors ^rv-i00\n" + rest)
    result = merge_note(base, mine, new)
    assert result.conflicts == 0
    assert not repeated_block_ids(result.text, mine)
    assert result.text == _checklist(
        "- [ ] Vectors revised revised ^rv-i01\n- [ ] Vectors ^rv-i00\n"
        + _FENCE
        + "\nMy note 0.\n"
        + rest
    )
    assert merge_note(base, result.text, new).text == result.text


def test_sub_items_moved_to_a_new_item_are_not_left_behind_a_learners_fence() -> None:
    """Found by the long fuzz profile: the learner's fence stands before a removed item
    whose sub-items the roadmap hands to a new item above the fence. Before: the sub-items
    came after the fence and a blank line — indented code, no tick counted — and a merge
    repeated after an interrupted build moved them back (a different note)."""
    base = _checklist(
        "- [ ] Vectors ^rv-i00\n- [ ] Vectors ^rv-i01\n\t- [ ] Vectors ^rv-i02\n"
        "\t- [ ] Vectors ^rv-i03\n- [ ] Vectors ^rv-i04\n\t- [ ] Vectors ^rv-i05\n"
        "\t- [ ] Vectors ^rv-i06\n\t- [ ] Vectors ^rv-i07\n"
    )
    mine = base.replace("\t- [ ] Vectors ^rv-i03\n", "\t- [ ] Vectors ^rv-i03\n" + _FENCE + "\n")
    nested = "".join(f"\t- [ ] Vectors ^rv-i0{i}\n" for i in (2, 3, 5, 6, 7))
    new = _checklist("- [ ] Vectors revised ^rv-i01\n- [ ] Added ^rv-n006\n" + nested)
    first = merge_note(base, mine, new)
    assert first.conflicts == 0
    body = first.text.split("## Checklist\n", 1)[1]
    assert body.startswith("- [ ] Vectors revised ^rv-i01\n- [ ] Added ^rv-n006\n" + nested)
    assert _FENCE in body
    assert merge_note(base, first.text, new).text == first.text


def test_items_a_new_parent_takes_from_under_a_learners_paragraph_are_written_once() -> None:
    """Found by the long fuzz profile (the block id repeated): the learner's fence and a
    paragraph stand between an item and its nested items — which Markdown then reads as the
    paragraph's text. The roadmap gives three of them to a new item and renames the old
    one, whose last sub-item it marks done. Before: a conflict holding the renamed item and
    its sub-item, which stood a second time after the paragraph: the note was refused."""
    nested = "".join(f"\t- [ ] Vectors ^rv-i0{i}\n" for i in (1, 2, 3, 4))
    base = _checklist("- [ ] Vectors ^rv-i00\n" + nested)
    mine = _checklist("- [ ] Vectors ^rv-i00\n" + _FENCE + "\nMy note 0.\n" + nested)
    moved = "".join(f"\t- [ ] Vectors ^rv-i0{i}\n" for i in (1, 2, 3))
    new = _checklist(
        "- [ ] Added ^rv-n005\n"
        + moved
        + "- [ ] Vectors revised ^rv-i00\n\t- [x] Vectors ^rv-i04\n"
    )
    result = merge_note(base, mine, new)
    assert result.conflicts == 0
    assert not repeated_block_ids(result.text, mine)
    assert block_id_counts(result.text)["rv-i04"] == 1
    assert "- [ ] Vectors revised ^rv-i00\n\t- [x] Vectors ^rv-i04\n" in result.text
    assert "My note 0.\n" in result.text and _FENCE in result.text
    assert merge_note(base, result.text, new).text == result.text


def test_sub_items_the_learner_set_apart_are_left_where_they_are() -> None:
    """The learner wrote a fence between an item and its sub-items (which Markdown then
    reads as code): their arrangement, which a merge does not undo — only what the line
    merge itself put between an item and its sub-items is moved."""
    base = _checklist("- [ ] Vectors ^rv-i00\n\t- [ ] Vectors ^rv-i01\n- [ ] Vectors ^rv-i02\n")
    mine = base.replace("^rv-i00\n", "^rv-i00\n" + _FENCE + "\n")
    assert merge_note(base, mine, base).text == mine
    new = base.replace("^rv-i02", "^rv-i03")
    assert merge_note(base, mine, new).text == mine.replace("^rv-i02", "^rv-i03")


@pytest.mark.parametrize(
    ("above", "items"),
    [
        (_FENCE + "\nMy note 3.\nMy note 2.\nMy note 1.\n", ["i00"]),
        ("My note 3.\n" + _FENCE + "\nMy note 2.\nMy note 1.\n", ["i00", "i01"]),
    ],
)
def test_a_merge_repeated_after_items_were_replaced_under_learner_lines_changes_nothing(
    above: str, items: list[str]
) -> None:
    """Found by the long fuzz profile: the learner wrote a fence and lines above the items,
    which the roadmap replaces with another. Merged again with the old base (a build
    interrupted after writing the note), merge3 aligned the learner's first lines with the
    items' old place. Before: a conflict offering the new item a second time (its block id
    twice, the note refused)."""
    lines = "".join(f"- [ ] Vectors ^rv-{i}\n" for i in items)
    base = _checklist(lines)
    mine = _checklist(above + lines + "\nMy note 0.\n").replace("\n\n## My notes", "\n## My notes")
    new = _checklist("- [ ] Added ^rv-n000\n")
    first = merge_note(base, mine, new)
    assert first.conflicts == 0 and "- [ ] Added ^rv-n000\n" in first.text
    again = merge_note(base, first.text, new)
    assert again.conflicts == 0 and again.text == first.text


def test_a_merge_repeated_after_a_reorder_next_to_a_learners_sub_note_changes_nothing() -> None:
    """Found by the long fuzz profile: the roadmap drops an item and swaps two; the learner
    wrote a blank line and a sub-note under the last one. Merged again with the old base (a
    build interrupted after writing the note), both sides had only taken lines out of one
    place — the learner a blank line, the roadmap an item. Before: a conflict over the blank
    line, the note frozen until resolved."""
    items = "".join(f"- [ ] Vectors ^rv-i0{i}\n" for i in range(3))
    base = _checklist(items)
    mine = _checklist(items + "\n\t- my sub-note 0\n").replace("\n\n## My notes", "\n## My notes")
    new = _checklist("- [ ] Vectors ^rv-i02\n- [ ] Vectors revised revised ^rv-i00\n")
    first = merge_note(base, mine, new)
    assert first.conflicts == 0 and "\t- my sub-note 0\n" in first.text
    again = merge_note(base, first.text, new)
    assert again.conflicts == 0 and again.text == first.text


def test_a_ticked_item_the_roadmap_moves_below_a_new_parent_keeps_its_tick() -> None:
    """Found by the long fuzz profile while the repeated merge was fixed: the learner ticks
    an item and writes a line after its sub-items; the roadmap gives the sub-items to a new
    item in its place and puts the ticked item after them. Its ticked line stood in the
    learner's note (in the place the roadmap replaced), which must not count as the item
    being there already: it went, tick and all."""
    nested = "".join(f"\t- [ ] Vectors ^rv-i0{i}\n" for i in (1, 2, 3))
    base = _checklist("- [ ] Vectors ^rv-i00\n" + nested)
    mine = _checklist("- [X] Vectors ^rv-i00\n" + nested + "My note 0.\n")
    new = _checklist("- [ ] Added revised ^rv-n004\n" + nested + "- [ ] Vectors ^rv-i00\n")
    result = merge_note(base, mine, new)
    assert result.conflicts == 0
    assert item_statuses(result.text) == {
        "rv-n004": " ",
        "rv-i01": " ",
        "rv-i02": " ",
        "rv-i03": " ",
        "rv-i00": "X",
    }
    assert "My note 0.\n" in result.text
    assert merge_note(base, result.text, new).text == result.text


def test_a_repeated_merge_where_a_learners_line_took_a_blank_lines_place() -> None:
    """Found by the long fuzz profile: around a reorder, the first merge left the learner's
    last line where a blank line of the rendering stood. Merged again with the old base (a
    build interrupted after writing the note), the learner's line and the roadmap's blank
    line met in one place. Before: a conflict over a blank line, the note frozen."""
    items = "".join(f"- [ ] Vectors ^rv-i0{i}\n" for i in range(3))
    base = _checklist(items)
    mine = _checklist(
        "My note 2.\nMy note 1.\n- [ ] Vectors ^rv-i00\nMy note 0.\n- [ ] Vectors ^rv-i01\n"
        "- [ ] Vectors ^rv-i02\n\n\t- my sub-note 3\n"
    ).replace("\n\n## My notes", "\n## My notes")
    new = _checklist("- [ ] Vectors ^rv-i02\n- [ ] Vectors revised revised ^rv-i00\n")
    first = merge_note(base, mine, new)
    assert first.conflicts == 0
    for line in ("My note 0.", "My note 1.", "My note 2.", "\t- my sub-note 3"):
        assert line + "\n" in first.text
    again = merge_note(base, first.text, new)
    assert again.conflicts == 0 and again.text == first.text


def test_sub_items_of_a_removed_ticked_item_move_to_a_new_parent_in_the_first_merge() -> None:
    """Found by the long fuzz profile: the learner ticks an item; the roadmap removes it and
    gives its sub-item to a new item (one the note never had) further up. The first merge
    left the sub-item under the ticked line (its new parent was in neither base nor mine,
    so the block could not be moved before the line merge); merged again with the old base
    (a build interrupted after writing the note) it moved — not the same note twice."""
    head = "- [ ] Vectors ^rv-i00\n- [ ] Vectors ^rv-i01\n"
    nested = "\t- [ ] Vectors ^rv-i02\n\t- [ ] Vectors ^rv-i03\n"
    tail = "- [ ] Vectors ^rv-i06\n- [ ] Vectors ^rv-i07\n"
    old = "- [ ] Vectors ^rv-i04\n\t- [ ] Vectors ^rv-i05\n"
    base = _checklist(head + nested + old + tail)
    mine = base.replace("- [ ] Vectors ^rv-i04", "- [x] Vectors ^rv-i04")
    new = _checklist(head + "- [ ] Added ^rv-n007\n" + nested + "\t- [ ] Vectors ^rv-i05\n" + tail)
    first = merge_note(base, mine, new)
    assert first.conflicts == 0
    moved = "- [ ] Added ^rv-n007\n" + nested + "\t- [ ] Vectors ^rv-i05\n"
    assert moved in first.text, first.text
    assert "- [x] Vectors ^rv-i04\n" in first.text  # the learner's tick, kept
    assert not repeated_block_ids(first.text, mine)
    again = merge_note(base, first.text, new)
    assert again.conflicts == 0 and again.text == first.text
