"""Carry ids over from the last built roadmap to the new one (owned by issue 5).

STUB: the real implementation replaces this. Interface used by the build:
    carry_over_ids(old, new) -> None   (mutates `new`: matched nodes take the old ids)
"""

from __future__ import annotations

from roadvault.model import Roadmap


def carry_over_ids(old: Roadmap | None, new: Roadmap) -> None:
    """Give every node of `new` that matches a node of `old` the old node's id."""
    return None
