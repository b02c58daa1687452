"""The starter files of a vault (`vault_template/`): `.obsidian/` settings, the CSS snippet,
Home.md and the note templates — copied only where absent, never over the learner's.

Rules (docs/FORMAT.md §4, `template`):
- a file is copied when it is absent *and* roadvault never wrote it before (a learner who
  deleted Home.md does not get it back); the manifest's `template` map remembers what was
  written (relpath → sha256);
- `graph.json` carries one colour group per roadmap; it is rewritten only while it is still
  exactly what roadvault wrote (once Obsidian or the learner changed it, it is theirs);
- `types.json` that exists gets our missing property types added, textually, and only when
  the result is still valid JSON with every old entry intact; otherwise it is left alone;
- workspace files and plugins are never shipped.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from roadvault.vault.plan import PlannedFile, encode_like
from roadvault.vault.render.notes import render_home
from roadvault.vault.state import DiskFile, sha256_text
from roadvault.vault.update.item_travel import Action
from roadvault.vaultformat import CONFIG_DIR, HOME_NOTE

logger = logging.getLogger(__name__)

PACKAGE_FOLDER = "vault_template"
GRAPH = f"{CONFIG_DIR}/graph.json"
TYPES = f"{CONFIG_DIR}/types.json"
_NEVER_SHIP = re.compile(r"(^|/)(workspace[^/]*\.json|plugins/|\.DS_Store$)")
# Graph colours (RGB as Obsidian stores them), one per roadmap in manifest order.
PALETTE = (0x4C9BE8, 0xE8894C, 0x5DBB63, 0xC25FD3, 0xE0C341, 0xE05D6F, 0x45C4B8, 0x8C7AE6)


def template_root() -> Traversable:
    """The template folder: inside the installed package (wheel), or at the top of the
    repository (editable install, tests)."""
    packaged = resources.files("roadvault").joinpath(PACKAGE_FOLDER)
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / PACKAGE_FOLDER


def read_template(root: Traversable | None = None) -> dict[str, str]:
    """Every template file: {relpath: text}, sorted."""
    found: dict[str, str] = {}

    def visit(folder: Traversable, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda item: item.name):
            relpath = f"{prefix}{entry.name}"
            if entry.is_dir():
                visit(entry, relpath + "/")
            elif not _NEVER_SHIP.search(relpath) and entry.name != ".keep":
                found[relpath] = entry.read_bytes().decode("utf-8")

    visit(root or template_root(), "")
    return dict(sorted(found.items()))


def render_graph(template_text: str, slugs: list[str]) -> str:
    """graph.json with one colour group per roadmap (by its `roadmap/<slug>` tag)."""
    settings = json.loads(template_text)
    settings["colorGroups"] = [
        {"query": f"tag:#roadmap/{slug}", "color": {"a": 1, "rgb": PALETTE[i % len(PALETTE)]}}
        for i, slug in enumerate(slugs)
    ]
    return json.dumps(settings, indent=2) + "\n"


def add_missing_types(text: str, wanted: Mapping[str, str]) -> str | None:
    """`text` (a types.json) with the property types in `wanted` that it lacks inserted
    textually at the top of its `types` object; None when nothing is missing or the file
    is not a shape we can change safely (then it is left alone)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("types", {}), dict):
        return None
    types = data.get("types", {})
    missing = {key: value for key, value in wanted.items() if key not in types}
    if not missing:
        return None
    opening = re.search(r'"types"\s*:\s*\{', text)
    if opening is None:
        return None
    indent = "    "
    entries = [
        f"\n{indent}{json.dumps(key)}: {json.dumps(value)}" for key, value in missing.items()
    ]
    insert = ",".join(entries) + ("," if types else "")
    changed = text[: opening.end()] + insert + text[opening.end() :]
    try:
        result = json.loads(changed)
    except json.JSONDecodeError:
        return None
    if result.get("types") != {**types, **missing} or {**result, "types": types} != data:
        return None
    return changed


def plan_template(
    template: Mapping[str, str],
    disk: Mapping[str, DiskFile],
    written_before: Mapping[str, str],
    *,
    slugs: list[str],
    home_links: list[tuple[str, str]] | None = None,
) -> list[PlannedFile]:
    """What to do with each template file (pure); `disk` holds every template relpath and
    `written_before` is the manifest's `template` map. `home_links` ((note name, title) per
    roadmap) fill Home.md's roadmap list, also in a Home.md the learner has changed, as long
    as it keeps the list's marker lines (vault/render/notes.py `render_home`)."""
    planned: list[PlannedFile] = []
    for relpath, text in template.items():
        here = disk[relpath]
        wanted = render_graph(text, slugs) if relpath == GRAPH else text
        if relpath == HOME_NOTE and home_links is not None:
            wanted = render_home(text, home_links)
        ours_before = written_before.get(relpath)
        action, notes, after = Action.UNCHANGED, [], here.text
        if here.state == "blocked":
            action, notes = Action.SKIP, [here.reason or "cannot be written"]
        elif here.state == "absent":
            if ours_before is None:
                action, after = Action.CREATE, wanted
        elif relpath == GRAPH and ours_before == sha256_text(here.text or ""):
            if here.text != wanted:
                action, after = Action.UPDATE, wanted
        elif relpath == HOME_NOTE and home_links is not None and here.text is not None:
            merged = render_home(here.text, home_links)
            if merged != here.text:
                action, after, notes = Action.MERGE, merged, ["the list of roadmaps"]
        elif relpath == TYPES:
            merged = add_missing_types(here.text or "", json.loads(text)["types"])
            if merged is not None:
                action, after, notes = Action.MERGE, merged, ["added roadvault's property types"]
        if action in (Action.UPDATE, Action.MERGE) and not here.writable:
            action, after, notes = Action.SKIP, here.text, ["is read-only; left unchanged"]
        entry = PlannedFile(relpath, action, "template", notes=notes, before=here.text, after=after)
        entry.expect = here.raw
        entry.base_after = wanted  # what roadvault writes there (template_record)
        if action in (Action.CREATE, Action.UPDATE, Action.MERGE):
            entry.data = encode_like(after or "", here)
        planned.append(entry)
    return planned


def template_record(planned: list[PlannedFile], before: Mapping[str, str]) -> dict[str, str]:
    """The manifest's `template` map after the build: what roadvault wrote, by sha256."""
    record = dict(before)
    for entry in planned:
        if entry.kind != "template":
            continue
        written = entry.action in (Action.CREATE, Action.UPDATE)
        # A types.json we merged keys into stays the learner's unless it was ours before.
        merged_ours = entry.action is Action.MERGE and entry.relpath in record
        # Exactly what roadvault writes, yet unrecorded: a first build killed before its
        # manifest, or a deleted .roadvault/, wrote it. Ours, as after an unbroken build.
        found_ours = entry.relpath not in record and entry.after == entry.base_after
        if (written or merged_ours or found_ours) and entry.after is not None:
            record[entry.relpath] = sha256_text(entry.after)
    return dict(sorted(record.items()))
