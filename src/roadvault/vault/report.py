"""What a build did, as text for people: per-file lines, the summary, unified diffs (pure)."""

from __future__ import annotations

import difflib

from roadvault.vault.plan import PlannedFile
from roadvault.vault.update.item_travel import Action

# Summary order, and the words for each action.
_SUMMARY = (
    (Action.CREATE, "created"),
    (Action.UPDATE, "updated"),
    (Action.MERGE, "merged"),
    (Action.CONFLICT, "with conflicts"),
    (Action.ARCHIVE, "archived"),
    (Action.DELETE, "deleted"),
    (Action.SKIP, "skipped"),
    (Action.UNCHANGED, "unchanged"),
)
_ALWAYS = {Action.CREATE, Action.UPDATE, Action.UNCHANGED}
ACTION_WIDTH = max(len(action.value) for action in Action) + 2


def action_line(planned: PlannedFile) -> str:
    """`create     ML Roadmap/01 Foundations/Linear Algebra.md  (why, when there is a why)`."""
    line = f"{planned.action.value:<{ACTION_WIDTH}}{planned.relpath}"
    if planned.notes:
        line += f"  ({'; '.join(planned.notes)})"
    return line


def summary_line(files: list[PlannedFile], *, vault: str, dry_run: bool, written: int) -> str:
    """`3 created, 0 updated, 12 unchanged → /path/to/vault` (+ what a dry run would do)."""
    counts = {action: 0 for action, _ in _SUMMARY}
    for planned in files:
        counts[planned.action] += 1
    parts = [
        f"{counts[action]} {word}"
        for action, word in _SUMMARY
        if counts[action] or action in _ALWAYS
    ]
    text = ", ".join(parts)
    if dry_run:
        return f"dry run: {text} → {vault} (nothing written)"
    if written == 0:
        waiting = sum(1 for planned in files if planned.conflicts)
        if waiting:  # not "up to date": those notes did not get the roadmap's changes
            notes = "1 note waits for its" if waiting == 1 else f"{waiting} notes wait for their"
            return f"{text} → {vault} (nothing written: {notes} conflicts to be resolved)"
        return f"{text} → {vault} (nothing to write: the vault is up to date)"
    return f"{text} → {vault}"


def conflict_line(files: list[PlannedFile]) -> str:
    """Where the conflicts are, naming the notes (reported as `conflict` when this build
    wrote them, `skip` when an earlier build did); "" for none."""
    conflicted = [planned for planned in files if planned.conflicts]
    if not conflicted:
        return ""
    total = sum(planned.conflicts for planned in conflicted)
    where = ", ".join(planned.relpath for planned in conflicted)
    return f"{total} conflict(s) to resolve: look for <<<<<<< vault in {where}"


def diff_text(planned: PlannedFile) -> str:
    """A unified diff of what the build writes (or deletes) at this path; "" for none."""
    if not (planned.writes or planned.deletes):
        return ""
    before = planned.before or ""
    after = "" if planned.deletes else planned.after or ""
    label = planned.moved_from or planned.relpath
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{label}" if planned.before is not None else "/dev/null",
        tofile="/dev/null" if planned.deletes else f"b/{planned.relpath}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
