"""The fence-aware task scanner (owned by the progress work, issue 6).

STUB: interface `scan_tasks(text) -> list[Task]` (model.Task), used by progress and by
vault/merge.py to read statuses by block id.
"""

from __future__ import annotations

from roadvault.model import Task


def scan_tasks(text: str) -> list[Task]:
    raise NotImplementedError
