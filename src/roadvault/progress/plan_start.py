"""Where a roadmap's plan starts: the `start` property of its roadmap note (the learner may
edit it), else the date `build --start` (or the first build) recorded in the manifest; None
lets the summary fall back to the day of the roadmap's first history entry.

Also `set_start_property()`, which `build --start DATE` uses to write the property."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any

from roadvault.errors import RoadvaultError
from roadvault.fsio import decode_note, edit_note, read_regular, vault_path
from roadvault.progress.manifest import ManifestIndex

logger = logging.getLogger(__name__)

START_PROPERTY = "start"
_FRONT_LIMIT = 1 << 20  # a roadmap note bigger than this is not read for one property


def parse_start(value: Any) -> date | None:
    """A `start` value as YAML gives it (a date, or text like "2026-03-01"); None if not."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def note_start(text: str) -> date | None:
    """The `start` property of a roadmap note's text (a BOM before its front matter
    allowed, as every other reader of a note allows it: `fsio.decode_note`)."""
    from roadvault.obsidian.frontmatter import read_properties

    text = text.removeprefix("\ufeff")
    try:
        properties = read_properties(text)
    except RoadvaultError:
        return None
    return parse_start(properties.get(START_PROPERTY))


def read_plan_starts(vault: Path, index: ManifestIndex) -> dict[str, date]:
    starts: dict[str, date] = {}
    for slug, info in index.roadmaps.items():
        found = None
        if info.note:
            try:
                data = read_regular(vault_path(vault, info.note), limit=_FRONT_LIMIT, what="note")
                found = note_start(decode_note(data[:_FRONT_LIMIT]).text)
            except (OSError, RoadvaultError):
                found = None
        found = found or info.start
        if found is not None:
            starts[slug] = found
    return starts


def set_start_property(vault: Path, relpath: str, start: date) -> bool:
    """Write `start: YYYY-MM-DD` into a roadmap note's properties (one key replaced or
    added, every other line as it was, its line ends and BOM kept as the build keeps them;
    a save of the learner's made meanwhile is kept: `fsio.edit_note`). Returns True when the
    note changed."""
    from roadvault.vault.frontmatter import set_property

    return edit_note(
        vault, relpath, lambda text: set_property(text, START_PROPERTY, start.isoformat())
    )
