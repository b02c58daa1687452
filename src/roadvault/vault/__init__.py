"""The vault: a roadmap model → notes, checklists, properties and a map in an Obsidian
vault, kept in step with the roadmap without losing the learner's ticks or writing.

    build_vault(roadmap, vault, *, name=None, depth=2, dry_run=False, restore=False,
                progress=None, start=None) -> BuildReport
    refresh_progress(report, *, now) -> bool   the caller's step after a build: Progress.md
    check_vault(files, *, owned=None, authored_targets=()) -> list[Problem]   pure
"""

from roadvault.vault.build import BuildReport, build_vault, refresh_progress
from roadvault.vault.check import Problem, check_vault

__all__ = ["BuildReport", "Problem", "build_vault", "check_vault", "refresh_progress"]
