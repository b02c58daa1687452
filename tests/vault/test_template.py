"""The vault template: shipped files, copied only where absent, never over the learner's."""

from __future__ import annotations

import json

from roadvault.vault.state import ABSENT, DiskFile, sha256_text
from roadvault.vault.template import (
    GRAPH,
    TYPES,
    add_missing_types,
    plan_template,
    read_template,
    render_graph,
)
from roadvault.vault.update.item_travel import Action

from .test_plan import on_disk


def test_template_has_the_safe_obsidian_files_only() -> None:
    template = read_template()
    assert set(template) == {
        ".obsidian/app.json",
        ".obsidian/appearance.json",
        ".obsidian/core-plugins.json",
        ".obsidian/graph.json",
        ".obsidian/snippets/roadvault.css",
        ".obsidian/templates.json",
        ".obsidian/types.json",
        "Home.md",
        "Templates/Topic note.md",
    }
    for relpath, text in template.items():
        if relpath.endswith(".json"):
            json.loads(text)
    assert json.loads(template[".obsidian/appearance.json"]) == {
        "enabledCssSnippets": ["roadvault"]
    }
    assert json.loads(template[".obsidian/templates.json"]) == {"folder": "Templates"}
    types = json.loads(template[TYPES])["types"]
    for key in ["roadvault_id", "roadvault_kind", "roadmap", "phase", "up", "duration"]:
        assert types[key] == "text"
    assert types["tags"] == "tags" and types["aliases"] == "aliases"
    css = template[".obsidian/snippets/roadvault.css"]
    assert "progress" in css and 'data-task="/"' in css and 'data-task="-"' in css
    assert "- [" not in template["Templates/Topic note.md"]  # no task to skew progress


def plan(disk: dict[str, DiskFile], before: dict[str, str] | None = None):
    template = read_template()
    full = {relpath: disk.get(relpath, ABSENT) for relpath in template}
    return {p.relpath: p for p in plan_template(template, full, before or {}, slugs=["a", "b"])}


def test_new_vault_gets_every_file() -> None:
    planned = plan({})
    assert {p.action for p in planned.values()} == {Action.CREATE}
    graph = json.loads(planned[GRAPH].after or "")
    assert [g["query"] for g in graph["colorGroups"]] == ["tag:#roadmap/a", "tag:#roadmap/b"]


def test_learners_files_are_left_alone_and_deleted_ones_not_brought_back() -> None:
    mine = on_disk('{\n  "vimMode": true\n}\n')
    planned = plan({".obsidian/app.json": mine}, before={"Home.md": "sha"})
    assert planned[".obsidian/app.json"].action is Action.UNCHANGED
    assert planned[".obsidian/app.json"].data is None
    assert planned["Home.md"].action is Action.UNCHANGED  # deleted after we wrote it once


def test_graph_is_updated_only_while_it_is_exactly_ours() -> None:
    ours = render_graph(read_template()[GRAPH], ["a"])
    planned = plan({GRAPH: on_disk(ours)}, before={GRAPH: sha256_text(ours)})
    assert planned[GRAPH].action is Action.UPDATE
    changed = ours.replace('"showArrow": true', '"showArrow": false')
    planned = plan({GRAPH: on_disk(changed)}, before={GRAPH: sha256_text(ours)})
    assert planned[GRAPH].action is Action.UNCHANGED


def test_missing_property_types_are_added_textually() -> None:
    text = '{\n  "types": {\n    "mood": "number",\n    "tags": "tags"\n  },\n  "other": 1\n}\n'
    merged = add_missing_types(text, {"tags": "tags", "up": "text"})
    assert merged is not None
    assert merged.endswith('    "mood": "number",\n    "tags": "tags"\n  },\n  "other": 1\n}\n')
    assert json.loads(merged) == {
        "types": {"up": "text", "mood": "number", "tags": "tags"},
        "other": 1,
    }
    assert add_missing_types(merged, {"up": "text"}) is None
    assert add_missing_types('{"types": {}}', {"up": "text"}) == '{"types": {\n    "up": "text"}}'
    assert add_missing_types("{broken", {"up": "text"}) is None
    assert add_missing_types('{"types": []}', {"up": "text"}) is None
    planned = plan({TYPES: on_disk(text)})
    assert planned[TYPES].action is Action.MERGE
