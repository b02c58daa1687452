"""Helpers for the parser tests: fixture paths and compact views of a parsed roadmap."""

from __future__ import annotations

from pathlib import Path

from roadvault.model import Node, Roadmap

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parse"


def fixture_text(case: str) -> str:
    return (FIXTURES / f"{case}.md").read_text(encoding="utf-8")


def outline(nodes: list[Node]) -> list:
    """(title, children) pairs: the shape a learner sees, nothing else."""
    return [(node.title, outline(node.children)) if node.children else node.title for node in nodes]


def find(roadmap: Roadmap, title: str) -> Node:
    for node in roadmap.walk():
        if node.title == title:
            return node
    raise AssertionError(f"no node titled {title!r} in {[n.title for n in roadmap.walk()]}")


def leaf_titles(roadmap: Roadmap) -> list[str]:
    return [leaf.title for leaf in roadmap.leaves()]
