"""Which roadmap in the vault an incoming one is (vault/update/identity.py), on manifest records."""

from __future__ import annotations

from roadvault.manifest import RoadmapRecord
from roadvault.model import Node, Roadmap
from roadvault.vault.update.identity import match_roadmap


def _roadmap(title: str, items: list[str]) -> Roadmap:
    return Roadmap(title=title, source="x.md", nodes=[Node(title=t) for t in items])


def _entry(title: str, items: list[str], source: str) -> RoadmapRecord:
    return RoadmapRecord.from_json(
        {
            "title": title,
            "folder": title,
            "source_path": source,
            "items": [{"title": t} for t in items],
        }
    )


def test_the_next_version_saved_beside_the_old_file_with_the_same_title_is_the_same_roadmap():
    old = ["Knots", "Sails", "Docking", "Anchoring", "Tides"]
    new = ["Knots", "Sails", "Docking updated", "Anchoring", "Tides updated"]
    found = match_roadmap(
        {"sailing": _entry("Sailing", old, "/plans/v1.md")},
        _roadmap("Sailing", new),
        source_path="/plans/v2.md",
        slug="sailing",
        folder="Sailing",
        source_exists=lambda recorded: True,
    )
    assert (found.slug, found.reason) == ("sailing", "items")


def test_another_file_with_the_same_title_and_other_items_is_kept_apart():
    found = match_roadmap(
        {"sailing": _entry("Sailing", ["Knots", "Sails", "Tides"], "/plans/v1.md")},
        _roadmap("Sailing", ["Chess openings", "Endgames", "Tactics"]),
        source_path="/other/roadmap.md",
        slug="sailing",
        folder="Sailing",
        source_exists=lambda recorded: True,
    )
    assert (found.slug, found.apart_from) == (None, "sailing")
