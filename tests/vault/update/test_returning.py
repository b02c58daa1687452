"""Things the roadmap brings back after they left it: the learner's work the vault kept for
them (a note kept with `roadvault_status: removed`, an item line under "Removed from the
roadmap") is theirs again — one note per topic, the item's own id, its tick and lines.

Ids hash the title path, so a topic or item back where it was made takes its old id by
itself. These are the returns that broke that: a topic renamed (its note renamed with it)
or an item moved before it left. Each test failed before the fix (a thing removed, then
added again; docs/FORMAT.md §5b)."""

from __future__ import annotations

import errno
import re
import shutil
from pathlib import Path

import pytest

from roadvault.model import Node, Roadmap
from roadvault.parse import parse_roadmap
from roadvault.progress import progress_summary, scan_vault
from roadvault.vault import apply as apply_module
from roadvault.vault.build import BuildReport
from roadvault.vault.doctor import doctor_vault
from roadvault.vault.update.id_carry import Retired, carry_over_ids
from roadvault.vault.update.item_travel import ARCHIVE_HEADING, Action, retired_in
from support.build import build_with_progress

PHASE = "Plan/01 Phase one"


def roadmap(alpha: str | None, alpha_items: list[str], beta_items: list[str]) -> str:
    """Phase one holds `alpha` (a topic titled so, None: absent) and Topic beta."""
    lines = ["# Plan", "", "## Phase one", ""]
    if alpha is not None:
        lines += [f"### {alpha}", "", *(f"- [ ] {t}" for t in alpha_items), ""]
    lines += ["### Topic beta", "", *(f"- [ ] {t}" for t in beta_items), ""]
    lines += ["## Phase two", "", "### Topic gamma", "", "- [ ] Item four", ""]
    return "\n".join(lines)


def build(vault: Path, text: str) -> BuildReport:
    return build_with_progress(parse_roadmap(text, source="plan.md"), vault)


def read(vault: Path, relpath: str) -> str:
    return (vault / relpath).read_text(encoding="utf-8")


def edit(vault: Path, relpath: str, old: str, new: str) -> None:
    text = read(vault, relpath)
    assert old in text, f"{old!r} not in {relpath}"
    (vault / relpath).write_text(text.replace(old, new, 1), encoding="utf-8")


def notes_with_id(vault: Path) -> dict[str, list[str]]:
    """roadvault_id -> the notes carrying it in their properties."""
    found: dict[str, list[str]] = {}
    for path in sorted(vault.rglob("*.md")):
        if ".roadvault" in path.parts:
            continue
        hit = re.search(r"^roadvault_id: (rv-\w+)$", path.read_text(), re.M)
        if hit:
            found.setdefault(hit[1], []).append(path.relative_to(vault).as_posix())
    return found


def assert_settled(vault: Path, text: str) -> None:
    """One note per id, every block id once, and a second build writes nothing."""
    repeated = {key: paths for key, paths in notes_with_id(vault).items() if len(paths) > 1}
    assert repeated == {}, repeated
    assert [p.kind for p in doctor_vault(vault).problems] == []
    again = build(vault, text)
    assert again.written == 0 and again.state_written == 0, [
        (p.action.value, p.relpath) for p in again.files if p.writes
    ]


V1 = roadmap("Topic alpha", ["Item one", "Item two"], ["Item three"])
ALPHA = f"{PHASE}/Topic alpha.md"
BETA = f"{PHASE}/Topic beta.md"


def work_in_alpha(vault: Path) -> None:
    edit(vault, ALPHA, "- [ ] Item one ^", "- [x] Item one ✅ 2026-02-10 ^")
    edit(vault, ALPHA, "## My notes", "## My notes\nMy own thought about alpha.")


def test_a_topic_renamed_then_removed_returns_to_its_kept_note(tmp_path: Path) -> None:
    """Topic alpha is retitled (its note renamed with it), then removed (the note kept for
    the learner's line), then back under its first title — whose path hashes to the very
    id the kept note carries. Before: a second `Topic alpha.md` with the same roadvault_id
    next to the kept `Topic alpha revised.md`, the learner's line left in the kept one."""
    build(tmp_path, V1)
    work_in_alpha(tmp_path)
    revised = roadmap("Topic alpha revised", ["Item one", "Item two"], ["Item three"])
    build(tmp_path, revised)
    kept = f"{PHASE}/Topic alpha revised.md"
    assert (tmp_path / kept).exists() and not (tmp_path / ALPHA).exists()
    build(tmp_path, roadmap(None, [], ["Item three"]))
    assert "roadvault_status: removed" in read(tmp_path, kept)
    report = build(tmp_path, V1)
    assert report.conflicts == 0
    assert not (tmp_path / kept).exists()
    text = read(tmp_path, ALPHA)
    assert "roadvault_status" not in text and "My own thought about alpha." in text
    assert re.search(r"^- \[x\] Item one ✅ 2026-02-10 \^rv-\w+\n- \[ \] Item two \^", text, re.M)
    actions = {p.relpath: p.action for p in report.files}
    assert actions[ALPHA] is Action.MERGE and actions[kept] is Action.DELETE
    assert_settled(tmp_path, V1)


class Killed(BaseException):
    """The process dying (SIGKILL) at the deletion of the kept note's old copy."""


def snapshot(vault: Path) -> dict[str, bytes]:
    skip = (".roadvault/lock", ".roadvault/history.jsonl", "Progress.md")
    return {
        path.relative_to(vault).as_posix(): path.read_bytes()
        for path in sorted(vault.rglob("*"))
        if path.is_file() and path.relative_to(vault).as_posix() not in skip
    }


@pytest.mark.parametrize("fault", ["killed", "unlink refused"])
def test_a_returning_kept_note_moved_half_way_is_finished_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    """The kept note's return is a move: the new copy written, then the old one deleted.
    Stopped in between (killed, or the deletion refused), the next build gives the vault an
    uninterrupted build gives — one note with the id, not the kept one beside it."""
    start = tmp_path / "start"
    build(start, V1)
    work_in_alpha(start)
    build(start, roadmap("Topic alpha revised", ["Item one", "Item two"], ["Item three"]))
    build(start, roadmap(None, [], ["Item three"]))
    reference = tmp_path / "reference"
    shutil.copytree(start, reference)
    build(reference, V1)
    vault = tmp_path / "vault"
    shutil.copytree(start, vault)
    real = apply_module.remove_file

    def stop(where: Path, relpath: str) -> None:
        if relpath.endswith("Topic alpha revised.md"):
            if fault == "killed":
                raise Killed
            raise OSError(errno.EACCES, "Permission denied")
        real(where, relpath)

    monkeypatch.setattr(apply_module, "remove_file", stop)
    if fault == "killed":
        with pytest.raises(Killed):
            build(vault, V1)
    else:
        build(vault, V1)
    monkeypatch.setattr(apply_module, "remove_file", real)
    assert (vault / ALPHA).exists() and (vault / f"{PHASE}/Topic alpha revised.md").exists()
    build(vault, V1)
    assert snapshot(vault) == snapshot(reference)
    assert_settled(vault, V1)


def test_a_removed_topic_back_under_a_new_title_reuses_its_note(tmp_path: Path) -> None:
    """Topic alpha is removed (its note kept), then comes back retitled with the same
    items. Before: a new note `Topic alpha revised.md` with new ids, `[ ]` everywhere; the
    tick and the learner's line stayed in the kept note."""
    build(tmp_path, V1)
    work_in_alpha(tmp_path)
    build(tmp_path, roadmap(None, [], ["Item three"]))
    old_id = re.search(r"roadvault_id: (rv-\w+)", read(tmp_path, ALPHA))[1]
    v3 = roadmap("Topic alpha revised", ["Item one", "Item two"], ["Item three"])
    report = build(tmp_path, v3)
    assert report.conflicts == 0
    revised = f"{PHASE}/Topic alpha revised.md"
    assert not (tmp_path / ALPHA).exists()
    text = read(tmp_path, revised)
    assert f"roadvault_id: {old_id}\n" in text and "roadvault_status" not in text
    assert "My own thought about alpha." in text
    assert re.search(r"^- \[x\] Item one ✅ 2026-02-10 \^rv-\w+$", text, re.M), text
    assert progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]["done"] == 1
    assert_settled(tmp_path, v3)


def test_an_item_moved_then_removed_comes_back_with_its_id_and_tick(tmp_path: Path) -> None:
    """Item one moves from Topic alpha to Topic beta (keeping its id), is removed there
    (archived: ticked, a line under it), and returns in Topic beta. Before: a new
    `- [ ] Item one` with another block id; the tick and the line only in the archive."""
    build(tmp_path, V1)
    edit(tmp_path, ALPHA, "- [ ] Item one ^", "- [x] Item one ✅ 2026-02-10 ^")
    edit(tmp_path, ALPHA, "- [ ] Item two ^", "\t- my line on item one\n- [ ] Item two ^")
    old_id = re.search(r"Item one ✅ 2026-02-10 \^(rv-\w+)", read(tmp_path, ALPHA))[1]
    build(tmp_path, roadmap("Topic alpha", ["Item two"], ["Item three", "Item one"]))
    assert f"Item one ✅ 2026-02-10 ^{old_id}" in read(tmp_path, BETA)
    build(tmp_path, roadmap("Topic alpha", ["Item two"], ["Item three"]))
    assert ARCHIVE_HEADING in read(tmp_path, BETA)
    v4 = roadmap("Topic alpha", ["Item two"], ["Item three", "Item one"])
    report = build(tmp_path, v4)
    assert report.conflicts == 0
    text = read(tmp_path, BETA)
    assert re.search(
        rf"^- \[x\] Item one ✅ 2026-02-10 \^{old_id}\n\t- my line on item one$", text, re.M
    ), text
    assert ARCHIVE_HEADING not in text and text.count("Item one") == 1
    assert progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]["done"] == 1
    assert_settled(tmp_path, v4)


def test_an_item_moved_into_a_topic_that_left_comes_back_elsewhere(tmp_path: Path) -> None:
    """Item one moves into Topic beta, Topic beta leaves the roadmap (its note kept for
    the item's mark), and Item one returns under Topic gamma — a path whose id it never
    had. Before: `- [ ] Item one` with a new id; the `[/]` only in the kept note."""
    build(tmp_path, V1)
    edit(tmp_path, ALPHA, "- [ ] Item one ^", "- [/] Item one ^")
    old_id = re.search(r"Item one \^(rv-\w+)", read(tmp_path, ALPHA))[1]
    build(tmp_path, roadmap("Topic alpha", ["Item two"], ["Item three", "Item one"]))
    gone = (
        "# Plan\n\n## Phase one\n\n### Topic alpha\n\n- [ ] Item two\n\n"
        "## Phase two\n\n### Topic gamma\n\n- [ ] Item four\n"
    )
    build(tmp_path, gone)
    assert "roadvault_status: removed" in read(tmp_path, BETA)
    back = gone + "- [ ] Item one\n"
    report = build(tmp_path, back)
    assert report.conflicts == 0
    gamma = read(tmp_path, "Plan/02 Phase two/Topic gamma.md")
    assert re.search(rf"^- \[/\] Item one \^{old_id}$", gamma, re.M), gamma
    assert not (tmp_path / BETA).exists() or "Item one" not in read(tmp_path, BETA)
    assert_settled(tmp_path, back)


def test_an_item_back_renamed_in_the_note_that_kept_it_takes_its_tick(tmp_path: Path) -> None:
    """Found by the soak: Item one (ticked) is removed, archived in Topic alpha, and comes
    back in Topic alpha as "Item one basics". Before: a new `[ ]` item beside the archived
    `[x]` line. Back renamed in another topic, it is a new item (no evidence it is it)."""
    vault, other = tmp_path / "vault", tmp_path / "other"
    build(vault, V1)
    edit(vault, ALPHA, "- [ ] Item one ^", "- [x] Item one ^")
    old_id = re.search(r"Item one \^(rv-\w+)", read(vault, ALPHA))[1]
    build(vault, roadmap("Topic alpha", ["Item two"], ["Item three"]))
    elsewhere = roadmap("Topic alpha", ["Item two"], ["Item three", "Item one basics"])
    shutil.copytree(vault, other)
    build(other, elsewhere)
    assert re.search(r"^- \[ \] Item one basics \^", read(other, BETA), re.M)
    assert f"- [x] Item one ^{old_id}" in read(other, ALPHA)
    v3 = roadmap("Topic alpha", ["Item two", "Item one basics"], ["Item three"])
    report = build(vault, v3)
    assert report.conflicts == 0
    text = read(vault, ALPHA)
    assert re.search(rf"^- \[x\] Item one basics \^{old_id}$", text, re.M), text
    assert ARCHIVE_HEADING not in text
    assert_settled(vault, v3)


def test_a_returning_item_with_two_archived_namesakes_takes_neither(tmp_path: Path) -> None:
    """Two archived "Intro" lines (in two notes, neither the item's) and a new "Intro"
    elsewhere: nothing tells which one it is, so it is a new item — a tick must never go to
    another item. Both archived lines stay."""
    lines = "# Plan\n\n## Phase one\n\n### Topic alpha\n\n- [ ] Intro\n- [ ] A2\n\n"
    lines += "### Topic beta\n\n- [ ] Intro\n- [ ] B2\n\n## Phase two\n\n### Topic gamma\n\n"
    v1 = lines + "- [ ] Item four\n"
    build(tmp_path, v1)
    edit(tmp_path, ALPHA, "- [ ] Intro ^", "- [x] Intro ^")
    edit(tmp_path, BETA, "- [ ] Intro ^", "- [-] Intro ^")
    build(tmp_path, v1.replace("- [ ] Intro\n", ""))
    v3 = v1.replace("- [ ] Intro\n", "").replace("Item four\n", "Item four\n- [ ] Intro\n")
    build(tmp_path, v3)
    gamma = read(tmp_path, "Plan/02 Phase two/Topic gamma.md")
    assert re.search(r"^- \[ \] Intro \^rv-\w+$", gamma, re.M), gamma
    assert "- [x] Intro ^" in read(tmp_path, ALPHA) and "- [-] Intro ^" in read(tmp_path, BETA)
    assert_settled(tmp_path, v3)


# --- step 6 of the matcher, on its own ----------------------------------------------------------


def _roadmap(*topics: tuple[str, list[str]]) -> Roadmap:
    nodes = [
        Node(title, id=f"rv-t{n}", children=[Node(t, id=f"rv-i{n}{m}") for m, t in enumerate(kids)])
        for n, (title, kids) in enumerate(topics)
    ]
    return Roadmap(title="Plan", source="plan.md", nodes=[Node("Phase", id="rv-p", children=nodes)])


def test_matcher_takes_a_retired_id_back_only_when_it_is_unambiguous() -> None:
    old = _roadmap(("Topic a", ["Kept"]))
    new = _roadmap(("Topic a", ["Kept", "Back", "Twice", "Back basics"]))
    retired = [
        Retired(Node("Back (chapter 3)", "rv-old1"), place="rv-elsewhere"),
        Retired(Node("Twice", "rv-old2"), place="rv-x"),
        Retired(Node("Twice", "rv-old3"), place="rv-y"),
    ]
    report = carry_over_ids(old, new, retired)
    ids = {node.title: node.id for node in new.walk()}
    assert ids["Back"] == "rv-old1"  # its line went on with the learner's words
    assert ids["Twice"] not in ("rv-old2", "rv-old3")  # two namesakes: neither
    assert ids["Back basics"] != "rv-old1"  # another item: "Back" took it
    assert report.returned == ["Back"]


def test_matcher_prefers_the_namesake_archived_under_the_same_parent() -> None:
    old = _roadmap(("Topic a", ["Kept"]))
    new = _roadmap(("Topic a", ["Kept", "Twice"]))
    retired = [
        Retired(Node("Twice", "rv-old2"), place="rv-t0"),
        Retired(Node("Twice", "rv-old3"), place="rv-y"),
    ]
    carry_over_ids(old, new, retired)
    assert {node.title: node.id for node in new.walk()}["Twice"] == "rv-old2"


def test_matcher_takes_a_common_title_back_only_where_it_was_kept() -> None:
    """ "Review" closes every topic: an archived "Review" is no evidence for a "Review"
    elsewhere (its tick would go to another item), only for the one back in its note."""
    old = _roadmap(("Topic a", ["Kept"]), ("Topic b", ["Other"]))
    new = _roadmap(("Topic a", ["Kept", "Review"]), ("Topic b", ["Other", "Review"]))
    carry_over_ids(old, new, [Retired(Node("Review", "rv-old"), place="rv-elsewhere")])
    assert "rv-old" not in {node.id for node in new.walk()}
    new = _roadmap(("Topic a", ["Kept", "Review"]), ("Topic b", ["Other", "Review"]))
    carry_over_ids(old, new, [Retired(Node("Review", "rv-old"), place="rv-t1")])
    assert [node.id for node in new.nodes[0].children[1].children] == ["rv-i10", "rv-old"]


def test_matcher_gives_a_renamed_topic_its_kept_note_by_its_items() -> None:
    old = _roadmap(("Topic b", ["B1"]))
    new = _roadmap(("Topic b", ["B1"]), ("Topic a revised", ["A1", "A2"]))
    kept = Node("Topic a", "rv-kept", children=[Node("A1", "rv-a1"), Node("A2", "rv-a2")])
    retired = [
        Retired(kept, note=True),
        Retired(Node("A1", "rv-a1"), place="rv-kept"),
        Retired(Node("A2", "rv-a2"), place="rv-kept"),
    ]
    carry_over_ids(old, new, retired)
    ids = {node.title: node.id for node in new.walk()}
    assert (ids["Topic a revised"], ids["A1"], ids["A2"]) == ("rv-kept", "rv-a1", "rv-a2")


def test_retired_things_are_read_from_archives_and_kept_notes() -> None:
    kept = (
        "---\nroadvault_id: rv-kept\nroadvault_status: removed\n---\n# Topic a\n\n"
        "## Checklist\n- [x] A1 ^rv-a1\n\n## My notes\n"
    )
    live = (
        "---\nroadvault_id: rv-live\n---\n# Topic b\n\n## Checklist\n- [ ] B1 ^rv-b1\n\n"
        f"{ARCHIVE_HEADING}\n\n- [x] Gone ✅ 2026-02-10 ^rv-gone\n\t- a line\n\n## My notes\n"
    )
    plain = "---\nroadvault_id: rv-plain\n---\n# Topic c\n\n- [ ] C1 ^rv-c1\n"
    found = retired_in({"a.md": kept, "b.md": live, "c.md": plain})
    shown = [(r.node.title, r.node.id, r.place, r.note) for r in found]
    assert shown == [
        ("A1", "rv-a1", "rv-kept", False),
        ("Topic a", "rv-kept", None, True),
        ("Gone", "rv-gone", "rv-live", False),  # the Tasks date is no part of the title
    ]
