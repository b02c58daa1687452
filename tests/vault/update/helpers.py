"""Small builders for regeneration tests: roadmap trees from nested tuples."""

from __future__ import annotations

import hashlib

from roadvault.model import Node, Roadmap, Status


def path_id(*titles: str) -> str:
    digest = hashlib.sha1("\x1f".join(t.casefold() for t in titles).encode()).hexdigest()
    return "rv-" + digest[:6]


def tree(title: str, spec: list, *, statuses: dict[str, Status] | None = None) -> Roadmap:
    """`spec` items are a title (leaf) or (title, [children]). Ids hash the title path."""
    statuses = statuses or {}

    def build(items: list, path: tuple[str, ...]) -> list[Node]:
        nodes = []
        seen: dict[str, int] = {}
        for item in items:
            name, kids = (item, []) if isinstance(item, str) else item
            seen[name] = seen.get(name, -1) + 1  # namesakes differ, as in the parser
            node_path = (*path, name if not seen[name] else f"{name}#{seen[name]}")
            node = Node(
                title=name,
                id=path_id(*node_path),
                status=statuses.get(name, Status.TODO),
                children=build(kids, node_path),
            )
            nodes.append(node)
        return nodes

    return Roadmap(title=title, source="test.md", nodes=build(spec, (title,)))


def ids_by_title(roadmap: Roadmap) -> dict[str, str]:
    return {node.title: node.id for node in roadmap.walk()}
