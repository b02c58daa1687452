"""Stable ids: same input, same ids; duplicates differ; the format Obsidian accepts."""

from __future__ import annotations

import re

from roadvault.model import Node, Roadmap
from roadvault.parse import assign_ids, parse_roadmap
from roadvault.parse import ids as ids_module

TEXT = "# Plan\n## A\n- [ ] Intro\n- [ ] Intro\n## B\n- [ ] Intro\n"


def test_ids_are_rv_base36_and_unique() -> None:
    roadmap = parse_roadmap(TEXT)
    found = [node.id for node in roadmap.walk()]
    assert all(re.fullmatch(r"rv-[a-z0-9]{6}", i) for i in found)
    assert len(set(found)) == len(found)


def test_same_input_same_ids_and_title_seeds_them() -> None:
    first = [n.id for n in parse_roadmap(TEXT).walk()]
    assert first == [n.id for n in parse_roadmap(TEXT).walk()]
    renamed = [n.id for n in parse_roadmap(TEXT, name="Other").walk()]
    assert set(first).isdisjoint(renamed)


def test_ids_ignore_case_and_spacing_of_titles() -> None:
    a = parse_roadmap("# P\n- [ ] Linear  Algebra\n").nodes[0].id
    b = parse_roadmap("# P\n- [x] linear algebra\n").nodes[0].id
    assert a == b


def test_an_edit_elsewhere_does_not_move_ids() -> None:
    before = parse_roadmap("# P\n## A\n- [ ] x\n## B\n- [ ] y\n")
    after = parse_roadmap("# P\n## A\n- [ ] x\n- [ ] new\n## B\n- [ ] y\n")
    assert before.nodes[1].children[0].id == after.nodes[1].children[0].id


def test_collisions_are_rehashed(monkeypatch) -> None:
    real = ids_module.node_id

    def colliding(title: str, path: list, attempt: int = 0) -> str:
        return "rv-000000" if attempt == 0 else real(title, path, attempt)

    monkeypatch.setattr(ids_module, "node_id", colliding)
    roadmap = Roadmap(title="T", source="t", nodes=[Node("a"), Node("b"), Node("c")])
    assign_ids(roadmap)
    got = [n.id for n in roadmap.nodes]
    assert got[0] == "rv-000000" and len(set(got)) == 3


def test_deep_roadmaps_get_ids_without_recursion_limits() -> None:
    root = node = Node("level 0")
    for depth in range(1, 3000):
        child = Node(f"level {depth}")
        node.children.append(child)
        node = child
    roadmap = Roadmap(title="Deep", source="d", nodes=[root])
    assign_ids(roadmap)
    assert node.id.startswith("rv-")
