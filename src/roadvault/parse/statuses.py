"""Statuses: what the author already marked done, in progress or skipped.

Task boxes are the common way (`[x]`, `[/]`, `[-]`, and check marks written inside the
brackets, `[✔️]`, `[✓]`, which titles.py reads as done). Trackers also mark items with a
leading glyph (✅ done, ⏳ in progress, ⬜ or ➖ not yet) — in a `<summary>`, a heading or a
bullet — and tables with a Status column (tables.py). A glyph is read as a status only in a
document that uses at least two kinds of them: one ✅ in front of every heading is decoration.
"""

from __future__ import annotations

from roadvault.model import Status
from roadvault.parse.drafts import Draft, walk
from roadvault.parse.rules import fired, rule

MIN_GLYPH_ITEMS = 2


@rule("status-glyphs")
def read_status_glyphs(root: Draft) -> None:
    """Leading ✅/⏳/⬜/➖ glyphs are statuses when the document uses more than one kind."""
    marked = [d for d in walk(root) if d.glyph is not None and d.marker is None]
    kinds = {d.glyph for d in marked}
    if len(marked) < MIN_GLYPH_ITEMS or len(kinds) < 2:
        return
    for draft in marked:
        draft.marker = draft.glyph
        fired("status-glyphs", draft.line, "item")


@rule("ticked-parent")
def inherited_status(draft: Draft, inherited: Status | None) -> Status | None:
    """A ticked parent means its plain sub-bullets are done too; a sub-item written as its
    own task box keeps the status the author gave it."""
    if inherited is None or draft.is_task:
        return None
    fired("ticked-parent", draft.line, "item")
    return inherited
