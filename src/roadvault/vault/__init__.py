"""The vault: a roadmap model → notes, checklists, properties and a map in an Obsidian
vault, kept in step with the roadmap without losing the learner's ticks or writing.

    build_vault(roadmap, vault, *, name=None, depth=2, dry_run=False, restore=False,
                progress=None) -> BuildReport
    check_vault(files, *, owned=None, authored_targets=()) -> list[Problem]   pure
"""

from roadvault.vault.build import BuildReport, build_vault
from roadvault.vault.check import Problem, check_vault

__all__ = ["BuildReport", "Problem", "build_vault", "check_vault"]
