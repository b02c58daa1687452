"""A topic that loses its sub-items folds back into one item: when the learner had ticked
every item of its note, the item is done, unless its box says otherwise. Full builds:
roadmap v1, the learner's edit, roadmap v2 (and v3), the note text asserted."""

from __future__ import annotations

import re
from pathlib import Path

from roadvault.model import Roadmap
from roadvault.vault.build import BuildReport, build_vault

from .helpers import tree

PHASE_NOTE = "Plan/01 Phase one/Phase one.md"
LONE_NOTE = "Plan/01 Phase one/Lone.md"


def plan(*lone_items: str) -> Roadmap:
    """Phase one holds Topic a and "Lone": a topic with `lone_items`, or an item of the
    phase note when there are none."""
    lone: object = ("Lone", list(lone_items)) if lone_items else "Lone"
    return tree("Plan", [("Phase one", [("Topic a", ["A1"]), lone])])


def read(vault: Path, relpath: str) -> str:
    return (vault / relpath).read_text(encoding="utf-8")


def edit(vault: Path, relpath: str, pattern: str, new: str) -> None:
    """Replace the line matching `pattern` (a regex of one whole line) with `new`."""
    text = read(vault, relpath)
    changed, count = re.subn(f"^{pattern}$", new, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {relpath}:\n{text}"
    (vault / relpath).write_text(changed, encoding="utf-8")


def settled(vault: Path, roadmap: Roadmap) -> bool:
    again = build_vault(roadmap, vault)
    return again.written == 0 and again.state_written == 0


def remarks(report: BuildReport) -> list[str]:
    return [note for planned in report.files for note in planned.notes]


def test_an_annotated_item_whose_note_was_ticked_through_folds_back_done(
    tmp_path: Path,
) -> None:
    """v1: "Lone" is an item; the learner writes a line under it. v2: it has a sub-item,
    so it is a topic with a note, and its line goes under "Removed from the roadmap" with
    the learner's line. The learner ticks the only item of the new note. v3 (= v1): Lone
    is an item again, its line back from the archive. Expected: `[x]`, the learner's line
    under it. Before: `[ ]` (the archived line's box, never set by the learner, won over
    the fold-back: done 1 → 0)."""
    build_vault(plan(), tmp_path)
    edit(tmp_path, PHASE_NOTE, r"(- \[ \] Lone \^rv-\w+)", r"\1\n\t- my note on Lone")
    build_vault(plan("Part one"), tmp_path)
    archived = read(tmp_path, PHASE_NOTE)
    assert re.search(r"^- \[ \] Lone \^rv-\w+\n\t- my note on Lone$", archived, re.M), archived
    edit(tmp_path, LONE_NOTE, r"- \[ \] (Part one \^rv-\w+)", r"- [x] \1")
    back = build_vault(plan(), tmp_path)
    assert back.conflicts == 0
    phase = read(tmp_path, PHASE_NOTE)
    assert re.search(r"^- \[x\] Lone \^rv-\w+\n\t- my note on Lone$", phase, re.M), phase
    assert "Removed from the roadmap" not in phase
    assert any("'Lone' is an item again" in n for n in remarks(back)), remarks(back)
    assert settled(tmp_path, plan())


def test_an_untick_of_a_folded_back_item_with_a_line_under_it_gives_way_to_the_fold(
    tmp_path: Path,
) -> None:
    """The rule's other side: a to-do line kept for the lines under it shows the box it had
    when it left, so the fold-back decides. v1: Lone has one item, which the learner
    ticks; v2: Lone folds back, done; the learner unticks it and writes under it; v3: its
    item is back (the kept note, still ticked), Lone's line archived with its `[ ]`; v4:
    folded again. The box cannot be told from one never set (previous test): done, from
    the note's ticks. Before: `[ ]`."""
    build_vault(plan("Part one"), tmp_path)
    edit(tmp_path, LONE_NOTE, r"- \[ \] (Part one \^rv-\w+)", r"- [x] \1")
    build_vault(plan(), tmp_path)
    assert re.search(r"^- \[x\] Lone \^rv-\w+$", read(tmp_path, PHASE_NOTE), re.M)
    edit(tmp_path, PHASE_NOTE, r"- \[x\] (Lone \^rv-\w+)", r"- [ ] \1\n\t- not quite")
    build_vault(plan("Part one"), tmp_path)
    assert "- [x] Part one ^" in read(tmp_path, LONE_NOTE)
    back = build_vault(plan(), tmp_path)
    assert back.conflicts == 0
    phase = read(tmp_path, PHASE_NOTE)
    assert re.search(r"^- \[x\] Lone \^rv-\w+\n\t- not quite$", phase, re.M), phase
    assert settled(tmp_path, plan())


def test_an_untouched_item_that_folds_back_takes_the_ticks_of_its_note(tmp_path: Path) -> None:
    """The second soak find, as the vault sees it: the learner ticked "Lone" and unticked
    it again before the next build, so no file ever showed the change. Lone becomes a
    topic, the learner ticks its only item, the roadmap takes the item away: Lone is done
    (passes before and after the session's fix: the loss was the property test's model,
    which took the no-op as the learner's `[ ]`)."""
    build_vault(plan(), tmp_path)
    before = read(tmp_path, PHASE_NOTE)
    edit(tmp_path, PHASE_NOTE, r"- \[ \] (Lone \^rv-\w+)", r"- [x] \1")
    edit(tmp_path, PHASE_NOTE, r"- \[x\] (Lone \^rv-\w+)", r"- [ ] \1")
    assert read(tmp_path, PHASE_NOTE) == before  # nothing a build could read
    build_vault(plan("Part one"), tmp_path)
    edit(tmp_path, LONE_NOTE, r"- \[ \] (Part one \^rv-\w+)", r"- [x] \1")
    back = build_vault(plan(), tmp_path)
    assert back.conflicts == 0
    phase = read(tmp_path, PHASE_NOTE)
    assert re.search(r"^- \[x\] Lone \^rv-\w+$", phase, re.M), phase
    assert settled(tmp_path, plan())


def test_an_untick_of_a_folded_back_item_stays_when_nothing_else_is_on_its_line(
    tmp_path: Path,
) -> None:
    """The box alone kept the line (an untick of the fold-back): it is the learner's, and
    the next fold leaves it open (as before the session's fix)."""
    build_vault(plan("Part one"), tmp_path)
    edit(tmp_path, LONE_NOTE, r"- \[ \] (Part one \^rv-\w+)", r"- [x] \1")
    build_vault(plan(), tmp_path)
    edit(tmp_path, PHASE_NOTE, r"- \[x\] (Lone \^rv-\w+)", r"- [ ] \1")
    build_vault(plan("Part one"), tmp_path)
    back = build_vault(plan(), tmp_path)
    assert back.conflicts == 0
    phase = read(tmp_path, PHASE_NOTE)
    assert re.search(r"^- \[ \] Lone \^rv-\w+$", phase, re.M), phase
    assert settled(tmp_path, plan())


def test_an_untick_of_a_folded_back_item_renamed_while_archived_stays(tmp_path: Path) -> None:
    """As the previous test, and the roadmap renames Lone while its line is archived: the
    line comes back under the new title, its `[ ]` still the learner's (other words than
    the roadmap's are no words of theirs)."""
    build_vault(plan("Part one"), tmp_path)
    edit(tmp_path, LONE_NOTE, r"- \[ \] (Part one \^rv-\w+)", r"- [x] \1")
    build_vault(plan(), tmp_path)
    edit(tmp_path, PHASE_NOTE, r"- \[x\] (Lone \^rv-\w+)", r"- [ ] \1")
    build_vault(plan("Part one"), tmp_path)
    renamed = plan("Part one")
    renamed.nodes[0].children[1].title = "Lone revised"
    build_vault(renamed, tmp_path)
    renamed.nodes[0].children[1].children.clear()
    back = build_vault(renamed, tmp_path)
    assert back.conflicts == 0
    phase = read(tmp_path, PHASE_NOTE)
    assert re.search(r"^- \[ \] Lone revised \^rv-\w+$", phase, re.M), phase
    assert settled(tmp_path, renamed)


def test_an_item_with_words_of_the_learner_folds_back_done(tmp_path: Path) -> None:
    """v1: the learner appends words to "Lone" (its box open); v2: Lone is a topic, its
    line archived for those words; they tick its only item; v3: Lone folds back done,
    with their words. Before: `[ ]`."""
    build_vault(plan(), tmp_path)
    edit(tmp_path, PHASE_NOTE, r"- \[ \] Lone (\^rv-\w+)", r"- [ ] Lone (chapter 3) \1")
    build_vault(plan("Part one"), tmp_path)
    assert "- [ ] Lone (chapter 3) ^" in read(tmp_path, PHASE_NOTE)
    edit(tmp_path, LONE_NOTE, r"- \[ \] (Part one \^rv-\w+)", r"- [x] \1")
    back = build_vault(plan(), tmp_path)
    assert back.conflicts == 0
    phase = read(tmp_path, PHASE_NOTE)
    assert re.search(r"^- \[x\] Lone \(chapter 3\) \^rv-\w+$", phase, re.M), phase
    assert settled(tmp_path, plan())
