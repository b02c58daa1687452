"""Hand-made roadmap models for the vault tests (no parser needed), and a generator of big
ones for timing."""

from __future__ import annotations

import hashlib

from roadvault.model import Node, Resource, Roadmap, Status


def make_id(*path: str) -> str:
    """A stable `rv-` id from a path of titles (shaped like the parser's: 6 base-36 chars)."""
    value = int(hashlib.sha1("\x1f".join(path).encode()).hexdigest()[:16], 16)
    chars = []
    for _ in range(6):
        value, digit = divmod(value, 36)
        chars.append("0123456789abcdefghijklmnopqrstuvwxyz"[digit])
    return "rv-" + "".join(chars)


def node(title: str, *children: Node, **fields: object) -> Node:
    """A node whose children get ids derived from its own (ids assigned by `with_ids`)."""
    return Node(title=title, children=list(children), **fields)  # type: ignore[arg-type]


def with_ids(roadmap: Roadmap) -> Roadmap:
    """Give every node an id from its path of titles and position (deterministic)."""

    def visit(nodes: list[Node], prefix: tuple[str, ...]) -> None:
        for position, child in enumerate(nodes):
            path = (*prefix, f"{position}:{child.title}")
            if not child.id:
                child.id = make_id(roadmap.title, *path)
            visit(child.children, path)

    visit(roadmap.nodes, ())
    return roadmap


def data_roadmap() -> Roadmap:
    """The EXAMPLE-VAULT.md roadmap, by hand."""
    return with_ids(
        Roadmap(
            title="Data Engineering Starter",
            source="data-eng.md",
            notes="Learn the basics of moving and modelling data.",
            nodes=[
                node(
                    "SQL Foundations",
                    node(
                        "Joins: and Aggregation",
                        node("Inner and outer joins", status=Status.DONE),
                        node("GROUP BY and HAVING", status=Status.DOING),
                        node("Window functions", duration="2 days", planned_days=(2.0, 2.0)),
                        resources=[Resource("Mode SQL tutorial", "https://mode.com/sql-tutorial/")],
                    ),
                    node("Modelling", node("Star schemas"), node("Slowly changing dimensions")),
                    duration="3 weeks",
                    planned_days=(21.0, 21.0),
                    notes="**Goal:** query with confidence.",
                ),
                node(
                    "Pipelines",
                    node(
                        "Batch ingestion",
                        node("Incremental loads", node("Watermarks"), node("Backfills")),
                        node("Idempotent writes", status=Status.SKIPPED),
                    ),
                    node("File formats", node("Parquet basics", marker=">")),
                    node("Read the Airflow docs"),
                    duration="1-2 months",
                    planned_days=(30.0, 60.0),
                ),
                node("Celebrate", duration="1 day", planned_days=(1.0, 1.0)),
            ],
        )
    )


def generated_roadmap(items: int = 2000, *, phases: int = 10, topics: int = 10) -> Roadmap:
    """A roadmap with exactly `items` leaves over phases × topics; every tenth entry of a
    topic is a nested group of two leaves (a checklist two levels deep)."""
    slots = phases * topics
    made = 0
    phase_nodes = []
    for p in range(phases):
        topic_nodes = []
        for t in range(topics):
            quota = (items - made) // (slots - (p * topics + t))
            entries: list[Node] = []
            count = 0
            while count < quota:
                title = f"Item {p + 1}.{t + 1}.{count + 1} on subject {(made + count) % 37}"
                if len(entries) % 10 == 9 and quota - count >= 2:
                    pair = [Node(title=f"{title} part {k}") for k in (1, 2)]
                    entries.append(Node(title=title, children=pair))
                    count += 2
                else:
                    duration = "1 day" if count % 5 == 0 else None
                    entries.append(Node(title=title, duration=duration))
                    count += 1
            made += count
            topic_nodes.append(Node(title=f"Topic {t + 1} of phase {p + 1}", children=entries))
        phase_nodes.append(Node(title=f"Phase {p + 1}", children=topic_nodes, duration="2 weeks"))
    return with_ids(Roadmap(title="Big Roadmap", source="big.md", nodes=phase_nodes))
