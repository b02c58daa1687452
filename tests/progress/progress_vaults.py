"""Small hand-made vaults that follow docs/FORMAT.md, for progress and watch tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import write_tree
from roadvault.model import Status
from roadvault.progress import cache as progress_cache
from roadvault.progress.history import History

ROADMAP = "Data Engineering Starter"
SLUG = "data-engineering-starter"
ROOT = ROADMAP
SQL = f"{ROOT}/01 SQL Foundations"
PIPE = f"{ROOT}/02 Pipelines"
JOINS = f"{SQL}/Joins and Aggregation.md"
MODEL = f"{SQL}/Modelling.md"
SQL_NOTE = f"{SQL}/SQL Foundations.md"
PIPE_NOTE = f"{PIPE}/Pipelines.md"
ROADMAP_NOTE = f"{ROOT}/{ROADMAP}.md"

# Items in roadmap order: (id, title, note, phase)
ITEMS = [
    ("rv-j1", "Inner and outer joins", JOINS, "rv-ph1"),
    ("rv-j2", "GROUP BY and HAVING", JOINS, "rv-ph1"),
    ("rv-j3", "Window functions", JOINS, "rv-ph1"),
    ("rv-m1", "Star schemas", MODEL, "rv-ph1"),
    ("rv-m2", "Slowly changing dimensions", MODEL, "rv-ph1"),
    ("rv-p1", "Batch ingestion", PIPE_NOTE, "rv-ph2"),
    ("rv-p2", "Backfills", PIPE_NOTE, "rv-ph2"),
    ("rv-cap", "Capstone", ROADMAP_NOTE, "rv-cap"),
]


def _props(note_id: str, kind: str, phase: str | None = None) -> str:
    lines = ["---", f"roadvault_id: {note_id}", f"roadvault_kind: {kind}", f"roadmap: {ROADMAP}"]
    if phase:
        lines += [f'phase: "[[{phase}]]"', f'up: "[[{phase}]]"']
    lines += ["tags:", f"  - roadmap/{SLUG}", f"  - roadvault/{kind}", "---"]
    return "\n".join(lines) + "\n"


def notes(**marks: str) -> dict[str, str]:
    """The vault's notes; `marks` sets an item's checkbox character (default todo)."""

    def box(item_id: str) -> str:
        return marks.get(item_id.replace("-", "_"), " ")

    return {
        ROADMAP_NOTE: _props("rv-road", "roadmap")
        + f"# {ROADMAP}\n\n- [[SQL Foundations]] · 3 weeks\n- [[Pipelines]] · 1-2 months\n"
        f"- [{box('rv-cap')}] Capstone · 1 week ^rv-cap\n",
        SQL_NOTE: _props("rv-ph1", "phase")
        + "# SQL Foundations\n\n- [[Joins and Aggregation]]\n- [[Modelling]]\n",
        JOINS: _props("rv-t1", "topic", "SQL Foundations") + "# Joins and Aggregation\n\n"
        f"- [{box('rv-j1')}] Inner and outer joins ^rv-j1\n"
        f"\t- [{marks.get('own_sub', ' ')}] my own subtask\n"
        f"- [{box('rv-j2')}] GROUP BY and HAVING ^rv-j2\n"
        f"- [{box('rv-j3')}] Window functions · 2 days ^rv-j3\n"
        "\n```sql\n- [ ] not a task\n```\n\n## My notes\n",
        MODEL: _props("rv-t2", "topic", "SQL Foundations") + "# Modelling\n\n"
        f"- [{box('rv-m1')}] Star schemas ^rv-m1\n"
        f"- [{box('rv-m2')}] Slowly changing dimensions ^rv-m2\n",
        PIPE_NOTE: _props("rv-ph2", "phase") + "# Pipelines\n\n- Ingestion ^rv-pb\n"
        f"\t- [{box('rv-p1')}] Batch ingestion ^rv-p1\n"
        f"\t- [{box('rv-p2')}] Backfills ^rv-p2\n",
    }


def manifest() -> dict:
    files = {
        ROADMAP_NOTE: {"roadmap": SLUG, "id": "rv-road", "kind": "roadmap", "phase": None},
        SQL_NOTE: {"roadmap": SLUG, "id": "rv-ph1", "kind": "phase", "phase": "rv-ph1"},
        JOINS: {"roadmap": SLUG, "id": "rv-t1", "kind": "topic", "phase": "rv-ph1"},
        MODEL: {"roadmap": SLUG, "id": "rv-t2", "kind": "topic", "phase": "rv-ph1"},
        PIPE_NOTE: {"roadmap": SLUG, "id": "rv-ph2", "kind": "phase", "phase": "rv-ph2"},
    }
    for entry in files.values():
        entry["sha256"] = ""
    return {
        "format": 1,
        "generator": "tests",
        "roadmaps": {
            SLUG: {
                "title": ROADMAP,
                "source": "data-eng.md",
                "folder": ROOT,
                "depth": 2,
                "note": ROADMAP_NOTE,
                "canvas": None,
                "planned_days": [58, 88],
                "phases": [
                    {
                        "id": "rv-ph1",
                        "title": "SQL Foundations",
                        "note": SQL_NOTE,
                        "duration": "3 weeks",
                        "planned_days": [21, 21],
                    },
                    {
                        "id": "rv-ph2",
                        "title": "Pipelines",
                        "note": PIPE_NOTE,
                        "duration": "1-2 months",
                        "planned_days": [30, 60],
                    },
                    {
                        "id": "rv-cap",
                        "title": "Capstone",
                        "note": None,
                        "duration": "1 week",
                        "planned_days": [7, 7],
                    },
                ],
                "items": [
                    {"id": i, "title": t, "note": n, "phase": p, "topic": None, "status": "todo"}
                    for i, t, n, p in ITEMS
                ],
                "notes": {"rv-road": ROADMAP_NOTE},
            }
        },
        "files": files,
    }


def make_vault(root: Path, **marks: str) -> Path:
    """Write the vault (notes + manifest) under `root` and return it."""
    files: dict[str, str | bytes] = dict(notes(**marks))
    files[".roadvault/manifest.json"] = json.dumps(manifest(), indent=2, sort_keys=True)
    write_tree(root, files)
    return root


@pytest.fixture(autouse=True)
def private_cache(private_cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use the progress cache (the test's own: support.cache) even for these small vaults
    (import this fixture)."""
    monkeypatch.setattr(progress_cache, "MIN_NOTES", 0)
    return private_cache_dir


# --- history: a clock, the statuses, and what a history index holds -----------------------

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
STATUSES = list(Status)


def index(history: History) -> tuple:
    """Everything Progress.md is computed from, to compare two ways of reading a history."""
    return (
        history.last,
        history.done_events,
        history.done_at,
        history.started,
        history.active,
        history.latest,
        history.size,
    )
