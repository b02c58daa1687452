"""`roadvault doctor`: what needs the learner's attention in a vault.

Finds unresolved conflict markers, block ids used twice, notes whose `roadvault_id` no
roadmap of the vault knows, and broken links (in roadvault's notes and Progress.md; in every
note with `all_links`). Reading is the edge (`read_vault_files`); `diagnose` is pure.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from roadvault.errors import InputError, VaultError
from roadvault.manifest import read_manifest_text
from roadvault.model import Roadmap
from roadvault.obsidian.frontmatter import front_matter_yaml
from roadvault.vault import check
from roadvault.vault.frontmatter import read_owned_properties
from roadvault.vault.state import (
    Manifest,
    list_vault,
    load_roadmap_model,
    read_disk_file,
)
from roadvault.vaultformat import CANVAS_EXT, MANIFEST_RELPATH, NOTE_EXT, PROGRESS_NOTE

logger = logging.getLogger(__name__)

_CHECKED_EXTS = (NOTE_EXT, CANVAS_EXT)


@dataclass(slots=True)
class Diagnosis:
    problems: list[check.Problem] = field(default_factory=list)
    checked: int = 0  # files read
    skipped: list[str] = field(default_factory=list)  # files that could not be read

    @property
    def conflicts(self) -> int:
        return sum(1 for problem in self.problems if problem.kind == "conflict")

    def count(self, kind: str) -> int:
        return sum(1 for problem in self.problems if problem.kind == kind)


def known_ids(manifest: Manifest) -> set[str]:
    """Every note id the manifest's roadmaps know (roadmap notes included)."""
    ids: set[str] = set()
    for entry in manifest.roadmaps.values():
        ids.update(entry.notes)
        if entry.id:
            ids.add(entry.id)
    ids.update(rec.id for rec in manifest.files.values() if rec.id)
    return ids


def diagnose(
    files: Mapping[str, str],
    manifest: Manifest,
    *,
    authored_targets: set[str] | frozenset[str] = frozenset(),
    all_links: bool = False,
) -> list[check.Problem]:
    """The problems of a vault given as {relpath: text} (pure)."""
    notes = {path: text for path, text in files.items() if path.endswith(NOTE_EXT)}
    problems = check.check_conflicts(notes) + check.check_block_ids(notes)
    ids = known_ids(manifest)
    for relpath, text in notes.items():
        if "roadvault_id" not in front_matter_yaml(text):
            continue
        try:
            note_id = read_owned_properties(text).get("roadvault_id")
        except InputError as exc:
            problems.append(check.Problem(relpath, exc.line, "properties", exc.message))
            continue
        if isinstance(note_id, str) and note_id not in ids:
            message = f"roadvault_id {note_id} belongs to no roadmap of this vault"
            problems.append(check.Problem(relpath, None, "unknown-id", message))
    link_sources = set(files) if all_links else {*manifest.files, PROGRESS_NOTE}
    link_problems = check.check_links(files, authored_targets=authored_targets)
    problems += [
        explain_deleted(problem, files, manifest)
        for problem in link_problems
        if problem.relpath in link_sources
    ]
    return sorted(problems, key=lambda p: (p.relpath, p.line or 0, p.kind))


def explain_deleted(
    problem: check.Problem, files: Mapping[str, str], manifest: Manifest
) -> check.Problem:
    """A broken link to a note roadvault generated and the learner deleted says so, and how
    to get it back (the next build writes the title as plain text instead of the link)."""
    match = re.match(r"broken link \[\[(.+)\]\]$", problem.message)
    if problem.kind != "link" or match is None:
        return problem
    target = match.group(1).casefold()
    for relpath in manifest.files:
        name = PurePosixPath(relpath).name.removesuffix(NOTE_EXT).casefold()
        if relpath.endswith(NOTE_EXT) and relpath not in files and name == target:
            message = (
                f"link to [[{match.group(1)}]], a note you deleted ({relpath}): the next build "
                "writes its title as plain text; `roadvault build --restore` brings it back"
            )
            return check.Problem(problem.relpath, problem.line, problem.kind, message)
    return problem


def read_vault_files(vault: Path) -> tuple[dict[str, str], list[str]]:
    """Every note and canvas of the vault as text (no symlinks, no dot folders), and the
    paths that could not be read."""
    files: dict[str, str] = {}
    skipped: list[str] = []
    for relpath in list_vault(vault).file_relpaths:
        if not relpath.endswith(_CHECKED_EXTS):
            continue
        disk = read_disk_file(vault, relpath)
        if disk.text is None:
            skipped.append(f"{relpath}: {disk.reason or 'cannot be read'}")
        else:
            files[relpath] = disk.text
    return files, skipped


def doctor_vault(vault: Path, *, all_links: bool = False) -> Diagnosis:
    """Check the vault at `vault` (read-only)."""
    vault = Path(vault)
    from roadvault.progress.vault_scan import check_vault_folder

    check_vault_folder(vault)  # the same words as `status` and `watch` for a missing folder
    text = read_manifest_text(vault)
    if text is None:
        raise VaultError(
            "is not a roadvault vault (no .roadvault/manifest.json)",
            path=vault,
            hint="build one with: roadvault build ROADMAP --vault " + str(vault),
        )
    manifest = Manifest.from_text(text, path=vault / MANIFEST_RELPATH)
    authored: set[str] = set()
    for slug in manifest.roadmaps:
        model = load_roadmap_model(vault, slug)
        if model is not None:
            authored |= _authored_targets(model)
    files, skipped = read_vault_files(vault)
    problems = diagnose(files, manifest, authored_targets=authored, all_links=all_links)
    return Diagnosis(problems=problems, checked=len(files), skipped=skipped)


def _authored_targets(model: Roadmap) -> set[str]:
    from roadvault.vault.build import authored_link_targets

    return authored_link_targets(model)
