"""Every reader of a note agrees on it: progress, merge, the vault checks, doctor, moved-note
recovery. Each case is a note on which they used to disagree.

Only the consumers' own APIs are used here (not the dialect package), so each test can be
run against the code from before the readers shared one dialect, where it fails.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from roadvault.progress import scan_tasks
from roadvault.progress.notes import summarize_note
from roadvault.vault import check
from roadvault.vault.doctor import diagnose
from roadvault.vault.state import Manifest, read_disk_file, recover_note_paths
from roadvault.vault.update.item_travel import Action, NoteVersions, regenerate
from roadvault.vault.update.note_merge import count_conflicts, item_statuses, split_front_matter

REAL = "- [ ] Real item ^rv-aaaaa1"
HIDDEN = "- [x] Hidden copy ^rv-aaaaa1"  # the same id: a duplicate if anyone reads it

REGIONS = {
    "obsidian-comment": ["%%", HIDDEN, "%%"],
    "html-div": ["<div>", HIDDEN, "</div>"],
    "html-comment-after-text": ["Some text", "", "<!-- a comment", HIDDEN, "-->"],
    "fence-in-quote": ["> ```md", "> " + HIDDEN, "> ```"],
    "fence-in-callout": ["> [!example]", "> ~~~~", "> " + HIDDEN, "> ~~~~"],
    "fence-in-list-item": [
        "- Example:",
        "",
        "  1. step",
        "",
        "      ```",
        "      " + HIDDEN,
        "      ```",
    ],
    "long-fence-with-inner-fence": ["`````", "```", HIDDEN, "```", "`````"],
    "indented-code": ["Example:", "", "    " + HIDDEN],
}


def _note(region: list[str]) -> str:
    return "\n".join(["# Topic", "", REAL, "", *region, "", "## My notes", ""])


def _manifest() -> Manifest:
    return Manifest()


@pytest.mark.parametrize("region", REGIONS.values(), ids=list(REGIONS))
def test_a_task_in_a_code_region_is_no_task_for_progress_check_and_doctor(
    region: list[str],
) -> None:
    text = _note(region)
    assert [(t.line, t.block_id) for t in scan_tasks(text)] == [(2, "rv-aaaaa1")]
    assert check.find_tasks(text) == [(3, " ")]
    assert check.find_block_ids(text) == [(3, "rv-aaaaa1")]
    assert diagnose({"T.md": text}, _manifest()) == []


@pytest.mark.parametrize("region", REGIONS.values(), ids=list(REGIONS))
def test_a_task_in_a_code_region_is_no_item_to_merge(region: list[str]) -> None:
    """The hidden copy is ticked: were merge to read it, the tick would land on the item."""
    text = _note(region)
    assert item_statuses(text) == {"rv-aaaaa1": " "}


def test_a_nested_item_right_under_a_heading_is_an_item_to_merge() -> None:
    """The one exception left (docs/DIALECT.md): indented code that opens right under a
    heading, no blank line between, is how a nested item reads once its parent's line left
    (regeneration lifts items out; roadvault writes its lists right under their heading).
    Merge reads it as the item it was, so its tick is not lost; a nested item in a whole
    list, and indented code after a blank line, read the same for everyone."""
    orphan = "# Topic\n\n## Checklist\n\t- [x] Nested item ^rv-aaaaa1\n\n## My notes\n"
    assert item_statuses(orphan) == {"rv-aaaaa1": "x"}
    assert scan_tasks(orphan) == []  # progress: indented code (CommonMark)
    nested = orphan.replace("\t- [x]", "- Parent ^rv-aaaaa2\n\t- [x]")
    assert item_statuses(nested) == {"rv-aaaaa1": "x"}
    assert [task.block_id for task in scan_tasks(nested)] == ["rv-aaaaa1"]
    example = orphan.replace("\t- [x]", "\n\t- [x]")
    assert item_statuses(example) == {}
    assert scan_tasks(example) == []


GIT_EXAMPLES = {
    "head": ["```", "<<<<<<< HEAD", "mine", "=======", "theirs", ">>>>>>> branch", "```"],
    "our-labels": ["~~~", "<<<<<<< vault", "a", "=======", "b", ">>>>>>> roadmap", "~~~"],
    "in-a-quote": ["> ```", "> <<<<<<< vault", "> a", "> =======", "> b", "> >>>>>>> roadmap"],
}


@pytest.mark.parametrize("example", GIT_EXAMPLES.values(), ids=list(GIT_EXAMPLES))
def test_a_fenced_git_example_is_no_conflict_anywhere(example: list[str]) -> None:
    text = _note(example)
    assert check.find_conflict_markers(text) == []
    assert count_conflicts(text) == 0
    assert diagnose({"T.md": text}, _manifest()) == []
    # The build merges the note (a conflicted note would be skipped, exit 3).
    new = text.replace("Real item", "Real item, renamed")
    outcome = regenerate({"T.md": NoteVersions(base=text, mine=text + "mine\n", new=new)})["T.md"]
    assert outcome.action is Action.MERGE
    assert "Real item, renamed" in (outcome.text or "")


def test_only_roadvaults_own_markers_are_a_conflict() -> None:
    text = "# T\n\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> main\n"
    assert check.find_conflict_markers(text) == []
    assert count_conflicts(text) == 0
    ours = "# T\n\n<<<<<<< vault\na\n=======\nb\n>>>>>>> roadmap\n"
    assert check.find_conflict_markers(ours) == [3]
    assert count_conflicts(ours) == 1


FRONT_MATTER_CLOSINGS = {
    "four-dashes": "----",
    "dots": "...",
    "indented": "  ---",
    "trailing-space": "--- ",
}


@pytest.mark.parametrize("closing", FRONT_MATTER_CLOSINGS.values(), ids=list(FRONT_MATTER_CLOSINGS))
def test_every_reader_finds_the_same_front_matter(closing: str, tmp_path: Path) -> None:
    text = f"---\nroadvault_id: rv-note01\nroadmap: R\n{closing}\n# Topic\n{REAL}\n"
    assert summarize_note(text).properties is not None
    assert summarize_note(text).properties.note_id == "rv-note01"  # progress
    assert split_front_matter(text)[0] == text[: text.index("# Topic")]  # merge
    problems = diagnose({"T.md": text}, _manifest())  # doctor: an id no roadmap knows
    assert [p.kind for p in problems] == ["unknown-id"]
    missing = check.check_properties({"T.md": text}, owned=["T.md"])
    assert [p.message for p in missing] == ["no 'roadvault_kind' property", "no 'tags' property"]
    (tmp_path / "T.md").write_text(text, encoding="utf-8")
    assert recover_note_paths(functools.partial(read_disk_file, tmp_path), "", ["T.md"]) == {
        "rv-note01": "T.md"
    }  # moved notes


def test_every_reader_finds_a_property_past_the_first_4_kb(tmp_path: Path) -> None:
    """A long front matter (the learner's aliases and notes before roadvault's keys): its
    `roadvault_id` is the note's for progress, and so for doctor and for finding a moved
    note again. Failed before: those two read only the first 4 KB, so the note progress
    counted for its roadmap was "deleted" to the build once moved, and its unknown id went
    unreported."""
    aliases = "".join(f"  - another name for this topic, number {n}\n" for n in range(120))
    text = f"---\naliases:\n{aliases}roadvault_id: rv-note01\nroadmap: R\n---\n{REAL}\n"
    assert text.index("roadvault_id") > 4096
    assert summarize_note(text).properties.note_id == "rv-note01"  # progress
    assert [p.kind for p in diagnose({"T.md": text}, _manifest())] == ["unknown-id"]  # doctor
    (tmp_path / "T.md").write_text(text, encoding="utf-8")
    assert recover_note_paths(functools.partial(read_disk_file, tmp_path), "", ["T.md"]) == {
        "rv-note01": "T.md"
    }  # moved notes


BLOCK_ID_SEPARATORS = {"no-break-space": "\u00a0", "form-feed": "\f", "ideographic-space": "\u3000"}


@pytest.mark.parametrize("with_code", [False, True], ids=["plain", "with-inline-code"])
@pytest.mark.parametrize("separator", BLOCK_ID_SEPARATORS.values(), ids=list(BLOCK_ID_SEPARATORS))
def test_every_reader_finds_the_same_block_ids(separator: str, with_code: bool) -> None:
    """One grammar: a space or a tab before the caret (the check once took any whitespace
    on notes with inline code, and only spaces and tabs on the others)."""
    code = "Run `make` first.\n" if with_code else ""
    text = f"# T\n{code}- [x] Item{separator}^rv-aaaaa1\n- [ ] Other ^rv-bbbbb2\n"
    by_scan = [(t.line + 1, t.block_id) for t in scan_tasks(text) if t.block_id]
    assert [block_id for _, block_id in by_scan] == ["rv-bbbbb2"]
    assert check.find_block_ids(text) == by_scan
    assert item_statuses(text) == {"rv-bbbbb2": " "}


def test_a_learners_id_that_only_starts_like_roadvaults_is_theirs_to_every_reader() -> None:
    """One grammar for roadvault's ids (`rv-` + lowercase base 36). A learner's `^rv-my-own`
    is no item to progress or merge, so it is no roadvault id to the checks and doctor
    either: the same id in two notes is fine (Obsidian links to a block through its note),
    where a roadvault id in two notes is one item twice. Failed before: progress counted
    the task nowhere, and doctor reported `^rv-my-own also in …`."""
    own = "# Mine\n- [ ] my own task ^rv-my-own\n- [x] another ^rv-Upper1\n"
    files = {"A.md": own, "B.md": own}
    scan = summarize_note(own)
    assert (scan.ids, sum(scan.plain)) == ((), 2)
    assert item_statuses(own) == {}
    assert check.check_block_ids(files) == []
    assert diagnose(files, _manifest()) == []
    ours = {"A.md": REAL + "\n", "B.md": REAL + "\n"}
    assert [p.message for p in check.check_block_ids(ours)] == ["block id ^rv-aaaaa1 also in A.md"]


def test_an_alias_bomb_in_a_note_is_refused_by_every_reader() -> None:
    """One capped loader: too many aliases is broken front matter for all, never walked."""
    aliases = ", ".join(["*a"] * 100)
    text = f"---\nroadvault_id: rv-note01\nroadmap: R\na: &a [x, x]\nb: [{aliases}]\n---\n{REAL}\n"
    assert summarize_note(text).properties == summarize_note("no front matter").properties
    problems = diagnose({"T.md": text}, _manifest())
    assert [p.kind for p in problems] == ["properties"]
    assert [p.kind for p in check.check_properties({"T.md": text}, owned=[])] == ["properties"]
