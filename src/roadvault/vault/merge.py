"""Three-way merge of a generated note (owned by the regeneration work, issue 5).

STUB: the real implementation replaces this. Interface used by vault/plan.py:
    merge_note(base, mine, new) -> MergeResult
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class MergeResult:
    text: str  # the note to write (LF line ends)
    conflicts: int = 0  # number of conflict regions left in `text`
    notes: list[str] = field(default_factory=list)  # human-readable remarks for the report


def merge_note(base: str | None, mine: str, new: str) -> MergeResult:
    """Merge the learner's note (`mine`) with the new rendering, given the last rendering.

    `base` is None when there is no record of what was generated (state lost).
    STUB: keeps the learner's text untouched unless they never edited it.
    """
    if base is not None and mine == base:
        return MergeResult(new)
    return MergeResult(mine, notes=["kept as you edited it (merge not implemented yet)"])
