"""Every seed roadmap and the example build into vaults that pass every check, and an
independent Markdown reader (markdown-it-py + tasklists) agrees with what was meant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, SHARED, examples, read_tree
from roadvault.cli import cli
from roadvault.model import Node, Roadmap
from roadvault.parse import read_roadmap
from roadvault.vault import check
from roadvault.vault.build import authored_link_targets, build_vault
from roadvault.vault.render.notes import PROGRESS_LINK
from support.markdown_oracle import read_note

from .roadmaps import data_roadmap, generated_roadmap
from .strategies import roadmaps

SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
EXAMPLES = sorted((REPO / "examples").glob("*.md"))


def parsed_leaf_count(path: Path) -> int:
    """Leaves as `roadvault parse --json` reports them (what the user sees)."""
    result = CliRunner().invoke(cli, ["parse", str(path), "--json"])
    assert result.exit_code == 0, result.stderr

    def leaves(nodes: list[dict]) -> int:
        return sum(leaves(n["children"]) if n["children"] else 1 for n in nodes)

    return leaves(json.loads(result.stdout)["nodes"])


def check_built_vault(vault: Path, roadmap: Roadmap) -> dict[str, str]:
    """Every vault check passes; returns the generated files."""
    files = read_tree(vault)
    manifest = json.loads(files[".roadvault/manifest.json"])
    owned = [path for path in manifest["files"] if path in files]
    assert owned, "nothing generated"
    allowed = authored_link_targets(roadmap)
    if "Progress.md" not in files:
        allowed.add(PROGRESS_LINK)  # written by the progress work when it is installed
    vault_files = {path: text for path, text in files.items() if not path.startswith(".")}
    problems = check.check_vault(vault_files, owned=owned, authored_targets=allowed)
    assert problems == [], "\n".join(map(str, problems))
    for path in owned:
        if path.endswith(".md"):
            properties = check.read_properties(files[path])
            assert properties["roadvault_id"] and properties["roadmap"]
    return {path: files[path] for path in owned}


def agree_with_reader(generated: dict[str, str], roadmap: Roadmap) -> None:
    """markdown-it finds exactly the roadmap's leaves as tasks, with their statuses, nested
    under their parent items, and the same wikilinks our checker found."""
    parent_of: dict[str, str | None] = {}
    for node in roadmap.walk():
        for child in node.children:
            parent_of[child.id] = node.id
    found = {}
    for path, text in generated.items():
        if not path.endswith(".md"):
            continue
        note = read_note(text)
        for task in note.tasks:
            assert task.block_id not in found, task
            found[task.block_id] = task
        assert note.links == [link.target for link in check.find_links(text)], path
        for item_id, parent in note.item_ids.items():
            if parent is not None:
                assert parent_of[item_id] == parent, (path, item_id)
    leaves = {leaf.id: leaf for leaf in roadmap.leaves()}
    assert set(found) == set(leaves)
    for leaf_id, task in found.items():
        expected = leaves[leaf_id].checkbox
        assert task.marker == ("x" if expected == "X" else expected), leaf_id


@pytest.mark.skipif(not SEEDS, reason="no shared seed roadmaps here")
@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.stem)
def test_seed_roadmap_builds_a_clean_vault(path: Path, tmp_path: Path) -> None:
    roadmap = read_roadmap(path)
    build_vault(roadmap, tmp_path)
    generated = check_built_vault(tmp_path, roadmap)
    checkboxes = sum(len(check.find_tasks(t)) for p, t in generated.items() if p.endswith(".md"))
    assert checkboxes == parsed_leaf_count(path)
    agree_with_reader(generated, roadmap)
    assert build_vault(read_roadmap(path), tmp_path).written == 0


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_example_builds_a_clean_vault(path: Path, depth: int, tmp_path: Path) -> None:
    roadmap = read_roadmap(path)
    build_vault(roadmap, tmp_path, depth=depth)
    generated = check_built_vault(tmp_path, roadmap)
    checkboxes = sum(len(check.find_tasks(t)) for p, t in generated.items() if p.endswith(".md"))
    assert checkboxes == parsed_leaf_count(path)
    agree_with_reader(generated, roadmap)


def test_hand_made_and_big_roadmaps_agree_with_the_reader(tmp_path: Path) -> None:
    for index, roadmap in enumerate([data_roadmap(), generated_roadmap(300, phases=3, topics=4)]):
        vault = tmp_path / str(index)
        build_vault(roadmap, vault)
        agree_with_reader(check_built_vault(vault, roadmap), roadmap)


@settings(max_examples=examples(60), deadline=None)
@given(roadmap=roadmaps(max_depth=4), depth=st.integers(0, 3))
def test_random_roadmaps_agree_with_the_reader(roadmap: Roadmap, depth: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        build_vault(roadmap, Path(folder), depth=depth)
        agree_with_reader(check_built_vault(Path(folder), roadmap), roadmap)


def test_structure_lookalike_titles_stay_items(tmp_path: Path) -> None:
    nested = [
        Node(title, children=[Node("leaf")])
        for title in ["# Heading", "1. One", "[x] done", "> quote", "---"]
    ]
    roadmap = Roadmap("R", "r.md", nodes=[Node("P", children=[Node("T", children=nested)])])
    from .roadmaps import with_ids

    with_ids(roadmap)
    build_vault(roadmap, tmp_path)
    agree_with_reader(check_built_vault(tmp_path, roadmap), roadmap)
