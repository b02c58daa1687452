"""Regeneration scenarios, end to end: old roadmap → vault → the learner works → new roadmap.

Each test builds a vault from V1, acts as the learner (ticks, writes, renames, deletes),
rebuilds from V2 and checks what the learner would look for: their ticks, their lines, the
roadmap's changes, conflicts shown and reported. Every scenario also rebuilds a second time
and expects nothing to be written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from roadvault.parse import parse_roadmap
from roadvault.progress import progress_summary, scan_vault
from roadvault.vault.build import BuildReport
from roadvault.vault.update.item_travel import ARCHIVE_HEADING, Action
from roadvault.vault.update.note_merge import item_statuses
from support.build import build_with_progress

V1 = """# Study Plan

## Phase 1: Basics (2 weeks)

### Algebra
- [ ] Variables
- [ ] Equations
- [ ] Inequalities

### Geometry
- [ ] Angles
- [ ] Triangles

## Phase 2: Analysis (1 month)

### Calculus
- [ ] Limits
- [ ] Derivatives
- [ ] Integrals
- [ ] Series

### Statistics
- [ ] Mean and variance
- [ ] Distributions
"""

ROOT = "Study Plan"
ALGEBRA = f"{ROOT}/01 Basics/Algebra.md"
GEOMETRY = f"{ROOT}/01 Basics/Geometry.md"
CALCULUS = f"{ROOT}/02 Analysis/Calculus.md"
STATISTICS = f"{ROOT}/02 Analysis/Statistics.md"


def build(vault: Path, text: str, **options: object) -> BuildReport:
    return build_with_progress(parse_roadmap(text, source="plan.md"), vault, **options)


def read(vault: Path, relpath: str) -> str:
    return (vault / relpath).read_text(encoding="utf-8")


def edit(vault: Path, relpath: str, old: str, new: str) -> None:
    text = read(vault, relpath)
    assert old in text, f"{old!r} not in {relpath}"
    (vault / relpath).write_text(text.replace(old, new, 1), encoding="utf-8")


def tick(vault: Path, relpath: str, title: str, mark: str = "x") -> None:
    edit(vault, relpath, f"- [ ] {title} ^", f"- [{mark}] {title} ^")


def status_of(vault: Path, title: str) -> str:
    """The checkbox of the item called `title`, wherever it is in the vault."""
    found = []
    for path in vault.rglob("*.md"):
        if ".roadvault" in path.parts:
            continue
        for match in re.finditer(
            rf"^\s*- \[(.)\] {re.escape(title)}(?: ·[^^]*)? \^rv-", path.read_text(), re.M
        ):
            found.append(match.group(1))
    assert len(found) == 1, f"{title!r} found {len(found)} times"
    return found[0]


def where(vault: Path, title: str) -> str:
    hits = [
        path.relative_to(vault).as_posix()
        for path in vault.rglob("*.md")
        if ".roadvault" not in path.parts and f"] {title} ^rv-" in path.read_text()
    ]
    assert len(hits) == 1, hits
    return hits[0]


def assert_second_build_is_noop(vault: Path, text: str) -> None:
    report = build(vault, text)
    changed = [
        (p.action.value, p.relpath)
        for p in report.files
        if p.action is not Action.UNCHANGED and "you deleted it" not in " ".join(p.notes)
    ]
    assert changed == [], changed
    assert report.written == 0 and report.state_written == 0


def test_rename_an_item_keeps_its_tick(tmp_path: Path) -> None:
    build(tmp_path, V1)
    tick(tmp_path, ALGEBRA, "Equations")
    v2 = V1.replace("- [ ] Equations", "- [ ] Linear equations")
    report = build(tmp_path, v2)
    assert status_of(tmp_path, "Linear equations") == "x"
    assert "Equations ^" not in read(tmp_path, ALGEBRA).replace("Linear equations", "")
    assert report.conflicts == 0
    assert_second_build_is_noop(tmp_path, v2)


def test_move_an_item_to_another_phase_keeps_its_tick(tmp_path: Path) -> None:
    build(tmp_path, V1)
    tick(tmp_path, ALGEBRA, "Inequalities")
    v2 = V1.replace("- [ ] Inequalities\n", "").replace(
        "- [ ] Series\n", "- [ ] Series\n- [ ] Inequalities\n"
    )
    build(tmp_path, v2)
    assert where(tmp_path, "Inequalities") == CALCULUS
    assert status_of(tmp_path, "Inequalities") == "x"
    assert_second_build_is_noop(tmp_path, v2)


def test_reorder_phases_moves_folders_and_keeps_everything(tmp_path: Path) -> None:
    build(tmp_path, V1)
    tick(tmp_path, CALCULUS, "Limits")
    edit(tmp_path, CALCULUS, "## My notes", "## My notes\nLimits are about closeness.")
    phase2 = V1[V1.index("## Phase 2") :]
    v2 = (
        "# Study Plan\n\n"
        + phase2.replace("Phase 2", "Phase 1")
        + "\n"
        + V1[V1.index("## Phase 1") : V1.index("## Phase 2")].replace("Phase 1", "Phase 2")
    )
    build(tmp_path, v2)
    moved = f"{ROOT}/01 Analysis/Calculus.md"
    assert (tmp_path / moved).exists() and not (tmp_path / CALCULUS).exists()
    assert not (tmp_path / f"{ROOT}/02 Analysis").exists()  # the emptied folder is gone
    assert status_of(tmp_path, "Limits") == "x"
    assert "Limits are about closeness." in read(tmp_path, moved)
    assert (tmp_path / f"{ROOT}/02 Basics/Algebra.md").exists()
    assert_second_build_is_noop(tmp_path, v2)


def test_split_a_topic_into_two(tmp_path: Path) -> None:
    build(tmp_path, V1)
    tick(tmp_path, CALCULUS, "Limits")
    tick(tmp_path, CALCULUS, "Series", "/")
    v2 = V1.replace(
        "### Calculus\n- [ ] Limits\n- [ ] Derivatives\n- [ ] Integrals\n- [ ] Series\n",
        "### Calculus I\n- [ ] Limits\n- [ ] Derivatives\n\n### Calculus II\n"
        "- [ ] Integrals\n- [ ] Series\n",
    )
    report = build(tmp_path, v2)
    assert status_of(tmp_path, "Limits") == "x" and status_of(tmp_path, "Series") == "/"
    assert where(tmp_path, "Series").endswith("Calculus II.md")
    assert report.conflicts == 0
    assert_second_build_is_noop(tmp_path, v2)


def test_merge_two_topics(tmp_path: Path) -> None:
    build(tmp_path, V1)
    tick(tmp_path, ALGEBRA, "Variables")
    tick(tmp_path, GEOMETRY, "Angles")
    v2 = V1.replace(
        "### Algebra\n- [ ] Variables\n- [ ] Equations\n- [ ] Inequalities\n\n"
        "### Geometry\n- [ ] Angles\n- [ ] Triangles\n",
        "### Algebra and Geometry\n- [ ] Variables\n- [ ] Equations\n- [ ] Inequalities\n"
        "- [ ] Angles\n- [ ] Triangles\n",
    )
    build(tmp_path, v2)
    merged = where(tmp_path, "Angles")
    assert merged == where(tmp_path, "Variables")
    assert status_of(tmp_path, "Angles") == "x" and status_of(tmp_path, "Variables") == "x"
    assert not (tmp_path / GEOMETRY).exists()  # untouched apart from the tick, which moved
    assert_second_build_is_noop(tmp_path, v2)


def test_delete_a_ticked_item_archives_it_and_an_unticked_one_goes(tmp_path: Path) -> None:
    build(tmp_path, V1)
    tick(tmp_path, STATISTICS, "Distributions")
    v2 = V1.replace("- [ ] Distributions\n", "").replace("- [ ] Mean and variance\n", "")
    v2 = v2.replace("### Statistics\n", "### Statistics\n- [ ] Hypothesis tests\n")
    report = build(tmp_path, v2)
    text = read(tmp_path, STATISTICS)
    assert ARCHIVE_HEADING in text and "- [x] Distributions ^rv-" in text
    assert "Mean and variance" not in text
    assert any("Distributions" in note for p in report.files for note in p.notes)
    # Kept for the record, not counted: the roadmap's items are what progress measures.
    totals = progress_summary(scan_vault(tmp_path))["totals"]
    assert (totals["done"], totals["total"]) == (0, 10)
    assert_second_build_is_noop(tmp_path, v2)


def test_learner_notes_under_an_item_travel_with_it(tmp_path: Path) -> None:
    build(tmp_path, V1)
    edit(
        tmp_path,
        ALGEBRA,
        "- [ ] Inequalities ^",
        "- [/] Inequalities ^",
    )
    text = read(tmp_path, ALGEBRA)
    line = next(li for li in text.splitlines() if "Inequalities ^" in li)
    edit(tmp_path, ALGEBRA, line, line + "\n\t- flip the sign when multiplying by a negative")
    v2 = V1.replace("- [ ] Inequalities\n", "").replace(
        "- [ ] Triangles\n", "- [ ] Triangles\n- [ ] Inequalities\n"
    )
    build(tmp_path, v2)
    geometry = read(tmp_path, GEOMETRY)
    assert re.search(
        r"- \[/\] Inequalities \^rv-\w+\n\t- flip the sign when multiplying by a negative\n",
        geometry,
    )
    assert "flip the sign" not in read(tmp_path, ALGEBRA)
    assert_second_build_is_noop(tmp_path, v2)


def test_learner_and_roadmap_changed_the_same_line_is_a_conflict(tmp_path: Path) -> None:
    build(tmp_path, V1)
    edit(tmp_path, ALGEBRA, "- [ ] Variables ^", "- [ ] Variables and constants ^")
    edit(tmp_path, ALGEBRA, "- [ ] Variables and constants ^", "- [ ] Unknowns ^")
    v2 = V1.replace("- [ ] Variables", "- [ ] Variables and expressions")
    report = build(tmp_path, v2)
    text = read(tmp_path, ALGEBRA)
    assert report.conflicts == 1
    assert "<<<<<<< vault\n- [ ] Unknowns ^rv-" in text
    assert "=======\n- [ ] Variables and expressions ^rv-" in text and ">>>>>>> roadmap\n" in text
    conflict = [p for p in report.files if p.action is Action.CONFLICT]
    assert [p.relpath for p in conflict] == [ALGEBRA]
    # Not merged again while unresolved: reported, left alone, even when the roadmap moves on.
    v3 = v2.replace("- [ ] Equations", "- [ ] Equations and identities")
    again = build(tmp_path, v3)
    assert again.conflicts == 1 and read(tmp_path, ALGEBRA) == text
    skipped = [p for p in again.files if p.relpath == ALGEBRA]
    assert skipped[0].action is Action.SKIP and "unresolved" in skipped[0].notes[0]
    # Resolved by the learner (kept their wording): the next build merges again.
    resolved = re.sub(r"<<<<<<< vault\n(.*\n)=======\n.*\n>>>>>>> roadmap\n", r"\1", text)
    (tmp_path / ALGEBRA).write_text(resolved)
    final = build(tmp_path, v3)
    assert final.conflicts == 0
    assert "Unknowns" in read(tmp_path, ALGEBRA)
    assert "Equations and identities" in read(tmp_path, ALGEBRA)


def test_learner_deleted_a_note_it_is_not_recreated_unless_restore(tmp_path: Path) -> None:
    build(tmp_path, V1)
    (tmp_path / GEOMETRY).unlink()
    v2 = V1.replace("- [ ] Triangles", "- [ ] Triangles and circles")
    report = build(tmp_path, v2)
    assert not (tmp_path / GEOMETRY).exists()
    assert [p.action for p in report.files if p.relpath == GEOMETRY] == [Action.SKIP]
    assert_second_build_is_noop(tmp_path, v2)
    build(tmp_path, v2, restore=True)
    assert "Triangles and circles" in read(tmp_path, GEOMETRY)


def test_learner_renamed_a_note_it_is_updated_where_it_is(tmp_path: Path) -> None:
    build(tmp_path, V1)
    tick(tmp_path, GEOMETRY, "Angles")
    renamed = tmp_path / "My Geometry.md"
    (tmp_path / GEOMETRY).rename(renamed)
    v2 = V1.replace("- [ ] Triangles", "- [ ] Triangles\n- [ ] Circles")
    build(tmp_path, v2)
    assert not (tmp_path / GEOMETRY).exists()
    text = renamed.read_text()
    assert "- [x] Angles ^rv-" in text and "- [ ] Circles ^rv-" in text
    phase = read(tmp_path, f"{ROOT}/01 Basics/Basics.md")
    assert "[[My Geometry|Geometry]]" in phase  # links follow the learner's name
    assert_second_build_is_noop(tmp_path, v2)


def test_learner_own_tasks_and_properties_stay(tmp_path: Path) -> None:
    build(tmp_path, V1)
    edit(tmp_path, ALGEBRA, "roadvault_kind: topic\n", "roadvault_kind: topic\nrating: 4 # good\n")
    edit(tmp_path, ALGEBRA, "## My notes", "- [ ] my own exercise set\n\n## My notes")
    v2 = V1.replace("### Algebra\n", "### Algebra (1 week)\n").replace(
        "- [ ] Inequalities", "- [ ] Inequalities\n- [ ] Absolute values"
    )
    build(tmp_path, v2)
    text = read(tmp_path, ALGEBRA)
    assert "rating: 4 # good\n" in text and "duration: 1 week" in text
    assert "- [ ] my own exercise set" in text and "Absolute values" in text
    assert_second_build_is_noop(tmp_path, v2)


def test_crlf_roadmap_update_and_crlf_notes_stay_crlf(tmp_path: Path) -> None:
    build(tmp_path, V1)
    path = tmp_path / ALGEBRA
    path.write_bytes(
        path.read_bytes().replace(b"\n", b"\r\n").replace(b"- [ ] Variables", b"- [x] Variables")
    )
    v2 = V1.replace("- [ ] Equations", "- [ ] Linear equations").replace("\n", "\r\n")
    build(tmp_path, v2)
    data = path.read_bytes()
    assert b"- [x] Variables ^rv-" in data and b"Linear equations" in data
    assert data.count(b"\r\n") == data.count(b"\n")  # every line end still CRLF
    assert_second_build_is_noop(tmp_path, v2)


def test_same_update_twice_second_is_noop(tmp_path: Path) -> None:
    build(tmp_path, V1)
    tick(tmp_path, ALGEBRA, "Variables")
    v2 = V1.replace("### Geometry", "### Plane Geometry")
    build(tmp_path, v2)
    assert_second_build_is_noop(tmp_path, v2)


def test_lost_state_still_keeps_ticks_and_lines(tmp_path: Path) -> None:
    import shutil

    build(tmp_path, V1)
    tick(tmp_path, ALGEBRA, "Variables")
    edit(tmp_path, ALGEBRA, "## My notes", "## My notes\nMy summary.")
    shutil.rmtree(tmp_path / ".roadvault")
    v2 = V1.replace("- [ ] Inequalities", "- [ ] Inequalities\n- [ ] Absolute values")
    report = build(tmp_path, v2)
    text = read(tmp_path, ALGEBRA)
    assert item_statuses(text) and status_of(tmp_path, "Variables") == "x"
    assert "My summary." in text and "Absolute values" in text
    assert report.conflicts == 0
    assert not list(tmp_path.glob("Study Plan 2*"))  # the same folder, not a copy
    assert_second_build_is_noop(tmp_path, v2)


def test_a_build_interrupted_after_writing_notes_is_not_merged_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped after the notes but before their base copies, a build leaves notes that
    already hold the new roadmap. The next build must not merge it into them again (a
    reorder around the learner's line would then conflict and repeat a line)."""
    import roadvault.vault.build as build_module

    build(tmp_path, V1)
    edit(tmp_path, CALCULUS, "- [ ] Derivatives ^", "- [x] Derivatives ^")
    text = read(tmp_path, CALCULUS)
    line = next(li for li in text.splitlines() if "Derivatives ^" in li)
    edit(tmp_path, CALCULUS, line, line + "\nMy line between two items.")
    v2 = V1.replace(
        "- [ ] Limits\n- [ ] Derivatives\n- [ ] Integrals\n- [ ] Series\n",
        "- [ ] Series\n- [ ] Derivatives\n- [ ] Integrals\n- [ ] Limits\n",
    )
    reference = tmp_path / "reference"
    shutil.copytree(tmp_path, reference, ignore=shutil.ignore_patterns("reference"))

    def stop(*_args: object, **_kwargs: object) -> int:
        raise KeyboardInterrupt  # as if killed once the notes were written

    with monkeypatch.context() as patch:
        patch.setattr(build_module, "_save", stop)
        with pytest.raises(KeyboardInterrupt):
            build(tmp_path, v2)
    report = build(tmp_path, v2)
    assert report.conflicts == 0
    assert read(tmp_path, CALCULUS).count("My line between two items.") == 1
    build(reference, v2)
    assert read(tmp_path, CALCULUS) == read(reference, CALCULUS)
    assert_second_build_is_noop(tmp_path, v2)


def test_an_item_in_an_open_conflict_is_counted_once(tmp_path: Path) -> None:
    """Before: 1/11 became 2/12 while the conflict was open (the roadmap side's copy counted
    as an own task), and doctor reported one conflict as two problems."""
    from roadvault.vault.doctor import doctor_vault

    build(tmp_path, V1)
    edit(tmp_path, ALGEBRA, "- [ ] Variables ^", "- [x] Unknowns ^")
    before = progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]
    assert (before["done"], before["total"]) == (1, 11)
    report = build(tmp_path, V1.replace("- [ ] Variables", "- [ ] Variables and expressions"))
    assert report.conflicts == 1
    totals = progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]
    assert (totals["done"], totals["total"]) == (1, 11)
    problems = doctor_vault(tmp_path).problems
    assert [(p.relpath, p.kind) for p in problems] == [(ALGEBRA, "conflict")]


def test_report_lines_agree_while_a_conflict_waits(tmp_path: Path) -> None:
    """Before: `skip … (unresolved conflicts)`, then "nothing to write: the vault is up to
    date", then "look for <<<<<<< vault in the notes marked 'conflict' above"."""
    from roadvault.vault.report import conflict_line, summary_line

    build(tmp_path, V1)
    edit(tmp_path, ALGEBRA, "- [ ] Variables ^", "- [ ] Unknowns ^")
    v2 = V1.replace("- [ ] Variables", "- [ ] Variables and expressions")
    first = build(tmp_path, v2)
    assert conflict_line(first.files) == (
        f"1 conflict(s) to resolve: look for <<<<<<< vault in {ALGEBRA}"
    )
    again = build(tmp_path, v2)
    line = summary_line(again.files, vault="V", dry_run=False, written=again.written)
    assert "up to date" not in line
    assert line.endswith("(nothing written: 1 note waits for its conflicts to be resolved)")
    assert conflict_line(again.files) == conflict_line(first.files)


def test_a_reworded_item_keeps_its_tick_and_the_report_says_so(tmp_path: Path) -> None:
    """Before: an item reworded beyond a rename lost its tick (archived, done 1 → 0)."""
    from roadvault.vault.update.id_carry import rename_score

    old, new = "Mean and variance", "Variance of a sample, and the standard deviation"
    assert rename_score(old, new) == 0  # not a rename by its words
    build(tmp_path, V1)
    tick(tmp_path, STATISTICS, old)
    v2 = V1.replace(f"- [ ] {old}", f"- [ ] {new}")
    report = build(tmp_path, v2)
    assert f"- [x] {new} ^" in read(tmp_path, STATISTICS)
    assert ARCHIVE_HEADING not in read(tmp_path, STATISTICS)
    assert report.notices == [
        f"{old!r} is now {new!r} (same place in the roadmap): kept as the same item, with "
        "its tick and your lines"
    ]
    assert progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]["done"] == 1
    assert_second_build_is_noop(tmp_path, v2)


def test_a_ticked_item_that_gains_sub_items_keeps_its_tick(tmp_path: Path) -> None:
    """Before: the line became a plain bullet (`- Limits ✅ … ^rv-…`), the report said
    `merge`, done dropped 1 → 0."""
    build(tmp_path, V1)
    edit(tmp_path, CALCULUS, "- [ ] Limits ^", "- [x] Limits ✅ 2026-03-01 ^")
    v2 = V1.replace(
        "- [ ] Limits\n", "- [ ] Limits\n  - [ ] One-sided limits\n  - [ ] Continuity\n"
    )
    build(tmp_path, v2)
    text = read(tmp_path, CALCULUS)
    assert re.search(r"^- \[x\] Limits ✅ 2026-03-01 \^rv-\w+\n\t- \[ \] One-sided", text, re.M)
    done = progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]["done"]
    assert done >= 1
    assert_second_build_is_noop(tmp_path, v2)


def test_a_copy_pasted_item_line_keeps_the_most_advanced_status_and_all_lines(
    tmp_path: Path,
) -> None:
    """The learner duplicates an item line, ticks the upper copy and writes under the lower
    one. Before: an unrelated update kept `[ ]` with the note and deleted the `[x]` copy."""
    build(tmp_path, V1)
    text = read(tmp_path, ALGEBRA)
    line = re.search(r"^- \[ \] Equations \^rv-\w+$", text, re.M).group(0)
    twin = line.replace("[ ]", "[x]") + "\n" + line + "\n\t- balance both sides"
    (tmp_path / ALGEBRA).write_text(text.replace(line, twin), encoding="utf-8")
    v2 = V1.replace("- [ ] Inequalities", "- [ ] Inequalities and intervals")
    build(tmp_path, v2)
    merged = read(tmp_path, ALGEBRA)
    assert merged.count(line.split(" ^")[1]) == 1, merged  # one line for the item
    assert re.search(r"^- \[x\] Equations \^rv-\w+\n\t- balance both sides$", merged, re.M)
    assert "Inequalities and intervals" in merged
    assert_second_build_is_noop(tmp_path, v2)


def test_text_appended_to_an_item_comes_back_with_it(tmp_path: Path) -> None:
    """Removed, then re-added: the learner's `✅ date` and words come back with the item.
    Before: the ticked item returned without its date; the unticked extended one stayed as
    an orphan and, re-added, the note held its block id twice (doctor exit 1)."""
    from roadvault.vault.doctor import doctor_vault

    build(tmp_path, V1)
    edit(tmp_path, ALGEBRA, "- [ ] Variables ^", "- [x] Variables ✅ 2026-02-10 ^")
    edit(tmp_path, ALGEBRA, "- [ ] Equations ^", "- [ ] Equations (chapter 3) ^")
    gone = V1.replace("- [ ] Variables\n", "").replace("- [ ] Equations\n", "")
    build(tmp_path, gone)
    assert "Equations (chapter 3)" in read(tmp_path, ALGEBRA)
    build(tmp_path, V1)
    text = read(tmp_path, ALGEBRA)
    assert re.search(r"^- \[x\] Variables ✅ 2026-02-10 \^rv-\w+$", text, re.M), text
    assert re.search(r"^- \[ \] Equations \(chapter 3\) \^rv-\w+$", text, re.M), text
    assert ARCHIVE_HEADING not in text
    assert [p.kind for p in doctor_vault(tmp_path).problems] == []
    assert progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]["total"] == 11
    assert_second_build_is_noop(tmp_path, V1)


def test_a_topic_that_returns_is_no_longer_marked_removed(tmp_path: Path) -> None:
    """Before: the note kept `roadvault_status: removed` after its topic came back."""
    build(tmp_path, V1)
    tick(tmp_path, GEOMETRY, "Angles")
    v2 = V1.replace("### Geometry\n- [ ] Angles\n- [ ] Triangles\n", "")
    build(tmp_path, v2)
    assert "roadvault_status: removed" in read(tmp_path, GEOMETRY)
    report = build(tmp_path, V1)
    text = read(tmp_path, GEOMETRY)
    assert "roadvault_status" not in text
    assert re.search(r"^- \[x\] Angles \^rv-\w+$", text, re.M)
    assert report.conflicts == 0
    assert_second_build_is_noop(tmp_path, V1)


def test_items_returning_to_an_emptied_note_merge_without_a_conflict(tmp_path: Path) -> None:
    """The roadmap empties a topic (the note stays, for the learner's line), then brings
    its items back: no conflict markers, the learner's line kept, ticks counted."""
    build(tmp_path, V1)
    edit(tmp_path, GEOMETRY, "## My notes", "- [ ] my own geometry task\n\n## My notes")
    build(tmp_path, V1.replace("- [ ] Angles\n- [ ] Triangles\n", ""))
    report = build(tmp_path, V1)
    text = read(tmp_path, GEOMETRY)
    assert report.conflicts == 0 and "<<<<<<<" not in text
    assert "- [ ] my own geometry task" in text and "roadvault_status" not in text
    assert re.search(r"^- \[ \] Angles \^rv-\w+\n- \[ \] Triangles \^rv-\w+$", text, re.M)
    assert_second_build_is_noop(tmp_path, V1)


def test_a_ticked_item_that_becomes_a_topic_hands_its_tick_to_the_new_note(
    tmp_path: Path,
) -> None:
    """A phase-level item gains sub-items and becomes a topic with its own note. Before: the
    ticked line was archived ("Removed from the roadmap") and done dropped 1 → 0."""
    v1 = "# Ops\n\n## Phase 1: Containers\n- [ ] Docker basics\n- [ ] Compose files\n"
    v2 = v1.replace("- [ ] Docker basics\n", "- [ ] Docker basics\n  - [ ] Run\n  - [ ] Images\n")
    phase = "Ops/01 Containers/Containers.md"
    build(tmp_path, v1)
    tick(tmp_path, phase, "Docker basics")
    report = build(tmp_path, v2)
    topic = read(tmp_path, "Ops/01 Containers/Docker basics.md")
    assert re.search(r"^- \[x\] Run \^rv-\w+\n- \[x\] Images \^rv-\w+$", topic, re.M), topic
    assert ARCHIVE_HEADING not in read(tmp_path, phase)
    notes = [note for p in report.files if p.relpath == phase for note in p.notes]
    assert any("Docker basics" in note and "tick" in note for note in notes), notes
    assert progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]["done"] == 2
    assert_second_build_is_noop(tmp_path, v2)


def test_a_ticked_item_archived_then_back_with_sub_items_keeps_its_tick(tmp_path: Path) -> None:
    """The two-step form: removed (archived with its tick), then re-added with sub-items.
    Before: revived onto a plain bullet, the tick gone."""
    build(tmp_path, V1)
    tick(tmp_path, CALCULUS, "Limits")
    build(tmp_path, V1.replace("- [ ] Limits\n", ""))
    v3 = V1.replace("- [ ] Limits\n", "- [ ] Limits\n  - [ ] One-sided limits\n")
    build(tmp_path, v3)
    text = read(tmp_path, CALCULUS)
    assert re.search(r"^- \[x\] Limits \^rv-\w+\n\t- \[ \] One-sided limits", text, re.M)
    assert ARCHIVE_HEADING not in text
    assert progress_summary(scan_vault(tmp_path, use_cache=False))["totals"]["done"] == 1
    assert_second_build_is_noop(tmp_path, v3)
