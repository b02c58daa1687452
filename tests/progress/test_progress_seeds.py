"""Seed roadmaps built by `roadvault build`: progress counts what an independent reader
(markdown-it-py) finds, Progress.md's links all resolve, and ticks move the right totals."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from progress_vaults import private_cache  # noqa: F401

from conftest import SHARED, read_tree
from roadvault.parse import read_roadmap
from roadvault.progress import progress_summary, scan_vault, write_progress
from roadvault.vault.check import check_links
from support.build import build_with_progress
from support.markdown_oracle import oracle_tasks

SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


def _build(seed: Path, vault: Path) -> dict:
    build_with_progress(read_roadmap(seed), vault)
    return json.loads((vault / ".roadvault/manifest.json").read_text(encoding="utf-8"))


@pytest.mark.skipif(not SEEDS, reason="no seed roadmaps in ../shared/seeds")
@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_vault_counts_agree_with_markdown_it(seed: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    manifest = _build(seed, vault)
    files = read_tree(vault, skip=lambda p: p.startswith("."))
    # The independent count: markdown-it's tasks in every note, by block id.
    independent: dict[str, str] = {}
    for relpath, text in files.items():
        if not relpath.endswith(".md") or relpath == "Progress.md":
            continue
        lines = text.replace("\r\n", "\n").split("\n")
        for line_no, _col, _depth, marker, _parent in oracle_tasks(text):
            block = lines[line_no].rsplit("^", 1)
            if len(block) == 2:
                independent[block[1].strip()] = marker
    [(slug, roadmap)] = manifest["roadmaps"].items()
    item_ids = [item["id"] for item in roadmap["items"]]
    assert sorted(independent) == sorted(item_ids)  # one checkbox per leaf, all found

    summary = progress_summary(scan_vault(vault), now=NOW)
    [found] = summary["roadmaps"]
    totals = found["totals"]
    assert found["slug"] == slug and found["missing"] == 0
    assert totals["total"] + totals["skipped"] == len(item_ids)
    by_status = {"done": 0, "doing": 0, "todo": 0, "skipped": 0}
    for marker in independent.values():
        status = {"x": "done", "X": "done", "/": "doing", "-": "skipped"}.get(marker, "todo")
        by_status[status] += 1
    assert {k: totals[k] for k in by_status} == by_status


@pytest.mark.skipif(not SEEDS, reason="no seed roadmaps in ../shared/seeds")
def test_seed_progress_note_links_resolve_and_ticks_count(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    manifest = _build(SEEDS[0], vault)
    assert (vault / "Progress.md").exists()  # the build wrote it at its end
    [roadmap] = manifest["roadmaps"].values()
    first = roadmap["items"][0]
    note = vault / first["note"]
    text = note.read_text(encoding="utf-8")
    at = text.index(f"^{first['id']}")
    line_start = text.rindex("\n", 0, at) + 1
    box = text.index("[", line_start) + 1
    before = progress_summary(scan_vault(vault), now=NOW)["roadmaps"][0]["totals"]["done"]
    mark = " " if text[box] in "xX" else "x"
    note.write_text(text[:box] + mark + text[box + 1 :], encoding="utf-8")
    write_progress(vault, now=NOW)
    after = progress_summary(scan_vault(vault), now=NOW)["roadmaps"][0]["totals"]["done"]
    assert after == before + (1 if mark == "x" else -1)
    files = read_tree(vault, skip=lambda p: p.startswith("."))
    assert check_links(files) == []
    progress_text = files["Progress.md"]
    assert progress_text.startswith("---\nroadvault: progress\n")
    assert "[[" in progress_text  # it links to notes and blocks
